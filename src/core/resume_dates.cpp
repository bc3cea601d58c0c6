#include "resume_dates.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "ascii.hpp"

namespace apigap::detail {

namespace {

struct MonthName {
    std::string_view name;
    int month;
    DateStyle style;
};

constexpr auto k_month_names = std::to_array<MonthName>({
    {"january", 1, DateStyle::month_full},     {"february", 2, DateStyle::month_full},
    {"march", 3, DateStyle::month_full},       {"april", 4, DateStyle::month_full},
    {"may", 5, DateStyle::month_ambiguous},    {"june", 6, DateStyle::month_full},
    {"july", 7, DateStyle::month_full},        {"august", 8, DateStyle::month_full},
    {"september", 9, DateStyle::month_full},   {"october", 10, DateStyle::month_full},
    {"november", 11, DateStyle::month_full},   {"december", 12, DateStyle::month_full},
    {"jan", 1, DateStyle::month_abbreviated},  {"feb", 2, DateStyle::month_abbreviated},
    {"mar", 3, DateStyle::month_abbreviated},  {"apr", 4, DateStyle::month_abbreviated},
    {"jun", 6, DateStyle::month_abbreviated},  {"jul", 7, DateStyle::month_abbreviated},
    {"aug", 8, DateStyle::month_abbreviated},  {"sep", 9, DateStyle::month_abbreviated},
    {"sept", 9, DateStyle::month_abbreviated}, {"oct", 10, DateStyle::month_abbreviated},
    {"nov", 11, DateStyle::month_abbreviated}, {"dec", 12, DateStyle::month_abbreviated},
});

/// The number of `count` digits at `at`, with no digit right after them; -1 otherwise.
int number_at(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size() || (at + count < text.size() && is_ascii_digit(text[at + count]))) {
        return -1;
    }
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!is_ascii_digit(text[i])) {
            return -1;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/// The year of an apostrophe and two digits at `at` ("'17", "’17"; 1951–2050), and where it ends; -1 and `at`
/// for none.
std::pair<int, std::size_t> short_year_at(std::string_view text, std::size_t at) {
    static constexpr std::array<std::string_view, 3> k_apostrophes{"'", "\u2019", "\u2018"};
    for (const std::string_view apostrophe : k_apostrophes) {
        if (text.substr(at, apostrophe.size()) == apostrophe) {
            const std::size_t digits = at + apostrophe.size();
            if (const int two = number_at(text, digits, 2); two >= 0) {
                return {two <= 50 ? 2000 + two : 1900 + two, digits + 2};
            }
        }
    }
    return {-1, at};
}

bool plausible_year(int year) {
    return year >= 1950 && year <= 2099;
}

/// Whether the byte at `at` starts or continues a two-byte UTF-8 letter (Latin-1, Cyrillic, …).
bool two_byte_letter(std::string_view text, std::size_t at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0xC2 && byte <= 0xDF) {
        return true;
    }
    return byte >= 0x80 && byte <= 0xBF && at > 0 && static_cast<unsigned char>(text[at - 1]) >= 0xC2 &&
           static_cast<unsigned char>(text[at - 1]) <= 0xDF;
}

bool letter_at(std::string_view text, std::size_t at, bool with_words) {
    return is_ascii_alpha(text[at]) || (with_words && two_byte_letter(text, at));
}

/// One line's dates; `words` null finds the English month-and-year forms alone.
class DateScanner {
public:
    DateScanner(std::string_view text, const ExperienceWords* words) : m_text(text), m_words(words) {
        // Most words start with a byte no month name or open end starts with: they are passed over at once.
        const auto starts = [&](std::string_view word) {
            if (!word.empty()) {
                m_starts[static_cast<unsigned char>(ascii_lower(word.front()))] = true;
            }
        };
        for (const MonthName& month : k_month_names) {
            starts(month.name);
        }
        if (words != nullptr) {
            for (const std::string& word : words->present) {
                starts(word);
            }
            for (const MonthNames& month : words->months) {
                for (const std::string& name : month.names) {
                    starts(name);
                }
            }
        }
    }

