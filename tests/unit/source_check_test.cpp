// Tests of `apigap check --source` (src/core/source_check.cpp): a resume's text compared with the file it is made
// from, against docs/check.md ("Checking against the source").
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "apigap/check.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"

namespace {

using apigap::CheckReport;
using apigap::Finding;
using apigap::ResumeDocument;

const apigap::KnowledgeBase& kb() {
    static const apigap::KnowledgeBase base = apigap::load_knowledge_base();
    return base;
}

const apigap::KeywordMatcher& matcher() {
    static const apigap::KeywordMatcher keywords(kb());
    return keywords;
}

/// A document called `name` of `lines` (section id, text), numbered 1, 3, 5, … when `sparse`, else 1, 2, 3, ….
ResumeDocument document(const std::string& name, const std::vector<std::pair<std::string, std::string>>& lines,
                        bool sparse = false) {
    ResumeDocument doc;
    doc.source = name;
    doc.format = name.ends_with(".pdf") ? apigap::InputFormat::pdf : apigap::InputFormat::markdown;
    int number = sparse ? -1 : 0;
    for (const auto& [section, text] : lines) {
        number += sparse ? 2 : 1;
        doc.add_line(number, text, section == "#", section == "#" ? "" : section);
    }
    return doc;
}

/// The source resume: its lines, to which each test does something in the rendered copy.
std::vector<std::pair<std::string, std::string>> source_lines() {
    return {
        {"", "Jane Doe"},
        {"", "jane@example.com | +1 415 555 0100 | github.com/jane"},
        {"#", "Experience"},
        {"experience", "Senior API Engineer, Acme | Jan 2020 - Mar 2023"},
        {"experience", "Built REST APIs in Python serving 2 million requests a day"},
        {"experience", "Reduced p99 latency by 40% with Redis caching and query tuning"},
        {"experience", "Automated infrastructure with Terraform and cut cloud costs by 35%"},
        {"experience", "Secured the public API with OAuth 2.0 and JWT for 300 partners"},
        {"#", "Skills"},
        {"skills", "Python, PostgreSQL, Kubernetes, Docker"},
    };
}

/// `check --source`'s report: the rendered document checked, then compared with the source.
CheckReport compare(const ResumeDocument& rendered, const ResumeDocument& source) {
    CheckReport report = apigap::make_check(kb(), rendered, apigap::find_mentions(rendered, matcher()), {"mid", 0, {}});
    apigap::compare_with_source(report, rendered, apigap::find_keywords(rendered, matcher()), source,
                                apigap::find_keywords(source, matcher()));
    return report;
}

/// The findings on the source, as "line rule: message".
std::vector<std::string> source_findings(const CheckReport& report) {
    std::vector<std::string> out;
    for (const Finding& finding : report.findings) {
        if (finding.file == "cv.md") {
            out.push_back(std::to_string(finding.line) + " " + finding.rule + ": " + finding.message);
        }
    }
    return out;
}

/// The source lines with `change` applied to line `index` (0-based); an empty text drops the line.
std::vector<std::pair<std::string, std::string>> changed(std::size_t index, const std::string& text) {
    auto lines = source_lines();
    if (text.empty()) {
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(index));
    } else {
        lines[index].second = text;
    }
    return lines;
}

}  // namespace

TEST_CASE("a resume that says what its source says has no source findings, and the counts say so", "[source]") {
    const CheckReport report = compare(document("cv.pdf", source_lines()), document("cv.md", source_lines(), true));
    CHECK(source_findings(report).empty());
    REQUIRE(report.source_comparison);
    CHECK(report.source_comparison->path == "cv.md");
    CHECK(report.source_comparison->lines == 10);
    CHECK(report.source_comparison->keywords >= 8);
    CHECK(report.source_comparison->keywords_lost == 0);
    CHECK(report.source_comparison->keywords_mangled == 0);
    CHECK(report.source_comparison->results == 4);  // 2 million, 40%, 35%, 300 partners
    CHECK(report.source_comparison->results_lost == 0);
}

TEST_CASE("a line the resume drops loses its keyword and its result, at the source line", "[source]") {
    const CheckReport report = compare(document("cv.pdf", changed(6, "")), document("cv.md", source_lines(), true));
    CHECK(source_findings(report) ==
          std::vector<std::string>{
              "13 source-keyword-lost: keyword 'Terraform' is not in the text of cv.pdf; no line there reads "
              "like this one",
              "13 source-result-lost: the result '35%' is not in the text of cv.pdf; no line there reads like this one",
          });
    CHECK(report.source_comparison->keywords_lost == 1);
    CHECK(report.source_comparison->results_lost == 1);
    const auto lost = std::find_if(report.findings.begin(), report.findings.end(),
                                   [](const Finding& finding) { return finding.rule == "source-keyword-lost"; });
    CHECK(lost->severity == apigap::Severity::error);
    CHECK_FALSE(report.passed());
}

TEST_CASE("a keyword the resume has on another line is not lost where one line dropped it", "[source]") {
    // Python stays in the skills line; only its line under Experience lost it.
    const CheckReport report =
        compare(document("cv.pdf", changed(4, "Built REST APIs serving 2 million requests a day")),
                document("cv.md", source_lines(), true));
    CHECK(source_findings(report).empty());
}

