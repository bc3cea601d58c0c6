// Tests of the knowledge-base reader and loader (src/core/kb_reader.cpp,
// knowledge_base.cpp, kb_writer.cpp) against docs/knowledge-base.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "apigap/knowledge_base.hpp"
#include "core/document.hpp"
#include "core/kb_reader.hpp"
#include "core/layers.hpp"
#include "kb_fixture.hpp"
#include "test_support.hpp"

using apigap::KbLayer;
using apigap::KnowledgeBase;
using apigap::detail::Node;
using apigap::detail::parse_document;
using apigap::detail::Problems;
using apigap::detail::read_knowledge_base;
using apigap::test::k_complete_kb;

namespace {

std::vector<std::string> strings(std::vector<apigap::Diagnostic> diagnostics) {
    std::vector<std::string> texts;
    for (const apigap::Diagnostic& diagnostic : diagnostics) {
        texts.push_back(apigap::to_string(diagnostic));
    }
    return texts;
}

/// Reads `text` as the only layer; the problems go to `problems`.
KnowledgeBase read(std::string_view text, std::vector<std::string>& problems, std::string_view source = "kb.yaml") {
    Problems found;
    KnowledgeBase kb = read_knowledge_base(parse_document(text, source), found);
    problems = strings(found.take());
    return kb;
}

/// The problems of the small knowledge base with `patch` merged over it, as
/// an overlay would be.
std::vector<std::string> problems_with(std::string_view patch) {
    Problems problems;
    Node root = parse_document(k_complete_kb, "kb.yaml");
    apigap::detail::merge_layer(root, parse_document(patch, "patch.yaml"), problems);
    (void)read_knowledge_base(root, problems);
    return strings(problems.take());
}

/// The small knowledge base with the one occurrence of `from` replaced by `to`.
std::string kb_with(std::string_view from, std::string_view to) {
    const auto at = k_complete_kb.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(k_complete_kb.find(from, at + 1) == std::string::npos);
    std::string text = k_complete_kb;
    text.replace(at, from.size(), to);
    return text;
}

std::vector<std::string> problems_of(std::string_view text) {
    std::vector<std::string> problems;
    (void)read(text, problems);
    return problems;
}

using Strings = std::vector<std::string>;

}  // namespace

// --- reading a complete knowledge base -------------------------------------------