    std::vector<DateMention> scan() {
        std::size_t at = 0;
        while (at < m_text.size()) {
            const bool word_start =
                at == 0 || !(letter_at(m_text, at - 1, m_words != nullptr) || is_ascii_digit(m_text[at - 1]));
            const std::size_t next = word_start ? at_word_start(at) : at;
            at = next > at ? next : at + 1;
        }
        return std::move(m_dates);
    }

private:
    std::size_t at_word_start(std::size_t at) {
        if (!m_starts[static_cast<unsigned char>(ascii_lower(m_text[at]))] && !is_ascii_digit(m_text[at])) {
            return at;
        }
        if ((m_words != nullptr && static_cast<unsigned char>(m_text[at]) >= 0x80) || is_ascii_alpha(m_text[at])) {
            if (const std::size_t end = present_word(at); end > at) {
                return end;
            }
        }
        if (letter_at(m_text, at, m_words != nullptr)) {
            return month_name_date(at);
        }
        if (is_ascii_digit(m_text[at])) {
            return numeric_date(at);
        }
        return at;
    }

    void add(int year, int month, DateStyle style, std::size_t begin, std::size_t end) {
        m_dates.push_back(DateMention{year, month, style, begin, end});
    }

    std::size_t present_word(std::size_t at) {
        if (m_words == nullptr) {
            return at;
        }
        for (const std::string& word : m_words->present) {
            if (word_at(m_text, at, word)) {
                add(0, 0, DateStyle::present, at, at + word.size());
                return at + word.size();
            }
        }
        return at;
    }

    /// The month `word` names, with its style; month 0 when it names none.
    [[nodiscard]] std::pair<int, DateStyle> month_of(std::string_view word) const {
        const std::string lower = ascii_lowercase(word);
        const auto* name = std::find_if(k_month_names.begin(), k_month_names.end(),
                                        [&](const MonthName& month) { return month.name == lower; });
        if (name != k_month_names.end()) {
            return {name->month, name->style};
        }
        if (m_words != nullptr) {
            for (const MonthNames& month : m_words->months) {
                if (std::find(month.names.begin(), month.names.end(), word) != month.names.end()) {
                    return {month.month, DateStyle::month_word};
                }
            }
        }
        return {0, DateStyle::month_word};
    }

    /// A month name at `at` (a word start) followed by a year: "Jan 2020", "Sept. 2020", "March, 2020";
    /// with `words` also "jan/2020" and "março de 2019".
    std::size_t month_name_date(std::size_t at) {
        const bool with_words = m_words != nullptr;
        std::size_t end = at;
        while (end < m_text.size() && letter_at(m_text, end, with_words)) {
            ++end;
        }
        const auto [month, style] = month_of(m_text.substr(at, end - at));
        if (month == 0) {
            return end;
        }
        std::size_t next = end;
        if (next < m_text.size() && (m_text[next] == '.' || m_text[next] == ',')) {
            ++next;
        }
        if (with_words && next < m_text.size() && next == end && (m_text[next] == '/' || m_text[next] == '-')) {
            ++next;
        }
        while (next < m_text.size() && m_text[next] == ' ') {
            ++next;
        }
        if (with_words && m_text.substr(next, 3) == "de ") {
            next += 3;
        }
        int year = next > end ? number_at(m_text, next, 4) : -1;
        std::size_t year_end = next + 4;
        if (!plausible_year(year)) {
            std::tie(year, year_end) = short_year_at(m_text, next);  // "Sept '17", "Jan’16"
        }
        if (!plausible_year(year)) {
            return end;
        }
        add(year, month, style, at, year_end);
        return year_end;
    }

