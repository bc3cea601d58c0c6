// Code-point widths, word wrapping, bars and number formats for the text views.
#include "text_layout.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace apigap::render_detail {

namespace {

constexpr Glyphs k_unicode{"█", "░", "▓", "·", "│", "→", "–", "…", "▶", "•"};
constexpr Glyphs k_ascii{"#", "-", "#", ".", "|", "->", "-", "...", ">", "*"};

/// ASCII letters for U+00C0 to U+00FF, by code point; `x` and `/` stand for
/// `×` and `÷`.
constexpr std::string_view k_latin1_letters = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

/// Length of the UTF-8 sequence that `lead` starts; 1 for a stray byte.
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    if (lead >= 0xE0) {
        return lead <= 0xEF ? 3 : 1;
    }
    return lead >= 0xC2 ? 2 : 1;
}

/// The code point at `i`, whose sequence is `length` bytes long.
char32_t decode(std::string_view text, std::size_t i, std::size_t length) {
    const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[k])); };
    if (length == 1) {
        return byte(i);
    }
    const char32_t lead_bits = length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07;
    char32_t code = byte(i) & lead_bits;
    for (std::size_t k = 1; k < length; ++k) {
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    return code;
}

std::string_view ascii_for(char32_t code) {
    switch (code) {
    case U'\u00A0':
        return " ";
    case U'\u2010':
    case U'\u2011':
    case U'\u2012':
    case U'\u2013':
    case U'\u2014':
    case U'\u2015':
    case U'\u2212':
        return "-";
    case U'\u2018':
    case U'\u2019':
    case U'\u201A':
    case U'\u2032':
        return "'";
    case U'\u201C':
    case U'\u201D':
    case U'\u201E':
    case U'\u2033':
        return "\"";
    case U'\u2026':
        return "...";
    case U'\u2022':
    case U'\u00B7':
        return "*";
    case U'\u2192':
        return "->";
    case U'\u2190':
        return "<-";
    case U'\u2264':
        return "<=";
    case U'\u2265':
        return ">=";
    case U'\u2248':
        return "~";
    default:
        break;
    }
    if (code >= 0xC0 && code <= 0xFF) {
        return k_latin1_letters.substr(code - 0xC0, 1);
    }
    return "?";
}

/// The byte offset just past the first `count` code points of `text`.
std::size_t offset_of(std::string_view text, std::size_t count) {
    std::size_t i = 0;
    for (std::size_t seen = 0; seen < count && i < text.size(); ++seen) {
        i += std::min(sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
    }
    return i;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string ordinal(int n) {
    const int last_two = n % 100;
    const char* suffix = "th";
    if (last_two < 11 || last_two > 13) {
        suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    }
    return fmt::format("{}{}", n, suffix);
}

/// `amount` in thousands (`80K`) or, from a million, in millions (`1.2M`).
std::string abbreviated(long amount) {
    if (amount >= 1'000'000) {
        return format_number(static_cast<double>(amount) / 1e6) + "M";
    }
    return format_number(static_cast<double>(amount) / 1e3) + "K";
}

}  // namespace

const Glyphs& glyphs(bool unicode) {
    return unicode ? k_unicode : k_ascii;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++width;
        }
    }
    return width;
}

std::string to_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            out += text[i];
            ++i;
            continue;
        }
        const std::size_t length = std::min(sequence_length(lead), text.size() - i);
        out += length == 1 ? std::string_view("?") : ascii_for(decode(text, i, length));
        i += length;
    }
    return out;
}

std::string truncate(std::string_view text, std::size_t width, std::string_view ellipsis) {
    if (display_width(text) <= width) {
        return std::string(text);
    }
    const std::size_t room = width > display_width(ellipsis) ? width - display_width(ellipsis) : 0;
    return std::string(text.substr(0, offset_of(text, room))) + std::string(ellipsis);
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

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
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
        // Only reached on an empty line: a word that fits was kept above.
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

std::string meter(int filled, int cells, const Glyphs& glyphs) {
    std::string bar;
    for (int cell = 0; cell < cells; ++cell) {
        bar += cell < filled ? glyphs.full : glyphs.empty;
    }
    return bar;
}

std::string rating_bar(int rating, int target, const Glyphs& glyphs) {
    std::string bar;
    for (int cell = 1; cell <= k_max_rating; ++cell) {
        if (cell <= rating) {
            bar += cell <= target ? glyphs.full : glyphs.beyond;
        } else {
            bar += cell <= target ? glyphs.empty : glyphs.unused;
        }
        if (cell == target) {
            bar += glyphs.mark;
        }
    }
    return target <= 0 ? std::string(glyphs.mark) + bar : bar;
}

int whole_percent(double value) {
    // A small tolerance, so that a sum of fractional weights that should give
    // exactly 80 is not shown as 79.
    return static_cast<int>(std::floor(value + 1e-9));
}

std::string format_number(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return fmt::format("{}", static_cast<long long>(value));
    }
    std::string text = fmt::format("{:.2f}", value);
    while (text.back() == '0') {
        text.pop_back();
    }
    return text;
}

