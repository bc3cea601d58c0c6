// Tests of the strict typed readers of `Node` values (src/core/fields.cpp).
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/fields.hpp"
#include "core/utf8.hpp"

using apigap::detail::describe;
using apigap::detail::Fields;
using apigap::detail::is_valid_id;
using apigap::detail::Node;
using apigap::detail::parse_document;
using apigap::detail::Problems;

namespace {

Node scalar(std::string text, bool quoted = false) {
    Node node;
    node.kind = Node::Kind::scalar;
    node.scalar = std::move(text);
    node.quoted = quoted;
    return node;
}

std::vector<std::string> messages(Problems& problems) {
    std::vector<std::string> texts;
    for (const apigap::Diagnostic& diagnostic : problems.take()) {
        texts.push_back(apigap::to_string(diagnostic));
    }
    return texts;
}

/// The message `read` reports for `node`, or "(none)".
template <typename F>
std::string problem_of(const Node& node, F&& read) {
    Problems problems;
    read(node, problems);
    const auto texts = messages(problems);
    return texts.empty() ? "(none)" : texts.front();
}

}  // namespace

TEST_CASE("describe says what kind of value a node is", "[fields]") {
    Node null;
    CHECK(describe(null) == "nothing");
    Node list;
    list.kind = Node::Kind::sequence;
    CHECK(describe(list) == "a list");
    Node map;
    map.kind = Node::Kind::mapping;
    CHECK(describe(map) == "a mapping");
    CHECK(describe(scalar("3")) == "'3'");
    CHECK(describe(scalar("3", true)) == "the string \"3\"");
}

TEST_CASE("describe shortens a long scalar to 40 characters and an ellipsis", "[fields]") {
    CHECK(describe(scalar(std::string(41, 'x'))) == "'" + std::string(40, 'x') + "…'");
    CHECK(describe(scalar(std::string(40, 'x'))) == "'" + std::string(40, 'x') + "'");
}

TEST_CASE("describe never cuts a multibyte character in half", "[fields]") {
    // 39 ASCII bytes, then 'é' across bytes 40 and 41.
    const std::string shown = describe(scalar(std::string(39, 'a') + "\xC3\xA9zz", true));
    CAPTURE(shown);
    CHECK_FALSE(apigap::detail::find_invalid_utf8(shown).has_value());
}

TEST_CASE("read_integer accepts only plain decimal integers in range", "[fields]") {
    const auto read = [](const Node& node, Problems& problems) {
        (void)apigap::detail::read_integer(node, 0, 4, problems);
    };
    Problems problems;
    CHECK(apigap::detail::read_integer(scalar("0"), 0, 4, problems) == 0L);
    CHECK(apigap::detail::read_integer(scalar("4"), 0, 4, problems) == 4L);
    CHECK(problems.empty());
    CHECK(problem_of(scalar("5"), read) == "expected an integer from 0 to 4, got 5");
    CHECK(problem_of(scalar("-1"), read) == "expected an integer from 0 to 4, got -1");
    CHECK(problem_of(scalar("3", true), read) == "expected an integer from 0 to 4, got the string \"3\"");
    CHECK(problem_of(scalar("+3"), read) == "expected an integer from 0 to 4, got '+3'");
    CHECK(problem_of(scalar("0x3"), read) == "expected an integer from 0 to 4, got '0x3'");
    CHECK(problem_of(scalar("3.0"), read) == "expected an integer from 0 to 4, got '3.0'");
    CHECK(problem_of(scalar("99999999999999999999"), read) ==
          "expected an integer from 0 to 4, got '99999999999999999999'");
    CHECK(problem_of(Node{}, read) == "expected an integer from 0 to 4, got nothing");
}

TEST_CASE("read_positive_number accepts finite numbers above 0 up to its maximum", "[fields]") {
    const auto read = [](const Node& node, Problems& problems) {
        (void)apigap::detail::read_positive_number(node, 100.0, problems);
    };
    Problems problems;
    CHECK(apigap::detail::read_positive_number(scalar("2.5"), 100.0, problems) == 2.5);
    CHECK(apigap::detail::read_positive_number(scalar("1e-3"), 100.0, problems) == 0.001);
    CHECK(apigap::detail::read_positive_number(scalar("3"), 100.0, problems) == 3.0);
    CHECK(apigap::detail::read_positive_number(scalar("100"), 100.0, problems) == 100.0);
    CHECK(apigap::detail::read_positive_number(scalar("0.5"), 0.5, problems) == 0.5);
    CHECK(problems.empty());
    const std::string expected = "expected a number greater than 0 and at most 100, got ";
    CHECK(problem_of(scalar("0"), read) == expected + "0");
    CHECK(problem_of(scalar("-0.5"), read) == expected + "-0.5");
    CHECK(problem_of(scalar("100.5"), read) == expected + "100.5");
    CHECK(problem_of(scalar("1e308"), read) == expected + "1e308");
    CHECK(problem_of(scalar("1e400"), read) == expected + "'1e400'");
    CHECK(problem_of(scalar("inf"), read) == expected + "'inf'");
    CHECK(problem_of(scalar("nan"), read) == expected + "'nan'");
    CHECK(problem_of(scalar("2", true), read) == expected + "the string \"2\"");
}

