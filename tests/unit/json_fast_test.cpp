// Tests of the fast JSON reader (src/core/json_fast.cpp): on any text it
// either declines or gives exactly the tree, marks and duplicate keys of the
// nlohmann path, `parse_json` then answers as that path does, and it reads the
// valid documents of the repository and of every construct without declining.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "core/document.hpp"
#include "core/json_fast.hpp"
#include "json_writer.hpp"

using apigap::detail::DuplicateKey;
using apigap::detail::Mark;
using apigap::detail::Node;

namespace {

std::string where(const Mark& mark) {
    return std::to_string(mark.line) + ":" + std::to_string(mark.column);
}

/// Where two trees first differ, as a path and what differs there; empty when they are equal.
std::string difference(const Node& a, const Node& b, const std::string& path = "$") {
    if (a.kind != b.kind || a.quoted != b.quoted || a.scalar != b.scalar) {
        return path + ": '" + a.scalar + "' against '" + b.scalar + "' (kind or quoting may differ)";
    }
    if (!(a.mark == b.mark)) {
        return path + ": at " + where(a.mark) + " against " + where(b.mark);
    }
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
        return path + ": another number of values";
    }
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (std::string found = difference(a.items[i], b.items[i], path + "[" + std::to_string(i) + "]");
            !found.empty()) {
            return found;
        }
    }
    for (std::size_t i = 0; i < a.entries.size(); ++i) {
        const std::string key_path = path + "." + b.entries[i].key;
        if (a.entries[i].key != b.entries[i].key || !(a.entries[i].key_mark == b.entries[i].key_mark)) {
            return key_path + ": key '" + a.entries[i].key + "' at " + where(a.entries[i].key_mark);
        }
        if (std::string found = difference(a.entries[i].value, b.entries[i].value, key_path); !found.empty()) {
            return found;
        }
    }
    return {};
}

/// The duplicate keys one per line, with both marks.
std::string listed(const std::vector<DuplicateKey>& duplicates) {
    std::string out;
    for (const DuplicateKey& duplicate : duplicates) {
        out += duplicate.key + " " + where(duplicate.first) + " " + where(duplicate.again) + "\n";
    }
    return out;
}

/// A list that holds one entry before a reader runs, to see that a reader that declines adds none.
std::vector<DuplicateKey> earlier_duplicates() {
    return {DuplicateKey{"earlier", Mark{nullptr, 7, 7}, Mark{nullptr, 8, 8}}};
}

using JsonParser = std::variant<Node, apigap::Diagnostic> (*)(std::string_view, std::string_view,
                                                              std::vector<DuplicateKey>*);

/// How `parse_json` or its nlohmann path ended: a tree or, as text, the diagnostic or the error it threw.
struct Outcome {
    std::optional<Node> root;
    std::string error;
    std::vector<DuplicateKey> duplicates;
};

Outcome outcome_of(JsonParser parser, std::string_view text, bool lenient) {
    Outcome outcome;
    outcome.duplicates = earlier_duplicates();
    try {
        auto result = parser(text, "f.json", lenient ? &outcome.duplicates : nullptr);
        if (Node* root = std::get_if<Node>(&result)) {
            outcome.root = std::move(*root);
        } else {
            outcome.error = "diagnostic: " + apigap::to_string(std::get<apigap::Diagnostic>(result));
        }
    } catch (const apigap::Error& error) {
        outcome.error = std::string("error: ") + error.what();
    }
    return outcome;
}

/// What the fast reader did with a text beside the nlohmann path, strictly and listing duplicates.
struct Verdict {
    bool declined_valid = false;  ///< in a mode where nlohmann gave a tree, the fast reader declined
    bool accepted = false;        ///< in some mode the fast reader gave a tree
    std::string problem;          ///< empty when the fast reader declined or agreed, and `parse_json` agreed
};

