// Scalars as yaml-cpp 0.7 reads them (the behaviour of its scanscalar.cpp, exp.cpp): the same
// folding of lines, trimming and chomping, written here over whole lines, so that the
// fast reader's values are yaml-cpp's byte for byte.
#include "block_yaml_scalars.hpp"

#include <algorithm>
#include <cstdint>

#include "utf8.hpp"

namespace apigap::detail {

namespace {

constexpr std::size_t k_none = std::string::npos;

/// Appends the escape of a double-quoted scalar whose name is at `line[k]`
/// (after the backslash) and moves `k` past it; false for `\N` and `\_`
/// (yaml-cpp writes them as bytes that are not UTF-8) and for escapes yaml-cpp refuses.
bool append_yaml_escape(std::string& out, std::string_view line, std::size_t& k) {
    constexpr std::string_view k_names = "0abtnvfre \"\\/LP";
    constexpr std::string_view k_values[] = {
        std::string_view("\0", 1),
        "\a",
        "\b",
        "\t",
        "\n",
        "\v",
        "\f",
        "\r",
        "\x1B",
        " ",
        "\"",
        "\\",
        "/",
        "\xE2\x80\xA8",  // LS
        "\xE2\x80\xA9",  // PS
    };
    const char name = line[k++];
    if (const std::size_t which = k_names.find(name); which != std::string_view::npos) {
        out += k_values[which];
        return true;
    }
    const std::size_t digits = name == 'x' ? 2 : name == 'u' ? 4 : name == 'U' ? 8 : 0;
    if (digits == 0 || line.size() - k < digits) {
        return false;
    }
    std::uint32_t code = 0;
    for (const std::size_t end = k + digits; k < end; ++k) {
        const char c = line[k];
        const bool decimal = c >= '0' && c <= '9';
        const bool lower = c >= 'a' && c <= 'f';
        if (!decimal && !lower && !(c >= 'A' && c <= 'F')) {
            return false;
        }
        const int digit = decimal ? c - '0' : lower ? c - 'a' + 10 : c - 'A' + 10;
        code = (code << 4) | static_cast<std::uint32_t>(digit);
    }
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
        return false;
    }
    append_utf8(out, code);
    return true;
}

/// yaml-cpp's "clip" chomping: at most one line break kept at the end, none
/// taken from before `last_escaped` (the end of the last escape, or `k_none`).
void clip_yaml_breaks(std::string& value, std::size_t last_escaped) {
    std::size_t pos = value.find_last_not_of('\n');
    if (last_escaped != k_none && (pos < last_escaped || pos == k_none)) {
        pos = last_escaped;
    }
    if (pos == k_none) {
        value.clear();
    } else if (pos + 1 < value.size()) {
        value.erase(pos + 2);
    }
}

}  // namespace

std::optional<YamlLine> YamlLineReader::next() {
    if (m_put_back) {
        m_put_back = false;
        return m_last;
    }
    if (m_start >= m_text.size()) {
        return std::nullopt;
    }
    const std::size_t found = m_text.find('\n', m_start);
    const bool has_break = found != std::string_view::npos;
    std::size_t end = has_break ? found : m_text.size();
    if (has_break && end > m_start && m_text[end - 1] == '\r') {
        --end;
    }
    const int number = m_start == 0 ? 0 : m_last.number + 1;
    m_last = YamlLine{m_text.substr(m_start, end - m_start), number, 0, has_break};
    m_last.indent = std::min(m_last.text.find_first_not_of(' '), m_last.text.size());
    m_start = has_break ? found + 1 : m_text.size();
    return m_last;
}

bool starts_yaml_plain_scalar(std::string_view line, std::size_t i) {
    constexpr std::string_view k_indicators = " ,[]{}#&*!|>'\"%@`";
    const char c = line[i];
    if (k_indicators.find(c) != std::string_view::npos) {
        return false;
    }
    if (c == '-' || c == '?' || c == ':') {
        return i + 1 < line.size() && line[i + 1] != ' ';
    }
    return true;
}

YamlPlainEnd scan_yaml_plain_scalar(std::string_view line, std::size_t i) {
    std::size_t k = i;
    for (; k < line.size(); ++k) {
        const bool colon = line[k] == ':' && (k + 1 == line.size() || line[k + 1] == ' ');
        if (colon || (line[k] == ' ' && k + 1 < line.size() && line[k + 1] == '#')) {
            break;
        }
    }
    std::size_t end = k;
    while (end > i && line[end - 1] == ' ') {
        --end;
    }
    return YamlPlainEnd{end, k, k < line.size() && line[k] == ':'};
}

bool continue_yaml_plain_scalar(YamlLineReader& lines, std::size_t indent, std::string& value) {
    std::size_t empty_lines = 0;
    while (std::optional<YamlLine> line = lines.next()) {
        const std::string_view text = line->text;
        if (line->indent == text.size()) {
            if (line->has_break) {
                ++empty_lines;  // a line break in the value, if a line of it follows
            }
            continue;
        }
        if (line->indent < indent || text[line->indent] == '#') {
            lines.put_back();  // the scalar ended on the line before: this one is the reader's
            return true;
        }
        const YamlPlainEnd piece = scan_yaml_plain_scalar(text, line->indent);
        if (piece.at_colon) {
            return false;
        }
        value.append(std::max<std::size_t>(empty_lines, 1), empty_lines > 0 ? '\n' : ' ');
        value += text.substr(line->indent, piece.end - line->indent);
        empty_lines = 0;
        if (piece.stop < text.size()) {
            return true;  // a comment ends it
        }
    }
    return true;
}

