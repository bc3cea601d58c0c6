// Dates on resume lines, for the `date-format` and `date-order` rules of `apigap check`.
#pragma once

#include <string_view>
#include <vector>

#include "apigap/check.hpp"

namespace apigap::detail {

/// How a month and year are written.
enum class DateStyle {
    month_abbreviated,  ///< "Jan 2020", "Sept. 2020"
    month_full,         ///< "January 2020"
    month_ambiguous,    ///< "May 2020": fits either of the two above
    numeric_slash,      ///< "01/2020"
    numeric_dot,        ///< "01.2020"
    iso,                ///< "2020-01"
};

/// A month and year found on a line.
struct DateMention {
    int year = 0;
    int month = 0;
    DateStyle style = DateStyle::month_abbreviated;
};

/// The month-and-year dates in `text`, in order. Bare years are not dates here:
/// they are as often a degree's year as a job's.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text);

}  // namespace apigap::detail

namespace apigap {

/// Adds `date-format` when the resume writes dates in more than one style,
/// and `date-order` for each range that ends before it starts.
void check_dates(const ResumeDocument& document, std::vector<Finding>& findings);

}  // namespace apigap
