// Tests of the knowledge-base lint (src/core/lint.cpp): the shipped knowledge
// base passes, and every rule fails on an overlay that breaks it.
#include <catch2/catch.hpp>

#include <array>
#include <fstream>
#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "apigap/lint.hpp"

namespace {

using Strings = std::vector<std::string>;

/// Where the built-in knowledge base's `file` (under data/) has `text` first, as a diagnostic names it:
/// `builtin:data/FILE:LINE:COLUMN`, so that a test does not break when lines above it move.
std::string builtin_location(const std::string& file, const std::string& text) {
    std::ifstream in(std::string(APIGAP_SOURCE_DIR) + "/data/" + file);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (const auto column = line.find(text); column != std::string::npos) {
            return "builtin:data/" + file + ":" + std::to_string(number) + ":" + std::to_string(column + 1);
        }
    }
    return "builtin:data/" + file + ": no '" + text + "'";
}

/// The findings of `rule` once `overlay` (named bad.yaml) is applied.
Strings findings(const std::string& overlay, std::string_view rule, const apigap::LintMinimums& minimums = {}) {
    const std::array layers{apigap::KbLayer{"bad.yaml", overlay}};
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base(layers);
    Strings found;
    for (const apigap::LintFinding& finding : apigap::lint_knowledge_base(kb, minimums)) {
        if (finding.rule == rule) {
            found.push_back(apigap::to_string(finding.diagnostic));
        }
    }
    return found;
}

/// A complete, lint-clean skill with id `id`, for overlays that add one.
std::string complete_skill(const std::string& id) {
    std::string skill = "skills:\n  - id: " + id +
                        "\n    name: Kotlin\n    category: situational\n"
                        "    description: Kotlin on the server, with Ktor or Spring, for teams that want a concise "
                        "JVM language.\n"
                        "    rubric: [R0, R1, R2, R3, R4]\n    keywords:\n";
    for (const char* term : {"Kotlin", "Ktor", "kotlinx.coroutines", "Exposed ORM", "Kotlin Multiplatform"}) {
        skill += std::string("      - term: ") + term + "\n";
    }
    skill += "    resources:\n";
    for (int i = 0; i < 5; ++i) {
        skill += "      - {title: Docs " + std::to_string(i) +
                 ", url: https://kotlinlang.org/docs/, type: docs, "
                 "ratings: [1]}\n";
    }
    skill += "    projects:\n";
    for (int step = 0; step < 4; ++step) {
        skill += "      - {step: " + std::to_string(step) + ", title: P, description: D, hours: 5}\n";
    }
    skill += "    interview_topics: [a, b, c, d, e]\n    failure_patterns: [a, b, c]\n";
    return skill;
}

}  // namespace

TEST_CASE("the shipped knowledge base has no lint findings", "[lint][shipped]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    Strings found;
    for (const apigap::LintFinding& finding : apigap::lint_knowledge_base(kb)) {
        found.push_back(apigap::to_string(finding.diagnostic) + " [" + finding.rule + "]");
    }
    CHECK(found == Strings{});
}

TEST_CASE("a skill needs a one-paragraph description", "[lint]") {
    CHECK(findings("skills:\n  - id: python\n    description: A language.\n", "description") ==
          Strings{"bad.yaml:2:5: skill 'python' needs a one-paragraph description (at least 80 characters)"});
}

TEST_CASE("every rubric sentence must be written", "[lint]") {
    CHECK(findings("skills:\n  - id: caching\n    rubric: [a, b, '', d, e]\n", "rubric") ==
          Strings{"bad.yaml:2:5: skill 'caching' has no rubric sentence for rating 2"});
}

TEST_CASE("keyword minimums depend on the skill's category", "[lint]") {
    CHECK(findings("skills:\n  - id: java\n    keywords: [{term: Java}]\n", "keywords") ==
          Strings{"bad.yaml:2:5: skill 'java' has 1 keywords for a technical skill; at least 15 are expected"});
    CHECK(findings("skills:\n  - id: communication\n    keywords: [{term: writing}]\n", "keywords") ==
          Strings{"bad.yaml:2:5: skill 'communication' has 1 keywords for a soft skill; at least 10 are expected"});
    CHECK(findings("skills:\n  - id: websocket\n    keywords: [{term: WebSocket}]\n", "keywords") ==
          Strings{"bad.yaml:2:5: skill 'websocket' has 1 keywords for a situational skill; at least 5 are expected"});
}

