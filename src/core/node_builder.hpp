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
        std::vector<std::size_t> dropped;  ///< entries whose key came again, removed on `close`
        /// Once the mapping has `k_indexed_from` entries, its keys, to find duplicates in O(log n); before, the
        /// entries are searched, with no allocation per key.
        std::map<std::string, KeySeen, std::less<>> keys;
    };

    /// How many entries a mapping has when its keys are indexed.
    static constexpr std::size_t k_indexed_from = 16;

    void count(const Mark& mark);
    void place(Node node);
    /// Where `key` was first given in `frame`'s mapping, and its latest entry, if it was given before. Indexes the
    /// keys once there are enough of them; once they are, records a new `key` there, at `mark`.
    static std::optional<KeySeen> see_key(Frame& frame, const std::string& key, const Mark& mark);

    std::vector<DuplicateKey>* m_duplicates = nullptr;
    std::vector<Frame> m_stack;
    Node m_root;
    std::size_t m_nodes = 0;
};

}  // namespace apigap::detail