TEST_CASE("a keyword split or letter-spaced in the resume is mangled, quoting what the resume shows", "[source]") {
    SECTION("letter-spaced") {
        const CheckReport report =
            compare(document("cv.pdf", changed(9, "Python, PostgreSQL, K u b e r n e t e s, Docker")),
                    document("cv.md", source_lines(), true));
        CHECK(
            source_findings(report) ==
            std::vector<std::string>{"19 source-keyword-mangled: keyword 'Kubernetes' is in the text of cv.pdf only as "
                                     "'K u b e r n e t e s', which an ATS does not read as the keyword"});
        CHECK(report.source_comparison->keywords_mangled == 1);
        CHECK(report.source_comparison->keywords_lost == 0);
    }
    SECTION("split inside, and across two lines") {
        auto lines = changed(9, "Python, PostgreSQL, Kuber");
        lines.insert(lines.begin() + 10, {"skills", "netes, Docker"});
        const CheckReport report = compare(document("cv.pdf", lines), document("cv.md", source_lines(), true));
        CHECK(
            source_findings(report) ==
            std::vector<std::string>{"19 source-keyword-mangled: keyword 'Kubernetes' is in the text of cv.pdf only as "
                                     "'Kuber / netes', which an ATS does not read as the keyword"});
    }
}

TEST_CASE("a keyword replaced by other words is lost, quoting what the resume reads there", "[source]") {
    const CheckReport report =
        compare(document("cv.pdf", changed(6, "Automated infrastructure with and cut cloud costs by 35%")),
                document("cv.md", source_lines(), true));
    CHECK(source_findings(report) ==
          std::vector<std::string>{"13 source-keyword-lost: keyword 'Terraform' is not in the text of cv.pdf; there it "
                                   "reads 'Automated infrastructure with and cut cloud costs by 35%'"});
}

TEST_CASE("a result spaced apart or broken up by other text is mangled, and one that is gone is lost", "[source]") {
    SECTION("spaced") {
        const CheckReport report =
            compare(document("cv.pdf", changed(5, "Reduced p99 latency by 4 0 % with Redis caching and query tuning")),
                    document("cv.md", source_lines(), true));
        CHECK(
            source_findings(report) ==
            std::vector<std::string>{"11 source-result-mangled: the result '40%' is in the text of cv.pdf only spaced "
                                     "apart or broken up; there it reads 'Reduced p99 latency by 4 0 % with "
                                     "Redis caching and query tuning'"});
    }
    SECTION("broken up by the neighbouring column") {
        auto lines = changed(4, "Built REST APIs in Python serving 2   Docker and");
        lines.insert(lines.begin() + 5, {"experience", "million requests a day"});
        const CheckReport report = compare(document("cv.pdf", lines), document("cv.md", source_lines(), true));
        CHECK(source_findings(report) ==
              std::vector<std::string>{"9 source-result-mangled: the result '2 million' is in the text of cv.pdf only "
                                       "spaced apart or broken up; there it reads 'Built REST APIs in Python "
                                       "serving 2   Docker and / million requests a day'"});
    }
    SECTION("another figure") {
        const CheckReport report =
            compare(document("cv.pdf", changed(5, "Reduced p99 latency by 4% with Redis caching and query tuning")),
                    document("cv.md", source_lines(), true));
        CHECK(source_findings(report) ==
              std::vector<std::string>{"11 source-result-lost: the result '40%' is not in the text of cv.pdf; there it "
                                       "reads 'Reduced p99 latency by 4% with Redis caching and query tuning'"});
    }
}

TEST_CASE("lines in another order (columns read one after the other) are found where they went", "[source]") {
    auto lines = source_lines();
    std::rotate(lines.begin(), lines.begin() + 8, lines.end());  // the skills column first
    const CheckReport report = compare(document("cv.pdf", lines), document("cv.md", source_lines(), true));
    CHECK(source_findings(report).empty());
}

TEST_CASE("findings on the resume's words move to the source line, and what the reader found stays", "[source]") {
    auto lines = changed(5, "Responsible for latency work with Redis caching and query tuning, cut by 40%");
    ResumeDocument rendered = document("cv.pdf", lines);
    rendered.warnings.push_back(apigap::ExtractionWarning{"garbled-text", 6, "garbled text on 1 line"});
    const CheckReport report = compare(rendered, document("cv.md", changed(5, lines[5].second), true));
    const auto weak = std::find_if(report.findings.begin(), report.findings.end(),
                                   [](const Finding& finding) { return finding.rule == "weak-phrase"; });
    REQUIRE(weak != report.findings.end());
    CHECK(weak->file == "cv.md");
    CHECK(weak->line == 11);  // line 6 of the resume is line 11 of the source
    const auto garbled = std::find_if(report.findings.begin(), report.findings.end(),
                                      [](const Finding& finding) { return finding.rule == "garbled-text"; });
    REQUIRE(garbled != report.findings.end());
    CHECK(garbled->file.empty());
    CHECK(garbled->line == 6);
    CHECK(report.source_comparison->findings_moved == 1);
}

