// Plain-text resumes, and the line helpers every text format shares.
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "apigap/error.hpp"
#include "ingest/extractors.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

/// Bullets that need no space after them.
constexpr auto k_symbol_bullets = std::to_array<std::string_view>({
    "\u2022",
    "\u00b7",
    "\u25aa",
    "\u2023",
    "\u25e6",
    "\u25cf",
    "\u25a0",
    "\u25ba",
    "\u27a2",
});

/// Bullets that must be followed by a space (or end the line): "-5%" is no list item.
constexpr auto k_dash_bullets = std::to_array<std::string_view>({"-", "*", "+", "\u2013", "\u2014"});

/// Whether `c` is a byte `collapse_whitespace` copies as it is, whatever follows: printable ASCII, or a byte of a
/// code point whose lead byte is not one of those `space_at` looks at (C2, E2, E3, EF lead every Unicode space and
/// invisible character it knows; a continuation byte is never one of them).
constexpr bool is_run_byte_value(unsigned byte) {
    return (byte > ' ' && byte < 0x7f) ||
           (byte >= 0x80 && byte != 0xC2 && byte != 0xE2 && byte != 0xE3 && byte != 0xEF);
}

/// `is_run_byte_value` of every byte: one load a byte in the copy loop, not six comparisons.
constexpr std::array<bool, 256> k_copied_as_is = [] {
    std::array<bool, 256> table{};
    for (unsigned byte = 0; byte < table.size(); ++byte) {
        table[byte] = is_run_byte_value(byte);
    }
    return table;
}();

bool is_run_byte(char c) {
    return k_copied_as_is[static_cast<unsigned char>(c)];
}

/// What a code point is to `collapse_whitespace`: a space, a character to drop, or text.
enum class SpaceKind { none, space, invisible };

/// Whether the code point at `text[0]` is whitespace, and its length in bytes.
SpaceKind space_at(std::string_view text, std::size_t& length) {
    const auto byte = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
    length = 1;
    const unsigned char lead = byte(0);
    if (lead <= 0x20 || lead == 0x7f) {
        return SpaceKind::space;
    }
    if (lead == 0xc2 && text.size() >= 2) {
        length = 2;
        if (byte(1) == 0xa0 || (byte(1) >= 0x80 && byte(1) <= 0x9f)) {
            return SpaceKind::space;  // U+00A0 and the C1 controls
        }
        return byte(1) == 0xad ? SpaceKind::invisible : SpaceKind::none;  // U+00AD soft hyphen
    }
    if (text.size() >= 3 && (lead == 0xe2 || lead == 0xe3 || lead == 0xef)) {
        length = 3;
        const unsigned second = byte(1);
        const unsigned third = byte(2);
        if (lead == 0xe2 && second == 0x80) {
            if (third <= 0x8a || third == 0xa8 || third == 0xa9 || third == 0xaf) {
                return SpaceKind::space;  // U+2000..U+200A, U+2028, U+2029, U+202F
            }
            if (third == 0x8b) {
                return SpaceKind::invisible;  // U+200B zero-width space
            }
        }
        if (lead == 0xe2 && second == 0x81) {
            if (third == 0x9f) {
                return SpaceKind::space;  // U+205F
            }
            if (third == 0xa0) {
                return SpaceKind::invisible;  // U+2060 word joiner
            }
        }
        if (lead == 0xe3 && second == 0x80 && third == 0x80) {
            return SpaceKind::space;  // U+3000
        }
        if (lead == 0xef && second == 0xbb && third == 0xbf) {
            return SpaceKind::invisible;  // U+FEFF
        }
    }
    length = 1;
    return SpaceKind::none;
}

}  // namespace

void collapse_whitespace(std::string_view text, std::string& out) {
    out.clear();
    bool pending_space = false;
    std::size_t index = 0;
    while (index < text.size()) {
        // A run of text and single spaces between, most of any resume, is copied whole: no code point to decode,
        // and nothing to change.
        std::size_t end = index;
        while (end < text.size()) {
            if (is_run_byte(text[end])) {
                ++end;
            } else if (text[end] == ' ' && end > index && end + 1 < text.size() && is_run_byte(text[end + 1])) {
                end += 2;
            } else {
                break;
            }
        }
        if (end > index) {
            if (pending_space) {
                out += ' ';
                pending_space = false;
            }
            out.append(text.data() + index, end - index);
            index = end;
            continue;
        }
        if (static_cast<unsigned char>(text[index]) < 0x80) {  // ASCII, not printable: a space or a control
            pending_space = !out.empty();
            ++index;
            continue;
        }
        std::size_t length = 1;
        const SpaceKind kind = space_at(text.substr(index), length);
        if (kind == SpaceKind::space) {
            pending_space = !out.empty();
        } else if (kind == SpaceKind::none) {
            if (pending_space) {
                out += ' ';
                pending_space = false;
            }
            out.append(text.substr(index, length));
        }
        index += length;
    }
}

