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

TEST_CASE("a cleared document reads lines and sections as a new one would", "[resume]") {
    apigap::ResumeDocument document;
    document.source = "a.md";
    document.format = apigap::InputFormat::markdown;
    document.warnings.push_back({"invalid-utf8", 1, "invalid UTF-8 replaced with U+FFFD"});
    document.add_line(1, "Experience", true, "experience");
    document.add_line(2, "Go", false, "skills");
    document.clear();
    CHECK(document.source.empty());
    CHECK(document.format == apigap::InputFormat::text);
    CHECK(document.lines.empty());
    CHECK(document.warnings.empty());
    CHECK(document.numbered_lines() == 0);
    const apigap::ResumeLine& line = document.add_line(7, "Rust", false, "projects");
    CHECK(line.text == "Rust");
    CHECK(line.section == 1);  // numbered afresh: the sections of the resume before are gone
    CHECK(document.section_of(line) == "projects");
    CHECK(document.add_line(8, "Zig").section == 0);
}

TEST_CASE("a cleared document keeps the first block of its text for the next resume", "[resume]") {
    apigap::ResumeDocument document;
    const char* const first = document.add_line(1, "Jane Doe").text.data();
    for (int i = 0; i < 20'000; ++i) {  // more than one block
        document.add_line(i + 2, "line " + std::to_string(i));
    }
    document.clear();
    CHECK(document.add_line(1, "John Roe").text.data() == first);
    CHECK(document.lines.capacity() >= 20'001);
    for (int i = 0; i < 20'000; ++i) {
        document.add_line(i + 2, "row " + std::to_string(i));
    }
    CHECK(document.lines[0].text == "John Roe");
    CHECK(document.lines.back().text == "row 19999");
}

TEST_CASE("a document moved from can be cleared and read into again", "[resume]") {
    apigap::ResumeDocument document;
    document.add_line(1, "Go", false, "skills");
    const apigap::ResumeDocument moved = std::move(document);
    document.clear();  // NOLINT(bugprone-use-after-move): what this test is about
    const apigap::ResumeLine& line = document.add_line(2, "Python", false, "skills");
    CHECK(line.text == "Python");
    CHECK(document.section_of(line) == "skills");
    CHECK(moved.lines[0].text == "Go");
}

TEST_CASE("an arena moved from keeps text again in a block of its own", "[resume]") {
    apigap::TextArena arena;
    const std::string_view kept = arena.keep("Go");
    apigap::TextArena moved = std::move(arena);
    const std::string_view again = arena.keep("Python");  // NOLINT(bugprone-use-after-move): what this test is about
    CHECK(kept == "Go");
    CHECK(again == "Python");
    moved.clear();
    CHECK(moved.keep("Rust").data() == kept.data());
}
