// Reading the knowledge base, section by section, as docs/knowledge-base.md
// describes it. Every problem is collected so `kb validate` can list them all.
#include "kb_reader.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "apigap/suggest.hpp"

namespace apigap::detail {

namespace {

/// The largest weight a target may have. Weights are relative (the built-in levels use 1 to 3), so 100 leaves room
/// for any scale people write, and keeps every sum of weight × rating that scoring makes finite: 1e308 made
/// readiness NaN.
constexpr double k_max_weight = 100.0;

/// The ids defined so far, to check references against.
struct Ids {
    std::set<std::string, std::less<>> skills;
    std::set<std::string, std::less<>> groups;
};

/// "unknown skill 'x'", with the closest known id when one is near.
std::string unknown(std::string_view what, std::string_view id, const std::set<std::string, std::less<>>& known,
                    const std::set<std::string, std::less<>>& also_known = {}) {
    std::vector<std::string> candidates(known.begin(), known.end());
    candidates.insert(candidates.end(), also_known.begin(), also_known.end());
    if (const auto closest = closest_match(id, candidates)) {
        return fmt::format("unknown {} '{}' (did you mean '{}'?)", what, id, *closest);
    }
    return fmt::format("unknown {} '{}'", what, id);
}

std::string read_id(Fields& fields, Problems& problems) {
    const Node* node = fields.get("id");
    if (node == nullptr) {
        return {};
    }
    auto id = read_text(*node, problems);
    if (id && !is_valid_id(*id)) {
        problems.add(
            node->mark,
            fmt::format("invalid id '{}': use lowercase letters, digits and '-', starting with a letter", *id));
    }
    return id.value_or(std::string());
}

std::vector<ScaleEntry> read_scale(Fields& root, Problems& problems) {
    std::vector<ScaleEntry> scale;
    root.each("scale", true, [&](const Node& item) {
        Fields fields(item, "a scale entry", {"rating", "name", "meaning"}, problems);
        ScaleEntry entry;
        entry.rating = static_cast<int>(fields.integer("rating", 0, k_max_rating).value_or(-1));
        entry.name = fields.text("name");
        entry.meaning = fields.text("meaning");
        if (!fields.valid() || entry.rating < 0) {
            return;
        }
        const bool repeated =
            std::any_of(scale.begin(), scale.end(), [&](const ScaleEntry& e) { return e.rating == entry.rating; });
        if (repeated) {
            problems.add(fields.mark(), fmt::format("rating {} appears twice in the scale", entry.rating));
            return;
        }
        scale.push_back(std::move(entry));
    });
    std::sort(scale.begin(), scale.end(), [](const auto& a, const auto& b) { return a.rating < b.rating; });
    const Node* list = root.get("scale", false);
    for (int rating = 0; rating <= k_max_rating && list != nullptr; ++rating) {
        const bool present = std::any_of(scale.begin(), scale.end(), [&](const auto& e) { return e.rating == rating; });
        if (!present) {
            problems.add(list->mark, fmt::format("the scale has no entry for rating {}", rating));
        }
    }
    return scale;
}

Keyword read_keyword(const Node& node, Problems& problems) {
    Fields fields(node, "a keyword",
                  {"term", "aliases", "case_sensitive", "exclude", "shared", "ambiguous", "context", "related"},
                  problems);
    Keyword keyword;
    keyword.location = fields.mark().location();
    keyword.term = fields.text("term");
    keyword.aliases = fields.texts("aliases", false);
    keyword.case_sensitive = fields.flag("case_sensitive", false);
    keyword.exclude = fields.texts("exclude", false);
    keyword.shared = fields.flag("shared", false);
    keyword.ambiguous = fields.texts("ambiguous", false);
    keyword.context = fields.texts("context", false);
    keyword.related = fields.flag("related", false);
    return keyword;
}

Resource read_resource(const Node& node, Problems& problems) {
    static const std::set<std::string, std::less<>> k_types = {"spec",     "docs",    "book",  "course",
                                                               "tutorial", "article", "video", "practice"};
    Fields fields(node, "a resource", {"title", "url", "type", "ratings"}, problems);
    Resource resource;
    resource.title = fields.text("title");
    resource.url = fields.text("url");
    check_https(fields.get("url", false), resource.url, problems);
    resource.type = fields.text("type");
    if (!resource.type.empty() && k_types.count(resource.type) == 0) {
        problems.add(fields.get("type", false)->mark,
                     fmt::format("unknown resource type '{}'; expected spec, docs, book, course, tutorial, article, "
                                 "video or practice",
                                 resource.type));
    }
    fields.each("ratings", true, [&](const Node& item) {
        if (auto rating = read_integer(item, 1, k_max_rating, problems)) {
            resource.ratings.push_back(static_cast<int>(*rating));
        }
    });
    return resource;
}

Project read_project(const Node& node, Problems& problems) {
    Fields fields(node, "a project", {"step", "title", "description", "hours"}, problems);
    Project project;
    project.step = static_cast<int>(fields.integer("step", 0, k_max_rating - 1).value_or(0));
    project.title = fields.text("title");
    project.description = fields.text("description");
    project.hours = static_cast<int>(fields.integer("hours", 1, 1000).value_or(0));
    return project;
}

SkillCategory read_category(Fields& fields, Problems& problems) {
    const Node* node = fields.get("category");
    if (node == nullptr) {
        return SkillCategory::technical;
    }
    const auto text = read_text(*node, problems).value_or("");
    for (SkillCategory category : {SkillCategory::technical, SkillCategory::soft, SkillCategory::situational}) {
        if (text == to_string(category)) {
            return category;
        }
    }
    problems.add(node->mark, fmt::format("unknown category '{}'; expected technical, soft or situational", text));
    return SkillCategory::technical;
}

std::vector<Skill> read_skills(Fields& root, Problems& problems, Ids& ids) {
    std::vector<Skill> skills;
    root.each("skills", true, [&](const Node& item) {
        Fields fields(item, "a skill",
                      {"id", "name", "category", "description", "rubric", "keywords", "resources", "projects",
                       "interview_topics", "evidence_examples", "failure_patterns", "sources"},
                      problems);
        if (!fields.valid()) {
            return;
        }
        Skill skill;
        skill.location = fields.mark().location();
        skill.id = read_id(fields, problems);
        skill.name = fields.text("name");
        skill.category = read_category(fields, problems);
        skill.description = fields.text("description");
        const std::vector<std::string> rubric = fields.texts("rubric");
        if (const Node* node = fields.get("rubric", false); node != nullptr && rubric.size() != skill.rubric.size()) {
            problems.add(node->mark, fmt::format("expected {} rubric sentences (ratings 0 to {}), got {}",
                                                 skill.rubric.size(), k_max_rating, rubric.size()));
        }
        std::copy_n(rubric.begin(), std::min(rubric.size(), skill.rubric.size()), skill.rubric.begin());
        fields.each("keywords", false, [&](const Node& n) { skill.keywords.push_back(read_keyword(n, problems)); });
        fields.each("resources", false, [&](const Node& n) { skill.resources.push_back(read_resource(n, problems)); });
        fields.each("projects", false, [&](const Node& n) { skill.projects.push_back(read_project(n, problems)); });
        skill.interview_topics = fields.texts("interview_topics", false);
        skill.evidence_examples = fields.texts("evidence_examples", false);
        skill.failure_patterns = fields.texts("failure_patterns", false);
        skill.sources = fields.texts("sources", false);
        if (const Node* node = fields.get("sources", false)) {
            for (std::size_t i = 0; i < skill.sources.size() && i < node->items.size(); ++i) {
                check_https(&node->items[i], skill.sources[i], problems);
            }
        }
        ids.skills.insert(skill.id);
        skills.push_back(std::move(skill));
    });
    return skills;
}

std::vector<Group> read_groups(Fields& root, Problems& problems, Ids& ids) {
    std::vector<Group> groups;
    root.each("groups", false, [&](const Node& item) {
        Fields fields(item, "a group", {"id", "name", "members"}, problems);
        if (!fields.valid()) {
            return;
        }
        Group group;
        group.id = read_id(fields, problems);
        group.name = fields.text("name");
        if (ids.skills.count(group.id) != 0) {
            problems.add(fields.mark(), fmt::format("group id '{}' is already a skill id", group.id));
        }
        fields.each("members", true, [&](const Node& member) {
            auto id = read_text(member, problems);
            if (id && ids.skills.count(*id) == 0) {
                problems.add(member.mark, unknown("skill", *id, ids.skills));
            } else if (id && std::find(group.members.begin(), group.members.end(), *id) != group.members.end()) {
                problems.add(member.mark, fmt::format("skill '{}' is listed twice in group '{}'", *id, group.id));
            } else if (id) {
                group.members.push_back(std::move(*id));
            }
        });
        ids.groups.insert(group.id);
        groups.push_back(std::move(group));
    });
    return groups;
}

Target read_target(const Node& node, const std::vector<Group>& groups, const Ids& ids, Problems& problems) {
    Fields fields(node, "a target", {"id", "rank", "target", "weight"}, problems);
    Target target;
    target.id = fields.text("id");
    target.rank = static_cast<int>(fields.integer("rank", 1, 16, false).value_or(1));
    target.rating = static_cast<int>(fields.integer("target", 1, k_max_rating).value_or(0));
    target.weight = fields.positive_number("weight", k_max_weight).value_or(0.0);
    if (!fields.valid() || target.id.empty()) {
        return target;
    }
    const auto mark_of = [&](std::string_view key) {
        const Node* value = fields.get(key, false);
        return value != nullptr ? value->mark : fields.mark();
    };
    const auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.id == target.id; });
    if (group != groups.end()) {
        if (static_cast<std::size_t>(target.rank) > group->members.size()) {
            problems.add(mark_of("rank"), fmt::format("rank {} is past the {} members of group '{}'", target.rank,
                                                      group->members.size(), target.id));
        }
    } else if (ids.skills.count(target.id) == 0) {
        problems.add(mark_of("id"), unknown("skill or group", target.id, ids.skills, ids.groups));
    } else if (target.rank != 1) {
        problems.add(mark_of("rank"), fmt::format("rank applies to groups only; '{}' is a skill", target.id));
    }
    return target;
}

