// A history entry as it is saved, and `apigap history`'s list in every format.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "apigap/render.hpp"
#include "basic_formats.hpp"
#include "history_views.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace render_detail {

std::string saved_time(const std::optional<std::string>& saved_at) {
    if (!saved_at || saved_at->size() < 16) {
        return "-";
    }
    return saved_at->substr(0, 10) + " " + saved_at->substr(11, 5);
}

std::string saved_percent(const std::optional<double>& readiness) {
    return readiness ? fmt::format("{:.1f}%", *readiness) : std::string("-");
}

std::string signed_change(double change, int decimals) {
    const double rounded = std::round(change * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    if (rounded == 0.0) {
        return fmt::format("{:.{}f}", 0.0, decimals);
    }
    return fmt::format("{}{:.{}f}", rounded > 0 ? "+" : "-", std::fabs(rounded), decimals);
}

Json saved_readiness_json(const std::optional<double>& readiness) {
    return readiness ? json_number(*readiness) : Json(nullptr);
}

Json optional_json(const std::optional<std::string>& text) {
    return text ? Json(*text) : Json(nullptr);
}

}  // namespace render_detail

namespace {

using render_detail::align_right;
using render_detail::display_width;
using render_detail::Json;
using render_detail::pad;
using render_detail::saved_percent;
using render_detail::saved_time;
namespace sgr = render_detail::sgr;

constexpr std::size_t k_max_history_level_width = 20;

std::optional<double> target_readiness(const HistoryEntry& entry) {
    return entry.report.readiness_for(entry.report.level_id);
}

std::string history_text(const std::vector<HistoryEntry>& entries, const TextStyle& style) {
    render_detail::TextWriter out(style);
    if (entries.empty()) {
        return out.take();
    }
    const std::size_t number_width = std::max<std::size_t>(1, fmt::format("{}", entries.back().number).size());
    std::size_t level_width = 5;
    for (const HistoryEntry& entry : entries) {
        level_width = std::max(level_width, display_width(out.text(entry.report.level_id)));
    }
    level_width = std::min(level_width, k_max_history_level_width);
    // On a narrow terminal the readiness column narrows to its figures ("100.0%"), its heading cut, and the input
    // goes on a line of its own below the time when it would have fewer than 10 columns beside the others.
    const std::size_t lead = 2 + number_width + 2;
    const std::size_t before = lead + 16 + 2 + level_width + 2;
    const std::size_t readiness_width = std::clamp<std::size_t>(out.width() > before ? out.width() - before : 0, 6, 9);
    const bool input_below = before + readiness_width + 2 + 10 > out.width();
    const std::size_t room = input_below ? out.width() - lead : out.width() - before - readiness_width - 2;
    const std::string header = fmt::format(
        "  {}  {}  {}  {}", align_right("#", number_width), pad("saved (UTC)", 16), pad("level", level_width),
        render_detail::truncate("readiness", readiness_width, out.glyphs().ellipsis));
    out.line(out.paint(sgr::k_dim, input_below ? header : header + "  input"));
    if (input_below) {
        out.line(out.paint(sgr::k_dim, std::string(lead, ' ') + "input"));
    }
    for (const HistoryEntry& entry : entries) {
        const std::string level =
            render_detail::truncate(out.text(entry.report.level_id), level_width, out.glyphs().ellipsis);
        const std::string input =
            render_detail::truncate(out.text(entry.report.input.value_or("-")), room, out.glyphs().ellipsis);
        std::string figures =
            fmt::format("  {}  {}  {}  {}", align_right(fmt::format("{}", entry.number), number_width),
                        pad(saved_time(entry.report.saved_at), 16), pad(level, level_width),
                        align_right(saved_percent(target_readiness(entry)), readiness_width));
        if (input_below) {
            out.line(figures);
            out.line(std::string(lead, ' ') + input);
        } else {
            figures += "  ";
            figures += input;
            out.line(figures);
        }
    }
    return out.take();
}

std::string history_markdown(const std::vector<HistoryEntry>& entries) {
    if (entries.empty()) {
        return {};
    }
    std::string out = "| # | Saved (UTC) | Level | Readiness | Input |\n|--:|:--|:--|--:|:--|\n";
    for (const HistoryEntry& entry : entries) {
        out +=
            fmt::format("| {} | {} | {} | {} | {} |\n", entry.number, saved_time(entry.report.saved_at),
                        render_detail::markdown_escape(entry.report.level_name), saved_percent(target_readiness(entry)),
                        render_detail::markdown_escape(entry.report.input.value_or("-")));
    }
    return out;
}

std::string history_json(const std::vector<HistoryEntry>& entries) {
    Json document = render_detail::json_header("history");
    Json list = Json::array();
    for (const HistoryEntry& entry : entries) {
        list.push_back(Json{{"number", entry.number},
                            {"file", entry.file},
                            {"saved_at", render_detail::optional_json(entry.report.saved_at)},
                            {"kind", entry.report.kind},
                            {"level", entry.report.level_id},
                            {"level_name", entry.report.level_name},
                            {"readiness", render_detail::saved_readiness_json(target_readiness(entry))},
                            {"input", render_detail::optional_json(entry.report.input)}});
    }
    document["entries"] = list;
    return render_detail::dump_json(document);
}

}  // namespace

std::string render_history_entry(const Report& report, std::string_view saved_at,
                                 const std::optional<std::string>& input) {
    Json document = render_detail::json_header("history-entry");
    document["saved_at"] = std::string(saved_at);
    document["input"] = render_detail::optional_json(input);
    document["report"] = render_detail::report_json(report);
    return render_detail::dump_json(document);
}

std::string render_history(const std::vector<HistoryEntry>& entries, Format format, const TextStyle& style) {
    return render_detail::in_basic_format(
        format, "the history", [&] { return history_text(entries, style); }, [&] { return history_json(entries); },
        [&] { return history_markdown(entries); });
}

}  // namespace apigap
