// Markdown resumes: headings, lists, tables and code blocks, line by line; the
// inline markup of each line is read by markdown_inline.cpp.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/extractors.hpp"
#include "ingest/front_matter.hpp"
#include "ingest/markdown_inline.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

// In namespace markdown, with the inline readers (markdown_inline.hpp) it uses.
namespace markdown {

namespace {

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
    // The test that fails at a line's first letter first, a compare or two, no search: most lines are read no
    // further.
    const auto in_row = [](char c) { return c == '|' || c == ':' || c == '-' || c == ' ' || c == '\t'; };
    return std::all_of(line.begin(), line.end(), in_row) && line.find('|') != k_none && line.find('-') != k_none;
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

/// Raw HTML that a Markdown page does not show: comments, scripts and styles, each from its opening to its closing
/// text (tags in any case).
struct HiddenSpan {
    std::string_view open;
    std::string_view close;
};

constexpr auto k_hidden_spans = std::to_array<HiddenSpan>({
    {"<!--", "-->"},
    {"<script", "</script>"},
    {"<style", "</style>"},
});

/// `text` in ASCII lower case into `lower`, to find tags in any case at the same offsets.
void lower_ascii(std::string_view text, std::string& lower) {
    lower.assign(text);
    for (char& c : lower) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
}

/// Where the first hidden span opens in `lower` from `at`, and which. A comment opens anywhere; a script or style
/// only where it starts the line, as CommonMark's HTML blocks do, and its tag name must end there (`<scripts`).
std::pair<std::size_t, const HiddenSpan*> next_hidden(std::string_view lower, std::size_t at) {
    std::pair<std::size_t, const HiddenSpan*> first{lower.find("<!--", at), &k_hidden_spans[0]};
    const std::size_t lead = lower.find_first_not_of(" \t");
    for (const HiddenSpan& span : k_hidden_spans) {
        const std::size_t after = lead == k_none ? k_none : lead + span.open.size();
        if (span.open != "<!--" && lead >= at && lead < first.first &&
            lower.substr(lead, span.open.size()) == span.open &&
            (after == lower.size() || lower[after] == '>' || is_space(lower[after]))) {
            first = {lead, &span};
        }
    }
    return first;
}

/// Memory a thread's Markdown reading keeps from one resume to the next, so that a line costs no allocation.
struct Scratch {
    std::vector<std::uint32_t> starts;  ///< where each line starts, then where a next one would
    std::string lower;                  ///< a line in lower case, to find hidden spans in
    std::string visible;                ///< a line without its hidden spans
    std::string inline_text;            ///< a line's inline text
    std::string clean;                  ///< a line collapsed
};

/// `line` without its HTML comments, scripts and styles (`line` itself when it has none, else written into
/// `scratch.visible`); `open` carries a span still open to the next line.
std::string_view without_hidden(std::string_view line, const HiddenSpan*& open, Scratch& scratch) {
    if (open == nullptr && line.find('<') == k_none) {
        return line;  // every span opens with a `<`
    }
    lower_ascii(line, scratch.lower);
    const std::string_view lower = scratch.lower;
    std::string& out = scratch.visible;
    out.clear();
    std::size_t at = 0;
    while (at < line.size()) {
        if (open != nullptr) {
            const std::size_t end = lower.find(open->close, at);
            if (end == k_none) {
                break;
            }
            at = end + open->close.size();
            open = nullptr;
        } else {
            const auto [start, span] = next_hidden(lower, at);
            out += line.substr(at, start == k_none ? k_none : start - at);
            if (start == k_none) {
                break;
            }
            at = start + span->open.size();
            open = span;
        }
    }
    return out;
}

/// Reads Markdown line by line, with the state blocks carry across lines.
class MarkdownReader {
public:
    MarkdownReader(std::string_view text, ResumeDocument& document, Scratch& scratch)
        : m_text(text), m_document(document), m_scratch(scratch), m_starts(scratch.starts) {
        // Where each line starts, and where one more would: 4 bytes a line, where a view would take 16.
        m_starts.clear();
        std::size_t start = 0;
        while (start < text.size()) {
            m_starts.push_back(static_cast<std::uint32_t>(start));
            const std::size_t end = text.find('\n', start);
            start = end == std::string_view::npos ? text.size() + 1 : end + 1;
        }
        m_starts.push_back(static_cast<std::uint32_t>(start));
        m_document.lines.reserve(line_count());
    }