TEST_CASE("read_bool accepts only plain true and false", "[fields]") {
    const auto read = [](const Node& node, Problems& problems) { (void)apigap::detail::read_bool(node, problems); };
    Problems problems;
    CHECK(apigap::detail::read_bool(scalar("true"), problems) == true);
    CHECK(apigap::detail::read_bool(scalar("false"), problems) == false);
    CHECK(problems.empty());
    CHECK(problem_of(scalar("True"), read) == "expected true or false, got 'True'");
    CHECK(problem_of(scalar("yes"), read) == "expected true or false, got 'yes'");
    CHECK(problem_of(scalar("true", true), read) == "expected true or false, got the string \"true\"");
}

TEST_CASE("read_texts reads a list of strings and reports each bad item", "[fields]") {
    const Node root = parse_document("good: [a, 'b', 3]\nbad: [a, [b], {c: d}]\nnot: x\n", "f.yaml");
    Problems problems;
    CHECK(apigap::detail::read_texts(*root.find("good"), problems) == std::vector<std::string>{"a", "b", "3"});
    CHECK(problems.empty());
    CHECK(apigap::detail::read_texts(*root.find("bad"), problems) == std::vector<std::string>{"a"});
    CHECK(apigap::detail::read_texts(*root.find("not"), problems).empty());
    CHECK(messages(problems) == std::vector<std::string>{"f.yaml:2:10: expected a string, got a list",
                                                         "f.yaml:2:15: expected a string, got a mapping",
                                                         "f.yaml:3:6: expected a list of strings, got 'x'"});
}

TEST_CASE("read_text refuses a control character a report would print raw, and keeps tabs and line breaks",
          "[fields][error]") {
    const Node root = parse_document(
        "{\"esc\": \"Py\\u001b[31m\", \"del\": \"a\\u007f\", \"csi\": \"x\\u009b2J\", "
        "\"cr\": \"a\\rb\", \"kept\": \"a\\tb\\nc \\u00a0d\"}",
        "f.json");
    Problems problems;
    for (const char* key : {"esc", "del", "csi", "cr"}) {
        CHECK_FALSE(apigap::detail::read_text(*root.find(key), problems).has_value());
    }
    CHECK(apigap::detail::read_text(*root.find("kept"), problems) ==
          "a\tb\nc \xC2\xA0"
          "d");
    const std::string message = "a string may hold no control character but tab and line feed, got ";
    CHECK(messages(problems) ==
          std::vector<std::string>{"f.json:1:9: " + message + "U+001B", "f.json:1:32: " + message + "U+007F",
                                   "f.json:1:50: " + message + "U+009B", "f.json:1:69: " + message + "U+000D"});
}

TEST_CASE("is_valid_id wants a lowercase letter, then letters, digits and dashes, at most 64", "[fields]") {
    CHECK(is_valid_id("python"));
    CHECK(is_valid_id("rest-graphql"));
    CHECK(is_valid_id("a1"));
    CHECK(is_valid_id(std::string(64, 'a')));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("1a"));
    CHECK_FALSE(is_valid_id("-a"));
    CHECK_FALSE(is_valid_id("Python"));
    CHECK_FALSE(is_valid_id("rest_api"));
    CHECK_FALSE(is_valid_id("node.js"));
    CHECK_FALSE(is_valid_id("caf\xC3\xA9"));
}

TEST_CASE("Fields reports unknown keys, missing keys and a node that is not a mapping", "[fields][error]") {
    const Node root = parse_document("title: T\nurl: ~\nratigns: [1]\n", "f.yaml");
    Problems problems;
    Fields fields(root, "a resource", {"title", "url", "ratings"}, problems);
    CHECK(fields.valid());
    CHECK(fields.text("title") == "T");
    CHECK(fields.get("url") == nullptr);  // null counts as missing
    CHECK(fields.get("ratings", false) == nullptr);
    CHECK(fields.flag("shared", true));
    CHECK(messages(problems) ==
          std::vector<std::string>{"f.yaml:3:1: unknown key 'ratigns' in a resource (did you mean 'ratings'?)",
                                   "f.yaml:1:1: missing 'url' in a resource"});

    const Node list = parse_document("[1]", "g.yaml");
    Fields not_a_map(list, "a resource", {"title"}, problems);
    CHECK_FALSE(not_a_map.valid());
    CHECK(not_a_map.get("title") == nullptr);
    CHECK(messages(problems) == std::vector<std::string>{"g.yaml:1:1: expected a mapping for a resource, got a list"});
}
