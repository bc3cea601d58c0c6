// `apigap progress`: the change between two saved assessments in every format.
#include <algorithm>

#include <fmt/format.h>

#include "apigap/render.hpp"
#include "basic_formats.hpp"
#include "history_views.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::align_right;
using render_detail::display_width;
using render_detail::fixed;
using render_detail::Json;
using render_detail::pad;
using render_detail::saved_percent;
using render_detail::saved_time;
using render_detail::signed_change;
using render_detail::TextWriter;
namespace sgr = render_detail::sgr;

constexpr std::size_t k_max_end_level_width = 12;
/// The trend bar's cells, and the fewest it narrows to on a narrow terminal.
constexpr std::size_t k_trend_cells = 20;
constexpr std::size_t k_min_trend_cells = 5;
/// The trend chart shows at most this many entries, the latest ones.
constexpr std::size_t k_trend_rows = 12;

std::string_view change_color(double change) {
    if (change > 0) {
        return sgr::k_green;
    }
    return change < 0 ? sgr::k_red : std::string_view();
}

std::size_t unchanged_count(const Progress& progress) {
    return static_cast<std::size_t>(std::count_if(progress.skills.begin(), progress.skills.end(),
                                                  [](const SkillChange& skill) { return skill.change == 0; }));
}

std::string skills_word(std::size_t count) {
    return count == 1 ? "1 skill" : fmt::format("{} skills", count);
}

// --- text ------------------------------------------------------------------

/// How a table of names and their figures fits the width: the name column, and whether the figures go on a line
/// below each name (`stacked`), when beside it they would leave the name less than its longest word (up to 20).
struct Columns {
    std::size_t name = 0;
    bool stacked = false;
};

/// The layout of a table of `names` beside figures `figures` columns wide, after a two-column lead and gap.
Columns name_columns(const TextWriter& out, const std::vector<std::string>& names, std::size_t figures) {
    std::size_t word = 0;
    for (const std::string& name : names) {
        word = std::max(word, render_detail::longest_word(out.text(name)));
    }
    if (2 + std::min<std::size_t>(word, 20) + 2 + figures > out.width()) {
        return {out.width() - 2, true};
    }
    return {out.column(names, 2 + 2 + figures), false};
}

/// The dimmed heading of such a table: `name` over the names, `figures` over the figures.
void write_header(TextWriter& out, std::string_view name, const Columns& layout, std::string_view figures) {
    if (layout.stacked) {
        out.line(out.paint(sgr::k_dim, fmt::format("  {}", name)));
        out.line(out.paint(sgr::k_dim, fmt::format("    {}", figures)));
        return;
    }
    out.line(out.paint(sgr::k_dim, fmt::format("  {}  {}", pad(name, layout.name), figures)));
}

/// A row of such a table: `lead`, the `name` cell and the `figures`, beside it or on the line below, 4 columns in.
void write_row(TextWriter& out, std::string_view lead, const Columns& layout, render_detail::Cell name,
               std::vector<render_detail::Cell> figures) {
    if (layout.stacked) {
        out.row(lead, {std::move(name)});
        out.row("    ", figures);
        return;
    }
    figures.insert(figures.begin(), std::move(name));
    out.row(lead, figures);
}

void write_ends(TextWriter& out, const Progress& progress) {
    out.paragraph(0, "apigap progress: ", progress.level_name, sgr::k_bold, sgr::k_bold);
    const std::size_t number_width =
        std::max(fmt::format("{}", progress.from.number).size(), fmt::format("{}", progress.to.number).size());
    const std::size_t level_width = std::min(
        std::max(display_width(out.text(progress.from.level_id)), display_width(out.text(progress.to.level_id))),
        k_max_end_level_width);
    for (const auto& [label, end] : {std::pair{"from", &progress.from}, std::pair{"to", &progress.to}}) {
        const std::string level = render_detail::truncate(out.text(end->level_id), level_width, out.glyphs().ellipsis);
        const std::string when =
            fmt::format("  {}  #{}  {} UTC", pad(label, 4), align_right(fmt::format("{}", end->number), number_width),
                        saved_time(end->saved_at));
        std::string head = fmt::format("{}  target {}  ", when, pad(level, level_width));
        if (display_width(head) + 10 > out.width()) {
            // A narrow terminal: the target and the input on a line of their own, under the number.
            out.line(out.paint(sgr::k_dim, when));
            head = fmt::format("{}target {}  ", std::string(8, ' '), pad(level, level_width));
        }
        const std::size_t used = display_width(head);
        const std::size_t room = used + 10 < out.width() ? out.width() - used : 10;
        out.line(out.paint(sgr::k_dim, head) +
                 render_detail::truncate(out.text(end->input.value_or("-")), room, out.glyphs().ellipsis));
    }
}

