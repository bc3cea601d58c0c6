// Random YAML for the tests of the fast block-style reader: documents of the
// subset it reads (every shape, spacing and scalar style it handles), edits of
// them that may leave the subset, and lines of random shapes and indents.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace apigap::test {

/// Writes random block-style YAML from a seed: the same seed, the same texts.
class BlockYamlWriter {
public:
    explicit BlockYamlWriter(std::uint32_t seed) : m_random(seed) {}

    /// A document of the subset: block mappings and sequences of one-line scalars, comments, blank lines.
    std::string document() {
        std::string text = chance(10) ? "---\n" : "";
        if (chance(50)) {
            write_mapping(text, pick(3), 0, false);
        } else {
            write_sequence(text, pick(3), 0);
        }
        if (chance(10)) {
            text = replace_all(text, "\n", "\r\n");
        }
        if (chance(10)) {
            text.erase(text.find_last_not_of("\r\n") + 1);
        }
        return text;
    }

    /// `text` after one to three random edits: snippets of YAML syntax put in, bytes or lines taken out,
    /// a line repeated or indented otherwise.
    std::string edited(std::string text) {
        static const std::vector<std::string> k_snippets = {
            ":",    ": ",   "- ",    "#",       " #",   "'",   "\"",   "\\",      "[",      "]",  "{",
            "}",    "&a ",  "*a",    "!",       "|",    ">",   "\t",   "\r",      "?",      "? ", "%",
            "@",    "`",    ",",     "---",     "...",  "\n",  "  ",   "null",    "~",      "é",  "''",
            "\n- ", "\n  ", "\nk: ", "\\u00e9", "\\x4", "\\N", "- - ", "a: b: c", "\n---\n"};
        for (int edits = 1 + pick(3); edits > 0 && !text.empty(); --edits) {
            const auto at = static_cast<std::size_t>(pick(static_cast<int>(text.size())));
            const std::size_t line = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
            const std::size_t line_end = std::min(text.find('\n', at), text.size());
            switch (pick(5)) {
            case 0:
                text.insert(at, k_snippets[static_cast<std::size_t>(pick(static_cast<int>(k_snippets.size())))]);
                break;
            case 1:
                text.erase(at, static_cast<std::size_t>(1 + pick(5)));
                break;
            case 2:
                text.insert(line, text.substr(line, line_end - line) + "\n");
                break;
            case 3:
                text.erase(line, line_end - line + 1);
                break;
            default:
                if (chance(50)) {
                    text.insert(line, std::string(static_cast<std::size_t>(1 + pick(2)), ' '));
                } else if (text.compare(line, 1, " ") == 0) {
                    text.erase(line, 1);
                }
            }
        }
        return text;
    }

    /// Lines of random shapes (`key: value`, `key:`, `- value`, `- key: value`, `-`, comments) at random
    /// indents, mostly not a valid document.
    std::string lines() {
        std::string text;
        for (int n = 1 + pick(8); n > 0; --n) {
            text += std::string(static_cast<std::size_t>(pick(6)), ' ');
            switch (pick(7)) {
            case 0:
                text += key() + ": " + scalar();
                break;
            case 1:
                text += key() + ":";
                break;
            case 2:
                text += "- " + scalar();
                break;
            case 3:
                text += "- " + key() + ": " + scalar();
                break;
            case 4:
                text += chance(50) ? "-" : "- " + key() + ":";
                break;
            case 5:
                text += chance(50) ? key() + ": |" : chance(50) ? key() + ": 'open" : "close' # c";
                break;
            default:
                text += chance(50) ? "# note" : scalar();
            }
            text += "\n";
        }
        return text;
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }
    bool chance(int percent) { return pick(100) < percent; }