std::vector<Level> read_levels(Fields& root, const std::vector<Group>& groups, const Ids& ids, Problems& problems) {
    std::vector<Level> levels;
    root.each("levels", true, [&](const Node& item) {
        Fields fields(item, "a level",
                      {"id", "name", "focus", "expectations", "interview_stages", "salary", "targets", "years"},
                      problems);
        if (!fields.valid()) {
            return;
        }
        Level level;
        level.location = fields.mark().location();
        level.id = read_id(fields, problems);
        level.name = fields.text("name");
        level.focus = fields.text("focus");
        level.expectations = fields.texts("expectations", false);
        level.interview_stages = fields.texts("interview_stages", false);
        if (const Node* salary = fields.get("salary")) {
            level.salary = read_salary(*salary, problems);
        }
        fields.each("targets", true,
                    [&](const Node& n) { level.targets.push_back(read_target(n, groups, ids, problems)); });
        if (const Node* years = fields.get("years", false)) {
            level.years = read_years(*years, problems);
        }
        if (level.targets.empty() && fields.get("targets", false) != nullptr) {
            problems.add(fields.mark(), fmt::format("level '{}' has no targets", level.id));
        }
        levels.push_back(std::move(level));
    });
    return levels;
}

ToolKind read_tool_kind(Fields& fields, Problems& problems) {
    const Node* node = fields.get("kind");
    const auto text = node == nullptr ? std::string() : read_text(*node, problems).value_or("");
    for (ToolKind kind : {ToolKind::tool, ToolKind::technology, ToolKind::certification}) {
        if (text == to_string(kind)) {
            return kind;
        }
    }
    if (node != nullptr) {
        problems.add(node->mark, fmt::format("unknown kind '{}'; expected tool, technology or certification", text));
    }
    return ToolKind::tool;
}

