// Tests of the UTF-8 checks and the byte-offset to line:column mapping (src/core/utf8.cpp).
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/byte_words.hpp"
#include "core/utf8.hpp"

using apigap::detail::find_invalid_utf8;
using apigap::detail::location_of;
using apigap::detail::require_utf8;

TEST_CASE("ASCII and empty text are valid UTF-8", "[utf8]") {
    CHECK(find_invalid_utf8("") == std::nullopt);
    CHECK(find_invalid_utf8("plain ASCII: {a: [1, 2]}\n\t~") == std::nullopt);
    CHECK(find_invalid_utf8(std::string("nul\0inside", 10)) == std::nullopt);
    CHECK(find_invalid_utf8("\x7F") == std::nullopt);
}

TEST_CASE("well-formed multibyte sequences of every length are valid", "[utf8]") {
    CHECK(find_invalid_utf8("\xC2\x80") == std::nullopt);           // U+0080, smallest 2-byte
    CHECK(find_invalid_utf8("caf\xC3\xA9") == std::nullopt);        // é
    CHECK(find_invalid_utf8("\xDF\xBF") == std::nullopt);           // U+07FF
    CHECK(find_invalid_utf8("\xE0\xA0\x80") == std::nullopt);       // U+0800, smallest 3-byte
    CHECK(find_invalid_utf8("\xE2\x82\xAC 5") == std::nullopt);     // €
    CHECK(find_invalid_utf8("\xED\x9F\xBF") == std::nullopt);       // U+D7FF, just below the surrogates
    CHECK(find_invalid_utf8("\xEE\x80\x80") == std::nullopt);       // U+E000, just above them
    CHECK(find_invalid_utf8("\xEF\xBB\xBF") == std::nullopt);       // BOM
    CHECK(find_invalid_utf8("\xF0\x90\x80\x80") == std::nullopt);   // U+10000, smallest 4-byte
    CHECK(find_invalid_utf8("\xF0\x9F\x98\x80!") == std::nullopt);  // 😀
    CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == std::nullopt);   // U+10FFFF, the largest
    CHECK(find_invalid_utf8("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z") == std::nullopt);
}

TEST_CASE("overlong encodings are invalid at their first byte", "[utf8]") {
    CHECK(find_invalid_utf8("\xC0\x80") == 0u);             // NUL as two bytes
    CHECK(find_invalid_utf8("\xC1\xBF") == 0u);             // U+007F as two bytes
    CHECK(find_invalid_utf8("ab\xE0\x80\x80") == 2u);       // NUL as three bytes
    CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0u);         // U+07FF as three bytes
    CHECK(find_invalid_utf8("\xF0\x80\x80\x80") == 0u);     // NUL as four bytes
    CHECK(find_invalid_utf8("xyz\xF0\x8F\xBF\xBF") == 3u);  // U+FFFF as four bytes
}

TEST_CASE("UTF-16 surrogates are invalid", "[utf8]") {
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);              // U+D800
    CHECK(find_invalid_utf8("ok \xED\xBF\xBF") == 3u);           // U+DFFF
    CHECK(find_invalid_utf8("\xED\xA0\xBD\xED\xB8\x80") == 0u);  // a CESU-8 surrogate pair
}

TEST_CASE("code points above U+10FFFF and bytes that never occur are invalid", "[utf8]") {
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // U+110000
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0u);
    CHECK(find_invalid_utf8("\xF7\xBF\xBF\xBF") == 0u);
    CHECK(find_invalid_utf8("a\xF8\x88\x80\x80\x80") == 1u);  // old 5-byte form
    CHECK(find_invalid_utf8("a\xFE") == 1u);
    CHECK(find_invalid_utf8("\xFF") == 0u);
}

TEST_CASE("a stray continuation byte is invalid", "[utf8]") {
    CHECK(find_invalid_utf8("\x80") == 0u);
    CHECK(find_invalid_utf8("abc\xBF") == 3u);
    CHECK(find_invalid_utf8("\xC3\xA9\xA9") == 2u);  // é followed by one continuation too many
}

