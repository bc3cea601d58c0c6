// Two-column PDF pages read column by column: poppler's physical layout puts
// the columns side by side on each line, so a sidebar's words would run into
// the main column's.
#pragma once

#include <string>
#include <string_view>

namespace apigap::ingest_detail {

/// `page` (one page of the helper's physical-layout text, lines ended by `\n`) with its two columns one after the
/// other, when it has a gutter: a character column that at most 20% of the page's lines cross with text, while the
/// others have a run of three spaces or more there (or end before it, or start after it), with text left of it on
/// 40% of the lines or more, right of it on 40% or more, and on both sides on a third or more. Lines that cross
/// the gutter (a name or a heading across the page) stay where they are; the lines between two of them are read
/// left column first, then, after two blank lines, the right column. Only the first 300 columns of pages of at
/// most 1,000 lines are looked at. A page without such a gutter is returned as it is.
[[nodiscard]] std::string read_columns(std::string_view page);

}  // namespace apigap::ingest_detail
