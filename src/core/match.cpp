// `apigap match`: reading a job posting's parts, years and level, and the weighted match of a resume against it.
#include "apigap/match.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "apigap/inference.hpp"
#include "apigap/report.hpp"
#include "ascii.hpp"

namespace apigap {

using detail::ascii_lowercase;
using detail::is_ascii_alnum;
using detail::is_ascii_digit;

namespace {

/// Most years a line may ask for before the number is taken for something else (a year, a headcount).
constexpr int k_max_years = 40;
/// A line ending with a colon is a heading when it has at most this many characters.
constexpr std::size_t k_max_heading_chars = 60;

struct HeadingPhrases {
    PostingPart part;
    std::vector<std::string_view> phrases;
};

/// Checked in this order, so that "Preferred qualifications" is preferred and "About the role" context.
const std::array<HeadingPhrases, 4>& heading_phrases() {
    static const std::array<HeadingPhrases, 4> table{{
        {PostingPart::preferred,
         {"nice to have", "nice-to-have", "preferred", "bonus", "plus", "desirable", "good to have", "extra credit"}},
        {PostingPart::required,
         {"requirement", "qualification", "must have", "must-have", "what you'll need", "what you need",
          "what we're looking for", "what we are looking for", "who you are", "you have", "you bring",
          "skills and experience", "skills & experience"}},
        {PostingPart::ignored,
         {"about us", "about the company", "who we are", "benefit", "perks", "equal opportunit", "eeo", "compensation",
          "salary", "how to apply", "our values", "diversity"}},
        {PostingPart::context,
         {"responsibilit", "what you'll do", "what you will do", "about the role", "the role", "your day", "duties",
          "you will"}},
    }};
    return table;
}

constexpr std::array<std::string_view, 8> k_preferred_phrases{"is a plus", "a plus", "nice to have", "nice-to-have",
                                                              "preferred", "bonus",  "desirable",    "good to have"};

/// Words that say a skill is used, not only known: the resume should show it in experience.
constexpr std::array<std::string_view, 18> k_action_words{
    "build", "building", "built", "design",  "designing", "develop",  "developing", "ship",    "shipping",
    "own",   "operate",  "scale", "scaling", "implement", "maintain", "deploy",     "migrate", "experience"};

/// `text` lower-cased, curly apostrophes made straight, without Markdown marks, bullets or a trailing colon.
std::string normalize_heading(std::string_view text) {
    const std::string folded = ascii_lowercase(text);
    std::string lower;
    for (std::size_t at = 0; at < folded.size(); ++at) {
        if (folded.compare(at, 3, "\u2019") == 0) {
            lower += '\'';
            at += 2;
        } else {
            lower += folded[at];
        }
    }
    const std::size_t first = lower.find_first_not_of("#*-_ \t");
    if (first == std::string::npos) {
        return {};
    }
    const std::size_t last = lower.find_last_not_of(":*_ \t");
    return lower.substr(first, last + 1 - first);
}

/// The lower-cased words of `text`.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : ascii_lowercase(text)) {
        if (is_ascii_alnum(c)) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::exchange(word, {}));
        }
    }
    if (!word.empty()) {
        words.push_back(word);
    }
    return words;
}

/// Whether one of the words of `line`, lower-cased, is an action word; read in place, a line can be long.
bool has_action(std::string_view line) {
    std::string word;
    for (std::size_t at = 0; at <= line.size(); ++at) {
        if (at < line.size() && is_ascii_alnum(line[at])) {
            word += detail::ascii_lower(line[at]);
        } else if (!word.empty()) {
            if (std::find(k_action_words.begin(), k_action_words.end(), word) != k_action_words.end()) {
                return true;
            }
            word.clear();
        }
    }
    return false;
}

/// The digits at `at` as a number (`at` moves past them), or -1 when there are none.
int read_number(std::string_view text, std::size_t& at) {
    int value = -1;
    while (at < text.size() && is_ascii_digit(text[at])) {
        value = std::min(1000, std::max(value, 0) * 10 + (text[at] - '0'));
        ++at;
    }
    return value;
}

void skip(std::string_view text, std::size_t& at, std::string_view what) {
    while (at < text.size() && what.find(text[at]) != std::string_view::npos) {
        ++at;
    }
}

/// Whether `text` at `at` starts with `prefix`; moves `at` past it when it does.
bool take(std::string_view text, std::size_t& at, std::string_view prefix) {
    if (text.substr(at, prefix.size()) == prefix) {
        at += prefix.size();
        return true;
    }
    return false;
}