TEST_CASE("a complete small knowledge base reads without problems", "[kb]") {
    Strings problems;
    const KnowledgeBase kb = read(k_complete_kb, problems);
    CHECK(problems == Strings{});

    REQUIRE(kb.scale.size() == 5);
    CHECK(kb.scale[3].rating == 3);
    CHECK(kb.scale[3].name == "proficient");
    CHECK(kb.scale[3].meaning == "Works alone.");

    REQUIRE(kb.skills.size() == 3);
    const apigap::Skill& python = kb.skills[0];
    CHECK(python.id == "python");
    CHECK(python.name == "Python");
    CHECK(python.category == apigap::SkillCategory::technical);
    CHECK(python.description == "The Python language.");
    CHECK(python.rubric[0] == "P0.");
    CHECK(python.rubric[4] == "P4.");
    REQUIRE(python.keywords.size() == 2);
    CHECK(python.keywords[0].term == "Python");
    CHECK(python.keywords[0].aliases == Strings{"py", "CPython"});
    CHECK_FALSE(python.keywords[0].case_sensitive);
    CHECK_FALSE(python.keywords[0].shared);
    CHECK(python.keywords[1].case_sensitive);
    CHECK(python.keywords[1].shared);
    CHECK(python.keywords[1].exclude == Strings{"django unchained"});
    REQUIRE(python.resources.size() == 2);
    CHECK(python.resources[1].title == "Fluent Python");
    CHECK(python.resources[1].url == "https://example.org/fluent");
    CHECK(python.resources[1].type == "book");
    CHECK(python.resources[1].ratings == std::vector<int>{3, 4});
    REQUIRE(python.projects.size() == 1);
    CHECK(python.projects[0].step == 0);
    CHECK(python.projects[0].title == "Hello");
    CHECK(python.projects[0].description == "Print hello.");
    CHECK(python.projects[0].hours == 2);
    CHECK(python.interview_topics == Strings{"The GIL"});
    CHECK(python.failure_patterns == Strings{"Mutable default arguments."});
    CHECK(python.sources == Strings{"https://www.python.org"});
    CHECK(kb.skills[2].category == apigap::SkillCategory::soft);

    REQUIRE(kb.groups.size() == 1);
    CHECK(kb.groups[0].members == Strings{"python", "go"});

    REQUIRE(kb.levels.size() == 2);
    const apigap::Level& senior = kb.levels[1];
    CHECK(senior.id == "senior");
    CHECK(senior.focus == "Leads.");
    CHECK(senior.expectations == Strings{"Designs systems."});
    CHECK(senior.interview_stages == Strings{"System design"});
    CHECK(senior.salary.min == 150000);
    CHECK(senior.salary.max == 200000);
    CHECK(senior.salary.open_ended);
    CHECK(senior.salary.currency == "USD");
    CHECK(senior.salary.year == 2024);
    CHECK(senior.salary.source == "https://example.org/pay");
    CHECK(senior.salary.note == "US only");
    CHECK_FALSE(kb.levels[0].salary.open_ended);
    CHECK(kb.pay_reference == apigap::PayReference{"median pay of developers (May 2024)", 133080, "USD", 2024,
                                                   "https://example.org/median"});
    REQUIRE(senior.targets.size() == 3);
    CHECK(senior.targets[1].id == "languages");
    CHECK(senior.targets[1].rank == 2);
    CHECK(senior.targets[1].rating == 2);
    CHECK(senior.targets[1].weight == 1.0);
    CHECK(senior.targets[0].rank == 1);
    CHECK(kb.levels[0].targets[1].weight == 1.5);

    REQUIRE(kb.tools.size() == 1);
    CHECK(kb.tools[0].kind == apigap::ToolKind::tool);
    CHECK(kb.tools[0].aliases == Strings{"Newman", "py"});
    CHECK(kb.tools[0].skills == Strings{"python"});
    CHECK(kb.tools[0].url == "https://www.postman.com");
    CHECK(kb.industries == Strings{"Fintech", "Health"});
    REQUIRE(kb.resume.sections.size() == 1);
    CHECK(kb.resume.sections[0].headings == Strings{"Experience", "Work history"});
    CHECK(kb.resume.action_verbs == Strings{"Built"});
    REQUIRE(kb.resume.weak_phrases.size() == 1);
    CHECK(kb.resume.weak_phrases[0].rewrite == "led");
    CHECK(kb.resume.measurable_patterns == Strings{"\\d+%"});
    CHECK(kb.resume.max_pages == 2);
}

TEST_CASE("find_skill, find_group, find_level and find_tool find by id or return nullptr", "[kb]") {
    Strings problems;
    const KnowledgeBase kb = read(k_complete_kb, problems);
    REQUIRE(kb.find_skill("go") != nullptr);
    CHECK(kb.find_skill("go")->name == "Go");
    CHECK(kb.find_skill("languages") == nullptr);
    REQUIRE(kb.find_group("languages") != nullptr);
    CHECK(kb.find_group("python") == nullptr);
    REQUIRE(kb.find_level("senior") != nullptr);
    CHECK(kb.find_level("staff") == nullptr);
    REQUIRE(kb.find_tool("postman") != nullptr);
    CHECK(kb.find_tool("postman")->name == "Postman");
    CHECK(kb.find_tool("python") == nullptr);
}

TEST_CASE("the same knowledge base reads the same from JSON", "[kb][json]") {
    Strings problems;
    const KnowledgeBase from_yaml = read(k_complete_kb, problems);
    REQUIRE(problems.empty());
    const std::string json = apigap::detail::emit_json(parse_document(k_complete_kb, "kb.yaml"));
    const KnowledgeBase from_json = read(json, problems, "kb.json");
    CHECK(problems == Strings{});
    CHECK(apigap::export_knowledge_base(from_json, apigap::KbExportFormat::yaml) ==
          apigap::export_knowledge_base(from_yaml, apigap::KbExportFormat::yaml));
}

TEST_CASE("all_keywords lists terms and aliases, then tools, each spelling once", "[kb]") {
    Strings problems;
    const KnowledgeBase kb = read(k_complete_kb, problems);
    CHECK(apigap::all_keywords(kb) == Strings{"Python", "py", "CPython", "Django", "Postman", "Newman"});
}

// --- strictness: each rule and its exact message ------------------------------------

