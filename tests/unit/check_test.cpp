// Tests of `apigap check`'s coverage, gate and resume-quality rules
// (src/core/check.cpp, resume_quality.cpp, resume_dates.cpp), against docs/check.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "apigap/check.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "core/resume_dates.hpp"

namespace {

using apigap::CheckReport;
using apigap::Finding;
using apigap::Severity;

const apigap::KnowledgeBase& kb() {
    static const apigap::KnowledgeBase base = apigap::load_knowledge_base();
    return base;
}

/// A document of `lines`, each a section id and its text, numbered from 1.
/// A line whose section is "#" is a heading of no section.
apigap::ResumeDocument document(const std::vector<std::pair<std::string, std::string>>& lines) {
    apigap::ResumeDocument doc;
    doc.source = "cv.md";
    int number = 0;
    for (const auto& [section, text] : lines) {
        doc.add_line(++number, text, section == "#", section == "#" ? "" : section);
    }
    return doc;
}

/// A resume with everything the quality rules ask for, and no weak wording.
std::vector<std::pair<std::string, std::string>> good_lines() {
    std::vector<std::pair<std::string, std::string>> lines{
        {"", "Jane Doe"},
        {"", "jane@example.com | +1 415 555 0100 | github.com/jane"},
        {"experience", "Senior API Engineer, Acme | Jan 2020 - Mar 2023"},
        {"experience", "Designed REST APIs in Python serving 5,000 requests per second"},
        {"experience", "Cut p99 latency from 800 ms to 120 ms with Redis caching"},
        {"experience", "Built OAuth 2.0 login with PKCE for 2M users"},
        {"education", "BSc Computer Science, 2015"},
        {"skills", "Python, Go, PostgreSQL, Kafka"},
    };
    const std::string filler =
        "Shipped twelve endpoints for partner billing with PostgreSQL schemas and clear contracts that saved 30% of "
        "support tickets";
    for (int i = 0; i < 12; ++i) {
        lines.emplace_back("projects", filler);
    }
    return lines;
}

std::vector<Finding> findings(const std::vector<std::pair<std::string, std::string>>& lines) {
    return apigap::resume_findings(kb().resume, document(lines));
}

std::vector<Finding> of_rule(const std::vector<Finding>& all, std::string_view rule) {
    std::vector<Finding> selected;
    std::copy_if(all.begin(), all.end(), std::back_inserter(selected),
                 [&](const Finding& finding) { return finding.rule == rule; });
    return selected;
}

CheckReport check(const std::vector<std::pair<std::string, std::string>>& lines, const std::string& level = "mid",
                  int min_score = 0, std::vector<std::string> required = {}) {
    const apigap::ResumeDocument doc = document(lines);
    const apigap::KeywordMatcher matcher(kb());
    return apigap::make_check(kb(), doc, apigap::find_mentions(doc, matcher),
                              apigap::CheckOptions{level, min_score, std::move(required)});
}

}  // namespace

// --- coverage and the gate ---------------------------------------------------

TEST_CASE("coverage is the weighted share of the level's targets the resume names, rounded down", "[check]") {
    const CheckReport report = check(good_lines());
    const apigap::Level& level = *kb().find_level("mid");
    double total = 0.0;
    double covered = 0.0;
    std::size_t targets = 0;
    for (const apigap::Target& target : level.targets) {
        if (target.rating > 0 && target.weight > 0.0) {
            ++targets;
            total += target.weight;
        }
    }
    REQUIRE(report.coverage.size() == targets);
    for (const apigap::CoverageItem& item : report.coverage) {
        covered += item.covered ? item.weight : 0.0;
        CHECK(item.covered == !item.found.empty());
        CHECK(item.covered == item.suggest.empty());
    }
    CHECK(report.score == static_cast<int>(100.0 * covered / total));
    CHECK(report.score > 0);
    CHECK(report.score < 100);  // no WebSocket, no communication keyword
}