    void read() {
        std::size_t index = front_matter_end();
        // From the opening `---` to the closing fence: a YAML document whose marks are the file's lines. Not a
        // mapping, it was Markdown between two thematic breaks.
        const auto yaml = [&] { return m_text.substr(0, m_starts[index - 1]); };
        if (index > 0 && !add_front_matter(m_document, yaml())) {
            index = 0;
        }
        for (; index < line_count(); ++index) {
            line(index);
        }
    }

private:
    [[nodiscard]] std::size_t line_count() const { return m_starts.size() - 1; }

    /// Line `index` without its line break.
    [[nodiscard]] std::string_view text_of(std::size_t index) const {
        std::string_view line = m_text.substr(m_starts[index], m_starts[index + 1] - 1 - m_starts[index]);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        return line;
    }

    /// The index of the first line after a YAML front matter block, or 0.
    [[nodiscard]] std::size_t front_matter_end() const {
        if (line_count() == 0 || trim(text_of(0)) != "---") {
            return 0;
        }
        for (std::size_t index = 1; index < line_count(); ++index) {
            const std::string_view line = trim(text_of(index));
            if (line == "---" || line == "...") {
                return index + 1;
            }
        }
        return 0;
    }

    void line(std::size_t index) {
        const int number = static_cast<int>(index) + 1;
        if (m_fence) {
            const std::string_view line = trim(text_of(index));
            if (run_length(line, 0, m_fence->first) >= m_fence->second &&
                trim(line.substr(run_length(line, 0, m_fence->first))).empty()) {
                m_fence.reset();
            } else {
                add_line(m_document, number, text_of(index));
            }
            return;
        }
        std::string_view line = trim(without_hidden(text_of(index), m_hidden, m_scratch));
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
            add_line(m_document, number, inline_text(*heading, m_scratch.inline_text), true);
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
        const bool next_is_delimiter = index + 1 < line_count() && is_delimiter_row(trim(text_of(index + 1)));
        if ((m_in_table || line.front() == '|' || next_is_delimiter) && line.find('|') != k_none) {
            m_in_table = true;
            add_line(m_document, number, table_row(line));
            return;
        }
        m_in_table = false;
        if (const std::size_t close = line.front() == '[' ? line.find(']') : k_none;
            close != k_none && close + 1 < line.size() && line[close + 1] == ':') {
            return;  // a link reference definition
        }
        bool item = false;
        const std::string_view content = strip_list_marker(line, item);
        collapse_whitespace(inline_text(content, m_scratch.inline_text), m_scratch.clean);
        const std::size_t count = m_document.lines.size();
        add_collapsed_item(m_document, number, m_scratch.clean, item);
        if (!item && m_document.lines.size() > count) {
            m_paragraph = count;
        }
    }

    std::string_view m_text;
    ResumeDocument& m_document;
    Scratch& m_scratch;
    std::vector<std::uint32_t>& m_starts;  ///< where each line starts in `m_text`, then where a next one would
    std::optional<std::pair<char, std::size_t>> m_fence;
    std::optional<std::size_t> m_paragraph;  ///< the line the previous source line added, if a paragraph
    const HiddenSpan* m_hidden = nullptr;    ///< a comment, script or style still open
    bool m_in_table = false;
};

}  // namespace

}  // namespace markdown

ResumeDocument extract_markdown(std::string_view bytes, std::string_view source, ResumeDocument recycled) {
    ResumeDocument document = new_document(source, InputFormat::markdown, std::move(recycled));
    thread_local markdown::Scratch scratch;
    markdown::MarkdownReader(bytes, document, scratch).read();
    require_text(document);
    return document;
}

}  // namespace apigap::ingest_detail
