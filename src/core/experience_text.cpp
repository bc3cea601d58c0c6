// The text rules of the experience reader: what joins two dates, what a title looks like and what level it names, a
// stated figure, a day.
#include "experience_text.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "apigap/experience.hpp"

#include "ascii.hpp"
#include "resume_dates.hpp"

namespace apigap::detail {

namespace {

/// The longest title shown.
constexpr std::size_t k_max_title_bytes = 80;
/// How far, in bytes, a stated figure's context word may be from it.
constexpr std::size_t k_claim_window = 40;

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

}  // namespace

bool contains_word(std::string_view folded, const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& word) { return find_word(folded, word).has_value(); });
}

bool technical_title(std::string folded, const ExperienceWords& words) {
    for (const std::string& field : words.other_fields) {
        for (std::optional<std::size_t> at = find_word(folded, field); at; at = find_word(folded, field)) {
            std::size_t next = *at + field.size();
            while (next < folded.size() && folded[next] == ' ') {
                ++next;
            }
            std::size_t end = next;
            while (end < folded.size() && is_ascii_alpha(folded[end])) {
                ++end;
            }
            const std::string_view after = std::string_view(folded).substr(next, end - next);
            const bool takes_back = std::find(words.technical_titles.begin(), words.technical_titles.end(), after) !=
                                    words.technical_titles.end();
            const std::size_t count = (takes_back ? end : *at + field.size()) - *at;
            folded.replace(*at, count, count, ' ');
        }
    }
    return contains_word(folded, words.technical_titles);
}

bool joins(std::string_view gap, const ExperienceWords& words) {
    static constexpr std::string_view k_dashes[] = {
        "-", "--", "\u2013", "\u2014", "\u2012",  "\u2015", "\u2212", "~",      "\uff5e", "\u301c",
        "/", "->", "\u2192", "(",      "(\u2013", "(-",     "|",      "\u2010", "\u2011", "\uff0d"};
    while (!gap.empty()) {
        while (!gap.empty() && is_space(gap.front())) {
            gap.remove_prefix(1);
        }
        std::size_t end = 0;
        while (end < gap.size() && !is_space(gap[end])) {
            ++end;
        }
        const std::string_view token = gap.substr(0, end);
        if (!token.empty() && std::find(std::begin(k_dashes), std::end(k_dashes), token) == std::end(k_dashes) &&
            std::find(words.until.begin(), words.until.end(), token) == words.until.end()) {
            return false;
        }
        gap.remove_prefix(end);
    }
    return true;
}

bool follows_since(std::string_view before, const ExperienceWords& words) {
    while (!before.empty() && (is_space(before.back()) || before.back() == ':')) {
        before.remove_suffix(1);
    }
    return std::any_of(words.since.begin(), words.since.end(), [&](const std::string& word) {
        const std::size_t at = before.size() - std::min(before.size(), word.size());
        // A word of letters starts after a space or a sign ("с", not "процесс"); a CJK one ("自") anywhere.
        const bool starts = at == 0 || static_cast<unsigned char>(word.front()) >= 0xE0 ||
                            (static_cast<unsigned char>(before[at - 1]) < 0x80 && !is_ascii_alnum(before[at - 1]));
        return !word.empty() && before.size() >= word.size() && starts && word_at(before, at, word);
    });
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : text) {
        words += !is_space(c) && !in_word ? std::size_t{1} : std::size_t{0};
        in_word = !is_space(c);
    }
    return words;
}

bool title_sized(std::string_view text) {
    return text.size() <= k_max_title_line_bytes && word_count(text) <= k_max_title_words;
}

bool has_letter(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80; });
}