TEST_CASE("a covered skill lists the keywords used: a missing one suggests its main keywords", "[check]") {
    const CheckReport report = check(good_lines());
    const auto item = [&](const std::string& id) {
        return *std::find_if(report.coverage.begin(), report.coverage.end(),
                             [&](const apigap::CoverageItem& each) { return each.id == id; });
    };
    CHECK(item("api-security").covered);
    CHECK(item("api-security").found == std::vector<std::string>{"OAuth 2.0", "PKCE"});
    CHECK_FALSE(item("websocket").covered);
    CHECK(item("websocket").suggest.size() == 3);
    CHECK(item("websocket").suggest.front() == kb().find_skill("websocket")->keywords.front().term);
    const std::vector<Finding> missing = of_rule(report.findings, "missing-skill");
    CHECK(std::any_of(missing.begin(), missing.end(), [](const Finding& finding) {
        return finding.message.find("WebSocket") != std::string::npos && finding.line == 0 &&
               finding.severity == Severity::warning;
    }));
}

TEST_CASE("a group target is covered when as many members as its rank are named", "[check]") {
    const auto languages = [](const CheckReport& report) {
        return std::find_if(report.coverage.begin(), report.coverage.end(),
                            [](const apigap::CoverageItem& item) { return item.id == "languages"; });
    };
    const CheckReport none = check({{"skills", "PostgreSQL"}});
    REQUIRE(languages(none) != none.coverage.end());
    CHECK_FALSE(languages(none)->covered);
    CHECK(languages(none)->suggest.size() == kb().find_group("languages")->members.size());
    const CheckReport one = check({{"skills", "Java"}});
    CHECK(languages(one)->covered);
    CHECK(languages(one)->found == std::vector<std::string>{"Java"});
}

TEST_CASE("the gate fails below --min-score and passes at it", "[check]") {
    CheckReport report = check(good_lines());
    report.findings.clear();
    report.min_score = report.score;
    CHECK(report.passed());
    report.min_score = report.score + 1;
    CHECK_FALSE(report.passed());
}

TEST_CASE("an error finding fails the gate whatever the score: warnings and notes do not", "[check]") {
    CheckReport report = check(good_lines());
    report.min_score = 0;
    report.findings = {Finding{"weak-phrase", Severity::warning, 3, "m", "f"},
                       Finding{"contact-link", Severity::note, 0, "m", "f"}};
    CHECK(report.passed());
    report.findings.push_back(Finding{"garbled-text", Severity::error, 2, "m", "f"});
    CHECK_FALSE(report.passed());
}

TEST_CASE("a required skill without a keyword is an error finding", "[check]") {
    const CheckReport report = check(good_lines(), "mid", 0, {"websocket", "python"});
    const std::vector<Finding> required = of_rule(report.findings, "required-skill");
    REQUIRE(required.size() == 1);
    CHECK(required[0].severity == Severity::error);
    CHECK(required[0].message.find("WebSocket") != std::string::npos);
    CHECK(required[0].fix.find("'WebSocket'") != std::string::npos);
    CHECK_FALSE(report.passed());
    CHECK(report.findings.front().rule == "required-skill");  // whole-file errors come first
}

TEST_CASE("a required skill is named in any case, as the ids of --rate are", "[check]") {
    const CheckReport report = check(good_lines(), "mid", 0, {"WebSocket", "PYTHON"});
    const std::vector<Finding> required = of_rule(report.findings, "required-skill");
    REQUIRE(required.size() == 1);
    CHECK(required[0].message ==
          "required skill WebSocket and real-time APIs (websocket) has no keyword on the resume");
}

TEST_CASE("an unknown required skill or level is refused with the closest id", "[check]") {
    CHECK_THROWS_WITH(check(good_lines(), "mid", 0, {"PyHton"}),
                      "--require: unknown skill 'PyHton' (did you mean 'python'?)");
    CHECK_THROWS_WITH(check(good_lines(), "mid", 0, {"pyhton"}),
                      "--require: unknown skill 'pyhton' (did you mean 'python'?)");
    CHECK_THROWS_WITH(check(good_lines(), "staff"), Catch::Contains("unknown level 'staff'"));
}

// --- resume quality ----------------------------------------------------------

TEST_CASE("a complete resume has no quality findings", "[check]") {
    CHECK(findings(good_lines()).empty());
}

TEST_CASE("missing contact details are found: email a warning, phone and link notes", "[check]") {
    auto lines = good_lines();
    lines[1].second = "San Francisco, CA";
    const std::vector<Finding> all = findings(lines);
    REQUIRE(of_rule(all, "contact-email").size() == 1);
    CHECK(of_rule(all, "contact-email")[0].severity == Severity::warning);
    REQUIRE(of_rule(all, "contact-phone").size() == 1);
    CHECK(of_rule(all, "contact-phone")[0].severity == Severity::note);
    CHECK(of_rule(all, "contact-link").size() == 1);
}

