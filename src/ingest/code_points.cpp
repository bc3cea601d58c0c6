// UTF-8 code points for the keyword engine: decoding, what makes a word, columns.
#include <utf8proc.h>

#include "core/utf8.hpp"
#include "normalize.hpp"

namespace apigap::ingest_detail {

DecodedCodePoint decode_valid(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
    // The two- and three-byte sequences whose second byte may be any continuation byte (Latin, Cyrillic, CJK: most
    // of what is not ASCII) in place, as `find_invalid_utf8` checks them; the rest by the rules of their lead byte.
    const char32_t lead = byte(0);
    if (lead >= 0xC2 && lead <= 0xDF && i + 1 < text.size() && detail::is_utf8_continuation(text[i + 1])) {
        return {((lead & 0x1F) << 6) | (byte(1) & 0x3F), 2};
    }
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < text.size() &&
        detail::is_utf8_continuation(text[i + 1]) && detail::is_utf8_continuation(text[i + 2])) {
        return {((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F), 3};
    }
    const std::size_t length = detail::utf8_sequence_length(text, i);
    switch (length) {
    case 0:
        return {k_replacement_character, 0};
    case 1:
        return {byte(0), 1};
    case 2:
        return {((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F), 2};
    case 3:
        return {((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F), 3};
    default:
        return {((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F), 4};
    }
}

DecodedCodePoint decode_at(std::string_view text, std::size_t i) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
        return {static_cast<char32_t>(text[i]), 1};  // most text, without a call
    }
    const DecodedCodePoint decoded = decode_valid(text, i);
    return decoded.length == 0 ? DecodedCodePoint{k_replacement_character, 1} : decoded;
}

DecodedCodePoint decode_before(std::string_view text, std::size_t end) {
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
        --start;
    }
    return decode_at(text, start);
}

bool is_word_code_point(char32_t code_point) {
    if (code_point < 0x80) {
        return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z') ||
               (code_point >= '0' && code_point <= '9');
    }
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(code_point))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

int column_of(std::string_view original, std::size_t byte_offset) {
    int column = 1;
    std::size_t i = 0;
    while (i < byte_offset && i < original.size()) {
        i += decode_at(original, i).length;
        ++column;
    }
    return column;
}

}  // namespace apigap::ingest_detail
