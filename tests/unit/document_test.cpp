// Tests of the YAML/JSON reader into the neutral `Node` tree (src/core/document.cpp),
// including each yaml-cpp and nlohmann/json trap listed in DEPENDENCY-NOTES.md.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include "core/document.hpp"
#include "test_support.hpp"

using apigap::detail::k_max_depth;
using apigap::detail::k_max_nodes;
using apigap::detail::Node;
using apigap::detail::parse_document;
using apigap::test::show;

namespace {

std::string error_of(std::string_view text, std::string_view source = "f.yaml") {
    return apigap::test::error_of([&] { (void)parse_document(text, source); });
}

/// The diagnostic of the error `text` raises; fails the test when there is none.
apigap::Diagnostic diagnostic_of(std::string_view text, std::string_view source = "f.yaml") {
    try {
        (void)parse_document(text, source);
    } catch (const apigap::Error& error) {
        return error.diagnostic();
    }
    FAIL("no error for: " << text.substr(0, 80));
    return {};
}

std::string repeat(std::string_view piece, std::size_t count) {
    std::string text;
    text.reserve(piece.size() * count);
    for (std::size_t i = 0; i < count; ++i) {
        text += piece;
    }
    return text;
}

/// `depth` nested block mappings, `k:` under `k:` under …, each indented two more.
std::string block_maps(std::size_t depth) {
    std::string text;
    for (std::size_t i = 0; i < depth; ++i) {
        text += std::string(2 * i, ' ') + "k:\n";
    }
    return text + std::string(2 * depth, ' ') + "v\n";
}

/// `depth` nested block sequences, one `-` per line, each indented two more.
std::string block_sequences(std::size_t depth) {
    std::string text;
    for (std::size_t i = 0; i < depth; ++i) {
        text += std::string(2 * i, ' ') + "-\n";
    }
    return text;
}

/// The classic 342-byte "billion laughs": nine levels of nine aliases.
const std::string k_billion_laughs = R"(a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
)";

}  // namespace

// --- values and marks ------------------------------------------------------

TEST_CASE("plain and quoted scalars keep their text and whether they were quoted", "[document]") {
    const Node root = parse_document("a: 3\nb: '3'\nc: \"3\"\nd: hello world\ne: ''\nf: |\n  block\n", "f.yaml");
    REQUIRE(root.kind == Node::Kind::mapping);
    CHECK(show(root) == "{a: 3, b: \"3\", c: \"3\", d: hello world, e: \"\", f: \"block\n\"}");
    REQUIRE(root.find("a") != nullptr);
    CHECK_FALSE(root.find("a")->quoted);
    CHECK(root.find("b")->quoted);
    CHECK(root.find("c")->quoted);
    CHECK(root.find("e")->kind == Node::Kind::scalar);
    CHECK(root.find("missing") == nullptr);
}

TEST_CASE("a document that is a single scalar is that scalar", "[document]") {
    const Node root = parse_document("just text", "f.yaml");
    CHECK(root.kind == Node::Kind::scalar);
    CHECK(root.scalar == "just text");
}

TEST_CASE("tilde, null and an empty value are null, an empty quoted string is not", "[document]") {
    const Node root = parse_document("a: ~\nb: null\nc:\nd: ''\n", "f.yaml");
    CHECK(show(root) == "{a: null, b: null, c: null, d: \"\"}");
    CHECK(root.find("a")->kind == Node::Kind::null);
    CHECK(root.find("b")->kind == Node::Kind::null);
    CHECK(root.find("c")->kind == Node::Kind::null);
    CHECK(root.find("d")->kind == Node::Kind::scalar);
}

TEST_CASE("nested lists and maps keep their order and structure", "[document]") {
    const Node root = parse_document("a:\n  - 1\n  - [x, 'y']\n  - {k: v}\nb:\n  c:\n    - - deep\n", "f.yaml");
    CHECK(show(root) == "{a: [1, [x, \"y\"], {k: v}], b: {c: [[deep]]}}");
    const Node* a = root.find("a");
    REQUIRE(a != nullptr);
    REQUIRE(a->kind == Node::Kind::sequence);
    REQUIRE(a->items.size() == 3);
    CHECK(a->items[1].kind == Node::Kind::sequence);
    CHECK(a->items[2].kind == Node::Kind::mapping);
    CHECK(a->items[2].find("k")->scalar == "v");
}