std::vector<Tool> read_tools(Fields& root, const Ids& ids, Problems& problems) {
    std::vector<Tool> tools;
    root.each("tools", false, [&](const Node& item) {
        Fields fields(item, "a tool", {"id", "name", "kind", "aliases", "skills", "listed", "related", "url"},
                      problems);
        if (!fields.valid()) {
            return;
        }
        Tool tool;
        tool.location = fields.mark().location();
        tool.id = read_id(fields, problems);
        tool.name = fields.text("name");
        tool.kind = read_tool_kind(fields, problems);
        tool.aliases = fields.texts("aliases", false);
        const auto read_skill_ids = [&](std::string_view key, bool required, std::vector<std::string>& into) {
            fields.each(key, required, [&](const Node& skill) {
                auto id = read_text(skill, problems);
                if (id && ids.skills.count(*id) == 0) {
                    problems.add(skill.mark, unknown("skill", *id, ids.skills));
                } else if (id) {
                    into.push_back(std::move(*id));
                }
            });
        };
        read_skill_ids("skills", fields.get("listed", false) == nullptr && fields.get("related", false) == nullptr,
                       tool.skills);
        read_skill_ids("listed", false, tool.listed);
        read_skill_ids("related", false, tool.related);
        tool.url = fields.text("url", false);
        check_https(fields.get("url", false), tool.url, problems);
        tools.push_back(std::move(tool));
    });
    return tools;
}

