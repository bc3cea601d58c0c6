// Tests of text normalized for keyword matching (src/ingest/normalize.cpp): into a reused buffer, by ASCII runs,
// code points remembered from one line to the next.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "ingest/normalize.hpp"

using apigap::ingest_detail::may_lead_mark;
using apigap::ingest_detail::normalize_for_matching;
using apigap::ingest_detail::NormalizedText;

namespace {

/// `code_point` in UTF-8.
std::string utf8(char32_t code_point) {
    std::string out;
    const auto byte = [&](char32_t value) { out += static_cast<char>(value); };
    if (code_point < 0x80) {
        byte(code_point);
    } else if (code_point < 0x800) {
        byte(0xC0 | (code_point >> 6));
        byte(0x80 | (code_point & 0x3F));
    } else {
        byte(0xE0 | (code_point >> 12));
        byte(0x80 | ((code_point >> 6) & 0x3F));
        byte(0x80 | (code_point & 0x3F));
    }
    return out;
}

}  // namespace

TEST_CASE("a reused buffer normalizes each line as a fresh one does", "[normalize]") {
    std::string circled;
    for (int i = 0; i < 200; ++i) {
        circled += "\u247D";  // ⑽: three bytes that become four, "(10)", past the room a line is given
    }
    const std::vector<std::string> lines{"Built REST APIs in Go  and\tPython",
                                         "",
                                         circled,
                                         "x",
                                         "Cafe\u0301 au lait, na\u00EFve, \u00C9COLE",
                                         "  a \u00A0\t b  ",
                                         "\uFDFA and \uFB01x",
                                         "bad \xFF\xFE bytes \xE4\xBD",
                                         std::string(5'000, 'A') + "\u0301"};
    NormalizedText reused;
    for (int round = 0; round < 2; ++round) {
        for (const std::string& line : lines) {
            for (const bool fold_case : {true, false}) {
                CAPTURE(line, fold_case);
                const NormalizedText fresh = normalize_for_matching(line, fold_case);
                normalize_for_matching(line, fold_case, reused);
                CHECK(reused.text == fresh.text);
                CHECK(reused.source_offset == fresh.source_offset);
                CHECK(fresh.source_offset.size() == fresh.text.size() + 1);
                CHECK(fresh.source_offset.back() == line.size());
            }
        }
    }
    const NormalizedText two = normalize_for_matching("\u247D\u247D", true);
    CHECK(two.text == "(10)(10)");
    CHECK(two.source_offset == std::vector<std::uint32_t>{0, 0, 0, 0, 3, 3, 3, 3, 6});
    CHECK(normalize_for_matching(circled, true).text.size() == 4 * 200);
    CHECK(normalize_for_matching("Cafe\u0301 \u00C9COLE", true).text == "caf\u00E9 \u00E9cole");
    CHECK(normalize_for_matching("Cafe\u0301 \u00C9COLE", false).text == "Caf\u00E9 \u00C9COLE");
    CHECK(normalize_for_matching("  a \u00A0\t b  ", true).text == " a b ");
}

TEST_CASE("a code point normalizes the same every time, whatever was normalized before", "[normalize]") {
    // Code points alone are remembered from line to line, with and without case folding: a line of many, read
    // twice each way, reads as each one read alone.
    for (const bool fold_case : {true, false, true}) {
        std::string line;
        std::string expected;
        for (char32_t code_point = 0xA0; code_point < 0x2200; ++code_point) {
            line += utf8(code_point) + "|";  // a mark after it is its own, and composes with nothing
            expected += normalize_for_matching(utf8(code_point), fold_case).text + "|";
        }
        CAPTURE(fold_case);
        CHECK(normalize_for_matching(line, fold_case).text == expected);
        CHECK(normalize_for_matching(line, fold_case).text == expected);
    }
    CHECK(normalize_for_matching("\u00C9", true).text == "\u00E9");
    CHECK(normalize_for_matching("\u00C9", false).text == "\u00C9");
    CHECK(normalize_for_matching("\u0414", true).text == "\u0434");
    CHECK(normalize_for_matching("\u0414", false).text == "\u0414");
}

TEST_CASE("runs of two-byte code points normalize as each one alone, read the long way or as remembered",
          "[normalize]") {
    // Every two-byte code point that is not a mark, one after the other: the first reading remembers them (as many
    // as the cache holds), the second reads runs of them as remembered. Those that become a space are left out, as
    // spaces collapse.
    for (const bool fold_case : {true, false}) {
        std::string line;
        std::string expected;
        for (char32_t code_point = 0x80; code_point < 0x800; ++code_point) {
            const std::string alone = normalize_for_matching(utf8(code_point), fold_case).text;
            if (utf8proc_get_property(static_cast<utf8proc_int32_t>(code_point))->combining_class != 0 ||
                alone.find(' ') != std::string::npos) {
                continue;
            }
            line += utf8(code_point);
            expected += alone;
        }
        CAPTURE(fold_case);
        CHECK(normalize_for_matching(line, fold_case).text == expected);
        CHECK(normalize_for_matching(line, fold_case).text == expected);
    }
    for (int round = 0; round < 2; ++round) {
        // Each letter keeps its offset; a letter a mark follows, Cyrillic or ASCII, composes with it.
        const NormalizedText word = normalize_for_matching("\u041F\u0420\u0418 x", true);
        CHECK(word.text == "\u043F\u0440\u0438 x");
        CHECK(word.source_offset == std::vector<std::uint32_t>{0, 0, 2, 2, 4, 4, 6, 7, 8});
        CHECK(normalize_for_matching("\u0434\u0435\u0435\u0300\u0434", true).text == "\u0434\u0435\u0450\u0434");
        CHECK(normalize_for_matching("\u0434\u0435e\u0301 \u0434e\u0301", true).text ==
              "\u0434\u0435\u00E9 \u0434\u00E9");
    }
}

TEST_CASE("runs of CJK ideographs and Hangul syllables are copied as they are, each byte with its offset",
          "[normalize]") {
    std::string line;
    for (char32_t code_point = 0x4E00; code_point < 0x4E40; ++code_point) {
        line += utf8(code_point);
    }
    for (char32_t code_point = 0xAC00; code_point < 0xAC40; ++code_point) {
        line += utf8(code_point);
    }
    const NormalizedText text = normalize_for_matching(line + " X", true);
    CHECK(text.text == line + " x");
    std::vector<std::uint32_t> offsets(line.size() + 3);  // each byte of a code point has the offset of its first
    for (std::uint32_t k = 0; k < offsets.size(); ++k) {
        offsets[k] = k < line.size() ? k - k % 3 : k;
    }
    CHECK(text.source_offset == offsets);
    // Other three-byte code points end a run and are read the long way: a full-width letter folds, a space is one.
    CHECK(normalize_for_matching("\u4E00\uFF21\u4E00\u3000\uAC00", true).text == "\u4E00a\u4E00 \uAC00");
}

TEST_CASE("CJK ideographs and Hangul syllables are their own form, alone or before a mark", "[normalize]") {
    // Alone, they are copied as they are; before a combining mark they go through utf8proc, which must agree.
    for (const auto& [first, last] : {std::pair<char32_t, char32_t>{0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}}) {
        for (char32_t code_point = first; code_point <= last; ++code_point) {
            const std::string alone = utf8(code_point);
            if (normalize_for_matching(alone + "\u0301", true).text != alone + "\u0301") {
                FAIL_CHECK("U+" << std::hex << static_cast<std::uint32_t>(code_point) << " changes");
            }
            if (normalize_for_matching(alone, true).text != alone) {
                FAIL_CHECK("U+" << std::hex << static_cast<std::uint32_t>(code_point) << " changes alone");
            }
        }
    }
}

TEST_CASE("ASCII lines normalize as a model does, eight bytes at a time or one", "[normalize]") {
    // The model: a run of white space is one space, a capital is small when case is folded, each byte keeps the
    // offset it comes from.
    const auto model = [](const std::string& line, bool fold_case) {
        NormalizedText out;
        for (std::size_t i = 0; i < line.size(); ++i) {
            char c = line[i];
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                if (!out.text.empty() && out.text.back() == ' ') {
                    continue;
                }
                c = ' ';
            } else if (fold_case && c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
            out.text += c;
            out.source_offset.push_back(static_cast<std::uint32_t>(i));
        }
        out.source_offset.push_back(static_cast<std::uint32_t>(line.size()));
        return out;
    };
    // Mostly letters and single spaces, as the fast path takes them, now and then what it must leave: white space
    // other than a space, a second space, the bytes around the letters' range.
    const std::string common = "aAzZmM09 -@[`{";
    const std::string rare = " \t\n\v\f\r\x08\x0e\x1f\x7f";
    std::uint32_t seed = 77;
    const auto next = [&](std::uint32_t below) {
        seed = seed * 1103515245U + 12345U;
        return (seed >> 16U) % below;
    };
    NormalizedText reused;
    for (int round = 0; round < 3000; ++round) {
        std::string line;
        for (std::uint32_t length = next(70); line.size() < length;) {
            line += next(40) == 0 ? rare[next(static_cast<std::uint32_t>(rare.size()))]
                                  : common[next(static_cast<std::uint32_t>(common.size()))];
        }
        for (const bool fold_case : {true, false}) {
            CAPTURE(line, fold_case);
            const NormalizedText expected = model(line, fold_case);
            normalize_for_matching(line, fold_case, reused);
            REQUIRE(reused.text == expected.text);
            REQUIRE(reused.source_offset == expected.source_offset);
        }
    }
}

TEST_CASE("every combining mark is led by a byte that may lead one", "[normalize]") {
    // Else a mark after that code point would be left alone, not composed with what it follows.
    for (char32_t code_point = 0x80; code_point < 0x110000; ++code_point) {
        if ((code_point >= 0xD800 && code_point <= 0xDFFF) ||
            utf8proc_get_property(static_cast<utf8proc_int32_t>(code_point))->combining_class == 0) {
            continue;
        }
        std::array<utf8proc_uint8_t, 4> bytes{};
        utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes.data());
        if (!may_lead_mark(static_cast<char>(bytes[0]))) {
            FAIL_CHECK("U+" << std::hex << static_cast<std::uint32_t>(code_point)
                            << " is a mark its lead byte may not lead");
        }
    }
    // ASCII and continuation bytes lead none, nor Cyrillic's and the CJK ideographs' lead bytes.
    for (const char byte : {'a', ' ', '\x80', '\xBF', '\xD0', '\xD1', '\xE4', '\xE9'}) {
        CHECK_FALSE(may_lead_mark(byte));
    }
}

TEST_CASE("a mark composes with the code point before it, whatever script leads either", "[normalize]") {
    // A letter of each kind of lead byte, then a mark of each: the pair normalizes as utf8proc composes it.
    for (const char32_t base : {U'e', U'\u00E9', U'\u0435', U'\u4E00', U'\u3042', U'\u2022'}) {
        for (const char32_t mark : {U'\u0301', U'\u0483', U'\u3099', U'\u20D7'}) {
            const std::string line = "x" + utf8(base) + utf8(mark) + "y";
            utf8proc_uint8_t* composed = nullptr;
            utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(line.data()),
                         static_cast<utf8proc_ssize_t>(line.size()), &composed,
                         static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                                        UTF8PROC_CASEFOLD));
            const std::string expected(reinterpret_cast<const char*>(composed));
            std::free(composed);
            CAPTURE(line);
            CHECK(normalize_for_matching(line, true).text == expected);
        }
    }
}