/// Whether `line` may be a heading: the format says so, a short line ends with a colon, or a short line that names
/// no skill does not end a sentence (plain-text postings mark headings by nothing else).
bool looks_like_heading(const ResumeLine& line, bool names_skills) {
    if (line.heading) {
        return true;
    }
    const std::size_t last = line.text.find_last_not_of(" \t");
    if (last == std::string::npos || line.text.size() > k_max_heading_chars) {
        return false;
    }
    return line.text[last] == ':' || (!names_skills && line.text[last] != '.');
}

/// The number of the first line of `resume` in `section`, or 0 when no line is.
int section_start(const ResumeDocument& resume, std::string_view section) {
    const auto line = std::find_if(resume.lines.begin(), resume.lines.end(), [&](const ResumeLine& candidate) {
        return resume.section_of(candidate) == section;
    });
    return line == resume.lines.end() ? 0 : line->number;
}

int rank(PostingPart part) {
    return weight_of(part) * 2 + (part == PostingPart::preferred ? 1 : 0);
}

}  // namespace

std::string_view to_string(PostingPart part) {
    switch (part) {
    case PostingPart::required:
        return "required";
    case PostingPart::preferred:
        return "preferred";
    case PostingPart::context:
        return "context";
    case PostingPart::ignored:
        return "ignored";
    }
    return "context";
}

int weight_of(PostingPart part) {
    switch (part) {
    case PostingPart::required:
        return 2;
    case PostingPart::preferred:
    case PostingPart::context:
        return 1;
    case PostingPart::ignored:
        return 0;
    }
    return 0;
}

std::optional<PostingPart> classify_heading(std::string_view heading) {
    const std::string text = normalize_heading(heading);
    if (text.empty() || text.size() > k_max_heading_chars) {
        return std::nullopt;
    }
    for (const HeadingPhrases& entry : heading_phrases()) {
        for (const std::string_view phrase : entry.phrases) {
            if (text.find(phrase) != std::string::npos) {
                return entry.part;
            }
        }
    }
    return std::nullopt;
}

bool says_preferred(std::string_view line) {
    const std::string lower = ascii_lowercase(line);
    return std::any_of(k_preferred_phrases.begin(), k_preferred_phrases.end(),
                       [&](std::string_view phrase) { return lower.find(phrase) != std::string::npos; });
}

std::optional<int> years_asked(std::string_view line) {
    const std::string lower = ascii_lowercase(line);
    for (std::size_t at = 0; at < lower.size(); ++at) {
        if (!is_ascii_digit(lower[at]) || (at > 0 && is_ascii_alnum(lower[at - 1]))) {
            continue;
        }
        std::size_t end = at;
        const int years = read_number(lower, end);
        skip(lower, end, "+ ");
        if (take(lower, end, "-") || take(lower, end, "\u2013") || take(lower, end, "to ")) {
            skip(lower, end, " ");
            read_number(lower, end);
            skip(lower, end, "+ ");
        }
        if ((take(lower, end, "year") || take(lower, end, "yr")) && years <= k_max_years) {
            return years;
        }
        at = end > at ? end - 1 : at;
    }
    return std::nullopt;
}

std::optional<Seniority> seniority_from_title(std::string_view title) {
    static constexpr std::array<std::string_view, 6> k_senior{"senior", "sr", "lead", "staff", "principal", "head"};
    static constexpr std::array<std::string_view, 7> k_entry{"junior",    "jr",     "entry",     "graduate",
                                                             "associate", "intern", "internship"};
    for (const std::string& word : words_of(title)) {
        if (std::find(k_senior.begin(), k_senior.end(), word) != k_senior.end()) {
            return Seniority::senior;
        }
        if (std::find(k_entry.begin(), k_entry.end(), word) != k_entry.end()) {
            return Seniority::entry;
        }
    }
    return std::nullopt;
}

Seniority seniority_from_years(int years) {
    return years <= 2 ? Seniority::entry : years <= 5 ? Seniority::mid : Seniority::senior;
}

const Level& level_for(const KnowledgeBase& kb, Seniority seniority) {
    const std::string_view id = seniority == Seniority::entry ? "entry"
                                : seniority == Seniority::mid ? "mid"
                                                              : "senior";
    if (const Level* level = kb.find_level(id)) {
        return *level;
    }
    if (kb.levels.empty()) {
        throw Error("the knowledge base has no level to match a posting against");
    }
    const std::size_t index = seniority == Seniority::entry ? 0
                              : seniority == Seniority::mid ? kb.levels.size() / 2
                                                            : kb.levels.size() - 1;
    return kb.levels[index];
}

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