TEST_CASE("truncated sequences are invalid at their lead byte", "[utf8]") {
    SECTION("at the end of the text") {
        CHECK(find_invalid_utf8("\xC3") == 0u);
        CHECK(find_invalid_utf8("ab\xE2\x82") == 2u);
        CHECK(find_invalid_utf8("ab\xF0\x9F\x98") == 2u);
        CHECK(find_invalid_utf8("\xF0") == 0u);
    }
    SECTION("followed by an ASCII byte") {
        CHECK(find_invalid_utf8("\xC3\x61") == 0u);       // 'a'
        CHECK(find_invalid_utf8("x\xE2\x82\x63") == 1u);  // 'c'
        CHECK(find_invalid_utf8("\xF0\x9F\x98 rest") == 0u);
    }
    SECTION("followed by another lead byte") {
        CHECK(find_invalid_utf8("\xE2\xC3\xA9") == 0u);
    }
    SECTION("after valid multibyte text") {
        CHECK(find_invalid_utf8("\xC3\xA9\xE2\x82\xAC\xE2\x82") == 5u);
    }
}

TEST_CASE("control_length finds C0, DEL and C1 characters and nothing else", "[utf8]") {
    using apigap::detail::control_length;
    CHECK(control_length("\x1B[2J", 0) == 1);
    CHECK(control_length("a\tb", 1) == 1);
    CHECK(control_length("\x7F", 0) == 1);
    CHECK(control_length("\xC2\x85", 0) == 2);  // U+0085, next line
    CHECK(control_length("\xC2\x9F", 0) == 2);  // U+009F, the last C1
    CHECK(control_length("\xC2\xA0", 0) == 0);  // U+00A0, no-break space: printable
    CHECK(control_length("\xC2", 0) == 0);      // cut off: not a control character
    CHECK(control_length(" ~", 0) == 0);
    CHECK(control_length(" ~", 1) == 0);
    CHECK(control_length("\xC3\xA9", 0) == 0);
}

TEST_CASE("location_of gives 1-based lines and columns counted in code points", "[utf8]") {
    SECTION("the first byte is 1:1") {
        const apigap::Location at = location_of("abc", 0, "f.yaml");
        CHECK(at.source == "f.yaml");
        CHECK(at.line == 1);
        CHECK(at.column == 1);
    }
    SECTION("a newline starts the next line at column 1") {
        const std::string text = "ab\ncd\nef";
        CHECK(location_of(text, 2, "s").line == 1);
        CHECK(location_of(text, 2, "s").column == 3);
        CHECK(location_of(text, 3, "s").line == 2);
        CHECK(location_of(text, 3, "s").column == 1);
        CHECK(location_of(text, 7, "s").line == 3);
        CHECK(location_of(text, 7, "s").column == 2);
    }
    SECTION("a multibyte character is one column") {
        const std::string text = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x";  // é € 😀 x
        CHECK(location_of(text, 2, "s").column == 2);
        CHECK(location_of(text, 5, "s").column == 3);
        const apigap::Location x = location_of(text, 9, "s");
        CHECK(x.line == 1);
        CHECK(x.column == 4);
    }
    SECTION("multibyte characters on earlier lines do not shift later columns") {
        const std::string text = "\xC3\xA9\xC3\xA9\nab";
        CHECK(location_of(text, 6, "s").line == 2);
        CHECK(location_of(text, 6, "s").column == 2);
    }
    SECTION("an offset past the end stops at the end") {
        const apigap::Location end = location_of("ab\nc", 100, "s");
        CHECK(end.line == 2);
        CHECK(end.column == 2);
    }
}

TEST_CASE("require_utf8 accepts valid text", "[utf8]") {
    CHECK_NOTHROW(require_utf8("", "f.yaml"));
    CHECK_NOTHROW(require_utf8("name: Jos\xC3\xA9\nskill: \xE2\x82\xAC\n", "f.yaml"));
}

