// How a job posting's sentences read (docs/match.md): sentences, the phrases they hold, the choices among the
// skills a line names ("Go or Python"), and the words that look like a technology's name.
#include "posting_text.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "apigap/match.hpp"
#include "ascii.hpp"
#include "resume_dates.hpp"
#include "utf8.hpp"

namespace apigap {

using detail::is_ascii_alnum;
using detail::is_ascii_digit;
using detail::is_utf8_continuation;

namespace {

/// Whether `c` may be inside a technical word: letters, digits, and `.+#-/` between them or at the end ("Node.js",
/// "C++", "C#", "CI/CD").
/// What ends a sentence: ". ", "; ", "? ", "! " and their CJK full-width forms.
constexpr std::array<std::string_view, 6> k_sentence_ends{". ", "; ", "? ", "! ", "\u3002", "\uff1b"};

bool in_word(char c) {
    return is_ascii_alnum(c) || c == '.' || c == '+' || c == '#' || c == '-' || c == '/';
}

/// Whether `word` looks like a technology's name on its own: a capital after a small letter ("GitHub",
/// "TypeScript"), a capital then letters and digits ("EC2", "S3"; not "p99"), letters with a trailing `+` or `#`
/// ("C++"), or 2–5 capitals ("AWS", "GCP").
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

}  // namespace

namespace detail {

std::vector<std::string_view> technical_words(std::string_view line, const std::vector<KeywordHit>& hits, bool strict) {
    std::vector<std::string_view> found;
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
        // "and" and "or" join names ("Terraform and Elixir"): `lists` reads them in the gap between two words.
        const bool joining = text == "and" || text == "or";
        if (!in_hit && !joined && !joining && end - at >= 2) {
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
                found.push_back(line.substr(item.at, item.end - item.at));
            }
        }
        first = last + 1;
    }
    return found;
}

bool holds_phrase(std::string_view folded, const std::vector<std::string>& phrases) {
    return std::any_of(phrases.begin(), phrases.end(),
                       [&](const std::string& phrase) { return detail::find_word(folded, phrase).has_value(); });
}

std::size_t sentence_begin(std::string_view text, std::size_t at) {
    at = std::min(at, text.size());
    const std::size_t floor = at > k_max_sentence_side ? at - k_max_sentence_side : 0;
    std::size_t begin = floor;
    for (const std::string_view mark : k_sentence_ends) {
        const std::size_t before = text.substr(floor, at - floor).rfind(mark);
        if (before != std::string_view::npos) {
            begin = std::max(begin, floor + before + mark.size());
        }
    }
    while (begin > 0 && begin < at && is_utf8_continuation(text[begin])) {
        ++begin;  // a cut at the window's edge starts at a whole character
    }
    return begin;
}

std::size_t sentence_end(std::string_view text, std::size_t at) {
    at = std::min(at, text.size());
    const std::string_view window = text.substr(at, k_max_sentence_side);
    std::size_t end = at + window.size();
    for (const std::string_view mark : k_sentence_ends) {
        if (const std::size_t after = window.find(mark); after != std::string_view::npos) {
            end = std::min(end, at + after);
        }
    }
    while (end > at && end < text.size() && is_utf8_continuation(text[end])) {
        --end;  // a cut at the window's edge ends at a whole character
    }
    return end;
}

std::string_view sentence_at(std::string_view text, std::size_t at) {
    const std::size_t begin = sentence_begin(text, at);
    return text.substr(begin, sentence_end(text, at) - begin);
}

}  // namespace detail

namespace {

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

}  // namespace

bool says_preferred(const PostingRules& rules, std::string_view sentence) {
    return detail::holds_phrase(detail::fold_case(sentence), rules.preferred_phrases);
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
        const std::size_t end = detail::sentence_end(folded, begin);
        const std::string_view sentence = std::string_view(folded).substr(begin, end - begin);
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

}  // namespace apigap