    static std::string replace_all(std::string text, std::string_view from, std::string_view to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
            text.replace(at, from.size(), to);
        }
        return text;
    }

    std::string spaces(int at_least, int at_most) {
        return std::string(static_cast<std::size_t>(at_least + pick(at_most - at_least + 1)), ' ');
    }

    /// After a value or a key with none: trailing spaces, a comment, or nothing, then the line break.
    std::string line_end() {
        std::string end = chance(15) ? spaces(1, 2) : "";
        if (chance(20)) {
            end += spaces(1, 3) + "# " + text();
        }
        return end + "\n";
    }

    /// Blank lines and whole-line comments at any column, now and then.
    std::string between() {
        std::string gap;
        while (chance(15)) {
            gap += chance(50) ? spaces(0, 3) + "\n" : spaces(0, 8) + "#" + text() + "\n";
        }
        return gap;
    }

    std::string text() {
        static const std::vector<std::string> k_words = {
            "alpha",       "Go",     "C#",         "C++",       "node.js", "https://example.org/a?b=c#top",
            "2021-03",     "3.5",    "42",         "-5",        "1:2",     "a,b",
            "x[1]",        "it's",   "say \"hi\"", "déjà vu",   "日本語",  "50%",
            "?q",          ":colon", "null",       "~",         "true",    "a|b",
            "a > b",       "x&y",    "*bold*",     "[link](u)", "{x}",     "a: b",
            "a #b",        "tail:",  "#tag",       "!bang",     "@me",     "`tick`",
            "back\\slash", "- dash", "Null",       "NULL",      "  ",      "'",
            "\"",          "%",      "&"};
        std::string words;
        for (int n = 1 + pick(4); n > 0; --n) {
            words +=
                (words.empty() ? "" : " ") + k_words[static_cast<std::size_t>(pick(static_cast<int>(k_words.size())))];
        }
        return words;
    }

    std::string key() {
        static const std::vector<std::string> k_keys = {"name", "cv",    "start_date", "highlights", "a b", "é",
                                                        "x.y",  "url-1", "C#",         "k",          "日付"};
        return k_keys[static_cast<std::size_t>(pick(static_cast<int>(k_keys.size())))];
    }

    static bool plain_ok(std::string_view s) {
        constexpr std::string_view k_indicators = " ,[]{}#&*!|>'\"%@`";
        if (s.empty() || k_indicators.find(s.front()) != std::string_view::npos || s.back() == ' ' || s.back() == ':' ||
            s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) {
            return false;
        }
        return !((s.front() == '-' || s.front() == '?' || s.front() == ':') && (s.size() == 1 || s[1] == ' '));
    }

    /// `value` in single or double quotes, escaped as they need, with an escape now and then in double quotes.
    std::string quoted(const std::string& value, bool single) {
        if (single) {
            return "'" + replace_all(value, "'", "''") + "'";
        }
        std::string text = "\"";
        for (const char c : value) {
            text += c == '"' ? "\\\"" : c == '\\' ? "\\\\" : std::string(1, c);
        }
        static const std::vector<std::string> k_escapes = {"\\n", "\\t", "\\u00e9", "\\x41", "\\U0001F600",
                                                           "\\/", "\\0", "\\e",     "\\ "};
        if (chance(30)) {
            text += k_escapes[static_cast<std::size_t>(pick(static_cast<int>(k_escapes.size())))];
        }
        return text + "\"";
    }

    /// A one-line scalar as it is written: plain when it can be and the dice agree, else quoted.
    std::string scalar() {
        const std::string value = text();
        const int style = pick(10);
        return style < 6 && plain_ok(value) ? value : quoted(value, style < 8);
    }

    /// Blank lines inside a multi-line scalar: empty or of spaces, none past `at_most` spaces.
    std::string blank_lines(int at_most) {
        std::string lines;
        while (chance(25)) {
            lines += spaces(0, at_most) + "\n";
        }
        return lines;
    }

    /// A value after `key: ` or `- `, to the end of its last line: one-line or
    /// multi-line, plain, quoted or a block scalar, or an empty flow collection.
    /// A quoted scalar's lines go past `parent_column`, a block scalar's too, a
    /// plain one's to `plain_indent` or past.
    std::string value(int parent_column, int plain_indent) {
        const int kind = pick(20);
        if (kind < 12) {
            return scalar() + line_end();
        }
        if (kind == 12) {
            return (chance(50) ? "[]" : "{}") + line_end();
        }
        if (kind < 15) {  // a quoted scalar over lines
            const bool single = chance(60);
            std::string lines = quoted(text(), single);
            lines.pop_back();
            for (int n = 1 + pick(3); n > 0; --n) {
                lines += (chance(20) ? " " : "") + std::string("\n") + blank_lines(parent_column + 4) +
                         spaces(parent_column + 1, parent_column + 4) + quoted(text(), single).substr(1);
                lines.pop_back();
            }
            return lines + (chance(20) ? "\n" + spaces(parent_column + 1, parent_column + 3) : "") +
                   (single ? "'" : "\"") + line_end();
        }
        if (kind < 17) {  // a plain scalar over lines
            std::string lines = text();
            if (!plain_ok(lines)) {
                return scalar() + line_end();
            }
            for (int n = 1 + pick(3); n > 0; --n) {
                const std::string more = text();
                if (plain_ok(more)) {
                    lines += "\n" + blank_lines(plain_indent + 2) + spaces(plain_indent, plain_indent + 2) + more;
                }
            }
            return lines + line_end();
        }
        // a literal or folded block scalar, its lines more indented now and then, with blank lines
        std::string lines = std::string(chance(50) ? "|" : ">") + (chance(50) ? "" : chance(50) ? "-" : "+");
        lines += (chance(20) ? "  # header" : "") + std::string("\n");
        const int indent = parent_column + 1 + pick(3);
        for (int n = 1 + pick(4), first = 1; n > 0; --n, first = 0) {
            std::string line = text();
            line.erase(0, first ? line.find_first_not_of(' ') : 0);  // the first line sets the indent
            lines += std::string(static_cast<std::size_t>(indent + (!first && chance(20) ? 1 + pick(2) : 0)), ' ') +
                     (line.find_first_not_of(' ') == std::string::npos ? "x" : line) + "\n" +
                     blank_lines(n > 1 ? indent + 2 : indent);
        }
        return lines;
    }

    /// A mapping whose keys stand at `column`; with `inline_first`, its first key follows a `- ` already written.
    void write_mapping(std::string& out, int column, int depth, bool inline_first) {
        const int entries = 1 + pick(4);
        for (int i = 0; i < entries; ++i) {
            if (i > 0 || !inline_first) {
                out += between() + std::string(static_cast<std::size_t>(column), ' ');
            }
            out += key() + std::to_string(i) + (chance(10) ? " " : "") + ":";
            const int choice = depth >= 4 ? pick(2) : pick(5);
            if (choice == 0) {
                out += spaces(1, 3) + value(column, column + 1);
            } else if (choice == 1) {
                out += line_end();  // a null value
            } else if (choice == 2 || choice == 3) {
                out += line_end();
                write_sequence(out, column + pick(4), depth + 1);  // indentless when 0 more
            } else {
                out += line_end();
                write_mapping(out, column + 1 + pick(4), depth + 1, false);
            }
        }
    }

    /// A sequence whose dashes stand at `column`.
    void write_sequence(std::string& out, int column, int depth) {
        const int items = 1 + pick(4);
        for (int i = 0; i < items; ++i) {
            out += between() + std::string(static_cast<std::size_t>(column), ' ') + "-";
            const int choice = depth >= 4 ? pick(2) : pick(6);
            if (choice == 0) {
                const std::string gap = spaces(1, 3);
                out += gap + value(column, column + 2 + static_cast<int>(gap.size()));
            } else if (choice == 1) {
                out += line_end();  // a null item
            } else if (choice == 2 || choice == 3) {
                const std::string gap = spaces(1, 3);
                out += gap;
                write_mapping(out, column + 1 + static_cast<int>(gap.size()), depth + 1, true);
            } else if (choice == 4) {
                out += line_end();
                write_mapping(out, column + 1 + pick(4), depth + 1, false);
            } else {
                out += line_end();
                write_sequence(out, column + 1 + pick(4), depth + 1);
            }
        }
    }

    std::mt19937 m_random;
};

}  // namespace apigap::test