Verdict compare(std::string_view text) {
    Verdict verdict;
    const auto source = std::make_shared<const std::string>("f.json");
    for (const bool lenient : {false, true}) {
        const std::string mode = lenient ? "listing duplicates: " : "strict: ";
        std::vector<DuplicateKey> fast_duplicates = earlier_duplicates();
        const std::optional<Node> fast =
            apigap::detail::read_json_fast(text, source, lenient ? &fast_duplicates : nullptr);
        const Outcome reference = outcome_of(apigap::detail::parse_json_with_nlohmann, text, lenient);
        const Outcome overall = outcome_of(apigap::detail::parse_json, text, lenient);
        verdict.accepted = verdict.accepted || fast.has_value();
        verdict.declined_valid = verdict.declined_valid || (reference.root && !fast);
        if (fast && !reference.root) {
            verdict.problem += mode + "read what nlohmann refuses (" + reference.error + ")\n";
        } else if (fast) {
            if (std::string found = difference(*fast, *reference.root); !found.empty()) {
                verdict.problem += mode + "another tree: " + found + "\n";
            }
            if (listed(fast_duplicates) != listed(reference.duplicates)) {
                verdict.problem +=
                    mode + "other duplicates:\n" + listed(fast_duplicates) + "against\n" + listed(reference.duplicates);
            }
        } else if (listed(fast_duplicates) != listed(earlier_duplicates())) {
            verdict.problem += mode + "declined, leaving duplicates behind:\n" + listed(fast_duplicates);
        }
        if (overall.error != reference.error || overall.root.has_value() != reference.root.has_value() ||
            (overall.root && !(*overall.root == *reference.root)) ||
            listed(overall.duplicates) != listed(reference.duplicates)) {
            verdict.problem +=
                mode + "parse_json answers '" + overall.error + "', nlohmann '" + reference.error + "'\n";
        }
    }
    return verdict;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string nested(std::size_t levels) {
    return std::string(levels, '[') + std::string(levels, ']');
}

}  // namespace

TEST_CASE("every JSON file of the fixtures, golden cases and examples reads as nlohmann reads it, none declined",
          "[json_fast]") {
    std::size_t files = 0;
    for (const char* folder : {"tests/fixtures", "tests/cli", "tests/eval", "examples"}) {
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(std::string(APIGAP_SOURCE_DIR) + "/" + folder)) {
            if (entry.path().extension() != ".json") {
                continue;
            }
            ++files;
            INFO(entry.path().string());
            const Verdict verdict = compare(read_file(entry.path()));
            CHECK(verdict.problem.empty());
            CHECK_FALSE(verdict.declined_valid);
        }
    }
    CHECK(files >= 10);
}