std::string salary_band(const SalaryBand& band, std::string_view dash) {
    if (band.min == 0 && band.max == 0) {
        return {};
    }
    const std::string symbol = band.currency == "USD" ? "$" : band.currency + " ";
    const std::string plus = band.open_ended ? "+" : "";
    if (band.max <= band.min) {
        return fmt::format("{}{}{}", symbol, abbreviated(band.min), plus);
    }
    return fmt::format("{}{}{}{}{}", symbol, abbreviated(band.min), dash, abbreviated(band.max), plus);
}

std::string pay_summary(const Report& report, std::string_view dash) {
    const auto find = [&](const std::string& id) {
        return std::find_if(report.readiness.begin(), report.readiness.end(),
                            [&](const LevelReadiness& level) { return level.level_id == id; });
    };
    const auto target = find(report.level_id);
    if (target == report.readiness.end() || salary_band(target->salary, dash).empty()) {
        return {};
    }
    std::string text = fmt::format("{} {}", target->level_name, salary_band(target->salary, dash));
    if (const auto next = find(report.next_level_id);
        next != report.readiness.end() && !salary_band(next->salary, dash).empty()) {
        text += fmt::format("; next level, {} {}", next->level_name, salary_band(next->salary, dash));
    }
    const SalaryBand& band = target->salary;
    text += band.year > 0 ? fmt::format(" ({} {}).", band.currency, band.year) : ".";
    return band.note.empty() ? text : text + " " + band.note;
}

std::string target_label(const TargetScore& score) {
    if (score.skill_id == score.id) {
        return score.name;
    }
    const std::string group = score.rank > 1 ? fmt::format("{} ({})", score.name, ordinal(score.rank)) : score.name;
    return fmt::format("{}: {}", group, score.skill_name.empty() ? "none" : score.skill_name);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += item;
    }
    return out;
}

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
            continue;
        }
        if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']' || c == '|') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string markdown_link_target(std::string_view url) {
    std::string out;
    for (const char c : url) {
        if (c == ' ') {
            out += "%20";
        } else if (c == '(') {
            out += "%28";
        } else if (c == ')') {
            out += "%29";
        } else {
            out += c;
        }
    }
    return out;
}

TextWriter::TextWriter(const TextStyle& style) : m_style(style), m_glyphs(&render_detail::glyphs(style.unicode)) {}

std::string TextWriter::text(std::string_view text) const {
    return m_style.unicode ? std::string(text) : to_ascii(text);
}

std::string TextWriter::paint(std::string_view code, std::string_view text) const {
    if (!m_style.color || code.empty() || text.empty()) {
        return std::string(text);
    }
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

void TextWriter::line(std::string_view line) {
    m_out += line;
    m_out += '\n';
}

void TextWriter::blank() {
    if (!m_out.empty() && !m_out.ends_with("\n\n")) {
        m_out += '\n';
    }
}

void TextWriter::heading(std::string_view title) {
    blank();
    line(paint(sgr::k_bold, text(title)));
}

void TextWriter::paragraph(std::size_t indent, std::string_view label, std::string_view body,
                           std::string_view label_code, std::string_view body_code) {
    const std::string shown_label = text(label);
    const std::size_t hang = indent + display_width(shown_label);
    const std::size_t width = hang + 20 < k_line_width ? k_line_width - hang : 20;
    const std::vector<std::string> lines = wrap(text(body), width);
    const std::string first = std::string(indent, ' ') + paint(label_code, shown_label);
    if (lines.empty()) {
        line(first);
        return;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        line((i == 0 ? first : std::string(hang, ' ')) + paint(body_code, lines[i]));
    }
}

std::string TextWriter::take() {
    std::string out = std::move(m_out);
    m_out.clear();
    return m_style.unicode ? out : to_ascii(out);
}

}  // namespace apigap::render_detail
