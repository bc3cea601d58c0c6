// The HTML pages' shell and style, HTML escaping and the inline SVG radar chart.
#include "html_support.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "apigap/knowledge_base.hpp"
#include "apigap/version.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

/// The one style of every page. Light by default, dark when the reader prefers it,
/// black on white in print; tables wrap (and scroll inside their own box as a
/// last resort) so nothing is wider than a 375-pixel phone.
constexpr std::string_view k_style = R"css(:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --link: #0550ae; --current: #0969da; --target: #bc4c00;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #161b22;
    --link: #58a6ff; --current: #58a6ff; --target: #f0883e;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  overflow-wrap: anywhere;
}
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
p { margin: .5rem 0; }
a { color: var(--link); }
.muted, caption, .note { color: var(--muted); }
.note { font-size: .9rem; }
.table { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-size: .9rem; padding-bottom: .25rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .85rem; color: var(--muted); font-weight: 600; overflow-wrap: normal; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.chosen th, tr.chosen td { background: var(--panel); font-weight: 600; }
meter { width: 100%; min-width: 4rem; height: 1rem; }
.tag { font-size: .75rem; font-weight: 600; border: 1px solid var(--line); border-radius: 1rem; padding: 0 .4rem; }
.skill { margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.evidence { margin: 0; padding-left: 1.1rem; }
.evidence li { margin: .15rem 0; }
figure { margin: 0 0 1rem; }
.radar { display: block; width: 100%; max-width: 32rem; height: auto; margin: 0 auto; }
.radar .ring { fill: none; stroke: var(--line); }
.radar line { stroke: var(--line); }
.radar .label { fill: var(--fg); font-size: 15px; }
.radar .tick { fill: var(--muted); font-size: 11px; }
.radar .target { fill: none; stroke: var(--target); stroke-width: 2.5; stroke-dasharray: 7 5; }
.radar .current { fill: var(--current); fill-opacity: .22; stroke: var(--current); stroke-width: 2.5; }
.radar .dot { fill: var(--current); }
figcaption { text-align: center; font-size: .9rem; }
.key { display: inline-block; width: 1.4rem; height: 0; vertical-align: middle; margin: 0 .3rem 0 .8rem; }
.key.current { border-top: 3px solid var(--current); }
.key.target { border-top: 3px dashed var(--target); }
.plan { list-style: none; margin: 0; padding: 0; }
.step { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 .75rem;
  break-inside: avoid; page-break-inside: avoid; }
.move { color: var(--muted); font-weight: 400; white-space: nowrap; }
.step ul { margin: .25rem 0 0; padding-left: 1.1rem; }
.total { font-weight: 600; }
@media (max-width: 30rem) {
  main { padding: .75rem; }
  th, td { padding: .35rem .3rem; }
}
@media print {
  :root {
    color-scheme: light;
    --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #999999; --panel: #eeeeee;
    --link: #000000; --current: #0550ae; --target: #953800;
  }
  body { font-size: 11pt; background: #ffffff; color: #000000; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .step { break-inside: avoid; page-break-inside: avoid; }
  .table { overflow: visible; }
  .resources a::after { content: " (" attr(href) ")"; color: var(--muted); font-size: .85em; }
  meter { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)css";

// The chart's geometry, in SVG user units (CSS pixels at 1:1). The page
// scales the whole chart to its column, so these only fix proportions: the
// labels take as much room on each side as the chart's radius.
constexpr double k_radius = 120.0;
constexpr double k_label_gap = 10.0;
constexpr double k_label_room = 136.0;
constexpr double k_line_height = 17.0;
constexpr double k_cap_height = 11.0;  ///< how far a label's first baseline sits below its top
constexpr std::size_t k_label_chars = 16;
/// Beyond this |cos| a label sits beside its axis end, else over or under it.
constexpr double k_side = 0.25;

struct Point {
    double x = 0.0;
    double y = 0.0;
};

/// The chart's centre and size: room for the labels on every side.
struct Frame {
    double width = 0.0;
    double height = 0.0;
    Point centre;
};

Frame frame_for(std::size_t max_lines) {
    const double margin_y = k_label_gap + static_cast<double>(max_lines) * k_line_height + 6.0;
    const double half_width = k_radius + k_label_gap + k_label_room;
    const double half_height = k_radius + margin_y;
    return Frame{2.0 * half_width, 2.0 * half_height, Point{half_width, half_height}};
}

/// The direction of axis `index` of `count`: the first points up, the rest follow clockwise.
double angle_of(std::size_t index, std::size_t count) {
    return -std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * static_cast<double>(index) / static_cast<double>(count);
}

Point at(const Frame& frame, double angle, double distance) {
    return Point{frame.centre.x + distance * std::cos(angle), frame.centre.y + distance * std::sin(angle)};
}

std::string point_text(Point point) {
    return fmt::format("{},{}", svg_number(point.x), svg_number(point.y));
}

/// The points of a polygon with one corner on each axis at `value(i)` on the 0–4 scale.
template <typename F>
std::string polygon_points(const Frame& frame, std::size_t count, F value) {
    std::string points;
    for (std::size_t i = 0; i < count; ++i) {
        const double distance = k_radius * static_cast<double>(value(i)) / static_cast<double>(k_max_rating);
        if (i > 0) {
            points += ' ';
        }
        points += point_text(at(frame, angle_of(i, count), distance));
    }
    return points;
}

/// An axis label: its wrapped lines placed beside, over or under the axis end.
std::string label_svg(const Frame& frame, double angle, const std::vector<std::string>& lines) {
    const Point end = at(frame, angle, k_radius + k_label_gap);
    const double cos = std::cos(angle);
    const double sin = std::sin(angle);
    const char* anchor = cos > k_side ? "start" : cos < -k_side ? "end" : "middle";
    const double block = static_cast<double>(lines.size() - 1) * k_line_height;
    // Beside the axis end, centred on it; over or under it near the vertical.
    double first = end.y - block / 2.0 + k_cap_height / 2.0;
    if (std::fabs(cos) <= k_side) {
        first = sin < 0.0 ? end.y - block - 2.0 : end.y + k_cap_height + 2.0;
    }
    std::string out = fmt::format(R"(<text class="label" text-anchor="{}">)", anchor);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += fmt::format(R"(<tspan x="{}" y="{}">{}</tspan>)", svg_number(end.x),
                           svg_number(first + static_cast<double>(i) * k_line_height), html_escape(lines[i]));
    }
    return out + "</text>";
}

}  // namespace

std::string html_page_start(std::string_view title) {
    std::string out = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"apigap {}\">\n", html_escape(version()));
    out += fmt::format("<title>{}</title>\n", html_escape(title));
    out += fmt::format("<style>\n{}</style>\n</head>\n<body>\n<main>\n", k_style);
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\t':
        case '\n':
        case '\r':
            out += c;
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') {
                out += "\uFFFD";
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::string svg_number(double value) {
    if (std::fabs(value) < 0.005) {
        return "0.00";
    }
    return fmt::format("{:.2f}", value);
}

std::string radar_svg(const std::vector<TargetScore>& targets, std::string_view level_name) {
    if (targets.empty()) {
        return {};
    }
    const std::size_t count = targets.size();
    std::vector<std::vector<std::string>> labels;
    std::size_t max_lines = 1;
    for (const TargetScore& score : targets) {
        labels.push_back(wrap(target_label(score), k_label_chars, LongWords::cut));  // a chart of fixed size
        if (labels.back().empty()) {
            labels.back().emplace_back();
        }
        max_lines = std::max(max_lines, labels.back().size());
    }
    const Frame frame = frame_for(max_lines);
    const std::string name = html_escape(level_name);
    std::string out = fmt::format(
        R"(<svg class="radar" viewBox="0 0 {} {}" role="img" aria-labelledby="radar-title" aria-describedby="radar-desc">)"
        "\n",
        svg_number(frame.width), svg_number(frame.height));
    out += fmt::format("<title id=\"radar-title\">{}: current rating and target per skill, 0 to {}</title>\n", name,
                       k_max_rating);
    std::string description;
    for (const TargetScore& score : targets) {
        description += fmt::format("{}{}: {} of {}", description.empty() ? "" : "; ", html_escape(target_label(score)),
                                   score.rating, score.target);
    }
    out += fmt::format("<desc id=\"radar-desc\">{}.</desc>\n", description);
    for (int ring = 1; ring <= k_max_rating; ++ring) {
        // Fewer than three axes make no polygon: the rings are circles then.
        if (count < 3) {
            out += fmt::format(R"(<circle class="ring" cx="{}" cy="{}" r="{}"/>)", svg_number(frame.centre.x),
                               svg_number(frame.centre.y), svg_number(k_radius * ring / k_max_rating));
        } else {
            out += fmt::format(R"(<polygon class="ring" points="{}"/>)",
                               polygon_points(frame, count, [ring](std::size_t) { return ring; }));
        }
        out += "\n";
    }
    for (std::size_t i = 0; i < count; ++i) {
        const double angle = angle_of(i, count);
        const TargetScore& score = targets[i];
        out += fmt::format(R"(<g class="axis"><title>{}: {} of {}</title><line x1="{}" y1="{}" x2="{}" y2="{}"/>)",
                           html_escape(target_label(score)), score.rating, score.target, svg_number(frame.centre.x),
                           svg_number(frame.centre.y), svg_number(at(frame, angle, k_radius).x),
                           svg_number(at(frame, angle, k_radius).y));
        out += label_svg(frame, angle, labels[i]) + "</g>\n";
    }
    for (int ring = 1; ring <= k_max_rating; ++ring) {
        const Point tick = at(frame, angle_of(0, count), k_radius * ring / k_max_rating);
        out += fmt::format(R"(<text class="tick" x="{}" y="{}">{}</text>)", svg_number(tick.x + 4.0),
                           svg_number(tick.y + 4.0), ring);
    }
    out += "\n";
    out += fmt::format(R"(<polygon class="target" points="{}"/>)",
                       polygon_points(frame, count, [&](std::size_t i) { return targets[i].target; }));
    out += "\n";
    out += fmt::format(R"(<polygon class="current" points="{}"/>)",
                       polygon_points(frame, count, [&](std::size_t i) { return targets[i].rating; }));
    out += "\n";
    for (std::size_t i = 0; i < count; ++i) {
        const Point dot = at(frame, angle_of(i, count), k_radius * targets[i].rating / k_max_rating);
        out += fmt::format(R"(<circle class="dot" cx="{}" cy="{}" r="3.5"/>)", svg_number(dot.x), svg_number(dot.y));
    }
    out += "\n</svg>\n";
    return out;
}

std::string html_move(int from, int to) {
    return fmt::format("{}&#8201;→&#8201;{}", from, to);
}

std::string html_link(std::string_view url, std::string_view text) {
    if (url.starts_with("https://") || url.starts_with("http://")) {
        return fmt::format(R"(<a href="{}">{}</a>)", html_escape(url), html_escape(text));
    }
    return html_escape(text);
}

void write_html_step(std::string& out, const PlanStep& step, std::size_t number) {
    out += fmt::format("<li class=\"step\">\n<h3>{}. {} <span class=\"move\">{}</span>{}</h3>\n", number,
                       html_escape(step.skill_name), html_move(step.from, step.to), html_escape(rung_label(step)));
    if (!step.goal.empty()) {
        out += fmt::format("<p><strong>Goal:</strong> {}</p>\n", html_escape(step.goal));
    }
    if (step.project) {
        out += fmt::format("<p><strong>Project:</strong> <em>{}</em> ({}&nbsp;h)", html_escape(step.project->title),
                           step.project->hours);
        out += step.project->description.empty() ? "</p>\n"
                                                 : fmt::format(": {}</p>\n", html_escape(step.project->description));
    }
    if (!step.resources.empty()) {
        out += "<ul class=\"resources\">\n";
        for (const Resource& resource : step.resources) {
            out += fmt::format("<li>{}</li>\n", html_link(resource.url, resource.title));
        }
        out += "</ul>\n";
    }
    out += "</li>\n";
}

}  // namespace apigap::render_detail