SectionEvidence read_section_evidence(Fields& fields, Problems& problems) {
    const Node* node = fields.get("evidence", false);
    if (node == nullptr) {
        return SectionEvidence::mention;
    }
    const std::string text = read_text(*node, problems).value_or("");
    for (SectionEvidence evidence :
         {SectionEvidence::use, SectionEvidence::list, SectionEvidence::mention, SectionEvidence::none}) {
        if (text == to_string(evidence)) {
            return evidence;
        }
    }
    problems.add(node->mark, fmt::format("unknown evidence '{}'; expected use, list, mention or none", text));
    return SectionEvidence::mention;
}

ResumeRules read_resume(Fields& root, const std::vector<Level>& levels, Problems& problems) {
    ResumeRules rules;
    const Node* node = root.get("resume", false);
    if (node == nullptr) {
        return rules;
    }
    Fields fields(*node, "the resume rules",
                  {"sections", "action_verbs", "weak_phrases", "measurable_patterns", "intent_phrases",
                   "negation_phrases", "list_labels", "technical_words", "max_pages", "experience"},
                  problems);
    rules.location = fields.mark().location();
    fields.each("sections", false, [&](const Node& item) {
        Fields section(item, "a resume section", {"id", "headings", "evidence"}, problems);
        rules.sections.push_back(ResumeSection{read_id(section, problems), section.texts("headings"),
                                               read_section_evidence(section, problems)});
    });
    rules.action_verbs = fields.texts("action_verbs", false);
    fields.each("weak_phrases", false, [&](const Node& item) {
        Fields phrase(item, "a weak phrase", {"phrase", "rewrite"}, problems);
        rules.weak_phrases.push_back(WeakPhrase{phrase.text("phrase"), phrase.text("rewrite")});
    });
    rules.measurable_patterns = fields.texts("measurable_patterns", false);
    rules.intent_phrases = fields.texts("intent_phrases", false);
    rules.negation_phrases = fields.texts("negation_phrases", false);
    rules.list_labels = fields.texts("list_labels", false);
    rules.technical_words = fields.texts("technical_words", false);
    rules.max_pages = static_cast<int>(fields.integer("max_pages", 1, 10, false).value_or(2));
    if (const Node* experience = fields.get("experience", false)) {
        rules.experience = read_experience_words(*experience, levels, problems);
    }
    return rules;
}

PostingRules read_posting_rules(Fields& root, Problems& problems) {
    PostingRules rules;
    const Node* node = root.get("posting", false);
    if (node == nullptr) {
        return rules;
    }
    Fields fields(
        *node, "the posting rules",
        {"headings", "preferred_phrases", "alternative_phrases", "alternative_words", "not_terms", "waiver_phrases"},
        problems);
    rules.location = fields.mark().location();
    if (const Node* headings = fields.get("headings", false)) {
        Fields parts(*headings, "the posting headings", {"preferred", "required", "ignored", "context"}, problems);
        rules.preferred_headings = parts.texts("preferred", false);
        rules.required_headings = parts.texts("required", false);
        rules.ignored_headings = parts.texts("ignored", false);
        rules.context_headings = parts.texts("context", false);
    }
    rules.preferred_phrases = fields.texts("preferred_phrases", false);
    rules.alternative_phrases = fields.texts("alternative_phrases", false);
    rules.alternative_words = fields.texts("alternative_words", false);
    rules.not_terms = fields.texts("not_terms", false);
    rules.waiver_phrases = fields.texts("waiver_phrases", false);
    return rules;
}

}  // namespace

void check_https(const Node* node, const std::string& url, Problems& problems) {
    if (node != nullptr && !url.empty() && url.rfind("https://", 0) != 0) {
        problems.add(node->mark, fmt::format("expected an https:// URL, got '{}'", url));
    }
}

KnowledgeBase read_knowledge_base(const Node& root, Problems& problems) {
    Fields fields(root, "the knowledge base",
                  {"scale", "skills", "groups", "levels", "pay_reference", "tools", "industries", "resume", "posting"},
                  problems);
    KnowledgeBase kb;
    Ids ids;
    kb.scale = read_scale(fields, problems);
    kb.skills = read_skills(fields, problems, ids);
    kb.groups = read_groups(fields, problems, ids);
    kb.levels = read_levels(fields, kb.groups, ids, problems);
    kb.pay_reference = read_pay_reference(fields, problems);
    kb.tools = read_tools(fields, ids, problems);
    kb.industries = fields.texts("industries", false);
    if (const Node* industries = fields.get("industries", false)) {
        kb.industries_location = industries->mark.location();
    }
    kb.resume = read_resume(fields, kb.levels, problems);
    kb.posting = read_posting_rules(fields, problems);
    return kb;
}

}  // namespace apigap::detail