TEST_CASE("the minimums can be set by the caller", "[lint]") {
    apigap::LintMinimums strict;
    strict.keywords_situational = 100;
    std::size_t situational = 0;
    for (const apigap::LintFinding& finding : apigap::lint_knowledge_base(apigap::load_knowledge_base(), strict)) {
        situational += finding.rule == "keywords" ? 1U : 0U;
    }
    CHECK(situational == 4);
}

TEST_CASE("a skill needs five study resources, primary sources first", "[lint]") {
    CHECK(findings("skills:\n  - id: go\n    resources: [{title: Tour, url: https://go.dev/tour/, type: tutorial, "
                   "ratings: [1]}]\n",
                   "resources") == Strings{"bad.yaml:2:5: skill 'go' has 1 study resources; at least 5 are expected"});
    CHECK(findings("skills:\n  - id: go\n    resources: [{title: Tour, url: https://go.dev/tour/, type: tutorial, "
                   "ratings: [1]}]\n",
                   "primary-first") == Strings{"bad.yaml:2:5: skill 'go' lists 'Tour' first; list primary sources "
                                               "(type spec or docs) first"});
}

TEST_CASE("soft skills may start from a book, having no specification", "[lint]") {
    CHECK(findings("skills:\n  - id: communication\n    resources: [{title: A book, url: https://example.com/, "
                   "type: book, ratings: [1]}]\n",
                   "primary-first")
              .empty());
}

TEST_CASE("a skill needs a project for each step 0->1 to 3->4", "[lint]") {
    CHECK(findings("skills:\n  - id: python\n    projects: [{step: 0, title: T, description: D, hours: 2}, "
                   "{step: 1, title: T, description: D, hours: 2}, {step: 3, title: T, description: D, hours: 2}]\n",
                   "projects") == Strings{"bad.yaml:2:5: skill 'python' has no project for step 2 -> 3"});
}

TEST_CASE("a skill needs interview topics and failure patterns", "[lint]") {
    const std::string overlay = "skills:\n  - id: python\n    interview_topics: [GIL]\n    failure_patterns: []\n";
    CHECK(findings(overlay, "interview-topics") ==
          Strings{"bad.yaml:2:5: skill 'python' has 1 interview topics; at least 5 are expected"});
    CHECK(findings(overlay, "failure-patterns") ==
          Strings{"bad.yaml:2:5: skill 'python' has 0 failure patterns; at least 3 are expected"});
}

TEST_CASE("a spelling two skills claim must be marked shared in both", "[lint]") {
    const std::string overlay =
        "skills:\n  - id: go\n    keywords:\n      - term: Go\n        case_sensitive: true\n"
        "      - term: FastAPI\n";
    CHECK(findings(overlay, "shared-keyword") == Strings{builtin_location("skills/python.yaml", "term: FastAPI") +
                                                         ": 'FastAPI' evidences both 'go' (bad.yaml:6:9) and 'python'; "
                                                         "mark it shared: true in both, or keep it in one"});
}

TEST_CASE("a spelling two skills share is an everyday word in both or in neither", "[lint]") {
    const std::string overlay =
        "skills:\n  - id: microservices\n    keywords:\n"
        "      - term: event-driven architecture\n        shared: true\n"
        "        aliases: [event-driven, event driven, EDA]\n        ambiguous: [EDA]\n";
    const std::string shared_at = builtin_location("skills/message-queues.yaml", "term: event-driven architecture");
    CHECK(findings(overlay, "shared-keyword") ==
          Strings{"bad.yaml:4:9: 'event-driven' is not ambiguous here in 'microservices' but in 'message-queues' (" +
                      shared_at + "); mark it the same in both",
                  "bad.yaml:4:9: 'event driven' is not ambiguous here in 'microservices' but in 'message-queues' (" +
                      shared_at + "); mark it the same in both"});
    const std::string marked =
        "skills:\n  - id: microservices\n    keywords:\n"
        "      - term: gRPC\n        shared: true\n        ambiguous: [gRPC]\n";
    CHECK(findings(marked, "shared-keyword") ==
          Strings{builtin_location("skills/rest-graphql.yaml", "term: gRPC") +
                  ": 'gRPC' is not ambiguous here in 'rest-graphql' but in 'microservices' (bad.yaml:4:9); mark it "
                  "the same in both"});
}