    /// With `words`: "2019.07", "2019/07", "2019-07-01", "2019年7月", "2019 Jul." and a bare "2019" at `at`.
    std::size_t year_first_date(std::size_t at, int year) {
        static constexpr std::string_view k_year_sign = "\u5e74";
        static constexpr std::string_view k_month_sign = "\u6708";
        std::size_t after = at + 4;
        if (m_text.substr(after, k_year_sign.size()) == k_year_sign) {
            after += k_year_sign.size();
            for (const std::size_t width : {std::size_t{2}, std::size_t{1}}) {
                const int month = number_at(m_text, after, width);
                if (month >= 1 && month <= 12) {
                    const std::size_t end = after + width;
                    const bool sign = m_text.substr(end, k_month_sign.size()) == k_month_sign;
                    add(year, month, DateStyle::year_month, at, sign ? end + k_month_sign.size() : end);
                    return sign ? end + k_month_sign.size() : end;
                }
            }
            add(year, 0, DateStyle::year_only, at, after);
            return after;
        }
        if (after < m_text.size() && (m_text[after] == '.' || m_text[after] == '/' || m_text[after] == '-')) {
            for (const std::size_t width : {std::size_t{2}, std::size_t{1}}) {
                const int month = number_at(m_text, after + 1, width);
                if (month < 1 || month > 12) {
                    continue;
                }
                std::size_t end = after + 1 + width;
                if (end < m_text.size() && m_text[end] == m_text[after] && number_at(m_text, end + 1, 2) > 0) {
                    end += 3;  // the day of a full date
                }
                add(year, month, DateStyle::year_month, at, end);
                return end;
            }
        }
        if (after + 1 < m_text.size() && m_text[after] == ' ' && letter_at(m_text, after + 1, true)) {
            std::size_t end = after + 1;  // "2020 Aug. – Present", a table's year-first column
            while (end < m_text.size() && letter_at(m_text, end, true)) {
                ++end;
            }
            if (const auto [month, style] = month_of(m_text.substr(after + 1, end - after - 1)); month != 0) {
                if (end < m_text.size() && m_text[end] == '.') {
                    ++end;
                }
                add(year, month, style, at, end);
                return end;
            }
        }
        add(year, 0, DateStyle::year_only, at, after);
        return after;
    }

    /// "01/2020", "1/2020", "01.2020" or "2020-01" at `at` (a digit that starts a number).
    std::size_t numeric_date(std::size_t at) {
        const std::string_view text = m_text;
        if (const int year = number_at(text, at, 4);
            plausible_year(year) && at + 7 <= text.size() && text[at + 4] == '-') {
            const int month = number_at(text, at + 5, 2);
            if (month >= 1 && month <= 12 && (at + 7 == text.size() || text[at + 7] != '-')) {
                add(year, month, DateStyle::iso, at, at + 7);  // not "2020-01-31": a full date
                return at + 7;
            }
        }
        for (const std::size_t width : {std::size_t{2}, std::size_t{1}}) {
            const int month = number_at(text, at, width);
            if (month < 1 || month > 12 || at + width >= text.size()) {
                continue;
            }
            const char separator = text[at + width];
            const int year = (separator == '/' || separator == '.') ? number_at(text, at + width + 1, 4) : -1;
            if (plausible_year(year)) {
                add(year, month, separator == '/' ? DateStyle::numeric_slash : DateStyle::numeric_dot, at,
                    at + width + 5);
                return at + width + 5;
            }
        }
        if (const int year = number_at(text, at, 4); m_words != nullptr && plausible_year(year)) {
            return year_first_date(at, year);
        }
        std::size_t end = at;
        while (end < text.size() && is_ascii_digit(text[end])) {
            ++end;
        }
        return end;
    }

    std::string_view m_text;
    const ExperienceWords* m_words = nullptr;
    std::array<bool, 256> m_starts{};  ///< by byte, lowered: whether a month name or an open end starts with it
    std::vector<DateMention> m_dates;
};

}  // namespace

std::vector<DateMention> find_dates(std::string_view text) {
    return DateScanner(text, nullptr).scan();
}

std::vector<DateMention> find_dates(std::string_view folded, const ExperienceWords& words) {
    return DateScanner(folded, &words).scan();
}

