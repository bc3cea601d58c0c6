// Markdown's inline markup, for the Markdown extractor (markdown.cpp): the
// text of a line without its emphasis, code spans, links, images, autolinks,
// inline HTML, entities and escapes; and the small readers both files use.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace apigap::ingest_detail::markdown {

inline constexpr std::size_t k_none = std::string_view::npos;

inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

inline std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

/// How many times `c` repeats from `text[at]`.
inline std::size_t run_length(std::string_view text, std::size_t at, char c) {
    std::size_t end = at;
    while (end < text.size() && text[end] == c) {
        ++end;
    }
    return end - at;
}

/// The text of one line of Markdown inline markup: emphasis, code, links,
/// images, autolinks, inline HTML and escapes.
[[nodiscard]] std::string inline_text(std::string_view text);
/// `inline_text` of `text` appended to `out`.
void append_inline_text(std::string_view text, std::string& out);
/// `inline_text` of `text`: `text` itself when it holds no markup (most lines), else written into `scratch`.
[[nodiscard]] std::string_view inline_text(std::string_view text, std::string& scratch);

/// The cells of a table row, each as inline text, joined with " | ".
[[nodiscard]] std::string table_row(std::string_view line);

}  // namespace apigap::ingest_detail::markdown
