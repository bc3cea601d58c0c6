// Reading a job posting as `apigap match` does (docs/match.md): its parts, the skills and terms each asks for,
// the choices and bonuses within a line, the years, and the level.
#include "apigap/match.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <utility>

#include "apigap/error.hpp"
#include "apigap/experience.hpp"
#include "ascii.hpp"
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

/// Whether `c` may be inside a technical word: letters, digits, and `.+#-/` between them or at the end ("Node.js",
/// "C++", "C#", "CI/CD").
bool in_word(char c) {
    return is_ascii_alnum(c) || c == '.' || c == '+' || c == '#' || c == '-' || c == '/';
}

/// Whether `word` looks like a technology's name on its own: a capital after a small letter ("GitHub",
/// "TypeScript"), a capital then letters and digits ("EC2", "S3"; not "p99"), letters with a trailing `+` or `#`
/// ("C++"), or 2–5 capitals
/// ("AWS", "GCP").
bool strongly_technical(std::string_view word) {
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const bool has_lower = std::any_of(word.begin(), word.end(), lower);
    const bool letters = has_lower || std::any_of(word.begin(), word.end(), upper);
    bool inner_upper = false;  // a capital after a small letter: "GitHub", not "Code-Reviews"
    for (std::size_t at = 1; at < word.size(); ++at) {
        inner_upper = inner_upper || (lower(word[at - 1]) && upper(word[at]));
    }
    const bool digits = std::any_of(word.begin(), word.end(), is_ascii_digit);
    const bool all_upper = std::all_of(word.begin(), word.end(), upper);
    return letters && (inner_upper || (digits && upper(word[0])) || word.back() == '+' || word.back() == '#' ||
                       (all_upper && word.size() >= 2 && word.size() <= 5));
}

/// Whether the text between two words lists them: a comma, slash, `&`, bracket, or one "and" or "or", with spaces
/// ("Terraform, Ansible or Pulumi"); nothing else.
bool lists(std::string_view gap) {
    std::size_t words = 0;
    bool mark = false;  // a comma, slash, `&`, bracket or word: words with only spaces between are one name or prose
    for (std::size_t at = 0; at < gap.size();) {
        if (std::string_view(" ,/&()").find(gap[at]) != std::string_view::npos) {
            mark = mark || gap[at] != ' ';
            ++at;
            continue;
        }
        mark = true;
        const std::size_t end = std::min(gap.size(), gap.find_first_of(" ,/&()", at));
        const std::string_view word = gap.substr(at, end - at);
        if ((word != "and" && word != "or") || ++words > 1) {
            return false;
        }
        at = end;
    }
    return mark;
}

/// Calls `visit` with the words of `line` outside the keywords `hits` found that may name a technology. With
/// `strict` false (the lines that are not requirements: names to leave out), every word with a capital. With
/// `strict`, a strongly technical word, or a capitalised one listed beside a keyword or a strongly technical word
/// ("Kubernetes, Terraform and Elixir"); so "Experience with our Product Management team" names none, and neither
/// does German prose, whose nouns all have capitals.
template <typename Visit>
void for_each_technical_word(std::string_view line, const std::vector<KeywordHit>& hits, bool strict, Visit&& visit) {
    struct Item {
        std::size_t at = 0;
        std::size_t end = 0;
        bool hit = false;     ///< a keyword
        bool strong = false;  ///< a strongly technical word
        bool capital = false;
    };
    std::vector<Item> items;
    for (const KeywordHit& hit : hits) {
        items.push_back(Item{hit.offset, hit.offset + hit.text.size(), true, false, false});
    }
    for (std::size_t at = 0; at < line.size();) {
        if (!is_ascii_alnum(line[at])) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < line.size() && in_word(line[end])) {
            ++end;
        }
        while (end > at + 1 && std::string_view(".-/").find(line[end - 1]) != std::string_view::npos) {
            --end;  // a full stop or dash after a word is no part of it
        }
        // Inside a word of another script ("Experiência"), or a keyword written again: not a word of its own.
        const bool joined = (at > 0 && static_cast<unsigned char>(line[at - 1]) >= 0x80) ||
                            (end < line.size() && static_cast<unsigned char>(line[end]) >= 0x80);
        const std::string_view text = line.substr(at, end - at);
        const bool in_hit = std::any_of(hits.begin(), hits.end(), [&](const KeywordHit& hit) {
            return (at < hit.offset + hit.text.size() && hit.offset < end) || hit.text == text;
        });
        if (!in_hit && !joined && end - at >= 2) {
            const std::string_view word = line.substr(at, end - at);
            items.push_back(Item{at, end, false, strongly_technical(word), word[0] >= 'A' && word[0] <= 'Z'});
        }
        at = std::max(end, at + 1);
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.at < b.at; });
    for (std::size_t first = 0; first < items.size();) {
        std::size_t last = first;
        while (last + 1 < items.size() && items[last + 1].at >= items[last].end &&
               lists(line.substr(items[last].end, items[last + 1].at - items[last].end))) {
            ++last;
        }
        const bool technical = last > first && std::any_of(items.begin() + static_cast<std::ptrdiff_t>(first),
                                                           items.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                                                           [](const Item& item) { return item.hit || item.strong; });
        for (std::size_t k = first; k <= last; ++k) {
            const Item& item = items[k];
            if (!item.hit && (item.strong || (item.capital && (!strict || technical)))) {
                visit(line.substr(item.at, item.end - item.at));
            }
        }
        first = last + 1;
    }
}

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

