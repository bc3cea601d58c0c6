// Finding the gutter of a two-column page in poppler's physical layout, and
// reading the page column by column.
#include "ingest/pdf_columns.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "ingest/normalize.hpp"

namespace apigap::ingest_detail {

namespace {

constexpr std::size_t k_max_columns = 300;
constexpr std::size_t k_max_lines = 1000;
constexpr std::size_t k_min_gap = 3;

/// A line of the page, by code point: where each starts, and the run of spaces each is in.
struct Row {
    std::string_view text;
    std::vector<std::size_t> starts;  ///< byte offset of each code point, then the line's size
    std::vector<std::size_t> gap;     ///< for each code point, the length of its run of spaces; 0 for text
    std::size_t first = 0;            ///< the first code point that is not a space; `width()` when there is none

    [[nodiscard]] std::size_t width() const { return gap.size(); }
    [[nodiscard]] bool blank() const { return first == width(); }
};

Row row_of(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
        line.remove_suffix(1);
    }
    Row row{line, {}, {}};
    for (std::size_t at = 0; at < line.size();) {
        row.starts.push_back(at);
        row.gap.push_back(line[at] == ' ' ? 1 : 0);
        at += std::max<std::size_t>(decode_at(line, at).length, 1);
    }
    row.starts.push_back(line.size());
    for (std::size_t begin = 0; begin < row.width();) {
        std::size_t end = begin;
        while (end < row.width() && row.gap[end] > 0) {
            ++end;
        }
        std::fill(row.gap.begin() + static_cast<std::ptrdiff_t>(begin),
                  row.gap.begin() + static_cast<std::ptrdiff_t>(end), end - begin);
        begin = end + 1;
    }
    row.first = static_cast<std::size_t>(std::find(row.gap.begin(), row.gap.end(), 0) - row.gap.begin());
    return row;
}

/// How a line stands to a gutter at column `c`.
enum class Side { left, right, both, crossing };

Side side_of(const Row& row, std::size_t c) {
    if (c >= row.width()) {
        return Side::left;
    }
    if (row.first >= c) {
        return Side::right;
    }
    return row.gap[c] >= k_min_gap ? Side::both : Side::crossing;
}

/// The column the right column starts at, or 0 when the page has no gutter.
std::size_t gutter_of(const std::vector<Row>& rows) {
    std::size_t lines = 0;
    std::size_t widest = 0;
    for (const Row& row : rows) {
        lines += row.blank() ? 0U : 1U;
        widest = std::max(widest, row.width());
    }
    std::size_t best = 0;
    std::size_t best_both = 0;
    for (std::size_t c = 8; c < std::min(widest, k_max_columns); ++c) {
        std::size_t left = 0;
        std::size_t right = 0;
        std::size_t both = 0;
        std::size_t crossing = 0;
        for (const Row& row : rows) {
            if (row.blank()) {
                continue;
            }
            switch (side_of(row, c)) {
            case Side::left:
                ++left;
                break;
            case Side::right:
                ++right;
                break;
            case Side::both:
                ++both;
                break;
            case Side::crossing:
                ++crossing;
                break;
            }
        }
        const bool columns = (both + left) * 10 >= lines * 4 && (both + right) * 10 >= lines * 4 &&
                             both * 10 >= lines && crossing * 5 <= lines;
        if (columns && both >= best_both) {
            best = c;  // the last column of the gap: the right column starts after it
            best_both = both;
        }
    }
    return best == 0 ? 0 : best + 1;
}

}  // namespace

ColumnPage read_columns(std::string_view page) {
    std::vector<Row> rows;
    for (std::size_t start = 0; start < page.size();) {
        const std::size_t end = std::min(page.find('\n', start), page.size());
        if (rows.size() == k_max_lines) {
            return ColumnPage{std::string(page), {}};
        }
        rows.push_back(row_of(page.substr(start, end - start)));
        start = end + 1;
    }
    const std::size_t right_start = gutter_of(rows);
    if (right_start == 0) {
        return ColumnPage{std::string(page), {}};
    }
    const std::size_t gutter = right_start - 1;  // the gap's last column
    // From where the right column starts, or from the text of a line that starts in the gap's last column.
    const auto right_part = [&](const Row& row) {
        return row.text.substr(row.starts[row.first >= gutter ? std::min(right_start, row.first) : right_start]);
    };
    ColumnPage result;
    std::string& out = result.text;
    std::size_t line = 0;  // the index of the line `out` is writing
    const auto end_line = [&] {
        out += '\n';
        ++line;
    };
    // The block being read: its left column's non-blank lines so far, its right column's lines, its widest line.
    ColumnBlock block;
    bool left_text = false;
    std::size_t across_width = 0;
    std::vector<std::string_view> right_column;
    const auto flush_right = [&] {
        if (!right_column.empty()) {
            out += "\n\n";  // two blank lines: no bullet of the left column takes the right column's first line
            line += 2;
            block.right_first = line;
            block.right_last = line + right_column.size() - 1;
            if (left_text) {
                result.blocks.push_back(std::move(block));
            }
        }
        for (const std::string_view text : right_column) {
            out.append(text);
            end_line();
        }
        right_column.clear();
        block = ColumnBlock{};
        left_text = false;
        across_width = 0;
    };
    const auto left_line = [&] {
        block.left_first = left_text ? block.left_first : line;
        block.left_last = line;
        left_text = true;
    };
    for (const Row& row : rows) {
        const Side side = row.blank() ? Side::left : side_of(row, gutter);
        if (side == Side::crossing) {
            flush_right();
            out.append(row.text);
        } else if (side == Side::right) {
            right_column.push_back(right_part(row));
        } else if (side == Side::both) {
            out.append(row.text.substr(0, row.starts[right_start]));
            left_line();
            right_column.push_back(right_part(row));
            if (row.width() > across_width) {
                across_width = row.width();
                block.across = std::string(row.text);
            }
        } else {
            out.append(row.text);
            if (!row.blank()) {
                left_line();
            }
        }
        end_line();
    }
    flush_right();
    return result;
}

}  // namespace apigap::ingest_detail