std::string fold_case(std::string_view text) {
    std::string folded(text);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        auto& c = reinterpret_cast<unsigned char&>(folded[i]);
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<unsigned char>(c - 'A' + 'a');
        } else if (i + 1 < folded.size()) {
            auto& next = reinterpret_cast<unsigned char&>(folded[i + 1]);
            if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {  // À–Þ but ×
                next = static_cast<unsigned char>(next + 0x20);
            } else if (c == 0xD0 && next >= 0x90 && next <= 0x9F) {  // А–П
                next = static_cast<unsigned char>(next + 0x20);
            } else if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) {  // Р–Я
                c = 0xD1;
                next = static_cast<unsigned char>(next - 0x20);
            } else if (c == 0xD0 && next == 0x81) {  // Ё
                c = 0xD1;
                next = 0x91;
            }
        }
    }
    return folded;
}

bool word_at(std::string_view folded, std::size_t at, std::string_view word) {
    if (word.empty() || folded.substr(at, word.size()) != word) {
        return false;
    }
    const std::size_t end = at + word.size();
    const bool open_start = !is_ascii_alnum(word.front()) || at == 0 || !is_ascii_alnum(folded[at - 1]);
    const bool open_end = !is_ascii_alnum(word.back()) || end == folded.size() || !is_ascii_alnum(folded[end]);
    return open_start && open_end;
}

std::optional<std::size_t> find_word(std::string_view folded, std::string_view word) {
    for (std::size_t at = folded.find(word); at != std::string_view::npos; at = folded.find(word, at + 1)) {
        if (word_at(folded, at, word)) {
            return at;
        }
    }
    return std::nullopt;
}

}  // namespace apigap::detail

namespace apigap {

namespace {

using detail::DateMention;
using detail::DateStyle;

std::string_view example(DateStyle style) {
    switch (style) {
    case DateStyle::month_abbreviated:
        return "Jan 2020";
    case DateStyle::month_full:
        return "January 2020";
    case DateStyle::month_ambiguous:
        return "May 2020";
    case DateStyle::numeric_slash:
        return "01/2020";
    case DateStyle::numeric_dot:
        return "01.2020";
    case DateStyle::iso:
        return "2020-01";
    case DateStyle::year_month:
    case DateStyle::month_word:
    case DateStyle::year_only:
    case DateStyle::present:
        return "";  // found only with the knowledge base's words, never by `check_dates`
    }
    return "";
}

}  // namespace

void check_dates(const ResumeDocument& document, std::vector<Finding>& findings) {
    struct Use {
        int lines = 0;
        int first_line = 0;
        int last_line = 0;
    };
    std::map<DateStyle, Use> styles;
    for (const ResumeLine& line : document.lines) {
        const std::vector<DateMention> dates = detail::find_dates(line.text);
        for (const DateMention& date : dates) {
            if (date.style == DateStyle::month_ambiguous) {
                continue;
            }
            Use& use = styles[date.style];
            if (use.last_line != line.number) {
                use.lines += 1;
                use.first_line = use.first_line == 0 ? line.number : use.first_line;
                use.last_line = line.number;
            }
        }
        if (dates.size() == 2 && dates[1].year * 12 + dates[1].month < dates[0].year * 12 + dates[0].month) {
            findings.push_back({"date-order", Severity::warning, line.number, "the date range ends before it starts",
                                "write the start date first, then the end date"});
        }
    }
    if (styles.size() < 2) {
        return;
    }
    // The style most lines use is the resume's; the first line of each other style is flagged.
    const auto main = std::max_element(styles.begin(), styles.end(), [](const auto& a, const auto& b) {
        return a.second.lines < b.second.lines ||
               (a.second.lines == b.second.lines && a.second.first_line > b.second.first_line);
    });
    for (const auto& [style, use] : styles) {
        if (style != main->first) {
            findings.push_back(
                {"date-format", Severity::warning, use.first_line,
                 fmt::format("dates written as '{}' here but as '{}' on {} other line{}", example(style),
                             example(main->first), main->second.lines, main->second.lines == 1 ? "" : "s"),
                 fmt::format("write every date one way, e.g. '{}'", example(main->first))});
        }
    }
}

}  // namespace apigap
