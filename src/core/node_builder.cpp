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
        if (const auto [first, inserted] =
                parent.keys.emplace(node.scalar, KeySeen{node.mark, parent.node.entries.size()});
            !inserted) {
            if (m_duplicates == nullptr) {
                throw Error(node.mark.location(),
                            fmt::format("duplicate key '{}' (first defined at {}:{})", node.scalar,
                                        first->second.mark.line, first->second.mark.column));
            }
            m_duplicates->push_back(DuplicateKey{node.scalar, first->second.mark, node.mark});
            parent.replaces = first->second.entry;
        }
        parent.key = std::move(node.scalar);
        parent.key_mark = node.mark;
        parent.has_key = true;
        return;
    }
    if (parent.replaces) {
        // The last value takes the place of its key; the earlier entry goes when the mapping closes.
        parent.dropped.push_back(*parent.replaces);
        parent.keys.find(parent.key)->second.entry = parent.node.entries.size();
    }
    parent.node.entries.push_back(Entry{std::move(parent.key), parent.key_mark, std::move(node)});
    parent.has_key = false;
}

}  // namespace apigap::detail
