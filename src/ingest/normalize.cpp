// NFKC and case folding with utf8proc, code point by code point, keeping each byte's offset in the original.
#include "normalize.hpp"

#include "core/utf8.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

#include <utf8proc.h>

namespace apigap::ingest_detail {

namespace {

constexpr char32_t k_replacement = 0xFFFD;
/// Marks a code point that is dropped from the normalized text.
constexpr char32_t k_dropped = 0xFFFFFFFF;
/// The most combining marks normalized with one starter (UAX #15's stream-safe limit): utf8proc orders marks in
/// quadratic time, so a long run is cut into sequences of this length.
constexpr std::size_t k_max_marks = 30;

bool is_ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// The ASCII stand-in for typographic punctuation and spaces that NFKC keeps, `k_dropped` for invisible format
/// characters, or `code_point` itself.
char32_t ascii_punctuation(char32_t code_point) {
    switch (code_point) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
        return '\'';
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
        return '"';
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case 0x2015:  // horizontal bar
    case 0x2212:  // minus sign
        return '-';
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // byte order mark
        return k_dropped;
    default:
        break;
    }
    if (code_point >= 0x80) {
        const utf8proc_category_t category = utf8proc_category(static_cast<utf8proc_int32_t>(code_point));
        if (category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP) {
            return ' ';
        }
    }
    return code_point;
}

/// Appends normalized code points to a `NormalizedText`, collapsing white space.
class Writer {
public:
    explicit Writer(NormalizedText& out) : m_out(out) {}

    void put(char32_t code_point, std::uint32_t source) {
        code_point = ascii_punctuation(code_point);
        if (code_point == k_dropped) {
            return;
        }
        if (code_point < 0x80) {
            put_ascii(static_cast<unsigned char>(code_point), source);
            return;
        }
        std::array<utf8proc_uint8_t, 4> bytes{};
        const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), bytes.data());
        for (utf8proc_ssize_t k = 0; k < length; ++k) {
            push(static_cast<char>(bytes[static_cast<std::size_t>(k)]), source);
        }
    }

    void put_ascii(unsigned char c, std::uint32_t source) {
        if (is_ascii_space(c)) {
            if (!m_out.text.empty() && m_out.text.back() == ' ') {
                return;
            }
            c = ' ';
        }
        push(static_cast<char>(c), source);
    }

private:
    void push(char c, std::uint32_t source) {
        m_out.text += c;
        m_out.source_offset.push_back(source);
    }

    NormalizedText& m_out;
};

/// Normalizes one valid combining sequence (a starter and its marks) that starts at `source`.
void put_sequence(Writer& writer, std::string_view sequence, std::uint32_t source, bool fold_case) {
    auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    if (fold_case) {
        options = static_cast<utf8proc_option_t>(options | UTF8PROC_CASEFOLD);
    }
    std::array<utf8proc_int32_t, 64> fixed{};
    std::vector<utf8proc_int32_t> large;
    utf8proc_int32_t* buffer = fixed.data();
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(sequence.data());
    const auto size = static_cast<utf8proc_ssize_t>(sequence.size());
    utf8proc_ssize_t count =
        utf8proc_decompose(bytes, size, buffer, static_cast<utf8proc_ssize_t>(fixed.size()), options);
    if (count > static_cast<utf8proc_ssize_t>(fixed.size())) {
        large.resize(static_cast<std::size_t>(count));
        buffer = large.data();
        count = utf8proc_decompose(bytes, size, buffer, count, options);
    }
    if (count >= 0) {
        count = utf8proc_normalize_utf32(buffer, count, options);
    }
    if (count < 0) {
        writer.put(k_replacement, source);
        return;
    }
    for (utf8proc_ssize_t k = 0; k < count; ++k) {
        writer.put(static_cast<char32_t>(buffer[k]), source);
    }
}

}  // namespace

DecodedCodePoint decode_at(std::string_view text, std::size_t i) {
    const std::size_t length = detail::utf8_sequence_length(text, i);
    if (length == 0) {
        return {k_replacement, 1};
    }
    const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
    switch (length) {
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

NormalizedText normalize_for_matching(std::string_view line, bool fold_case) {
    if (line.size() >= UINT32_MAX) {
        throw std::length_error("a line of 4 GiB or more");
    }
    NormalizedText out;
    out.text.reserve(line.size());
    out.source_offset.reserve(line.size() + 1);
    Writer writer(out);
    std::size_t i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        // ASCII that no combining mark follows is its own NFKC form.
        if (c < 0x80 && (i + 1 == line.size() || static_cast<unsigned char>(line[i + 1]) < 0x80)) {
            writer.put_ascii(fold_case && c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c,
                             static_cast<std::uint32_t>(i));
            ++i;
            continue;
        }
        const std::size_t first_length = detail::utf8_sequence_length(line, i);
        if (first_length == 0) {
            writer.put(k_replacement, static_cast<std::uint32_t>(i));
            ++i;
            continue;
        }
        std::size_t end = i + first_length;
        for (std::size_t marks = 0;
             marks < k_max_marks && end < line.size() && detail::utf8_sequence_length(line, end) != 0; ++marks) {
            const DecodedCodePoint next = decode_at(line, end);
            if (utf8proc_get_property(static_cast<utf8proc_int32_t>(next.code_point))->combining_class == 0) {
                break;
            }
            end += next.length;
        }
        put_sequence(writer, line.substr(i, end - i), static_cast<std::uint32_t>(i), fold_case);
        i = end;
    }
    out.source_offset.push_back(static_cast<std::uint32_t>(line.size()));
    return out;
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