TEST_CASE("marks are 1-based lines and columns and carry the source name", "[document]") {
    const Node root = parse_document("a:\n  - 1\n  - [x, 'y']\nbee: {k: v}\n", "dir/f.yaml");
    CHECK(root.mark.line == 1);
    CHECK(root.mark.column == 1);
    REQUIRE(root.entries.size() == 2);
    CHECK(root.entries[0].key_mark.line == 1);
    CHECK(root.entries[0].key_mark.column == 1);
    const Node& list = root.entries[0].value;
    CHECK(list.mark.line == 2);
    CHECK(list.mark.column == 3);
    CHECK(list.items[0].mark.line == 2);
    CHECK(list.items[0].mark.column == 5);
    const Node& flow = list.items[1];
    CHECK(flow.mark.line == 3);
    CHECK(flow.mark.column == 5);
    CHECK(flow.items[1].mark.line == 3);
    CHECK(flow.items[1].mark.column == 9);
    CHECK(root.entries[1].key_mark.line == 4);
    CHECK(root.entries[1].key_mark.column == 1);
    const Node& k = root.entries[1].value.entries[0].value;
    CHECK(k.mark.line == 4);
    CHECK(k.mark.column == 10);
    const apigap::Location at = k.mark.location();
    CHECK(at.source == "dir/f.yaml");
    CHECK(apigap::to_string(at) == "dir/f.yaml:4:10");
}

TEST_CASE("empty, blank and comment-only text is a null node at 1:1", "[document]") {
    for (const std::string text : {"", "   \n\n", "# only a comment\n", "\xEF\xBB\xBF"}) {
        CAPTURE(text);
        const Node root = parse_document(text, "f.yaml");
        CHECK(root.kind == Node::Kind::null);
        CHECK(root.mark.line == 1);
        CHECK(root.mark.column == 1);
        CHECK(root.mark.location().source == "f.yaml");
    }
}

TEST_CASE("a UTF-8 byte order mark is skipped", "[document]") {
    SECTION("before YAML") {
        const Node root = parse_document(
            "\xEF\xBB\xBF"
            "a: 1\n",
            "f.yaml");
        CHECK(show(root) == "{a: 1}");
        CHECK(root.entries[0].key_mark.column == 1);
    }
    SECTION("before JSON") {
        const Node root = parse_document("\xEF\xBB\xBF{\"a\": [1, \"x\"]}", "f.json");
        CHECK(show(root) == "{a: [1, \"x\"]}");
    }
}

TEST_CASE("a document with CRLF line ends reads like one with LF", "[document]") {
    const Node root = parse_document("a: 1\r\nb:\r\n  - x\r\n", "f.yaml");
    CHECK(show(root) == "{a: 1, b: [x]}");
    CHECK(root.entries[1].key_mark.line == 2);
}

// --- duplicate keys ----------------------------------------------------------

TEST_CASE("a duplicate key is an error at the second key that names the first", "[document][error]") {
    CHECK(error_of("a: 1\na: 2\n") == "f.yaml:2:1: duplicate key 'a' (first defined at 1:1)");
    CHECK(error_of("x:\n  a: 1\n  b: 2\n  a: 3\n") == "f.yaml:4:3: duplicate key 'a' (first defined at 2:3)");
    CHECK(error_of("x: {a: 1, b: 2, a: 3}\n") == "f.yaml:1:17: duplicate key 'a' (first defined at 1:5)");
    CHECK(error_of("'a': 1\n\"a\": 2\n") == "f.yaml:2:1: duplicate key 'a' (first defined at 1:1)");
}

TEST_CASE("the same key in different mappings is not a duplicate", "[document]") {
    CHECK(show(parse_document("- a: 1\n- a: 2\n", "f.yaml")) == "[{a: 1}, {a: 2}]");
    CHECK(show(parse_document("a: {k: 1}\nb: {k: 2}\n", "f.yaml")) == "{a: {k: 1}, b: {k: 2}}");
}

