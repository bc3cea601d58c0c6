// Tests of the fast block-style YAML reader (src/core/block_yaml.cpp): on any
// text it either declines or gives exactly yaml-cpp's tree, and it reads the
// shapes of real resumes without declining.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "block_yaml_writer.hpp"
#include "core/block_yaml.hpp"
#include "core/document.hpp"

using apigap::detail::DuplicateKey;
using apigap::detail::Node;
using apigap::detail::parse_yaml_with_yaml_cpp;
using apigap::detail::read_block_yaml;

namespace {

std::string escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20) {
            out += "\\x" + std::to_string(static_cast<int>(c));
        } else {
            out += c;
        }
    }
    return out;
}

std::string where(const apigap::detail::Mark& mark) {
    return std::to_string(mark.line) + ":" + std::to_string(mark.column);
}

/// `node` one value a line, with its kind, mark, quoting and text: what the two readers must agree on.
void dump(const Node& node, std::string& out, std::size_t depth) {
    constexpr const char* k_kinds[] = {"null", "scalar", "sequence", "mapping"};
    out += std::string(2 * depth, ' ') + k_kinds[static_cast<int>(node.kind)] + " @" + where(node.mark) +
           (node.quoted ? " quoted " : " ") + escaped(node.scalar) + "\n";
    for (const Node& item : node.items) {
        dump(item, out, depth + 1);
    }
    for (const apigap::detail::Entry& entry : node.entries) {
        out += std::string(2 * depth + 1, ' ') + "key " + escaped(entry.key) + " @" + where(entry.key_mark) + "\n";
        dump(entry.value, out, depth + 1);
    }
}

std::string dump(const Node& node, const std::vector<DuplicateKey>& duplicates = {}) {
    std::string out;
    dump(node, out, 0);
    for (const DuplicateKey& duplicate : duplicates) {
        out += "duplicate " + duplicate.key + " @" + where(duplicate.first) + " @" + where(duplicate.again) + "\n";
    }
    return out;
}

/// What the fast reader did with a text, in strict and lenient mode, beside yaml-cpp.
struct Verdict {
    bool accepted = false;  ///< in strict mode, without an error
    std::string problem;    ///< empty when the fast reader declined or agreed with yaml-cpp
};

/// Compares the readers in one mode (`lenient`: duplicates are listed); `accepted` when the fast one gave a tree.
std::string compare(std::string_view text, bool lenient, bool& accepted) {
    const auto source = std::make_shared<const std::string>("f.yaml");
    std::vector<DuplicateKey> fast_duplicates;
    std::vector<DuplicateKey> duplicates;
    std::optional<Node> fast;
    bool fast_threw = false;
    try {
        fast = read_block_yaml(text, source, lenient ? &fast_duplicates : nullptr);
    } catch (const apigap::Error&) {
        fast_threw = true;
    }
    accepted = fast.has_value();
    if (!fast && !fast_threw) {
        return "";
    }
    try {
        const Node reference = parse_yaml_with_yaml_cpp(text, "f.yaml", lenient ? &duplicates : nullptr);
        if (fast_threw) {
            return "the fast reader threw, yaml-cpp read:\n" + dump(reference, duplicates);
        }
        const std::string mine = dump(*fast, fast_duplicates);
        const std::string theirs = dump(reference, duplicates);
        if (mine != theirs || !(*fast == reference)) {
            return "the fast reader read:\n" + mine + "yaml-cpp read:\n" + theirs;
        }
    } catch (const apigap::Error& error) {
        if (!fast_threw) {
            return std::string("yaml-cpp refused what the fast reader read: ") + error.what();
        }
    }
    return "";
}

Verdict judge(std::string_view text) {
    Verdict verdict;
    bool lenient_accepted = false;
    verdict.problem = compare(text, false, verdict.accepted) + compare(text, true, lenient_accepted);
    return verdict;
}

