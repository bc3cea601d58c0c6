// Tests of the PDF and DOCX extractors (src/ingest/pdf.cpp, src/ingest/docx.cpp)
// on the fixtures that tests/fixtures/make_binary_fixtures.py writes.
#include <catch2/catch.hpp>

#include <cerrno>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "apigap/error.hpp"
#include "apigap/resume_input.hpp"
#include "ingest/extractors.hpp"
#include "ingest/sanitizers.hpp"
#include "test_support.hpp"

using apigap::ResumeDocument;
using apigap::ingest_detail::extract_docx;
using apigap::ingest_detail::extract_pdf;
using apigap::ingest_detail::ExtractLimits;
using apigap::test::error_of;
using Strings = std::vector<std::string>;

namespace {

/// The PDF reader is the helper built beside the apigap binary, not beside this test program.
[[maybe_unused]] const bool k_helper_named = [] {
    apigap::use_pdf_helper(APIGAP_PDF_HELPER);
    return true;
}();

std::string fixture(const std::string& name) {
    const std::string path = std::string(APIGAP_SOURCE_DIR) + "/tests/fixtures/resumes/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ResumeDocument pdf(const std::string& name, const ExtractLimits& limits = {}) {
    return extract_pdf(fixture(name), name, limits);
}

ResumeDocument docx(const std::string& name, const ExtractLimits& limits = {}) {
    return extract_docx(fixture(name), name, limits);
}

/// Each line as `number: text`, with `#` after the colon for a heading.
Strings lines_of(const ResumeDocument& document) {
    Strings lines;
    for (const apigap::ResumeLine& line : document.lines) {
        lines.push_back(std::to_string(line.number) + (line.heading ? ": # " : ": ") + std::string(line.text));
        CHECK(document.section_of(line).empty());
    }
    return lines;
}

/// Each warning as `rule line: message`.
Strings warnings_of(const ResumeDocument& document) {
    Strings warnings;
    for (const apigap::ExtractionWarning& warning : document.warnings) {
        warnings.push_back(warning.rule + " " + std::to_string(warning.line) + ": " + warning.message);
    }
    return warnings;
}

/// True when this process has no child left to reap: the extractor cleaned up.
bool no_zombies() {
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

}  // namespace

// --- PDF ---------------------------------------------------------------------

TEST_CASE("a PDF's lines are numbered across its pages, keeping each line of the text", "[extract-binary]") {
    const ResumeDocument document = pdf("text.pdf");
    CHECK(document.source == "text.pdf");
    CHECK(document.format == apigap::InputFormat::pdf);
    CHECK(lines_of(document) == Strings{
                                    "1: Jane Doe",
                                    "2: Backend Engineer \u2013 Z\u00fcrich",
                                    "3: Experience",
                                    "4: Built REST APIs in Go and Python (2019\u20132024)",
                                    "5: Ran PostgreSQL on Kubernetes",
                                    "6: Skills",
                                    "7: Go, Python, SQL, Docker",
                                });
    CHECK(document.warnings.empty());
    CHECK(no_zombies());
}

TEST_CASE("the PDF reader's text becomes trimmed lines, numbered with the blank ones", "[extract-binary]") {
    const ResumeDocument document =
        apigap::ingest_detail::extract_pdf_text("  Jane Doe \n\n\tSkills\n\fGo, SQL", "cv.pdf");
    CHECK(document.source == "cv.pdf");
    CHECK(document.format == apigap::InputFormat::pdf);
    CHECK(lines_of(document) == Strings{"1: Jane Doe", "3: Skills", "4: Go, SQL"});
    CHECK(error_of([] { (void)apigap::ingest_detail::extract_pdf_text(" \n\f\n", "cv.pdf"); }) ==
          "cv.pdf: no extractable text: an ATS would see an empty resume (a scanned image? export the PDF from your "
          "editor with a text layer)");
}

TEST_CASE("a PDF's wrapped bullets and hyphenated words are whole lines again, as poppler lays them out",
          "[extract-binary]") {
    CHECK(lines_of(pdf("wrapped.pdf")) ==
          Strings{"1: Experience",
                  "3: \u2022 Cut the p99 latency of the checkout service from 900 ms to 120 ms by caching the price "
                  "lookups.",
                  "5: \u2022 Helped the support team begin on-call rotations with cross-functional runbooks.",
                  "8: Skills", "9: Python, PostgreSQL"});
}

TEST_CASE("a two-column PDF is read column by column, its headings whole", "[extract-binary]") {
    CHECK(lines_of(pdf("two-columns.pdf")) ==
          Strings{"1: Mara Okonkwo, Backend Engineer, mara@example.com", "4: SKILLS", "5: Go", "6: PostgreSQL",
                  "7: Kubernetes", "9: EDUCATION", "10: BSc Computer Science", "11: University of Lagos",
                  "14: EXPERIENCE", "15: Backend Engineer, Kestrel Pay, 2020 - 2024",
                  "16: \u2022 Built the payments API in Go, serving 3,000 requests a second",
                  "18: \u2022 Led the move of 14 services to Kubernetes",
                  "19: Junior Developer, Ardent Labs, 2018 - 2020", "20: \u2022 Wrote reporting jobs in Python"});
}

TEST_CASE("a two-column PDF gives one pdf-columns warning with the order it was read in", "[extract-binary]") {
    CHECK(warnings_of(pdf("two-columns.pdf")) ==
          Strings{"pdf-columns 4: page 1 is set in two columns: apigap reads lines 4\u201311 (left column), then lines "
                  "14\u201320 (right); an ATS that reads straight across mixes them, e.g. 'Go Backend Engineer, "
                  "Kestrel Pay, 2020 - 2024'; set the resume in one column"});
}

TEST_CASE("two-column pages are named in one warning, whose lines are the document's after joining",
          "[extract-binary]") {
    std::string page;
    for (const char* row :
         {"SKILLS                 EXPERIENCE", "Go                     Backend Engineer, Kestrel Pay",
          "Python                 Led a team", "PostgreSQL             \u2022 Built the payments API in Go, serving",
          "Kubernetes               3,000 requests a second"}) {
        page += std::string(row) + "\n";
    }
    // The right column's last line continues its bullet, so the bullet's line ends the range. A single line with
    // a gap is no page in two columns.
    const std::string wide =
        "SKILLS                 EXPERIENCE AT KESTREL PAY, LAGOS, NIGERIA, BACKEND ENGINEER, "
        "2020 - 2024, REMOTE\n";
    const ResumeDocument document =
        apigap::ingest_detail::extract_pdf_text("Jane Doe\n\f" + page + "\f" + wide + page, "cv.pdf");
    CHECK(warnings_of(document) ==
          Strings{"pdf-columns 2: pages 2 and 3 are set in two columns: apigap reads lines 2\u20136 (left column), "
                  "then lines 9\u201312 (right); an ATS that reads straight across mixes them, e.g. 'PostgreSQL "
                  "\u2022 Built the payments API in Go, serving'; set the resume in one column"});
    CHECK(warnings_of(apigap::ingest_detail::extract_pdf_text("Jane Doe\n\f" + wide, "cv.pdf")).empty());
}

TEST_CASE("a PDF's pages with little text are measured: a scan page and a mostly-image page are flagged",
          "[extract-binary]") {
    // Page 2 is one big image; page 3 an image with a caption; page 4 a logo beside its lines; page 5 blank.
    const ResumeDocument document = pdf("image-pages.pdf");
    CHECK(lines_of(document).size() == 8);
    CHECK(warnings_of(document) ==
          Strings{"pdf-no-text-layer 0: page 2 has no text layer (a scanned image?): an ATS reads nothing on it; "
                  "export the PDF from your editor with its text, or type the page's text in",
                  "pdf-text-in-image 6: page 3 is mostly image (52% of it drawn) with only 6 words of text: text in "
                  "an image is invisible to an ATS; write the page's text as text, not in a picture"});
}

TEST_CASE("the PDF reader's page facts decide the page warnings, at each page's first line", "[extract-binary]") {
    const auto warnings = [](std::string_view facts) {
        return warnings_of(
            apigap::ingest_detail::extract_pdf_text("Jane Doe\n\f\f\n\nPortfolio\nDiagrams\n", "cv.pdf", facts));
    };
    CHECK(warnings("1 2 9\n2 0 10\n3 2 100\n") ==
          Strings{"pdf-no-text-layer 0: page 2 has no text layer (a scanned image?): an ATS reads nothing on it; "
                  "export the PDF from your editor with its text, or type the page's text in",
                  "pdf-text-in-image 4: page 3 is mostly image (10% of it drawn) with only 2 words of text: text in "
                  "an image is invisible to an ATS; write the page's text as text, not in a picture"});
    // Near misses: a blank page with a rule drawn on it, a page of text with a photo; then facts the helper never
    // writes (no page 4, page 0, a missing or extra number, a sign).
    CHECK(warnings("1 2 9\n2 0 9\n3 2 99\n").empty());
    CHECK(warnings("4 0 600\n0 0 600\n2 0\n2 0 600 1\n2 -0 600\n2  0 600\n").empty());
    CHECK(warnings({}).empty());
}

TEST_CASE("a PDF's running header and footer lines are marked, on two pages or more", "[extract-binary]") {
    const ResumeDocument document = pdf("running-contact.pdf");
    Strings running;
    for (const apigap::ResumeLine& line : document.lines) {
        if (line.running) {
            running.push_back(std::to_string(line.number) + ": " + std::string(line.text));
        }
    }
    CHECK(running == Strings{"1: Jane Doe \u00b7 +1 415 555 0100", "13: jane@example.com \u00b7 page 1 of 2",
                             "14: Jane Doe \u00b7 +1 415 555 0100", "23: jane@example.com \u00b7 page 2 of 2"});
    const auto marked = [](std::string_view text) {
        Strings lines;
        for (const apigap::ResumeLine& line : apigap::ingest_detail::extract_pdf_text(text, "cv.pdf").lines) {
            lines.push_back(std::string(line.running ? "running " : "") + std::string(line.text));
        }
        return lines;
    };
    // The second line from the top and the last but one repeat too; the digits differ, the spacing too.
    CHECK(marked("Jane Doe\nCV 2024\nExperience\nPage 1\nfooter\n\fJane  Doe\nCV 2025\nSkills\nPage 2\nfooter\n") ==
          Strings{"running Jane Doe", "running CV 2024", "Experience", "running Page 1", "running footer",
                  "running Jane  Doe", "running CV 2025", "Skills", "running Page 2", "running footer"});
    // Near misses: one page; a line on one page only; the same line in another place; a third page without it.
    CHECK(marked("jane@example.com\nExperience\nSkills\n") == Strings{"jane@example.com", "Experience", "Skills"});
    CHECK(marked("Jane Doe\nExperience\nGo\nPython\nSQL\n\fSkills\nGo\nSQL\nDocker\nKafka\n") ==
          Strings{"Jane Doe", "Experience", "Go", "Python", "SQL", "Skills", "Go", "SQL", "Docker", "Kafka"});
    CHECK(marked("Jane\nA\nB\nC\nD\nE\n\fJane\nA\nB\nC\nD\nE\n\fF\nG\nH\nI\nJ\nK\n") ==
          Strings{"Jane", "A", "B", "C", "D", "E", "Jane", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"});
}

TEST_CASE("a PDF without a text layer is an error, not an empty resume", "[extract-binary]") {
    CHECK(error_of([] { (void)pdf("scan.pdf"); }) ==
          "scan.pdf: no extractable text: an ATS would see an empty resume (a scanned image? export the PDF from your "
          "editor with a text layer)");
}

TEST_CASE("an encrypted PDF is refused, with or without a password to open it", "[extract-binary]") {
    CHECK(error_of([] { (void)pdf("encrypted.pdf"); }) ==
          "encrypted.pdf: encrypted PDF: an ATS cannot read it; export it without a password");
    CHECK(error_of([] { (void)pdf("owner-password.pdf"); }) ==
          "owner-password.pdf: encrypted PDF: an ATS cannot read it; export it without a password");
}

TEST_CASE("a truncated PDF, junk bytes and an empty file are unreadable PDFs", "[extract-binary]") {
    CHECK(error_of([] { (void)pdf("truncated.pdf"); }) == "truncated.pdf: unreadable PDF (damaged or truncated)");
    CHECK(error_of([] { (void)pdf("junk.bin"); }) == "junk.bin: unreadable PDF (damaged or truncated)");
    CHECK(error_of([] { (void)extract_pdf("", "empty.pdf", {}); }) ==
          "empty.pdf: unreadable PDF (damaged or truncated)");
    CHECK(no_zombies());
}

TEST_CASE("a missing PDF reader is an error naming the file and the reader", "[extract-binary]") {
    apigap::use_pdf_helper("/nonexistent/apigap-pdf");
    const std::string error = error_of([] { (void)pdf("text.pdf"); });
    apigap::use_pdf_helper(APIGAP_PDF_HELPER);
    CHECK(error == "text.pdf: cannot start the PDF reader /nonexistent/apigap-pdf: No such file or directory");
    CHECK(no_zombies());
}

TEST_CASE("glyphs without a Unicode mapping give one garbled-text warning at the first such line", "[extract-binary]") {
    const ResumeDocument document = pdf("garbled.pdf");
    std::string private_use;
    for (const char letter : std::string("EXPERIENCE")) {
        private_use += "\xee\x81";  // U+E041 to U+E05A: the letters moved into the private-use area
        private_use += static_cast<char>(0x80 + letter - 0x40);
    }
    REQUIRE(document.lines.size() == 4);
    CHECK(document.lines[1].text.substr(0, private_use.size()) == private_use);
    CHECK(document.lines[2].text == "(cid:12)(cid:7) (cid:33)(cid:40)");
    CHECK(warnings_of(document) ==
          Strings{"garbled-text 2: garbled text on 2 lines (glyphs without a Unicode mapping): an ATS would read "
                  "junk; export the PDF again with standard fonts"});
}

TEST_CASE("a PDF whose text passes the byte cap is refused", "[extract-binary]") {
    ExtractLimits limits;
    limits.max_bytes = 100;
    CHECK(error_of([&] { (void)pdf("text.pdf", limits); }) ==
          "text.pdf: the PDF's text is larger than the 100 bytes limit");
}

// slow.pdf nests forms that each draw the next twice, 40 deep: it would run for hours.
TEST_CASE("a PDF child past the CPU limit is stopped by SIGXCPU", "[extract-binary]") {
    ExtractLimits limits;
    limits.pdf_cpu_seconds = 1;
    limits.pdf_wall_seconds = 10;
    CHECK(error_of([&] { (void)pdf("slow.pdf", limits); }) ==
          "slow.pdf: PDF extraction took longer than 1 s; the file may be malformed");
    CHECK(no_zombies());
}

TEST_CASE("a PDF child past the wall-clock limit is killed and reaped", "[extract-binary]") {
    ExtractLimits limits;
    limits.pdf_cpu_seconds = 10;
    limits.pdf_wall_seconds = 1;
    CHECK(error_of([&] { (void)pdf("slow.pdf", limits); }) ==
          "slow.pdf: PDF extraction took longer than 1 s; the file may be malformed");
    CHECK(no_zombies());
    limits.pdf_wall_seconds = 0;
    CHECK(error_of([&] { (void)pdf("text.pdf", limits); }) ==
          "text.pdf: PDF extraction took longer than 0 s; the file may be malformed");
    CHECK(no_zombies());
}

#if !APIGAP_SANITIZED
TEST_CASE("a PDF child starved of memory is an error, not a crash", "[extract-binary]") {
    ExtractLimits limits;
    limits.pdf_memory_bytes = 4096;
    // Where poppler runs out depends on the free memory the child inherits: its allocator aborts (the child dies,
    // or answers that the page's layout ran out), or it gives up on the page quietly.
    const std::string error = error_of([&] { (void)pdf("text.pdf", limits); });
    CHECK_THAT(error, Catch::Equals("text.pdf: unreadable PDF (damaged or truncated)") ||
                          Catch::Equals("text.pdf: page 1 of the PDF needs more than 4096 bytes of memory to lay out "
                                        "(a line of a megabyte of text does); break its text into shorter lines") ||
                          Catch::Equals("text.pdf: no extractable text: an ATS would see an empty resume (a scanned "
                                        "image? export the PDF from your editor with a text layer)"));
    CHECK(no_zombies());
}

TEST_CASE("a PDF line too long for poppler to lay out in the child's memory says so, with its page",
          "[extract-binary]") {
    // 1.5 MB of text on one line: poppler needs about 600 MiB to lay it out.
    CHECK(error_of([] { (void)pdf("long-line.pdf"); }) ==
          "long-line.pdf: page 1 of the PDF needs more than 512 MiB of memory to lay out (a line of a megabyte of "
          "text does); break its text into shorter lines");
    CHECK(no_zombies());
}
#endif

// --- DOCX --------------------------------------------------------------------

TEST_CASE("a DOCX's paragraphs are lines, with headings, tables, text boxes and headers found", "[extract-binary]") {
    const ResumeDocument document = docx("resume.docx");
    CHECK(document.source == "resume.docx");
    CHECK(document.format == apigap::InputFormat::docx);
    // Line 3 is an empty paragraph; line 5 ends in a break; "Details" has the style Heading4; the
    // text box appears once although the file holds it twice (the shape and its VML fallback).
    CHECK(lines_of(document) == Strings{
                                    "1: # Jane Doe",
                                    "2: Backend engineer, 6 years",
                                    "4: # Experience",
                                    "5: Acme Corp 2019-2024",
                                    "6: Built REST APIs in Go",
                                    "7: Details",
                                    "8: Languages",
                                    "9: Go, Python",
                                    "10: Databases",
                                    "11: PostgreSQL",
                                    "12: # Skills",
                                    "13: Open to relocation",
                                    "14: Certified Kubernetes Administrator",
                                    "15: Docker & Kubernetes",
                                });
    CHECK(warnings_of(document) ==
          Strings{
              "docx-header-footer 0: text in the page header or footer (Jane Doe \u00b7 jane@example.com +1 555 0100 "
              "\u00b7 Berlin, Germany): many ATS ignore it; move contact details into the body",
              "docx-table 8: text in a table: many ATS skip or scramble tables",
              "docx-text-box 14: text in a text box: many ATS skip text boxes; move it into the body",
          });
}

TEST_CASE("a DOCX nested 100,000 paragraphs deep is read without recursion", "[extract-binary]") {
    CHECK(lines_of(docx("deep.docx")) == Strings{"100000: deep"});
}

TEST_CASE("a DOCX with only header text is an empty resume", "[extract-binary]") {
    CHECK(error_of([] { (void)docx("empty-body.docx"); }) ==
          "empty-body.docx: no extractable text: an ATS would see an empty resume (the only text is in the page "
          "header or footer)");
}

TEST_CASE("invalid UTF-8 in a DOCX is replaced with U+FFFD, with a warning at its first paragraph",
          "[extract-binary]") {
    // bad-utf8.docx: the bytes FF FE in paragraph 2 and in the page header, a reference to a lone surrogate
    // (&#xD800;) in paragraph 4.
    const ResumeDocument document =
        apigap::parse_resume(fixture("bad-utf8.docx"), "bad-utf8.docx", std::nullopt, apigap::ResumeRules{});
    CHECK(lines_of(document) == Strings{"1: # Jane Doe", "2: Backend engineer \ufffd\ufffd Python", "3: # Experience",
                                        "4: Built REST APIs in Go \ufffd\ufffd\ufffd"});
    CHECK(warnings_of(document) ==
          Strings{"invalid-utf8 2: invalid UTF-8 replaced with U+FFFD",
                  "docx-header-footer 0: text in the page header or footer (Jane Doe \ufffd\ufffd jane@example.com): "
                  "many ATS ignore it; move contact details into the body"});
}

TEST_CASE("a binary file is told to force a format only when that format reads it", "[extract-binary]") {
    using apigap::DocumentRole;
    using apigap::InputFormat;
    const auto read = [](const std::string& bytes, std::optional<InputFormat> forced,
                         DocumentRole role = DocumentRole::resume) {
        return apigap::parse_resume(bytes, "after.bin", forced, apigap::ResumeRules{}, apigap::k_default_max_bytes,
                                    role);
    };
    const auto error = [&](const std::string& bytes, DocumentRole role = DocumentRole::resume) {
        return error_of([&] { (void)read(bytes, std::nullopt, role); });
    };
    const std::string refused = "after.bin: binary file, not a resume";

    // A PDF after other bytes, however many: forcing reads it.
    for (const std::size_t before : {std::size_t{100}, std::size_t{100'000}}) {
        const std::string pdf_after = std::string(before, '\0') + fixture("text.pdf");
        CHECK(error(pdf_after) == refused + " (a PDF header follows other bytes: try --input-format pdf)");
        CHECK(read(pdf_after, InputFormat::pdf).lines.size() == pdf("text.pdf").lines.size());
        // A command without --input-format (batch, check --source) is never told to use it.
        CHECK(error(pdf_after, DocumentRole::detected_resume) == refused);
    }

    // A zip whose offsets count from the start of the file (a self-extracting archive): forcing reads it.
    const std::string docx_after = fixture("docx-after-bytes.bin");
    CHECK(error(docx_after) == refused + " (a zip archive follows other bytes: try --input-format docx)");
    CHECK(read(docx_after, InputFormat::docx).lines.size() == docx("resume.docx").lines.size());
    // Bytes written before a zip whose offsets count from its own start: no zip reader finds its entries.
    const std::string docx_shifted = std::string(64, '\0') + fixture("resume.docx");
    CHECK(error(docx_shifted) == refused);
    CHECK(error_of([&] { (void)read(docx_shifted, InputFormat::docx); }) == "after.bin: not a DOCX: not a zip archive");

    CHECK(error(docx_after, DocumentRole::detected_resume) == refused);

    // Neither: forcing PDF or DOCX fails too.
    CHECK(error(fixture("junk.bin")) == refused);
    CHECK(error_of([&] { (void)read(fixture("junk.bin"), InputFormat::pdf); }) ==
          "after.bin: unreadable PDF (damaged or truncated)");
    CHECK(error_of([&] { (void)read(fixture("junk.bin"), InputFormat::docx); }) ==
          "after.bin: not a DOCX: not a zip archive");
}

TEST_CASE("a PDF or DOCX job posting without text is refused in words for a posting", "[extract-binary]") {
    const auto posting_error = [](const std::string& name) {
        const std::string path = std::string(APIGAP_SOURCE_DIR) + "/tests/fixtures/resumes/" + name;
        return error_of([&] {
                   (void)apigap::load_resume(path, std::nullopt, apigap::ResumeRules{}, apigap::k_default_max_bytes,
                                             apigap::DocumentRole::job_posting);
               })
            .substr(path.size() - name.size());
    };
    CHECK(posting_error("scan.pdf") ==
          "scan.pdf: no extractable text: there is no job posting to match against (a scanned image? export the PDF "
          "from your editor with a text layer)");
    CHECK(posting_error("empty-body.docx") ==
          "empty-body.docx: no extractable text: there is no job posting to match against (the only text is in the "
          "page header or footer)");
}

TEST_CASE("a legacy or password-protected Word file is refused by its OLE signature", "[extract-binary]") {
    CHECK(error_of([] { (void)docx("legacy.docx"); }) ==
          "legacy.docx: encrypted or legacy Word file (.doc): save it as .docx without a password");
}

TEST_CASE("a zip without word/document.xml is not a DOCX", "[extract-binary]") {
    CHECK(error_of([] { (void)docx("no-document.docx"); }) == "no-document.docx: not a DOCX: no word/document.xml");
}

TEST_CASE("junk bytes, a truncated zip and a corrupted entry are named as such", "[extract-binary]") {
    CHECK(error_of([] { (void)docx("junk.bin"); }) == "junk.bin: not a DOCX: not a zip archive");
    CHECK(error_of([] { (void)extract_docx("", "empty.docx", {}); }) == "empty.docx: not a DOCX: not a zip archive");
    CHECK(error_of([] { (void)docx("truncated.docx"); }) == "truncated.docx: not a DOCX: damaged zip archive");
    std::string corrupted = fixture("resume.docx");
    const std::size_t entry = corrupted.find("word/document.xml");
    REQUIRE(entry != std::string::npos);
    corrupted[entry + 100] = static_cast<char>(corrupted[entry + 100] ^ 0x55);
    CHECK(error_of([&] { (void)extract_docx(corrupted, "corrupted.docx", {}); }) ==
          "corrupted.docx: not a DOCX: damaged zip archive");
}

TEST_CASE("a DOCX with more zip entries than the cap is refused", "[extract-binary]") {
    ExtractLimits limits;
    limits.max_zip_entries = 6;  // resume.docx has 7
    CHECK(error_of([&] { (void)docx("resume.docx", limits); }) == "resume.docx: not a DOCX: too many zip entries");
    limits.max_zip_entries = 7;
    CHECK(docx("resume.docx", limits).lines.size() == 14);
}

TEST_CASE("a document.xml that expands past the cap is refused as a zip bomb", "[extract-binary]") {
    ExtractLimits limits;
    limits.max_bytes = std::size_t{1} << 20;
    // 2 MiB of XML in 10 KB; lying-sizes.docx claims 100 bytes for it in both zip headers.
    CHECK(error_of([&] { (void)docx("bomb.docx", limits); }) ==
          "bomb.docx: word/document.xml expands past 1 MiB: refusing a possible zip bomb");
    CHECK(error_of([&] { (void)docx("lying-sizes.docx", limits); }) ==
          "lying-sizes.docx: word/document.xml expands past 1 MiB: refusing a possible zip bomb");
    CHECK(docx("bomb.docx").lines.size() == 21621);
}

TEST_CASE("a document.xml that is not well-formed XML is a damaged DOCX", "[extract-binary]") {
    CHECK(error_of([] { (void)docx("bad-xml.docx"); }) ==
          "bad-xml.docx: damaged DOCX: word/document.xml is not well-formed XML (Error parsing element attribute at "
          "byte 148)");
}