TEST_CASE("a key that is not a scalar is an error", "[document][error]") {
    CHECK(error_of("? [a]\n: 1\n") == "f.yaml:1:3: a mapping key must be a plain string");
    CHECK(error_of("? {a: 1}\n: 2\n") == "f.yaml:1:3: a mapping key must be a plain string");
}

// --- anchors and aliases --------------------------------------------------------

TEST_CASE("anchors are refused where they stand", "[document][error][security]") {
    CHECK(error_of("a: &x 1\nb: *x\n") == "f.yaml:1:4: anchors (&name) are not supported; repeat the value instead");
    CHECK(error_of("a: 1\nb: &x [2]\nc: *x\n") ==
          "f.yaml:2:4: anchors (&name) are not supported; repeat the value instead");
}

TEST_CASE("an alias with no anchor is a syntax error", "[document][error][security]") {
    CHECK(error_of("a: *x\n") == "f.yaml:1:4: the referenced anchor is not defined");
}

TEST_CASE("the billion laughs document is refused at once", "[document][error][security]") {
    REQUIRE(k_billion_laughs.size() == 342);
    const auto outcome =
        apigap::test::run_isolated([] { (void)parse_document(k_billion_laughs, "f.yaml"); }, std::chrono::seconds(10));
    REQUIRE(outcome == apigap::test::Outcome::finished);
    CHECK(error_of(k_billion_laughs) == "f.yaml:1:4: anchors (&name) are not supported; repeat the value instead");
}

TEST_CASE("a self-referencing alias cycle is refused without recursion", "[document][error][security]") {
    const auto outcome =
        apigap::test::run_isolated([] { (void)parse_document("&a [*a]", "f.yaml"); }, std::chrono::seconds(10));
    REQUIRE(outcome == apigap::test::Outcome::finished);
    CHECK(error_of("&a [*a]") == "f.yaml:1:1: anchors (&name) are not supported; repeat the value instead");
    CHECK(error_of("a: &a {b: *a}\n") == "f.yaml:1:4: anchors (&name) are not supported; repeat the value instead");
}

// --- depth and size limits ---------------------------------------------------------

TEST_CASE("nesting up to the depth limit is accepted", "[document][limits]") {
    REQUIRE(k_max_depth == 64);
    const Node flow = parse_document(repeat("[", 64) + repeat("]", 64), "f.yaml");
    const Node* inner = &flow;
    int depth = 0;
    while (inner->kind == Node::Kind::sequence) {
        ++depth;
        if (inner->items.empty()) {
            break;
        }
        inner = &inner->items.front();
    }
    CHECK(depth == 64);
    CHECK_NOTHROW(parse_document(block_maps(63), "f.yaml"));  // 63 mappings and a scalar
    CHECK_NOTHROW(parse_document(block_maps(64), "f.yaml"));
}

TEST_CASE("nesting 70 deep is refused as nested too deeply", "[document][limits][error]") {
    SECTION("flow sequences, which read as JSON") {
        const apigap::Diagnostic diagnostic = diagnostic_of(repeat("[", 70) + repeat("]", 70), "f.json");
        CHECK(diagnostic.message == "nested too deeply (more than 64 levels)");
        CHECK(diagnostic.location.source == "f.json");
    }
    SECTION("flow sequences inside a YAML mapping") {
        CHECK(error_of(repeat("a: ", 1) + repeat("[", 70) + repeat("]", 70)) ==
              "f.yaml:1:67: nested too deeply (more than 64 levels)");
    }
    SECTION("block mappings") {
        CHECK(error_of(block_maps(70)) == "f.yaml:65:129: nested too deeply (more than 64 levels)");
    }
    SECTION("block sequences") {
        CHECK(error_of(block_sequences(70)) == "f.yaml:65:129: nested too deeply (more than 64 levels)");
    }
    SECTION("one level past the limit") {
        CHECK(diagnostic_of(repeat("[", 65) + repeat("]", 65)).message == "nested too deeply (more than 64 levels)");
        CHECK(error_of(block_maps(65)) == "f.yaml:65:129: nested too deeply (more than 64 levels)");
    }
}

