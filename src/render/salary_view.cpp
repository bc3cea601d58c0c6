// `apigap salary`: the pay band of each level, with what the figures are and
// their year, and a published figure beside them for scale.
#include <algorithm>

#include <fmt/format.h>

#include "apigap/render.hpp"
#include "basic_formats.hpp"
#include "report_parts.hpp"
#include "text_layout.hpp"

namespace apigap {

namespace {

using render_detail::Json;
namespace sgr = render_detail::sgr;

/// The source and caveat lines, once when every level shares them.
std::vector<std::pair<std::string, std::string>> sources(const KnowledgeBase& kb) {
    std::vector<std::pair<std::string, std::string>> unique;
    for (const Level& level : kb.levels) {
        const std::pair<std::string, std::string> entry{level.salary.source, level.salary.note};
        if (std::find(unique.begin(), unique.end(), entry) == unique.end()) {
            unique.push_back(entry);
        }
    }
    return unique;
}

std::string salary_text(const KnowledgeBase& kb, const TextStyle& style) {
    render_detail::TextWriter out(style);
    out.line(out.paint(sgr::k_bold, "SALARY BANDS"));
    std::vector<std::string> names;
    std::size_t band_width = 0;
    std::size_t year_width = 0;
    const auto band_of = [&](const Level& level) {
        const std::string band = render_detail::salary_band(level.salary, out.glyphs().dash);
        return band.empty() ? std::string("no band") : out.text(band);
    };
    const auto year_of = [](const Level& level) {
        return level.salary.year > 0 ? fmt::format("{} {}", level.salary.currency, level.salary.year) : std::string();
    };
    for (const Level& level : kb.levels) {
        names.push_back(level.name);
        band_width = std::max(band_width, render_detail::display_width(band_of(level)));
        year_width = std::max(year_width, render_detail::display_width(year_of(level)));
    }
    // The names wrap in what the band and the year leave them.
    const std::size_t width = out.column(names, 2 + 2 + band_width + (year_width > 0 ? 2 + year_width : 0));
    for (const Level& level : kb.levels) {
        out.row("  ", {out.cell(level.name, width), render_detail::Cell{{band_of(level)}, band_width, {}},
                       render_detail::fixed(year_of(level))});
    }
    for (const auto& [source, note] : sources(kb)) {
        out.blank();
        if (!note.empty()) {
            out.paragraph(0, "", note);
        }
        if (!source.empty()) {
            out.line(out.paint(sgr::k_dim, "Source: ") + source);  // a URL is not wrapped
        }
    }
    if (const std::string scale = render_detail::pay_scale(kb.pay_reference); !scale.empty()) {
        out.blank();
        out.paragraph(0, "", scale);
        out.line(out.paint(sgr::k_dim, "Source: ") + kb.pay_reference.source);
    }
    return out.take();
}

std::string salary_markdown(const KnowledgeBase& kb) {
    std::string out = "| Level | Salary band | Year |\n|:--|:--|--:|\n";
    for (const Level& level : kb.levels) {
        out += fmt::format("| {} | {} | {} |\n", render_detail::markdown_escape(level.name),
                           render_detail::markdown_escape(render_detail::salary_band(level.salary, "–")),
                           level.salary.year > 0 ? std::to_string(level.salary.year) : "");
    }
    for (const auto& [source, note] : sources(kb)) {
        out += '\n';
        out += render_detail::markdown_escape(note);
        out += source.empty() ? "\n" : fmt::format(" Source: <{}>\n", source);
    }
    if (const std::string scale = render_detail::pay_scale(kb.pay_reference); !scale.empty()) {
        out += fmt::format("\n{} Source: <{}>\n", render_detail::markdown_escape(scale), kb.pay_reference.source);
    }
    return out;
}

std::string salary_json(const KnowledgeBase& kb) {
    Json document = render_detail::json_header("salary");
    document["levels"] = Json::array();
    for (const Level& level : kb.levels) {
        document["levels"].push_back(
            Json{{"id", level.id}, {"name", level.name}, {"salary", render_detail::salary_json(level.salary)}});
    }
    document["pay_reference"] = render_detail::pay_reference_json(kb.pay_reference);
    return render_detail::dump_json(document);
}

}  // namespace

std::string render_salary(const KnowledgeBase& kb, Format format, const TextStyle& style) {
    return render_detail::in_basic_format(
        format, "the salary bands", [&] { return salary_text(kb, style); }, [&] { return salary_json(kb); },
        [&] { return salary_markdown(kb); });
}

}  // namespace apigap
