// Bars, number formats, typography in ASCII and the writer of the text views.
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

/// `amount` whole, with thousands separators: `133,080`.
std::string exact(long amount) {
    std::string digits = std::to_string(amount);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), 1, ',');
    }
    return digits;
}

}  // namespace

const Glyphs& glyphs(bool unicode) {
    return unicode ? k_unicode : k_ascii;
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
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "0" || text == "-0" ? fmt::format("{:.2g}", value) : text;
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

namespace {

/// The readiness rows of the report's level and of the next one that exist.
std::vector<const LevelReadiness*> pay_levels(const Report& report) {
    std::vector<const LevelReadiness*> levels;
    for (const std::string* id : {&report.level_id, &report.next_level_id}) {
        const auto found = std::find_if(report.readiness.begin(), report.readiness.end(),
                                        [&](const LevelReadiness& level) { return level.level_id == *id; });
        if (found != report.readiness.end()) {
            levels.push_back(&*found);
        }
    }
    return levels;
}

}  // namespace

std::string pay_summary(const Report& report, std::string_view dash) {
    const std::vector<const LevelReadiness*> levels = pay_levels(report);
    if (levels.empty() || levels.front()->level_id != report.level_id ||
        salary_band(levels.front()->salary, dash).empty()) {
        return {};
    }
    const LevelReadiness& target = *levels.front();
    std::string text = fmt::format("{} {}", target.level_name, salary_band(target.salary, dash));
    if (levels.size() > 1 && !salary_band(levels[1]->salary, dash).empty()) {
        text += fmt::format("; next level, {} {}", levels[1]->level_name, salary_band(levels[1]->salary, dash));
    }
    const SalaryBand& band = target.salary;
    text += band.year > 0 ? fmt::format(" ({} {}).", band.currency, band.year) : ".";
    text += band.note.empty() ? "" : " " + band.note;
    const std::string scale = pay_scale(report.pay_reference);
    return scale.empty() ? text : text + " " + scale;
}

std::vector<std::string> pay_sources(const Report& report) {
    std::vector<std::string> sources;
    const auto add = [&](const std::string& url) {
        if (!url.empty() && std::find(sources.begin(), sources.end(), url) == sources.end()) {
            sources.push_back(url);
        }
    };
    for (const LevelReadiness* level : pay_levels(report)) {
        add(level->salary.source);
    }
    if (report.pay_reference.amount != 0) {
        add(report.pay_reference.source);
    }
    return sources;
}

std::string pay_scale(const PayReference& reference) {
    if (reference.amount == 0) {
        return {};
    }
    const std::string symbol = reference.currency == "USD" ? "$" : reference.currency + " ";
    return fmt::format("For scale, the {} was {}{}.", reference.name, symbol, exact(reference.amount));
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
    for (const std::string& part : wrap(text(title), width())) {
        line(paint(sgr::k_bold, part));
    }
}

void TextWriter::paragraph(std::size_t indent, std::string_view label, std::string_view body,
                           std::string_view label_code, std::string_view body_code) {
    constexpr std::size_t k_min_body = 20;
    std::string shown_label = text(label);
    std::size_t hang = indent + display_width(shown_label);
    std::string first = std::string(indent, ' ') + paint(label_code, shown_label);
    if (hang + k_min_body > this->width() && !shown_label.empty()) {
        // A label that leaves the body too little room: alone on its line, the body below it, two columns further in.
        while (!shown_label.empty() && shown_label.back() == ' ') {
            shown_label.pop_back();
        }
        line(std::string(indent, ' ') + paint(label_code, shown_label));
        hang = indent + 2;
        first = std::string(hang, ' ');
    }
    const std::size_t width = hang + k_min_body < this->width() ? this->width() - hang : k_min_body;
    const std::vector<std::string> lines = wrap(text(body), width);
    if (lines.empty()) {
        line(first);
        return;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        line((i == 0 ? first : std::string(hang, ' ')) + paint(body_code, lines[i]));
    }
}

std::size_t TextWriter::width() const {
    return std::max(m_style.width, k_min_text_width) - 2;
}

std::size_t TextWriter::widest(const std::vector<std::string>& names) const {
    std::size_t widest = 0;
    for (const std::string& name : names) {
        widest = std::max(widest, display_width(text(name)));
    }
    return widest;
}

std::size_t TextWriter::column(const std::vector<std::string>& names, std::size_t others) const {
    std::size_t word = 0;
    for (const std::string& name : names) {
        word = std::max(word, longest_word(text(name)));
    }
    const std::size_t room = width() > others ? width() - others : 0;
    return fit_columns({widest(names)}, {std::min<std::size_t>(word, 20)}, room).front();
}

Cell fixed(std::string text, std::string_view code) {
    const std::size_t width = display_width(text);
    return Cell{{std::move(text)}, width, code};
}

Cell with_prefix(std::string_view prefix, Cell cell) {
    const std::size_t width = display_width(prefix);
    for (std::size_t i = 0; i < cell.lines.size(); ++i) {
        cell.lines[i].insert(0, i == 0 ? std::string(prefix) : std::string(width, ' '));
    }
    cell.width += width;
    return cell;
}

Cell TextWriter::cell(std::string_view text, std::size_t width, std::string_view code) const {
    std::vector<std::string> lines = wrap(this->text(text), width);
    if (lines.empty()) {
        lines.emplace_back();
    }
    return Cell{std::move(lines), width, code};
}

void TextWriter::row(std::string_view lead, const std::vector<Cell>& cells, std::size_t gap) {
    std::size_t height = 0;
    for (const Cell& cell : cells) {
        height = std::max(height, cell.lines.size());
    }
    for (std::size_t i = 0; i < height; ++i) {
        std::string text = i == 0 ? std::string(lead) : std::string(display_width(lead), ' ');
        std::size_t pending = 0;  // spaces owed before the next cell, written only if something follows
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const Cell& cell = cells[c];
            const std::string_view part = i < cell.lines.size() ? std::string_view(cell.lines[i]) : std::string_view();
            if (!part.empty()) {
                text += std::string(pending, ' ') + paint(cell.code, part);
                pending = 0;
            }
            pending += (c + 1 < cells.size() ? cell.width - std::min(cell.width, display_width(part)) + gap : 0);
        }
        while (!text.empty() && text.back() == ' ') {
            text.pop_back();
        }
        line(text);
    }
}

std::string TextWriter::take() {
    std::string out = std::move(m_out);
    m_out.clear();
    return m_style.unicode ? out : to_ascii(out);
}

}  // namespace apigap::render_detail
