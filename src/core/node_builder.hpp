// Assembling a `Node` tree from a parser's events, with the limits and the
// duplicate-key check that the YAML and the JSON reader share.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"

namespace apigap::detail {

/// Receives values in document order and nests them; throws `Error` at the
/// offending mark on a duplicate or non-scalar key, nesting deeper than
/// `k_max_depth` or more than `k_max_nodes` values. Given a `duplicates`
/// list, a key given twice keeps its last value and is added to it instead.
class NodeBuilder {
public:
    explicit NodeBuilder(std::vector<DuplicateKey>* duplicates = nullptr) : m_duplicates(duplicates) {}

    /// Starts a sequence or mapping at `mark`; its values follow until `close`.
    void open(Node::Kind kind, const Mark& mark);
    /// Ends the innermost open sequence or mapping.
    void close();
    /// Adds a null or scalar value (or a key, inside a mapping that awaits one).
    void add(Node node);
    /// The finished root value.
    [[nodiscard]] Node take_root() { return std::move(m_root); }

private:
    /// Where a key of a mapping was first given, and its entry.
    struct KeySeen {
        Mark mark;
        std::size_t entry = 0;
    };

    /// A container being filled, and for a mapping the key awaiting its value
    /// (and the entry it replaces, when it was given before: the last value
    /// stands where its key is).
    struct Frame {
        Node node;
        bool has_key = false;
        std::string key;
        Mark key_mark;
        std::optional<std::size_t> replaces;
        std::vector<std::size_t> dropped;                  ///< entries whose key came again, removed on `close`
        std::map<std::string, KeySeen, std::less<>> keys;  ///< to find duplicates in O(log n)
    };

    void count(const Mark& mark);
    void place(Node node);

    std::vector<DuplicateKey>* m_duplicates = nullptr;
    std::vector<Frame> m_stack;
    Node m_root;
    std::size_t m_nodes = 0;
};

}  // namespace apigap::detail
