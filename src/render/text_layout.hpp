// Helpers the human-readable formats share: widths in terminal columns, wrapping,
// bars, and how percentages, pay bands and targets are written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/scoring.hpp"

namespace apigap::render_detail {

/// ANSI SGR parameters the text formats use.
namespace sgr {
inline constexpr std::string_view k_bold = "1";
inline constexpr std::string_view k_dim = "2";
inline constexpr std::string_view k_red = "31";
inline constexpr std::string_view k_green = "32";
inline constexpr std::string_view k_yellow = "33";
inline constexpr std::string_view k_cyan = "36";
}  // namespace sgr

/// The characters a style draws with: Unicode, or their ASCII stand-ins.
struct Glyphs {
    std::string_view full;      ///< a filled bar cell
    std::string_view empty;     ///< an empty bar cell
    std::string_view beyond;    ///< a rating cell past the target
    std::string_view unused;    ///< an empty cell past the target
    std::string_view mark;      ///< the target in a rating bar
    std::string_view arrow;     ///< "from → to"
    std::string_view dash;      ///< a range, "80K–110K"
    std::string_view ellipsis;  ///< a cut name
    std::string_view pointer;   ///< the target level
    std::string_view bullet;    ///< a list item
};

/// The glyphs for `unicode` or plain ASCII.
[[nodiscard]] const Glyphs& glyphs(bool unicode);

/// The columns `text` takes on a terminal: one per code point, two for an East
/// Asian wide or fullwidth one (Chinese, Japanese, Korean, fullwidth forms).
[[nodiscard]] std::size_t display_width(std::string_view text);

/// `text` with common typography turned into ASCII (`–` to `-`, `→` to `->`,
/// accented Latin letters to their base letter) and anything else to `?`.
[[nodiscard]] std::string to_ascii(std::string_view text);

/// `text` cut to `width` columns, ending in `ellipsis` when it was cut.
[[nodiscard]] std::string truncate(std::string_view text, std::size_t width, std::string_view ellipsis);

/// `text` cut after the last whole word that fits in `width` columns with `ellipsis`, and `ellipsis` added
/// (without the spaces and `,;:` before it); cut inside its first word only when that alone is too long. `text`
/// itself when it fits.
[[nodiscard]] std::string cut_at_word(std::string_view text, std::size_t width, std::string_view ellipsis);

/// `text` padded with spaces to `width` columns (never cut).
[[nodiscard]] std::string pad(std::string_view text, std::size_t width);

/// `text` right-aligned in `width` columns (never cut).
[[nodiscard]] std::string align_right(std::string_view text, std::size_t width);

/// What `wrap` does with a word longer than a line.
enum class LongWords {
    keep_whole,  ///< a line of its own, longer than the others: a report, where a URL or a path must stay whole
    cut,         ///< cut into lines: a screen of fixed size
};

/// `text` as lines of at most `width` columns, broken at spaces; runs of whitespace become one space. A word
/// longer than a line is cut, or with `LongWords::keep_whole` (a report) never split: a line of its own.
[[nodiscard]] std::vector<std::string> wrap(std::string_view text, std::size_t width,
                                            LongWords long_words = LongWords::keep_whole);

/// The columns of the longest word of `text`: the narrowest column it wraps into without a cut.
[[nodiscard]] std::size_t longest_word(std::string_view text);

/// Column `widths` (each its widest entry) narrowed to fit `room` together: the widest column that is wider than
/// its `minimums` entry loses one column at a time, the first of equals, until they fit or none can narrow.
[[nodiscard]] std::vector<std::size_t> fit_columns(std::vector<std::size_t> widths,
                                                   const std::vector<std::size_t>& minimums, std::size_t room);

/// A bar of `cells` cells, the first `filled` of them full.
[[nodiscard]] std::string meter(int filled, int cells, const Glyphs& glyphs);

/// A rating bar of `k_max_rating` cells, full up to `rating`, with `mark`
/// after the `target`-th cell: `██░│·` is 2 of a target 3.
[[nodiscard]] std::string rating_bar(int rating, int target, const Glyphs& glyphs);

/// `value` as a whole percentage, rounded down so that 100 means every
/// target is met.
[[nodiscard]] int whole_percent(double value);

/// `value` to two decimals without trailing zeros or a bare point: `3`, `1.5`, `3` for 2.999; a value that would
/// show as 0 but is not, to two significant digits: `0.001`.
[[nodiscard]] std::string format_number(double value);

/// A pay band in thousands, `$80K–110K` or `$150K–200K+`; empty when the
/// band is not set.
[[nodiscard]] std::string salary_band(const SalaryBand& band, std::string_view dash);

/// The published figure beside the bands: "For scale, the median annual wage
/// of US software developers (BLS, May 2024) was $133,080."; empty without one.
[[nodiscard]] std::string pay_scale(const PayReference& reference);

/// The pay band of the report's level and of the next one, with the year, the
/// knowledge base's note on what the bands are and `pay_scale`: "Mid-level API
/// engineer $110K–150K; next level, Senior API engineer $150K–200K+ (USD 2026).
/// …"; empty without a band.
[[nodiscard]] std::string pay_summary(const Report& report, std::string_view dash);
/// The URLs behind `pay_summary`, once each: the bands' own sources (an
/// overlay's band may cite one), then the pay reference's.
[[nodiscard]] std::vector<std::string> pay_sources(const Report& report);
/// What a target is called in reports: the skill's name, or for a group
/// `Programming languages: Python` (`Programming languages (2nd): Java`).
[[nodiscard]] std::string target_label(const TargetScore& score);

/// "1 step", "3 steps": `count` then `word`, with an "s" unless the count is one.
template <typename Count>
[[nodiscard]] std::string plural(Count count, std::string_view word) {
    return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

/// `items` joined with `separator`.
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view separator);

/// `text` on one line with the characters Markdown would act on escaped,
/// `|` included, so it is safe in a table cell too.
[[nodiscard]] std::string markdown_escape(std::string_view text);

/// `url` as a Markdown link destination: spaces and parentheses encoded.
[[nodiscard]] std::string markdown_link_target(std::string_view url);

/// A cell of a table row: its lines, already fitted to `width`, and the SGR code that paints them.
struct Cell {
    std::vector<std::string> lines;
    std::size_t width = 0;
    std::string_view code;
};

/// A cell of `text` on one line, painted `code`.
[[nodiscard]] Cell fixed(std::string text, std::string_view code = {});

/// `cell` with `prefix` before its first line and as many spaces before the others ("1. ", "[x] "), painted alike.
[[nodiscard]] Cell with_prefix(std::string_view prefix, Cell cell);

/// Builds the text of a terminal view line by line in one `TextStyle`.
class TextWriter {
public:
    explicit TextWriter(const TextStyle& style);