TEST_CASE("an unknown key is an error with a did-you-mean", "[kb][error]") {
    CHECK(problems_with("skills:\n  - id: python\n    nmae: Python\n") ==
          Strings{"patch.yaml:3:5: unknown key 'nmae' in a skill (did you mean 'name'?)"});
    CHECK(problems_with("skils: []\n") ==
          Strings{"patch.yaml:1:1: unknown key 'skils' in the knowledge base (did you mean 'skills'?)"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: languages, wieght: 2}\n") ==
          Strings{"patch.yaml:4:25: unknown key 'wieght' in a target (did you mean 'weight'?)"});
    CHECK(problems_with("levels:\n  - id: entry\n    salary: {maximum: 1}\n") ==
          Strings{"patch.yaml:3:14: unknown key 'maximum' in a salary band"});
}

TEST_CASE("a value of the wrong type is an error that says what it got", "[kb][error]") {
    CHECK(problems_with("skills:\n  - id: python\n    name: [a, b]\n") ==
          Strings{"patch.yaml:3:11: expected a string, got a list"});
    CHECK(problems_with("skills:\n  - id: go\n    description: {a: 1}\n") ==
          Strings{"patch.yaml:3:18: expected a string, got a mapping"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - id: languages\n        target: \"3\"\n") ==
          Strings{"patch.yaml:5:17: expected an integer from 1 to 4, got the string \"3\""});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - id: languages\n        weight: '2'\n") ==
          Strings{"patch.yaml:5:17: expected a number greater than 0 and at most 100, got the string \"2\""});
    CHECK(problems_with("skills:\n  - id: python\n    keywords: [{term: X, case_sensitive: yes}]\n") ==
          Strings{"patch.yaml:3:42: expected true or false, got 'yes'"});
    CHECK(problems_with("industries: {a: 1}\n") ==
          Strings{"patch.yaml:1:13: expected a list of strings, got a mapping"});
    CHECK(problems_with("skills:\n  - id: go\n    resources: none\n") ==
          Strings{"patch.yaml:3:16: expected a list for 'resources', got 'none'"});
    CHECK(problems_with("skills: [just-a-name]\n") ==
          Strings{"patch.yaml:1:10: expected a mapping for a skill, got 'just-a-name'"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: languages, target: 2.5}\n") ==
          Strings{"patch.yaml:4:33: expected an integer from 1 to 4, got '2.5'"});
}

TEST_CASE("a missing required field is an error at its mapping", "[kb][error]") {
    CHECK(problems_with("skills:\n  - {id: rust, name: Rust, category: technical, rubric: [a, b, c, d, e]}\n") ==
          Strings{"patch.yaml:2:5: missing 'description' in a skill"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: go, weight: 1}\n") ==
          Strings{"patch.yaml:4:9: missing 'target' in a target"});
}

TEST_CASE("a rating outside its range is an error", "[kb][error]") {
    CHECK(
        problems_with("skills:\n  - id: python\n    resources: [{title: T, url: 'https://x.org', type: docs, ratings: "
                      "[0, 4, 5]}]\n") == Strings{"patch.yaml:3:72: expected an integer from 1 to 4, got 0",
                                                  "patch.yaml:3:78: expected an integer from 1 to 4, got 5"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: languages, target: 5}\n") ==
          Strings{"patch.yaml:4:33: expected an integer from 1 to 4, got 5"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: languages, target: 0}\n") ==
          Strings{"patch.yaml:4:33: expected an integer from 1 to 4, got 0"});
    CHECK(problems_with("skills:\n  - id: python\n    projects: [{step: 4, title: T, description: D, hours: 1}]\n") ==
          Strings{"patch.yaml:3:23: expected an integer from 0 to 3, got 4"});
    CHECK(problems_of(kb_with("{rating: 4, name: expert", "{rating: 7, name: expert")) ==
          Strings{"kb.yaml:6:14: expected an integer from 0 to 4, got 7",
                  "kb.yaml:2:3: the scale has no entry for rating 4"});
}

