// Tests of assigning resume lines to sections (src/core/sections.cpp).
#include <catch2/catch.hpp>

#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "apigap/knowledge_base.hpp"
#include "apigap/resume.hpp"

namespace {

apigap::ResumeRules rules() {
    apigap::ResumeRules rules;
    rules.sections = {{"experience", {"Experience", "Work History"}}, {"skills", {"Technical Skills", "Skills"}}};
    return rules;
}

apigap::ResumeDocument document(const std::vector<std::string>& texts) {
    apigap::ResumeDocument doc;
    int number = 0;
    for (const std::string& text : texts) {
        doc.add_line(++number, text);
    }
    return doc;
}

std::vector<std::string> sections_of(const apigap::ResumeDocument& doc) {
    std::vector<std::string> sections;
    for (const apigap::ResumeLine& line : doc.lines) {
        sections.push_back(std::string(doc.section_of(line)) + (line.heading ? " (heading)" : ""));
    }
    return sections;
}

}  // namespace

TEST_CASE("a line that matches a section heading starts that section", "[sections]") {
    auto doc = document({"Jane Doe", "WORK HISTORY", "Built APIs", "## Technical Skills:", "Python, Go"});
    apigap::assign_sections(doc, rules());
    CHECK(sections_of(doc) ==
          std::vector<std::string>{"", "experience (heading)", "experience", "skills (heading)", "skills"});
}

TEST_CASE("a heading apigap does not know, such as a job title, stays in its section", "[sections]") {
    auto doc = document({"Experience", "Senior Engineer, Fernway (2021-2024)", "Built APIs", "Skills", "Go"});
    doc.lines[1].heading = true;  // the format marked it (a Markdown ### or an <h3>)
    apigap::assign_sections(doc, rules());
    CHECK(sections_of(doc) == std::vector<std::string>{"experience (heading)", "experience (heading)", "experience",
                                                       "skills (heading)", "skills"});
}

TEST_CASE("a sentence that contains a heading word is not a heading", "[sections]") {
    auto doc = document({"Skills", "Experience with Python and Go across several teams", "Go"});
    apigap::assign_sections(doc, rules());
    CHECK(sections_of(doc) == std::vector<std::string>{"skills (heading)", "skills", "skills"});
}

TEST_CASE("sections set by the format are kept", "[sections]") {
    auto doc = document({"Built APIs", "Skills"});
    doc.set_section(doc.lines[0], "projects");
    apigap::assign_sections(doc, rules());
    CHECK(sections_of(doc) == std::vector<std::string>{"projects", "skills (heading)"});
}

TEST_CASE("the shipped headings name sections in seven languages, in any case and after a full-width colon",
          "[sections]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    auto doc =
        document({"ОПЫТ РАБОТЫ", "Разработчик", "工作经历：", "Backend", "Experiência Profissional", "Dev",
                  "Compétences", "Go", "Volunteering", "Mentor", "Honors", "Prize", "Intereses", "Go", "Achievements"});
    apigap::assign_sections(doc, kb.resume);
    CHECK(sections_of(doc) == std::vector<std::string>{"experience (heading)", "experience", "experience (heading)",
                                                       "experience", "experience (heading)", "experience",
                                                       "skills (heading)", "skills", "volunteer (heading)", "volunteer",
                                                       "awards (heading)", "awards", "interests (heading)", "interests",
                                                       "interests"});
}

TEST_CASE("a heading has at most five words, however it is spaced or placed", "[sections]") {
    // A first word of 1 to 17 letters moves every word after it across the eight-byte blocks the count reads.
    for (std::size_t letters = 1; letters <= 17; ++letters) {
        const std::string first(letters, 'w');
        apigap::ResumeRules listed;
        listed.sections = {{"five", {first + " b c d e"}}, {"six", {first + " b c d e f"}}};
        CAPTURE(letters);
        auto doc = document({first + "  b\tc d   e", "x", "## " + first + " B C D E:", "y", first + " b c d e f", "z",
                             first + " b\t\tc d e  f"});
        apigap::assign_sections(doc, listed);
        CHECK(sections_of(doc) ==
              std::vector<std::string>{"five (heading)", "five", "five (heading)", "five", "five", "five", "five"});
    }
}

TEST_CASE("a heading is lowered as utf8proc lowers each code point, the first time it is read or the hundredth",
          "[sections]") {
    // Each code point heads a section of its own, named by its number: a line of it must open the first section
    // whose heading lowers alike, however often and in whatever order the code points were read before.
    const auto utf8 = [](char32_t code_point) {
        std::array<utf8proc_uint8_t, 4> bytes{};
        const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes.data());
        return std::string(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(length));
    };
    std::vector<char32_t> code_points;
    for (const auto& [first, last] :
         {std::pair<char32_t, char32_t>{0xC0, 0x7FF}, {0x1E00, 0x1FFF}, {0x2C00, 0x2C7F}, {0x10400, 0x1044F}}) {
        for (char32_t code_point = first; code_point <= last; ++code_point) {
            code_points.push_back(code_point);
        }
    }
    apigap::ResumeRules rules;
    std::map<std::string, std::string> first_section;  // by lowered code point
    for (const char32_t code_point : code_points) {
        const std::string id = std::to_string(code_point);
        rules.sections.push_back({id, {utf8(code_point)}});
        first_section.try_emplace(
            utf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(code_point)))), id);
    }
    std::vector<std::string> lines;
    std::vector<std::string> expected;
    for (int round = 0; round < 2; ++round) {
        for (std::size_t k = 0; k < code_points.size(); ++k) {
            const char32_t code_point = round == 0 ? code_points[k] : code_points[code_points.size() - 1 - k];
            lines.push_back(utf8(code_point));
            expected.push_back(first_section.at(utf8(static_cast<char32_t>(
                                   utf8proc_tolower(static_cast<utf8proc_int32_t>(code_point))))) +
                               " (heading)");
        }
    }
    auto doc = document(lines);
    apigap::assign_sections(doc, rules);
    CHECK(sections_of(doc) == expected);
}

TEST_CASE("a heading as long as the longest one listed is read, a line a byte longer is none", "[sections]") {
    apigap::ResumeRules listed;
    // The longest two, in ASCII and in Chinese: 12 bytes each.
    listed.sections = {{"experience", {"Professional"}}, {"work", {"工作经历"}}};
    auto doc =
        document({"工作经历", "x", "工作经历工作经历工作经历", "y", "PROFESSIONAL", "z", "Professionals", "工作经历a"});
    apigap::assign_sections(doc, listed);
    CHECK(sections_of(doc) == std::vector<std::string>{"work (heading)", "work", "work", "work", "experience (heading)",
                                                       "experience", "experience", "experience"});
}
