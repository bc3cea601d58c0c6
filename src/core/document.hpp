// A neutral tree of YAML or JSON values with their locations, so that the
// knowledge-base and answers readers never see a third-party type.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "apigap/error.hpp"

namespace apigap::detail {

/// Limits that keep a hostile document from exhausting the stack or memory.
inline constexpr int k_max_depth = 64;
inline constexpr std::size_t k_max_nodes = 200'000;

/// Where a node stands: the source name is shared by every node of a file.
struct Mark {
    std::shared_ptr<const std::string> source;
    int line = 0;
    int column = 0;

    [[nodiscard]] Location location() const;

    /// Marks are equal when they name the same source, line and column.
    friend bool operator==(const Mark& a, const Mark& b) {
        return a.line == b.line && a.column == b.column &&
               (a.source == b.source || (a.source && b.source && *a.source == *b.source));
    }
};

struct Entry;

/// One value: null, a scalar (with whether it was quoted), a sequence or a mapping.
struct Node {
    enum class Kind { null, scalar, sequence, mapping };

    Kind kind = Kind::null;
    std::string scalar;
    bool quoted = false;
    std::vector<Node> items;
    std::vector<Entry> entries;
    Mark mark;

    /// The value under `key` of a mapping, or nullptr.
    [[nodiscard]] const Node* find(std::string_view key) const;
    [[nodiscard]] Node* find(std::string_view key);

    friend bool operator==(const Node&, const Node&) = default;
};

/// A key of a mapping with its value; keys are always scalars.
struct Entry {
    std::string key;
    Mark key_mark;
    Node value;

    friend bool operator==(const Entry&, const Entry&) = default;
};

/// A key given twice in one mapping: where it was first and where again.
struct DuplicateKey {
    std::string key;
    Mark first;
    Mark again;

    friend bool operator==(const DuplicateKey&, const DuplicateKey&) = default;
};

/// A document read by `parse_document_keeping_last`, and the keys it found twice.
struct LenientDocument {
    Node root;
    std::vector<DuplicateKey> duplicates;
};

/// Parses one JSON or YAML document into a `Node`: a `source` ending in
/// `.json` must be JSON; other text is read as JSON when it is valid JSON, as
/// YAML otherwise. Throws `Error` with `source:line:col` on invalid UTF-8,
/// syntax errors, aliases, duplicate keys, more than one document, nesting
/// deeper than `k_max_depth` or more than `k_max_nodes` values.
[[nodiscard]] Node parse_document(std::string_view text, std::string_view source);

/// Parses like `parse_document`, but a key given twice keeps its last value
/// and is listed, as JSON Resume tools read such files; every other check stays.
[[nodiscard]] LenientDocument parse_document_keeping_last(std::string_view text, std::string_view source);

/// Parses YAML with yaml-cpp alone, as `parse_document` does when the fast
/// reader of block_yaml.hpp declines the text; for the tests that compare the two.
[[nodiscard]] Node parse_yaml_with_yaml_cpp(std::string_view text, std::string_view source,
                                            std::vector<DuplicateKey>* duplicates = nullptr);

/// Parses `text` as one strict JSON document (RFC 8259) into a `Node`: strings
/// are quoted scalars, numbers and booleans plain ones with their text. A syntax
/// error is returned, not thrown, so that the caller may read the text as YAML;
/// valid JSON with a duplicate key, nesting deeper than `k_max_depth` or more
/// than `k_max_nodes` values throws `Error`. With a `duplicates` list, a key
/// given twice keeps its last value and is added to the list instead.
[[nodiscard]] std::variant<Node, Diagnostic> parse_json(std::string_view text, std::string_view source,
                                                        std::vector<DuplicateKey>* duplicates = nullptr);

/// Parses like `parse_json` with nlohmann/json alone, as `parse_json` does when
/// the fast reader of json_fast.hpp declines the text; for the tests that compare the two.
[[nodiscard]] std::variant<Node, Diagnostic> parse_json_with_nlohmann(std::string_view text, std::string_view source,
                                                                      std::vector<DuplicateKey>* duplicates = nullptr);

/// `node` as block-style YAML; quoted scalars stay strings.
[[nodiscard]] std::string emit_yaml(const Node& node);

/// `node` as pretty JSON: plain scalars that read as integers, numbers or
/// booleans become JSON numbers and booleans, everything else a string.
[[nodiscard]] std::string emit_json(const Node& node);

}  // namespace apigap::detail