TEST_CASE("a combining mark after eight bytes of ASCII or more composes with the last of them", "[normalize]") {
    for (std::size_t letters = 1; letters <= 25; ++letters) {
        const std::string line = std::string(letters, 'E') + "\u0301 x";
        CAPTURE(letters);
        const NormalizedText normal = normalize_for_matching(line, true);
        CHECK(normal.text == std::string(letters - 1, 'e') + "\u00E9 x");
        REQUIRE(normal.source_offset.size() == normal.text.size() + 1);
        CHECK(normal.source_offset[letters - 1] == letters - 1);  // both bytes of é come from the E
        CHECK(normal.source_offset[letters] == letters - 1);
        CHECK(normal.source_offset[letters + 1] == letters + 2);  // the space, after the mark's two bytes
    }
}

TEST_CASE("lines written one after the other are each what the line gives alone, a separator between", "[normalize]") {
    // Lines that grow, shrink, normalize to nothing, expand ("⑽"), hold spaces at their ends and bytes of other
    // scripts; written into one buffer, again and again, so that what a longer run left over lies past the end.
    const std::vector<std::string> lines{"Built REST APIs in Go  and\tPython",
                                         "",
                                         "\u247D\u247D\u247D",
                                         "  ",
                                         "x",
                                         "Cafe\u0301 au lait, \u00C9COLE ",
                                         "\u00AD",
                                         "bad \xFF\xFE bytes \xE4\xBD",
                                         std::string(300, 'Q') + " and " + std::string(40, ' ') + "z"};
    NormalizedText run;
    std::uint32_t seed = 9;
    for (int round = 0; round < 200; ++round) {
        std::vector<std::size_t> picked;
        for (std::uint32_t count = 1 + (seed = seed * 1103515245U + 12345U) % 6; picked.size() < count;) {
            seed = seed * 1103515245U + 12345U;
            picked.push_back((seed >> 16U) % lines.size());
        }
        std::vector<std::pair<std::size_t, std::size_t>> spans;  // each line's [start, end)
        std::size_t end = 0;
        for (const std::size_t line : picked) {
            const std::size_t start = spans.empty() ? 0 : end + 1;
            end = apigap::ingest_detail::normalize_into(lines[line], true, run, start);
            spans.emplace_back(start, end);
        }
        for (std::size_t k = 0; k < picked.size(); ++k) {
            const std::string& line = lines[picked[k]];
            const auto [start, stop] = spans[k];
            const NormalizedText alone = normalize_for_matching(line, true);
            CAPTURE(round, k, line);
            REQUIRE(run.text.substr(start, stop - start) == alone.text);
            REQUIRE(std::vector<std::uint32_t>(run.source_offset.begin() + static_cast<std::ptrdiff_t>(start),
                                               run.source_offset.begin() + static_cast<std::ptrdiff_t>(stop + 1)) ==
                    alone.source_offset);
            if (k > 0) {
                CHECK(run.text[start - 1] == apigap::ingest_detail::k_line_separator);
            }
        }
    }
}

