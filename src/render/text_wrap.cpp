// Fitting text to a width: widths in code points, padding, wrapping that never splits a word (a URL), cutting at a
// word, and the widths of a table's columns.
#include <algorithm>
#include <numeric>

#include "text_layout.hpp"

namespace apigap::render_detail {

namespace {

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The byte offset just past the first `count` code points of `text`.
std::size_t offset_of(std::string_view text, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_continuation(text[i]) && seen++ == count) {
            return i;
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
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
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
    // The code points that fit, and one more: a space there ends a word that fits whole.
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
            const std::size_t cut = offset_of(word, width);
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