/// Whether `folded` holds one of `phrases` as whole words (`detail::find_word`).
bool holds_phrase(std::string_view folded, const std::vector<std::string>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](const std::string& phrase) { return detail::find_word(folded, phrase).has_value(); });
}

/// The sentence of `text` around byte `at`: from after the last sentence end before it to the next one.
std::string_view sentence_at(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 6> k_ends{". ", "; ", "? ", "! ", "\u3002", "\uff1b"};
    std::size_t begin = 0;
    std::size_t end = text.size();
    for (const std::string_view mark : k_ends) {
        const std::size_t before = text.substr(0, std::min(at, text.size())).rfind(mark);
        if (before != std::string_view::npos) {
            begin = std::max(begin, before + mark.size());
        }
        const std::size_t after = text.find(mark, at);
        if (after != std::string_view::npos) {
            end = std::min(end, after);
        }
    }
    return text.substr(begin, end - begin);
}

/// How the text between two keyword hits joins them: as a list (commas, spaces, brackets), as a choice (a slash, or a
/// word of choice among them: "or", ", or"), or not at all (any other word).
enum class Join { none, list, choice };

Join join_of(const PostingRules& rules, std::string_view gap) {
    static constexpr std::array<std::string_view, 4> k_wide_separators{"\u3001", "\uff0c", "\uff08", "\uff09"};
    Join join = Join::list;
    std::size_t at = 0;
    while (at < gap.size()) {
        if (gap[at] == '/') {
            join = Join::choice;  // "Go/Python"
            ++at;
            continue;
        }
        if (std::string_view(" \t,()").find(gap[at]) != std::string_view::npos) {
            ++at;
            continue;
        }
        const auto wide = std::find_if(k_wide_separators.begin(), k_wide_separators.end(),
                                       [&](std::string_view mark) { return gap.substr(at, mark.size()) == mark; });
        if (wide != k_wide_separators.end()) {
            at += wide->size();
            continue;
        }
        std::size_t end = at;
        while (end < gap.size() && std::string_view(" \t,/()").find(gap[end]) == std::string_view::npos) {
            ++end;
        }
        const std::string_view word = gap.substr(at, end - at);
        if (join == Join::choice || std::find(rules.alternative_words.begin(), rules.alternative_words.end(), word) ==
                                        rules.alternative_words.end()) {
            return Join::none;
        }
        join = Join::choice;
        at = end;
    }
    return join;
}

