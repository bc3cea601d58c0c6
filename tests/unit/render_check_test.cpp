// Tests of `apigap check`'s renderers (src/render/check_*.cpp): what each
// format must say, GitHub's caps and escaping, SARIF's shape, valid XML.
#include <catch2/catch.hpp>

#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "apigap/render.hpp"
#include "test_support.hpp"

namespace {

using apigap::CheckReport;
using apigap::Finding;
using apigap::Format;
using apigap::Severity;

CheckReport report_with(std::vector<Finding> findings, int score = 70, int min_score = 60) {
    CheckReport report;
    report.source = "cv, final.md";
    report.level_id = "mid";
    report.level_name = "Mid-level API engineer";
    report.score = score;
    report.min_score = min_score;
    report.coverage = {{"python", "Python", 1.5, true, {"Python", "FastAPI"}, {}},
                       {"websocket", "WebSocket", 0.5, false, {}, {"WebSocket", "Socket.IO"}}};
    report.findings = std::move(findings);
    return report;
}

std::string render(const CheckReport& report, Format format) {
    return apigap::render_check(report, format, apigap::TextStyle{false, true});
}

}  // namespace

TEST_CASE("GitHub annotations escape data and properties as workflow commands require", "[render-check]") {
    const std::string out = render(
        report_with({Finding{"weak-phrase", Severity::warning, 7, "50% of it\nline two", "say: this, then that"}}),
        Format::github);
    CHECK(out.find("::warning file=cv%2C final.md,line=7,title=apigap weak-phrase::"
                   "50%25 of it%0Aline two. Fix: say: this, then that.\n") != std::string::npos);
    CHECK(
        out.ends_with("apigap check: cv, final.md for Mid-level API engineer: keyword coverage 70% (minimum 60%): "
                      "passed\n"));
}

TEST_CASE("GitHub annotations stop at GitHub's cap per kind, errors first: the rest are listed", "[render-check]") {
    std::vector<Finding> findings;
    for (int i = 1; i <= 12; ++i) {
        findings.push_back(Finding{"weak-phrase", Severity::warning, i, "w", "f"});
        findings.push_back(Finding{"contact-link", Severity::note, 0, "n", "f"});
    }
    findings.push_back(Finding{"garbled-text", Severity::error, 30, "e", "f"});
    const std::string out = render(report_with(findings, 10, 60), Format::github);
    CHECK(apigap::test::occurrences(out, "::warning ") == apigap::k_github_annotations_per_kind);
    CHECK(apigap::test::occurrences(out, "::notice ") == apigap::k_github_annotations_per_kind);
    CHECK(apigap::test::occurrences(out, "::error ") == 2);  // the coverage gate and the garbled text
    CHECK(out.find("::error") < out.find("::warning"));
    CHECK(out.find("the other 4 findings:\n") != std::string::npos);
    CHECK(out.find("cv, final.md:12: warning: w [weak-phrase]; fix: f\n") != std::string::npos);
    CHECK(out.find("failed: keyword coverage 10% is below the minimum 60%; 1 error finding") != std::string::npos);
}

