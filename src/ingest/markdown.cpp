// Markdown resumes: headings, lists, tables and inline markup reduced to their text.
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/extractors.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

constexpr std::size_t k_none = std::string_view::npos;

/// The longest inline HTML tag or autolink read, `<` to `>`.
constexpr std::size_t k_max_tag = 2048;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_punctuation(char c) {
    return c > ' ' && c < 0x7f && !is_alnum(c);
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

/// How many times `c` repeats from `text[at]`.
std::size_t run_length(std::string_view text, std::size_t at, char c) {
    std::size_t end = at;
    while (end < text.size() && text[end] == c) {
        ++end;
    }
    return end - at;
}

/// Where the code spans of a line end, found in one pass: a run of backticks
/// opens a span that the next run of the same length closes.
class CodeSpans {
public:
    explicit CodeSpans(std::string_view text) {
        std::vector<std::pair<std::size_t, std::size_t>> runs;  // start, length
        std::size_t at = 0;
        while (at < text.size()) {
            if (text[at] == '\\') {
                at += 2;
            } else if (text[at] == '`') {
                runs.emplace_back(at, run_length(text, at, '`'));
                at += runs.back().second;
            } else {
                ++at;
            }
        }
        std::unordered_map<std::size_t, std::size_t> next_of_length;
        for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
            const auto next = next_of_length.find(run->second);
            m_ends[run->first] = next == next_of_length.end() ? k_none : next->second + run->second;
            next_of_length[run->second] = run->first;
        }
    }

    /// The end of the code span whose backticks start at `at`, or `k_none` when they open none.
    [[nodiscard]] std::size_t end(std::size_t at) const {
        const auto found = m_ends.find(at);
        return found == m_ends.end() ? k_none : found->second;
    }

private:
    std::unordered_map<std::size_t, std::size_t> m_ends;
};

/// For each `[` and `(` of `text`, the position of its matching `]` or `)`;
/// escaped characters and code spans do not count.
std::vector<std::size_t> match_brackets(std::string_view text, const CodeSpans& spans) {
    std::vector<std::size_t> match(text.size(), k_none);
    std::vector<std::size_t> squares;
    std::vector<std::size_t> rounds;
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if (c == '\\') {
            at += 2;
            continue;
        }
        if (c == '`') {
            const std::size_t end = spans.end(at);
            at = end == k_none ? at + run_length(text, at, '`') : end;
            continue;
        }
        std::vector<std::size_t>* open = c == '[' || c == ']' ? &squares : c == '(' || c == ')' ? &rounds : nullptr;
        if (c == '[' || c == '(') {
            open->push_back(at);
        } else if (open != nullptr && !open->empty()) {
            match[open->back()] = at;
            open->pop_back();
        }
        ++at;
    }
    return match;
}

/// The text of one line of Markdown inline markup: emphasis, code, links,
/// images, autolinks, inline HTML and escapes.
std::string inline_text(std::string_view text) {
    if (text.find_first_of("\\`[<&*_~") == std::string_view::npos) {
        return std::string(text);  // no markup: most lines of a resume
    }
    const CodeSpans spans(text);
    // Read at a `[` only: a line without one needs no table.
    const std::vector<std::size_t> match =
        text.find('[') == std::string_view::npos ? std::vector<std::size_t>() : match_brackets(text, spans);
    // Where a link's label ends: from there, jump past its destination.
    std::vector<std::pair<std::size_t, std::size_t>> jumps;
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        while (!jumps.empty() && jumps.back().first < at) {
            jumps.pop_back();
        }
        if (!jumps.empty() && jumps.back().first == at) {
            at = jumps.back().second;
            jumps.pop_back();
            continue;
        }
        const char c = text[at];
        const char next = at + 1 < text.size() ? text[at + 1] : ' ';
        const char before = at > 0 ? text[at - 1] : ' ';
        if (c == '\\') {
            const bool escape = is_punctuation(next);
            out += escape ? std::string(1, next) : std::string(at + 1 < text.size() ? "\\" : "");
            at += escape ? std::size_t{2} : std::size_t{1};
        } else if (c == '`') {
            const std::size_t ticks = run_length(text, at, '`');
            const std::size_t end = spans.end(at);
            out += end == k_none ? text.substr(at, ticks) : text.substr(at + ticks, end - at - 2 * ticks);
            at = end == k_none ? at + ticks : end;
        } else if ((c == '!' && next == '[') || c == '[') {
            const std::size_t open = c == '!' ? at + 1 : at;
            const std::size_t close = match[open];
            const char after = close != k_none && close + 1 < text.size() ? text[close + 1] : ' ';
            const bool link = (after == '(' || after == '[') && match[close + 1] != k_none;
            if (link && c == '!') {
                at = match[close + 1] + 1;  // an image: an ATS reads no text in it
            } else if (link) {
                jumps.emplace_back(close, match[close + 1] + 1);
                ++at;
            } else {
                out += c;
                ++at;
            }
        } else if (c == '<') {
            const std::size_t window = text.substr(at, k_max_tag).find('>');  // bounded: "a < b < c" stays linear
            const std::size_t end = window == k_none ? k_none : at + window;
            const std::string_view inner = end == k_none ? std::string_view() : text.substr(at + 1, end - at - 1);
            const bool autolink = !inner.empty() && inner.find_first_of(" \t") == k_none &&
                                  (inner.find("://") != k_none || inner.find('@') != k_none);
            const bool tag = !inner.empty() && (is_letter(inner[0]) || (inner[0] == '/' && inner.size() > 1));
            if (autolink) {
                out += inner.substr(0, 7) == "mailto:" ? inner.substr(7) : inner;
                at = end + 1;
            } else if (tag) {
                out += inner.substr(0, 2) == "br" ? " " : "";
                at = end + 1;
            } else {
                out += c;
                ++at;
            }
        } else if (c == '&') {
            const std::optional<Entity> entity = decode_entity(text.substr(at));
            out += entity ? entity->text : "&";
            at += entity ? entity->length : 1;
        } else if (c == '*' || c == '_' || c == '~') {
            const std::size_t run = run_length(text, at, c);
            const char after = at + run < text.size() ? text[at + run] : ' ';
            const bool spaced = is_space(before) && is_space(after);
            const bool literal = spaced || (c == '_' && is_alnum(before) && is_alnum(after)) || (c == '~' && run != 2);
            if (literal) {
                out += text.substr(at, run);
            }
            at += run;
        } else {
            out += c;
            ++at;
        }
    }
    return out;
}

