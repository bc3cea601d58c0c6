// Tests of `apigap match`'s CI and HTML renderers (src/render/match_ci.cpp, match_html.cpp): findings on the resume,
// GitHub's caps, SARIF's shape, JUnit's cases, and a page that escapes what it shows.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "apigap/render.hpp"
#include "test_support.hpp"

namespace {

using apigap::Format;
using apigap::MatchReport;
using apigap::MatchSkill;
using apigap::PostingPart;
using apigap::ResumeSpot;

MatchSkill skill(std::string id, std::string name, std::string spelling, PostingPart part, int line) {
    MatchSkill item;
    item.skill_id = std::move(id);
    item.name = std::move(name);
    item.spelling = std::move(spelling);
    item.part = part;
    item.weight = apigap::weight_of(part);
    item.line = line;
    return item;
}

/// Java (required, 5+ years, Experience at line 7) and message queues (preferred, no Skills section) missing; Python
/// found. The rate is 40%, below the minimum 50%.
MatchReport sample(int min_score = 50) {
    MatchReport report;
    report.resume_source = "cv, final.md";
    report.posting.source = "jobs/backend.md";
    report.posting.title = "Backend <Engineer>";
    report.posting.level_id = "mid";
    report.posting.level_name = "Mid-level API engineer";
    report.score = 40;
    report.min_score = min_score;
    MatchSkill java = skill("java", "Java", "Java", PostingPart::required, 14);
    java.years = 5;
    java.spot = ResumeSpot::experience;
    java.section_line = 7;
    MatchSkill queues = skill("message-queues", "Message queues", "Kafka", PostingPart::preferred, 20);
    MatchSkill python = skill("python", "Python", "python3", PostingPart::required, 15);
    python.found = true;
    python.resume_keywords = {"Python", "FastAPI"};
    report.skills = {java, queues, python};
    report.keyword_score = 25;
    report.keywords = {
        apigap::MatchKeyword{"MySQL",
                             "database-design",
                             "MySQL <8>",
                             PostingPart::required,
                             2,
                             16,
                             false,
                             {"PostgreSQL", "SQL", "Redis", "MongoDB"}},
        apigap::MatchKeyword{"Apache Kafka", "message-queues", "Kafka", PostingPart::preferred, 1, 20, false, {}},
        apigap::MatchKeyword{"Python", "python", "python3", PostingPart::required, 2, 15, true, {}},
    };
    report.unassessed_terms = {"Terraform", "C#"};
    return report;
}

constexpr std::string_view k_java_message =
    "the posting requires Java, as 'Java' at jobs/backend.md:14, with 5+ years; the resume does not name it";

}  // namespace

TEST_CASE("SARIF for a match has the failed gate and one result per missing skill, on the resume", "[render-match]") {
    const auto sarif = nlohmann::json::parse(apigap::render_match(sample(), Format::sarif));
    CHECK(sarif["version"] == "2.1.0");
    REQUIRE(sarif["runs"].size() == 1);
    const auto& run = sarif["runs"][0];
    const auto& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 4);
    REQUIRE(run["results"].size() == 3);
    for (const auto& result : run["results"]) {
        CHECK(rules[result["ruleIndex"].get<std::size_t>()]["id"] == result["ruleId"]);
        CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "cv%2C%20final.md");
    }
    const auto& gate = run["results"][0];
    CHECK(gate["ruleId"] == "match-score");
    CHECK(gate["level"] == "error");
    CHECK_FALSE(gate["locations"][0]["physicalLocation"].contains("region"));
    const auto& java = run["results"][1];
    CHECK(java["ruleId"] == "missing-required");
    CHECK(java["level"] == "warning");
    CHECK(java["message"]["text"] ==
          std::string(k_java_message) + ". Fix: name it in the resume's experience section.");
    CHECK(java["locations"][0]["physicalLocation"]["region"]["startLine"] == 7);
    const auto& queues = run["results"][2];
    CHECK(queues["ruleId"] == "missing-preferred");
    CHECK(queues["level"] == "note");
    CHECK(queues["message"]["text"] ==
          "the posting prefers Message queues, as 'Kafka' at jobs/backend.md:20; the resume does not name it. Fix: "
          "add a section headed 'Skills' that names it.");
    CHECK(queues["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
    CHECK(run["properties"]["score"] == 40);
    CHECK(run["properties"]["minScore"] == 50);
    CHECK(run["properties"]["passed"] == false);
    CHECK(run["properties"]["posting"] == "jobs/backend.md");
}

TEST_CASE("SARIF for a passing match has no gate result", "[render-match]") {
    const auto sarif = nlohmann::json::parse(apigap::render_match(sample(0), Format::sarif));
    const auto& results = sarif["runs"][0]["results"];
    REQUIRE(results.size() == 2);
    CHECK(results[0]["ruleId"] == "missing-required");
}

TEST_CASE("GitHub annotations put the failed gate first and the missing skills on their section's line",
          "[render-match]") {
    const std::string out = apigap::render_match(sample(), Format::github);
    CHECK(
        out.starts_with("::error file=cv%2C final.md,title=apigap match-score::match rate 40%25 against "
                        "jobs/backend.md is below the minimum 50%25. Fix: "));
    CHECK(
        out.find("::warning file=cv%2C final.md,line=7,title=apigap missing-required::" + std::string(k_java_message) +
                 ". Fix: name it in the resume's experience section.\n") != std::string::npos);
    CHECK(out.find("::notice file=cv%2C final.md,line=1,title=apigap missing-preferred::") != std::string::npos);
    CHECK(
        out.ends_with("apigap match: cv, final.md against jobs/backend.md: match rate 40% (minimum 50%): failed: "
                      "40% is below 50%\n"));
}

TEST_CASE("GitHub annotations for a match stop at GitHub's cap and list the rest", "[render-match]") {
    MatchReport report = sample(0);
    for (int i = 0; i < 12; ++i) {
        report.skills.insert(report.skills.begin(), skill("s" + std::to_string(i), "S" + std::to_string(i), "s",
                                                          PostingPart::required, i + 1));
    }
    const std::string out = apigap::render_match(report, Format::github);
    CHECK(apigap::test::occurrences(out, "::warning ") == apigap::k_github_annotations_per_kind);
    CHECK(apigap::test::occurrences(out, "::notice ") == 1);
    CHECK(apigap::test::occurrences(out, "::error ") == 0);
    CHECK(out.find("the other 3 findings:\n") != std::string::npos);
    CHECK(out.find("cv, final.md:7: warning: " + std::string(k_java_message) +
                   " [missing-required]; fix: name it in the resume's experience section\n") != std::string::npos);
}

TEST_CASE("JUnit has a case for the gate and each skill, and the gate and each missing skill fail", "[render-match]") {
    MatchReport report = sample();
    report.skills[2].name = "Python <3>";
    const std::string out = apigap::render_match(report, Format::junit);
    CHECK(
        out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<testsuites name=\"apigap match\" tests=\"4\" failures=\"3\" errors=\"0\">\n"));
    CHECK(out.find("<property name=\"posting\" value=\"jobs/backend.md\"/>") != std::string::npos);
    CHECK(out.find("<testcase classname=\"apigap.match\" name=\"match-score\">\n      <failure message=\"match rate "
                   "40% against jobs/backend.md is below the minimum 50%\" type=\"match-score\">") !=
          std::string::npos);
    CHECK(out.find("<testcase classname=\"apigap.match.required\" name=\"Java\">\n      <failure message=\"the posting "
                   "requires Java, as &#39;Java&#39; at jobs/backend.md:14") != std::string::npos);
    CHECK(out.find("type=\"missing-preferred\"") != std::string::npos);
    CHECK(out.find("<testcase classname=\"apigap.match.required\" name=\"Python &lt;3&gt;\">\n      "
                   "<system-out>resume: Python, FastAPI\n</system-out>") != std::string::npos);
}