/// How many random texts each random test reads: 3000, or APIGAP_BLOCK_YAML_ROUNDS for a longer search by hand.
long rounds() {
    const char* variable = std::getenv("APIGAP_BLOCK_YAML_ROUNDS");
    return variable != nullptr ? std::strtol(variable, nullptr, 10) : 3000;
}

/// Texts of the subset, each with something the reader must get exactly right.
const std::vector<std::string> k_accepted = {
    "a: 1\n",
    "a: 1",
    "a:\n",
    "a:",
    "a:   \n",
    "a: # no value\n",
    "a:\nb: 2\n",
    "a:\n  b: 2\n",
    "a:\n- 1\n- 2\nb: 3\n",
    "a:\n  - 1\n  -\n  - ~\n",
    "- 1\n- two words  \n- 'three'\n- \"four\"\n",
    "- a: 1\n  b: 2\n- c: 3\n",
    "-   a: 1\n    b:\n    c: 3\n",
    "-\n  a: 1\n-\n-  \n",
    "- # empty\n-\n",
    "---\na: 1\n",
    "--- # the document\na: 1\n",
    "# first\n\n---\n\n# second\na: 1  # after\nb: 'x'   # after a quote\n",
    "  a: 1\n  b: 2\n",
    "a: ~\nb: null\nc: Null\nd: NULL\ne: nul\nf: '~'\ng: \"null\"\n",
    "a: 'it''s'\nb: ''\nc: \"\"\nd: '  spaced  '\n",
    "a: \"\\n\\t\\\\\\\"\\/\\0\\a\\b\\v\\f\\r\\e\\ \\x41\\u00e9\\U0001F600\\L\\P\"\n",
    "a: C#\nb: x#y\nc: https://example.org/a?b=c#top\nd: 1:2\ne: a,b[c]{d}\n",
    "a: -5\nb: ?x\nc: :x\nd: it's \"quoted\" inside\n",
    "key  : value\n",
    "a b c: d e f\n",
    "é: ü\nname: José Müller\n日本: 東京 # 'comment'\nk: 日本語 x\n",
    "a: 1\r\nb:\r\n  - x\r\n",
    "a:\n  b:\n    c:\n      d: deep\n  e: f\n",
    "a:\n  b: 1\n\n\n# x\nc: 2\n",
    "a:\n# at column 0 inside\n  b: 1\n",
    "a:\n  - b: 1\n    c:\n    - x\n  - d\ne: f\n",
    "a: []\nb: {}  # empty\nc:\n- []\n",
    "a: one\n  two\n\n\n   three   \n  # done\nb: 1\n",
    "- one\n   two\n- 'x'\n",
    "a: 'one\n  two''s\n\n   three  '\nb: \"x\n\n\n  y \\t\n  \"\n",
    "a: |\n  one\n   two\n\n  three\n\nb: |-\n    x\n    # not a comment\nc: |+\n  y\n\n\nd: 1\n",
    "a: >\n  one\n  two\n\n  three\n    more\n  four\nb: >-\n\n  x\n\n",
    "- |\n  text\n- key: >\n    folded\n    text\n  other: |\n     less\n      deep\n",
    "a: |\n\n  after a blank\nb: |\nc: |\n  text",
};