TEST_CASE("a weight that is not a number above 0 and at most 100 is an error", "[kb][error]") {
    for (const auto& [weight, got] : std::vector<std::pair<std::string, std::string>>{{"0", "0"},
                                                                                      {"-1.5", "-1.5"},
                                                                                      {"heavy", "'heavy'"},
                                                                                      {"[1]", "a list"},
                                                                                      {".inf", "'.inf'"},
                                                                                      {".nan", "'.nan'"},
                                                                                      {"100.01", "100.01"},
                                                                                      {"1e308", "1e308"}}) {
        CAPTURE(weight);
        CHECK(
            problems_with("levels:\n  - id: entry\n    targets:\n      - {id: languages, weight: " + weight + "}\n") ==
            Strings{"patch.yaml:4:33: expected a number greater than 0 and at most 100, got " + got});
    }
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: languages, weight: 100}\n") == Strings{});
}

TEST_CASE("a salary whose minimum is above its maximum is an error", "[kb][error]") {
    CHECK(problems_of(kb_with("{min: 80000, max: 110000,", "{min: 120000, max: 110000,")) ==
          Strings{"kb.yaml:46:13: salary min 120000 is above max 110000"});
    CHECK(problems_of(kb_with("{min: 80000, max: 110000,", "{min: 110000, max: 110000,")) == Strings{});
}

TEST_CASE("a rubric must have exactly five sentences", "[kb][error]") {
    CHECK(problems_with("skills:\n  - id: python\n    rubric: [a, b, c, d]\n") ==
          Strings{"patch.yaml:3:13: expected 5 rubric sentences (ratings 0 to 4), got 4"});
    CHECK(problems_with("skills:\n  - id: python\n    rubric: [a, b, c, d, e, f]\n") ==
          Strings{"patch.yaml:3:13: expected 5 rubric sentences (ratings 0 to 4), got 6"});
}

TEST_CASE("a URL that is not https is an error", "[kb][error]") {
    CHECK(problems_with("skills:\n  - id: python\n    resources: [{title: T, url: 'http://x.org', type: docs, ratings: "
                        "[1]}]\n") == Strings{"patch.yaml:3:33: expected an https:// URL, got 'http://x.org'"});
    CHECK(problems_with("skills:\n  - id: python\n    sources: ['https://ok.org', 'ftp://x.org']\n") ==
          Strings{"patch.yaml:3:33: expected an https:// URL, got 'ftp://x.org'"});
    CHECK(problems_with("tools:\n  - id: postman\n    url: www.postman.com\n") ==
          Strings{"patch.yaml:3:10: expected an https:// URL, got 'www.postman.com'"});
    CHECK(problems_with("levels:\n  - id: senior\n    salary: {source: 'HTTPS://example.org'}\n") ==
          Strings{"patch.yaml:3:22: expected an https:// URL, got 'HTTPS://example.org'"});
    CHECK(problems_with("pay_reference: {source: 'bls.gov/ooh'}\n") ==
          Strings{"patch.yaml:1:25: expected an https:// URL, got 'bls.gov/ooh'"});
}

TEST_CASE("a salary band may leave out its source, when its note says what the figures are", "[kb]") {
    CHECK(problems_with("levels:\n  - id: senior\n    salary: {source: ''}\n").empty());
    CHECK(problems_with("levels:\n  - id: senior\n    salary: {source: null}\n").empty());
}

TEST_CASE("a pay reference needs every field, a positive amount and no other key", "[kb][error]") {
    CHECK(problems_of(kb_with("  source: \"https://example.org/median\"\n", "")) ==
          Strings{"kb.yaml:68:3: missing 'source' in a pay reference"});
    CHECK(problems_with("pay_reference: {amount: 0}\n") ==
          Strings{"patch.yaml:1:25: expected an integer from 1 to 100000000, got 0"});
    CHECK(problems_with("pay_reference: {median: 1}\n") ==
          Strings{"patch.yaml:1:17: unknown key 'median' in a pay reference"});
}

TEST_CASE("a reference to an unknown skill is an error", "[kb][error]") {
    CHECK(problems_with("groups:\n  - id: languages\n    members: [python, go, rust]\n") ==
          Strings{"patch.yaml:3:27: unknown skill 'rust'"});
    CHECK(problems_with("tools:\n  - {id: newman, name: Newman, kind: tool, skills: [pyhton]}\n") ==
          Strings{"patch.yaml:2:53: unknown skill 'pyhton' (did you mean 'python'?)"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: rust, target: 1, weight: 1}\n") ==
          Strings{"patch.yaml:4:14: unknown skill or group 'rust'"});
    CHECK(problems_with("groups:\n  - id: languages\n    members: [python, go, pythn]\n") ==
          Strings{"patch.yaml:3:27: unknown skill 'pythn' (did you mean 'python'?)"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: langauges, target: 1, weight: 1}\n") ==
          Strings{"patch.yaml:4:14: unknown skill or group 'langauges' (did you mean 'languages'?)"});
}

