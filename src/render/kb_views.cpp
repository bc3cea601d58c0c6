// `apigap kb list` and `apigap kb show`: the knowledge base as text, Markdown or JSON.
#include <algorithm>

#include <fmt/format.h>

#include "apigap/render.hpp"
#include "apigap/suggest.hpp"
#include "basic_formats.hpp"
#include "json_support.hpp"
#include "kb_item.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::join;
using render_detail::Json;
using render_detail::TextWriter;
namespace sgr = render_detail::sgr;

constexpr SkillCategory k_categories[] = {SkillCategory::technical, SkillCategory::soft, SkillCategory::situational};
constexpr ToolKind k_tool_kinds[] = {ToolKind::tool, ToolKind::technology, ToolKind::certification};
constexpr std::size_t k_id_width = 22;

// --- kb list -----------------------------------------------------------------

/// The width of the id column, with the gap after it: `k_id_width`, or on a terminal too narrow to leave the text
/// beside it 20 columns, the widest id's.
std::size_t id_column(const TextWriter& out, const KnowledgeBase& kb) {
    constexpr std::size_t k_min_text = 20;
    if (4 + k_id_width + k_min_text <= out.width()) {
        return k_id_width;
    }
    std::size_t widest = 0;
    const auto see = [&](std::string_view id) {
        widest = std::max(widest, render_detail::display_width(out.text(id)));
    };
    std::for_each(kb.skills.begin(), kb.skills.end(), [&](const Skill& skill) { see(skill.id); });
    std::for_each(kb.groups.begin(), kb.groups.end(), [&](const Group& group) { see(group.id); });
    std::for_each(kb.levels.begin(), kb.levels.end(), [&](const Level& level) { see(level.id); });
    for (const ToolKind kind : k_tool_kinds) {
        see(to_string(kind));
    }
    return std::min(k_id_width, widest + 2);
}

/// `id` in a column `id_width` wide (wider when it is), then `text` wrapped in what is left; or, when a word of
/// `text` (a long tool id) is wider than that, `text` on the lines below the id, two columns further in.
void write_id_row(TextWriter& out, std::size_t indent, std::size_t id_width, std::string_view id,
                  std::string_view text) {
    const std::string shown = out.text(id);
    const std::size_t width = std::max(id_width, render_detail::display_width(shown) + 2);
    const std::size_t room = out.width() > indent + width ? out.width() - indent - width : 0;
    if (render_detail::longest_word(out.text(text)) > room) {
        out.line(std::string(indent, ' ') + shown);
        out.row(std::string(indent + 2, ' '), {out.cell(text, out.width() - indent - 2)});
        return;
    }
    out.row(std::string(indent, ' '), {render_detail::Cell{{shown}, width - 2, {}}, out.cell(text, room)});
}

std::string list_text(const KnowledgeBase& kb, const TextStyle& style) {
    TextWriter out(style);
    const std::size_t id_width = id_column(out, kb);
    out.heading("SKILLS");
    for (const SkillCategory category : k_categories) {
        out.line(out.paint(sgr::k_dim, fmt::format("  {}", to_string(category))));
        for (const Skill& skill : kb.skills) {
            if (skill.category == category) {
                write_id_row(out, 4, id_width, skill.id, skill.name);
            }
        }
    }
    out.heading("GROUPS");
    for (const Group& group : kb.groups) {
        write_id_row(out, 2, id_width, group.id, fmt::format("{}: {}", group.name, join(group.members, ", ")));
    }
    out.heading("LEVELS");
    std::vector<std::string> names;
    std::size_t band_width = 0;
    for (const Level& level : kb.levels) {
        names.push_back(level.name);
        band_width = std::max(band_width, render_detail::display_width(
                                              out.text(render_detail::salary_band(level.salary, out.glyphs().dash))));
    }
    // A name wider than what the id and the band leave wraps; the band goes below the name when even the name's
    // longest word would not fit beside it.
    std::size_t word = 0;
    for (const std::string& name : names) {
        word = std::max(word, render_detail::longest_word(out.text(name)));
    }
    const bool band_below = 2 + id_width + std::min<std::size_t>(word, 20) + 2 + band_width > out.width();
    const std::size_t width = out.column(names, 2 + id_width + (band_below ? 0 : 2 + band_width));
    for (const Level& level : kb.levels) {
        const std::string band = out.text(render_detail::salary_band(level.salary, out.glyphs().dash));
        std::vector<render_detail::Cell> cells{render_detail::Cell{{out.text(level.id)}, id_width - 2, {}},
                                               out.cell(level.name, width)};
        if (!band_below) {
            cells.push_back(render_detail::fixed(band));
        } else if (!band.empty()) {
            cells[1].lines.push_back(band);
        }
        out.row("  ", cells);
    }
    out.heading(fmt::format("TOOLS, TECHNOLOGIES AND CERTIFICATIONS ({})", kb.tools.size()));
    for (const ToolKind kind : k_tool_kinds) {
        std::vector<std::string> ids;
        for (const Tool& tool : kb.tools) {
            if (tool.kind == kind) {
                ids.push_back(tool.id);
            }
        }
        if (!ids.empty()) {
            write_id_row(out, 2, id_width, to_string(kind), join(ids, ", "));
        }
    }
    out.blank();
    out.paragraph(0, "", "'apigap kb show ID' shows one skill, group, level or tool in full.", {}, sgr::k_dim);
    return out.take();
}

