// Nesting parser events into a `Node` tree, checked as it grows.
#include "node_builder.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace apigap::detail {

void NodeBuilder::count(const Mark& mark) {
    if (++m_nodes > k_max_nodes) {
        throw Error(mark.location(), fmt::format("too many values (more than {})", k_max_nodes));
    }
}

void NodeBuilder::open(Node::Kind kind, const Mark& mark) {
    count(mark);
    if (m_stack.size() >= static_cast<std::size_t>(k_max_depth)) {
        throw Error(mark.location(), fmt::format("nested too deeply (more than {} levels)", k_max_depth));
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.mark = mark;
    m_stack.push_back(std::move(frame));
}

void NodeBuilder::close() {
    Frame& frame = m_stack.back();
    if (!frame.dropped.empty()) {
        std::sort(frame.dropped.begin(), frame.dropped.end());
        std::vector<Entry> kept;
        kept.reserve(frame.node.entries.size() - frame.dropped.size());
        for (std::size_t i = 0, next = 0; i < frame.node.entries.size(); ++i) {
            if (next < frame.dropped.size() && frame.dropped[next] == i) {
                ++next;
            } else {
                kept.push_back(std::move(frame.node.entries[i]));
            }
        }
        frame.node.entries = std::move(kept);
    }
    Node node = std::move(frame.node);
    m_stack.pop_back();
    place(std::move(node));
}

void NodeBuilder::add(Node node) {
    count(node.mark);
    place(std::move(node));
}

void NodeBuilder::place(Node node) {
    if (m_stack.empty()) {
        m_root = std::move(node);
        return;
    }
    Frame& parent = m_stack.back();
    if (parent.node.kind == Node::Kind::sequence) {
        parent.node.items.push_back(std::move(node));
        return;
    }
    if (!parent.has_key) {
        if (node.kind != Node::Kind::scalar) {
            throw Error(node.mark.location(), "a mapping key must be a plain string");
        }
        parent.replaces.reset();
        if (const std::optional<KeySeen> seen = see_key(parent, node.scalar, node.mark)) {
            if (m_duplicates == nullptr) {
                throw Error(node.mark.location(), fmt::format("duplicate key '{}' (first defined at {}:{})",
                                                              node.scalar, seen->mark.line, seen->mark.column));
            }
            m_duplicates->push_back(DuplicateKey{node.scalar, seen->mark, node.mark});
            parent.replaces = seen->entry;
        }
        parent.key = std::move(node.scalar);
        parent.key_mark = node.mark;
        parent.has_key = true;
        return;
    }
    if (parent.replaces) {
        // The last value takes the place of its key; the earlier entry goes when the mapping closes.
        parent.dropped.push_back(*parent.replaces);
        if (const auto indexed = parent.keys.find(parent.key); indexed != parent.keys.end()) {
            indexed->second.entry = parent.node.entries.size();
        }
    }
    parent.node.entries.push_back(Entry{std::move(parent.key), parent.key_mark, std::move(node)});
    parent.has_key = false;
}

std::optional<NodeBuilder::KeySeen> NodeBuilder::see_key(Frame& frame, const std::string& key, const Mark& mark) {
    const std::vector<Entry>& entries = frame.node.entries;
    if (frame.keys.empty() && entries.size() < k_indexed_from) {
        std::optional<KeySeen> seen;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].key == key) {
                if (!seen) {
                    seen = KeySeen{entries[i].key_mark, i};
                }
                seen->entry = i;  // the last value given stands
            }
        }
        return seen;
    }
    if (frame.keys.empty()) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            frame.keys.try_emplace(entries[i].key, KeySeen{entries[i].key_mark, i}).first->second.entry = i;
        }
    }
    if (const auto [first, inserted] = frame.keys.try_emplace(key, KeySeen{mark, entries.size()}); !inserted) {
        return first->second;
    }
    return std::nullopt;
}

}  // namespace apigap::detail
