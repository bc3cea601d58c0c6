// A position in LaTeX source, with its line number, and the lexical scans the
// LaTeX extractor (latex.cpp) makes from it: groups, command names, spaces.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace apigap::ingest_detail {

class LatexCursor {
public:
    explicit LatexCursor(std::string_view tex) : m_tex(tex) {}

protected:
    static constexpr std::size_t k_none = std::string_view::npos;

    [[nodiscard]] static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    /// Skips the preamble when there is a `\begin{document}` outside a comment, and reads the switches it declares
    /// (`\newif\ifdraft`, false) and sets (`\drafttrue`).
    void start_at_body();
    /// Whether `\name` (`ifdraft`) tests a switch declared with `\newif`, and the switch's state.
    [[nodiscard]] std::optional<bool> switch_test(std::string_view name) const;
    /// Sets a declared switch when `\name` is one's `\drafttrue` or `\draftfalse`; whether it was.
    bool set_switch(std::string_view name);
    /// Moves to `position`, counting the lines passed.
    void advance_to(std::size_t position);
    /// The position of `open` after spaces and at most one line break from
    /// the current position, or `k_none` when something else comes first.
    [[nodiscard]] std::size_t next_is(char open) const;
    /// The position just after the `close` that matches the `open` at `at`;
    /// braces nest, `\x` escapes, `%` comments unless `verbatim`.
    [[nodiscard]] std::size_t group_end(std::size_t at, char open, char close, bool verbatim = false) const;
    /// The position just after the `\fi` that ends the conditional whose
    /// branch starts at `at` (or after its `\else` when `at_else`): nested
    /// `\if…` count, `%` comments do not. The end of the text when there is none.
    [[nodiscard]] std::size_t conditional_end(std::size_t at, bool at_else) const;
    /// Reads a command's name after its backslash, with a trailing `*`.
    std::string_view command_name();
    /// Skips the spaces (not the line break) after a control word, as TeX does.
    void skip_spaces();

private:
    /// Reads `\newif` declarations and switch settings in `m_tex` up to `end`, outside comments.
    void read_switches(std::size_t end);

    std::map<std::string, bool, std::less<>> m_switches;  ///< each `\newif` switch (without `if`) and its state

protected:
    std::string_view m_tex;  // NOLINT(cppcoreguidelines-non-private-member-variables-in-classes)
    std::size_t m_pos = 0;   // NOLINT(cppcoreguidelines-non-private-member-variables-in-classes)
    int m_line = 1;          // NOLINT(cppcoreguidelines-non-private-member-variables-in-classes)
};

}  // namespace apigap::ingest_detail
