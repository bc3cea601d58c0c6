// `apigap check`: keyword coverage of a level, the gate, and the rule catalogue.
#include "apigap/check.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "apigap/report.hpp"
#include "apigap/suggest.hpp"
#include "split_words.hpp"

namespace apigap {

namespace {

/// How many of a missing skill's keywords a finding suggests.
constexpr std::size_t k_suggested_keywords = 3;

/// The first keywords of `skill`, the ones an ATS is likeliest to look for.
std::vector<std::string> main_keywords(const Skill& skill) {
    std::vector<std::string> terms;
    for (const Keyword& keyword : skill.keywords) {
        if (terms.size() == k_suggested_keywords) {
            break;
        }
        terms.push_back(keyword.term);
    }
    return terms;
}

/// Whether `target` is covered: a skill with a keyword on the resume, or a
/// group with at least `rank` members that have one.
CoverageItem cover(const KnowledgeBase& kb, const Target& target,
                   const std::map<std::string, std::vector<std::string>, std::less<>>& found) {
    CoverageItem item{target.id, target.id, target.weight, false, {}, {}};
    if (const Group* group = kb.find_group(target.id)) {
        item.name = group->name;
        int members_found = 0;
        for (const std::string& member : group->members) {
            if (const auto it = found.find(member); it != found.end()) {
                ++members_found;
                item.found.insert(item.found.end(), it->second.begin(), it->second.end());
            } else if (const Skill* skill = kb.find_skill(member)) {
                item.suggest.push_back(skill->name);
            }
        }
        item.covered = members_found >= target.rank;
    } else if (const Skill* skill = kb.find_skill(target.id)) {
        item.name = skill->name;
        if (const auto it = found.find(target.id); it != found.end()) {
            item.found = it->second;
            item.covered = true;
        }
        item.suggest = main_keywords(*skill);
    }
    if (item.covered) {
        item.suggest.clear();
    }
    return item;
}

std::string quoted_list(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) {
        text += (text.empty() ? "'" : ", '") + word + "'";
    }
    return text;
}

Finding missing_finding(const CoverageItem& item, const Level& level) {
    return Finding{"missing-skill", Severity::warning, 0,
                   fmt::format("no keyword for {}, which an ATS screen for {} looks for", item.name, level.name),
                   fmt::format("name it on the lines where you used it, e.g. {}", quoted_list(item.suggest))};
}

/// Each required id, checked in any case (ids are lowercase): an unknown one is an error naming the closest.
void check_required(const KnowledgeBase& kb, const std::vector<std::string>& required) {
    for (const std::string& given : required) {
        const std::string id = id_in_any_case(given);
        if (kb.find_skill(id) != nullptr || kb.find_group(id) != nullptr) {
            continue;
        }
        std::vector<std::string> known;
        for (const Skill& skill : kb.skills) {
            known.push_back(skill.id);
        }
        for (const Group& group : kb.groups) {
            known.push_back(group.id);
        }
        const std::optional<std::string> nearest = closest_match(id, known);
        throw Error(nearest ? fmt::format("--require: unknown skill '{}' (did you mean '{}'?)", given, *nearest)
                            : fmt::format("--require: unknown skill '{}'; `apigap kb list` shows the ids", given));
    }
}

}  // namespace

std::string_view to_string(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::note:
        return "note";
    }
    return "warning";
}

