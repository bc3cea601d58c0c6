// The knowledge-base lint: one function per rule, each adding findings.
#include "apigap/lint.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "ascii.hpp"

namespace apigap {

using detail::ascii_lowercase;

namespace {

using Findings = std::vector<LintFinding>;

void add(Findings& findings, std::string_view rule, const Location& location, std::string message) {
    findings.push_back(LintFinding{std::string(rule), Diagnostic{location, std::move(message)}});
}

std::size_t keyword_minimum(SkillCategory category, const LintMinimums& minimums) {
    switch (category) {
    case SkillCategory::technical:
        return minimums.keywords_technical;
    case SkillCategory::soft:
        return minimums.keywords_soft;
    case SkillCategory::situational:
        return minimums.keywords_situational;
    }
    return minimums.keywords_technical;
}

void check_skill_text(const Skill& skill, const LintMinimums& minimums, Findings& findings) {
    if (skill.description.size() < minimums.description_chars) {
        add(findings, "description", skill.location,
            fmt::format("skill '{}' needs a one-paragraph description (at least {} characters)", skill.id,
                        minimums.description_chars));
    }
    for (std::size_t rating = 0; rating < skill.rubric.size(); ++rating) {
        if (skill.rubric[rating].empty()) {
            add(findings, "rubric", skill.location,
                fmt::format("skill '{}' has no rubric sentence for rating {}", skill.id, rating));
        }
    }
    const auto need = [&](std::string_view rule, std::size_t have, std::size_t want, std::string_view what) {
        if (have < want) {
            add(findings, rule, skill.location,
                fmt::format("skill '{}' has {} {}; at least {} are expected", skill.id, have, what, want));
        }
    };
    need("keywords", skill.keywords.size(), keyword_minimum(skill.category, minimums),
         fmt::format("keywords for a {} skill", to_string(skill.category)));
    need("resources", skill.resources.size(), minimums.resources, "study resources");
    need("interview-topics", skill.interview_topics.size(), minimums.interview_topics, "interview topics");
    need("evidence-examples", skill.evidence_examples.size(), minimums.evidence_examples, "evidence examples");
    need("failure-patterns", skill.failure_patterns.size(), minimums.failure_patterns, "failure patterns");
}

void check_skill_plan(const Skill& skill, Findings& findings) {
    // Soft skills have no specifications; every other skill starts from one.
    const Resource* first = skill.resources.empty() ? nullptr : &skill.resources.front();
    if (skill.category != SkillCategory::soft && first != nullptr && first->type != "spec" && first->type != "docs") {
        add(findings, "primary-first", skill.location,
            fmt::format("skill '{}' lists '{}' first; list primary sources (type spec or docs) first", skill.id,
                        first->title));
    }
    for (int step = 0; step < k_max_rating; ++step) {
        const bool present = std::any_of(skill.projects.begin(), skill.projects.end(),
                                         [&](const Project& project) { return project.step == step; });
        if (!present) {
            add(findings, "projects", skill.location,
                fmt::format("skill '{}' has no project for step {} -> {}", skill.id, step, step + 1));
        }
    }
}

/// Whether `keyword` marks `lower_spelling` (lowercase) as an everyday word.
bool marks_ambiguous(const Keyword& keyword, const std::string& lower_spelling) {
    return std::any_of(keyword.ambiguous.begin(), keyword.ambiguous.end(),
                       [&](const std::string& word) { return ascii_lowercase(word) == lower_spelling; });
}

/// A spelling claimed by two skills is ambiguous evidence unless both mark it shared; shared, both mark it an
/// everyday word or neither does (the scan reads a spelling one way, so one mark alone would be ignored).
void check_keyword_owners(const KnowledgeBase& kb, Findings& findings) {
    struct Owner {
        const Skill* skill;
        const Keyword* keyword;
    };
    std::map<std::string, Owner> owners;
    for (const Skill& skill : kb.skills) {
        for (const Keyword& keyword : skill.keywords) {
            std::vector<std::string> spellings = keyword.aliases;
            spellings.push_back(keyword.term);
            for (const std::string& spelling : spellings) {
                const std::string lower = ascii_lowercase(spelling);
                const auto [it, inserted] = owners.emplace(lower, Owner{&skill, &keyword});
                const Owner& first = it->second;
                if (inserted || first.skill == &skill) {
                    continue;
                }
                if (first.keyword->shared && keyword.shared) {
                    const bool first_marks = marks_ambiguous(*first.keyword, lower);
                    if (first_marks != marks_ambiguous(keyword, lower)) {
                        add(findings, "shared-keyword", keyword.location,
                            fmt::format("'{}' is {}ambiguous here in '{}' but {}in '{}' ({}); mark it the same in both",
                                        spelling, first_marks ? "not " : "", skill.id, first_marks ? "" : "not ",
                                        first.skill->id, to_string(first.keyword->location)));
                    }
                    continue;
                }
                add(findings, "shared-keyword", keyword.location,
                    fmt::format("'{}' evidences both '{}' ({}) and '{}'; mark it shared: true in both, or keep it "
                                "in one",
                                spelling, first.skill->id, to_string(first.keyword->location), skill.id));
            }
        }
    }
}

/// An `ambiguous` entry is one of its keyword's spellings, and each `context` phrase holds one of them.
void check_ambiguous_keywords(const KnowledgeBase& kb, Findings& findings) {
    for (const Skill& skill : kb.skills) {
        for (const Keyword& keyword : skill.keywords) {
            std::vector<std::string> spellings{ascii_lowercase(keyword.term)};
            for (const std::string& alias : keyword.aliases) {
                spellings.push_back(ascii_lowercase(alias));
            }
            std::vector<std::string> ambiguous;
            for (const std::string& word : keyword.ambiguous) {
                ambiguous.push_back(ascii_lowercase(word));
                if (std::find(spellings.begin(), spellings.end(), ambiguous.back()) == spellings.end()) {
                    add(findings, "ambiguous-keyword", keyword.location,
                        fmt::format("'{}' is marked ambiguous but is no spelling of '{}'", word, keyword.term));
                }
            }
            for (const std::string& phrase : keyword.context) {
                const std::string lower = ascii_lowercase(phrase);
                if (std::none_of(ambiguous.begin(), ambiguous.end(),
                                 [&](const std::string& word) { return lower.find(word) != std::string::npos; })) {
                    add(findings, "ambiguous-keyword", keyword.location,
                        fmt::format("context phrase '{}' of '{}' holds none of its ambiguous spellings", phrase,
                                    keyword.term));
                }
            }
        }
    }
}

/// Whether `level` targets `skill`, directly or through a group it belongs to.
bool targets(const KnowledgeBase& kb, const Level& level, const Skill& skill) {
    return std::any_of(level.targets.begin(), level.targets.end(), [&](const Target& target) {
        if (target.id == skill.id) {
            return true;
        }
        const Group* group = kb.find_group(target.id);
        return group != nullptr &&
               std::find(group->members.begin(), group->members.end(), skill.id) != group->members.end();
    });
}

void check_targets(const KnowledgeBase& kb, Findings& findings) {
    for (const Level& level : kb.levels) {
        for (const Skill& skill : kb.skills) {
            if (!targets(kb, level, skill)) {
                add(findings, "target-every-level", level.location,
                    fmt::format("level '{}' sets no target for skill '{}'", level.id, skill.id));
            }
        }
    }
    // Levels are listed from junior to senior: a target may only rise.
    for (std::size_t i = 1; i < kb.levels.size(); ++i) {
        const Level& lower = kb.levels[i - 1];
        const Level& higher = kb.levels[i];
        for (const Target& low : lower.targets) {
            const auto high = std::find_if(higher.targets.begin(), higher.targets.end(),
                                           [&](const Target& t) { return t.id == low.id && t.rank == low.rank; });
            if (high == higher.targets.end()) {
                add(findings, "target-monotonic", higher.location,
                    fmt::format("level '{}' drops the target for '{}' that '{}' sets", higher.id, low.id, lower.id));
            } else if (high->rating < low.rating) {
                add(findings, "target-monotonic", higher.location,
                    fmt::format("level '{}' expects '{}' at {}, below the {} that '{}' expects", higher.id, low.id,
                                high->rating, low.rating, lower.id));
            }
        }
    }
}

void check_levels(const KnowledgeBase& kb, const LintMinimums& minimums, Findings& findings) {
    for (const Level& level : kb.levels) {
        if (level.focus.empty()) {
            add(findings, "level-content", level.location, fmt::format("level '{}' has no focus", level.id));
        }
        if (level.expectations.size() < minimums.expectations) {
            add(findings, "level-content", level.location,
                fmt::format("level '{}' has {} expectations; at least {} are expected", level.id,
                            level.expectations.size(), minimums.expectations));
        }
        if (level.interview_stages.empty()) {
            add(findings, "level-content", level.location,
                fmt::format("level '{}' lists no interview stages", level.id));
        }
        if (level.salary.min <= 0 || level.salary.note.empty()) {
            add(findings, "salary", level.location,
                fmt::format("level '{}' needs a salary band with min and a note on what the figures are", level.id));
        }
    }
}

void check_tools(const KnowledgeBase& kb, Findings& findings) {
    for (const Tool& tool : kb.tools) {
        if (tool.skills.empty() && tool.listed.empty() && tool.related.empty()) {
            add(findings, "tool-skills", tool.location,
                fmt::format("{} '{}' evidences no skill", to_string(tool.kind), tool.id));
        }
    }
    if (kb.industries.empty()) {
        add(findings, "industries", kb.industries_location, "no industries are listed");
    }
}

void check_resume(const ResumeRules& resume, const LintMinimums& minimums, Findings& findings) {
    if (resume.action_verbs.size() < minimums.action_verbs) {
        add(findings, "action-verbs", resume.location,
            fmt::format("{} action verbs; at least {} are expected", resume.action_verbs.size(),
                        minimums.action_verbs));
    }
    const auto rewritten = std::count_if(resume.weak_phrases.begin(), resume.weak_phrases.end(),
                                         [](const WeakPhrase& w) { return !w.rewrite.empty(); });
    if (static_cast<std::size_t>(rewritten) < minimums.weak_phrases) {
        add(findings, "weak-phrases", resume.location,
            fmt::format("{} weak phrases with a rewrite; at least {} are expected", rewritten, minimums.weak_phrases));
    }
    for (const ResumeSection& section : resume.sections) {
        if (section.headings.empty()) {
            add(findings, "section-headings", resume.location,
                fmt::format("resume section '{}' has no headings", section.id));
        }
    }
    if (resume.measurable_patterns.empty()) {
        add(findings, "measurable", resume.location, "no measurable-result patterns are listed");
    }
}

}  // namespace

std::vector<LintFinding> lint_knowledge_base(const KnowledgeBase& kb, const LintMinimums& minimums) {
    Findings findings;
    for (const Skill& skill : kb.skills) {
        check_skill_text(skill, minimums, findings);
        check_skill_plan(skill, findings);
    }
    check_keyword_owners(kb, findings);
    check_ambiguous_keywords(kb, findings);
    check_targets(kb, findings);
    check_levels(kb, minimums, findings);
    check_tools(kb, findings);
    check_resume(kb.resume, minimums, findings);
    return findings;
}

}  // namespace apigap