TEST_CASE("dates, counts and versions are not phone numbers: an '@' alone is not an email", "[check]") {
    auto lines = good_lines();
    lines[1].second = "me @ home | 2019 - 2023 | 5,000,000 requests | v1.2.3.4";
    CHECK(of_rule(findings(lines), "contact-phone").size() == 1);
    CHECK(of_rule(findings(lines), "contact-email").size() == 1);
    lines[1].second = "(415) 555-0100 / jane.doe+cv@mail.example.org / https://jane.dev";
    CHECK(findings(lines).empty());
}

TEST_CASE("each standard section that is missing is a finding naming its heading", "[check]") {
    auto lines = good_lines();
    lines[6].first = "projects";  // no education now
    const std::vector<Finding> missing = of_rule(findings(lines), "section-missing");
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].message.find("education") != std::string::npos);
    CHECK(missing[0].fix == "add a section headed 'Education'");
}

TEST_CASE("fewer than half of the experience bullets with a measured result is a finding at the first such bullet",
          "[check]") {
    auto lines = good_lines();
    lines[4].second = "Maintained the REST APIs of the billing platform with Python";
    lines[5].second = "Improved the OAuth login flow for the mobile application team";
    const std::vector<Finding> result = of_rule(findings(lines), "measurable-results");
    REQUIRE(result.size() == 1);
    CHECK(result[0].line == 5);
    CHECK(result[0].message == "1 of 3 experience bullets (33%) state a measurable result; aim for at least 50%");
    lines[5].second = "Improved the OAuth login flow across 40 services";
    CHECK(of_rule(findings(lines), "measurable-results").empty());  // 2 of 3
}

TEST_CASE("job titles with dates are not bullets", "[check]") {
    auto lines = good_lines();
    lines.insert(lines.begin() + 3, {"experience", "API Engineer, Initech, Berlin | Feb 2018 - Dec 2019"});
    lines.insert(lines.begin() + 3, {"experience", "Platform Engineer, Globex, Remote | Jan 2017 - Jan 2018"});
    CHECK(of_rule(findings(lines), "measurable-results").empty());
}

TEST_CASE("weak phrases are found as whole words, with the knowledge base's rewrite", "[check]") {
    auto lines = good_lines();
    lines[4].second = "Responsible for the REST APIs; worked on caching for 2M users";
    lines[5].second = "Irresponsible formatting, networked online for 2M users";
    const std::vector<Finding> weak = of_rule(findings(lines), "weak-phrase");
    REQUIRE(weak.size() == 2);
    CHECK(weak[0].line == 5);
    CHECK(weak[0].message == "weak phrase 'Responsible for'");
    const auto rewrite =
        std::find_if(kb().resume.weak_phrases.begin(), kb().resume.weak_phrases.end(),
                     [](const apigap::WeakPhrase& known) { return known.phrase == "Responsible for"; });
    REQUIRE(rewrite != kb().resume.weak_phrases.end());
    CHECK(weak[0].fix.find(rewrite->rewrite) != std::string::npos);
    CHECK(weak[1].message == "weak phrase 'worked on'");
}

TEST_CASE("a resume too short or longer than the knowledge base's pages is a length finding", "[check]") {
    CHECK(of_rule(findings({{"experience", "Built REST APIs"}}), "length").size() == 1);
    auto lines = good_lines();
    for (int i = 0; i < 120; ++i) {
        lines.emplace_back("projects", lines.back().second);
    }
    const std::vector<Finding> length = of_rule(findings(lines), "length");
    REQUIRE(length.size() == 1);
    CHECK(length[0].message.find("more than the 2 pages") != std::string::npos);
}

TEST_CASE("dates written two ways are flagged at the first line of the rarer style", "[check]") {
    auto lines = good_lines();
    lines.insert(lines.begin() + 6, {"experience", "Engineer, Initech | 03/2017 - 12/2019"});
    lines.insert(lines.begin() + 6, {"experience", "Engineer, Globex | Feb 2016 - Mar 2017"});
    const std::vector<Finding> dates = of_rule(findings(lines), "date-format");
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].line == 8);
    CHECK(dates[0].message == "dates written as '01/2020' here but as 'Jan 2020' on 2 other lines");
}

