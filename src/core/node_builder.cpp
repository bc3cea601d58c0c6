// Nesting parser events into a `Node` tree, checked as it grows.
#include "node_builder.hpp"

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
    Node node = std::move(m_stack.back().node);
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
        if (const auto [first, inserted] = parent.keys.emplace(node.scalar, node.mark); !inserted) {
            throw Error(node.mark.location(), fmt::format("duplicate key '{}' (first defined at {}:{})", node.scalar,
                                                          first->second.line, first->second.column));
        }
        parent.key = std::move(node.scalar);
        parent.key_mark = node.mark;
        parent.has_key = true;
        return;
    }
    parent.node.entries.push_back(Entry{std::move(parent.key), parent.key_mark, std::move(node)});
    parent.has_key = false;
}

}  // namespace apigap::detail
