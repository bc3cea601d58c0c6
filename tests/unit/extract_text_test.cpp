// Tests of the text-format extractors (src/ingest/{text,markdown,json_resume,html,latex}.cpp),
// format detection (detect.cpp) and loading a resume file (resume_input.cpp).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "apigap/error.hpp"
#include "apigap/resume_input.hpp"
#include "ingest/extractors.hpp"
#include "ingest/latex_commands.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

using apigap::InputFormat;
using apigap::ResumeDocument;
using apigap::test::error_of;
using Strings = std::vector<std::string>;

namespace {

using apigap::test::TempDir;

/// Each line as `number: text`, with `#` after the colon for a heading, and
/// `[section]` before the text when the line has one.
Strings lines_of(const ResumeDocument& document) {
    Strings lines;
    for (const apigap::ResumeLine& line : document.lines) {
        const std::string section(document.section_of(line));
        lines.push_back(std::to_string(line.number) + (line.heading ? ": # " : ": ") +
                        (section.empty() ? "" : "[" + section + "] ") + std::string(line.text));
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

Strings text(std::string_view bytes) {
    return lines_of(apigap::ingest_detail::extract_text(bytes, "r.txt"));
}

Strings markdown(std::string_view bytes) {
    return lines_of(apigap::ingest_detail::extract_markdown(bytes, "r.md"));
}

Strings json_resume(std::string_view bytes) {
    return lines_of(apigap::ingest_detail::extract_json_resume(bytes, "r.json"));
}

Strings rendercv(std::string_view bytes) {
    return lines_of(apigap::ingest_detail::extract_rendercv(bytes, "cv.yaml"));
}

Strings html(std::string_view bytes) {
    return lines_of(apigap::ingest_detail::extract_html(bytes, "r.html"));
}

Strings latex(std::string_view bytes) {
    return lines_of(apigap::ingest_detail::extract_latex(bytes, "r.tex"));
}

/// The section headings a resume's rules know, as the built-in knowledge base spells some of them.
apigap::ResumeRules rules() {
    apigap::ResumeRules rules;
    rules.sections = {
        {"summary", {"Summary", "Profile"}}, {"experience", {"Experience", "Work Experience"}},
        {"projects", {"Projects"}},          {"skills", {"Skills", "Technical Skills"}},
        {"education", {"Education"}},
    };
    return rules;
}

std::string fixture(const std::string& name) {
    return std::string(APIGAP_SOURCE_DIR) + "/tests/fixtures/resumes/" + name;
}

ResumeDocument load(const std::string& path, std::optional<InputFormat> forced = std::nullopt,
                    std::size_t max_bytes = apigap::k_default_max_bytes) {
    return apigap::load_resume(path, forced, rules(), max_bytes);
}

std::string load_error(const std::string& path, std::optional<InputFormat> forced = std::nullopt,
                       std::size_t max_bytes = apigap::k_default_max_bytes,
                       apigap::DocumentRole role = apigap::DocumentRole::resume) {
    try {
        (void)apigap::load_resume(path, forced, rules(), max_bytes, role);
    } catch (const apigap::Error& error) {
        CHECK(error.code() == apigap::ExitCode::usage);
        return error.what();
    }
    return "(no error)";
}

/// The line of `document` whose text contains `part`, as `lines_of` shows it.
std::string line_with(const ResumeDocument& document, std::string_view part) {
    for (const std::string& line : lines_of(document)) {
        if (line.find(part) != std::string::npos) {
            return line;
        }
    }
    return "(no line with '" + std::string(part) + "')";
}

}  // namespace

// --- plain text --------------------------------------------------------------

TEST_CASE("plain text keeps each line with its number, trimmed and collapsed, without its bullet", "[extract]") {
    CHECK(text("  Jane   Doe \n"
               "\n"
               "\u2022 Built APIs\n"
               "- Led a team\n"
               "* Wrote docs\n"
               "\u00b7 Ran on-call\n"
               "\u25aaDesigned schemas\n"
               "\u2023 Cut costs\n"
               "3. Shipped v2\n"
               "-5% latency stays as it is\n"
               "2019. Joined Acme\r\n"
               "Tab\tand\u00a0no-break\u2003spaces\n"
               "\u2022\n") == Strings{
                                  "1: Jane Doe",
                                  "3: Built APIs",
                                  "4: Led a team",
                                  "5: Wrote docs",
                                  "6: Ran on-call",
                                  "7: Designed schemas",
                                  "8: Cut costs",
                                  "9: Shipped v2",
                                  "10: -5% latency stays as it is",
                                  "11: 2019. Joined Acme",
                                  "12: Tab and no-break spaces",
                              });
}

TEST_CASE("a text format with no text left is refused", "[extract]") {
    CHECK(error_of([] { (void)text(" \n\u2022\n\t\n"); }) == "r.txt: no text found: an ATS would see an empty resume");
    CHECK(error_of([] { (void)html("<style>p {}</style><!-- only a comment -->"); }) ==
          "r.html: no text found: an ATS would see an empty resume");
    CHECK(error_of([] { (void)latex("\\begin{document}\n\\vspace{2pt}\n\\end{document}\n"); }) ==
          "r.tex: no text found: an ATS would see an empty resume");
    CHECK(error_of([] { (void)markdown("<!-- draft -->\n---\n"); }) ==
          "r.md: no text found: an ATS would see an empty resume");
    CHECK(error_of([] { (void)json_resume(R"({"basics": {"name": ""}, "work": []})"); }) ==
          "r.json: no text found: an ATS would see an empty resume");
}

// --- Markdown ----------------------------------------------------------------

TEST_CASE("Markdown headings lose their markers and are headings, setext ones too", "[extract]") {
    CHECK(markdown("# Jane Doe #\n"
                   "Backend engineer\n"
                   "Experience\n"
                   "==========\n"
                   "\n"
                   "Projects\n"
                   "--------\n"
                   "###### Deep *heading*\n"
                   "#hashtag is text\n") == Strings{
                                                "1: # Jane Doe",
                                                "2: Backend engineer",
                                                "3: # Experience",
                                                "6: # Projects",
                                                "8: # Deep heading",
                                                "9: #hashtag is text",
                                            });
}

TEST_CASE("Markdown lists, emphasis, code, links and escapes reduce to their text", "[extract]") {
    CHECK(markdown("- [x] Built [the API](https://x.io \"title\") ![logo](logo.png) for <https://acme.io>\n"
                   "* *Led* **four** _people_ __well__ ~~badly~~ in `snake_case` and a_b_c, 5 * 3\n"
                   "+ Plus item\n"
                   "12. Ordered item\n"
                   "1) Other ordered item\n"
                   "Escaped \\*stars\\* and \\[brackets\\], AT&amp;T &copy; & co\n"
                   "See [the docs][ref] and [plain] brackets, <b>bold</b> tags<br>dropped\n"
                   "[ref]: https://example.com\n"
                   "> Quoted praise\n"
                   "Hard break\\\n"
                   "***\n") == Strings{
                                   "1: Built the API for https://acme.io",
                                   "2: Led four people well badly in snake_case and a_b_c, 5 * 3",
                                   "3: Plus item",
                                   "4: Ordered item",
                                   "5: Other ordered item",
                                   "6: Escaped *stars* and [brackets], AT&T \u00a9 & co",
                                   "7: See the docs and [plain] brackets, bold tags dropped",
                                   "9: Quoted praise",
                                   "10: Hard break",
                               });
}

TEST_CASE("Markdown tables join their cells with a bar: the delimiter row is dropped", "[extract]") {
    CHECK(markdown("| Tool | Years |\n"
                   "|:-----|------:|\n"
                   "| Go   | 5     |\n"
                   "| `a|b` | x \\| y |\n"
                   "| **SQL** | |\n"
                   "\n"
                   "Name | Role\n"
                   "--- | ---\n"
                   "Go | API\n"
                   "\n"
                   "Berlin | jane@example.com\n") == Strings{
                                                         "1: Tool | Years",
                                                         "3: Go | 5",
                                                         "4: a|b | x | y",
                                                         "5: SQL",
                                                         "7: Name | Role",
                                                         "9: Go | API",
                                                         "11: Berlin | jane@example.com",
                                                     });
}

TEST_CASE("Markdown drops script and style blocks that start a line, in any case, not mentions of them", "[extract]") {
    CHECK(markdown("<STYLE type=\"text/css\">\n"
                   "  .node { color: red }\n"
                   "</style> Shown after\n"
                   "<script>track(\"Node.js\")</script>\n"
                   "  <script src=\"a.js\">\n"
                   "const api = 'REST';\n"
                   "</Script>\n"
                   "Wrote <script> tags inline\n"
                   "<scripts> are text\n") == Strings{
                                                  "3: Shown after",
                                                  "8: Wrote tags inline",  // inline tags go, not what follows
                                                  "9: are text",
                                              });
}

TEST_CASE("Markdown front matter values are lines where they stand: page settings and switches are not", "[extract]") {
    CHECK(markdown("---\n"
                   "title: \"Curriculum Vitae\"\n"
                   "layout: single\n"
                   "Date: 2024-03-01\n"
                   "draft: false\n"
                   "tags: [golang, nodejs]\n"
                   "menu:\n"
                   "  main: {weight: 2}\n"
                   "summary: Builds **Go** services.\n"
                   "jobs:\n"
                   "  - title: Platform Engineer\n"
                   "    company: Tidewater\n"
                   "    start: 2021\n"
                   "    remote: true\n"
                   "    highlights:\n"
                   "      - Cut deploys from 40 to 6 minutes\n"
                   "    description: |\n"
                   "      Designed PostgreSQL schemas.\n"
                   "      Ran on-call.\n"
                   "---\n"
                   "# Body\n") == Strings{
                                      "2: Curriculum Vitae",
                                      "9: Builds Go services.",
                                      "10: # jobs",
                                      "11: Platform Engineer",
                                      "12: Tidewater",
                                      "13: 2021",
                                      "15: # highlights",
                                      "16: Cut deploys from 40 to 6 minutes",
                                      "18: Designed PostgreSQL schemas.",
                                      "19: Ran on-call.",
                                      "21: # Body",
                                  });
}

TEST_CASE("a Markdown page whose text is all in its front matter is read, not refused as empty", "[extract]") {
    CHECK(markdown("---\nwork_experience:\n  - Backend engineer, Go and PostgreSQL\n---\n") ==
          Strings{"2: # work experience", "3: Backend engineer, Go and PostgreSQL"});
}

TEST_CASE("Markdown between two thematic breaks at the top is read as Markdown when it is no YAML mapping",
          "[extract]") {
    CHECK(markdown("---\ntitle = \"TOML\"\nbad: [unclosed\n---\nBody text\n") ==
          Strings{"2: title = \"TOML\"", "3: # bad: [unclosed", "5: Body text"});  // a setext heading
    CHECK(markdown("---\n# Jane Doe\nBackend engineer\n\n- Built APIs in Go\n---\nBody text\n") ==
          Strings{"2: # Jane Doe", "3: Backend engineer", "5: Built APIs in Go", "7: Body text"});
}

TEST_CASE("Markdown code fences keep their text: comments and front matter settings are dropped", "[extract]") {
    CHECK(markdown("---\n"
                   "layout: resume\n"
                   "---\n"
                   "Intro <!-- inline comment --> text\n"
                   "<!-- a comment\n"
                   "over lines --> after the comment\n"
                   "```python\n"
                   "def f(x):   # *not* emphasis\n"
                   "\n"
                   "    return x\n"
                   "```\n"
                   "~~~~\n"
                   "```still code\n"
                   "~~~~\n"
                   "After\n") == Strings{
                                     "4: Intro text",
                                     "6: after the comment",
                                     "8: def f(x): # *not* emphasis",
                                     "10: return x",
                                     "13: ```still code",
                                     "15: After",
                                 });
}

// --- JSON Resume -------------------------------------------------------------

TEST_CASE("JSON Resume strings become lines numbered as in the file, in the sections their keys name", "[extract]") {
    CHECK(json_resume(R"({
  "basics": {
    "name": "Jane Doe",
    "label": "Backend Engineer",
    "image": "https://example.com/jane.png",
    "email": "jane@example.com",
    "summary": "Builds APIs.\nRuns them too.",
    "location": {"city": "Berlin", "countryCode": "DE"},
    "profiles": [{"network": "GitHub", "username": "jdoe", "url": "https://github.com/jdoe"}]
  },
  "work": [
    {
      "name": "Acme",
      "position": "API Engineer",
      "url": "https://acme.example",
      "startDate": "2020-01",
      "endDate": "2023-06",
      "summary": "Payments.",
      "highlights": ["Built a REST API", "Cut p99 latency by 40%"]
    },
    {"name": "Initech", "startDate": "2023-07"},
    {"name": "Globex", "endDate": "2019-12"}
  ],
  "projects": [{"name": "ratelimit", "description": "A rate limiter", "keywords": ["Go", "Redis"]}],
  "skills": [
    {"name": "Backend", "level": "Expert", "keywords": ["Go", "PostgreSQL"]},
    {"name": "Ops"},
    {"keywords": ["Docker"]}
  ],
  "education": [{"institution": "TU Berlin", "area": "Computer Science", "studyType": "B.Sc.", "score": 1.7}],
  "certificates": [{"name": "CKAD", "issuer": "CNCF"}],
  "awards": [{"title": "Hackathon winner"}],
  "volunteer": [{"organization": "Open Source Berlin"}],
  "publications": [{"name": "Idempotent APIs"}],
  "languages": [{"language": "German", "fluency": "Native"}],
  "interests": [{"name": "Climbing", "keywords": ["Bouldering"]}],
  "references": [{"name": "Bob", "reference": "Great engineer."}],
  "meta": {"version": "v1.0.0"}
})") == Strings{
            "3: Jane Doe",
            "4: Backend Engineer",
            "6: [contact] jane@example.com",
            "7: [summary] Builds APIs.",
            "7: [summary] Runs them too.",
            "8: [contact] Berlin, DE",
            "9: [contact] GitHub | jdoe | https://github.com/jdoe",
            "13: [experience] Acme",
            "14: [experience] API Engineer",
            "16: [experience] 2020-01 \u2013 2023-06",
            "18: [experience] Payments.",
            "19: [experience] Built a REST API",
            "19: [experience] Cut p99 latency by 40%",
            "21: [experience] Initech",
            "21: [experience] 2023-07 \u2013 Present",
            "22: [experience] Globex",
            "22: [experience] 2019-12",
            "24: [projects] ratelimit",
            "24: [projects] A rate limiter",
            "24: [projects] Go, Redis",
            "26: [skills] Backend: Go, PostgreSQL",
            "27: [skills] Ops",
            "28: [skills] Docker",
            "30: [education] TU Berlin",
            "30: [education] Computer Science",
            "30: [education] B.Sc.",
            "30: [education] 1.7",
            "31: [certifications] CKAD",
            "31: [certifications] CNCF",
            "32: [awards] Hackathon winner",
            "33: [volunteer] Open Source Berlin",
            "34: [publications] Idempotent APIs",
            "35: [languages] German",
            "35: [languages] Native",
            "36: [interests] Climbing: Bouldering",
            "37: [references] Bob",
            "37: [references] Great engineer.",
        });
}