void write_readiness(TextWriter& out, const Progress& progress) {
    out.heading("READINESS");
    std::vector<std::string> names{"level"};
    for (const ReadinessChange& level : progress.readiness) {
        names.push_back(level.level_name);
    }
    const std::string columns = fmt::format("{} {} {}", align_right(fmt::format("#{}", progress.from.number), 6),
                                            out.glyphs().arrow, align_right(fmt::format("#{}", progress.to.number), 6));
    const Columns layout = name_columns(out, names, display_width(columns) + 2 + 6);
    write_header(out, "level", layout, fmt::format("{}  {}", columns, "change"));
    for (const ReadinessChange& level : progress.readiness) {
        const bool is_target = level.level_id == progress.level_id;
        const std::string change = level.change ? signed_change(*level.change, 1) : std::string("-");
        write_row(out, fmt::format("{} ", is_target ? out.glyphs().pointer : " "), layout,
                  out.cell(level.level_name, layout.name, is_target ? sgr::k_bold : ""),
                  {fixed(fmt::format("{} {} {}", align_right(saved_percent(level.from), 6), out.glyphs().arrow,
                                     align_right(saved_percent(level.to), 6))),
                   fixed(align_right(change, 6), change_color(level.change.value_or(0.0)))});
    }
}

void write_skills(TextWriter& out, const Progress& progress) {
    out.heading("SKILLS");
    const std::size_t unchanged = unchanged_count(progress);
    if (unchanged == progress.skills.size()) {
        out.line(fmt::format("  No rating changed ({} rated).", skills_word(unchanged)));
        return;
    }
    std::vector<std::string> names{"skill"};
    for (const SkillChange& skill : progress.skills) {
        names.push_back(skill.name);
    }
    const std::string from = fmt::format("#{}", progress.from.number);
    const std::string to = fmt::format("#{}", progress.to.number);
    const std::string columns = fmt::format("{} {} {}", from, out.glyphs().arrow, to);
    const Columns layout = name_columns(out, names, display_width(columns) + 2 + 6);
    write_header(out, "skill", layout, fmt::format("{}  {}", columns, "change"));
    for (const SkillChange& skill : progress.skills) {
        if (skill.change == 0) {
            continue;
        }
        write_row(out, "  ", layout, out.cell(skill.name, layout.name),
                  {fixed(fmt::format("{} {} {}", align_right(fmt::format("{}", skill.from), from.size()),
                                     out.glyphs().arrow, align_right(fmt::format("{}", skill.to), to.size()))),
                   fixed(align_right(signed_change(skill.change, 0), 6), change_color(skill.change))});
    }
    if (unchanged > 0) {
        out.line(out.paint(sgr::k_dim, fmt::format("  {} unchanged", skills_word(unchanged))));
    }
}

void write_trend(TextWriter& out, const Progress& progress) {
    out.heading(fmt::format("TREND: {}", progress.level_name));
    const std::size_t first = progress.trend.size() > k_trend_rows ? progress.trend.size() - k_trend_rows : 0;
    if (first > 0) {
        out.line(out.paint(sgr::k_dim, fmt::format("  {} earlier {} ('apigap history' lists them)", first,
                                                   first == 1 ? "entry" : "entries")));
    }
    const std::size_t number_width = fmt::format("{}", progress.trend.back().number).size();
    // The bar narrows to what the number, the time and the percentage leave, down to `k_min_trend_cells`.
    const std::size_t others = 2 + number_width + 2 + 16 + 2 + 2 + 6;
    const int cells = static_cast<int>(
        std::clamp<std::size_t>(out.width() > others ? out.width() - others : 0, k_min_trend_cells, k_trend_cells));
    for (std::size_t i = first; i < progress.trend.size(); ++i) {
        const TrendPoint& point = progress.trend[i];
        const bool compared = point.number == progress.from.number || point.number == progress.to.number;
        const int percent = point.readiness ? render_detail::whole_percent(*point.readiness) : 0;
        const std::string bar = point.readiness ? render_detail::meter(percent * cells / 100, cells, out.glyphs())
                                                : pad("", static_cast<std::size_t>(cells));
        out.line(fmt::format("{} {}  {}  {}  {}", compared ? out.glyphs().pointer : " ",
                             align_right(fmt::format("{}", point.number), number_width),
                             pad(saved_time(point.saved_at), 16), out.paint(compared ? sgr::k_bold : "", bar),
                             align_right(saved_percent(point.readiness), 6)));
    }
}