/// `text` without the punctuation, dashes and spaces around it and a leading `key:` (RenderCV, JSON keys).
std::string trimmed_title(std::string_view text) {
    std::size_t key = 0;
    while (key < text.size() && (is_ascii_alnum(text[key]) || text[key] == '_')) {
        ++key;
    }
    if (key > 0 && key < text.size() && text[key] == ':') {
        text.remove_prefix(key + 1);
    }
    static constexpr std::string_view k_junk = " \t|,()*:-@#.;\"'`[]{}\\";
    static constexpr std::string_view k_dashes[] = {"\u2013", "\u2014", "\u00b7", "\u2022"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view dash : k_dashes) {
            if (text.substr(0, dash.size()) == dash || (text.size() >= dash.size() && text.ends_with(dash))) {
                text = text.substr(0, dash.size()) == dash ? text.substr(dash.size())
                                                           : text.substr(0, text.size() - dash.size());
                trimmed = true;
            }
        }
        if (!text.empty() && k_junk.find(text.front()) != std::string_view::npos) {
            text.remove_prefix(1);
            trimmed = true;
        }
        if (!text.empty() && k_junk.find(text.back()) != std::string_view::npos) {
            text.remove_suffix(1);
            trimmed = true;
        }
    }
    std::size_t cut = std::min(text.size(), k_max_title_bytes);
    while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
        --cut;  // not inside a UTF-8 sequence
    }
    return std::string(text.substr(0, cut));
}

/// "5+ years", "10 years of experience", "工作年限: 2年" in `folded`: the figure and its text.
std::optional<std::pair<int, std::string>> find_claim(std::string_view folded, const ExperienceWords& words) {
    for (std::size_t at = 0; at < folded.size(); ++at) {
        if (!is_ascii_digit(folded[at]) || (at > 0 && (is_ascii_alnum(folded[at - 1]) || folded[at - 1] == '.'))) {
            continue;
        }
        std::size_t end = at;
        int figure = 0;
        while (end < folded.size() && is_ascii_digit(folded[end]) && end - at < 2) {
            figure = figure * 10 + (folded[end++] - '0');
        }
        if (end < folded.size() && is_ascii_digit(folded[end])) {
            continue;
        }
        const bool plus = end < folded.size() && folded[end] == '+';
        std::size_t word = end + (plus ? 1 : 0);
        while (word < folded.size() && is_space(folded[word])) {
            ++word;
        }
        const auto unit = std::find_if(words.claim_years.begin(), words.claim_years.end(),
                                       [&](const std::string& year) { return word_at(folded, word, year); });
        if (figure == 0 || unit == words.claim_years.end()) {
            continue;
        }
        const std::size_t from = at > k_claim_window ? at - k_claim_window : 0;
        if (plus ||
            contains_word(folded.substr(from, word + unit->size() + k_claim_window - from), words.claim_context)) {
            return std::pair{figure, std::string(folded.substr(at, word + unit->size() - at))};
        }
    }
    return std::nullopt;
}

int title_level(const KnowledgeBase& kb, std::string folded) {
    std::vector<std::pair<std::string_view, int>> words;
    for (const TitleWords& title : kb.resume.experience.titles) {
        const auto level =
            std::find_if(kb.levels.begin(), kb.levels.end(), [&](const Level& each) { return each.id == title.level; });
        if (level != kb.levels.end()) {
            for (const std::string& word : title.words) {
                words.emplace_back(word, static_cast<int>(level - kb.levels.begin()));
            }
        }
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    int found = -1;
    for (const auto& [word, index] : words) {
        for (std::optional<std::size_t> at = find_word(folded, word); at; at = find_word(folded, word)) {
            found = std::max(found, index);
            folded.replace(*at, word.size(), word.size(), ' ');
        }
    }
    return found;
}

}  // namespace apigap::detail

namespace apigap {

using detail::is_ascii_digit;

std::optional<YearMonth> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
        !std::all_of(text.begin(), text.end(), [](char c) { return is_ascii_digit(c) || c == '-'; })) {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t count) {
        int value = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    // A day of the calendar: 2026-02-30 and 2025-02-29 are none, 2024-02-29 is one.
    const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (text.find('-', 8) != std::string_view::npos || year < 1 || !date.ok()) {
        return std::nullopt;
    }
    return YearMonth{year, month};
}

}  // namespace apigap