/// The text of an ATX heading (`## Skills ##` → `Skills`), or nullopt.
std::optional<std::string_view> atx_heading(std::string_view line) {
    const std::size_t hashes = run_length(line, 0, '#');
    if (hashes == 0 || hashes > 6 || (hashes < line.size() && !is_space(line[hashes]))) {
        return std::nullopt;
    }
    std::string_view text = trim(line.substr(hashes));
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '#') {
        --end;
    }
    if (end == 0 || is_space(text[end - 1])) {
        text = trim(text.substr(0, end));
    }
    return text;
}

/// True for a line of only `c` (at least `least` of them) and spaces.
bool is_rule_of(std::string_view line, char c, std::size_t least) {
    std::size_t count = 0;
    for (const char d : line) {
        if (d == c) {
            ++count;
        } else if (!is_space(d)) {
            return false;
        }
    }
    return count >= least;
}

/// True for a table's delimiter row: `|---|:--:|`.
bool is_delimiter_row(std::string_view line) {
    return line.find('|') != k_none && line.find('-') != k_none && line.find_first_not_of("|:- \t") == k_none;
}

/// The opening fence (```` ``` ```` or `~~~`) of a code block: its character and length.
std::optional<std::pair<char, std::size_t>> fence_of(std::string_view line) {
    for (const char c : {'`', '~'}) {
        const std::size_t length = run_length(line, 0, c);
        if (length >= 3 && (c == '~' || line.find('`', length) == k_none)) {
            return std::make_pair(c, length);
        }
    }
    return std::nullopt;
}

/// `line` without a list marker (`- `, `* `, `+ `, `1. `, `1) `) and a task box; `item` says if it had one.
std::string_view strip_list_marker(std::string_view line, bool& item) {
    std::size_t length = 0;
    if (!line.empty() && (line[0] == '-' || line[0] == '*' || line[0] == '+')) {
        length = 1;
    } else {
        std::size_t digits = 0;
        while (digits < line.size() && digits < 10 && line[digits] >= '0' && line[digits] <= '9') {
            ++digits;
        }
        if (digits >= 1 && digits <= 9 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
            length = digits + 1;
        }
    }
    item = length > 0 && (length == line.size() || is_space(line[length]));
    if (!item) {
        return line;
    }
    line = trim(line.substr(length));
    if (line.size() >= 3 && line[0] == '[' && line[2] == ']' && (line[1] == ' ' || line[1] == 'x' || line[1] == 'X') &&
        (line.size() == 3 || is_space(line[3]))) {
        line = trim(line.substr(3));
    }
    return line;
}

/// The cells of a table row, each as inline text, joined with " | ".
std::string table_row(std::string_view line) {
    const CodeSpans spans(line);
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    std::size_t at = 0;
    while (at < line.size()) {
        if (line[at] == '\\') {
            at += 2;
        } else if (line[at] == '`') {
            const std::size_t end = spans.end(at);
            at = end == k_none ? at + run_length(line, at, '`') : end;
        } else if (line[at] == '|') {
            cells.push_back(line.substr(start, at - start));
            start = ++at;
        } else {
            ++at;
        }
    }
    cells.push_back(line.substr(std::min(start, line.size())));
    if (!cells.empty() && line.front() == '|') {
        cells.erase(cells.begin());
    }
    if (!cells.empty() && trim(cells.back()).empty()) {
        cells.pop_back();
    }
    std::string row;
    for (const std::string_view cell : cells) {
        const std::string text = collapse_whitespace(inline_text(cell));
        if (!text.empty()) {
            row += (row.empty() ? "" : " | ") + text;
        }
    }
    return row;
}