std::string progress_text(const Progress& progress, const TextStyle& style) {
    TextWriter out(style);
    write_ends(out, progress);
    write_readiness(out, progress);
    write_skills(out, progress);
    write_trend(out, progress);
    return out.take();
}

// --- markdown --------------------------------------------------------------

std::string end_markdown(const ProgressEnd& end) {
    return fmt::format("#{} ({} UTC, target {}, {})", end.number, saved_time(end.saved_at),
                       render_detail::markdown_escape(end.level_id),
                       render_detail::markdown_escape(end.input.value_or("-")));
}

std::string progress_markdown(const Progress& progress) {
    std::string out =
        fmt::format("### Progress: {}\n\nFrom {} to {}.\n\n", render_detail::markdown_escape(progress.level_name),
                    end_markdown(progress.from), end_markdown(progress.to));
    out += fmt::format("| Level | #{} | #{} | Change |\n|:--|--:|--:|--:|\n", progress.from.number, progress.to.number);
    for (const ReadinessChange& level : progress.readiness) {
        const std::string name = level.level_id == progress.level_id
                                     ? fmt::format("**{}** (target)", render_detail::markdown_escape(level.level_name))
                                     : render_detail::markdown_escape(level.level_name);
        out += fmt::format("| {} | {} | {} | {} |\n", name, saved_percent(level.from), saved_percent(level.to),
                           level.change ? signed_change(*level.change, 1) : "-");
    }
    const std::size_t unchanged = unchanged_count(progress);
    out += "\n#### Skills\n\n";
    if (unchanged < progress.skills.size()) {
        out += fmt::format("| Skill | #{} | #{} | Change |\n|:--|--:|--:|--:|\n", progress.from.number,
                           progress.to.number);
        for (const SkillChange& skill : progress.skills) {
            if (skill.change != 0) {
                out += fmt::format("| {} | {} | {} | {} |\n", render_detail::markdown_escape(skill.name), skill.from,
                                   skill.to, signed_change(skill.change, 0));
            }
        }
        out += unchanged > 0 ? fmt::format("\n{} unchanged.\n", skills_word(unchanged)) : "";
    } else {
        out += fmt::format("No rating changed ({} rated).\n", skills_word(unchanged));
    }
    out += fmt::format("\n#### Readiness for {} over time\n\n| # | Saved (UTC) | Readiness |\n|--:|:--|--:|\n",
                       render_detail::markdown_escape(progress.level_name));
    for (const TrendPoint& point : progress.trend) {
        out +=
            fmt::format("| {} | {} | {} |\n", point.number, saved_time(point.saved_at), saved_percent(point.readiness));
    }
    return out;
}

// --- json ------------------------------------------------------------------

Json end_json(const ProgressEnd& end) {
    return Json{{"number", end.number},
                {"saved_at", render_detail::optional_json(end.saved_at)},
                {"level", end.level_id},
                {"level_name", end.level_name},
                {"input", render_detail::optional_json(end.input)}};
}

std::string progress_json(const Progress& progress) {
    Json document = render_detail::json_header("progress");
    document["from"] = end_json(progress.from);
    document["to"] = end_json(progress.to);
    document["level"] = Json{{"id", progress.level_id}, {"name", progress.level_name}};
    Json readiness = Json::array();
    for (const ReadinessChange& level : progress.readiness) {
        readiness.push_back(Json{{"level", level.level_id},
                                 {"name", level.level_name},
                                 {"from", render_detail::saved_readiness_json(level.from)},
                                 {"to", render_detail::saved_readiness_json(level.to)},
                                 {"change", level.change ? render_detail::json_number(*level.change) : Json(nullptr)}});
    }
    document["readiness"] = readiness;
    Json skills = Json::array();
    for (const SkillChange& skill : progress.skills) {
        skills.push_back(Json{
            {"id", skill.id}, {"name", skill.name}, {"from", skill.from}, {"to", skill.to}, {"change", skill.change}});
    }
    document["skills"] = skills;
    Json trend = Json::array();
    for (const TrendPoint& point : progress.trend) {
        trend.push_back(Json{{"number", point.number},
                             {"saved_at", render_detail::optional_json(point.saved_at)},
                             {"readiness", render_detail::saved_readiness_json(point.readiness)}});
    }
    document["trend"] = trend;
    return render_detail::dump_json(document);
}

}  // namespace

std::string render_progress(const Progress& progress, Format format, const TextStyle& style) {
    return render_detail::in_basic_format(
        format, "progress", [&] { return progress_text(progress, style); }, [&] { return progress_json(progress); },
        [&] { return progress_markdown(progress); });
}

}  // namespace apigap
