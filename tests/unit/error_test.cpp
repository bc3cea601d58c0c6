// Tests of locations, diagnostics and the error type (src/core/error.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "apigap/error.hpp"

using apigap::Diagnostic;
using apigap::Error;
using apigap::ExitCode;
using apigap::Location;

TEST_CASE("a location prints as source:line:col, leaving out the parts that are 0", "[error]") {
    CHECK(apigap::to_string(Location{"f.yaml", 3, 7}) == "f.yaml:3:7");
    CHECK(apigap::to_string(Location{"f.yaml", 3, 0}) == "f.yaml:3");
    CHECK(apigap::to_string(Location{"f.yaml", 0, 0}) == "f.yaml");
    CHECK(apigap::to_string(Location{"<stdin>", 1, 1}) == "<stdin>:1:1");
}

TEST_CASE("a diagnostic prints its location before its message", "[error]") {
    CHECK(apigap::to_string(Diagnostic{{"f.yaml", 2, 3}, "invalid UTF-8"}) == "f.yaml:2:3: invalid UTF-8");
    CHECK(apigap::to_string(Diagnostic{{"f.yaml", 0, 0}, "too big"}) == "f.yaml: too big");
    CHECK(apigap::to_string(Diagnostic{{}, "no place"}) == "no place");
}

TEST_CASE("an error's what() is its diagnostic and its code defaults to usage", "[error]") {
    const Error plain("something failed");
    CHECK(std::string(plain.what()) == "something failed");
    CHECK(plain.code() == ExitCode::usage);
    CHECK(plain.diagnostic().location.source.empty());

    const Error located(Location{"a.yaml", 4, 2}, "bad rating", ExitCode::failed);
    CHECK(std::string(located.what()) == "a.yaml:4:2: bad rating");
    CHECK(located.diagnostic().message == "bad rating");
    CHECK(located.diagnostic().location.line == 4);
    CHECK(located.code() == ExitCode::failed);

    const Error from_diagnostic(Diagnostic{{"k.yaml", 1, 1}, "oops"}, ExitCode::internal);
    CHECK(std::string(from_diagnostic.what()) == "k.yaml:1:1: oops");
    CHECK(static_cast<int>(from_diagnostic.code()) == 3);
}

TEST_CASE("exit codes have their documented values", "[error]") {
    CHECK(static_cast<int>(ExitCode::ok) == 0);
    CHECK(static_cast<int>(ExitCode::failed) == 1);
    CHECK(static_cast<int>(ExitCode::usage) == 2);
    CHECK(static_cast<int>(ExitCode::internal) == 3);
}

TEST_CASE("escape_invalid_utf8 writes each invalid byte as backslash-x and two hex digits and keeps valid text",
          "[error]") {
    using apigap::escape_invalid_utf8;
    CHECK(escape_invalid_utf8("caf\xC3\xA9 \xE2\x86\x92 ok") == "caf\xC3\xA9 \xE2\x86\x92 ok");
    CHECK(escape_invalid_utf8("py\xFFthon") == "py\\xFFthon");
    CHECK(escape_invalid_utf8("caf\xE9.txt") == "caf\\xE9.txt");      // Latin-1
    CHECK(escape_invalid_utf8("\xE2\x82") == "\\xE2\\x82");           // cut off
    CHECK(escape_invalid_utf8("\xED\xA0\x80") == "\\xED\\xA0\\x80");  // a surrogate
    CHECK(escape_invalid_utf8("\xC0\xAF") == "\\xC0\\xAF");           // overlong
    CHECK(escape_invalid_utf8("") == "");
}

TEST_CASE("printable_line writes out control characters, so that a message stays one line that moves no cursor",
          "[error]") {
    using apigap::printable_line;
    CHECK(printable_line("a\nb.md: not found") == "a\\nb.md: not found");
    CHECK(printable_line("tab\there\r") == "tab\\there\\r");
    CHECK(printable_line("py\x1B[31mthon") == "py\\x1B[31mthon");              // a colour escape
    CHECK(printable_line(std::string_view("a\0b\x7F", 4)) == "a\\x00b\\x7F");  // NUL and DEL
    CHECK(printable_line("\xC2\x9B"
                         "2J \xC2\x85") == "\\u009B2J \\u0085");  // C1: CSI and NEL
    CHECK(printable_line("py\xFFthon \xC2\xA0"
                         "caf\xC3\xA9 \xE2\x86\x92") ==
          "py\\xFFthon \xC2\xA0"
          "caf\xC3\xA9 \xE2\x86\x92");  // invalid UTF-8 escaped, other text kept
    CHECK(printable_line("") == "");
}