TEST_CASE("rank applies to groups only and must name a member", "[kb][error]") {
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: go, rank: 2, target: 1, weight: 1}\n") ==
          Strings{"patch.yaml:4:24: rank applies to groups only; 'go' is a skill"});
    CHECK(problems_with(
              "levels:\n  - id: entry\n    targets:\n      - {id: languages, rank: 3, target: 1, weight: 1}\n") ==
          Strings{"patch.yaml:4:31: rank 3 is past the 2 members of group 'languages'"});
    CHECK(problems_with(
              "levels:\n  - id: entry\n    targets:\n      - {id: languages, rank: 0, target: 1, weight: 1}\n") ==
          Strings{"patch.yaml:4:31: expected an integer from 1 to 16, got 0"});
}

TEST_CASE("two items with the same id in one layer are an error", "[kb][error]") {
    CHECK(problems_with("skills:\n  - {id: go, name: Golang}\n  - {id: go, name: Go}\n") ==
          Strings{"patch.yaml:3:10: duplicate id 'go' (first defined at 2:10)"});
    CHECK(problems_with("levels:\n  - id: entry\n    targets:\n      - {id: go, target: 1, weight: 1}\n"
                        "      - {id: go, target: 2, weight: 1}\n") ==
          Strings{"patch.yaml:5:14: duplicate id 'go' (first defined at 4:14)"});
}

TEST_CASE("an id must be lowercase letters, digits and dashes, starting with a letter", "[kb][error]") {
    const std::string rest = ", name: X, category: technical, description: D, rubric: [a, b, c, d, e]}\n";
    CHECK(problems_with("skills:\n  - {id: Py_thon" + rest) ==
          Strings{
              "patch.yaml:2:10: invalid id 'Py_thon': use lowercase letters, digits and '-', starting with a letter"});
    CHECK(
        problems_with("skills:\n  - {id: 9lives" + rest) ==
        Strings{"patch.yaml:2:10: invalid id '9lives': use lowercase letters, digits and '-', starting with a letter"});
    CHECK(problems_with("skills:\n  - {id: ''" + rest) ==
          Strings{"patch.yaml:2:10: invalid id '': use lowercase letters, digits and '-', starting with a letter"});
    CHECK(problems_with("skills:\n  - {id: rest-api2" + rest) == Strings{});
    CHECK(
        problems_with("groups:\n  - {id: Langs, name: L, members: [go]}\n") ==
        Strings{"patch.yaml:2:10: invalid id 'Langs': use lowercase letters, digits and '-', starting with a letter"});
}

TEST_CASE("a group id may not reuse a skill id", "[kb][error]") {
    CHECK(problems_with("groups:\n  - {id: go, name: Go, members: [go]}\n") ==
          Strings{"patch.yaml:2:5: group id 'go' is already a skill id"});
}

TEST_CASE("categories, resource types and tool kinds must be known words", "[kb][error]") {
    CHECK(problems_with("skills:\n  - id: go\n    category: hard\n") ==
          Strings{"patch.yaml:3:15: unknown category 'hard'; expected technical, soft or situational"});
    CHECK(problems_with(
              "skills:\n  - id: go\n    resources: [{title: T, url: 'https://x.org', type: blog, ratings: [1]}]\n") ==
          Strings{"patch.yaml:3:56: unknown resource type 'blog'; expected spec, docs, book, course, tutorial, "
                  "article, video or practice"});
    CHECK(problems_with("tools:\n  - id: postman\n    kind: gadget\n") ==
          Strings{"patch.yaml:3:11: unknown kind 'gadget'; expected tool, technology or certification"});
}

TEST_CASE("a level needs targets", "[kb][error]") {
    CHECK(problems_of(kb_with("      - {id: languages, target: 2, weight: 3}\n      - {id: communication, target: 1, "
                              "weight: 1.5}\n",
                              "      []\n")) == Strings{"kb.yaml:43:5: level 'entry' has no targets"});
}