/// Texts outside the subset, each with the reason the reader declines it.
const std::vector<std::pair<std::string, std::string>> k_declined = {
    {"a: [1, 2]\n", "a flow sequence"},
    {"a: {b: 1}\n", "a flow mapping"},
    {"[1, 2]\n", "a flow document"},
    {"a: |2\n  text\n", "a block scalar's indentation indicator"},
    {"a: | x\n  text\n", "text after a block scalar's header"},
    {"a: |#c\n  text\n", "a comment right after a block scalar's header"},
    {"a: [ ]\n", "a flow sequence with a space"},
    {"a: []x\n", "text after an empty flow sequence"},
    {"a: &x 1\n", "an anchor"},
    {"a: *x\n", "an alias"},
    {"a: !!str 1\n", "a tag"},
    {"? a\n: 1\n", "an explicit key"},
    {"%YAML 1.2\n---\na: 1\n", "a directive"},
    {"a: 1\n---\nb: 2\n", "a second document"},
    {"a: 1\n...\n", "a document end"},
    {"--- a: 1\n", "content on the document start line"},
    {"a:\n\tb: 1\n", "a tab in the indentation"},
    {"a: b\tc\n", "a tab in a value"},
    {"a: one\n  two: 2\n", "a key on a plain scalar's second line"},
    {"a:\n  one\n", "a plain scalar below its key"},
    {"- a\n  b\n", "a line that is not indented past a sequence item's value"},
    {"a: 'one\ntwo'\n", "a quoted scalar's line not indented past its key"},
    {"a: 'one\n", "a quoted scalar never closed"},
    {"a: \"one\\\n  two\"\n", "an escaped line break"},
    {"a: \"\\N\\_\"\n", "escapes that are not UTF-8 to yaml-cpp"},
    {"a: \"\\q\"\n", "an unknown escape"},
    {"a: \"\\ud800\"\n", "an escaped surrogate"},
    {"a: 'x'#c\n", "a comment right after a quote"},
    {"a: 'x' y\n", "text after a quoted scalar"},
    {"'a': 1\n", "a quoted key"},
    {"a: b: c\n", "a mapping value where none may be"},
    {"a: b:\n", "a value ending in a colon"},
    {"- - a\n", "a sequence in a sequence on one line"},
    {"a: - b\n", "a dash after a key"},
    {"a: @b\n", "a reserved indicator"},
    {"a: `b`\n", "a reserved indicator"},
    {"a: %b\n", "a directive indicator in a value"},
    {"just text\n", "a scalar document"},
    {"", "an empty document"},
    {"# only a comment\n", "a document of comments"},
    {"\xEF\xBB\xBF"
     "a: 1\n",
     "a byte order mark"},
    {"a: 1\rb: 2\n", "a lone carriage return"},
    {"a: \x01\n", "a control character"},
    {"key: abcdefgh\x1Fijklmnop\n", "a control character among the first eight-byte words"},
    {"key: abcdefghijklmnop\x7F\n", "a delete character"},
    {"key: abcdefghijkl\rmnop\n", "a lone carriage return in the middle"},
    {"a: 1\n  b: 2\n", "a key below a complete value"},
    {"a:\n    b: 1\n  c: 2\n", "an indent between two blocks"},
    {"a: 1\n- b\n", "a dash at the column of a mapping's keys"},
    {"- a\nb: 1\n", "content after the document"},
    {"  a: 1\nb: 2\n", "content left of the document"},
    {"a: b #c: d\nkey #x: y\n", "a comment where a key should be"},
    {std::string(1001, 'k') + ": v\n", "a key longer than yaml-cpp's simple keys"},
};

/// A RenderCV resume of the usual shapes, written for this test.
constexpr std::string_view k_resume = R"yaml(# A résumé as RenderCV reads it.
cv:
  name: Ana Lindqvist
  headline: Platform Engineer
  location: "Gothenburg, Sweden"
  email: ana.lindqvist@example.com
  phone: +46 31 555 0100
  website: https://ana.example.dev
  social_networks:
    - network: GitHub
      username: analind
    - network: LinkedIn
      username: ana-lindqvist
  sections:
    summary:
      - Platform engineer who builds internal developer platforms on Kubernetes.
    experience:
      - company: Nordvik Freight
        position: Senior Platform Engineer
        start_date: 2021-09
        end_date: present
        location: Gothenburg
        summary: "Owned the build and deploy platform for 60 engineers."
        highlights:
          - Moved 40 services from VMs to Kubernetes (EKS) with Helm and Argo CD.
          - "Cut CI time from 25 to 8 minutes with remote caching in Bazel."
          - 'Wrote the on-call runbooks; paged incidents fell by 35%.'
      - company: Kvarn Analytics
        position: Backend Engineer
        start_date: 2018-02
        end_date: 2021-08
        highlights:
          - Built REST and gRPC services in Go on PostgreSQL.   # the main job
          - "Introduced contract tests with [Pact](https://pact.io)."
    education:
      - institution: Chalmers University of Technology
        area: Computer Science
        degree: MSc
        start_date: 2013-09
        end_date: 2018-01
    projects:
      - name: "[kube-lint-action](https://github.com/analind/kube-lint-action)"
        date: 2023
        summary: A GitHub Action that lints Kubernetes manifests.
    publications:
      - title: Reproducible Builds at Scale
        authors:
          - "**Ana Lindqvist**"
          - Per Holm
        doi: 10.1000/xyz123
        date: 2022-05
    skills:
      - label: Languages
        details: Go, Python, Bash, SQL
      - label: Infrastructure
        details: Kubernetes, Terraform, AWS, Prometheus, Grafana
