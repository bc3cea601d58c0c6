// Dates on resume lines, for the `date-format` and `date-order` rules of `apigap check`
// and for the years of experience (experience.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/check.hpp"
#include "apigap/knowledge_base.hpp"

namespace apigap::detail {

/// How a month and year are written.
enum class DateStyle {
    month_abbreviated,  ///< "Jan 2020", "Sept. 2020"
    month_full,         ///< "January 2020"
    month_ambiguous,    ///< "May 2020": fits either of the two above
    numeric_slash,      ///< "01/2020"
    numeric_dot,        ///< "01.2020"
    iso,                ///< "2020-01"
    // Found only with the knowledge base's words (`find_dates` with `words`):
    year_month,  ///< year first: "2019.07", "2019/07", "2019年7月", "2019-07-01"
    month_word,  ///< a month name in another language: "março 2019", "janv. 2020"
    year_only,   ///< a bare year: "2019"
    present,     ///< an open end: "present", "至今"
};

/// A month and year found on a line.
/// `month` is 0 for a bare year and `present`; [`begin`, `end`) are its bytes in the text.
struct DateMention {
    int year = 0;
    int month = 0;
    DateStyle style = DateStyle::month_abbreviated;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The month-and-year dates in `text`, in order. Bare years are not dates here:
/// they are as often a degree's year as a job's.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text);

/// The same and, for date ranges, every form `words` knows: month names in its
/// languages, year-first dates, bare years and the words for "present".
/// `folded` is the text through `fold_case`.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view folded, const ExperienceWords& words);

/// `text` with A–Z, Latin-1 À–Þ and Cyrillic А–Я, Ё lowered; byte lengths are kept.
[[nodiscard]] std::string fold_case(std::string_view text);

/// Whether `word` is at byte `at` of `folded` as a whole word: no ASCII letter
/// or digit touches an end of it that is itself ASCII alphanumeric.
[[nodiscard]] bool word_at(std::string_view folded, std::size_t at, std::string_view word);

/// The offset of the first whole-word `word` in `folded`, if any.
[[nodiscard]] std::optional<std::size_t> find_word(std::string_view folded, std::string_view word);

}  // namespace apigap::detail

namespace apigap {

/// Adds `date-format` when the resume writes dates in more than one style,
/// and `date-order` for each range that ends before it starts.
void check_dates(const ResumeDocument& document, std::vector<Finding>& findings);

}  // namespace apigap