TEST_CASE("nesting 600 deep is refused without a crash", "[document][limits][error][security]") {
    const std::string flow = repeat("[", 600) + repeat("]", 600);
    const std::string unclosed = repeat("a: ", 1) + repeat("{", 600);
    const std::string block = block_maps(600);
    const std::string sequences = block_sequences(600);
    for (const std::string* text : {&flow, &unclosed, &block, &sequences}) {
        const auto outcome =
            apigap::test::run_isolated([text] { (void)parse_document(*text, "f.yaml"); }, std::chrono::seconds(10));
        REQUIRE(outcome == apigap::test::Outcome::finished);
        CHECK_THAT(diagnostic_of(*text).message, Catch::Matches("nested too deeply.*"));
    }
}

TEST_CASE("more than k_max_nodes values are refused", "[document][limits][error]") {
    REQUIRE(k_max_nodes == 200'000);
    SECTION("a block list: the list and 199,999 items are exactly the limit") {
        CHECK(parse_document(repeat("- 1\n", 199'999), "f.yaml").items.size() == 199'999);
        CHECK(error_of(repeat("- 1\n", 200'000)) == "f.yaml:200000:3: too many values (more than 200000)");
    }
    SECTION("a JSON array") {
        const std::string json = repeat("[", 1) + repeat("1,", 200'000) + "1]";
        CHECK(error_of(json, "f.json") == "f.json:1:400000: too many values (more than 200000)");
    }
    SECTION("mappings and their keys count as values") {
        // The list, then per item: its mapping, the key and the value. The
        // 200,001st value is the key of item 66,667.
        CHECK(error_of(repeat("- k: 1\n", 66'667)) == "f.yaml:66667:3: too many values (more than 200000)");
    }
}

TEST_CASE("a mapping with 40,000 keys parses whole", "[document][limits]") {
    std::string text;
    for (int i = 0; i < 40'000; ++i) {
        text += 'k' + std::to_string(i) + ": 1\n";
    }
    const Node parsed = parse_document(text, "f.yaml");
    REQUIRE(parsed.entries.size() == 40'000);
    CHECK(parsed.entries.back().key == "k39999");
}

TEST_CASE("the column of a value far along one long line counts from the line start", "[document][limits]") {
    std::string text = "[";
    for (int i = 0; i < 60'000; ++i) {
        text += "1,";
    }
    text += "1]";
    const Node parsed = parse_document(text, "f.json");
    REQUIRE(parsed.items.size() == 60'001);
    CHECK(parsed.items.back().mark.column == 120'002);
}

TEST_CASE("a lone comma, which makes yaml-cpp's LoadAll loop forever, ends quickly", "[document][security]") {
    const auto outcome =
        apigap::test::run_isolated([] { (void)parse_document(",", "f.yaml"); }, std::chrono::seconds(10));
    REQUIRE(outcome == apigap::test::Outcome::finished);
    try {
        const Node root = parse_document(",", "f.yaml");
        CHECK(root.kind == Node::Kind::null);
    } catch (const apigap::Error& error) {
        CHECK(error.diagnostic().location.source == "f.yaml");
        CHECK_FALSE(error.diagnostic().message.empty());
    }
}

// --- documents, encoding and syntax ---------------------------------------------------

TEST_CASE("more than one document is refused", "[document][error]") {
    CHECK(diagnostic_of("a: 1\n---\nb: 2").message == "expected one YAML document, found more ('---')");
    CHECK(diagnostic_of("a: 1\n---\nb: 2").location.source == "f.yaml");
    CHECK(diagnostic_of("---\na: 1\n---\n").message == "expected one YAML document, found more ('---')");
}

TEST_CASE("explicit start and end markers around one document are fine", "[document]") {
    CHECK(show(parse_document("---\na: 1\n...\n", "f.yaml")) == "{a: 1}");
}

TEST_CASE("document-level errors name a line and column", "[document][error]") {
    // docs/knowledge-base.md: each strictness error "names the file, line and column".
    CHECK(error_of("a: 1\n---\nb: 2") == "f.yaml:2:1: expected one YAML document, found more ('---')");
    CHECK(error_of(repeat("[", 70) + repeat("]", 70), "f.json") ==
          "f.json:1:65: nested too deeply (more than 64 levels)");
}

TEST_CASE("invalid UTF-8 is refused at its location", "[document][error]") {
    CHECK(error_of("a: 1\nb: \xC0\x80\n") == "f.yaml:2:4: invalid UTF-8");
    CHECK(error_of("a: caf\xC3\xA9\nb: \xED\xA0\x80\n") == "f.yaml:2:4: invalid UTF-8");
    CHECK(error_of("{\"a\": \"\xF4\x90\x80\x80\"}", "f.json") == "f.json:1:8: invalid UTF-8");
    CHECK(error_of("# comment \xFF\n") == "f.yaml:1:11: invalid UTF-8");
}

TEST_CASE("a NUL byte in YAML is refused at its location, and other control characters are read as text",
          "[document][error]") {
    using namespace std::string_literals;
    CHECK(error_of("ratings:\n  python: 3\n\0"s) == "f.yaml:3:1: a NUL byte (U+0000) is not allowed in YAML");
    CHECK(error_of("level: mid\0\nratings:\n  python: 3\n"s) ==
          "f.yaml:1:11: a NUL byte (U+0000) is not allowed in YAML");
    CHECK(error_of("ratings:\n  p\xC3\xA9\0thon: 3\n"s) == "f.yaml:2:5: a NUL byte (U+0000) is not allowed in YAML");
    // yaml-cpp reads these, as before: a resume pasted from a PDF may hold a form feed.
    CHECK(show(parse_document("a: x\x0Cy\nb: \"p\x01q\"\n", "f.yaml")) == "{a: x\x0Cy, b: \"p\x01q\"}");
}

TEST_CASE("a YAML syntax error names source:line:col", "[document][error]") {
    CHECK(error_of("a: b: c\n") == "f.yaml:1:5: illegal map value");
    CHECK(error_of("a:\n  - 1\n b: 2\n") == "f.yaml:3:2: end of map not found");
    CHECK(error_of("a:\n\tb: 1\n") == "f.yaml:2:3: illegal map value");
}

TEST_CASE("YAML locations count columns in code points, as JSON and UTF-8 errors do", "[document][error]") {
    // "x: {é: 1, a: 2, a: 3}": the second 'a' is the 17th character (18th byte).
    CHECK(error_of("x: {\xC3\xA9: 1, a: 2, a: 3}\n") == "f.yaml:1:17: duplicate key 'a' (first defined at 1:11)");
}

// --- JSON --------------------------------------------------------------------

TEST_CASE("JSON with tab indentation parses with the right values", "[document][json]") {
    const Node root = parse_document(
        "{\n\t\"a\": 1,\n\t\"b\": [true, null, \"x\", 2.5],\n\t\"c\": {\"d\": \"e\\tf\"}\n}\n", "f.json");
    CHECK(show(root) == "{a: 1, b: [true, null, \"x\", 2.5], c: {d: \"e\tf\"}}");
    const Node* b = root.find("b");
    REQUIRE(b != nullptr);
    CHECK(b->items[1].kind == Node::Kind::null);
    CHECK_FALSE(b->items[0].quoted);
    CHECK(b->items[2].quoted);
    CHECK(root.entries[0].key_mark.line == 2);
    CHECK(root.entries[0].key_mark.column == 2);
}

TEST_CASE("JSON strings are quoted and JSON numbers are not", "[document][json]") {
    const Node root = parse_document("{\"n\":3,\"s\":\"3\",\"u\":\"\\u00e9\\/\"}", "f.json");
    CHECK(show(root) == "{n: 3, s: \"3\", u: \"\xC3\xA9/\"}");
    CHECK_FALSE(root.find("n")->quoted);
    CHECK(root.find("s")->quoted);
}

TEST_CASE("invalid JSON is a JSON error at the right line and column", "[document][json][error]") {
    CHECK(error_of("{\"a\": 1,}", "f.json") ==
          "f.json:1:9: syntax error while parsing object key - unexpected '}'; expected string literal");
    CHECK(error_of("{\n  \"a\": 1,\n}\n", "f.json") ==
          "f.json:3:1: syntax error while parsing object key - unexpected '}'; expected string literal");
    // Columns count code points: 'é' is two bytes but one column.
    CHECK(error_of("{\"\xC3\xA9\": 1,}", "f.json") ==
          "f.json:1:9: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST_CASE("a duplicate key in JSON is refused like in YAML", "[document][json][error]") {
    CHECK(error_of("{\"a\": 1, \"a\": 2}", "f.json") == "f.json:1:10: duplicate key 'a' (first defined at 1:2)");
}

TEST_CASE("a lenient read keeps a duplicate key's last value where that key stands and lists the pair",
          "[document][json]") {
    for (const std::string_view source : {"f.json", "f.yaml"}) {
        const auto [root, duplicates] =
            apigap::detail::parse_document_keeping_last("{\"a\": 1, \"b\": {\"c\": 2, \"c\": 3}, \"a\": [4]}", source);
        CHECK(show(root) == "{b: {c: 3}, a: [4]}");
        REQUIRE(duplicates.size() == 2);
        CHECK(duplicates[0].key == "c");
        CHECK(duplicates[0].first.location().column == 16);
        CHECK(duplicates[0].again.location().column == 24);
        CHECK(duplicates[1].key == "a");
        CHECK(duplicates[1].first.location().column == 2);
        CHECK(duplicates[1].again.location().column == 33);
    }
    const auto yaml = apigap::detail::parse_document_keeping_last("a: 1\nb: 2\na: 3\n", "f.yaml");
    CHECK(show(yaml.root) == "{b: 2, a: 3}");
    REQUIRE(yaml.duplicates.size() == 1);
    CHECK(yaml.duplicates[0].first.location().line == 1);
    CHECK(yaml.duplicates[0].again.location().line == 3);
    // The strict reader, for answers, overlays and saved reports, still refuses it.
    CHECK(error_of("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: duplicate key 'a' (first defined at 1:1)");
}

TEST_CASE("duplicate keys are found the same in a short mapping and in one long enough for its keys to be indexed",
          "[document]") {
    // "a" again while the mapping is short, then again once it has 18 entries, as has "c0".
    std::string text = "a: 1\nb: 2\na: 3\n";
    std::string kept = "{b: 2";
    for (int k = 0; k < 15; ++k) {
        text += "c" + std::to_string(k) + ": " + std::to_string(k) + "\n";
        kept += k == 0 ? "" : ", c" + std::to_string(k) + ": " + std::to_string(k);
    }
    text += "a: 4\nc0: x\n";
    kept += ", a: 4, c0: x}";
    const auto [root, duplicates] = apigap::detail::parse_document_keeping_last(text, "f.yaml");
    CHECK(show(root) == kept);
    REQUIRE(duplicates.size() == 3);
    const auto lines = [](const apigap::detail::DuplicateKey& duplicate) {
        return duplicate.key + " " + std::to_string(duplicate.first.line) + " " + std::to_string(duplicate.again.line);
    };
    CHECK(lines(duplicates[0]) == "a 1 3");
    CHECK(lines(duplicates[1]) == "a 1 19");
    CHECK(lines(duplicates[2]) == "c0 4 20");
    // The strict reader stops at the first, short or indexed.
    CHECK(error_of(text) == "f.yaml:3:1: duplicate key 'a' (first defined at 1:1)");
    CHECK(error_of(text.substr(text.find("b: 2"))) == "f.yaml:18:1: duplicate key 'a' (first defined at 2:1)");
}

TEST_CASE("JSON nested 100,000 deep is refused without a stack overflow", "[document][json][limits][security]") {
    const std::string deep = repeat("[", 100'000) + repeat("]", 100'000);
    const std::string deep_objects = repeat("{\"a\":", 100'000) + "1" + repeat("}", 100'000);
    for (const std::string* text : {&deep, &deep_objects}) {
        const auto outcome =
            apigap::test::run_isolated([text] { (void)parse_document(*text, "f.json"); }, std::chrono::seconds(10));
        REQUIRE(outcome == apigap::test::Outcome::finished);
        const apigap::Diagnostic diagnostic = diagnostic_of(*text, "f.json");
        CHECK(diagnostic.message == "nested too deeply (more than 64 levels)");
        CHECK(diagnostic.location.source == "f.json");
    }
}

TEST_CASE("a JSON number too large for a double is an error, not a crash", "[document][json][error]") {
    const auto outcome =
        apigap::test::run_isolated([] { (void)parse_document("[1e+9999]", "f.json"); }, std::chrono::seconds(10));
    REQUIRE(outcome == apigap::test::Outcome::finished);
    CHECK(error_of("[1e+9999]", "f.json") == "f.json:1:8: number overflow parsing '1e+9999'");
    CHECK(error_of("{\"a\": 1e+9999}", "f.json") == "f.json:1:13: number overflow parsing '1e+9999'");
}

// --- emitters ----------------------------------------------------------------

TEST_CASE("emit_yaml output parses back to the same tree", "[document][emit]") {
    const std::string text = "a: 3\nb: '3'\nc: [x, 'y', ~]\nd:\n  e: {f: true}\n  g: []\n";
    const Node root = parse_document(text, "f.yaml");
    const Node again = parse_document(apigap::detail::emit_yaml(root), "emitted.yaml");
    CHECK(show(again) == show(root));
    CHECK(show(again) == "{a: 3, b: \"3\", c: [x, \"y\", null], d: {e: {f: true}, g: []}}");
}

TEST_CASE("emit_json turns plain numbers and booleans into JSON values and keeps quoted text a string",
          "[document][emit]") {
    const Node root = parse_document("a: 3\nb: '3'\nc: true\nd: 'true'\ne: 2.5\nf: ~\ng: text\n", "f.yaml");
    CHECK(apigap::detail::emit_json(root) ==
          "{\n  \"a\": 3,\n  \"b\": \"3\",\n  \"c\": true,\n  \"d\": \"true\",\n  \"e\": 2.5,\n  \"f\": null,\n"
          "  \"g\": \"text\"\n}\n");
}

// --- the isolation helper the tests above rely on --------------------------------

TEST_CASE("run_isolated tells a clean finish from a crash and a hang", "[document][support]") {
    using apigap::test::Outcome;
    using apigap::test::run_isolated;
    CHECK(run_isolated([] {}) == Outcome::finished);
    CHECK(run_isolated([] { throw apigap::Error("expected"); }) == Outcome::finished);
    CHECK(run_isolated([] { std::abort(); }) == Outcome::crashed);
    CHECK(run_isolated(
              [] {
                  for (;;) {
                      std::this_thread::sleep_for(std::chrono::milliseconds(10));
                  }
              },
              std::chrono::milliseconds(300)) == Outcome::timed_out);
}

TEST_CASE("text that is not valid JSON is read as YAML, so YAML flow style is YAML", "[document][json]") {
    CHECK(show(parse_document("{level: mid}", "a.yaml")) == "{level: mid}");
    CHECK(show(parse_document("  [a, b]\n", "a.yaml")) == "[a, b]");
    CHECK(show(parse_document("{\"a\": 1, b: [x, 'y']}\n", "a.yaml")) == "{a: 1, b: [x, \"y\"]}");
    CHECK(show(parse_document("# a comment first\n{a: 1}\n", "a.yaml")) == "{a: 1}");
    // Not JSON, so a YAML error: yaml-cpp's words and position.
    CHECK(error_of("{a: [1, 2}\n", "a.yaml") == "a.yaml:1:10: illegal flow end");
}

TEST_CASE("a .json file must be JSON, and its errors are JSON errors", "[document][json][error]") {
    CHECK(error_of("{level: mid}", "a.json") ==
          "a.json:1:2: syntax error while parsing object key - invalid literal; last read: '{l'; expected string "
          "literal");
    CHECK(error_of("  [a, b]\n", "answers.JSON") ==
          "answers.JSON:1:4: syntax error while parsing value - invalid literal; last read: '  [a'");
    CHECK(error_of("level: mid\n", "a.json") ==
          "a.json:1:1: syntax error while parsing value - invalid literal; last read: 'l'");
}

TEST_CASE("a JSON error quotes at most 40 bytes of the token it stopped in, not the rest of the file",
          "[document][json][error]") {
    const std::string open_string = "{\"basics\": {\"name\": \"" + std::string(100000, 'a');
    CHECK(error_of(open_string, "a.json") ==
          "a.json:1:100022: syntax error while parsing value - invalid string: missing closing quote; last read: '\"" +
              std::string(39, 'a') + "\u2026'");
    // Cut before a code point, never inside one; a token of 40 bytes is quoted whole.
    CHECK(error_of("[\"" + std::string(38, 'a') + "\xC3\xA9\xC3\xA9", "a.json")
              .ends_with("last read: '\"" + std::string(38, 'a') + "\u2026'"));
    CHECK(error_of("[\"" + std::string(39, 'a'), "a.json").ends_with("last read: '\"" + std::string(39, 'a') + "'"));
    CHECK(error_of("{\"" + std::string(60, 'x'), "a.json") ==
          "a.json:1:63: syntax error while parsing object key - invalid string: missing closing quote; last read: '\"" +
              std::string(39, 'x') + "\u2026'; expected string literal");
}

TEST_CASE("blank JSON is an empty document, as blank YAML is", "[document][json]") {
    const Node root = parse_document(" \n", "a.json");
    CHECK(root.kind == Node::Kind::null);
    CHECK(root.mark.line == 1);
}

TEST_CASE("escaped surrogate pairs in JSON strings are one code point", "[document][json]") {
    // yaml-cpp 0.7 refuses "\ud83d\ude00" as "invalid unicode"; JSON is not given to it.
    const Node root = parse_document("[\"\\ud83d\\ude00\", \"\\uD834\\uDD1E\"]", "a.json");
    CHECK(show(root) == "[\"\xF0\x9F\x98\x80\", \"\xF0\x9D\x84\x9E\"]");
    CHECK(show(parse_document("{\"a\": \"\\ud83d\\ude00\"}", "a.yaml")) == "{a: \"\xF0\x9F\x98\x80\"}");
    CHECK(error_of("[\"\\ud800\"]", "a.json") ==
          "a.json:1:9: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF must be followed "
          "by U+DC00..U+DFFF; last read: '\"\\ud800\"'");
}

TEST_CASE("a DEL byte in a JSON string is text", "[document][json]") {
    CHECK(show(parse_document("[\"a\x7F"
                              "a\"]",
                              "a.json")) ==
          "[\"a\x7F"
          "a\"]");
}

TEST_CASE("JSON with tabs, escapes and every kind of value needs no YAML", "[document][json]") {
    const Node root = parse_document(
        "{\"t\":\t[1,-0.5e+3,true,false,null,\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"],\"e\":{},\"l\":[]}", "a.json");
    CHECK(show(root) == "{t: [1, -0.5e+3, true, false, null, \"\"\\/\b\f\n\r\t\"], e: {}, l: []}");
    CHECK(root.find("t")->items[1].scalar == "-0.5e+3");
    CHECK_FALSE(root.find("t")->items[2].quoted);
}

TEST_CASE("JSON values carry the line and column of their first character", "[document][json]") {
    const Node root =
        parse_document("{\n  \"a\\\"b\": [1, \"\xC3\xA9\", {\"c\": null}],\n\t\"d\": true\n}\n", "a.json");
    CHECK(root.mark.line == 1);
    CHECK(root.mark.column == 1);
    const Node& list = root.entries[0].value;
    CHECK(root.entries[0].key_mark.line == 2);
    CHECK(root.entries[0].key_mark.column == 3);
    CHECK(list.mark.column == 11);
    CHECK(list.items[0].mark.column == 12);
    CHECK(list.items[1].mark.column == 15);
    CHECK(list.items[2].mark.column == 20);  // "é" is one column
    CHECK(list.items[2].entries[0].value.mark.column == 26);
    CHECK(root.entries[1].key_mark.line == 3);
    CHECK(root.entries[1].key_mark.column == 2);
    CHECK(root.entries[1].value.mark.column == 7);
}

TEST_CASE("a NUL byte, which nlohmann would take for the end, is a JSON syntax error", "[document][json][error]") {
    using namespace std::string_literals;
    CHECK(error_of("123\0junk"s, "a.json") == "a.json:1:4: syntax error: unexpected NUL byte (U+0000)");
}

TEST_CASE("JSON nested too deeply is refused at the bracket that opens level 65", "[document][json][error]") {
    const std::string deep = "{\"a\":\n" + repeat("[", 70) + repeat("]", 70) + "}";
    CHECK(error_of(deep, "a.json") == "a.json:2:64: nested too deeply (more than 64 levels)");
}