TEST_CASE("an ambiguous spelling is one of its keyword's, and each context phrase holds one", "[lint]") {
    const std::string overlay =
        "skills:\n  - id: go\n    keywords:\n      - term: Go\n        aliases: [Golang]\n"
        "        ambiguous: [go, Gopher]\n        context: [Go services, written in Rust]\n";
    CHECK(findings(overlay, "ambiguous-keyword") ==
          Strings{"bad.yaml:4:9: 'Gopher' is marked ambiguous but is no spelling of 'Go'",
                  "bad.yaml:4:9: context phrase 'written in Rust' of 'Go' holds none of its ambiguous spellings"});
}

TEST_CASE("every level sets a target for every skill, directly or through its group", "[lint]") {
    CHECK(findings(complete_skill("kotlin"), "target-every-level") ==
          Strings{"builtin:data/core.yaml:42:5: level 'entry' sets no target for skill 'kotlin'",
                  "builtin:data/core.yaml:106:5: level 'mid' sets no target for skill 'kotlin'",
                  "builtin:data/core.yaml:170:5: level 'senior' sets no target for skill 'kotlin'"});
    const std::string grouped = complete_skill("kotlin") +
                                "groups:\n  - id: languages\n    members: [python, java, "
                                "nodejs, go, kotlin]\n";
    CHECK(findings(grouped, "target-every-level").empty());
}

TEST_CASE("a target may only rise from one level to the next", "[lint]") {
    CHECK(findings("levels:\n  - id: senior\n    targets:\n      - {id: rest-graphql, target: 2, weight: 3}\n",
                   "target-monotonic") ==
          Strings{"bad.yaml:2:5: level 'senior' expects 'rest-graphql' at 2, below the 3 that 'mid' expects"});
}

TEST_CASE("a level may not drop a target the level below it sets", "[lint]") {
    const std::string staff =
        "levels:\n  - id: staff\n    name: Staff\n    focus: Org-wide API platform.\n"
        "    expectations: [a, b, c]\n    interview_stages: [system design]\n"
        "    salary: {min: 200000, max: 260000, currency: USD, year: 2026, source: https://example.com/, note: "
        "Varies.}\n"
        "    targets:\n      - {id: rest-graphql, target: 4, weight: 3}\n";
    const Strings found = findings(staff, "target-monotonic");
    REQUIRE(found.size() == 11);  // senior's 12 targets but rest-graphql
    CHECK(found.front() == "bad.yaml:2:5: level 'staff' drops the target for 'languages' that 'senior' sets");
}

TEST_CASE("a level needs focus, expectations, interview stages and a salary note", "[lint]") {
    const std::string overlay =
        "levels:\n  - id: mid\n    focus: ''\n    expectations: [one]\n"
        "    interview_stages: []\n    salary: {note: ''}\n";
    CHECK(findings(overlay, "level-content") ==
          Strings{"bad.yaml:2:5: level 'mid' has no focus",
                  "bad.yaml:2:5: level 'mid' has 1 expectations; at least 3 are expected",
                  "bad.yaml:2:5: level 'mid' lists no interview stages"});
    CHECK(findings(overlay, "salary") ==
          Strings{"bad.yaml:2:5: level 'mid' needs a salary band with min and a note on what the figures are"});
}

TEST_CASE("a tool must evidence a skill, and industries must be listed", "[lint]") {
    CHECK(findings("tools:\n  - id: postman\n    skills: []\n    related: []\n", "tool-skills") ==
          Strings{"bad.yaml:2:5: tool 'postman' evidences no skill"});
    CHECK(findings("industries: []\n", "industries") == Strings{"bad.yaml:1:13: no industries are listed"});
}

TEST_CASE("the resume rules need verbs, weak phrases with rewrites, headings and measurable patterns", "[lint]") {
    CHECK(findings("resume:\n  action_verbs: [Built]\n", "action-verbs") ==
          Strings{"bad.yaml:2:3: 1 action verbs; at least 80 are expected"});
    CHECK(findings("resume:\n  weak_phrases: [{phrase: worked on, rewrite: ''}]\n", "weak-phrases") ==
          Strings{"bad.yaml:2:3: 0 weak phrases with a rewrite; at least 25 are expected"});
    CHECK(findings("resume:\n  sections: [{id: skills, headings: []}]\n", "section-headings") ==
          Strings{"bad.yaml:2:3: resume section 'skills' has no headings"});
    CHECK(findings("resume:\n  measurable_patterns: []\n", "measurable") ==
          Strings{"bad.yaml:2:3: no measurable-result patterns are listed"});
}