TEST_CASE("decoding takes a sequence whole where utf8proc reads it as one code point, else nothing", "[normalize]") {
    // Every lead byte before every second and third byte of interest, at the end of the text and not: what
    // utf8proc makes of the bytes is the reference.
    const std::vector<unsigned char> others{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                            0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xFF};
    std::size_t decoded = 0;
    for (unsigned lead = 0x80; lead <= 0xFF; ++lead) {
        for (const unsigned char second : others) {
            for (const unsigned char third : others) {
                for (const unsigned fourth : {0x41U, 0x80U, 0xBFU}) {
                    const std::string bytes{static_cast<char>(lead), static_cast<char>(second),
                                            static_cast<char>(third), static_cast<char>(fourth)};
                    for (std::size_t size = 1; size <= bytes.size(); ++size) {
                        const std::string text = bytes.substr(0, size);
                        utf8proc_int32_t expected = -1;
                        const utf8proc_ssize_t length =
                            utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                             static_cast<utf8proc_ssize_t>(text.size()), &expected);
                        const apigap::ingest_detail::DecodedCodePoint got =
                            apigap::ingest_detail::decode_valid(text, 0);
                        CAPTURE(lead, static_cast<unsigned>(second), static_cast<unsigned>(third), size);
                        if (length > 0) {
                            REQUIRE(got.length == static_cast<std::size_t>(length));
                            REQUIRE(got.code_point == static_cast<char32_t>(expected));
                            ++decoded;
                        } else {
                            REQUIRE(got.length == 0);
                        }
                    }
                }
            }
        }
    }
    CHECK(decoded > 1000);
}