/// Marks `hits[first..last]` as alternatives when they name two skills or more. A spelling's second skill (Kafka's
/// microservices beside its message queues) is not one more: "Kafka or RabbitMQ" is a choice within one skill, while
/// "Java or JavaScript" is one between two.
void mark_choice(const std::vector<KeywordHit>& hits, std::size_t first, std::size_t last, std::vector<bool>& marked) {
    std::vector<std::string_view> skills;
    for (std::size_t k = first; k <= last; ++k) {
        const bool shadowed =
            !hits[k].evidence &&
            std::any_of(hits.begin() + static_cast<std::ptrdiff_t>(first),
                        hits.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                        [&](const KeywordHit& other) { return other.evidence && other.offset == hits[k].offset; });
        if (!shadowed && std::find(skills.begin(), skills.end(), hits[k].skill_id) == skills.end()) {
            skills.push_back(hits[k].skill_id);
        }
    }
    for (std::size_t k = first; skills.size() >= 2 && k <= last; ++k) {
        marked[k] = true;
    }
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

bool says_preferred(const PostingRules& rules, std::string_view sentence) {
    return holds_phrase(detail::fold_case(sentence), rules.preferred_phrases);
}

std::vector<bool> alternatives(const PostingRules& rules, std::string_view line, const std::vector<KeywordHit>& hits) {
    std::vector<bool> marked(hits.size(), false);
    const std::string folded = detail::fold_case(line);
    for (std::size_t first = 0; first < hits.size();) {
        std::size_t last = first;
        bool choice = false;
        for (; last + 1 < hits.size(); ++last) {
            const std::size_t from = hits[last].offset + hits[last].text.size();
            const std::size_t to = hits[last + 1].offset;
            // Hits that overlap (one spelling, two skills) stand together.
            const Join join =
                to >= from ? join_of(rules, std::string_view(folded).substr(from, to - from)) : Join::list;
            if (join == Join::none) {
                break;
            }
            choice = choice || join == Join::choice;
        }
        // A run that ends in a word of choice offers examples: "Python, Go, etc.", "Python, Go or similar".
        const std::size_t after = hits[last].offset + hits[last].text.size();
        const std::size_t word = folded.find_first_not_of(" ,(", std::min(after, folded.size()));
        if (word != std::string::npos && last > first) {
            const std::size_t word_end = folded.find_first_of(" ,.;)", word);
            const std::string_view tail = std::string_view(folded).substr(
                word, word_end == std::string::npos ? std::string::npos : word_end - word);
            choice = choice || std::find(rules.alternative_words.begin(), rules.alternative_words.end(), tail) !=
                                   rules.alternative_words.end();
        }
        if (choice) {
            mark_choice(hits, first, last, marked);
        }
        first = last + 1;
    }
    // "One of Java, Kotlin, Scala": the hits after a phrase of choice, to the end of its sentence, or in the next
    // sentence when its own names none ("at least one language. We use Go, but Python is fine").
    bool carried = false;
    std::size_t k = 0;
    for (std::size_t begin = 0; begin < folded.size();) {
        const std::string_view sentence = sentence_at(folded, begin);
        const std::size_t end = begin + sentence.size();
        std::size_t phrase = carried ? begin : std::string::npos;  // where the choice starts
        for (const std::string& each : rules.alternative_phrases) {
            if (const std::optional<std::size_t> at = detail::find_word(sentence, each)) {
                phrase = std::min(phrase, begin + *at);
            }
        }
        while (k < hits.size() && hits[k].offset < std::min(phrase, end)) {
            ++k;
        }
        std::size_t last = k;
        while (last < hits.size() && hits[last].offset < end) {
            ++last;
        }
        if (last > k + 1) {
            mark_choice(hits, k, last - 1, marked);
        }
        carried = phrase != std::string::npos && last == k;
        k = last;
        begin = std::max(end, begin + 1);
        while (begin < folded.size()) {  // past the sentence's end mark
            if (folded.compare(begin, 3, "\u3002") == 0 || folded.compare(begin, 3, "\uff1b") == 0) {
                begin += 3;
            } else if (std::string_view(" .;?!").find(folded[begin]) != std::string_view::npos) {
                ++begin;
            } else {
                break;
            }
        }
    }
    return marked;
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
        for_each_technical_word(line.text, hits, asks, [&](std::string_view word) {
            std::vector<std::string>& into = asks ? unknown : names;
            if (std::find(into.begin(), into.end(), word) == into.end()) {
                into.emplace_back(word);
            }
        });
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
        for (std::size_t k = 0; k < hits.size(); ++k) {
            const KeywordHit& hit = hits[k];
            if (!hit.evidence) {
                continue;  // a posting that names Kafka asks for message queues, not for microservices
            }
            // A bonus is one in its own sentence: "Deep SQL. Ideally PostgreSQL" still requires SQL. A sentence that
            // says a skill is not required ("We do not require Go") waives it for the whole posting.
            const std::string folded_sentence = detail::fold_case(sentence_at(line.text, hit.offset));
            const bool waiver = holds_phrase(folded_sentence, kb.posting.waiver_phrases);
            if (waiver) {
                MatchSkill waiving;
                waiving.skill_id = hit.skill_id;
                waiving.spelling = hit.text;
                waiving.part = PostingPart::preferred;
                waiving.weight = weight_of(PostingPart::preferred);
                waiving.line = line.number;
                waived.push_back(std::move(waiving));
            }
            const bool bonus = part_here != PostingPart::context &&
                               (waiver || offered[k] || holds_phrase(folded_sentence, kb.posting.preferred_phrases));
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