    [[nodiscard]] const Glyphs& glyphs() const { return *m_glyphs; }
    [[nodiscard]] const TextStyle& style() const { return m_style; }
    /// The widest line to write: two columns short of the style's width, so that a terminal never wraps on its own.
    [[nodiscard]] std::size_t width() const;
    /// `text` in the style's character set; every knowledge-base string
    /// passes through here before its width is measured.
    [[nodiscard]] std::string text(std::string_view text) const;
    /// `text` wrapped in the SGR `code` when the style has colour.
    [[nodiscard]] std::string paint(std::string_view code, std::string_view text) const;

    /// Appends `line` and a newline.
    void line(std::string_view line);
    /// Appends an empty line, unless the output is empty or already ends in one.
    void blank();
    /// Appends a bold section heading after a blank line, wrapped to the width.
    void heading(std::string_view title);
    /// Appends `body` wrapped after `indent` spaces and `label`, continuation
    /// lines aligned under the body; `label_code` and `body_code` paint them. A
    /// label that leaves the body fewer than 20 columns stands on its own line,
    /// the body below it two columns further in.
    void paragraph(std::size_t indent, std::string_view label, std::string_view body, std::string_view label_code = {},
                   std::string_view body_code = {});
    /// The widest of `names` in the style's character set.
    [[nodiscard]] std::size_t widest(const std::vector<std::string>& names) const;
    /// The width of a table column of `names` beside columns and gaps `others` wide: the widest name when it fits,
    /// else what is left, so that a long name wraps in its column; never narrower than its longest word (up to 20).
    [[nodiscard]] std::size_t column(const std::vector<std::string>& names, std::size_t others) const;
    /// `text` in the style's character set, wrapped to `width`, as a cell painted `code` (one empty line when empty).
    [[nodiscard]] Cell cell(std::string_view text, std::size_t width, std::string_view code = {}) const;
    /// Appends a table row: `lead`, then `cells` side by side `gap` spaces apart, each padded to its width but the
    /// last. A cell of several lines makes the row as tall, the other cells blank below their first line, and `lead`
    /// blank below its own.
    void row(std::string_view lead, const std::vector<Cell>& cells, std::size_t gap = 2);
    /// The output so far; pure ASCII when the style is not Unicode.
    [[nodiscard]] std::string take();

private:
    TextStyle m_style;
    const Glyphs* m_glyphs = nullptr;
    std::string m_out;
};

}  // namespace apigap::render_detail
