// Text prepared for keyword matching (NFKC, case folding, ASCII punctuation), with offsets back to the original;
// the UTF-8 code points it is read by (code_points.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace apigap::ingest_detail {

/// Normalized text and, for each of its bytes, the byte offset in the original of the code point (or combining
/// sequence) it came from, followed by one more entry: the original's size. Four bytes an offset: a line is at
/// most a file, far under 4 GiB.
struct NormalizedText {
    std::string text;
    std::vector<std::uint32_t> source_offset;
};

/// `line` in NFKC, case-folded when `fold_case`, one combining sequence at a time: smart quotes become `'` and `"`,
/// dashes `-`, Unicode spaces a space; a run of white space becomes one space; soft hyphens and zero-width
/// characters are dropped; each invalid UTF-8 byte reads as U+FFFD. Throws `std::length_error` for a line of 4 GiB
/// or more.
[[nodiscard]] NormalizedText normalize_for_matching(std::string_view line, bool fold_case);

/// `normalize_for_matching(line, fold_case)` written into `out`, whose buffers are reused: no allocation once they
/// have grown to the line.
void normalize_for_matching(std::string_view line, bool fold_case, NormalizedText& out);

/// What `normalize_into` puts between two lines it writes one after the other: no normalized text holds it (white
/// space becomes a space), and so no keyword.
inline constexpr char k_line_separator = '\n';

/// Writes `line` normalized into `out` from byte `start` on, keeping the bytes before and their offsets, and returns
/// where it ends: the bytes [start, end) of `out.text` and the offsets [start, end] of `out.source_offset` are what
/// `normalize_for_matching` gives for the line alone. With `start` above 0, byte `start - 1` becomes
/// `k_line_separator` (its offset, the end of the line before, is kept). The buffers only grow, and what lies past
/// `end` is left over: written line after line, a run of lines is copied once.
std::size_t normalize_into(std::string_view line, bool fold_case, NormalizedText& out, std::size_t start);

/// The lead bytes of UTF-8 sequences that may be combining marks (U+0300 and over), as bits from 0xC0: a
/// sequence led by any other byte (ASCII, Cyrillic's, the CJK ideographs', most of Hangul's) is none, which tells
/// without decoding it that no mark follows the code point before. normalize_test checks every code point.
inline constexpr std::uint64_t k_mark_leads = [] {
    std::uint64_t leads = 0;
    for (const unsigned byte : {0xCCU, 0xCDU, 0xD2U, 0xD6U, 0xD7U, 0xD8U, 0xD9U, 0xDBU, 0xDCU, 0xDDU, 0xDFU, 0xE0U,
                                0xE1U, 0xE2U, 0xE3U, 0xEAU, 0xEFU, 0xF0U}) {
        leads |= std::uint64_t{1} << (byte - 0xC0U);
    }
    return leads;
}();

/// Whether the UTF-8 sequence that `byte` leads may be a combining mark (`k_mark_leads`).
[[nodiscard]] constexpr bool may_lead_mark(char byte) {
    const auto lead = static_cast<unsigned char>(byte);
    return lead >= 0xC0 && ((k_mark_leads >> (lead - 0xC0U)) & 1U) != 0;
}

/// The 1-based column, in code points, of byte `byte_offset` of `original`; an invalid UTF-8 byte counts as one.
[[nodiscard]] int column_of(std::string_view original, std::size_t byte_offset);

/// A code point and how many bytes it takes.
struct DecodedCodePoint {
    char32_t code_point = 0;
    std::size_t length = 0;
};

/// What an invalid UTF-8 byte reads as: U+FFFD.
inline constexpr char32_t k_replacement_character = 0xFFFD;

/// The code point at byte `i` of `text`, of length 0 when its bytes are not valid UTF-8.
[[nodiscard]] DecodedCodePoint decode_valid(std::string_view text, std::size_t i);

/// The code point at byte `i` of `text`; an invalid UTF-8 byte decodes as U+FFFD of length 1.
[[nodiscard]] DecodedCodePoint decode_at(std::string_view text, std::size_t i);

/// The code point that ends at byte `end` (> 0) of `text`, which must be valid UTF-8.
[[nodiscard]] DecodedCodePoint decode_before(std::string_view text, std::size_t end);

/// Whether `code_point` is part of a word: a letter, a digit or a combining mark, in any script.
[[nodiscard]] bool is_word_code_point(char32_t code_point);

}  // namespace apigap::ingest_detail
