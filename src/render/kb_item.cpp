// `apigap kb show`: the views and JSON of one skill, level, group or tool.
#include "kb_item.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

/// The fewest columns the text beside a label keeps (36 columns of label at 80).
constexpr std::size_t k_min_text_column = 38;

/// The scale's name for `rating` (`proficient`), or the number itself.
std::string scale_name(const KnowledgeBase& kb, int rating) {
    for (const ScaleEntry& entry : kb.scale) {
        if (entry.rating == rating) {
            return entry.name;
        }
    }
    return fmt::format("{}", rating);
}

std::string ordinal_best(int rank) {
    switch (rank) {
    case 1:
        return "best";
    case 2:
        return "second best";
    case 3:
        return "third best";
    default:
        return fmt::format("number {} best", rank);
    }
}

std::string target_text(const KnowledgeBase& kb, const Target& target) {
    return fmt::format("target {} ({}), weight {}", target.rating, scale_name(kb, target.rating),
                       format_number(target.weight));
}

void add(ItemView& view, std::string title, SectionKind kind, std::vector<Entry> entries) {
    if (!entries.empty()) {
        view.sections.push_back(Section{std::move(title), kind, std::move(entries)});
    }
}

std::vector<Entry> texts(const std::vector<std::string>& items) {
    std::vector<Entry> entries;
    entries.reserve(items.size());
    for (const std::string& item : items) {
        entries.push_back(Entry{{}, item, {}});
    }
    return entries;
}

std::string skill_name(const KnowledgeBase& kb, const std::string& id) {
    const Skill* skill = kb.find_skill(id);
    return skill != nullptr ? skill->name : id;
}

/// What each level asks of `skill`, directly or through a group it belongs to.
std::vector<Entry> level_targets(const KnowledgeBase& kb, const Skill& skill) {
    std::vector<Entry> entries;
    for (const Level& level : kb.levels) {
        for (const Target& target : level.targets) {
            const Group* group = kb.find_group(target.id);
            if (target.id == skill.id) {
                entries.push_back(Entry{level.name, target_text(kb, target), {}});
            } else if (group != nullptr &&
                       std::find(group->members.begin(), group->members.end(), skill.id) != group->members.end()) {
                entries.push_back(Entry{level.name,
                                        fmt::format("{}, when it is your {} of {}", target_text(kb, target),
                                                    ordinal_best(target.rank), group->name),
                                        {}});
            }
        }
    }
    return entries;
}

std::string ratings_text(const std::vector<int>& ratings) {
    std::vector<std::string> numbers;
    numbers.reserve(ratings.size());
    for (const int rating : ratings) {
        numbers.push_back(fmt::format("{}", rating));
    }
    if (numbers.empty()) {
        return {};
    }
    return fmt::format("{} {}", numbers.size() == 1 ? "rating" : "ratings", join(numbers, ", "));
}

Json resources_json(const std::vector<Resource>& resources) {
    Json array = Json::array();
    for (const Resource& resource : resources) {
        array.push_back(Json{
            {"title", resource.title}, {"url", resource.url}, {"type", resource.type}, {"ratings", resource.ratings}});
    }
    return array;
}

/// The width of the labels' column: the widest label, as far as the text beside it keeps `k_min_text_column`
/// columns; a longer label wraps.
std::size_t label_width(const TextWriter& out, const Section& section) {
    std::vector<std::string> labels;
    for (const Entry& entry : section.entries) {
        labels.push_back(entry.label);
    }
    return out.column(labels, 2 + 2 + k_min_text_column);
}

void write_section_text(TextWriter& out, const Section& section) {
    std::string title = section.title;
    std::transform(title.begin(), title.end(), title.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    out.heading(title);
    const std::string bullet = fmt::format("{} ", out.glyphs().bullet);
    const std::size_t width = label_width(out, section);
    for (const Entry& entry : section.entries) {
        switch (section.kind) {
        case SectionKind::paragraph:
            if (!entry.text.empty()) {
                out.paragraph(2, "", entry.text);
            }
            if (!entry.url.empty()) {
                out.paragraph(2, entry.label + ": ", entry.url, sgr::k_dim);
            }
            break;
        case SectionKind::list:
            out.paragraph(2, bullet, entry.label.empty() ? entry.text : entry.label + ": " + entry.text);
            break;
        case SectionKind::labelled:
            out.row("  ", {out.cell(entry.label, width), out.cell(entry.text, out.width() - 4 - width)});
            break;
        case SectionKind::links:
            out.paragraph(2, bullet,
                          entry.text.empty() ? entry.label : fmt::format("{} ({})", entry.label, entry.text));
            out.line("    " + out.paint(sgr::k_cyan, entry.url));  // whole, however long
            break;
        }
    }
}

void write_section_markdown(std::string& out, const Section& section) {
    out += fmt::format("\n### {}\n\n", markdown_escape(section.title));
    for (const Entry& entry : section.entries) {
        const std::string text = markdown_escape(entry.text);
        switch (section.kind) {
        case SectionKind::paragraph:
            out += text.empty() ? "" : text + "\n";
            out += entry.url.empty()
                       ? ""
                       : fmt::format("{}{}: <{}>\n", text.empty() ? "" : "\n", markdown_escape(entry.label), entry.url);
            break;
        case SectionKind::list:
        case SectionKind::labelled:
            out += entry.label.empty() ? fmt::format("- {}\n", text)
                                       : fmt::format("- **{}**: {}\n", markdown_escape(entry.label), text);
            break;
        case SectionKind::links:
            out += fmt::format("- [{}]({}){}\n", markdown_escape(entry.label), markdown_link_target(entry.url),
                               text.empty() ? "" : " (" + text + ")");
            break;
        }
    }
}

}  // namespace

