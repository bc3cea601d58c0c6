// Building the knowledge base from its layers: parse, merge, read, check.
#include "apigap/knowledge_base.hpp"

#include <algorithm>
#include <tuple>

#include "ascii.hpp"
#include "document.hpp"
#include "kb_reader.hpp"
#include "layers.hpp"

namespace apigap {

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

/// Parses and merges every layer, then reads the result; problems collect.
KnowledgeBase build(std::span<const KbLayer> overlays, detail::Problems& problems) {
    detail::Node merged;
    merged.kind = detail::Node::Kind::mapping;
    const auto apply = [&](const KbLayer& layer) {
        try {
            detail::Node root = detail::parse_document(layer.text, layer.source_name);
            if (root.kind != detail::Node::Kind::mapping) {
                problems.add(root.mark,
                             "expected a mapping at the top of a knowledge-base layer, got " + detail::describe(root));
                return;
            }
            detail::merge_layer(merged, std::move(root), problems);
        } catch (const Error& error) {
            problems.add(error.diagnostic());
        }
    };
    for (const KbLayer& layer : builtin_kb_layers()) {
        apply(layer);
    }
    for (const KbLayer& layer : overlays) {
        apply(layer);
    }
    return detail::read_knowledge_base(merged, problems);
}

/// `diagnostics` in layer order (built-in layers, then `overlays`), then by
/// line and column within a file.
std::vector<Diagnostic> in_reading_order(std::vector<Diagnostic> diagnostics, std::span<const KbLayer> overlays) {
    std::vector<std::string> sources;
    for (const KbLayer& layer : builtin_kb_layers()) {
        sources.push_back(layer.source_name);
    }
    for (const KbLayer& layer : overlays) {
        sources.push_back(layer.source_name);
    }
    const auto key = [&](const Diagnostic& d) {
        const auto layer = std::find(sources.begin(), sources.end(), d.location.source) - sources.begin();
        return std::tuple(layer, d.location.line, d.location.column);
    };
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    return diagnostics;
}

}  // namespace

const Skill* KnowledgeBase::find_skill(std::string_view id) const {
    return find_by_id(skills, id);
}
const Group* KnowledgeBase::find_group(std::string_view id) const {
    return find_by_id(groups, id);
}
const Level* KnowledgeBase::find_level(std::string_view id) const {
    return find_by_id(levels, id);
}
const Tool* KnowledgeBase::find_tool(std::string_view id) const {
    return find_by_id(tools, id);
}

std::string id_in_any_case(std::string_view given) {
    return detail::ascii_lowercase(given);
}

std::vector<Diagnostic> validate_knowledge_base(std::span<const KbLayer> overlays) {
    detail::Problems problems;
    (void)build(overlays, problems);
    return in_reading_order(problems.take(), overlays);
}

KnowledgeBase load_knowledge_base(std::span<const KbLayer> overlays) {
    detail::Problems problems;
    KnowledgeBase kb = build(overlays, problems);
    if (!problems.empty()) {
        throw Error(in_reading_order(problems.take(), overlays).front());
    }
    return kb;
}

std::string_view to_string(SkillCategory category) {
    switch (category) {
    case SkillCategory::technical:
        return "technical";
    case SkillCategory::soft:
        return "soft";
    case SkillCategory::situational:
        return "situational";
    }
    return "technical";
}

std::string_view to_string(ToolKind kind) {
    switch (kind) {
    case ToolKind::tool:
        return "tool";
    case ToolKind::technology:
        return "technology";
    case ToolKind::certification:
        return "certification";
    }
    return "tool";
}

std::string_view to_string(SectionEvidence evidence) {
    switch (evidence) {
    case SectionEvidence::use:
        return "use";
    case SectionEvidence::list:
        return "list";
    case SectionEvidence::mention:
        return "mention";
    case SectionEvidence::none:
        return "none";
    }
    return "mention";
}

}  // namespace apigap