TEST_CASE("a range that ends before it starts is a date-order finding", "[check]") {
    auto lines = good_lines();
    lines[2].second = "Senior API Engineer, Acme | Mar 2023 - Jan 2020";
    const std::vector<Finding> order = of_rule(findings(lines), "date-order");
    REQUIRE(order.size() == 1);
    CHECK(order[0].line == 3);
}

TEST_CASE("what the reader warned about becomes a finding with the rule's severity and a fix", "[check]") {
    apigap::ResumeDocument doc = document(good_lines());
    doc.warnings = {{"garbled-text", 4, "garbled text on 2 lines: an ATS would read junk; export the PDF again"},
                    {"docx-table", 6, "text in a table: many ATS skip or scramble tables"}};
    const std::vector<Finding> all = apigap::resume_findings(kb().resume, doc);
    REQUIRE(of_rule(all, "garbled-text").size() == 1);
    CHECK(of_rule(all, "garbled-text")[0].severity == Severity::error);
    CHECK(of_rule(all, "garbled-text")[0].message == "garbled text on 2 lines: an ATS would read junk");
    CHECK(of_rule(all, "garbled-text")[0].fix == "export the PDF again");
    REQUIRE(of_rule(all, "docx-table").size() == 1);
    CHECK(of_rule(all, "docx-table")[0].severity == Severity::warning);
    CHECK(of_rule(all, "docx-table")[0].line == 6);
    CHECK_FALSE(of_rule(all, "docx-table")[0].fix.empty());
}

TEST_CASE("a reader's message that quotes text with a semicolon keeps it: the fix is after the last one", "[check]") {
    apigap::ResumeDocument doc = document(good_lines());
    doc.warnings = {{"pdf-columns", 3,
                     "page 1 is set in two columns: apigap reads lines 3\u20135 (left column), then lines 6\u20138 "
                     "(right); an ATS that reads straight across mixes them, e.g. 'Go; SQL Backend Engineer'; set the "
                     "resume in one column"}};
    const std::vector<Finding> columns = of_rule(apigap::resume_findings(kb().resume, doc), "pdf-columns");
    REQUIRE(columns.size() == 1);
    CHECK(columns[0].message ==
          "page 1 is set in two columns: apigap reads lines 3\u20135 (left column), then lines 6\u20138 (right); an "
          "ATS that reads straight across mixes them, e.g. 'Go; SQL Backend Engineer'");
    CHECK(columns[0].fix == "set the resume in one column");
}

TEST_CASE("every rule a finding can carry is in the catalogue, once", "[check]") {
    std::vector<std::string_view> ids;
    for (const apigap::CheckRule& rule : apigap::check_rules()) {
        CHECK(apigap::find_check_rule(rule.id) == &rule);
        ids.push_back(rule.id);
    }
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    CHECK(apigap::find_check_rule("no-such-rule") == nullptr);
}

// --- dates -------------------------------------------------------------------

TEST_CASE("month-and-year dates are read in every common style: bare years and full dates are not", "[check]") {
    using apigap::detail::DateStyle;
    const auto styles = [](std::string_view text) {
        std::vector<std::pair<int, int>> dates;
        std::vector<DateStyle> kinds;
        for (const apigap::detail::DateMention& date : apigap::detail::find_dates(text)) {
            dates.emplace_back(date.year, date.month);
            kinds.push_back(date.style);
        }
        return std::make_pair(dates, kinds);
    };
    CHECK(styles("Jan 2020 - Sept. 2021").first == std::vector<std::pair<int, int>>{{2020, 1}, {2021, 9}});
    CHECK(styles("Jan 2020").second == std::vector<DateStyle>{DateStyle::month_abbreviated});
    CHECK(styles("March, 2019").second == std::vector<DateStyle>{DateStyle::month_full});
    CHECK(styles("May 2019").second == std::vector<DateStyle>{DateStyle::month_ambiguous});
    CHECK(styles("3/2019 and 03.2019 and 2019-03").second ==
          std::vector<DateStyle>{DateStyle::numeric_slash, DateStyle::numeric_dot, DateStyle::iso});
    CHECK(styles("2019 - 2021, 2019-03-14, 13/2019, Marchers 2019, Jan 20201, v1.2019").first.empty());
}

// --- PDF text --------------------------------------------------------------------