ItemView skill_view(const KnowledgeBase& kb, const Skill& skill) {
    ItemView view{skill.name, fmt::format("{} skill '{}'", to_string(skill.category), skill.id), {}};
    add(view, "Description", SectionKind::paragraph, {Entry{{}, skill.description, {}}});
    std::vector<Entry> rubric;
    for (std::size_t rating = 0; rating < skill.rubric.size(); ++rating) {
        const int value = static_cast<int>(rating);
        rubric.push_back(Entry{fmt::format("{} {}", value, scale_name(kb, value)), skill.rubric[rating], {}});
    }
    add(view, "Rubric", SectionKind::labelled, std::move(rubric));
    add(view, "Targets by level", SectionKind::labelled, level_targets(kb, skill));
    std::vector<Entry> keywords;
    for (const Keyword& keyword : skill.keywords) {
        keywords.push_back(Entry{{},
                                 keyword.aliases.empty()
                                     ? keyword.term
                                     : fmt::format("{} (also: {})", keyword.term, join(keyword.aliases, ", ")),
                                 {}});
    }
    add(view, "Keywords", SectionKind::list, std::move(keywords));
    std::vector<Entry> resources;
    for (const Resource& resource : skill.resources) {
        std::vector<std::string> notes;
        for (const std::string& note : {resource.type, ratings_text(resource.ratings)}) {
            if (!note.empty()) {
                notes.push_back(note);
            }
        }
        resources.push_back(Entry{resource.title, join(notes, "; "), resource.url});
    }
    add(view, "Resources", SectionKind::links, std::move(resources));
    std::vector<Entry> projects;
    for (const Project& project : skill.projects) {
        projects.push_back(Entry{fmt::format("{} → {}, {} h", project.step, project.step + 1, project.hours),
                                 fmt::format("{}. {}", project.title, project.description),
                                 {}});
    }
    add(view, "Projects", SectionKind::list, std::move(projects));
    add(view, "Interview topics", SectionKind::list, texts(skill.interview_topics));
    add(view, "Evidence to write", SectionKind::list, texts(skill.evidence_examples));
    add(view, "Failure patterns", SectionKind::list, texts(skill.failure_patterns));
    add(view, "Sources", SectionKind::list, texts(skill.sources));
    return view;
}

ItemView level_view(const KnowledgeBase& kb, const Level& level) {
    ItemView view{level.name, fmt::format("level '{}'", level.id), {}};
    add(view, "Focus", SectionKind::paragraph, {Entry{{}, level.focus, {}}});
    const std::string band = salary_band(level.salary, "–");
    if (!band.empty()) {
        std::string text = fmt::format("{} {}", band, level.salary.currency);
        text += level.salary.year != 0 ? fmt::format(" ({})", level.salary.year) : "";
        text += level.salary.note.empty() ? "" : ". " + level.salary.note;
        std::vector<Entry> salary{Entry{"Source", text, level.salary.source}};
        if (const std::string scale = pay_scale(kb.pay_reference); !scale.empty()) {
            salary.push_back(Entry{"Source", scale, kb.pay_reference.source});
        }
        add(view, "Salary", SectionKind::paragraph, std::move(salary));
    }
    add(view, "Expectations", SectionKind::list, texts(level.expectations));
    add(view, "Interview stages", SectionKind::list, texts(level.interview_stages));
    std::vector<Entry> targets;
    for (const Target& target : level.targets) {
        const Group* group = kb.find_group(target.id);
        std::string name = group != nullptr ? group->name : skill_name(kb, target.id);
        if (group != nullptr) {
            name += target.rank > 1 ? fmt::format(" ({})", ordinal_best(target.rank)) : " (best)";
        }
        targets.push_back(Entry{name, target_text(kb, target), {}});
    }
    add(view, "Targets", SectionKind::labelled, std::move(targets));
    return view;
}

