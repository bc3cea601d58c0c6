// Tests of a resume document's own storage (src/core/resume.cpp): its lines' text
// and section names stay valid however the document and its sources change.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "apigap/resume.hpp"

TEST_CASE("a line's text is the document's copy, valid after its source is gone", "[resume]") {
    apigap::ResumeDocument document;
    {
        std::string source = "Built REST APIs in Go";
        document.add_line(3, source, true, "experience");
        source.assign(source.size(), 'x');
    }
    REQUIRE(document.lines.size() == 1);
    CHECK(document.lines[0].text == "Built REST APIs in Go");
    CHECK(document.lines[0].number == 3);
    CHECK(document.lines[0].heading);
    CHECK(document.section_of(document.lines[0]) == "experience");
}

TEST_CASE("lines stay valid as the document grows, across blocks and after a move", "[resume]") {
    apigap::ResumeDocument document;
    std::vector<std::string> expected;
    for (int i = 0; i < 20'000; ++i) {  // more than one 64 KiB block, and a line larger than a block
        expected.push_back(i == 7'000 ? std::string(100'000, 'a') : "line " + std::to_string(i));
        document.add_line(i + 1, expected.back(), false, i % 2 == 0 ? "skills" : "projects");
    }
    const apigap::ResumeDocument moved = std::move(document);
    REQUIRE(moved.lines.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(moved.lines[i].text == expected[i]);
        CHECK(moved.section_of(moved.lines[i]) == (i % 2 == 0 ? "skills" : "projects"));
    }
}

TEST_CASE("section names are numbered once and can be set again", "[resume]") {
    apigap::ResumeDocument document;
    apigap::ResumeLine& first = document.add_line(1, "Go");
    CHECK(first.section == 0);
    CHECK(document.section_of(first).empty());
    document.add_line(2, "Python", false, "skills");
    document.add_line(3, "Java", false, "experience");
    document.add_line(4, "Rust", false, "skills");
    CHECK(document.lines[1].section == document.lines[3].section);
    CHECK(document.lines[1].section != document.lines[2].section);
    document.set_section(document.lines[0], "experience");
    CHECK(document.lines[0].section == document.lines[2].section);
    CHECK(document.section_of(document.lines[0]) == "experience");
    document.set_section(document.lines[0], "");
    CHECK(document.lines[0].section == 0);
}