TEST_CASE("The HTML page shows the rate, the gate and the skills, missing first, all escaped", "[render-match]") {
    const std::string page = apigap::render_match(sample(), Format::html);
    CHECK(page.starts_with("<!doctype html>\n<html lang=\"en\">\n"));
    CHECK(page.find("<title>apigap match: Backend &lt;Engineer&gt;</title>") != std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("Backend <Engineer>") == std::string::npos);
    CHECK(page.find(
              "<p><meter min=\"0\" max=\"100\" low=\"50\" high=\"80\" optimum=\"100\" value=\"40\">40%</meter></p>") !=
          std::string::npos);
    CHECK(page.find(
              "<p><strong>Match rate:</strong> 40% of its skills, 25% of its terms (minimum 50%: <strong>failed: 40% "
              "is below 50%</strong>)</p>") != std::string::npos);
    CHECK(page.find("<section id=\"keywords\">") != std::string::npos);
    CHECK(page.find("MySQL &lt;8&gt; <span class=\"tag\">missing</span>") != std::string::npos);
    CHECK(page.find("not in your resume (you have PostgreSQL, SQL, Redis, \u2026, the same skill)") !=
          std::string::npos);
    CHECK(page.find("does not know them: Terraform, C#</p>") != std::string::npos);
    CHECK(page.find("<p>2 of 3 missing, listed first.") != std::string::npos);
    CHECK(page.find("<tr><th scope=\"row\">Java <span class=\"tag\">missing</span></th><td>required, 5+ years<br><span "
                    "class=\"muted\">&#8220;Java&#8221;, line 14</span></td><td>add to experience <span "
                    "class=\"muted\">(line 7)</span></td></tr>") != std::string::npos);
    CHECK(page.find("Message queues <span class=\"tag\">missing</span>") <
          page.find("Python <span class=\"tag\">found"));
    CHECK(page.find("<td>Python, FastAPI</td>") != std::string::npos);
    CHECK(page.ends_with("</main>\n</body>\n</html>\n"));
}

TEST_CASE("Text and Markdown show both rates, the posting's terms and what is not assessed", "[render-match]") {
    apigap::TextStyle wide;
    wide.width = 120;
    const std::string text = apigap::render_match(sample(), Format::text, wide);
    CHECK(text.find("Match      40% of its skills, 25% of its terms (minimum 50%: failed: 40% is below 50%)\n") !=
          std::string::npos);
    CHECK(text.find("The posting's terms (1 of 3 in your resume)\n"
                    "  required   MySQL <8>  not in your resume (you have PostgreSQL, SQL, Redis, \u2026, "
                    "the same skill)\n"
                    "  preferred  Kafka      not in your resume\n"
                    "  required   python3    in your resume\n") != std::string::npos);
    CHECK(text.find("Not assessed (2): the posting asks for them; the knowledge base does not know them\n"
                    "  Terraform, C#\n") != std::string::npos);
    const std::string markdown = apigap::render_match(sample(), Format::markdown);
    CHECK(markdown.find("- Match rate: **40%** of its skills, 25% of its terms") != std::string::npos);
    CHECK(markdown.find("| **missing** | MySQL \\<8\\> | required | 16 |") != std::string::npos);
    CHECK(
        markdown.find("Not assessed (the posting asks for them; the knowledge base does not know them): Terraform, ") !=
        std::string::npos);
}