TEST_CASE("a JSON document that is not JSON Resume is refused", "[extract]") {
    const std::string message =
        "r.json: neither a JSON Resume (basics, work or skills) nor a job posting (a title, with qualifications, "
        "responsibilities or skills)";
    CHECK(error_of([] { (void)json_resume(R"({"name": "Jane", "jobs": []})"); }) == message);
    CHECK(error_of([] { (void)json_resume(R"([{"basics": {}}])"); }) == message);
    CHECK(error_of([] { (void)json_resume(R"("basics")"); }) == message);
}

TEST_CASE("a JSON Resume key given twice keeps its last value, with a warning naming both lines", "[extract]") {
    const std::string bytes = R"({
  "basics": {"name": "Jane Doe", "name": "Jane Q. Doe"},
  "skills": [{"keywords": ["Java"]}],
  "work": [{"name": "Acme"}],
  "skills": [{"keywords": ["Go"]}]
})";
    const ResumeDocument document = apigap::ingest_detail::extract_json_resume(bytes, "r.json");
    CHECK(lines_of(document) == Strings{"2: Jane Q. Doe", "4: [experience] Acme", "5: [skills] Go"});
    CHECK(warnings_of(document) ==
          Strings{"duplicate-key 2: duplicate key 'name' (first defined at 2:14): the last value is read; keep one "
                  "'name' key, since other readers may keep the first",
                  "duplicate-key 5: duplicate key 'skills' (first defined at 3:3): the last value is read; keep one "
                  "'skills' key, since other readers may keep the first"});
}

