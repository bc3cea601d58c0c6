// What LaTeX commands and environments mean to the LaTeX extractor (latex.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace apigap::ingest_detail {

/// Sectioning commands: their title, after an optional `[…]`, is a heading line.
inline constexpr auto k_heading_commands = std::to_array<std::string_view>(
    {"section", "subsection", "subsubsection", "chapter", "part", "paragraph", "cvsection", "cvsubsection"});

/// What a known command does with what follows it, one letter per argument:
/// `o` an optional `[…]` dropped, `m` a `{…}` dropped, `n` a `{…}` or a
/// command name dropped, `k` a `{…}` whose text is kept, `v` a `{…}` kept
/// verbatim (a URL).
struct Command {
    std::string_view name;
    std::string_view arguments;
};

inline constexpr auto k_commands = std::to_array<Command>({
    {"textbf", "k"},
    {"textit", "k"},
    {"textsl", "k"},
    {"textsc", "k"},
    {"texttt", "k"},
    {"textrm", "k"},
    {"textsf", "k"},
    {"textup", "k"},
    {"textmd", "k"},
    {"textnormal", "k"},
    {"emph", "k"},
    {"underline", "k"},
    {"uline", "k"},
    {"mbox", "k"},
    {"hbox", "k"},
    {"fbox", "k"},
    {"text", "k"},
    {"textsuperscript", "k"},
    {"textsubscript", "k"},
    {"footnote", "ok"},
    {"centerline", "k"},
    {"href", "mk"},
    {"hyperlink", "mk"},
    {"hypertarget", "mk"},
    {"textcolor", "omk"},
    {"colorbox", "omk"},
    {"fcolorbox", "ommk"},
    {"raisebox", "mook"},
    {"makebox", "ook"},
    {"framebox", "ook"},
    {"parbox", "ooomk"},
    {"resizebox", "mmk"},
    {"scalebox", "mok"},
    {"multicolumn", "mmk"},
    {"multirow", "omomok"},
    {"url", "v"},
    {"nolinkurl", "v"},
    {"vspace", "m"},
    {"hspace", "m"},
    {"documentclass", "om"},
    {"usepackage", "om"},
    {"RequirePackage", "om"},
    {"newcommand", "noom"},
    {"renewcommand", "noom"},
    {"providecommand", "noom"},
    {"newenvironment", "noomm"},
    {"renewenvironment", "noomm"},
    {"setlength", "mm"},
    {"addtolength", "mm"},
    {"setcounter", "mm"},
    {"addtocounter", "mm"},
    {"newlength", "m"},
    {"pagestyle", "m"},
    {"thispagestyle", "m"},
    {"geometry", "m"},
    {"hypersetup", "m"},
    {"urlstyle", "m"},
    {"label", "m"},
    {"ref", "m"},
    {"pageref", "m"},
    {"cite", "om"},
    {"includegraphics", "om"},
    {"color", "om"},
    {"definecolor", "mmm"},
    {"colorlet", "mm"},
    {"fontsize", "mm"},
    {"input", "m"},
    {"include", "m"},
    {"titleformat", "mommmmo"},
    {"titlespacing", "mmmmo"},
    {"setlist", "om"},
    {"rule", "omm"},
    {"phantom", "m"},
    {"hphantom", "m"},
    {"vphantom", "m"},
    {"enlargethispage", "m"},
    {"faIcon", "om"},
    {"bibliography", "m"},
    {"bibliographystyle", "m"},
    {"addbibresource", "om"},
});

/// Commands that stand for text.
struct Symbol {
    std::string_view name;
    std::string_view text;
};

