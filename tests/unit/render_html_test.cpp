// Tests of the HTML report (src/render/html.cpp, src/render/html_support.cpp):
// escaping, a self-contained page, one radar axis per target, its geometry.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "apigap/render.hpp"
#include "render/html_support.hpp"
#include "test_support.hpp"

namespace {

using apigap::Format;
using apigap::Report;
using apigap::TargetScore;
using apigap::render_detail::html_escape;
using apigap::render_detail::radar_svg;
using apigap::render_detail::svg_number;

std::vector<TargetScore> sample_targets() {
    return {
        TargetScore{"languages", 1, "Programming languages", "python", "Python", 3, 3, 3.0, {}},
        TargetScore{"languages", 2, "Programming languages", "java", "Java", 1, 2, 1.0, {}},
        TargetScore{
            "api-security", 1, "API <security> & \"auth\"", "api-security", "API <security> & \"auth\"", 2, 3, 3.0, {}},
        TargetScore{"caching", 1, "Caching", "caching", "Caching", 0, 2, 1.5, {}}};
}

Report sample_report() {
    Report report;
    report.level_id = "mid";
    report.level_name = "Mid <level>";
    report.level_focus = "Design & 'security'.";
    apigap::SalaryBand band;
    band.min = 110000;
    band.max = 150000;
    band.currency = "USD";
    band.year = 2026;
    band.source = "https://example.org/pay?a=1&b=2";
    band.note = "Typical US pay.";
    apigap::SalaryBand senior = band;
    senior.min = 150000;
    senior.max = 200000;
    senior.open_ended = true;
    report.next_level_id = "senior";
    report.pay_reference =
        apigap::PayReference{"median <wage> & more", 133080, "USD", 2024, "https://example.org/m?a&b"};
    report.readiness = {apigap::LevelReadiness{"entry", "Entry", 89.5, {}},
                        apigap::LevelReadiness{"mid", "Mid <level>", 73.0, band},
                        apigap::LevelReadiness{"senior", "Senior", 40.0, senior}};
    report.targets = sample_targets();
    report.gaps = {apigap::Gap{report.targets[2], 3.0}, apigap::Gap{report.targets[3], 3.0}};
    apigap::PlanStep step;
    step.skill_id = "api-security";
    step.skill_name = "API <security>";
    step.from = 2;
    step.to = 3;
    step.goal = "Ships OAuth <flows>.";
    step.project = apigap::Project{2, "PKCE & refresh", "Build it.", 25};
    step.resources = {apigap::Resource{"RFC 6749", "https://www.rfc-editor.org/rfc/rfc6749?x=1&y=\"2\"", "spec", {3}},
                      apigap::Resource{"Trap", "javascript:alert(1)", "docs", {3}}};
    step.hours = 25;
    report.plan = apigap::StudyPlan{{}, {step}, 25};
    return report;
}

struct Point {
    double x = 0.0;
    double y = 0.0;
};

/// The corners of the polygon with class `name` in `svg`.
std::vector<Point> polygon(const std::string& svg, const std::string& name) {
    std::smatch match;
    REQUIRE(std::regex_search(svg, match, std::regex("<polygon class=\"" + name + "\" points=\"([^\"]*)\"")));
    std::vector<Point> points;
    const std::string list = match[1];
    const std::regex pair(R"((-?[0-9.]+),(-?[0-9.]+))");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), pair); it != std::sregex_iterator(); ++it) {
        points.push_back(Point{std::stod((*it)[1]), std::stod((*it)[2])});
    }
    return points;
}

/// The axis lines of `svg`: centre (x1, y1) to the end at rating 4 (x2, y2).
std::vector<std::pair<Point, Point>> axes(const std::string& svg) {
    std::vector<std::pair<Point, Point>> lines;
    const std::regex line(R"re(<line x1="([-0-9.]+)" y1="([-0-9.]+)" x2="([-0-9.]+)" y2="([-0-9.]+)"/>)re");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), line); it != std::sregex_iterator(); ++it) {
        lines.emplace_back(Point{std::stod((*it)[1]), std::stod((*it)[2])},
                           Point{std::stod((*it)[3]), std::stod((*it)[4])});
    }
    return lines;
}

}  // namespace