TEST_CASE("every construct of JSON reads as nlohmann reads it, none declined", "[json_fast]") {
    const std::string document = GENERATE(
        as<std::string>{},
        // Containers, nested and empty, at the top and inside.
        "{}", "[]", "[[]]", "[{}]", "{\"a\":{}}", "{\"a\":[]}", "[{}, [], {\"b\": [[], {}]}]", " \t\r\n[ ] \n", "{ }",
        "[\n]", "[1,[2,[3,[4]]],{\"x\":{\"y\":{\"z\":null}}}]",
        // Scalars at the top.
        "0", "-0", "7", "-12", "1.5", "-0.0e0", "1E+2", "1e-2", "0.000001", "2.5E-3", "123456789012345678901234567890",
        "-9223372036854775809", "18446744073709551616", "1e307", "-9.99e307", "1e-400", "4.9e-324", "true", "false",
        "null", "\"x\"", "\"\"", "  42  ",
        // Escapes of every kind, and characters of one to four bytes.
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u0041\\u00e9\\u20AC\\uD83D\\uDE00\\u0000end\"",
        "\"\\uFFFF\\uFDD0\\udbff\\udfff\\uD800\\uDC00\"", "\"\\u001f\\u007F\\u0080\\u07ff\\u0800\"",
        "\"a\x7F"
        "b\"",
        "\"é日本😀\"", "[\"\\\\u0041\", \"\\\\\", \"\\/\\/\"]",
        // Marks after characters of several bytes, on one line and on several.
        "{\"naïve\": \"日本語\", \"k\": 1, \"é\":[\"😀\", 2, true], \"z\": null}",
        "{\n  \"名前\": \"太郎\",\n  \"😀😀\": [ \"é\", -1.5e3,\n\t\"x\" ],\n  \"last\": {\"é\": false}\n}\n",
        "[\"\\u00e9\", \"é\", 3]", "{\"\\uD83D\\uDE00\": \"😀\", \"b\": \"\\n\\t\", \"c\": 1}",
        // Carriage returns count as a column: CRLF and lone CR.
        "{\r\n  \"a\": 1,\r\n  \"b\": [\r\n    1, \"é\" ]\r\n}\r\n", "[1,\r2,\r\r\"x\"]",
        // Keys given twice, at several depths, and one written as an escape.
        "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":{\"c\":1,\"c\":[1],\"c\":{}},\"a\":3,\"a\":[]}",
        "[{\"x\":1,\"x\":2},{\"x\":1},[{\"y\":{\"y\":1,\"y\":2}}]]", "{\"\\u0061\":1,\"a\":2,\"é\":0,\"\\u00e9\":1}",
        "{\"\":1,\"\":2}",
        // A JSON Resume's shape.
        "{\n  \"basics\": {\"name\": \"Ana\", \"email\": \"ana@example.com\", \"profiles\": []},\n"
        "  \"work\": [{\"name\": \"Acme\", \"highlights\": [\"Built an API in Go\", \"Cut costs 30%\"]}],\n"
        "  \"skills\": [{\"name\": \"Backend\", \"level\": \"Senior\", \"keywords\": [\"Go\", \"PostgreSQL\"]}]\n}\n");
    INFO(document);
    const Verdict verdict = compare(document);
    CHECK(verdict.problem.empty());
    CHECK_FALSE(verdict.declined_valid);
}

TEST_CASE("invalid JSON is declined and parse_json reports nlohmann's error", "[json_fast][error]") {
    const std::string document = GENERATE(
        as<std::string>{},
        // Empty text, syntax errors and what follows a document.
        "", " ", "\n\t", "{", "}", "[", "]", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{,}",
        "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{1:2}", "{'a':1}", "{a:1}", "[1,2", "{\"a\":[1}", "[1}", "{]", "[1] x",
        "{} {}", "1 2", "[]]", "// c\n{}", "/* c */ []", "[1,\n2,\n]", "\"a\" \"b\"",
        // Numbers outside the grammar, and too large for a double.
        "01", "-01", "00", "1.", ".5", "+1", "-", "1e", "1e+", "1E-", "1.e3", "-.5", "0x10", "1_000", "Infinity",
        "-Infinity", "NaN", "[1.]", "[-]", "{\"a\":01}", "1e400", "-1e309", "9e308", "[1e99999999999999999999]",
        "1" + std::string(400, '0'),
        // Literals.
        "tru", "nul", "True", "NULL", "falsey", "[truefalse]", "nulll",
        // Strings: unterminated, control characters, escapes and surrogates.
        "\"abc", "\"", "\"\\", "\"\\u", "\"a\tb\"", "\"a\nb\"", "\"\x01\"", "\"\x1F\"", "\"\\x\"", "\"\\a\"",
        "\"\\U0041\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800\\u0041\"",
        "\"\\uDC00\\uD800\"", "\"\\uD800\\\"", "\"\\uD800x\"", "\"\\uD83D\\uD83D\"", "\"\\uDBFF\\uE000\"",
        // Invalid UTF-8 in strings and outside them; a byte order mark.
        "\"\xC3\"", "\"\xC3(\"", "\"\xC0\x80\"", "\"\xE0\x80\x80\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
        "\"\xF8\x88\x80\x80\x80\"", "\"\xFF\"", "\"\x80\"", "é", "[é]", "\xEF\xBB\xBF{}",
        // NUL bytes, inside and after a document.
        std::string("[1]\0", 4), std::string("\"a\0b\"", 5), std::string("{\"a\":1}\0x", 9));
    INFO(document);
    const Verdict verdict = compare(document);
    CHECK(verdict.problem.empty());
    CHECK_FALSE(verdict.accepted);
}

TEST_CASE("nesting is read to 32 levels, deeper left to nlohmann and NodeBuilder's limit", "[json_fast]") {
    for (const std::size_t levels : {1U, 31U, 32U}) {
        INFO(levels);
        const Verdict verdict = compare(nested(levels));
        CHECK(verdict.problem.empty());
        CHECK_FALSE(verdict.declined_valid);
    }
    for (const std::size_t levels : {33U, 64U, 65U, 1000U}) {
        INFO(levels);
        const Verdict verdict = compare(nested(levels));
        CHECK(verdict.problem.empty());
        CHECK_FALSE(verdict.accepted);
    }
    CHECK_THAT(outcome_of(apigap::detail::parse_json, nested(65), false).error,
               Catch::Contains("nested too deeply (more than 64 levels)"));
}

TEST_CASE("a key given twice without a list, and too many values, are the nlohmann path's errors",
          "[json_fast][error]") {
    const std::string twice = "{\"a\": 1,\n \"a\": 2}";
    CHECK_FALSE(apigap::detail::read_json_fast(twice, std::make_shared<const std::string>("f.json"), nullptr));
    CHECK(outcome_of(apigap::detail::parse_json, twice, false).error ==
          "error: f.json:2:2: duplicate key 'a' (first defined at 1:2)");
    std::string many = "[0";
    for (std::size_t i = 0; i < apigap::detail::k_max_nodes; ++i) {
        many += ",0";
    }
    many += "]";
    const Verdict verdict = compare(many);
    CHECK(verdict.problem.empty());
    CHECK_FALSE(verdict.accepted);
    CHECK_THAT(outcome_of(apigap::detail::parse_json, many, true).error, Catch::Contains("too many values"));
}

TEST_CASE("a document declined after a key given twice leaves the list as it was", "[json_fast]") {
    for (const std::string text :
         {"{\"a\":1,\"a\":2,", "{\"a\":{\"b\":1,\"b\":2},\"a\":3} x", "[{\"a\":1,\"a\":2}, 01]"}) {
        INFO(text);
        std::vector<DuplicateKey> duplicates = earlier_duplicates();
        CHECK_FALSE(apigap::detail::read_json_fast(text, std::make_shared<const std::string>("f.json"), &duplicates));
        CHECK(listed(duplicates) == listed(earlier_duplicates()));
        CHECK(compare(text).problem.empty());
    }
}

TEST_CASE("generated documents read as nlohmann reads them, none declined", "[json_fast]") {
    apigap::test::JsonWriter writer(20261207);
    for (int i = 0; i < 3000; ++i) {
        const std::string document = writer.document(i % 7);
        INFO(document);
        const Verdict verdict = compare(document);
        REQUIRE(verdict.problem.empty());
        REQUIRE_FALSE(verdict.declined_valid);
    }
}

TEST_CASE("edited documents are declined or read as nlohmann reads them", "[json_fast]") {
    apigap::test::JsonWriter writer(7);
    std::mt19937 random(11);
    std::size_t accepted = 0;
    std::size_t declined = 0;
    for (int i = 0; i < 6000; ++i) {
        std::string document = writer.document(1 + i % 4);
        for (int edits = 1 + i % 3; edits > 0; --edits) {
            document = apigap::test::edited(document, random);
        }
        INFO(document);
        const Verdict verdict = compare(document);
        REQUIRE(verdict.problem.empty());
        ++(verdict.accepted ? accepted : declined);
    }
    CHECK(accepted > 1000);
    CHECK(declined > 1000);
}
