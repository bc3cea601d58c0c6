// Layer merging for the knowledge base.
#include "layers.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

namespace apigap::detail {

namespace {

/// The lists, by path from the root, whose items are identified by `id`
/// (and `rank`). Every other list is replaced whole.
constexpr std::array<std::string_view, 5> k_keyed_lists = {"skills", "groups", "levels", "tools", "levels.targets"};

bool is_keyed_list(std::string_view path) {
    return std::find(k_keyed_lists.begin(), k_keyed_lists.end(), path) != k_keyed_lists.end();
}

std::string child_path(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

/// The identity of a list item, or empty when it has no scalar `id`.
std::string identity(const Node& item) {
    const Node* id = item.kind == Node::Kind::mapping ? item.find("id") : nullptr;
    if (id == nullptr || id->kind != Node::Kind::scalar) {
        return {};
    }
    const Node* rank = item.find("rank");
    const std::string rank_text = rank != nullptr && rank->kind == Node::Kind::scalar ? rank->scalar : "1";
    return id->scalar + "#" + rank_text;
}

void merge_node(Node& base, Node overlay, const std::string& path, Problems& problems);

/// A node merged onto nothing: the same value, with its nested lists checked.
Node fresh(Node overlay, const std::string& path, Problems& problems) {
    Node node;
    node.mark = overlay.mark;
    merge_node(node, std::move(overlay), path, problems);
    return node;
}

void merge_keyed_list(Node& base, Node overlay, const std::string& path, Problems& problems) {
    std::map<std::string, Mark> seen;
    for (Node& item : overlay.items) {
        const std::string item_identity = identity(item);
        if (item_identity.empty()) {
            base.items.push_back(fresh(std::move(item), path, problems));
            continue;
        }
        const Node& id = *item.find("id");
        if (const auto [it, inserted] = seen.emplace(item_identity, id.mark); !inserted) {
            problems.add(id.mark, fmt::format("duplicate id '{}' (first defined at {}:{})", id.scalar, it->second.line,
                                              it->second.column));
            continue;
        }
        auto existing = std::find_if(base.items.begin(), base.items.end(),
                                     [&](const Node& candidate) { return identity(candidate) == item_identity; });
        if (existing == base.items.end()) {
            base.items.push_back(fresh(std::move(item), path, problems));
        } else {
            merge_node(*existing, std::move(item), path, problems);
        }
    }
}

void merge_node(Node& base, Node overlay, const std::string& path, Problems& problems) {
    if (overlay.kind == Node::Kind::mapping) {
        if (base.kind != Node::Kind::mapping) {
            base = Node{Node::Kind::mapping, {}, false, {}, {}, overlay.mark};
        }
        // The latest layer to touch a mapping is where its problems are reported.
        base.mark = overlay.mark;
        for (Entry& entry : overlay.entries) {
            const std::string entry_path = child_path(path, entry.key);
            if (Node* existing = base.find(entry.key)) {
                merge_node(*existing, std::move(entry.value), entry_path, problems);
            } else {
                base.entries.push_back(
                    Entry{std::move(entry.key), entry.key_mark, fresh(std::move(entry.value), entry_path, problems)});
            }
        }
        return;
    }
    if (overlay.kind == Node::Kind::sequence && is_keyed_list(path)) {
        if (base.kind != Node::Kind::sequence) {
            base = Node{Node::Kind::sequence, {}, false, {}, {}, overlay.mark};
        }
        merge_keyed_list(base, std::move(overlay), path, problems);
        return;
    }
    base = std::move(overlay);
}

}  // namespace

void merge_layer(Node& base, Node overlay, Problems& problems) {
    merge_node(base, std::move(overlay), {}, problems);
}

}  // namespace apigap::detail
