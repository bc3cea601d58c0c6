// Tests of reading one resume after another into the same buffer and document (src/ingest/resume_input.cpp):
// each reads as it would into new ones, whatever was read before, whatever its format, and after an error.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "apigap/error.hpp"
#include "apigap/resume_input.hpp"
#include "test_support.hpp"

using apigap::InputFormat;
using apigap::ResumeDocument;
using Strings = std::vector<std::string>;

namespace {

apigap::ResumeRules rules() {
    apigap::ResumeRules rules;
    rules.sections = {{"experience", {"Experience"}}, {"skills", {"Skills"}}, {"projects", {"Projects"}}};
    return rules;
}

apigap::SectionHeadings headings() {
    return apigap::SectionHeadings(rules());
}

std::string fixture(const std::string& name) {
    return std::string(APIGAP_SOURCE_DIR) + "/tests/fixtures/resumes/" + name;
}

/// Everything a document says: its source, format and warnings, then each line with its number, flags and section.
Strings everything(const ResumeDocument& document) {
    Strings all{document.source, std::string(apigap::to_string(document.format))};
    for (const apigap::ExtractionWarning& warning : document.warnings) {
        all.push_back(warning.rule + " " + std::to_string(warning.line) + ": " + warning.message);
    }
    for (const apigap::ResumeLine& line : document.lines) {
        all.push_back(std::to_string(line.number) + (line.heading ? " H" : "") + (line.bullet ? " B" : "") + " [" +
                      std::string(document.section_of(line)) + "] " + std::string(line.text));
    }
    return all;
}

}  // namespace

TEST_CASE("every fixture read into a document used before reads as into a new one", "[extract][reuse]") {
    const Strings names{"resume.md",   "resume.txt", "resume.json", "resume.yaml",
                        "resume.html", "resume.tex", "resume.md",   "duplicate-key.json"};
    std::string buffer;
    ResumeDocument document;
    for (const std::string& name : names) {
        INFO(name);
        apigap::load_resume(fixture(name), std::nullopt, headings(), buffer, document);
        CHECK(everything(document) == everything(apigap::load_resume(fixture(name), std::nullopt, rules())));
    }
}

TEST_CASE("a resume parsed into a document used before keeps nothing of the resume before", "[extract][reuse]") {
    ResumeDocument document;
    apigap::parse_resume("# Jane\n\n## Skills\n- Go\n- Rust\n\n## Projects\nratelimit-go\n", "a.md", std::nullopt,
                         headings(), document);
    apigap::parse_resume("John\nExperience\nBuilt caf\xC3 APIs\n", "b.txt", std::nullopt, headings(), document);
    CHECK(everything(document) == Strings{"b.txt", "text", "invalid-utf8 3: invalid UTF-8 replaced with U+FFFD",
                                          "1 [] John", "2 H [experience] Experience",
                                          "3 [experience] Built caf\uFFFD APIs"});
}

TEST_CASE("a document whose reading failed reads the next resume as a new one would", "[extract][reuse][error]") {
    ResumeDocument document;
    apigap::parse_resume("# Jane\n## Skills\n- Go\n", "a.md", std::nullopt, headings(), document);
    CHECK(apigap::test::error_of(
              [&] { apigap::parse_resume("{\"basics\": ", "b.json", std::nullopt, headings(), document); }) ==
          "b.json:1:12: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
          "literal");
    CHECK(apigap::test::error_of([&] { apigap::parse_resume(" \n", "c.md", std::nullopt, headings(), document); }) ==
          "c.md: empty file: an ATS would see an empty resume");
    apigap::parse_resume("Skills\nGo\n", "d.txt", InputFormat::text, headings(), document);
    CHECK(everything(document) == Strings{"d.txt", "text", "1 H [skills] Skills", "2 [skills] Go"});
}