TEST_CASE("JSON Resume's job schema becomes a posting under Responsibilities and Requirements headings", "[extract]") {
    const std::string job = R"({
  "title": "API Engineer",
  "company": "Harbor",
  "experience": "3-5 years",
  "description": "Public APIs.",
  "responsibilities": ["Design endpoints"],
  "qualifications": ["Python", "Kafka is a plus"],
  "skills": [{"name": "Security", "level": "Senior", "keywords": ["OAuth 2.0", "JWT"]}, {"keywords": ["Redis"]}],
  "meta": {"version": "v1"}
})";
    CHECK(json_resume(job) == Strings{
                                  "2: # API Engineer",
                                  "4: 3-5 years",
                                  "5: Public APIs.",
                                  "6: # Responsibilities",
                                  "6: Design endpoints",
                                  "7: # Requirements",
                                  "7: Python",
                                  "7: Kafka is a plus",
                                  "8: Security: OAuth 2.0, JWT",
                                  "8: Redis",
                              });
    CHECK(apigap::detect_format(R"({"title": "x", "responsibilities": []})", "job.txt") == InputFormat::json_resume);
    // With basics it is a resume, whatever else it has.
    CHECK(json_resume(R"({"basics": {"name": "Jane"}, "title": "x", "qualifications": ["Go"]})") == Strings{"1: Jane"});
}

TEST_CASE("malformed JSON Resume is refused with the line and column of the fault", "[extract]") {
    CHECK(error_of([] { (void)json_resume("{\n  \"basics\": {\n    \"name\": \"x\"\n  ]\n}"); }) ==
          "r.json:4:3: syntax error while parsing object - unexpected ']'; expected '}'");
    CHECK(error_of([] { (void)json_resume(R"({"basics": 1e9999})"); }) ==
          "r.json:1:17: number overflow parsing '1e9999'");
}

// --- HTML --------------------------------------------------------------------

TEST_CASE("HTML elements hidden by a hidden attribute or an inline style are not read, nor what they hold",
          "[extract]") {
    CHECK(html("<h1>Jane</h1>\n"
               "<section hidden>\n"
               "<div><p>Built a REST API with Node.js</p></div>\n"
               "<p>still hidden</p>\n"
               "</section>\n"
               "<p>Shown: Python</p>\n"
               "<div style=\"color: red; display : none\">gone</div><SPAN Style='visibility:hidden'>gone</SPAN>\n"
               "<DIV HIDDEN=hidden>x<div>inner</div>y</DIV>after\n"
               "<p class=\"hidden\">a class is not read as hiding</p>\n"
               "<img hidden src=\"a.png\">after the image\n"
               "<div data-hidden=\"1\" title=\"not hidden\">an attribute named otherwise</div>\n"
               "<div hidden>never closed\n") == Strings{
                                                    "1: # Jane",
                                                    "6: Shown: Python",
                                                    "8: after",
                                                    "9: a class is not read as hiding",
                                                    "10: after the image",
                                                    "11: an attribute named otherwise",
                                                });
}

TEST_CASE("HTML loses its head, scripts, styles and comments: block elements break lines", "[extract]") {
    CHECK(html("<HTML><HEAD><TITLE>CV</TITLE>\n"
               "<script type=\"text/javascript\">var x = \"<p>not text</p>\";</script>\n"
               "<style>p > a { color: red }</style></HEAD>\n"
               "<BODY>\n"
               "<H2 class=\"x\">Work\n"
               "  Experience</H2>\n"
               "<p title=\"a > b\">Built <b>APIs</b> and <a href=\"/sdk\">SDKs</a></p>\n"
               "<div>one<span>two</span> three<br/>four</div>\n"
               "<!-- a\n"
               "comment --><ul><li>first</li><li>second\n"
               "</li></ul>\n"
               "<p>\n"
               "   Starts on a later line</p>\n"
               "<img src=\"x.png\" alt=\"Logo\"><template><p>hidden</p></template>\n"
               "<h3>Skills</h3><SCRIPT>never closed <p>x</p>") == Strings{
                                                                      "5: # Work Experience",
                                                                      "7: Built APIs and SDKs",
                                                                      "8: onetwo three",
                                                                      "8: four",
                                                                      "10: first",
                                                                      "10: second",
                                                                      "13: Starts on a later line",
                                                                      "15: # Skills",
                                                                  });
}

