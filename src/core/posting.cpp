// Reading a job posting as `apigap match` does (docs/match.md): its parts, the skills and terms each asks for, the
// years, the level, and what it asks for that the knowledge base does not know. How a sentence reads (choices,
// bonuses, technical-looking words): posting_text.cpp.
#include "apigap/match.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <numeric>
#include <string>
#include <utility>

#include "apigap/error.hpp"
#include "apigap/experience.hpp"
#include "ascii.hpp"
#include "posting_text.hpp"
#include "resume_dates.hpp"

namespace apigap {

using detail::ascii_lowercase;
using detail::is_ascii_alnum;
using detail::is_ascii_digit;

namespace {

/// Most years a line may ask for before the number is taken for something else (a year, a headcount).
constexpr int k_max_years = 40;
/// A line ending with a colon is a heading when it has at most this many characters.
constexpr std::size_t k_max_heading_chars = 60;

/// The most terms a posting lists as not assessed: past that, a posting is no list of technologies.
constexpr std::size_t k_max_unassessed = 20;

/// Words that say a skill is used, not only known: the resume should show it in experience.
constexpr std::array<std::string_view, 18> k_action_words{
    "build", "building", "built", "design",  "designing", "develop",  "developing", "ship",    "shipping",
    "own",   "operate",  "scale", "scaling", "implement", "maintain", "deploy",     "migrate", "experience"};

/// `text` folded (`fold_case`), curly apostrophes made straight, without Markdown marks, bullets or a trailing colon
/// (ASCII or full-width).
std::string normalize_heading(std::string_view text) {
    const std::string folded = detail::fold_case(text);
    std::string lower;
    for (std::size_t at = 0; at < folded.size(); ++at) {
        if (folded.compare(at, 3, "\u2019") == 0) {
            lower += '\'';
            at += 2;
        } else {
            lower += folded[at];
        }
    }
    constexpr std::string_view k_wide_colon = "\uff1a";
    while (lower.size() >= k_wide_colon.size() &&
           lower.compare(lower.size() - k_wide_colon.size(), k_wide_colon.size(), k_wide_colon) == 0) {
        lower.resize(lower.size() - k_wide_colon.size());
    }
    const std::size_t first = lower.find_first_not_of("#*-_ \t");
    if (first == std::string::npos) {
        return {};
    }
    const std::size_t last = lower.find_last_not_of(":*_ \t");
    return lower.substr(first, last + 1 - first);
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

/// Whether `line` may be a heading: the format says so, a short line ends with a colon, or a short line that is no
/// list item and names no skill does not end a sentence (plain-text postings mark headings by nothing else).
bool looks_like_heading(const ResumeLine& line, bool names_skills) {
    if (line.heading) {
        return true;
    }
    const std::size_t last = line.text.find_last_not_of(" \t");
    if (last == std::string::npos || line.text.size() > k_max_heading_chars) {
        return false;
    }
    // An item of a list is in a part, not its heading, unless it ends with a colon ("- Requirements:").
    return line.text[last] == ':' || (!line.bullet && !names_skills && line.text[last] != '.');
}

int rank(PostingPart part) {
    return weight_of(part) * 2 + (part == PostingPart::preferred ? 1 : 0);
}

/// Adds `hit`'s term to `keywords`, or gives a term already there the stronger part and its line. Soft skills have
/// no technology term: "mentor" is no word an ATS looks for.
void add_keyword(const KnowledgeBase& kb, const KeywordHit& hit, PostingPart part, int line,
                 std::vector<MatchKeyword>& keywords) {
    const Skill* skill = kb.find_skill(hit.skill_id);
    if (skill == nullptr || skill->category == SkillCategory::soft) {
        return;
    }
    const auto known =
        std::find_if(keywords.begin(), keywords.end(), [&](const MatchKeyword& each) { return each.term == hit.term; });
    if (known == keywords.end()) {
        keywords.push_back(MatchKeyword{hit.term, hit.skill_id, hit.text, part, weight_of(part), line, false, {}});
    } else if (rank(part) > rank(known->part)) {
        known->part = part;
        known->weight = weight_of(part);
        known->line = line;
        known->spelling = hit.text;
    }
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

std::optional<PostingPart> classify_heading(const PostingRules& rules, std::string_view heading) {
    const std::string text = normalize_heading(heading);
    if (text.empty() || text.size() > k_max_heading_chars) {
        return std::nullopt;
    }
    const std::array<std::pair<PostingPart, const std::vector<std::string>*>, 4> parts{{
        {PostingPart::preferred, &rules.preferred_headings},
        {PostingPart::required, &rules.required_headings},
        {PostingPart::context, &rules.context_headings},
        {PostingPart::ignored, &rules.ignored_headings},
    }};
    for (const auto& [part, phrases] : parts) {
        for (const std::string& phrase : *phrases) {
            if (text.find(phrase) != std::string::npos) {
                return part;
            }
        }
    }
    return std::nullopt;
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

namespace {

/// The level a posting that states none asks for: `mid`, else the middle one.
const Level& default_level(const KnowledgeBase& kb) {
    if (const Level* level = kb.find_level("mid")) {
        return *level;
    }
    if (kb.levels.empty()) {
        throw Error("the knowledge base has no level to match a posting against");
    }
    return kb.levels[kb.levels.size() / 2];
}

}  // namespace

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

Posting read_posting(const KnowledgeBase& kb, const ResumeDocument& document, const LineHits& hits_of,
                     std::string_view level_id) {
    Posting posting;
    PostingSummary& summary = posting.summary;
    summary.source = document.source;
    summary.format = document.format;

    PostingPart part = PostingPart::context;
    std::vector<std::string> unknown;  // technical-looking words of the required and preferred lines
    std::vector<std::string> names;    // those of every other line
    bool named_ignored = false;        // a skill named only where nothing is asked (Benefits) is still named
    std::vector<MatchSkill> waived;    // the skills a sentence says are not required, where it says so
    for (std::size_t i = 0; i < document.lines.size(); ++i) {
        const ResumeLine& line = document.lines[i];
        bool title = false;  // what the title names is the job's core: required
        if (summary.title.empty() && (line.heading || i == 0)) {
            summary.title = normalize_heading(line.text).empty() ? std::string() : quote_line(line.text, 0);
            title = !summary.title.empty();
        }
        const std::vector<KeywordHit> hits = hits_of(line.text);
        const bool names_skills =
            std::any_of(hits.begin(), hits.end(), [](const KeywordHit& hit) { return hit.evidence; });
        const bool heading = !title && looks_like_heading(line, names_skills);
        const PostingPart part_here = title ? PostingPart::required : part;
        // What the posting asks for and the knowledge base does not know; the words of its other lines (its title,
        // the company, its products) are names, never gaps.
        const bool asks =
            !heading && !title && (part_here == PostingPart::required || part_here == PostingPart::preferred);
        for (const std::string_view word : detail::technical_words(line.text, hits, asks)) {
            std::vector<std::string>& into = asks ? unknown : names;
            if (std::find(into.begin(), into.end(), word) == into.end()) {
                into.emplace_back(word);
            }
        }
        if (heading) {
            if (const std::optional<PostingPart> opened = classify_heading(kb.posting, line.text)) {
                part = *opened;
                continue;
            }
            if (line.heading) {
                part = PostingPart::context;
                continue;
            }
        }
        if (part_here == PostingPart::ignored) {
            named_ignored = named_ignored || names_skills;
            continue;
        }
        const std::optional<int> years = years_asked(line.text);
        if (years) {
            summary.years = std::max(summary.years.value_or(0), *years);
        }
        const std::vector<bool> offered = alternatives(kb.posting, line.text, hits);
        const bool experience = years.has_value() || has_action(line.text);
        // The hits that evidence their skill first, so that a term both evidences one skill and hints at another
        // (Kafka: message queues, and microservices) is listed under the first.
        std::vector<std::size_t> order(hits.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_partition(order.begin(), order.end(), [&](std::size_t k) { return hits[k].evidence; });
        for (const std::size_t k : order) {
            const KeywordHit& hit = hits[k];
            // A bonus is one in its own sentence: "Deep SQL. Ideally PostgreSQL" still requires SQL. A sentence that
            // says a skill is not required ("We do not require Go") waives it for the whole posting.
            const std::string folded_sentence = detail::fold_case(detail::sentence_at(line.text, hit.offset));
            if (!hit.evidence) {
                // A posting that names Kafka asks for message queues, not for microservices; and one that names
                // TypeScript does not ask for Node.js. Its word is still one an ATS looks for, once.
                const bool evidenced = std::any_of(hits.begin(), hits.end(), [&](const KeywordHit& other) {
                    return other.evidence && other.offset == hit.offset;
                });
                if (evidenced) {
                    continue;
                }
                const bool bonus = part_here != PostingPart::context &&
                                   (offered[k] || detail::holds_phrase(folded_sentence, kb.posting.preferred_phrases));
                add_keyword(kb, hit, bonus ? PostingPart::preferred : part_here, line.number, posting.keywords);
                continue;
            }
            const bool waiver = detail::holds_phrase(folded_sentence, kb.posting.waiver_phrases);
            if (waiver) {
                MatchSkill waiving;
                waiving.skill_id = hit.skill_id;
                waiving.spelling = hit.text;
                waiving.part = PostingPart::preferred;
                waiving.weight = weight_of(PostingPart::preferred);
                waiving.line = line.number;
                waived.push_back(std::move(waiving));
            }
            const bool bonus =
                part_here != PostingPart::context &&
                (waiver || offered[k] || detail::holds_phrase(folded_sentence, kb.posting.preferred_phrases));
            const PostingPart line_part = bonus ? PostingPart::preferred : part_here;
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
                skill->spelling = hit.text;  // the spelling on the line cited
            }
            if (years) {
                skill->years = std::max(skill->years.value_or(0), *years);
            }
            if (experience) {
                skill->spot = ResumeSpot::experience;
            }
            add_keyword(kb, hit, line_part, line.number, posting.keywords);
        }
    }
    if (posting.skills.empty()) {
        throw Error(Location{summary.source},
                    named_ignored ? "the posting asks for no skill the knowledge base knows: it names them only in "
                                    "parts that ask for nothing (About us, Benefits, …); nothing to match"
                                  : "the posting names no skill the knowledge base knows; nothing to match");
    }
    for (const MatchSkill& waiver : waived) {
        for (MatchSkill& skill : posting.skills) {
            if (skill.skill_id == waiver.skill_id && skill.part == PostingPart::required) {
                skill.part = waiver.part;
                skill.weight = waiver.weight;
                skill.line = waiver.line;
                skill.spelling = waiver.spelling;
            }
        }
        for (MatchKeyword& keyword : posting.keywords) {
            if (keyword.skill_id == waiver.skill_id && keyword.part == PostingPart::required) {
                keyword.part = waiver.part;
                keyword.weight = waiver.weight;
            }
        }
    }
    for (const std::string& word : unknown) {
        const auto listed = [&](const std::vector<std::string>& words) {
            return std::any_of(words.begin(), words.end(), [&](const std::string& each) {
                return detail::fold_case(each) == detail::fold_case(word);
            });
        };
        if (!listed(names) && !listed(kb.posting.not_terms) && posting.unassessed.size() < k_max_unassessed) {
            posting.unassessed.push_back(word);
        }
    }

    const Level* titled = level_of_title(kb, summary.title);
    const Level* by_years = summary.years ? level_of_years(kb, *summary.years) : nullptr;
    const Level& level = !level_id.empty() ? require_level(kb, level_id)
                         : titled          ? *titled
                         : by_years        ? *by_years
                                           : default_level(kb);
    summary.level_source = !level_id.empty() ? LevelSource::option
                           : titled          ? LevelSource::title
                           : by_years        ? LevelSource::years
                                             : LevelSource::default_level;
    summary.level_id = level.id;
    summary.level_name = level.name;
    return posting;
}

}  // namespace apigap
