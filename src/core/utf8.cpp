// UTF-8 validation (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
#include "utf8.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>

#include "byte_words.hpp"

namespace apigap::detail {

namespace {

/// What a lead byte promises: the sequence length and the range of the
/// second byte (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
struct Lead {
    std::size_t length = 0;  ///< 0: not a lead byte
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
};

Lead lead_of(unsigned char lead) {
    if (lead < 0x80) {
        return Lead{1};
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return Lead{2};
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return Lead{3, static_cast<unsigned char>(lead == 0xE0 ? 0xA0 : 0x80),
                    static_cast<unsigned char>(lead == 0xED ? 0x9F : 0xBF)};
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return Lead{4, static_cast<unsigned char>(lead == 0xF0 ? 0x90 : 0x80),
                    static_cast<unsigned char>(lead == 0xF4 ? 0x8F : 0xBF)};
    }
    return Lead{};
}

/// How many bytes from `i` on fit the sequence `lead` promises.
std::size_t fitting_bytes(std::string_view text, std::size_t i, const Lead& lead) {
    std::size_t valid = 1;
    while (valid < lead.length && i + valid < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + valid]);
        const bool fits = valid == 1 ? next >= lead.low && next <= lead.high : next >= 0x80 && next <= 0xBF;
        if (!fits) {
            break;
        }
        ++valid;
    }
    return valid;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const Lead lead = lead_of(static_cast<unsigned char>(text[i]));
    return lead.length != 0 && fitting_bytes(text, i, lead) == lead.length ? lead.length : 0;
}

std::size_t utf8_invalid_length(std::string_view text, std::size_t i) {
    const Lead lead = lead_of(static_cast<unsigned char>(text[i]));
    return lead.length == 0 ? 1 : fitting_bytes(text, i, lead);
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Eight bytes of ASCII at a time: most of any resume.
        if (i + sizeof(std::uint64_t) <= text.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, sizeof word);
            if ((word & 0x8080808080808080U) == 0) {
                i += sizeof word;
                continue;
            }
        }
        // One ASCII byte, or the two- and three-byte sequences whose second byte may be any continuation byte
        // (Latin, Cyrillic, CJK), checked in place; the rest by the rules of their lead byte.
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF && i + 1 < text.size() && is_utf8_continuation(text[i + 1])) {
            i += 2;
            continue;
        }
        if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < text.size() && is_utf8_continuation(text[i + 1]) &&
            is_utf8_continuation(text[i + 2])) {
            i += 3;
            continue;
        }
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::string replace_invalid_utf8(std::string_view text, std::size_t first_bad) {
    std::string repaired;
    repaired.reserve(text.size() + 16);
    std::size_t done = 0;
    std::optional<std::size_t> bad = first_bad;
    while (bad) {
        const std::size_t at = done + *bad;
        repaired.append(text.substr(done, at - done));
        repaired.append("\uFFFD");
        done = at + utf8_invalid_length(text, at);
        bad = find_invalid_utf8(text.substr(done));
    }
    repaired.append(text.substr(done));
    return repaired;
}

void append_utf8(std::string& out, std::uint32_t code) {
    const auto byte = [&out](std::uint32_t b) { out += static_cast<char>(b); };
    if (code < 0x80) {
        byte(code);
    } else if (code < 0x800) {
        byte(0xC0 | (code >> 6));
        byte(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        byte(0xE0 | (code >> 12));
        byte(0x80 | ((code >> 6) & 0x3F));
        byte(0x80 | (code & 0x3F));
    } else {
        byte(0xF0 | (code >> 18));
        byte(0x80 | ((code >> 12) & 0x3F));
        byte(0x80 | ((code >> 6) & 0x3F));
        byte(0x80 | (code & 0x3F));
    }
}

void TextPosition::advance(std::string_view text, std::size_t target) {
    // Eight bytes at a time: a JSON document's every token is located, so every byte of it is counted.
    for (; offset + sizeof(std::uint64_t) <= std::min(target, text.size()); offset += sizeof(std::uint64_t)) {
        const std::uint64_t word = byte_words::load(text, offset);
        const std::uint64_t newlines = byte_words::equal_to(word, '\n');
        const std::uint64_t continuations = word & ~(word << 1U) & byte_words::k_high_bits;  // 10xxxxxx
        std::uint64_t starts = ~continuations & byte_words::k_high_bits;  // a code point, or an invalid byte, starts
        if (newlines != 0) {
            line += byte_words::count_marked(newlines);
            const int last = 63 - std::countl_zero(newlines);  // the high bit of the last newline
            starts = last == 63 ? 0 : starts >> static_cast<unsigned>(last + 1) << static_cast<unsigned>(last + 1);
            column = 1;
        }
        column += byte_words::count_marked(starts);
    }
    for (; offset < target && offset < text.size(); ++offset) {
        const auto c = static_cast<unsigned char>(text[offset]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
}

Location location_of(std::string_view text, std::size_t offset, std::string_view source) {
    TextPosition position;
    position.advance(text, offset);
    return Location{std::string(source), position.line, position.column};
}

void require_utf8(std::string_view text, std::string_view source) {
    if (const auto bad = find_invalid_utf8(text)) {
        throw Error(location_of(text, *bad, source), "invalid UTF-8");
    }
}

}  // namespace apigap::detail