TEST_CASE("HTML elements are known by name in any case, from the first in order to the last", "[extract]") {
    // The elements are looked up in a table sorted by name: its first and last entries, names either side of them
    // and names that only start like one.
    CHECK(html("<ADDRESS>first</ADDRESS>x<abbr>inline</abbr>y<Wbr>z<xmp>after the last</xmp>\n"
               "<b>a</b><hgroup>grouped</hgroup><header2>not a header</header2><p>end") ==
          Strings{"1: first", "1: xinlineyzafter the last a", "2: grouped", "2: not a header", "2: end"});
    // A void element hidden hides nothing after it; a cell hidden hides its content.
    CHECK(html("<p>one<wbr hidden>two<td hidden>three</td>four</p>") == Strings{"1: onetwofour"});
}

TEST_CASE("HTML character references are decoded: unknown ones stay as they are", "[extract]") {
    CHECK(html("<p>&lt;APIs&gt; &amp; SDKs &quot;fast&quot; &#39;safe&#39; a&nbsp;b</p>\n"
               "<p>&#8211; &#x2014; &#X41; &#0; &#xD800; &#1114112; &ndash;&hellip;</p>\n"
               "<p>&bogus; &amp AT&T 5 < 6 &#; &#xZZ;</p>") ==
          Strings{
              "1: <APIs> & SDKs \"fast\" 'safe' a b",
              "2: \u2013 \u2014 A \ufffd \ufffd \ufffd \u2013\u2026",
              "3: &bogus; &amp AT&T 5 < 6 &#; &#xZZ;",
          });
}

TEST_CASE("HTML tables join their cells with a bar: pre keeps its lines", "[extract]") {
    CHECK(html("<table><tr><th>Go</th><td></td><td>5 years</td></tr>\n"
               "<tr><td>SQL</td><td>3 years</td></tr></table>\n"
               "<pre>line one\n"
               "  line   two</pre>\n"
               "<head><meta charset=\"utf-8\"><p>A head that never ends is ignored</p>") ==
          Strings{
              "1: Go | 5 years",
              "2: SQL | 3 years",
              "3: line one",
              "4: line two",
              "5: A head that never ends is ignored",
          });
}

TEST_CASE("HTML has one head: a second <head> is read as body text", "[extract]") {
    CHECK(html("<head><title>CV</title></head><body><p>Python</p>\n"
               "<head><p>Go</p></head></body>") == Strings{"1: Python", "2: Go"});
}

// --- LaTeX -------------------------------------------------------------------

TEST_CASE("LaTeX drops the preamble and comments: sections are headings, items lines", "[extract]") {
    CHECK(latex("\\documentclass{article}\n"
                "% \\begin{document} in a comment does not count\n"
                "\\newcommand{\\entry}[2]{#1 #2}\n"
                "\\begin{document}\n"
                "\\section*{Work Experience} % the jobs\n"
                "\\subsection{Acme \\& Co.}\n"
                "\\begin{itemize}[leftmargin=*]\n"
                "  \\item First item\n"
                "  \\item[--] Dashed item\n"
                "  \\item[Languages:] Go, Python\n"
                "\\end{itemize}\n"
                "\\end{document}\n"
                "Ignored after the end\n") == Strings{
                                                  "5: # Work Experience",
                                                  "6: # Acme & Co.",
                                                  "8: First item",
                                                  "9: Dashed item",
                                                  "10: Languages: Go, Python",
                                              });
}

TEST_CASE("LaTeX blocks commented out with iffalse are not read: an else branch is", "[extract]") {
    CHECK(latex("Before \\iffalse Node.js hidden \\fi after\n"
                "\\iffalse\n"
                "\\item REST API in Express % a \\fi in a comment ends nothing\n"
                "\\ifnum\\value{page}>1 nested \\fi still hidden\n"
                "\\fi\n"
                "Kept \\iffalse draft \\else shown \\fi line\n"
                "\\ifdefined\\x read \\else not read \\fi end\n"
                "Saved 30\\% of costs % but not this\n") == Strings{
                                                                "1: Before after",
                                                                "6: Kept shown line",
                                                                "7: read end",
                                                                "8: Saved 30% of costs",
                                                            });
}

TEST_CASE("LaTeX newif switches that are off hide their branch: on, or set in the body, they show it", "[extract]") {
    CHECK(latex("\\documentclass{article}\n"
                "\\newif\\ifprojects % off until set\n"
                "\\newif\\ifphone \\phonetrue\n"
                "\\newif\\ifdraft\n"
                "% \\drafttrue in a comment sets nothing\n"
                "\\begin{document}\n"
                "\\ifphone +1 555 0100\\fi\n"
                "\\ifprojects Node.js REST API side project\\fi\n"
                "\\ifdraft draft notes \\else final text\\fi\n"
                "\\projectstrue\n"
                "\\ifprojects Python tools\\fi\n"
                "\\ifunknown read as before\\fi\n"
                "\\end{document}\n") == Strings{
                                            "7: +1 555 0100",
                                            "9: final text",
                                            "11: Python tools",
                                            "12: read as before",
                                        });
}

TEST_CASE("LaTeX commands unwrap to their text, custom macros to their arguments", "[extract]") {
    CHECK(latex("\\textbf{Bold} \\emph{it} \\href{https://x.io}{Link text} \\url{https://a.io/b_c%20d}\n"
                "\\resumeSubheading\n"
                "  {Acme}{2019 -- 2022}\n"
                "  {API Engineer}{}\n"
                "\\resumeItem{Spans\n"
                "two lines}\n"
                "\\vspace{-2pt}\\hfill right \\textcolor{blue}{colour}\n"
                "\\begin{tabular}{l r}\n"
                "  Go & 5 years \\\\[2pt]\n"
                "  SQL & 3 years \\\\\n"
                "\\end{tabular}\n"
                "\\begin{comment}\n"
                "hidden text\n"
                "\\end{comment}\n"
                "$\\bullet$ Python $|$ \\LaTeX{} \\verb|a_b%c|\n") == Strings{
                                                                          "1: Bold it Link text https://a.io/b_c%20d",
                                                                          "3: Acme | 2019 \u2013 2022 | API Engineer",
                                                                          "5: Spans two lines",
                                                                          "7: right colour",
                                                                          "9: Go | 5 years",
                                                                          "10: SQL | 3 years",
                                                                          "15: \u2022 Python | LaTeX a_b%c",
                                                                      });
}

TEST_CASE("a LaTeX template's own environment reads its arguments as cells", "[extract]") {
    // "\begin{job}{Title}{Dates}" is "Title | Dates", not "TitleDates": the dates stay a date.
    CHECK(latex("\\begin{joblong}{Lead Analyst, Acme}{Jan 2020 -- Present}\n"
                "Built the reports.\n"
                "\\end{joblong}\n") ==
          Strings{"1: Lead Analyst, Acme | Jan 2020 \u2013 Present", "2: Built the reports."});
}

