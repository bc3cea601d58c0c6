// `apigap kb show`: one skill, level, group or tool as a neutral view
// (rendered as text or Markdown) or as JSON.
#pragma once

#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/render.hpp"
#include "json_support.hpp"

namespace apigap::render_detail {

/// How a section's entries are laid out.
enum class SectionKind {
    paragraph,  ///< running text, then `url` after `label`
    list,       ///< bullets, `label: text`
    labelled,   ///< `label` in a column, `text` beside it
    links,      ///< `label` is a title, `url` a link, `text` a note
};

/// One line or paragraph of a section.
struct Entry {
    std::string label;
    std::string text;
    std::string url;
};

/// A titled part of an item's view (`title` in sentence case; the text view
/// writes it in capitals); empty sections are not shown.
struct Section {
    std::string title;
    SectionKind kind = SectionKind::list;
    std::vector<Entry> entries;
};

/// An item of the knowledge base, ready to render.
struct ItemView {
    std::string title;
    std::string subtitle;  ///< what it is and its id
    std::vector<Section> sections;
};

[[nodiscard]] ItemView skill_view(const KnowledgeBase& kb, const Skill& skill);
[[nodiscard]] ItemView level_view(const KnowledgeBase& kb, const Level& level);
[[nodiscard]] ItemView group_view(const KnowledgeBase& kb, const Group& group);
[[nodiscard]] ItemView tool_view(const KnowledgeBase& kb, const Tool& tool);

/// The item as a `kb-skill`, `kb-level`, `kb-group` or `kb-tool` JSON document,
/// the item itself under `item`.
[[nodiscard]] Json skill_json(const KnowledgeBase& kb, const Skill& skill);
[[nodiscard]] Json level_json(const KnowledgeBase& kb, const Level& level);
[[nodiscard]] Json group_json(const Group& group);
[[nodiscard]] Json tool_json(const Tool& tool);

/// `view` as terminal text in `style`, wrapped to 80 columns.
[[nodiscard]] std::string view_text(const ItemView& view, const TextStyle& style);
/// `view` as Markdown.
[[nodiscard]] std::string view_markdown(const ItemView& view);

}  // namespace apigap::render_detail
