// Pieces of the HTML pages: their shell and style, escaping, SVG numbers and the radar chart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/plan.hpp"
#include "apigap/scoring.hpp"

namespace apigap::render_detail {

/// The start of a self-contained HTML5 page titled `title`: its head, with the one style every page shares (light,
/// dark and print; nothing fetched), up to and including `<main>`.
[[nodiscard]] std::string html_page_start(std::string_view title);

/// The end of a page `html_page_start` began.
inline constexpr std::string_view k_html_page_end = "</main>\n</body>\n</html>\n";

/// `text` safe in HTML text and in a quoted attribute value: `&`, `<`, `>`,
/// `"` and `'` as character references, and control characters other than
/// tab, newline and carriage return as U+FFFD (HTML allows none of them).
[[nodiscard]] std::string html_escape(std::string_view text);

/// `value` with exactly two decimals, as the SVG writes coordinates, so the
/// page's bytes never vary; a value that rounds to zero is `0.00`, never `-0.00`.
[[nodiscard]] std::string svg_number(double value);

/// An inline SVG radar chart of `targets` on the 0–`k_max_rating` scale: one
/// axis (`<g class="axis">`) per target in order, labelled as `target_label`
/// names it, a polygon of the targets and one of the current ratings, with a
/// `<title>` and `<desc>` for screen readers naming `level_name`. Empty when
/// `targets` is.
[[nodiscard]] std::string radar_svg(const std::vector<TargetScore>& targets, std::string_view level_name);

/// "2 → 3", a move up the rating scale, with thin spaces around the arrow.
[[nodiscard]] std::string html_move(int from, int to);

/// `url` as a link to it with `text` when it is a web address, else `text` alone (an overlay's `javascript:` URL must
/// never become a link); both escaped.
[[nodiscard]] std::string html_link(std::string_view url, std::string_view text);

/// Step `number` of a study plan as an item of `<ol class="plan">`: the skill, the move, the goal, the project and
/// the resources (as links only when they are web addresses).
void write_html_step(std::string& out, const PlanStep& step, std::size_t number);

}  // namespace apigap::render_detail