std::string list_markdown(const KnowledgeBase& kb) {
    using render_detail::markdown_escape;
    std::string out = "## apigap knowledge base\n\n### Skills\n\n| Id | Skill | Category |\n|:--|:--|:--|\n";
    for (const Skill& skill : kb.skills) {
        out += fmt::format("| `{}` | {} | {} |\n", skill.id, markdown_escape(skill.name), to_string(skill.category));
    }
    out += "\n### Groups\n\n| Id | Group | Members |\n|:--|:--|:--|\n";
    for (const Group& group : kb.groups) {
        out += fmt::format("| `{}` | {} | {} |\n", group.id, markdown_escape(group.name), join(group.members, ", "));
    }
    out += "\n### Levels\n\n| Id | Level | Salary band |\n|:--|:--|:--|\n";
    for (const Level& level : kb.levels) {
        out += fmt::format("| `{}` | {} | {} |\n", level.id, markdown_escape(level.name),
                           markdown_escape(render_detail::salary_band(level.salary, "–")));
    }
    out += "\n### Tools, technologies and certifications\n\n| Id | Name | Kind |\n|:--|:--|:--|\n";
    for (const Tool& tool : kb.tools) {
        out += fmt::format("| `{}` | {} | {} |\n", tool.id, markdown_escape(tool.name), to_string(tool.kind));
    }
    return out;
}

std::string list_json(const KnowledgeBase& kb) {
    Json document = render_detail::json_header("kb-list");
    Json& skills = document["skills"] = Json::array();
    for (const Skill& skill : kb.skills) {
        skills.push_back(
            Json{{"id", skill.id}, {"name", skill.name}, {"category", std::string(to_string(skill.category))}});
    }
    Json& groups = document["groups"] = Json::array();
    for (const Group& group : kb.groups) {
        groups.push_back(Json{{"id", group.id}, {"name", group.name}, {"members", group.members}});
    }
    Json& levels = document["levels"] = Json::array();
    for (const Level& level : kb.levels) {
        levels.push_back(Json{{"id", level.id}, {"name", level.name}});
    }
    Json& tools = document["tools"] = Json::array();
    for (const Tool& tool : kb.tools) {
        tools.push_back(Json{{"id", tool.id}, {"name", tool.name}, {"kind", std::string(to_string(tool.kind))}});
    }
    return render_detail::dump_json(document);
}

// --- kb show -----------------------------------------------------------------

[[noreturn]] void throw_unknown_id(const KnowledgeBase& kb, std::string_view id) {
    std::vector<std::string> ids;
    for (const Skill& skill : kb.skills) {
        ids.push_back(skill.id);
    }
    for (const Level& level : kb.levels) {
        ids.push_back(level.id);
    }
    for (const Group& group : kb.groups) {
        ids.push_back(group.id);
    }
    for (const Tool& tool : kb.tools) {
        ids.push_back(tool.id);
    }
    const auto nearest = closest_match(id_in_any_case(id), ids);
    if (nearest) {
        throw Error(fmt::format("unknown id '{}' (did you mean '{}'?)", id, *nearest));
    }
    throw Error(fmt::format("unknown id '{}'; 'apigap kb list' shows every id", id));
}

/// `view` as text or Markdown.
std::string show(const render_detail::ItemView& view, Format format, const TextStyle& style) {
    if (format == Format::markdown) {
        return render_detail::view_markdown(view);
    }
    return render_detail::view_text(view, style);
}

}  // namespace

std::string render_kb_list(const KnowledgeBase& kb, Format format, const TextStyle& style) {
    return render_detail::in_basic_format(
        format, "the knowledge-base list", [&] { return list_text(kb, style); }, [&] { return list_json(kb); },
        [&] { return list_markdown(kb); });
}

std::string render_kb_item(const KnowledgeBase& kb, std::string_view id, Format format, const TextStyle& style) {
    const bool json = format == Format::json;
    const std::string key = id_in_any_case(id);
    if (const Skill* skill = kb.find_skill(key)) {
        return json ? render_detail::dump_json(render_detail::skill_json(kb, *skill))
                    : show(render_detail::skill_view(kb, *skill), format, style);
    }
    if (const Level* level = kb.find_level(key)) {
        return json ? render_detail::dump_json(render_detail::level_json(kb, *level))
                    : show(render_detail::level_view(kb, *level), format, style);
    }
    if (const Group* group = kb.find_group(key)) {
        return json ? render_detail::dump_json(render_detail::group_json(*group))
                    : show(render_detail::group_view(kb, *group), format, style);
    }
    if (const Tool* tool = kb.find_tool(key)) {
        return json ? render_detail::dump_json(render_detail::tool_json(*tool))
                    : show(render_detail::tool_view(kb, *tool), format, style);
    }
    throw_unknown_id(kb, id);
}

}  // namespace apigap