TEST_CASE("SARIF is a 2.1.0 log whose results point at rules and lines", "[render-check]") {
    const auto sarif = nlohmann::json::parse(
        render(report_with({Finding{"weak-phrase", Severity::warning, 7, "weak", "fix it"},
                            Finding{"contact-email", Severity::warning, 0, "no email", "add one"}}),
               Format::sarif));
    CHECK(sarif["version"] == "2.1.0");
    REQUIRE(sarif["runs"].size() == 1);
    const auto& run = sarif["runs"][0];
    CHECK(run["tool"]["driver"]["name"] == "apigap");
    const auto& rules = run["tool"]["driver"]["rules"];
    CHECK(rules.size() == apigap::check_rules().size());
    REQUIRE(run["results"].size() == 2);
    const auto& weak = run["results"][0];
    CHECK(rules[weak["ruleIndex"].get<std::size_t>()]["id"] == weak["ruleId"]);
    CHECK(weak["level"] == "warning");
    CHECK(weak["message"]["text"] == "weak. Fix: fix it.");
    CHECK(weak["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "cv%2C%20final.md");
    CHECK(weak["locations"][0]["physicalLocation"]["region"]["startLine"] == 7);
    CHECK_FALSE(run["results"][1]["locations"][0]["physicalLocation"].contains("region"));
    CHECK(run["properties"]["score"] == 70);
}

TEST_CASE("JUnit has a case per rule: errors and the coverage gate fail, the rest is output", "[render-check]") {
    const std::string out = render(report_with({Finding{"garbled-text", Severity::error, 3, "a <b> & \"c\"", "f"},
                                                Finding{"weak-phrase", Severity::warning, 7, "w", "f"}},
                                               50, 60),
                                   Format::junit);
    CHECK(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    CHECK(out.find(fmt::format("tests=\"{}\" failures=\"2\"", apigap::check_rules().size() + 1)) != std::string::npos);
    CHECK(out.find("<failure message=\"keyword coverage 50% is below the minimum 60%\"") != std::string::npos);
    CHECK(out.find("<failure message=\"a &lt;b&gt; &amp; &quot;c&quot;\" type=\"garbled-text\">") != std::string::npos);
    CHECK(out.find("<system-out>cv, final.md:7: warning: w [weak-phrase]; fix: f\n</system-out>") != std::string::npos);
    CHECK(out.find("a <b>") == std::string::npos);
}

TEST_CASE("JUnit replaces the control characters XML 1.0 cannot carry", "[render-check]") {
    const std::string out = render(
        report_with({Finding{"garbled-text", Severity::error, 3, std::string("x\x01y\x1bz"), "f"}}), Format::junit);
    CHECK(out.find("message=\"x\uFFFDy\uFFFDz\"") != std::string::npos);
}

TEST_CASE("text and Markdown give the score, each skill, the findings and the verdict", "[render-check]") {
    const CheckReport report = report_with({Finding{"weak-phrase", Severity::warning, 7, "weak phrase 'x'", "y"}});
    const std::string text = render(report, Format::text);
    CHECK(text.find(" 70% ") != std::string::npos);
    CHECK(text.find("[x] Python") != std::string::npos);
    CHECK(text.find("[ ] WebSocket  missing: add 'WebSocket', 'Socket.IO'") != std::string::npos);
    CHECK(text.find("cv, final.md:7  warning  weak-phrase\n    weak phrase 'x'\n    fix: y\n") != std::string::npos);
    CHECK(text.ends_with("Result: passed\n"));
    const std::string markdown = render(report, Format::markdown);
    CHECK(markdown.find("keyword coverage **70%** (minimum 60%)") != std::string::npos);
    CHECK(markdown.find("| warning | 7 | `weak-phrase` | weak phrase 'x' | y |") != std::string::npos);
}

TEST_CASE("the JSON result carries the score, the gate and every finding", "[render-check]") {
    const auto json = nlohmann::json::parse(render(
        report_with({Finding{"contact-email", Severity::warning, 0, "no email", "add one"}}, 40, 60), Format::json));
    CHECK(json["kind"] == "check");
    CHECK(json["score"] == 40);
    CHECK(json["passed"] == false);
    CHECK(json["findings"][0]["line"].is_null());
    CHECK(json["coverage"][1]["suggest"] == nlohmann::json::array({"WebSocket", "Socket.IO"}));
}

TEST_CASE("a gap report has no CI format", "[render-check]") {
    CHECK_THROWS_AS(apigap::render_report(apigap::Report{}, Format::sarif, {}), apigap::Error);
}

TEST_CASE("a view with only text, JSON and Markdown refuses another format as a bug", "[render-check]") {
    try {
        (void)apigap::render_plan(apigap::Report{}, apigap::Schedule{}, Format::sarif, {});
        FAIL("no error");
    } catch (const apigap::Error& error) {
        CHECK(error.code() == apigap::ExitCode::internal);
        CHECK(std::string(error.what()) == "a study plan has only text, JSON and Markdown views");
    }
}