namespace {

/// The `pdf-split-words` findings of a PDF of `lines` (a text document when `pdf` is false).
std::vector<Finding> split_words(const std::vector<std::string>& lines, bool pdf = true) {
    std::vector<std::pair<std::string, std::string>> sectioned;
    for (const std::string& line : lines) {
        sectioned.emplace_back("", line);
    }
    apigap::ResumeDocument doc = document(sectioned);
    doc.format = pdf ? apigap::InputFormat::pdf : apigap::InputFormat::text;
    const apigap::KeywordMatcher matcher(kb());
    return of_rule(
        apigap::make_check(kb(), doc, apigap::find_mentions(doc, matcher), apigap::CheckOptions{"mid", 0, {}}).findings,
        "pdf-split-words");
}

}  // namespace

TEST_CASE("words a PDF splits with spaces are one pdf-split-words finding, quoting three and counting all", "[check]") {
    const std::vector<std::string> lines{"Jane Doe", "S U M M A R Y",
                                         "Ran Postgre SQL and (Kuber n etes), and more Kuber n etes",
                                         "E x p e r i e n c e", "SUM M ARY of the S Q L work"};
    const std::vector<Finding> found = split_words(lines);
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::warning);
    CHECK(found[0].line == 2);
    CHECK(found[0].message ==
          "7 words split by spaces in the PDF's text (e.g. 'S U M M A R Y', 'Postgre SQL', 'Kuber n etes'): an ATS "
          "reads the pieces, not the word, and misses the keyword or heading");
    CHECK(split_words({"Skills", "Built it on Kuber n etes"})[0].message ==
          "1 word split by spaces in the PDF's text ('Kuber n etes'): an ATS reads the pieces, not the word, and "
          "misses the keyword or heading");
    // The same lines in another format: the rule is about PDF text layers.
    CHECK(split_words(lines, false).empty());
}

TEST_CASE("spaced words that are real words, initials and known terms are no split words", "[check]") {
    CHECK(split_words({
                          "Ran A B testing on the checkout",       // two single letters
                          "Read J. R. R. Tolkien and J R R",       // initials; three letters that spell nothing known
                          "Wrote Type Script and micro services",  // no fragment of three letters or fewer
                          "Prevented no SQL injection in my SQL",  // every fragment a word or a term
                          "Grades: A, B, C",                       // punctuation between the letters
                          "Served Fast API and New Relic on AWS",  // the spaced form is a term itself
                          "Ran Go services in two zones",          // no known word spelled
                          "S  K  I  L  L  S in wide spacing",      // two spaces between the letters
                      })
              .empty());
}

TEST_CASE("contact details only on running header or footer lines are a contact-header-footer finding", "[check]") {
    auto lines = good_lines();
    lines[1].second = "+1 415 555 0100 | github.com/jane";
    lines.emplace_back("", "jane@example.com | page 1 of 2");
    apigap::ResumeDocument doc = document(lines);
    doc.format = apigap::InputFormat::pdf;
    doc.lines.back().running = true;
    std::vector<Finding> found = of_rule(apigap::resume_findings(kb().resume, doc), "contact-header-footer");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == Severity::warning);
    CHECK(found[0].line == 21);
    CHECK(found[0].message ==
          "the email address is only in the page footer (line 21, repeated on each page): many ATS strip running "
          "headers and footers");
    CHECK(found[0].fix == "put it under your name in the body");
    CHECK(of_rule(apigap::resume_findings(kb().resume, doc), "contact-email").empty());

    // The phone in the header too: a finding of its own, first.
    doc.lines[0].running = true;
    doc.lines[1].running = true;
    found = of_rule(apigap::resume_findings(kb().resume, doc), "contact-header-footer");
    REQUIRE(found.size() == 2);
    CHECK(found[1].message ==
          "the phone number is only in the page header (line 2, repeated on each page): many ATS strip running "
          "headers and footers");

    // Near misses: the email also in the body; the footer line not running.
    doc.lines[2] = doc.lines.back();
    doc.lines[2].running = false;
    CHECK(of_rule(apigap::resume_findings(kb().resume, doc), "contact-header-footer").size() == 1);
    doc.lines[0].running = false;
    doc.lines[1].running = false;
    CHECK(of_rule(apigap::resume_findings(kb().resume, doc), "contact-header-footer").empty());
}
