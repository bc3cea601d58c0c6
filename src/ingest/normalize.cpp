// NFKC and case folding with utf8proc, code point by code point, keeping each byte's offset in the original.
#include "normalize.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include <utf8proc.h>

#include "core/byte_words.hpp"
#include "core/utf8.hpp"

namespace apigap::ingest_detail {

namespace {

namespace byte_words = detail::byte_words;

/// Marks a code point that is dropped from the normalized text.
constexpr char32_t k_dropped = 0xFFFFFFFF;
/// The most combining marks normalized with one starter (UAX #15's stream-safe limit): utf8proc orders marks in
/// quadratic time, so a long run is cut into sequences of this length.
constexpr std::size_t k_max_marks = 30;

constexpr bool is_ascii_space(unsigned char c) {
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

/// The UTF-8 bytes of `code_point` in matching text (after `ascii_punctuation`) in `bytes`, and how many: none for a
/// dropped one.
std::size_t mapped_bytes(char32_t code_point, std::array<char, 4>& bytes) {
    code_point = ascii_punctuation(code_point);
    if (code_point == k_dropped) {
        return 0;
    }
    std::array<utf8proc_uint8_t, 4> encoded{};
    const auto length =
        static_cast<std::size_t>(utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), encoded.data()));
    for (std::size_t k = 0; k < length; ++k) {
        bytes[k] = static_cast<char>(encoded[k]);
    }
    return length;
}

/// Whether `code_point` is a combining mark, which normalizes with the code point before it. None comes before U+0300.
bool is_combining(char32_t code_point) {
    return code_point >= 0x300 &&
           utf8proc_get_property(static_cast<utf8proc_int32_t>(code_point))->combining_class != 0;
}

/// What an ASCII byte becomes in matching text: a space for any white space, a lowercase letter for a capital when
/// `fold_case`, else itself.
struct AsciiTable {
    explicit constexpr AsciiTable(bool fold_case) {
        for (std::size_t c = 0; c < table.size(); ++c) {
            const bool upper = c >= 'A' && c <= 'Z';
            table[c] = is_ascii_space(static_cast<unsigned char>(c)) ? ' '
                       : fold_case && upper                          ? static_cast<char>(c + ('a' - 'A'))
                                                                     : static_cast<char>(c);
        }
    }
    std::array<char, 128> table{};
};

constexpr AsciiTable k_ascii_folded(true);
constexpr AsciiTable k_ascii_kept(false);

/// The end of the run of ASCII bytes that starts at `i`: the first byte of `text` from `i` on that is not ASCII, or
/// its size. Eight bytes at a time.
std::size_t ascii_run_end(std::string_view text, std::size_t i) {
    for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
        if (byte_words::not_ascii(byte_words::load(text, i)) != 0) {
            break;
        }
    }
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) {
        ++i;
    }
    return i;
}

/// Whether none of the eight ASCII bytes of `word` is white space but a single space, `space_before` telling whether
/// the byte before them is a space: then their matching text is themselves, lowercased when case is folded.
constexpr bool is_plain_word(std::uint64_t word, bool space_before) {
    const std::uint64_t control = byte_words::at_least(word, '\t') & ~byte_words::at_least(word, '\r' + 1);
    const std::uint64_t space = byte_words::equal_to(word, ' ');
    const std::uint64_t doubled = space & ((space << 8U) | (space_before ? 0x80U : 0U));
    return (control | doubled) == 0;
}

/// The eight ASCII bytes of `word` with their capitals small.
constexpr std::uint64_t lowercase_word(std::uint64_t word) {
    const std::uint64_t capital = byte_words::at_least(word, 'A') & ~byte_words::at_least(word, 'Z' + 1);
    return word | capital >> 2U;  // 0x20, the bit that makes a capital small
}