std::string_view to_string(LevelSource source) {
    switch (source) {
    case LevelSource::option:
        return "option";
    case LevelSource::title:
        return "title";
    case LevelSource::years:
        return "years";
    case LevelSource::default_level:
        return "default";
    }
    return "default";
}

bool MatchReport::passed() const {
    return score >= min_score;
}

Posting read_posting(const KnowledgeBase& kb, const ResumeDocument& document, const LineHits& hits_of,
                     std::string_view level_id) {
    Posting posting;
    PostingSummary& summary = posting.summary;
    summary.source = document.source;
    summary.format = document.format;

    PostingPart part = PostingPart::context;
    for (std::size_t i = 0; i < document.lines.size(); ++i) {
        const ResumeLine& line = document.lines[i];
        if (summary.title.empty() && (line.heading || i == 0)) {
            summary.title = normalize_heading(line.text).empty() ? std::string() : quote_line(line.text, 0);
        }
        const std::vector<KeywordHit> hits = hits_of(line.text);
        if (looks_like_heading(line, !hits.empty())) {
            if (const std::optional<PostingPart> opened = classify_heading(line.text)) {
                part = *opened;
                continue;
            }
            if (line.heading) {
                part = PostingPart::context;
                continue;
            }
        }
        if (part == PostingPart::ignored) {
            continue;
        }
        const PostingPart line_part =
            part == PostingPart::required && says_preferred(line.text) ? PostingPart::preferred : part;
        const std::optional<int> years = years_asked(line.text);
        if (years) {
            summary.years = std::max(summary.years.value_or(0), *years);
        }
        const bool experience = years.has_value() || has_action(line.text);
        for (const KeywordHit& hit : hits) {
            auto skill = std::find_if(posting.skills.begin(), posting.skills.end(),
                                      [&](const MatchSkill& known) { return known.skill_id == hit.skill_id; });
            if (skill == posting.skills.end()) {
                const Skill* known = kb.find_skill(hit.skill_id);
                MatchSkill added;
                added.skill_id = hit.skill_id;
                added.name = known != nullptr ? known->name : hit.skill_id;
                added.spelling = hit.text;
                added.part = line_part;
                added.weight = weight_of(line_part);
                added.line = line.number;
                posting.skills.push_back(std::move(added));
                skill = std::prev(posting.skills.end());
            } else if (rank(line_part) > rank(skill->part)) {
                skill->part = line_part;
                skill->weight = weight_of(line_part);
                skill->line = line.number;
            }
            if (years) {
                skill->years = std::max(skill->years.value_or(0), *years);
            }
            if (experience) {
                skill->spot = ResumeSpot::experience;
            }
        }
    }
    if (posting.skills.empty()) {
        throw Error(Location{summary.source}, "the posting names no skill the knowledge base knows; nothing to match");
    }

    const Seniority fallback = summary.years ? seniority_from_years(*summary.years) : Seniority::mid;
    const std::optional<Seniority> titled = seniority_from_title(summary.title);
    const Level& level = !level_id.empty() ? require_level(kb, level_id) : level_for(kb, titled.value_or(fallback));
    summary.level_source = !level_id.empty() ? LevelSource::option
                           : titled          ? LevelSource::title
                           : summary.years   ? LevelSource::years
                                             : LevelSource::default_level;
    summary.level_id = level.id;
    summary.level_name = level.name;
    return posting;
}

MatchReport match_posting(const Posting& posting, const ResumeDocument& resume,
                          const std::vector<Mention>& resume_mentions, const Report& resume_report, int min_score) {
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
    std::stable_sort(report.skills.begin(), report.skills.end(), [](const MatchSkill& a, const MatchSkill& b) {
        return std::make_pair(a.found, a.found ? 0 : -a.weight) < std::make_pair(b.found, b.found ? 0 : -b.weight);
    });

    // `readiness` lists every level in knowledge-base order: the posting's, then the one above it.
    const std::vector<LevelReadiness>& levels = resume_report.readiness;
    const auto level = std::find_if(levels.begin(), levels.end(), [&](const LevelReadiness& entry) {
        return entry.level_id == posting.summary.level_id;
    });
    if (level == levels.end()) {
        throw std::logic_error(
            fmt::format("the resume's report has no readiness for level '{}'", posting.summary.level_id));
    }
    report.readiness = level->readiness;
    if (std::next(level) != levels.end()) {
        report.next_level_id = std::next(level)->level_id;
        report.next_readiness = std::next(level)->readiness;
    }
    report.verdict = level_verdict(report.readiness, report.next_readiness);
    return report;
}

}  // namespace apigap
