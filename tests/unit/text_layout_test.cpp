// Tests of the text views' writer (src/render/text_layout.cpp): its width from the style, and table rows whose
// cells wrap.
#include <catch2/catch.hpp>

#include <string>

#include "apigap/report.hpp"
#include "render/text_layout.hpp"

using apigap::TextStyle;
using apigap::render_detail::fixed;
using apigap::render_detail::format_number;
using apigap::render_detail::TextWriter;
using apigap::render_detail::with_prefix;

namespace {

TextStyle style(std::size_t width, bool unicode = true) {
    TextStyle style;
    style.unicode = unicode;
    style.width = width;
    return style;
}

}  // namespace

TEST_CASE("The writer's lines are two columns short of the style's width", "[text-layout]") {
    CHECK(TextWriter(style(80)).width() == 78);
    CHECK(TextWriter(style(120)).width() == 118);
    CHECK(TextWriter(style(10)).width() == 38);  // never under the narrowest width
}

TEST_CASE("A paragraph wraps to the style's width", "[text-layout]") {
    TextWriter out(style(40));
    out.paragraph(0, "Pay: ", "Senior API engineer $150K-200K+ (USD 2026). Typical US base pay.");
    CHECK(out.take() ==
          "Pay: Senior API engineer $150K-200K+\n"
          "     (USD 2026). Typical US base pay.\n");
}

TEST_CASE("A label that leaves less than 20 columns stands alone, the text below it", "[text-layout]") {
    TextWriter out(style(40));
    out.paragraph(4, "L6 experience       ", "Built REST APIs in Go for the payments team.");
    out.paragraph(4, "L6  ", "Built REST APIs in Go for the payments team.");
    CHECK(out.take() ==
          "    L6 experience\n"
          "      Built REST APIs in Go for the\n"
          "      payments team.\n"
          "    L6  Built REST APIs in Go for the\n"
          "        payments team.\n");
}

TEST_CASE("A heading wraps to the width", "[text-layout]") {
    TextWriter out(style(40));
    out.heading("FINDINGS (1 error, 11 warnings, 2 notes)");
    CHECK(out.take() == "FINDINGS (1 error, 11 warnings, 2\nnotes)\n");
}

TEST_CASE("A cell that wraps makes the row taller and leaves the others blank below", "[text-layout]") {
    TextWriter out(style(80));
    out.row("  1. ", {out.cell("Message queues and event streaming", 24), fixed("0 -> 2"), fixed("priority 2")});
    CHECK(out.take() ==
          "  1. Message queues and event  0 -> 2  priority 2\n"
          "     streaming\n");
}

TEST_CASE("A row pads each cell to its width but the last, and ends in no space", "[text-layout]") {
    TextWriter out(style(80));
    out.row("  ", {out.cell("Go", 6), out.cell("", 4), fixed("3")}, 1);
    out.row("  ", {out.cell("Go", 6), fixed("3"), out.cell("", 4)}, 1);
    CHECK(out.take() == "  Go          3\n  Go     3\n");
}

TEST_CASE("A prefix stands before a cell's first line and blank before the others", "[text-layout]") {
    TextWriter out(style(80));
    out.row("  ", {with_prefix("[x] ", out.cell("Rate limiting and throttling", 14)), fixed("Redis")});
    CHECK(out.take() ==
          "  [x] Rate limiting   Redis\n"
          "      and throttling\n");
}

TEST_CASE("A cell is measured in the style's character set", "[text-layout]") {
    TextWriter out(style(80, false));
    out.row("", {out.cell("3 \u2192 4", 6), fixed("x")});
    CHECK(out.take() == "3 -> 4  x\n");
}

TEST_CASE("A number is shown to two decimals without trailing zeros or a bare point", "[text-layout]") {
    CHECK(format_number(3.0) == "3");
    CHECK(format_number(1.5) == "1.5");
    CHECK(format_number(0.25) == "0.25");
    CHECK(format_number(100.0) == "100");
    CHECK(format_number(2.999) == "3");  // was "3."
    CHECK(format_number(99.999) == "100");
    CHECK(format_number(0.001) == "0.001");  // was "0.": a weight above 0 is never shown as 0
    CHECK(format_number(1e-300) == "1e-300");
}

TEST_CASE("The pay line gives the reference's amount whole, and each source once", "[text-layout]") {
    apigap::Report report;
    report.level_id = "mid";
    report.level_name = "Mid";
    report.next_level_id = "senior";
    const apigap::SalaryBand mid{110000, 150000, false, "USD", 2026, "", "A guide's figures."};
    const apigap::SalaryBand senior{150000, 200000, true, "USD", 2026, "https://example.org/bls", "A guide's figures."};
    report.readiness = {apigap::LevelReadiness{"mid", "Mid", 50.0, mid},
                        apigap::LevelReadiness{"senior", "Senior", 20.0, senior}};
    report.pay_reference =
        apigap::PayReference{"median wage (May 2024)", 1133080, "USD", 2024, "https://example.org/bls"};
    CHECK(apigap::render_detail::pay_summary(report, "-") ==
          "Mid $110K-150K; next level, Senior $150K-200K+ (USD 2026). A guide's figures. For scale, the median wage "
          "(May 2024) was $1,133,080.");
    CHECK(apigap::render_detail::pay_sources(report) == std::vector<std::string>{"https://example.org/bls"});
    report.pay_reference = {};
    CHECK(apigap::render_detail::pay_summary(report, "-") ==
          "Mid $110K-150K; next level, Senior $150K-200K+ (USD 2026). A guide's figures.");
    CHECK(apigap::render_detail::pay_sources(report) == std::vector<std::string>{"https://example.org/bls"});
    report.readiness[1].salary.source.clear();
    CHECK(apigap::render_detail::pay_sources(report).empty());
}