/// Writes normalized code points into a `NormalizedText` whose buffers are sized ahead (and grown only where a
/// code point expands), collapsing white space: a byte costs a store, not a `push_back`.
class Writer {
public:
    /// Starts writing `out`, after its first `start` bytes, for a line of `size` bytes. The buffers' sizes are
    /// their room: `finish` leaves them as they are.
    Writer(NormalizedText& out, std::size_t start, std::size_t size) : m_out(out), m_size(start) {
        m_out.source_offset.resize(m_out.text.size() + 1);
        m_text = m_out.text.data();
        m_offsets = m_out.source_offset.data();
        reserve(size);
    }

    void put(char32_t code_point, std::uint32_t source) {
        std::array<char, 4> bytes{};
        put_bytes(std::string_view(bytes.data(), mapped_bytes(code_point, bytes)), source);
    }

    /// Writes `bytes`, what `mapped_bytes` made of code points: ASCII as `put_ascii` does.
    void put_bytes(std::string_view bytes, std::uint32_t source) {
        reserve(bytes.size());
        for (const char c : bytes) {
            if (static_cast<unsigned char>(c) < 0x80) {
                put_ascii(static_cast<unsigned char>(c), source);
            } else {
                push(c, source);
            }
        }
    }

    /// Writes an ASCII character. Room for it must have been reserved.
    void put_ascii(unsigned char c, std::uint32_t source) {
        if (is_ascii_space(c)) {
            if (m_size > 0 && m_text[m_size - 1] == ' ') {
                return;
            }
            c = ' ';
        }
        push(static_cast<char>(c), source);
    }

    /// Writes the bytes [`from`, `to`) of `line`, ASCII, lowercased when `fold_case`. Room for them must have been
    /// reserved. Eight bytes at a time where they hold no white space but single spaces (most of a line, once
    /// extraction has collapsed it: byte by byte takes some 17 instructions a byte), else one by one.
    void put_ascii_run(std::string_view line, std::size_t from, std::size_t to, bool fold_case) {
        const std::array<char, 128>& table = fold_case ? k_ascii_folded.table : k_ascii_kept.table;
        char* const text = m_text;
        std::uint32_t* const offsets = m_offsets;
        std::size_t size = m_size;
        for (std::size_t i = from; i < to;) {
            const bool space_before = size > 0 && text[size - 1] == ' ';
            std::uint64_t word = i + sizeof(std::uint64_t) <= to ? byte_words::load(line, i) : 0;
            if (i + sizeof word <= to && is_plain_word(word, space_before)) {
                word = fold_case ? lowercase_word(word) : word;
                std::memcpy(text + size, &word, sizeof word);
                // The offsets i to i + 7, two to a store.
                std::uint64_t pair = i | (std::uint64_t{i + 1} << 32U);
                for (std::size_t k = 0; k < sizeof word; k += 2, pair += 0x0000000200000002U) {
                    std::memcpy(offsets + size + k, &pair, sizeof pair);
                }
                size += sizeof word;
                i += sizeof word;
                continue;
            }
            char last = space_before ? ' ' : '\0';
            for (const std::size_t end = std::min(to, i + sizeof word); i < end; ++i) {
                // Written always, kept unless a space follows a space: no branch to mispredict.
                const char c = table[static_cast<unsigned char>(line[i])];
                text[size] = c;
                offsets[size] = static_cast<std::uint32_t>(i);
                size += c != ' ' || last != ' ' ? 1 : 0;
                last = c;
            }
        }
        m_size = size;
    }

    /// Makes room for `bytes` more bytes.
    void reserve(std::size_t bytes) {
        if (m_size + bytes > m_out.text.size()) {
            const std::size_t size = std::max(m_size + bytes, 2 * m_out.text.size());
            m_out.text.resize(size);
            m_out.source_offset.resize(size + 1);
            m_text = m_out.text.data();
            m_offsets = m_out.source_offset.data();
        }
    }

    /// Ends the text, returning where: its offsets end with `end`, the original's size.
    std::size_t finish(std::uint32_t end) {
        m_offsets[m_size] = end;
        return m_size;
    }

private:
    void push(char c, std::uint32_t source) {
        m_text[m_size] = c;
        m_offsets[m_size] = source;
        ++m_size;
    }