std::optional<YamlQuotedScalar> read_yaml_quoted_scalar(YamlLineReader& lines, const YamlLine& first, std::size_t at,
                                                        std::size_t parent_column) {
    const char quote = first.text[at];
    YamlQuotedScalar scalar;
    std::string& value = scalar.value;
    std::size_t last_escaped = k_none;
    YamlLine line = first;
    std::size_t k = at + 1;
    bool empty_line = false;
    while (true) {
        std::size_t last_non_blank = value.size();
        const std::string_view text = line.text;
        while (k < text.size()) {
            // Runs of ordinary bytes at once; then the quote or backslash that ends the run. Not `find_first_of`,
            // which calls memchr over its set of two for every byte.
            std::size_t run = k;
            if (quote == '"') {
                while (run < text.size() && text[run] != '"' && text[run] != '\\') {
                    ++run;
                }
            } else {
                run = std::min(text.find('\'', k), text.size());
            }
            if (run > k) {
                const std::size_t last = text.find_last_not_of(' ', run - 1);
                if (last != k_none && last >= k) {
                    last_non_blank = value.size() + (last + 1 - k);
                }
                value.append(text.substr(k, run - k));
                k = run;
                continue;
            }
            if (text[k] == '\\') {  // only in double quotes
                if (++k == text.size() || !append_yaml_escape(value, text, k)) {
                    return std::nullopt;  // an escaped line break, or an escape not read here
                }
                last_non_blank = last_escaped = value.size();
            } else if (quote == '\'' && k + 1 < text.size() && text[k + 1] == '\'') {
                value += '\'';
                k += 2;
                last_non_blank = last_escaped = value.size();
            } else {
                scalar.last = line;
                scalar.end = k + 1;
                clip_yaml_breaks(value, last_escaped);
                return scalar;
            }
        }
        value.erase(last_non_blank);
        std::optional<YamlLine> next = line.has_break ? lines.next() : std::nullopt;
        if (!next) {
            return std::nullopt;  // the text ends inside the scalar
        }
        line = *next;
        k = line.indent;
        const bool next_empty = k == line.text.size();
        if (!next_empty && k <= parent_column) {
            return std::nullopt;  // less indented than YAML allows (and a document marker at column 0)
        }
        if (next_empty) {
            value += '\n';
        } else if (!empty_line) {
            value += ' ';
        }
        empty_line = next_empty;
    }
}

std::optional<std::string> read_yaml_block_scalar(YamlLineReader& lines, const YamlLine& header, std::size_t at,
                                                  std::size_t parent_column) {
    const std::string_view text = header.text;
    const bool folded = text[at] == '>';
    const char chomp = at + 1 < text.size() && (text[at + 1] == '-' || text[at + 1] == '+') ? text[at + 1] : ' ';
    const std::size_t after = at + (chomp == ' ' ? 1 : 2);
    const std::size_t comment = text.find_first_not_of(' ', after);
    if ((after < text.size() && text[after] != ' ') || (comment != k_none && text[comment] != '#') ||
        !header.has_break) {
        return std::nullopt;
    }
    // yaml-cpp's ScanScalar for block scalars, one line at a time: the
    // indentation is detected on the first line with content.
    std::size_t indent = parent_column + 1;
    bool found_content = false;
    bool empty_line = false;
    bool more_indented = false;
    bool started_more_indented = false;
    bool past_opening_break = false;
    std::size_t folded_breaks = 0;
    std::string value;
    while (true) {
        const std::optional<YamlLine> line = lines.next();
        const std::string_view content = line ? line->text : std::string_view();
        const std::size_t column = !line ? 0 : found_content ? std::min(line->indent, indent) : line->indent;
        if (!found_content) {
            indent = std::max(indent, column);
        }
        const bool next_empty = line && line->has_break && column == content.size();
        const bool next_more = column < content.size() && content[column] == ' ';
        if (folded && folded_breaks == 0 && next_empty) {
            started_more_indented = more_indented;
        }
        if (past_opening_break && !folded) {
            value += '\n';
        } else if (past_opening_break) {
            if (!empty_line && !next_empty && !more_indented && !next_more && column >= indent) {
                value += ' ';
            } else if (next_empty) {
                ++folded_breaks;
            } else {
                value += '\n';
            }
            if (!next_empty && folded_breaks > 0) {
                value.append(folded_breaks - 1, '\n');
                if (started_more_indented || next_more || !found_content) {
                    value += '\n';
                }
                folded_breaks = 0;
            }
        }
        empty_line = next_empty;
        more_indented = next_more;
        past_opening_break = true;
        if (!empty_line && column < indent) {
            if (line) {
                lines.put_back();
            }
            break;
        }
        if (column < content.size()) {
            found_content = true;
            value += content.substr(column);
        }
        if (!line || !line->has_break) {
            break;
        }
    }
    if (chomp == ' ') {
        clip_yaml_breaks(value, k_none);
    } else if (chomp == '-') {
        value.erase(std::min(value.find_last_not_of('\n') + 1, value.size()));
    }
    return value;
}

}  // namespace apigap::detail
