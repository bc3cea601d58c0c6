// `apigap match`: the weighted match of a resume against a posting read by src/core/posting.cpp, skill by skill and
// term by term, and the level verdict.
#include "apigap/match.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "apigap/inference.hpp"
#include "apigap/report.hpp"

namespace apigap {

namespace {

/// The number of the first line of `resume` in `section`, or 0 when no line is.
int section_start(const ResumeDocument& resume, std::string_view section) {
    const auto line = std::find_if(resume.lines.begin(), resume.lines.end(), [&](const ResumeLine& candidate) {
        return resume.section_of(candidate) == section;
    });
    return line == resume.lines.end() ? 0 : line->number;
}

/// Missing first, the heavier first, else in posting order.
template <typename Item>
void missing_first(std::vector<Item>& items) {
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return std::make_pair(a.found, a.found ? 0 : -a.weight) < std::make_pair(b.found, b.found ? 0 : -b.weight);
    });
}

}  // namespace

std::string_view to_string(ResumeSpot spot) {
    return spot == ResumeSpot::experience ? "experience" : "skills";
}

std::string_view to_string(LevelVerdict verdict) {
    switch (verdict) {
    case LevelVerdict::under_levelled:
        return "under-levelled";
    case LevelVerdict::aligned:
        return "aligned";
    case LevelVerdict::over_levelled:
        return "over-levelled";
    }
    return "aligned";
}

LevelVerdict level_verdict(double readiness, std::optional<double> next_readiness) {
    if (readiness < k_underlevelled_below) {
        return LevelVerdict::under_levelled;
    }
    if (next_readiness && *next_readiness >= k_overlevelled_from) {
        return LevelVerdict::over_levelled;
    }
    return LevelVerdict::aligned;
}

LevelVerdict level_verdict_by_order(std::size_t candidate, std::size_t posting) {
    if (candidate < posting) {
        return LevelVerdict::under_levelled;
    }
    return candidate > posting ? LevelVerdict::over_levelled : LevelVerdict::aligned;
}

bool MatchReport::passed() const {
    return score >= min_score;
}

MatchReport match_posting(const Posting& posting, const ResumeDocument& resume,
                          const std::vector<Mention>& resume_mentions, const Report& resume_report, int min_score,
                          const std::optional<std::string>& candidate_level) {
    MatchReport report;
    report.resume_source = resume.source;
    report.resume_format = resume.format;
    report.posting = posting.summary;
    report.min_score = min_score;
    report.skills = posting.skills;

    const auto resume_keywords = keywords_by_skill(resume_mentions);
    int asked = 0;
    int found = 0;
    for (MatchSkill& skill : report.skills) {
        if (const auto keywords = resume_keywords.find(skill.skill_id); keywords != resume_keywords.end()) {
            skill.resume_keywords = keywords->second;
        }
        skill.found = !skill.resume_keywords.empty();
        skill.section_line = section_start(resume, to_string(skill.spot));
        asked += skill.weight;
        found += skill.found ? skill.weight : 0;
    }
    if (asked == 0) {
        throw std::logic_error("the posting has no skill to match");  // `read_posting` refuses such a posting
    }
    report.score = (100 * found) / asked;
    missing_first(report.skills);

    // The posting's own words: a term counts when the resume writes it or one of its aliases.
    std::set<std::string_view> resume_terms;
    for (const Mention& mention : resume_mentions) {
        resume_terms.insert(mention.keyword->keyword);
    }
    report.unassessed_terms = posting.unassessed;
    report.keywords = posting.keywords;
    int terms_asked = 0;
    int terms_found = 0;
    for (MatchKeyword& keyword : report.keywords) {
        keyword.found = resume_terms.count(keyword.term) != 0;
        if (const auto same = resume_keywords.find(keyword.skill_id); !keyword.found && same != resume_keywords.end()) {
            keyword.resume_terms = same->second;
        }
        terms_asked += keyword.weight;
        terms_found += keyword.found ? keyword.weight : 0;
    }
    report.keyword_score = terms_asked == 0 ? 100 : (100 * terms_found) / terms_asked;
    missing_first(report.keywords);

    // `readiness` lists every level in knowledge-base order: the posting's, then the one above it.
    const std::vector<LevelReadiness>& levels = resume_report.readiness;
    const auto place_of = [&](std::string_view level_id) {
        const auto level = std::find_if(levels.begin(), levels.end(),
                                        [&](const LevelReadiness& entry) { return entry.level_id == level_id; });
        if (level == levels.end()) {
            throw std::logic_error(fmt::format("the resume's report has no readiness for level '{}'", level_id));
        }
        return level;
    };
    const auto level = place_of(posting.summary.level_id);
    report.readiness = level->readiness;
    if (std::next(level) != levels.end()) {
        report.next_level_id = std::next(level)->level_id;
        report.next_readiness = std::next(level)->readiness;
    }
    report.candidate_level = candidate_level;
    report.verdict = candidate_level
                         ? level_verdict_by_order(static_cast<std::size_t>(place_of(*candidate_level) - levels.begin()),
                                                  static_cast<std::size_t>(level - levels.begin()))
                         : level_verdict(report.readiness, report.next_readiness);
    return report;
}

}  // namespace apigap