TEST_CASE("LaTeX's tables of commands and symbols are searched by name: every entry is found, nothing else is",
          "[extract]") {
    using namespace apigap::ingest_detail;
    for (const Command& command : k_commands) {
        CHECK(find_by_name(k_commands_by_name, command.name) == &command);
    }
    for (const Symbol& symbol : k_symbols) {
        CHECK(find_by_name(k_symbols_by_name, symbol.name) == &symbol);
    }
    for (const std::string_view unknown : {"", "A", "ab", "textb", "textbfx", "zzz", "resumeItem"}) {
        CHECK(find_by_name(k_commands_by_name, unknown) == nullptr);
        CHECK(find_by_name(k_symbols_by_name, unknown) == nullptr);
    }
}

TEST_CASE("LaTeX escapes, ties, line breaks, dashes, quotes and accents become plain characters", "[extract]") {
    CHECK(latex("Cut costs by 30\\% for \\$2M \\#1 on\\_call~team \\{x\\}\\\\next line\n"
                "Jos\\'e M\\\"{u}ller, Fran\\c{c}ois \\v{S}imon, na\\\"\\i ve, Stra\\ss e\n"
                "``Quoted'' -- range --- dash, it's\n") == Strings{
                                                               "1: Cut costs by 30% for $2M #1 on_call team {x}",
                                                               "1: next line",
                                                               "2: Jos\u00e9 M\u00fcller, Fran\u00e7ois \u0160imon, "
                                                               "na\u00efve, Stra\u00dfe",
                                                               "3: \u201cQuoted\u201d \u2013 range \u2014 dash, it's",
                                                           });
}

TEST_CASE("LaTeX dash runs longer than three read as an em dash and what is left", "[extract]") {
    CHECK(latex("a ----- b\n") == Strings{"1: a \u2014\u2013 b"});
}

TEST_CASE("a LaTeX def whose body is not next to its name hides nothing after it", "[extract]") {
    CHECK(latex("\\def\\x#1{hidden #1}Python\n") == Strings{"1: Python"});
    CHECK(latex("\\def\\y " + std::string(80, '#') + " {Go}\n") == Strings{"1: " + std::string(80, '#') + " Go"});
}

TEST_CASE("LaTeX that is cut off or unbalanced still reads", "[extract]") {
    CHECK(latex("\\textbf{unclosed") == Strings{"1: unclosed"});
    CHECK(latex("}} ]] \\item[ label") == Strings{"1: ]]", "1: label"});
    CHECK(latex("text \\") == Strings{"1: text"});
    CHECK(error_of([] { (void)latex("\\href{x"); }) == "r.tex: no text found: an ATS would see an empty resume");
}

// --- RenderCV ----------------------------------------------------------------

TEST_CASE(
    "RenderCV: each string a line where it stands in the YAML, each section title a heading: dates as one "
    "line, and links, identifiers and the design never read",
    "[extract]") {
    const std::string yaml = R"(cv:
  name: Jane Doe
  sections:
    experience:
      - company: Acme
        position: Senior Engineer
        start_date: 2021-03
        end_date: present
        url: https://acme.example
        highlights:
          - Built **REST** APIs in [Go](https://go.dev)
          - Ran `Kafka`
      - company: Beta
        date: 2019
    skills:
      - label: Languages
        details: Python, Go
      - details: SQL
    misc:
      - A text entry.
      - bullet: A bullet entry.
      - number: A numbered entry.
    publications:
      - title: Rate limits at scale
        authors:
          - Jane Doe
          - Sam Roe
        doi: 10.1000/xyz
design:
  theme: classic
)";
    CHECK(rendercv(yaml) == Strings{"2: Jane Doe", "4: # Experience", "5: Senior Engineer, Acme",
                                    "7: 2021-03 \u2013 present", "11: Built REST APIs in Go", "12: Ran Kafka",
                                    "13: Beta", "14: 2019", "15: # Skills", "16: Languages: Python, Go", "18: SQL",
                                    "19: # Misc", "20: A text entry.", "21: A bullet entry.", "22: A numbered entry.",
                                    "23: # Publications", "24: Rate limits at scale", "26: Jane Doe, Sam Roe"});
    const ResumeDocument document = apigap::ingest_detail::extract_rendercv(yaml, "cv.yaml");
    CHECK(document.format == InputFormat::rendercv);
    std::vector<bool> bullets;
    for (const apigap::ResumeLine& line : document.lines) {
        bullets.push_back(line.bullet);
    }
    // Highlights and bullet entries are list items; nothing else is.
    CHECK(bullets == std::vector<bool>{false, false, false, false, true, true, false, false, false, false, false, false,
                                       false, true, false, false, false, false});

    // An entry's title is one line, as the PDF prints it, at the first of its fields.
    CHECK(rendercv(R"(cv:
  sections:
    education:
      - institution: TU Munich
        location: Munich
        area: Computer Science
        degree: BSc
        end_date: 2017-05
        summary: Thesis on rate limiting.
)") == Strings{"3: # Education", "4: BSc Computer Science, TU Munich \u2014 Munich", "8: 2017-05",
               "9: Thesis on rate limiting."});
}

TEST_CASE("RenderCV: the person's details come first, a block scalar keeps its lines where they stand", "[extract]") {
    CHECK(rendercv(R"(cv:
  name: Jane Doe
  headline: Backend engineer
  location: Berlin
  email: jane@example.com
  phone: +49 30 1234
  website: https://jane.dev
  photo: jane.jpg
  social_networks:
    - network: GitHub
      username: jdoe
  sections:
    summary:
      - |
        Builds APIs in Go.
        Mentors two engineers.
      - >-
        Folded onto
        one line.
)") == Strings{"2: Jane Doe", "3: Backend engineer", "4: Berlin", "5: jane@example.com", "6: +49 30 1234",
               "10: GitHub | jdoe", "13: # Summary", "15: Builds APIs in Go.", "16: Mentors two engineers.",
               "17: Folded onto one line."});
}

TEST_CASE("RenderCV: a file without a cv mapping, or without text, is refused naming the file", "[extract]") {
    CHECK(error_of([] { (void)rendercv("design:\n  theme: classic\n"); }) ==
          "cv.yaml: not a RenderCV file: no 'cv:' mapping at the top level");
    CHECK(error_of([] { (void)rendercv("cv: Jane\n"); }) ==
          "cv.yaml: not a RenderCV file: no 'cv:' mapping at the top level");
    CHECK(error_of([] { (void)rendercv("cv:\n  photo: me.jpg\n"); }) ==
          "cv.yaml: no text found: an ATS would see an empty resume");
    CHECK(error_of([] { (void)rendercv("cv:\n  name: [unclosed\n"); }).rfind("cv.yaml:", 0) == 0);
    CHECK(error_of([] { (void)rendercv("cv:\n  name: A\n  name: B\n"); }).find("duplicate") != std::string::npos);
}

// --- detect_format -----------------------------------------------------------