TEST_CASE("the scale has exactly one entry per rating", "[kb][error]") {
    // docs/knowledge-base.md: "exactly five items in the merged KB".
    const Strings problems = problems_of(kb_with("  - {rating: 4, name: expert, meaning: Teaches others.}\n",
                                                 "  - {rating: 4, name: expert, meaning: Teaches others.}\n"
                                                 "  - {rating: 2, name: again, meaning: Twice.}\n"));
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("kb.yaml:"));
}

TEST_CASE("a knowledge base that is not a mapping is one error", "[kb][error]") {
    CHECK(problems_of("- a\n- b\n") == Strings{"kb.yaml:1:1: expected a mapping for the knowledge base, got a list"});
}

TEST_CASE("the reader reports every problem, not only the first", "[kb][error]") {
    CHECK(problems_with("skills:\n  - id: python\n    nmae: P\n    rubric: [a]\n"
                        "levels:\n  - id: entry\n    targets:\n      - {id: nosuch, target: 9, weight: 0}\n") ==
          Strings{"patch.yaml:3:5: unknown key 'nmae' in a skill (did you mean 'name'?)",
                  "patch.yaml:4:13: expected 5 rubric sentences (ratings 0 to 4), got 1",
                  "patch.yaml:8:30: expected an integer from 1 to 4, got 9",
                  "patch.yaml:8:41: expected a number greater than 0 and at most 100, got 0",
                  "patch.yaml:8:14: unknown skill or group 'nosuch'"});
}

// --- the public loader: built-in layers and overlays -------------------------------------

TEST_CASE("the shipped knowledge base loads", "[kb][shipped]") {
    CHECK(strings(apigap::validate_knowledge_base({})) == Strings{});
    const KnowledgeBase kb = apigap::load_knowledge_base();
    CHECK(kb.skills.size() == 14);
    CHECK(kb.scale.size() == 5);
    REQUIRE(kb.levels.size() == 3);
    CHECK(kb.levels[0].id == "entry");
    CHECK(kb.levels[1].id == "mid");
    CHECK(kb.levels[2].id == "senior");
    CHECK(kb.levels[0].salary.min == 80000);
    CHECK(kb.levels[1].salary.min == 110000);
    CHECK(kb.levels[2].salary.min == 150000);
    const apigap::Group* languages = kb.find_group("languages");
    REQUIRE(languages != nullptr);
    CHECK_FALSE(languages->members.empty());
    for (const std::string& member : languages->members) {
        CHECK(kb.find_skill(member) != nullptr);
    }
}

TEST_CASE("the built-in layers are core.yaml first, then the skill files by name", "[kb][shipped]") {
    const auto layers = apigap::builtin_kb_layers();
    REQUIRE_FALSE(layers.empty());
    CHECK(layers[0].source_name == "builtin:data/core.yaml");
    for (std::size_t i = 1; i < layers.size(); ++i) {
        CHECK(layers[i].source_name.rfind("builtin:data/skills/", 0) == 0);
        if (i > 1) {
            CHECK(layers[i - 1].source_name < layers[i].source_name);
        }
    }
}

TEST_CASE("validate_knowledge_base returns every problem of an overlay, in reading order", "[kb][error]") {
    const KbLayer overlay{"overlay.yaml", "levels: [{id: mid, targets: [{id: nosuch, target: 9, weight: 0}]}]\n"};
    CHECK(strings(apigap::validate_knowledge_base({&overlay, 1})) ==
          Strings{"overlay.yaml:1:35: unknown skill or group 'nosuch'",
                  "overlay.yaml:1:51: expected an integer from 1 to 4, got 9",
                  "overlay.yaml:1:62: expected a number greater than 0 and at most 100, got 0"});
}

TEST_CASE("load_knowledge_base throws the first problem with its file, line and column", "[kb][error]") {
    const KbLayer overlay{"overlay.yaml", "levels: [{id: mid, targets: [{id: nosuch, target: 9, weight: 0}]}]\n"};
    try {
        (void)apigap::load_knowledge_base({&overlay, 1});
        FAIL("no error for an invalid overlay");
    } catch (const apigap::Error& error) {
        CHECK(std::string(error.what()) == "overlay.yaml:1:35: unknown skill or group 'nosuch'");
        CHECK(error.code() == apigap::ExitCode::usage);
    }
}

