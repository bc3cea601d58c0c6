// Tests of the line helpers the text formats share (src/ingest/text_lines.hpp, text.cpp): collapsing white space,
// whether a piece has text, and adding a line already collapsed.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "apigap/resume.hpp"
#include "ingest/text_lines.hpp"

using apigap::ingest_detail::collapse_whitespace;
using apigap::ingest_detail::has_text;

namespace {

/// Lines of every kind of white space and invisible character `collapse_whitespace` knows, in valid UTF-8.
const std::vector<std::string>& samples() {
    static const std::vector<std::string> texts{
        "",
        "   ",
        "Go",
        "  Built  REST APIs\tin Go  ",
        "a b c d",
        "\x01\x1f\x7f ctrl",
        "no\u00a0break\u2003em\u3000ideographic\u202fnarrow",
        "zero\u200bwidth\u2060joiner\ufeffbom soft\u00adhyphen",
        "\u00a0\u200b lead and trail \u2028\u2029",
        "caf\u00e9 \u2014 \u4e2d\u6587 \u0440\u0443\u0441 \U0001F600",
        "\u0085C1 control\u009f",
        "x \u200b y",
    };
    return texts;
}

std::string to_utf8(const std::u32string& text) {
    std::string utf8;
    for (const char32_t c : text) {
        if (c < 0x80) {
            utf8 += static_cast<char>(c);
        } else if (c < 0x800) {
            utf8 += static_cast<char>(0xc0 | (c >> 6));
            utf8 += static_cast<char>(0x80 | (c & 0x3f));
        } else {
            utf8 += static_cast<char>(0xe0 | (c >> 12));
            utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            utf8 += static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    return utf8;
}

/// `collapse_whitespace` as its contract says it, a code point at a time: the model the fast one is checked against.
std::string collapsed_by_the_book(const std::u32string& text) {
    const auto is_space = [](char32_t c) {
        return c <= 0x20 || (c >= 0x7f && c <= 0xa0) || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
               c == 0x202f || c == 0x205f || c == 0x3000;
    };
    const auto is_invisible = [](char32_t c) { return c == 0xad || c == 0x200b || c == 0x2060 || c == 0xfeff; };
    std::u32string kept;
    bool pending = false;
    for (const char32_t c : text) {
        if (is_space(c)) {
            pending = !kept.empty();
        } else if (!is_invisible(c)) {
            if (pending) {
                kept += U' ';
                pending = false;
            }
            kept += c;
        }
    }
    return to_utf8(kept);
}

}  // namespace

TEST_CASE("white space collapses as a code point at a time would, wherever it falls in a run of ASCII", "[text]") {
    // Letters, spaces, controls and characters past ASCII that are spaces, invisible or text, in texts of every
    // length up to 40, each at every place of a run of ASCII text.
    // Text past ASCII of every lead byte: two bytes (é, Ж), three under a lead that also starts spaces (’ E2, あ E3,
    // （ EF) and one that does not (中), four (an emoji).
    const std::u32string others =
        U"\t\n~\x7f\x85\u00a0\u00ad\u00e9\u0416\u2003\u200b\u2019\u3042\uff08\u4e2d\U0001F600";
    std::uint32_t state = 1;
    const auto next = [&] {
        state = state * 1'664'525U + 1'013'904'223U;  // a fixed sequence: the same cases on every run
        return state >> 16;
    };
    std::string collapsed;
    for (int round = 0; round < 20'000; ++round) {
        std::u32string text;
        const std::uint32_t length = next() % 40;
        for (std::uint32_t i = 0; i < length; ++i) {
            // Mostly letters and spaces, as resumes are; now and then one of the others.
            const std::uint32_t pick = next() % 16;
            text += pick < 9 ? static_cast<char32_t>(U'a' + pick) : pick < 13 ? U' ' : others[next() % others.size()];
        }
        const std::string utf8 = to_utf8(text);
        INFO(utf8);
        collapse_whitespace(utf8, collapsed);
        CHECK(collapsed == collapsed_by_the_book(text));
    }
}

TEST_CASE("long runs of words and single spaces collapse as a code point at a time would", "[text]") {
    // Words of printable ASCII between single spaces, eight bytes and more at a time, broken now and then by a
    // double space, a control, a byte past ASCII or one of the bytes around the printable range.
    const std::u32string rare = U"\t\n\x1f\x7f \u00a0\u00e9\u2003\u200b\u4e2d";
    apigap::test::Sequence next(7);
    std::string collapsed;
    for (int round = 0; round < 5'000; ++round) {
        std::u32string text;
        for (std::uint32_t length = next(120); text.size() < length;) {
            const std::uint32_t pick = next(64);
            text += pick == 0   ? rare[next(static_cast<std::uint32_t>(rare.size()))]
                    : pick < 10 ? U' '
                                : static_cast<char32_t>(U'!' + next(94));  // '!' to '~'
        }
        const std::string utf8 = to_utf8(text);
        INFO(utf8);
        collapse_whitespace(utf8, collapsed);
        REQUIRE(collapsed == collapsed_by_the_book(text));
    }
}
TEST_CASE("white space collapses into a buffer as into a new string, whatever the buffer held", "[text]") {
    std::string buffer = "left over from the line before";
    for (const std::string& text : samples()) {
        INFO(text);
        collapse_whitespace(text, buffer);
        CHECK(buffer == collapse_whitespace(text));
    }
    CHECK(collapse_whitespace("  Built  REST APIs\tin Go  ") == "Built REST APIs in Go");
    CHECK(collapse_whitespace("no\u00a0break\u2003em") == "no break em");
    CHECK(collapse_whitespace("zero\u200bwidth soft\u00adhyphen") == "zerowidth softhyphen");
    CHECK(collapse_whitespace("x \u200b y") == "x y");
    CHECK(collapse_whitespace("\x01\x1f\x7f ctrl") == "ctrl");
}

TEST_CASE("collapsing collapsed text changes nothing, so lines collapsed once are not collapsed again", "[text]") {
    for (const std::string& text : samples()) {
        INFO(text);
        const std::string once = collapse_whitespace(text);
        CHECK(collapse_whitespace(once) == once);
    }
}

TEST_CASE("a piece has text when collapsing it keeps something", "[text]") {
    for (const std::string& text : samples()) {
        INFO(text);
        CHECK(has_text(text) == !collapse_whitespace(text).empty());
    }
    CHECK_FALSE(has_text("\u00a0\u200b \t\u3000"));
    CHECK(has_text(" \u00ad-"));
}

TEST_CASE("a collapsed line is added without its bullet, and dropped when nothing is left", "[text]") {
    apigap::ResumeDocument document;
    apigap::ingest_detail::add_collapsed_item(document, 3, "\u2022 Built APIs");
    apigap::ingest_detail::add_collapsed_item(document, 4, "Go, Rust", true);
    apigap::ingest_detail::add_collapsed_item(document, 5, "-");
    apigap::ingest_detail::add_collapsed_item(document, 6, "");
    apigap::ingest_detail::add_collapsed_item(document, 7, "-5% costs");
    REQUIRE(document.lines.size() == 3);
    CHECK(document.lines[0].text == "Built APIs");
    CHECK(document.lines[0].number == 3);
    CHECK(document.lines[0].bullet);
    CHECK(document.lines[1].text == "Go, Rust");
    CHECK(document.lines[1].bullet);
    CHECK(document.lines[2].text == "-5% costs");
    CHECK_FALSE(document.lines[2].bullet);
}

TEST_CASE("every bullet is stripped, and a line that starts with anything else is kept whole", "[text]") {
    using apigap::ingest_detail::strip_bullet;
    for (const std::string bullet : {"\u2022", "\u00b7", "\u25aa", "\u2023", "\u25e6", "\u25cf", "\u25a0", "\u25ba",
                                     "\u27a2", "- ", "* ", "+ ", "\u2013 ", "\u2014 ", "1. ", "12) ", "999. "}) {
        INFO(bullet);
        CHECK(strip_bullet(bullet + "Built APIs") == "Built APIs");
    }
    for (const std::string kept : {"Built APIs", "-5% costs", "\u00e9t\u00e9", "\u2026 more", "1000. x", "2024", "",
                                   "#1 seller", "\u00a9 2024"}) {
        INFO(kept);
        CHECK(strip_bullet(kept) == kept);
    }
}