design:
  theme: classic
locale:
  language: en
)yaml";

}  // namespace

TEST_CASE("every construct of the subset reads as yaml-cpp reads it", "[block_yaml]") {
    for (const std::string& text : k_accepted) {
        CAPTURE(text);
        const Verdict verdict = judge(text);
        INFO(verdict.problem);
        CHECK(verdict.problem.empty());
        CHECK(verdict.accepted);
    }
}

TEST_CASE("every construct outside the subset is declined", "[block_yaml]") {
    const auto source = std::make_shared<const std::string>("f.yaml");
    for (const auto& [text, reason] : k_declined) {
        CAPTURE(text, reason);
        CHECK_FALSE(read_block_yaml(text, source, nullptr).has_value());
    }
}

TEST_CASE("a RenderCV resume of the usual shapes is read without declining", "[block_yaml]") {
    const Verdict verdict = judge(k_resume);
    INFO(verdict.problem);
    CHECK(verdict.problem.empty());
    CHECK(verdict.accepted);
    CHECK(apigap::detail::parse_document(k_resume, "f.yaml") == parse_yaml_with_yaml_cpp(k_resume, "f.yaml"));
}

TEST_CASE("errors of a document the fast reader reads are yaml-cpp's", "[block_yaml][error]") {
    CHECK_THROWS_WITH(apigap::detail::parse_document("a: 1\nb:\n  c: 2\n  c: 3\n", "f.yaml"),
                      "f.yaml:4:3: duplicate key 'c' (first defined at 3:3)");
    CHECK_THROWS_WITH(apigap::detail::parse_document("a: 1\nnull: 2\n", "f.yaml"),
                      "f.yaml:2:1: a mapping key must be a plain string");
}

TEST_CASE("duplicates found before the fast reader declines are listed once", "[block_yaml]") {
    const apigap::detail::LenientDocument read =
        apigap::detail::parse_document_keeping_last("a: 1\na: 2\nb: [x]\n", "f.yaml");
    REQUIRE(read.duplicates.size() == 1);
    CHECK(read.duplicates[0].key == "a");
    CHECK(read.duplicates[0].again.line == 2);
}

TEST_CASE("generated documents of the subset read as yaml-cpp reads them, none declined", "[block_yaml]") {
    apigap::test::BlockYamlWriter writer(16);
    for (long i = 0; i < rounds(); ++i) {
        const std::string text = writer.document();
        const Verdict verdict = judge(text);
        if (!verdict.problem.empty() || !verdict.accepted) {
            CAPTURE(i, text, verdict.problem);
            FAIL_CHECK((verdict.accepted ? "a difference" : "declined"));
        }
    }
}

TEST_CASE("edited documents and random lines are declined or read as yaml-cpp reads them", "[block_yaml]") {
    apigap::test::BlockYamlWriter writer(1616);
    long accepted = 0;
    for (long i = 0; i < rounds(); ++i) {
        const std::string text = i % 2 == 0 ? writer.edited(writer.document()) : writer.lines();
        const Verdict verdict = judge(text);
        accepted += verdict.accepted ? 1 : 0;
        if (!verdict.problem.empty()) {
            CAPTURE(i, text, verdict.problem);
            FAIL_CHECK("a difference");
        }
    }
    CHECK(accepted > rounds() / 10);  // the edits leave many documents in the subset: they test something
}
