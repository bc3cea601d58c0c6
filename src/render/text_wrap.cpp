// Fitting text to a width: widths in terminal columns, padding, wrapping that never splits a word (a URL), cutting
// at a word, and the widths of a table's columns.
#include <algorithm>
#include <array>
#include <numeric>

#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// A range of code points, first and last.
struct Range {
    char32_t first;
    char32_t last;
};

/// The code points a terminal shows two columns wide, in order: Unicode's East Asian Wide and Fullwidth characters
/// (EastAsianWidth.txt, W and F) of Hangul, CJK, kana and the fullwidth forms, the symbols it marks wide, and the
/// two blocks of pictographs and emoji (U+1F300–1F64F, U+1F900–1F9FF) whole. Ambiguous ones (`█`, `→`) are narrow.
constexpr std::array<Range, 51> k_wide{
    {{0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},  {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
     {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},  {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
     {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},  {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA},
     {0x26F2, 0x26F3},   {0x26F5, 0x26F5},   {0x26FA, 0x26FA},  {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
     {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},  {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
     {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},  {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
     {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},  {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
     {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6B},  {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
     {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}}};

/// The columns the code point whose UTF-8 sequence starts at `text[i]` takes, 1 or 2; `i` moves past it. A stray
/// byte is one column, as the `?` it becomes.
std::size_t next_columns(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i++]);
    if (lead < 0xE0) {  // ASCII, a two-byte letter or a stray byte: nothing below U+0800 is wide
        while (i < text.size() && is_continuation(text[i])) {
            ++i;
        }
        return 1;
    }
    char32_t code = lead < 0xF0 ? lead & 0x0Fu : lead & 0x07u;
    while (i < text.size() && is_continuation(text[i])) {
        code = (code << 6) | (static_cast<unsigned char>(text[i++]) & 0x3Fu);
    }
    const auto after = std::upper_bound(k_wide.begin(), k_wide.end(), code,
                                        [](char32_t value, const Range& range) { return value < range.first; });
    return after != k_wide.begin() && code <= std::prev(after)->last ? 2 : 1;
}

/// The byte offset just past the code points of `text` that fit in `columns` columns.
std::size_t offset_of(std::string_view text, std::size_t columns) {
    std::size_t used = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        used += next_columns(text, i);
        if (used > columns) {
            return start;
        }
    }
    return text.size();
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// `text` without the spaces, commas, semicolons and colons that end it, which read badly before an ellipsis.
std::string_view trim_end(std::string_view text) {
    while (!text.empty() && (is_space(text.back()) || text.back() == ',' || text.back() == ';' || text.back() == ':')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        width += next_columns(text, i);
    }
    return width;
}

std::string truncate(std::string_view text, std::size_t width, std::string_view ellipsis) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    const std::size_t room = width > display_width(ellipsis) ? width - display_width(ellipsis) : 0;
    return std::string(text.substr(0, offset_of(text, room))) + std::string(ellipsis);
}

std::string cut_at_word(std::string_view text, std::size_t width, std::string_view ellipsis) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    const std::size_t room = width > display_width(ellipsis) ? width - display_width(ellipsis) : 0;
    // What fits in one column more: a space there ends a word that fits whole.
    const std::string_view fits = text.substr(0, offset_of(text, room + 1));
    std::size_t end = fits.size();
    while (end > 0 && !is_space(fits[end - 1])) {
        --end;
    }
    std::string_view kept = trim_end(fits.substr(0, end));
    if (kept.empty()) {  // a first word longer than the room: cut inside it
        kept = text.substr(0, offset_of(text, room));
    }
    return std::string(kept) + std::string(ellipsis);
}

std::string pad(std::string_view text, std::size_t width) {
    const std::size_t used = display_width(text);
    return std::string(text) + std::string(used < width ? width - used : 0, ' ');
}

std::string align_right(std::string_view text, std::size_t width) {
    const std::size_t used = display_width(text);
    std::string aligned(used < width ? width - used : 0, ' ');
    aligned += text;
    return aligned;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, LongWords long_words) {
    width = std::max<std::size_t>(width, 1);
    std::vector<std::string> lines;
    std::string current;
    std::size_t current_width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) {
            ++i;
        }
        std::string_view word = text.substr(start, i - start);
        if (word.empty()) {
            break;
        }
        if (current_width > 0 && current_width + 1 + display_width(word) > width) {
            lines.push_back(std::move(current));
            current.clear();
            current_width = 0;
        }
        // Only reached on an empty line: a word that fits was kept above. A word too long for a line (a URL, a path)
        // gets one of its own, longer than the others, so that it can still be clicked and copied.
        if (display_width(word) > width && long_words == LongWords::keep_whole) {
            lines.emplace_back(word);
            continue;
        }
        while (display_width(word) > width) {
            std::size_t cut = offset_of(word, width);
            while (cut == 0 || (cut < word.size() && is_continuation(word[cut]))) {
                ++cut;  // a wide character on a line one column wide: it goes whole
            }
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
        }
        if (!word.empty()) {
            current += current_width > 0 ? " " : "";
            current += word;
            current_width += (current_width > 0 ? 1 : 0) + display_width(word);
        }
    }
    if (current_width > 0) {
        lines.push_back(std::move(current));
    }
    return lines;
}

std::size_t longest_word(std::string_view text) {
    std::size_t longest = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) {
            ++i;
        }
        longest = std::max(longest, display_width(text.substr(start, i - start)));
        ++i;
    }
    return longest;
}

std::vector<std::size_t> fit_columns(std::vector<std::size_t> widths, const std::vector<std::size_t>& minimums,
                                     std::size_t room) {
    while (std::accumulate(widths.begin(), widths.end(), std::size_t{0}) > room) {
        // The widest column that may still narrow gives one column; the first of equals, so the result is stable.
        std::size_t widest = widths.size();
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (widths[i] > std::max<std::size_t>(minimums[i], 1) &&
                (widest == widths.size() || widths[i] > widths[widest])) {
                widest = i;
            }
        }
        if (widest == widths.size()) {
            break;
        }
        --widths[widest];
    }
    return widths;
}

}  // namespace apigap::render_detail