TEST_CASE("problems in several overlays are reported with each overlay's name, in layer order", "[kb][error]") {
    const std::vector<KbLayer> overlays{{"one.yaml", "skills:\n  - id: python\n    nmae: x\n"},
                                        {"two.json", "{\"levels\": [{\"id\": \"mid\", \"focus\": 3,}]}"},
                                        {"three.yaml", "- not a mapping\n"},
                                        {"four.yaml", ""}};
    CHECK(strings(apigap::validate_knowledge_base(overlays)) ==
          Strings{"one.yaml:3:5: unknown key 'nmae' in a skill (did you mean 'name'?)",
                  "two.json:1:38: syntax error while parsing object key - unexpected '}'; expected string literal",
                  "three.yaml:1:1: expected a mapping at the top of a knowledge-base layer, got a list",
                  "four.yaml:1:1: expected a mapping at the top of a knowledge-base layer, got nothing"});
}

TEST_CASE("an overlay with an anchor is refused", "[kb][error][security]") {
    const KbLayer overlay{"overlay.yaml", "industries: &i [a]\n"};
    CHECK(strings(apigap::validate_knowledge_base({&overlay, 1})) ==
          Strings{"overlay.yaml:1:13: anchors (&name) are not supported; repeat the value instead"});
}

TEST_CASE("an overlay that changes a weight changes the loaded knowledge base", "[kb]") {
    const KnowledgeBase before = apigap::load_knowledge_base();
    const apigap::Level* senior = before.find_level("senior");
    REQUIRE(senior != nullptr);
    REQUIRE(senior->targets.size() >= 2);
    const apigap::Target& changed = senior->targets[1];
    const double weight = changed.weight + 1.5;
    const KbLayer overlay{"overlay.yaml", fmt::format("levels:\n  - id: senior\n    targets:\n      - id: {}\n"
                                                      "        rank: {}\n        weight: {}\n",
                                                      changed.id, changed.rank, weight)};
    const KnowledgeBase after = apigap::load_knowledge_base({&overlay, 1});
    const apigap::Level* senior_after = after.find_level("senior");
    REQUIRE(senior_after != nullptr);
    REQUIRE(senior_after->targets.size() == senior->targets.size());
    CHECK(senior_after->targets[1].weight == weight);
    CHECK(senior_after->targets[1].rating == changed.rating);
    CHECK(senior_after->targets[0].weight == senior->targets[0].weight);
    CHECK(after.find_level("mid")->targets.size() == before.find_level("mid")->targets.size());
}

TEST_CASE("an overlay can add a skill and target it", "[kb]") {
    const KbLayer overlay{"overlay.yaml",
                          "skills:\n  - {id: rust, name: Rust, category: technical, description: D, "
                          "rubric: [a, b, c, d, e]}\n"
                          "levels:\n  - id: senior\n    targets:\n      - {id: rust, target: 2, weight: 1}\n"};
    const KnowledgeBase kb = apigap::load_knowledge_base({&overlay, 1});
    REQUIRE(kb.find_skill("rust") != nullptr);
    CHECK(kb.skills.back().id == "rust");
    CHECK(kb.find_level("senior")->targets.back().id == "rust");
}

TEST_CASE("an overlay that adds a level with the same target twice is refused", "[kb][error]") {
    const KbLayer overlay{"overlay.yaml",
                          "levels:\n  - id: staff\n    name: Staff\n    focus: F\n"
                          "    salary: {min: 1, max: 2, currency: USD, year: 2024, source: 'https://x.org'}\n"
                          "    targets:\n      - {id: languages, target: 4, weight: 1}\n"
                          "      - {id: languages, target: 3, weight: 1}\n"};
    CHECK(strings(apigap::validate_knowledge_base({&overlay, 1})) ==
          Strings{"overlay.yaml:8:14: duplicate id 'languages' (first defined at 7:14)"});
}

TEST_CASE("an overlay replaces a tool's skills rather than adding to them", "[kb]") {
    const KnowledgeBase before = apigap::load_knowledge_base();
    REQUIRE_FALSE(before.tools.empty());
    const apigap::Tool& tool = before.tools.front();
    const auto other = std::find_if(before.skills.begin(), before.skills.end(), [&](const apigap::Skill& skill) {
        return std::find(tool.skills.begin(), tool.skills.end(), skill.id) == tool.skills.end();
    });
    REQUIRE(other != before.skills.end());
    const KbLayer overlay{"overlay.yaml", fmt::format("tools:\n  - id: {}\n    skills: [{}]\n", tool.id, other->id)};
    const KnowledgeBase after = apigap::load_knowledge_base({&overlay, 1});
    CHECK(after.tools.front().skills == Strings{other->id});
}

