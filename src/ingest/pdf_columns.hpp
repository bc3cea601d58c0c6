// Two-column PDF pages read column by column: poppler's physical layout puts
// the columns side by side on each line, so a sidebar's words would run into
// the main column's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace apigap::ingest_detail {

/// Lines of a page read as two columns: where its left column's lines went, then its right column's, as 0-based
/// line indexes of `ColumnPage::text` (first and last non-blank line, both included).
struct ColumnBlock {
    std::size_t left_first = 0;
    std::size_t left_last = 0;
    std::size_t right_first = 0;
    std::size_t right_last = 0;
    std::string across;  ///< the widest of its lines as the page lays it out, with text in both columns
};

/// A page as `read_columns` reads it: its text, and the blocks it read as two columns (none: it has no gutter).
struct ColumnPage {
    std::string text;
    std::vector<ColumnBlock> blocks;
};

/// `page` (one page of the helper's physical-layout text, lines ended by `\n`) with its two columns one after the
/// other, and where they went, when it has a gutter: a character column that at most 20% of the page's lines cross with
/// text, while the others have a run of three spaces or more there (or end before it, or start after it), with text
/// left of it on 40% of the lines or more, right of it on 40% or more, and on both sides on a tenth or more (a
/// browser's columns rarely share lines: their line heights differ, so most lines hold one column's text). Lines that
/// cross the gutter (a name or a heading across the page) stay where they are; the lines between two of them are read
/// left column first, then, after two blank lines, the right column: a `ColumnBlock` each, when both columns have
/// text. Only the first 300 columns of pages of at most 1,000 lines are looked at. A page without such a gutter is
/// returned as it is, without blocks.
[[nodiscard]] ColumnPage read_columns(std::string_view page);

}  // namespace apigap::ingest_detail