/// `line` without its HTML comments; `in_comment` carries an open comment to the next line.
std::string without_comments(std::string_view line, bool& in_comment) {
    std::string out;
    std::size_t at = 0;
    while (at < line.size()) {
        if (in_comment) {
            const std::size_t end = line.find("-->", at);
            if (end == k_none) {
                break;
            }
            at = end + 3;
            in_comment = false;
        } else {
            const std::size_t start = line.find("<!--", at);
            out += line.substr(at, start == k_none ? k_none : start - at);
            if (start == k_none) {
                break;
            }
            at = start + 4;
            in_comment = true;
        }
    }
    return out;
}

/// Reads Markdown line by line, with the state blocks carry across lines.
class MarkdownReader {
public:
    MarkdownReader(std::string_view text, ResumeDocument& document) : m_document(document) {
        for_each_line(text, [&](int /*number*/, std::string_view line) { m_lines.push_back(line); });
    }

    void read() {
        std::size_t index = front_matter_end();
        for (; index < m_lines.size(); ++index) {
            line(index);
        }
    }

private:
    /// The index of the first line after a YAML front matter block, or 0.
    [[nodiscard]] std::size_t front_matter_end() const {
        if (m_lines.empty() || trim(m_lines[0]) != "---") {
            return 0;
        }
        for (std::size_t index = 1; index < m_lines.size(); ++index) {
            const std::string_view line = trim(m_lines[index]);
            if (line == "---" || line == "...") {
                return index + 1;
            }
        }
        return 0;
    }

    void line(std::size_t index) {
        const int number = static_cast<int>(index) + 1;
        if (m_fence) {
            const std::string_view line = trim(m_lines[index]);
            if (run_length(line, 0, m_fence->first) >= m_fence->second &&
                trim(line.substr(run_length(line, 0, m_fence->first))).empty()) {
                m_fence.reset();
            } else {
                add_line(m_document, number, m_lines[index]);
            }
            return;
        }
        const std::string uncommented = without_comments(m_lines[index], m_in_comment);
        std::string_view line = trim(uncommented);
        const std::optional<std::size_t> paragraph = std::exchange(m_paragraph, std::nullopt);
        if (line.empty()) {
            m_in_table = false;
            return;
        }
        if ((m_fence = fence_of(line))) {
            return;
        }
        if (paragraph && (is_rule_of(line, '=', 1) || is_rule_of(line, '-', 2)) && line.find(' ') == k_none) {
            m_document.lines[*paragraph].heading = true;  // a setext underline
            return;
        }
        if (is_rule_of(line, '-', 3) || is_rule_of(line, '*', 3) || is_rule_of(line, '_', 3) ||
            is_rule_of(line, '=', 3)) {
            return;
        }
        if (const std::optional<std::string_view> heading = atx_heading(line)) {
            add_line(m_document, number, inline_text(*heading), true);
            return;
        }
        while (!line.empty() && line.front() == '>') {
            line = trim(line.substr(1));
        }
        if (line.empty()) {
            return;
        }
        if (is_delimiter_row(line)) {
            m_in_table = true;
            return;
        }
        const bool next_is_delimiter = index + 1 < m_lines.size() && is_delimiter_row(trim(m_lines[index + 1]));
        if (line.find('|') != k_none && (m_in_table || line.front() == '|' || next_is_delimiter)) {
            m_in_table = true;
            add_line(m_document, number, table_row(line));
            return;
        }
        m_in_table = false;
        if (const std::size_t close = line.find(']');
            line.front() == '[' && close != k_none && close + 1 < line.size() && line[close + 1] == ':') {
            return;  // a link reference definition
        }
        bool item = false;
        const std::string_view content = strip_list_marker(line, item);
        const std::string text = collapse_whitespace(inline_text(content));
        const std::size_t count = m_document.lines.size();
        add_line(m_document, number, strip_bullet(text));
        if (!item && m_document.lines.size() > count) {
            m_paragraph = count;
        }
    }

    ResumeDocument& m_document;
    std::vector<std::string_view> m_lines;
    std::optional<std::pair<char, std::size_t>> m_fence;
    std::optional<std::size_t> m_paragraph;  ///< the line the previous source line added, if a paragraph
    bool m_in_comment = false;
    bool m_in_table = false;
};

}  // namespace

ResumeDocument extract_markdown(std::string_view bytes, std::string_view source) {
    ResumeDocument document = new_document(source, InputFormat::markdown);
    MarkdownReader(bytes, document).read();
    require_text(document);
    return document;
}

}  // namespace apigap::ingest_detail