const std::vector<CheckRule>& check_rules() {
    static const std::vector<CheckRule> rules{
        {"required-skill", Severity::error, "A skill named by --require has no keyword on the resume."},
        {"missing-skill", Severity::warning, "A skill the level targets has no keyword on the resume."},
        {"contact-email", Severity::warning, "No email address: a recruiter cannot reply."},
        {"contact-phone", Severity::note, "No phone number."},
        {"contact-link", Severity::note, "No LinkedIn, GitHub or portfolio link."},
        {"section-missing", Severity::warning, "A standard section (experience, education, skills) is missing."},
        {"measurable-results", Severity::warning, "Fewer than half of the experience bullets state a measured result."},
        {"weak-phrase", Severity::warning, "Weak wording that has a stronger rewrite."},
        {"length", Severity::warning, "The resume is too short, or longer than the pages recruiters read."},
        {"date-format", Severity::warning, "Dates are written in more than one way."},
        {"date-order", Severity::warning, "A date range ends before it starts."},
        {"garbled-text", Severity::error, "PDF glyphs without a Unicode mapping: an ATS reads junk.", true},
        {"pdf-no-text-layer", Severity::error, "A PDF page with ink but no text layer (a scan): an ATS reads nothing.",
         true},
        {"pdf-text-in-image", Severity::warning, "A PDF page that is mostly image with few words: its text is lost.",
         true},
        {"pdf-columns", Severity::warning, "A PDF page in two columns, which an ATS may read straight across.", true},
        {"pdf-split-words", Severity::warning, "Words the PDF's text splits with spaces (S U M M A R Y, Postgre SQL).",
         true},
        {"contact-header-footer", Severity::warning, "Email or phone only in a PDF's running page header or footer.",
         true},
        {"invalid-utf8", Severity::warning, "Bytes that are not UTF-8 were replaced.", true},
        {"docx-table", Severity::warning, "Text in a DOCX table, which many ATS skip or scramble.", true},
        {"docx-text-box", Severity::warning, "Text in a DOCX text box, which many ATS skip.", true},
        {"docx-header-footer", Severity::warning, "Text in a DOCX page header or footer, which many ATS ignore.", true},
        {"duplicate-key", Severity::warning, "A JSON Resume key given twice: its last value is read.", true},
        {"source-mismatch", Severity::error, "The --source file does not read like the source of the resume."},
        {"source-keyword-lost", Severity::error, "A keyword of the source (--source) is not in the resume's text."},
        {"source-keyword-mangled", Severity::error,
         "A keyword of the source is in the resume's text only split, spaced or run into other text."},
        {"source-result-lost", Severity::warning,
         "A measurable result of the source is not in the resume's text where its line went."},
        {"source-result-mangled", Severity::warning,
         "A measurable result of the source is in the resume's text only spaced apart or broken up."},
    };
    return rules;
}

const CheckRule* find_check_rule(std::string_view id) {
    const std::vector<CheckRule>& rules = check_rules();
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const CheckRule& known) { return known.id == id; });
    return rule == rules.end() ? nullptr : &*rule;
}

bool CheckReport::passed() const {
    return score >= min_score && std::none_of(findings.begin(), findings.end(), [](const Finding& finding) {
               return finding.severity == Severity::error;
           });
}

CheckReport make_check(const KnowledgeBase& kb, const ResumeDocument& document, const std::vector<Mention>& mentions,
                       const CheckOptions& options) {
    const Level& level = require_level(kb, options.level_id);
    check_required(kb, options.required);
    CheckReport report;
    report.source = document.source;
    report.format = document.format;
    report.lines = document.numbered_lines();
    report.level_id = level.id;
    report.level_name = level.name;
    report.min_score = options.min_score;

    const auto found = keywords_by_skill(mentions);
    double total = 0.0;
    double covered = 0.0;
    for (const Target& target : level.targets) {
        if (target.rating <= 0 || target.weight <= 0.0) {
            continue;
        }
        CoverageItem item = cover(kb, target, found);
        total += item.weight;
        covered += item.covered ? item.weight : 0.0;
        if (!item.covered) {
            report.findings.push_back(missing_finding(item, level));
        }
        report.coverage.push_back(std::move(item));
    }
    // Rounded down, as readiness is: a gate must not pass on rounding.
    report.score = total > 0.0 ? static_cast<int>(std::floor(100.0 * covered / total + 1e-9)) : 100;

    for (const std::string& given : options.required) {
        const auto target = Target{id_in_any_case(given), 1, 1, 0.0};
        const CoverageItem item = cover(kb, target, found);
        if (!item.covered) {
            report.findings.push_back(
                Finding{"required-skill", Severity::error, 0,
                        fmt::format("required skill {} ({}) has no keyword on the resume", item.name, item.id),
                        fmt::format("name it on the lines where you used it, e.g. {}", quoted_list(item.suggest))});
        }
    }
    std::vector<Finding> quality = resume_findings(kb.resume, document);
    report.findings.insert(report.findings.end(), quality.begin(), quality.end());
    if (document.format == InputFormat::pdf) {
        if (std::optional<Finding> split = detail::split_words_finding(kb, document)) {
            report.findings.push_back(std::move(*split));
        }
    }
    std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.line, a.severity, a.rule) < std::tie(b.line, b.severity, b.rule);
    });
    return report;
}

}  // namespace apigap