std::string collapse_whitespace(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    collapse_whitespace(text, result);
    return result;
}

bool has_text(std::string_view text) {
    std::size_t index = 0;
    while (index < text.size()) {
        std::size_t length = 1;
        if (space_at(text.substr(index), length) == SpaceKind::none) {
            return true;
        }
        index += length;
    }
    return false;
}

std::string_view strip_bullet(std::string_view text) {
    // Every bullet starts with one of these bytes (the symbols and dashes past ASCII with 0xC2 or 0xE2): most lines
    // are looked at no further.
    const auto first = text.empty() ? 0U : static_cast<unsigned char>(text.front());
    if (first != '-' && first != '*' && first != '+' && first != 0xC2U && first != 0xE2U &&
        (first < '0' || first > '9')) {
        return text;
    }
    const auto rest_after = [&](std::size_t length) {
        std::string_view rest = text.substr(length);
        while (!rest.empty() && rest.front() == ' ') {
            rest.remove_prefix(1);
        }
        return rest;
    };
    for (const std::string_view bullet : k_symbol_bullets) {
        if (text.substr(0, bullet.size()) == bullet) {
            return rest_after(bullet.size());
        }
    }
    for (const std::string_view bullet : k_dash_bullets) {
        if (text.substr(0, bullet.size()) == bullet && (text.size() == bullet.size() || text[bullet.size()] == ' ')) {
            return rest_after(bullet.size());
        }
    }
    std::size_t digits = 0;
    while (digits < text.size() && digits < 4 && text[digits] >= '0' && text[digits] <= '9') {
        ++digits;
    }
    if (digits >= 1 && digits <= 3 && digits + 1 < text.size() && (text[digits] == '.' || text[digits] == ')') &&
        text[digits + 1] == ' ') {
        return rest_after(digits + 1);
    }
    return text;
}

ResumeLine* add_line(ResumeDocument& document, int number, std::string_view text, bool heading,
                     std::string_view section) {
    // Collapsed into memory kept by the thread: a line costs no allocation. Nothing else writes it, and the text
    // is copied into the document before this returns.
    thread_local std::string clean;
    collapse_whitespace(text, clean);
    if (clean.empty()) {
        return nullptr;
    }
    return &document.add_line(number, clean, heading, section);
}

void add_item(ResumeDocument& document, int number, std::string_view text, bool item) {
    const std::string_view body = strip_bullet(text);
    if (ResumeLine* line = add_line(document, number, body)) {
        line->bullet = item || body.size() != text.size();
    }
}

void add_collapsed_item(ResumeDocument& document, int number, std::string_view clean, bool item) {
    const std::string_view body = strip_bullet(clean);
    if (!body.empty()) {
        document.add_line(number, body).bullet = item || body.size() != clean.size();
    }
}

ResumeDocument new_document(std::string_view source, InputFormat format, ResumeDocument recycled) {
    recycled.clear();
    recycled.source.assign(source);
    recycled.format = format;
    return recycled;
}

NoText::NoText(std::string_view source, std::string lead, std::string detail)
    : Error(Location{std::string(source)}, lead + ": " + std::string(k_empty_resume) + detail),
      m_lead(std::move(lead)),
      m_detail(std::move(detail)) {}

void require_text(const ResumeDocument& document) {
    if (document.lines.empty()) {
        throw NoText(document.source, "no text found");
    }
}

void LineBuilder::append(std::string_view text, int line) {
    if (text.empty()) {
        return;
    }
    if (m_line == 0 || m_separator) {
        const bool any_text = has_text(text);
        if (any_text && m_separator) {
            m_text += " | ";
            m_separator = false;
        }
        if (any_text && m_line == 0) {
            m_line = line;
        }
    }
    m_text += text;
}

void LineBuilder::separate() {
    if (m_line != 0) {
        m_separator = true;
    }
}

void LineBuilder::flush() {
    if (m_line != 0) {
        collapse_whitespace(m_text, m_clean);
        if (m_bullet) {
            add_collapsed_item(m_document, m_line, m_clean, true);
        } else if (!m_clean.empty()) {
            m_document.add_line(m_line, m_clean, m_heading);
        }
    }
    m_text.clear();
    m_line = 0;
    m_bullet = false;
    m_separator = false;
}

ResumeDocument extract_text(std::string_view bytes, std::string_view source, ResumeDocument recycled) {
    ResumeDocument document = new_document(source, InputFormat::text, std::move(recycled));
    document.lines.reserve(static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
    std::string clean;
    for_each_line(bytes, [&](int number, std::string_view line) {
        collapse_whitespace(line, clean);
        add_collapsed_item(document, number, clean);
    });
    require_text(document);
    return document;
}

}  // namespace apigap::ingest_detail