TEST_CASE("a problem an overlay causes is reported in that overlay", "[kb][error]") {
    const KbLayer overlay{"overlay.yaml", "levels:\n  - id: entry\n    salary:\n      min: 99999999\n"};
    const auto problems = apigap::validate_knowledge_base({&overlay, 1});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].message, Catch::StartsWith("salary min 99999999 is above max "));
    CHECK(problems[0].location.source == "overlay.yaml");
}

TEST_CASE("the scale must have an entry for every rating, with a location", "[kb][error]") {
    const KbLayer overlay{"overlay.yaml",
                          "scale:\n  - {rating: 0, name: a, meaning: m}\n  - {rating: 1, name: b, meaning: m}\n"
                          "  - {rating: 2, name: c, meaning: m}\n  - {rating: 3, name: d, meaning: m}\n"};
    const auto problems = apigap::validate_knowledge_base({&overlay, 1});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "the scale has no entry for rating 4");
    CHECK(problems[0].location.source == "overlay.yaml");
    CHECK(problems[0].location.line > 0);
}

// --- export ---------------------------------------------------------------------------

TEST_CASE("an exported knowledge base reads back as the same knowledge base", "[kb][export]") {
    const KnowledgeBase kb = apigap::load_knowledge_base();
    for (const auto format : {apigap::KbExportFormat::yaml, apigap::KbExportFormat::json}) {
        const std::string exported = apigap::export_knowledge_base(kb, format);
        Strings problems;
        const KnowledgeBase again =
            read(exported, problems, format == apigap::KbExportFormat::json ? "export.json" : "export.yaml");
        CHECK(problems == Strings{});
        CHECK(apigap::export_knowledge_base(again, format) == exported);
        CHECK(again.skills.size() == kb.skills.size());
        CHECK(again.levels.size() == kb.levels.size());
        CHECK(apigap::all_keywords(again) == apigap::all_keywords(kb));
    }
}

TEST_CASE("the JSON export is JSON and the YAML export is not", "[kb][export]") {
    Strings problems;
    const KnowledgeBase kb = read(k_complete_kb, problems);
    const std::string json = apigap::export_knowledge_base(kb, apigap::KbExportFormat::json);
    const std::string yaml = apigap::export_knowledge_base(kb, apigap::KbExportFormat::yaml);
    CHECK(json.rfind("{\n  \"scale\": [", 0) == 0);
    CHECK(yaml.rfind("scale:\n", 0) == 0);
    CHECK_THAT(json, Catch::Contains("\"weight\": 1.5"));
    CHECK_THAT(json, Catch::Contains("\"open_ended\": true"));
    CHECK_THAT(json, Catch::Contains("\"rank\": 2"));
}

TEST_CASE("a years band whose maximum is not above its minimum is an error", "[kb][error][experience]") {
    CHECK(problems_with("levels:\n  - id: entry\n    years: {min: 3, max: 2}\n") ==
          Strings{"patch.yaml:3:12: years max 2 is not above min 3"});
}

TEST_CASE("title words for a level that does not exist are an error", "[kb][error][experience]") {
    CHECK(problems_with("resume:\n  experience:\n    titles:\n      - {level: staff, words: [staff engineer]}\n") ==
          Strings{"patch.yaml:4:17: unknown level 'staff' for title words"});
}

TEST_CASE("the experience words and years bands survive export and reload", "[kb][experience]") {
    const KnowledgeBase kb = apigap::load_knowledge_base();
    REQUIRE(kb.find_level("mid") != nullptr);
    CHECK(kb.find_level("mid")->years == apigap::YearsBand{2, 6});
    CHECK(kb.resume.experience.stale_after == 3);
    const KbLayer exported{"exported.yaml", apigap::export_knowledge_base(kb, apigap::KbExportFormat::yaml)};
    CHECK(apigap::load_knowledge_base({&exported, 1}).resume.experience == kb.resume.experience);
}
