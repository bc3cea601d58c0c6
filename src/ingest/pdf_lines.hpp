// Lines of a PDF's laid-out text put back together where the page layout broke
// them: a word hyphenated at a line end, a bullet wrapped onto more lines, a
// typographic ligature.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace apigap::ingest_detail {

/// A non-blank line of the helper's text: its number, how many columns it is
/// indented (spaces of the physical layout), and its text, trimmed.
struct PdfLine {
    int number = 0;
    std::size_t indent = 0;
    std::string text;
};

/// Rejoins `lines` (in order, blank lines left out) where the layout broke them, and returns the result:
/// - a line ending in a letter and a hyphen (`-`, U+2010, U+2011, a soft hyphen, or a soft hyphen and the hyphen a
///   browser prints for it) before a line starting with a
///   lowercase letter (any letter after a soft hyphen, which marks a break inside a word) loses the hyphen and takes
///   that word ("be-" "gin" reads "begin"); the hyphen stays when the
///   word holds one itself ("end-" "to-end"), is a usual compound's second half after three letters or more
///   ("cross-" "functional", "open-" "source"), or a line spells the pair with a hyphen (`real-time`);
/// - a bullet (`•`, `-`, `1.`, …) that does not end a sentence takes the lines that continue it: at most one blank
///   line below, not bullets, indented past the bullet by at most 8 columns, starting with a lowercase letter, a
///   digit or a CJK character, or after a CJK line end (CJK joins CJK without a space), so that a result stays
///   with its bullet;
/// - the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are spelled out.
/// A joined line keeps the number of its first line.
[[nodiscard]] std::vector<PdfLine> join_broken_lines(std::vector<PdfLine> lines);

}  // namespace apigap::ingest_detail