inline constexpr auto k_symbols = std::to_array<Symbol>({
    {"bullet", "\u2022"},
    {"textbullet", "\u2022"},
    {"cdot", "\u00b7"},
    {"textperiodcentered", "\u00b7"},
    {"textbar", "|"},
    {"vert", "|"},
    {"mid", "|"},
    {"sim", "~"},
    {"textasciitilde", "~"},
    {"textasciicircum", "^"},
    {"textbackslash", "\\"},
    {"textunderscore", "_"},
    {"textless", "<"},
    {"textgreater", ">"},
    {"times", "\u00d7"},
    {"approx", "\u2248"},
    {"rightarrow", "\u2192"},
    {"to", "\u2192"},
    {"leftarrow", "\u2190"},
    {"leq", "\u2264"},
    {"geq", "\u2265"},
    {"pm", "\u00b1"},
    {"textendash", "\u2013"},
    {"textemdash", "\u2014"},
    {"ldots", "\u2026"},
    {"dots", "\u2026"},
    {"textellipsis", "\u2026"},
    {"LaTeX", "LaTeX"},
    {"TeX", "TeX"},
    {"ss", "\u00df"},
    {"o", "\u00f8"},
    {"O", "\u00d8"},
    {"ae", "\u00e6"},
    {"AE", "\u00c6"},
    {"aa", "\u00e5"},
    {"AA", "\u00c5"},
    {"l", "\u0142"},
    {"L", "\u0141"},
    {"oe", "\u0153"},
    {"OE", "\u0152"},
    {"i", "\u0131"},
    {"copyright", "\u00a9"},
    {"textregistered", "\u00ae"},
    {"texttrademark", "\u2122"},
    {"euro", "\u20ac"},
    {"texteuro", "\u20ac"},
    {"pounds", "\u00a3"},
    {"textdollar", "$"},
    {"textquotedbl", "\""},
    {"textquoteright", "'"},
    {"textquoteleft", "'"},
    {"textdegree", "\u00b0"},
});

/// The entries of `table` in order of name, and in table order among equal names: for `find_by_name`.
template <class Entry, std::size_t N>
consteval std::array<const Entry*, N> sorted_by_name(const std::array<Entry, N>& table) {
    std::array<const Entry*, N> sorted{};
    for (std::size_t i = 0; i < N; ++i) {
        sorted[i] = &table[i];
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const Entry* a, const Entry* b) { return a->name != b->name ? a->name < b->name : a < b; });
    return sorted;
}

/// The first entry named `name` of the table that `sorted` orders (`sorted_by_name`), or null: a binary search.
template <class Entry, std::size_t N>
const Entry* find_by_name(const std::array<const Entry*, N>& sorted, std::string_view name) {
    const auto found = std::lower_bound(sorted.begin(), sorted.end(), name,
                                        [](const Entry* entry, std::string_view key) { return entry->name < key; });
    return found != sorted.end() && (*found)->name == name ? *found : nullptr;
}

inline constexpr auto k_commands_by_name = sorted_by_name(k_commands);
inline constexpr auto k_symbols_by_name = sorted_by_name(k_symbols);

/// Commands that end a line.
inline constexpr auto k_breaks = std::to_array<std::string_view>(
    {"newline", "par", "linebreak", "newpage", "clearpage", "pagebreak", "bigskip", "medskip", "smallskip", "vfill",
     "hrule", "hline", "toprule", "midrule", "bottomrule", "maketitle", "makecvtitle"});

/// Environments and the arguments of `\begin{…}` to drop.
struct Environment {
    std::string_view name;
    std::string_view arguments;
};

inline constexpr auto k_environments = std::to_array<Environment>({
    {"tabular", "om"},
    {"tabular*", "mom"},
    {"tabularx", "mom"},
    {"longtable", "om"},
    {"minipage", "ooom"},
    {"multicols", "mo"},
    {"multicols*", "mo"},
    {"itemize", "o"},
    {"enumerate", "o"},
    {"description", "o"},
    {"list", "mm"},
    {"adjustwidth", "mm"},
    {"wrapfigure", "omm"},
});

/// Environments whose content is no text an ATS would see.
inline constexpr auto k_hidden_environments =
    std::to_array<std::string_view>({"comment", "tikzpicture", "pspicture", "figure", "thebibliography"});

/// The combining character each accent command puts on its letter.
struct Accent {
    char command;
    std::string_view mark;
};

inline constexpr auto k_accents = std::to_array<Accent>({
    {'\'', "\u0301"},
    {'`', "\u0300"},
    {'^', "\u0302"},
    {'"', "\u0308"},
    {'~', "\u0303"},
    {'=', "\u0304"},
    {'.', "\u0307"},
    {'c', "\u0327"},
    {'v', "\u030c"},
    {'H', "\u030b"},
    {'r', "\u030a"},
    {'k', "\u0328"},
    {'u', "\u0306"},
    {'d', "\u0323"},
    {'b', "\u0331"},
});

}  // namespace apigap::ingest_detail
