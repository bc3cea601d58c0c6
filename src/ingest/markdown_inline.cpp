// Markdown's inline markup reduced to its text (markdown_inline.hpp).
#include "ingest/markdown_inline.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail::markdown {

namespace {

/// The longest inline HTML tag or autolink read, `<` to `>`.
constexpr std::size_t k_max_tag = 2048;

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

/// Where the code spans of a line end, found in one pass: a run of backticks
/// opens a span that the next run of the same length closes.
class CodeSpans {
public:
    explicit CodeSpans(std::string_view text) {
        if (text.find('`') == std::string_view::npos) {
            return;  // no backtick, no span: most lines
        }
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

/// The characters that may start inline markup, by byte.
constexpr std::array<bool, 256> k_markup = [] {
    std::array<bool, 256> markup{};
    for (const char c : std::string_view("\\`[<&*_~")) {
        markup[static_cast<unsigned char>(c)] = true;
    }
    return markup;
}();

/// What ends a run of text copied as it is: markup, and the `!` that may open an image.
constexpr std::array<bool, 256> k_run_end = [] {
    std::array<bool, 256> ends = k_markup;
    ends[static_cast<unsigned char>('!')] = true;
    return ends;
}();

bool has_markup(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return k_markup[static_cast<unsigned char>(c)]; });
}

}  // namespace

std::string inline_text(std::string_view text) {
    std::string out;
    append_inline_text(text, out);
    return out;
}

std::string_view inline_text(std::string_view text, std::string& scratch) {
    if (!has_markup(text)) {
        return text;  // no markup: most lines of a resume
    }
    scratch.clear();
    append_inline_text(text, scratch);
    return scratch;
}

void append_inline_text(std::string_view text, std::string& out) {
    if (!has_markup(text)) {
        out += text;
        return;
    }
    const CodeSpans spans(text);
    // Read at a `[` only: a line without one needs no table.
    const std::vector<std::size_t> match =
        text.find('[') == std::string_view::npos ? std::vector<std::size_t>() : match_brackets(text, spans);
    // Where a link's label ends: from there, jump past its destination.
    std::vector<std::pair<std::size_t, std::size_t>> jumps;
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
            if (escape) {
                out += next;
            } else if (at + 1 < text.size()) {
                out += '\\';
            }
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
            // Text up to the next markup, or the end of a link's label, as it is.
            const std::size_t limit = jumps.empty() ? text.size() : jumps.back().first;
            std::size_t end = at + 1;
            while (end < limit && !k_run_end[static_cast<unsigned char>(text[end])]) {
                ++end;
            }
            out += text.substr(at, end - at);
            at = end;
        }
    }
}

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

}  // namespace apigap::ingest_detail::markdown
