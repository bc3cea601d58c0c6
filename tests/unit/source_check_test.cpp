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