TEST_CASE("a source whose lines are mostly not in the resume is one mismatch error, not a finding a line", "[source]") {
    const ResumeDocument other = document("cv.pdf", {{"", "Kim Lee"},
                                                     {"experience", "Taught mathematics at a secondary school"},
                                                     {"experience", "Coached the chess club to two regional titles"},
                                                     {"education", "BEd Mathematics, Open University"}});
    const CheckReport report = compare(other, document("cv.md", source_lines(), true));
    CHECK(source_findings(report) ==
          std::vector<std::string>{"0 source-mismatch: cv.md does not read like the source of cv.pdf: 7 of its 7 lines "
                                   "of 3 words or more are not in its text"});
    CHECK(report.source_comparison->lines_found == 0);
    CHECK_FALSE(report.passed());
}

TEST_CASE("a line of common words is found by its rarer words, its common ones where the line puts them", "[source]") {
    // "wrote", "the", "API", "docs" occur more than 64 times in this resume; "by 35" twice: the words around it
    // tell which is the line's.
    auto lines = source_lines();
    for (int i = 0; i < 70; ++i) {
        lines.emplace_back("projects",
                           "Wrote the API and the docs and the tests for the API of team " + std::to_string(i));
    }
    lines.emplace_back("projects", "Wrote the API and the GraphQL docs for the API by 35%");
    auto rendered = lines;
    rendered.back().second = "Wrote the API and the docs for the API by 35%";  // GraphQL dropped
    const CheckReport report = compare(document("cv.pdf", rendered), document("cv.md", lines, true));
    CHECK(source_findings(report) ==
          std::vector<std::string>{"161 source-keyword-lost: keyword 'GraphQL' is not in the text of cv.pdf; there "
                                   "it reads 'Wrote the API and the docs for the API by 35%'"});
}

TEST_CASE("a keyword written whole where its line went is not reported when only its context was parted from it",
          "[source]") {
    // "Go" alone is an everyday word: the source's "in Go" makes it a keyword, the resume's broken line does not.
    auto lines = source_lines();
    lines[9].second = "Python, PostgreSQL, Kubernetes, Docker";
    lines.insert(lines.begin() + 5, {"experience", "Rewrote the fare quoting service in Go for 40 cities"});
    auto rendered = lines;
    rendered[5].second = "Rewrote the fare quoting service in";
    rendered.insert(rendered.begin() + 6, {"experience", "Go for 40 cities"});
    const ResumeDocument pdf = document("cv.pdf", rendered);
    const auto has_go = [](const std::vector<apigap::LineKeyword>& keywords) {
        return std::any_of(keywords.begin(), keywords.end(), [](const apigap::LineKeyword& keyword) {
            return keyword.span.keyword->keyword == std::string_view("Go");
        });
    };
    REQUIRE(has_go(apigap::find_keywords(document("cv.md", lines, true), matcher())));
    REQUIRE_FALSE(has_go(apigap::find_keywords(pdf, matcher())));
    CHECK(source_findings(compare(pdf, document("cv.md", lines, true))) == std::vector<std::string>{});
}

TEST_CASE("a line every word of which is common is found right after the line before it", "[source]") {
    // The same bullet 80 times: no word of it places it, the order does. The resume drops one copy: the copies are
    // matched in order, and the one left over is the one reported.
    auto lines = source_lines();
    for (int i = 0; i < 80; ++i) {
        lines.emplace_back("projects", "Served 5 million users");
    }
    auto rendered = lines;
    rendered.erase(rendered.begin() + 40);
    const CheckReport report = compare(document("cv.pdf", rendered), document("cv.md", lines, true));
    CHECK(source_findings(report) ==
          std::vector<std::string>{"179 source-result-lost: the result '5 million' is not in the text of cv.pdf; no "
                                   "line there reads like this one"});
    CHECK(report.source_comparison->lines_found == 89);  // all but the copy dropped
    CHECK(report.source_comparison->results == 84);
}

TEST_CASE("a keyword lost on many lines is one finding at its first, naming five others and how many more",
          "[source]") {
    auto lines = source_lines();
    auto rendered = lines;
    rendered.erase(rendered.begin() + 6);  // the Terraform bullet
    for (int i = 0; i < 8; ++i) {
        lines.emplace_back(
            "projects", "Module " + std::to_string(i) + " of the platform in Terraform for team " + std::to_string(i));
        rendered.emplace_back("projects",
                              "Module " + std::to_string(i) + " of the platform for team " + std::to_string(i));
    }
    const CheckReport report = compare(document("cv.pdf", rendered), document("cv.md", lines, true));
    CHECK(source_findings(report) ==
          std::vector<std::string>{
              "13 source-keyword-lost: keyword 'Terraform' (also on source lines 21, 23, 25, 27, 29 and 3 more) is "
              "not in the text of cv.pdf; no line there reads like this one",
              "13 source-result-lost: the result '35%' is not in the text of cv.pdf; no line there reads like this one",
          });
}