TEST_CASE("require_utf8 names the first invalid byte as source:line:col", "[utf8][error]") {
    SECTION("the message is exactly 'source:line:col: invalid UTF-8'") {
        try {
            require_utf8("a: 1\nb\xC3\xA9\xC0\x80 rest\n\xFF", "f.yaml");
            FAIL("no error for invalid UTF-8");
        } catch (const apigap::Error& error) {
            CHECK(std::string(error.what()) == "f.yaml:2:3: invalid UTF-8");
            CHECK(error.diagnostic().message == "invalid UTF-8");
            CHECK(error.diagnostic().location.source == "f.yaml");
            CHECK(error.diagnostic().location.line == 2);
            CHECK(error.diagnostic().location.column == 3);
            CHECK(error.code() == apigap::ExitCode::usage);
        }
    }
    SECTION("a surrogate after multibyte text") {
        try {
            require_utf8("\xE2\x82\xAC\xE2\x82\xAC\xED\xA0\x80", "answers.yaml");
            FAIL("no error for a surrogate");
        } catch (const apigap::Error& error) {
            CHECK(std::string(error.what()) == "answers.yaml:1:3: invalid UTF-8");
        }
    }
}

TEST_CASE("an invalid sequence is found where it is after any run of ASCII and of valid multibyte text", "[utf8]") {
    const std::vector<std::string> invalid{"\x80",         "\xC3",     "\xC3\x61",         "\xE0\x9F\xBF",
                                           "\xED\xA0\x80", "\xE2\x82", "\xF4\x90\x80\x80", "\xFF"};
    for (std::size_t ascii = 0; ascii <= 20; ++ascii) {
        for (const std::string& tail : {std::string(), std::string("\xC3\xA9"), std::string("\xE4\xB8\xAD")}) {
            const std::string valid = std::string(ascii, 'a') + tail;
            CHECK(find_invalid_utf8(valid + "z") == std::nullopt);
            for (const std::string& bad : invalid) {
                INFO(ascii << " ASCII bytes, then " << tail.size() << " of multibyte text");
                CHECK(find_invalid_utf8(valid + bad + "0123456789") == valid.size());
            }
        }
    }
}

TEST_CASE("a text position moved in steps counts lines and code points as byte by byte", "[utf8]") {
    // The model: a newline starts a line at column 1; every byte but a continuation byte moves a column on.
    const auto model = [](std::string_view text, std::size_t offset) {
        int line = 1;
        int column = 1;
        for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
        }
        return std::pair{line, column};
    };
    const std::vector<std::string> pieces{"a",      "bc",     " ",    "\n",   "\n\n",
                                          "\u00e9", "\u4e2d", "\xbf", "\xff", "{\"k\": 1}"};
    apigap::test::Sequence next(11);
    for (int round = 0; round < 2'000; ++round) {
        std::string text;
        for (std::uint32_t count = next(60); count > 0; --count) {
            text += pieces[next(static_cast<std::uint32_t>(pieces.size()))];
        }
        apigap::detail::TextPosition position;
        for (std::size_t target = 0; target <= text.size() + 3; target += next(20)) {
            position.advance(text, target);
            CAPTURE(text, target);
            const auto [line, column] = model(text, target);
            REQUIRE(position.line == line);
            REQUIRE(position.column == column);
        }
    }
}

TEST_CASE("count_marked counts the marked bytes of every mask of high bits", "[utf8]") {
    for (unsigned marks = 0; marks < 256; ++marks) {
        std::uint64_t mask = 0;
        for (unsigned byte = 0; byte < 8; ++byte) {
            if ((marks >> byte & 1U) != 0) {
                mask |= std::uint64_t{0x80} << (8 * byte);
            }
        }
        CAPTURE(marks);
        CHECK(apigap::detail::byte_words::count_marked(mask) == std::popcount(marks));
    }
}