    NormalizedText& m_out;
    char* m_text = nullptr;  ///< `m_out`'s buffers, which a `char` store would otherwise make the compiler reload
    std::uint32_t* m_offsets = nullptr;
    std::size_t m_size = 0;  ///< the bytes written
};

/// Calls `on_code_point` with each code point of one valid combining sequence (a starter and its marks) in NFKC,
/// case-folded when `fold_case`; false, calling nothing, where utf8proc fails.
template <class OnCodePoint>
bool for_each_normalized(std::string_view sequence, bool fold_case, OnCodePoint&& on_code_point) {
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
        return false;
    }
    for (utf8proc_ssize_t k = 0; k < count; ++k) {
        on_code_point(static_cast<char32_t>(buffer[k]));
    }
    return true;
}

/// Normalizes one valid combining sequence (a starter and its marks) that starts at `source`.
void put_sequence(Writer& writer, std::string_view sequence, std::uint32_t source, bool fold_case) {
    if (!for_each_normalized(sequence, fold_case, [&](char32_t code_point) { writer.put(code_point, source); })) {
        writer.put(k_replacement_character, source);
    }
}

/// What a code point with no mark after it comes to in matching text (`mapped_bytes` of its normalized code points),
/// remembered by each thread: utf8proc takes a few hundred instructions a code point, and a line of Cyrillic or
/// accented Latin repeats few.
struct CachedCodePoint {
    char32_t code_point = k_dropped;  ///< none yet
    std::uint8_t length = 0;
    std::array<char, 11> bytes{};
};

/// Direct-mapped by code point: case-folded ones in the odd places, the others in the even.
constexpr std::size_t k_cached_code_points = 512;
thread_local std::array<CachedCodePoint, k_cached_code_points> t_cached_code_points;

/// Where this thread remembers `code_point`, with or without case folding.
CachedCodePoint& cached_slot(char32_t code_point, bool fold_case) {
    return t_cached_code_points[(code_point * 2 + (fold_case ? 1 : 0)) % k_cached_code_points];
}

/// Whether `code_point`, with no mark after it, is its own NFKC form and case fold, and stays itself in matching text:
/// the CJK unified ideographs and the Hangul syllables, too many to remember (normalize_test checks each).
bool is_stable_alone(char32_t code_point) {
    return (code_point >= 0x4E00 && code_point <= 0x9FFF) || (code_point >= 0xAC00 && code_point <= 0xD7A3);
}

/// Normalizes `sequence`, the valid code point `code_point` alone, that starts at `source`.
void put_alone(Writer& writer, std::string_view sequence, char32_t code_point, std::uint32_t source, bool fold_case) {
    if (is_stable_alone(code_point)) {
        writer.put_bytes(sequence, source);
        return;
    }
    CachedCodePoint& cached = cached_slot(code_point, fold_case);
    if (cached.code_point != code_point) {
        CachedCodePoint made{code_point, 0, {}};
        bool fits = true;
        const bool normalized = for_each_normalized(sequence, fold_case, [&](char32_t normal) {
            std::array<char, 4> bytes{};
            const std::size_t length = mapped_bytes(normal, bytes);
            fits = fits && made.length + length <= made.bytes.size();
            if (fits) {
                std::copy_n(bytes.begin(), length, made.bytes.begin() + made.length);
                made.length = static_cast<std::uint8_t>(made.length + length);
            }
        });
        if (!normalized || !fits) {
            put_sequence(writer, sequence, source, fold_case);
            return;
        }
        cached = made;
    }
    writer.put_bytes(std::string_view(cached.bytes.data(), cached.length), source);
}

