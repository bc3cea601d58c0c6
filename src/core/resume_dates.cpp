#include "resume_dates.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>

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

bool plausible_year(int year) {
    return year >= 1950 && year <= 2099;
}

/// A month name at `at` (a word start) followed by a year: "Jan 2020", "Sept. 2020", "March, 2020".
std::size_t month_name_date(std::string_view text, std::size_t at, std::vector<DateMention>& dates) {
    std::size_t end = at;
    while (end < text.size() && is_ascii_alpha(text[end])) {
        ++end;
    }
    const std::string word = ascii_lowercase(text.substr(at, end - at));
    const auto* name = std::find_if(k_month_names.begin(), k_month_names.end(),
                                    [&](const MonthName& month) { return month.name == word; });
    if (name == k_month_names.end()) {
        return end;
    }
    std::size_t next = end;
    if (next < text.size() && (text[next] == '.' || text[next] == ',')) {
        ++next;
    }
    while (next < text.size() && text[next] == ' ') {
        ++next;
    }
    const int year = next > end ? number_at(text, next, 4) : -1;
    if (!plausible_year(year)) {
        return end;
    }
    dates.push_back(DateMention{year, name->month, name->style});
    return next + 4;
}

/// "01/2020", "1/2020", "01.2020" or "2020-01" at `at` (a digit that starts a number).
std::size_t numeric_date(std::string_view text, std::size_t at, std::vector<DateMention>& dates) {
    if (const int year = number_at(text, at, 4); plausible_year(year) && at + 7 <= text.size() && text[at + 4] == '-') {
        const int month = number_at(text, at + 5, 2);
        if (month >= 1 && month <= 12 && (at + 7 == text.size() || text[at + 7] != '-')) {
            dates.push_back(DateMention{year, month, DateStyle::iso});  // not "2020-01-31": a full date
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
            dates.push_back(
                DateMention{year, month, separator == '/' ? DateStyle::numeric_slash : DateStyle::numeric_dot});
            return at + width + 5;
        }
    }
    std::size_t end = at;
    while (end < text.size() && is_ascii_digit(text[end])) {
        ++end;
    }
    return end;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text) {
    std::vector<DateMention> dates;
    std::size_t at = 0;
    while (at < text.size()) {
        const bool word_start = at == 0 || !(is_ascii_alpha(text[at - 1]) || is_ascii_digit(text[at - 1]));
        if (word_start && is_ascii_alpha(text[at])) {
            at = month_name_date(text, at, dates);
        } else if (word_start && is_ascii_digit(text[at])) {
            at = numeric_date(text, at, dates);
        } else {
            ++at;
        }
    }
    return dates;
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