TEST_CASE("the format is detected from the content first, whatever the extension", "[extract]") {
    using apigap::detect_format;
    CHECK(detect_format("%PDF-1.7\n", "resume.txt") == InputFormat::pdf);
    CHECK(detect_format(std::string("PK\x03\x04", 4) + "rest", "resume.txt") == InputFormat::docx);
    CHECK(detect_format("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "resume.pdf") == InputFormat::docx);
    CHECK(detect_format("  {\"$schema\": \"x\", \"basics\": {}}", "resume.txt") == InputFormat::json_resume);
    CHECK(detect_format("\xEF\xBB\xBF{\"work\": []}", "-") == InputFormat::json_resume);
    CHECK(detect_format("{\"skills\": [", "-") == InputFormat::json_resume);  // its error is the extractor's
    CHECK(detect_format("<!DOCTYPE html><p>Jane</p>", "resume.md") == InputFormat::html);
    CHECK(detect_format("<html>\n<body>Jane</body>", "resume.txt") == InputFormat::html);
    CHECK(detect_format("<div>\n  <p>Jane</p>\n  <ul>\n<li>Go</li>", "-") == InputFormat::html);
    CHECK(detect_format("# Jane\n<div>\n<p>Jane</p>\n<ul>\n", "-") == InputFormat::markdown);
    CHECK(detect_format("\\documentclass{article}", "resume.md") == InputFormat::latex);
    CHECK(detect_format("\\begin{document}\nJane\n\\end{document}", "-") == InputFormat::latex);
    CHECK(detect_format("Jane\n\\section*{Skills}\n", "-") == InputFormat::latex);
    CHECK(detect_format("Jane\n## Skills\nGo\n", "resume.txt") == InputFormat::markdown);
    CHECK(detect_format("- Go\n- SQL\n- Kafka\nSee [my site](https://x.io)", "-") == InputFormat::markdown);
    CHECK(detect_format("- Go\n- SQL\n- Kafka\n", "-") == InputFormat::text);
    // The counts stop at their minimums: one short stays text; past them, a heading further on still counts.
    CHECK(detect_format("<div>\n<p>Jane</p>\n", "-") == InputFormat::text);
    CHECK(detect_format("- Go\n- SQL\nSee [my site](https://x.io)", "-") == InputFormat::text);
    CHECK(detect_format("<div>\n<p>\n<ul>\n<li>\n<div>\n# Jane\n", "-") == InputFormat::markdown);
    CHECK(detect_format("- a\n- b\n- c\n- d\n- e\n[x](y)", "-") == InputFormat::markdown);
    CHECK(detect_format("#1 in sales", "-") == InputFormat::text);
    CHECK(detect_format("cv:\n  name: Jane\n", "resume.txt") == InputFormat::rendercv);
    CHECK(detect_format("# RenderCV\ncv:  # me\n  sections:\n    skills: []\n", "-") == InputFormat::rendercv);
    CHECK(detect_format("cv:\nname: Jane\n", "-") == InputFormat::text);    // nothing indented under it
    CHECK(detect_format("CV:\n  name: Jane\n", "-") == InputFormat::text);  // RenderCV's key is lowercase
    CHECK(detect_format("Links\ncv: jane.dev/cv\n  name: x\n", "-") == InputFormat::text);  // a value after it
}

TEST_CASE("without a content signal the extension decides, then plain text", "[extract]") {
    using apigap::detect_format;
    CHECK(detect_format("Jane", "dir.v2/resume.MD") == InputFormat::markdown);
    CHECK(detect_format("Jane", "resume.markdown") == InputFormat::markdown);
    CHECK(detect_format("Jane", "resume.json") == InputFormat::json_resume);
    CHECK(detect_format("Jane", "resume.yaml") == InputFormat::rendercv);
    CHECK(detect_format("Jane", "cv.YML") == InputFormat::rendercv);
    CHECK(detect_format("{\"name\": \"Jane\"}", "resume.json") == InputFormat::json_resume);
    CHECK(detect_format("{\"name\": \"Jane\"}", "resume.txt") == InputFormat::text);
    CHECK(detect_format("Jane", "resume.html") == InputFormat::html);
    CHECK(detect_format("Jane", "resume.htm") == InputFormat::html);
    CHECK(detect_format("Jane", "resume.tex") == InputFormat::latex);
    CHECK(detect_format("Jane", "resume.pdf") == InputFormat::pdf);
    CHECK(detect_format("Jane", "resume.docx") == InputFormat::docx);
    CHECK(detect_format("Jane", "resume.TXT") == InputFormat::text);
    CHECK(detect_format("Jane", "resume.rtf") == InputFormat::text);
    CHECK(detect_format("Jane", "dir.md/resume") == InputFormat::text);
    CHECK(detect_format("Jane", ".md") == InputFormat::text);
    CHECK(detect_format("Jane", "-") == InputFormat::text);
}

TEST_CASE("format names read and print as the command line spells them", "[extract]") {
    for (const InputFormat format :
         {InputFormat::text, InputFormat::markdown, InputFormat::json_resume, InputFormat::rendercv, InputFormat::html,
          InputFormat::latex, InputFormat::pdf, InputFormat::docx}) {
        CHECK(apigap::parse_input_format(apigap::to_string(format)) == format);
    }
    CHECK(apigap::to_string(InputFormat::json_resume) == "json-resume");
    CHECK(apigap::parse_input_format("json") == std::nullopt);
    CHECK(apigap::parse_input_format("Markdown") == std::nullopt);
}

// --- parse_resume and load_resume --------------------------------------------

TEST_CASE("a resume parses from its bytes, named and detected by the source given", "[extract]") {
    const ResumeDocument document =
        apigap::parse_resume("Jane Doe\n\nSkills\nGo, SQL\n", "cv.md", std::nullopt, rules());
    CHECK(document.source == "cv.md");
    CHECK(document.format == InputFormat::markdown);
    CHECK(lines_of(document) == Strings{"1: Jane Doe", "3: # [skills] Skills", "4: [skills] Go, SQL"});
    CHECK(apigap::parse_resume("Jane Doe\n", "cv.md", InputFormat::text, rules()).format == InputFormat::text);
    CHECK(error_of([] { (void)apigap::parse_resume(" \n", "cv.md", std::nullopt, rules()); }) ==
          "cv.md: empty file: an ATS would see an empty resume");
}

TEST_CASE("the plain-text fixture loads with its sections", "[extract]") {
    const ResumeDocument document = load(fixture("resume.txt"));
    CHECK(document.source == fixture("resume.txt"));
    CHECK(document.format == InputFormat::text);
    CHECK(document.warnings.empty());
    CHECK(lines_of(document) ==
          Strings{
              "1: PRIYA RAMAN",
              "2: Senior API Engineer \u00b7 Berlin, Germany",
              "3: priya.raman@example.com | +49 30 1234 5678 | github.com/priyaraman",
              "5: # [summary] SUMMARY",
              "6: [summary] API engineer with 7 years of experience designing REST and gRPC services in Go",
              "7: [summary] and Python, from the OpenAPI contract to on-call.",
              "9: # [experience] EXPERIENCE",
              "11: [experience] Senior API Engineer, Lumen Payments \u2014 Berlin",
              "12: [experience] March 2021 \u2013 Present",
              "13: [experience] Designed the public REST API for card issuing (OpenAPI 3.1), used by 140 partner banks",
              "14: [experience] Cut p99 latency of the payments gateway from 850 ms to 120 ms with Redis caching",
              "15: [experience] Led the migration of 12 internal services from REST to gRPC with Protocol Buffers",
              "17: [experience] Backend Engineer, Kiosk Labs \u2014 Hamburg",
              "18: [experience] June 2017 \u2013 February 2021",
              "19: [experience] Built GraphQL and REST endpoints in Python (FastAPI) on PostgreSQL",
              "20: [experience] Introduced contract tests with Pact, reducing integration incidents by 40%",
              "22: # [projects] PROJECTS",
              "23: [projects] ratelimit-go: open-source token-bucket rate limiter for Go HTTP services (1.2k GitHub "
              "stars)",
              "24: [projects] openapi-lint-action: GitHub Action that lints OpenAPI specs on every pull request",
              "26: # [skills] SKILLS",
              "27: [skills] Languages: Go, Python, SQL",
              "28: [skills] APIs: REST, gRPC, GraphQL, OpenAPI, OAuth 2.0",
              "29: [skills] Infrastructure: Kubernetes, Docker, Terraform, AWS, Kafka, PostgreSQL, Redis",
              "31: # [education] EDUCATION",
              "32: [education] B.Sc. Computer Science, Technical University of Munich, 2013 \u2013 2017",
          });
}

TEST_CASE("the same resume reads alike in Markdown, JSON Resume, HTML and LaTeX", "[extract]") {
    SECTION("Markdown") {
        const ResumeDocument document = load(fixture("resume.md"));
        CHECK(document.format == InputFormat::markdown);
        CHECK(line_with(document, "Priya") == "1: # Priya Raman");
        CHECK(line_with(document, "Lumen") == "15: # [experience] Senior API Engineer, Lumen Payments \u2014 Berlin");
        CHECK(line_with(document, "p99") ==
              "19: [experience] Cut p99 latency of the payments gateway from 850 ms to 120 ms with Redis caching");
        CHECK(line_with(document, "Pact") ==
              "26: [experience] Introduced contract tests with Pact, reducing integration incidents by 40%");
        CHECK(line_with(document, "ratelimit") ==
              "30: [projects] ratelimit-go: open-source token-bucket rate limiter for Go HTTP services (1.2k GitHub "
              "stars)");
        CHECK(line_with(document, "Kubernetes") ==
              "39: [skills] Infrastructure | Kubernetes, Docker, Terraform, AWS, Kafka, PostgreSQL, Redis");
        CHECK(line_with(document, "Munich") ==
              "43: [education] B.Sc. Computer Science, Technical University of Munich, 2013 \u2013 2017");
        CHECK(line_with(document, "Last updated") == "(no line with 'Last updated')");
    }
    SECTION("JSON Resume") {
        const ResumeDocument document = load(fixture("resume.json"));
        CHECK(document.format == InputFormat::json_resume);
        CHECK(line_with(document, "Priya") == "4: Priya Raman");
        CHECK(line_with(document, "+49") == "7: [contact] +49 30 1234 5678");
        CHECK(line_with(document, "Lumen") == "23: [experience] Lumen Payments");
        CHECK(line_with(document, "2021-03") == "26: [experience] 2021-03 \u2013 Present");
        CHECK(line_with(document, "p99") ==
              "29: [experience] Cut p99 latency of the payments gateway from 850 ms to 120 ms with Redis caching");
        CHECK(line_with(document, "ratelimit") == "47: [projects] ratelimit-go");
        CHECK(line_with(document, "Kubernetes") ==
              "67: [skills] Infrastructure: Kubernetes, Docker, Terraform, AWS, Kafka, PostgreSQL, Redis");
        CHECK(line_with(document, "Munich") == "73: [education] Technical University of Munich");
        CHECK(line_with(document, "CKAD") == "82: [certifications] Certified Kubernetes Application Developer (CKAD)");
        CHECK(line_with(document, "lumen.example") == "(no line with 'lumen.example')");
    }
    SECTION("HTML") {
        const ResumeDocument document = load(fixture("resume.html"));
        CHECK(document.format == InputFormat::html);
        CHECK(line_with(document, "Resume") == "(no line with 'Resume')");  // the <title>
        CHECK(line_with(document, "Priya") == "13: # Priya Raman");
        CHECK(line_with(document, "+49") == "15: priya.raman@example.com | +49 30 1234 5678 | github.com/priyaraman");
        CHECK(line_with(document, "Summary") == "21: # [summary] Summary");
        CHECK(line_with(document, "Lumen") == "27: # [experience] Senior API Engineer, Lumen Payments \u2014 Berlin");
        CHECK(line_with(document, "on-call") ==
              "22: [summary] API engineer with 7 years of experience designing REST and gRPC services in Go and "
              "Python, from the OpenAPI contract to on-call.");
        CHECK(line_with(document, "p99") ==
              "31: [experience] Cut p99 latency of the payments gateway from 850 ms to 120 ms with Redis caching");
        CHECK(line_with(document, "Pact") ==
              "38: [experience] Introduced contract tests with Pact, reducing integration incidents by 40%");
        CHECK(line_with(document, "Kubernetes") ==
              "54: [skills] Infrastructure | Kubernetes, Docker, Terraform, AWS, Kafka, PostgreSQL, Redis");
        CHECK(line_with(document, "querySelector") == "(no line with 'querySelector')");
    }
    SECTION("LaTeX") {
        const ResumeDocument document = load(fixture("resume.tex"));
        CHECK(document.format == InputFormat::latex);
        CHECK(line_with(document, "Priya") == "28: Priya Raman");
        CHECK(line_with(document, "Lumen") ==
              "40: [experience] Lumen Payments | March 2021 \u2013 Present | Senior API Engineer | Berlin");
        CHECK(line_with(document, "p99") ==
              "44: [experience] Cut p99 latency of the payments gateway from 850 ms to 120 ms with Redis caching");
        CHECK(line_with(document, "Pact") ==
              "53: [experience] Introduced contract tests with Pact, reducing integration incidents by 40%");
        CHECK(line_with(document, "openapi-lint") ==
              "59: [projects] openapi-lint-action: GitHub Action that lints OpenAPI specs on every pull request");
        CHECK(line_with(document, "Kubernetes") ==
              "66: [skills] Infrastructure: Kubernetes, Docker, Terraform, AWS, Kafka, PostgreSQL, Redis");
        CHECK(line_with(document, "Munich") ==
              "71: [education] Technical University of Munich | 2013 \u2013 2017 | B.Sc. Computer Science | Munich, "
              "Germany");
        CHECK(line_with(document, "titlesec") == "(no line with 'titlesec')");
    }
}

TEST_CASE("a forced format overrides detection", "[extract]") {
    const ResumeDocument document = load(fixture("resume.md"), InputFormat::text);
    CHECK(document.format == InputFormat::text);
    CHECK(lines_of(document).front() == "1: # Priya Raman");
}

TEST_CASE("empty and whitespace-only files are refused", "[extract]") {
    const TempDir dir;
    const std::string empty = dir.file("empty.txt", "");
    CHECK(load_error(empty) == empty + ": empty file: an ATS would see an empty resume");
    const std::string blank = dir.file("blank.md", "\xEF\xBB\xBF \r\n\t\n\n");
    CHECK(load_error(blank) == blank + ": empty file: an ATS would see an empty resume");
    const std::string empty_pdf = dir.file("empty.pdf", "");
    CHECK(load_error(empty_pdf) == empty_pdf + ": empty file: an ATS would see an empty resume");
}

TEST_CASE("binary files are refused unless they are PDF or DOCX", "[extract]") {
    const TempDir dir;
    // Forcing a text format never reads a binary file: no hint to force one (extract_binary_test: when one does).
    const std::string message = ": binary file, not a resume";
    CHECK(load_error(fixture("junk.bin")) == fixture("junk.bin") + message);
    const std::string nul = dir.file("nul.txt", std::string("Jane Doe\n\0Backend\n", 18));
    CHECK(load_error(nul) == nul + message);
    // A format was forced already: no hint to force one.
    CHECK(load_error(nul, InputFormat::markdown) == nul + ": binary file: cannot be read as markdown");
    CHECK(load_error(nul, InputFormat::text) == nul + ": binary file: cannot be read as text");
    const std::string controls = dir.file("controls.txt", "\x01\x02Jane\x03\x04\x05 Doe\x1b\x1b");
    CHECK(load_error(controls) == controls + message);
    // One control character in ten is not too many: a stray escape in a resume is no reason to refuse it.
    const std::string one = dir.file("one.txt", "Jane Doe\x1b\n");
    CHECK(lines_of(load(one)) == Strings{"1: Jane Doe"});
}

TEST_CASE("a DEL byte is text, not a sign of a binary file", "[extract]") {
    const TempDir dir;
    // JSONTestSuite's y_string_unescaped_char_delete.json: valid JSON, one byte in five a DEL.
    const std::string json = dir.file("del.json", "[\"\x7F\"]");
    CHECK(load_error(json) == json +
                                  ": neither a JSON Resume (basics, work or skills) nor a job posting (a title, with "
                                  "qualifications, responsibilities or skills)");
    // Three DELs in seven bytes: binary were DEL a control character. Lines drop control characters, DEL too.
    const std::string text = dir.file("del.txt", "Jane\x7F\x7F\x7F");
    CHECK(lines_of(load(text)) == Strings{"1: Jane"});
}

TEST_CASE("a job posting's errors speak of the posting, not of a resume", "[extract]") {
    const TempDir dir;
    const auto posting_error = [](const std::string& path) {
        return load_error(path, std::nullopt, apigap::k_default_max_bytes, apigap::DocumentRole::job_posting);
    };
    const std::string empty = dir.file("empty.md", " \n");
    CHECK(posting_error(empty) == empty + ": empty file: there is no job posting to match against");
    const std::string binary = dir.file("job.bin", std::string("Role\0", 5));
    CHECK(posting_error(binary) == binary + ": binary file, not a job posting");
    const std::string hidden = dir.file("job.html", "<html><script>x()</script></html>");
    CHECK(posting_error(hidden) == hidden + ": no text found: there is no job posting to match against");
}

TEST_CASE("invalid UTF-8 is replaced with U+FFFD, with a warning at its first line", "[extract]") {
    const TempDir dir;
    const std::string path = dir.file("latin1.txt",
                                      "Jane\n"
                                      "Backend \xff\xfe engineer\n"
                                      "Caf\xe9 owner\n"
                                      "\xe2\x82 cut \xed\xa0\x80 off \xf0\x9f\x98");
    const ResumeDocument document = load(path);
    CHECK(lines_of(document) == Strings{
                                    "1: Jane",
                                    "2: Backend \ufffd\ufffd engineer",
                                    "3: Caf\ufffd owner",
                                    "4: \ufffd cut \ufffd\ufffd\ufffd off \ufffd",
                                });
    CHECK(warnings_of(document) == Strings{"invalid-utf8 2: invalid UTF-8 replaced with U+FFFD"});
}

TEST_CASE("invalid UTF-8 in HTML is replaced with a warning, and a reference to no character is U+FFFD", "[extract]") {
    const TempDir dir;
    const std::string path = dir.file("latin1.html",
                                      "<html><body><h1>Jane Doe</h1>\n"
                                      "<p>Backend \xff\xfe engineer</p>\n"
                                      "<p>Go &#xD800; &#x110000; &#0;</p></body></html>\n");
    const ResumeDocument document = load(path);
    CHECK(document.format == InputFormat::html);
    CHECK(lines_of(document) ==
          Strings{"1: # Jane Doe", "2: Backend \ufffd\ufffd engineer", "3: Go \ufffd \ufffd \ufffd"});
    CHECK(warnings_of(document) == Strings{"invalid-utf8 2: invalid UTF-8 replaced with U+FFFD"});
}

TEST_CASE("a byte-order mark is stripped and CRLF or CR line breaks are counted once", "[extract]") {
    const TempDir dir;
    const std::string path = dir.file("windows.md", "\xEF\xBB\xBF# Jane Doe\r\n\r\n## Skills\r\nGo\rSQL\r\n");
    const ResumeDocument document = load(path);
    CHECK(document.format == InputFormat::markdown);
    CHECK(document.warnings.empty());
    CHECK(lines_of(document) == Strings{
                                    "1: # Jane Doe",
                                    "3: # [skills] Skills",
                                    "4: [skills] Go",
                                    "5: [skills] SQL",
                                });
}

TEST_CASE("a file over the size limit is refused before it is read", "[extract]") {
    CHECK(load_error(fixture("resume.txt"), std::nullopt, 100) ==
          fixture("resume.txt") + ": larger than the 100 bytes limit");
}

TEST_CASE("a JSON file that is not JSON Resume, or not JSON, is refused with where and why", "[extract]") {
    const TempDir dir;
    const std::string other = dir.file("package.json", "{\n  \"name\": \"apigap\",\n  \"version\": \"1.0.0\"\n}\n");
    CHECK(load_error(other) == other +
                                   ": neither a JSON Resume (basics, work or skills) nor a job posting (a title, with "
                                   "qualifications, responsibilities or skills)");
    const std::string malformed = dir.file("resume.json", "{\n  \"basics\": {\n    \"name\": \"Jane\",\n  }\n}\n");
    CHECK(load_error(malformed) ==
          malformed + ":4:3: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST_CASE("a file whose markup hides every word is refused", "[extract]") {
    const TempDir dir;
    const std::string path = dir.file("script.html", "<html><script>document.write('Jane')</script></html>");
    CHECK(load_error(path) == path + ": no text found: an ATS would see an empty resume");
}