/// Writes, as `put_alone` would, the run from `i` of two-byte code points this thread remembers (Cyrillic, Greek …)
/// and of CJK ideographs and Hangul syllables, that no mark may follow: no decode, no utf8proc. Returns its end.
std::size_t put_known_run(Writer& writer, std::string_view line, std::size_t i, bool fold_case) {
    while (i + 1 < line.size()) {
        const auto lead = static_cast<unsigned char>(line[i]);
        const auto second = static_cast<unsigned char>(line[i + 1]);
        std::string_view bytes;
        std::size_t length = 0;
        if (lead >= 0xC2 && lead <= 0xDF && detail::is_utf8_continuation(line[i + 1])) {  // U+0080–U+07FF
            const char32_t code_point = ((lead & 0x1FU) << 6U) | (second & 0x3FU);
            const CachedCodePoint& cached = cached_slot(code_point, fold_case);
            if (cached.code_point != code_point) {
                break;  // read the long way, which remembers it
            }
            bytes = std::string_view(cached.bytes.data(), cached.length);
            length = 2;
        } else if (lead >= 0xE4 && lead <= 0xED && i + 2 < line.size() && detail::is_utf8_continuation(line[i + 1]) &&
                   detail::is_utf8_continuation(line[i + 2]) &&
                   is_stable_alone(((lead & 0x0FU) << 12U) | ((second & 0x3FU) << 6U) |
                                   (static_cast<unsigned char>(line[i + 2]) & 0x3FU))) {
            bytes = line.substr(i, 3);
            length = 3;
        } else {
            break;
        }
        if (i + length < line.size() && may_lead_mark(line[i + length])) {
            break;
        }
        writer.put_bytes(bytes, static_cast<std::uint32_t>(i));
        i += length;
    }
    return i;
}

}  // namespace

NormalizedText normalize_for_matching(std::string_view line, bool fold_case) {
    NormalizedText out;
    normalize_for_matching(line, fold_case, out);
    return out;
}

std::size_t normalize_into(std::string_view line, bool fold_case, NormalizedText& out, std::size_t start) {
    if (line.size() >= UINT32_MAX) {
        throw std::length_error("a line of 4 GiB or more");
    }
    // Room for every byte to stay one byte: the text never grows past it but where a code point expands ("ﬁ").
    Writer writer(out, start, line.size());
    if (start > 0) {
        out.text[start - 1] = k_line_separator;
    }
    std::size_t i = 0;
    while (i < line.size()) {
        // ASCII that no combining mark follows is its own NFKC form: a run of ASCII but for its last byte when other
        // bytes follow.
        std::size_t run = ascii_run_end(line, i);
        if (run < line.size() && run > i && may_lead_mark(line[run])) {
            --run;
        }
        writer.put_ascii_run(line, i, run, fold_case);
        i = run;
        if (i == line.size()) {
            break;
        }
        if (static_cast<unsigned char>(line[i]) >= 0xC2) {
            i = put_known_run(writer, line, i, fold_case);
            if (i == line.size()) {
                break;
            }
            if (i > run && static_cast<unsigned char>(line[i]) < 0x80) {
                writer.reserve(line.size() - i);  // the rest of the line, should it all be ASCII
                continue;  // ASCII after the run: more of it, or its last byte before a mark, as above
            }
        }
        const DecodedCodePoint first = decode_valid(line, i);
        if (first.length == 0) {
            writer.put(k_replacement_character, static_cast<std::uint32_t>(i));
            ++i;
        } else {
            std::size_t end = i + first.length;
            for (std::size_t marks = 0; marks < k_max_marks && end < line.size() && may_lead_mark(line[end]); ++marks) {
                const DecodedCodePoint next = decode_valid(line, end);
                if (next.length == 0 || !is_combining(next.code_point)) {
                    break;
                }
                end += next.length;
            }
            if (end > i + first.length) {
                put_sequence(writer, line.substr(i, end - i), static_cast<std::uint32_t>(i), fold_case);
            } else {
                put_alone(writer, line.substr(i, first.length), first.code_point, static_cast<std::uint32_t>(i),
                          fold_case);
            }
            i = end;
        }
        writer.reserve(line.size() - i);  // the rest of the line, should it all be ASCII
    }
    return writer.finish(static_cast<std::uint32_t>(line.size()));
}

void normalize_for_matching(std::string_view line, bool fold_case, NormalizedText& out) {
    const std::size_t end = normalize_into(line, fold_case, out, 0);
    out.text.resize(end);
    out.source_offset.resize(end + 1);
}

}  // namespace apigap::ingest_detail