ItemView group_view(const KnowledgeBase& kb, const Group& group) {
    ItemView view{group.name, fmt::format("group '{}'", group.id), {}};
    std::vector<Entry> members;
    for (const std::string& member : group.members) {
        members.push_back(Entry{member, skill_name(kb, member), {}});
    }
    add(view, "Members", SectionKind::labelled, std::move(members));
    std::vector<Entry> targets;
    for (const Level& level : kb.levels) {
        for (const Target& target : level.targets) {
            if (target.id == group.id) {
                targets.push_back(
                    Entry{level.name,
                          fmt::format("{}, for the {} member", target_text(kb, target), ordinal_best(target.rank)),
                          {}});
            }
        }
    }
    add(view, "Targets by level", SectionKind::labelled, std::move(targets));
    return view;
}

ItemView tool_view(const KnowledgeBase& kb, const Tool& tool) {
    ItemView view{tool.name, fmt::format("{} '{}'", to_string(tool.kind), tool.id), {}};
    add(view, "Also written", SectionKind::list, texts(tool.aliases));
    std::vector<Entry> skills;
    for (const std::string& id : tool.skills) {
        skills.push_back(Entry{id, skill_name(kb, id), {}});
    }
    add(view, "Evidences skills", SectionKind::labelled, std::move(skills));
    if (!tool.url.empty()) {
        add(view, "Website", SectionKind::paragraph, {Entry{"Link", {}, tool.url}});
    }
    return view;
}

Json skill_json(const KnowledgeBase& kb, const Skill& skill) {
    Json keywords = Json::array();
    for (const Keyword& keyword : skill.keywords) {
        keywords.push_back(Json{{"term", keyword.term}, {"aliases", keyword.aliases}});
    }
    Json projects = Json::array();
    for (const Project& project : skill.projects) {
        projects.push_back(Json{{"step", project.step},
                                {"title", project.title},
                                {"description", project.description},
                                {"hours", project.hours}});
    }
    Json targets = Json::array();
    for (const Level& level : kb.levels) {
        for (const Target& target : level.targets) {
            const Group* group = kb.find_group(target.id);
            if (target.id == skill.id || (group != nullptr && std::find(group->members.begin(), group->members.end(),
                                                                        skill.id) != group->members.end())) {
                targets.push_back(Json{{"level", level.id},
                                       {"id", target.id},
                                       {"rank", target.rank},
                                       {"target", target.rating},
                                       {"weight", json_number(target.weight)}});
            }
        }
    }
    Json document = json_header("kb-skill");
    document["item"] = Json{{"id", skill.id},
                            {"name", skill.name},
                            {"category", std::string(to_string(skill.category))},
                            {"description", skill.description},
                            {"rubric", skill.rubric},
                            {"keywords", keywords},
                            {"resources", resources_json(skill.resources)},
                            {"projects", projects},
                            {"interview_topics", skill.interview_topics},
                            {"evidence_examples", skill.evidence_examples},
                            {"failure_patterns", skill.failure_patterns},
                            {"sources", skill.sources},
                            {"targets", targets}};
    return document;
}

Json level_json(const KnowledgeBase& kb, const Level& level) {
    Json targets = Json::array();
    for (const Target& target : level.targets) {
        targets.push_back(Json{{"id", target.id},
                               {"rank", target.rank},
                               {"target", target.rating},
                               {"weight", json_number(target.weight)}});
    }
    Json document = json_header("kb-level");
    document["item"] = Json{{"id", level.id},
                            {"name", level.name},
                            {"focus", level.focus},
                            {"expectations", level.expectations},
                            {"interview_stages", level.interview_stages},
                            {"salary", salary_json(level.salary)},
                            {"pay_reference", pay_reference_json(kb.pay_reference)},
                            {"targets", targets}};
    return document;
}

Json group_json(const Group& group) {
    Json document = json_header("kb-group");
    document["item"] = Json{{"id", group.id}, {"name", group.name}, {"members", group.members}};
    return document;
}

Json tool_json(const Tool& tool) {
    Json document = json_header("kb-tool");
    document["item"] =
        Json{{"id", tool.id},           {"name", tool.name},     {"kind", std::string(to_string(tool.kind))},
             {"aliases", tool.aliases}, {"skills", tool.skills}, {"url", tool.url}};
    return document;
}

std::string view_text(const ItemView& view, const TextStyle& style) {
    TextWriter out(style);
    out.line(out.paint(sgr::k_bold, out.text(view.title)));
    out.line(out.paint(sgr::k_dim, out.text(view.subtitle)));
    for (const Section& section : view.sections) {
        write_section_text(out, section);
    }
    return out.take();
}

std::string view_markdown(const ItemView& view) {
    std::string out = fmt::format("## {}\n\n{}\n", markdown_escape(view.title), markdown_escape(view.subtitle));
    for (const Section& section : view.sections) {
        write_section_markdown(out, section);
    }
    return out;
}

}  // namespace apigap::render_detail