TEST_CASE("html_escape escapes markup, ampersands and both quotes, and replaces control characters", "[render-html]") {
    CHECK(html_escape(R"(a < b & "c" 'd' > e)") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt; e");
    CHECK(html_escape("&amp;") == "&amp;amp;");
    CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(html_escape(std::string("tab\there\nnl\rcr\x01\x1f\x7f") + '\0') ==
          "tab\there\nnl\rcr\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(html_escape("Diátaxis → 3 – 4") == "Diátaxis → 3 – 4");
    CHECK(html_escape("") == "");
}

TEST_CASE("svg_number writes two decimals and never a negative zero", "[render-html]") {
    CHECK(svg_number(3.14159) == "3.14");
    CHECK(svg_number(250.0) == "250.00");
    CHECK(svg_number(-2.5) == "-2.50");
    CHECK(svg_number(-0.001) == "0.00");
    CHECK(svg_number(-1e-14) == "0.00");
}

TEST_CASE("The radar has one labelled axis per target and polygons on the 0-4 scale", "[render-html]") {
    const std::vector<TargetScore> targets = sample_targets();
    const std::string svg = radar_svg(targets, "Mid <level>");
    CHECK(svg.starts_with(R"(<svg class="radar" viewBox="0 0 )"));
    CHECK(svg.find(R"(role="img" aria-labelledby="radar-title" aria-describedby="radar-desc">)") != std::string::npos);
    CHECK(
        svg.find("<title id=\"radar-title\">Mid &lt;level&gt;: current rating and target per skill, 0 to 4</title>") !=
        std::string::npos);
    CHECK(
        svg.find("<desc id=\"radar-desc\">Programming languages: Python: 3 of 3; Programming languages (2nd): Java: 1 "
                 "of 2; API &lt;security&gt; &amp; &quot;auth&quot;: 2 of 3; Caching: 0 of 2.</desc>") !=
        std::string::npos);
    CHECK(apigap::test::occurrences(svg, "<g class=\"axis\">") == targets.size());
    CHECK(svg.find("<title>Programming languages (2nd): Java: 1 of 2</title>") != std::string::npos);
    // Labels wrap at 16 code points into lines of their own.
    CHECK(svg.find(">Programming</tspan><tspan") != std::string::npos);
    CHECK(svg.find(">languages (2nd):</tspan><tspan") != std::string::npos);
    CHECK(svg.find("<security>") == std::string::npos);
    CHECK(apigap::test::occurrences(svg, "<polygon class=\"ring\"") == 4);
    CHECK(apigap::test::occurrences(svg, "<circle class=\"dot\"") == targets.size());

    const auto lines = axes(svg);
    REQUIRE(lines.size() == targets.size());
    const std::vector<Point> target = polygon(svg, "target");
    const std::vector<Point> current = polygon(svg, "current");
    REQUIRE(target.size() == targets.size());
    REQUIRE(current.size() == targets.size());
    // The first axis points straight up; each corner lies at rating/4 of its axis.
    CHECK(lines[0].second.x == Approx(lines[0].first.x));
    CHECK(lines[0].second.y < lines[0].first.y);
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const Point centre = lines[i].first;
        const Point end = lines[i].second;
        const auto expect = [&](const Point& point, int value) {
            CHECK(point.x == Approx(centre.x + (end.x - centre.x) * value / 4.0).margin(0.011));
            CHECK(point.y == Approx(centre.y + (end.y - centre.y) * value / 4.0).margin(0.011));
        };
        expect(target[i], targets[i].target);
        expect(current[i], targets[i].rating);
    }
}

TEST_CASE("The radar of no targets is empty", "[render-html]") {
    CHECK(radar_svg({}, "Mid").empty());
}

TEST_CASE("The radar of fewer than three targets draws its rings as circles", "[render-html]") {
    const std::vector<TargetScore> all = sample_targets();
    const std::vector<TargetScore> two(all.begin(), all.begin() + 2);
    const std::string svg = radar_svg(two, "Two");
    CHECK(apigap::test::occurrences(svg, "<g class=\"axis\">") == 2);
    CHECK(apigap::test::occurrences(svg, "<circle class=\"ring\"") == 4);
    CHECK(apigap::test::occurrences(svg, "<polygon class=\"ring\"") == 0);
    CHECK(polygon(svg, "current").size() == 2);
}

TEST_CASE("The HTML page is a self-contained HTML5 document", "[render-html]") {
    const std::string page = apigap::render_html(sample_report());
    CHECK(
        page.starts_with("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"));
    CHECK(page.ends_with("</main>\n</body>\n</html>\n"));
    CHECK(page.find("<title>apigap: Mid &lt;level&gt; readiness</title>") != std::string::npos);
    CHECK(apigap::test::occurrences(page, "<style>") == 1);
    CHECK(page.find("@media (prefers-color-scheme: dark)") != std::string::npos);
    CHECK(page.find("@media print") != std::string::npos);
    for (const std::string_view banned :
         {"<script", "<SCRIPT", "src=", "url(", "@import", "<link", "<img", "http://"}) {
        INFO(banned);
        CHECK(page.find(banned) == std::string::npos);
    }
    CHECK_FALSE(std::regex_search(page, std::regex(R"(<[^>]*\son[a-z]+=)")));  // no event handler attributes
    CHECK(apigap::test::occurrences(page, "<g class=\"axis\">") == 4);
}

TEST_CASE("The HTML page escapes every text and links only web addresses", "[render-html]") {
    const std::string page = apigap::render_html(sample_report());
    CHECK(page.find("<h1>apigap: Mid &lt;level&gt; readiness</h1>") != std::string::npos);
    CHECK(page.find("<p><strong>Focus:</strong> Design &amp; &#39;security&#39;.</p>") != std::string::npos);
    CHECK(page.find("<h3>1. API &lt;security&gt; <span class=\"move\">2&#8201;→&#8201;3</span></h3>") !=
          std::string::npos);
    CHECK(page.find("<p><strong>Goal:</strong> Ships OAuth &lt;flows&gt;.</p>") != std::string::npos);
    CHECK(page.find("<p><strong>Project:</strong> <em>PKCE &amp; refresh</em> (25&nbsp;h): Build it.</p>") !=
          std::string::npos);
    CHECK(
        page.find("<li><a href=\"https://www.rfc-editor.org/rfc/rfc6749?x=1&amp;y=&quot;2&quot;\">RFC 6749</a></li>") !=
        std::string::npos);
    CHECK(page.find("<li>Trap</li>") != std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
    CHECK(page.find(
              "<p class=\"note\"><strong>Pay:</strong> Mid &lt;level&gt; $110K–150K; next level, Senior "
              "$150K–200K+ (USD 2026). Typical US pay. For scale, the median &lt;wage&gt; &amp; more was "
              "$133,080. Source: <a href=\"https://example.org/pay?a=1&amp;b=2\">https://example.org/pay?a=1&amp;b=2"
              "</a>. Source: <a href=\"https://example.org/m?a&amp;b\">https://example.org/m?a&amp;b</a>.</p>") !=
          std::string::npos);
    CHECK(page.find("<security>") == std::string::npos);
}

TEST_CASE("The HTML page holds readiness, the gaps by priority and the plan's total", "[render-html]") {
    const std::string page = apigap::render_html(sample_report());
    CHECK(page.find("<tr><th scope=\"row\">Entry</th><td><meter min=\"0\" max=\"100\" low=\"50\" high=\"80\" "
                    "optimum=\"100\" value=\"89\">89%</meter></td><td class=\"num\">89%</td><td class=\"num\"></td>"
                    "</tr>") != std::string::npos);
    CHECK(
        page.find("<tr class=\"chosen\"><th scope=\"row\">Mid &lt;level&gt; <span class=\"tag\">target</span></th>") !=
        std::string::npos);
    CHECK(page.find("<td class=\"num\">$110K–150K</td>") != std::string::npos);
    CHECK(page.find("<tr><td class=\"num\">2</td><th scope=\"row\">Caching</th><td class=\"num\">0&#8201;→&#8201;2</td>"
                    "<td class=\"num\">3</td></tr>") != std::string::npos);
    CHECK(page.find("<tr><th scope=\"row\">Programming languages (2nd): Java</th><td class=\"num\">1</td><td "
                    "class=\"num\">2</td><td class=\"num\">1</td></tr>") != std::string::npos);
    CHECK(page.find("<p class=\"total\">Total to the targets: 1 step and about 25 hours.</p>") != std::string::npos);
    CHECK(page.find("id=\"evidence\"") == std::string::npos);
}

TEST_CASE("The HTML page of a report with no gaps says so and has no plan", "[render-html]") {
    Report report = sample_report();
    report.gaps.clear();
    report.plan = {};
    const std::string page = apigap::render_html(report);
    CHECK(page.find("<p>No gaps: you meet every target for Mid &lt;level&gt;.</p>") != std::string::npos);
    CHECK(page.find("id=\"plan\"") == std::string::npos);
}

TEST_CASE("The HTML page of a scan shows the resume, its warnings and the evidence, escaped", "[render-html]") {
    Report report = sample_report();
    report.resume = apigap::ResumeSummary{"cv <final>.txt",
                                          apigap::InputFormat::text,
                                          12,
                                          {apigap::ExtractionWarning{"docx-table", 4, "text in a <table>"}}};
    apigap::RatedSkill skill;
    skill.id = "python";
    skill.name = "Python";
    skill.rating.rating = 3;
    skill.rating.source = apigap::RatingSource::inferred;
    skill.rating.evidence = {apigap::Evidence{5, "experience", "Python", "Built <b>Python</b> & FastAPI, -40%"},
                             apigap::Evidence{5, "experience", "FastAPI", "Built <b>Python</b> & FastAPI, -40%"},
                             apigap::Evidence{9, "", "Python", "Python"}};
    report.skills = {skill, apigap::RatedSkill{"go", "Go", apigap::SkillCategory::technical, {}}};
    const std::string page = apigap::render_html(report);
    CHECK(page.find("<p><strong>Resume:</strong> cv &lt;final&gt;.txt (text, 12 lines)</p>") != std::string::npos);
    CHECK(page.find("<li>L4: text in a &lt;table&gt; <span class=\"muted\">[docx-table]</span></li>") !=
          std::string::npos);
    CHECK(page.find("<h3>Python <span class=\"move\">rating 3</span></h3>\n<ul class=\"evidence\">"
                    "<li><span class=\"muted\">L5 experience (Python, FastAPI):</span> Built &lt;b&gt;Python&lt;/b&gt; "
                    "&amp; FastAPI, -40%</li><li><span class=\"muted\">L9 - (Python):</span> Python</li></ul>") !=
          std::string::npos);
    CHECK(page.find("<h3>Go") == std::string::npos);
}

TEST_CASE("html is a report format that apigap check refuses", "[render-html]") {
    CHECK(apigap::parse_format("html") == Format::html);
    CHECK_FALSE(apigap::parse_format("HTML").has_value());
    const Report report = sample_report();
    CHECK(apigap::render_report(report, Format::html, {}) == apigap::render_html(report));
    CHECK(apigap::test::error_of([] { (void)apigap::render_check({}, Format::html, {}); }) ==
          "`apigap check` has no HTML format");
}
