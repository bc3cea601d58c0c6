// Typed, strict reading of `Node` mappings that collects every problem as a
// diagnostic instead of stopping at the first.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace apigap::detail {

/// Collects the problems found while reading one or more documents.
class Problems {
public:
    void add(const Mark& mark, std::string message);
    void add(Diagnostic diagnostic) { m_diagnostics.push_back(std::move(diagnostic)); }
    [[nodiscard]] bool empty() const { return m_diagnostics.empty(); }
    [[nodiscard]] std::size_t size() const { return m_diagnostics.size(); }
    [[nodiscard]] std::vector<Diagnostic> take() { return std::move(m_diagnostics); }

private:
    std::vector<Diagnostic> m_diagnostics;
};

/// How a node reads in a message: `a list`, `a mapping`, `null`, `the string "3"`.
[[nodiscard]] std::string describe(const Node& node);

/// `node` as text; reports and returns nullopt when it is not a scalar.
std::optional<std::string> read_text(const Node& node, Problems& problems);
/// `node` as an integer in [`min`, `max`]; reports and returns nullopt otherwise.
std::optional<long> read_integer(const Node& node, long min, long max, Problems& problems);
/// `node` as a finite number greater than 0 and at most `max`; reports and returns nullopt otherwise.
std::optional<double> read_positive_number(const Node& node, double max, Problems& problems);
/// `node` as `true` or `false`.
std::optional<bool> read_bool(const Node& node, Problems& problems);
/// `node` as a list of texts.
std::vector<std::string> read_texts(const Node& node, Problems& problems);
/// Whether `id` is a valid identifier: lowercase letters, digits and `-`, starting with a letter.
[[nodiscard]] bool is_valid_id(std::string_view id);

/// The fields of one mapping. Construction reports a node that is not a
/// mapping, and every key that is not in `keys` (with a suggestion).
class Fields {
public:
    Fields(const Node& node, std::string_view what, std::initializer_list<std::string_view> keys, Problems& problems);

    /// Whether the node is a mapping; the getters return nothing otherwise.
    [[nodiscard]] bool valid() const { return m_valid; }
    [[nodiscard]] const Mark& mark() const { return m_node.mark; }

    /// The value under `key`; a missing `required` key is reported.
    const Node* get(std::string_view key, bool required = true);
    std::string text(std::string_view key, bool required = true);
    std::optional<long> integer(std::string_view key, long min, long max, bool required = true);
    std::optional<double> positive_number(std::string_view key, double max, bool required = true);
    bool flag(std::string_view key, bool fallback);
    std::vector<std::string> texts(std::string_view key, bool required = true);

    /// Calls `read_item` for each item of the list under `key`.
    template <typename F>
    void each(std::string_view key, bool required, F&& read_item) {
        const Node* list = get(key, required);
        if (list == nullptr) {
            return;
        }
        if (list->kind != Node::Kind::sequence) {
            m_problems.add(list->mark, "expected a list for '" + std::string(key) + "', got " + describe(*list));
            return;
        }
        for (const Node& item : list->items) {
            read_item(item);
        }
    }

private:
    const Node& m_node;
    std::string m_what;
    Problems& m_problems;
    bool m_valid = false;
};

}  // namespace apigap::detail
