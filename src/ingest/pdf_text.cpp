// PDF resumes: the lines of the text the extraction child returns, and what
// an ATS would fail on in them: garbled glyphs, pages without a text layer or
// mostly image, two columns; and which lines are a running header or footer.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "ingest/extractors.hpp"
#include "ingest/normalize.hpp"
#include "ingest/pdf_columns.hpp"
#include "ingest/pdf_lines.hpp"
#include "ingest/pdf_process.hpp"

namespace apigap::ingest_detail {

namespace {

/// True when `line` is mostly glyphs without a Unicode mapping: U+FFFD or
/// private-use code points, or a run of `(cid:NN)` left by a converter.
bool is_garbled(std::string_view line) {
    std::size_t visible = 0;
    std::size_t unmapped = 0;
    std::size_t index = 0;
    while (index < line.size()) {
        const char32_t code = next_code_point(line, index);
        if (code == U' ' || code == U'\t') {
            continue;
        }
        ++visible;
        if (code == 0xfffd || (code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000) {
            ++unmapped;
        }
    }
    if (unmapped >= 3 && unmapped * 10 >= visible * 3) {
        return true;
    }
    // Two `(cid:NN)` in a row, spaces allowed between them.
    std::size_t run = 0;
    std::size_t position = 0;
    while ((position = line.find("(cid:", position)) != std::string_view::npos) {
        std::size_t end = position + 5;
        while (end < line.size() && line[end] >= '0' && line[end] <= '9') {
            ++end;
        }
        if (end == position + 5 || end >= line.size() || line[end] != ')') {
            run = 0;
            position = end;
            continue;
        }
        if (++run >= 2) {
            return true;
        }
        position = end + 1;
        while (position < line.size() && line[position] == ' ') {
            ++position;
        }
        if (line.compare(position, 5, "(cid:") != 0) {
            run = 0;
        }
    }
    return false;
}

std::string_view trim_line(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\f\v");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\f\v") - first + 1);
}

/// A page with no words and at least this much ink (permille of its pixels) is an image without a text layer.
constexpr unsigned k_scan_ink_permille = 10;
/// A page with a few words and at least this much ink is mostly image: a page of text has far less.
constexpr unsigned k_image_ink_permille = 100;
/// A page is reported as set in two columns when both columns of a block span this many lines: a single line with
/// a gap in it is read as two columns too, but is no layout an ATS stumbles over.
constexpr std::size_t k_min_column_lines = 3;
/// How much of a line laid out across two columns a `pdf-columns` warning quotes, in code points.
constexpr std::size_t k_quote_length = 80;

/// The non-blank lines of each page, in order.
using PageLines = std::vector<std::vector<const PdfLine*>>;

/// A page `read_columns` read as two columns: its 1-based number, the number of its first line, its blocks.
struct PageColumns {
    int page = 0;
    int first_line = 0;
    std::vector<ColumnBlock> blocks;
};

/// `text` as a running header or footer is compared: each run of digits as `#` (page numbers and dates change
/// from page to page), each run of whitespace as one space.
std::string running_key(std::string_view text) {
    std::string key;
    for (const char c : text) {
        const char k = c >= '0' && c <= '9' ? '#' : c == '\t' ? ' ' : c;
        if ((k == '#' || k == ' ') && !key.empty() && key.back() == k) {
            continue;
        }
        key += k;
    }
    return key;
}

/// The numbers, ascending, of the lines of a running header or footer: with two pages with text or more, a line
/// among the first two or the last two of a page whose text (`running_key`) every page with text has in that place.
std::vector<int> running_lines(const PageLines& pages) {
    std::vector<const std::vector<const PdfLine*>*> with_text;
    for (const std::vector<const PdfLine*>& page : pages) {
        if (!page.empty()) {
            with_text.push_back(&page);
        }
    }
    std::vector<int> numbers;
    if (with_text.size() < 2) {
        return numbers;
    }
    // The places: first, second, last, last but one.
    for (std::size_t place = 0; place < 4; ++place) {
        const auto at = [&](const std::vector<const PdfLine*>& page) -> const PdfLine* {
            const std::size_t offset = place % 2;
            if (offset >= page.size()) {
                return nullptr;
            }
            return place < 2 ? page[offset] : page[page.size() - 1 - offset];
        };
        const std::string key = at(*with_text.front()) == nullptr ? "" : running_key(at(*with_text.front())->text);
        const bool repeated = !key.empty() && std::all_of(with_text.begin(), with_text.end(), [&](const auto* page) {
            const PdfLine* line = at(*page);
            return line != nullptr && running_key(line->text) == key;
        });
        if (repeated) {
            for (const auto* page : with_text) {
                numbers.push_back(at(*page)->number);
            }
        }
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    return numbers;
}

/// The number of the line of `numbers` (ascending, not empty) that holds line `line` of the text: the last that
/// starts at or before it (a line the layout broke was joined to the one before).
int line_holding(const std::vector<int>& numbers, int line) {
    const auto after = std::upper_bound(numbers.begin(), numbers.end(), line);
    return after == numbers.begin() ? numbers.front() : *(after - 1);
}

/// The next decimal number of `text` from `at`, skipping one space before it; nullopt at anything else.
std::optional<unsigned long> next_number(std::string_view text, std::size_t& at) {
    if (at < text.size() && text[at] == ' ') {
        ++at;
    }
    const std::size_t begin = at;
    unsigned long value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - begin < 9) {
        value = value * 10 + static_cast<unsigned long>(text[at] - '0');
        ++at;
    }
    return at == begin ? std::nullopt : std::optional<unsigned long>(value);
}

/// The `pdf-no-text-layer` and `pdf-text-in-image` warnings of the helper's page `facts` (`PAGE WORDS INK` lines);
/// `first_lines` holds each page's first line number (0: none).
void page_warnings(std::string_view facts, const std::vector<int>& first_lines, const std::vector<int>& numbers,
                   std::vector<ExtractionWarning>& warnings) {
    for (std::size_t start = 0; start < facts.size();) {
        const std::size_t end = std::min(facts.find('\n', start), facts.size());
        const std::string_view fact = facts.substr(start, end - start);
        start = end + 1;
        std::size_t at = 0;
        const auto page = next_number(fact, at);
        const auto words = next_number(fact, at);
        const auto ink = next_number(fact, at);
        if (!page || !words || !ink || at != fact.size() || *page == 0 || *page > first_lines.size()) {
            continue;  // not a fact the helper writes
        }
        const int first_line = first_lines[*page - 1];
        if (*words == 0 && *ink >= k_scan_ink_permille) {
            warnings.push_back(ExtractionWarning{
                "pdf-no-text-layer", 0,
                fmt::format("page {} has no text layer (a scanned image?): an ATS reads nothing on it; export the PDF "
                            "from your editor with its text, or type the page's text in",
                            *page)});
        } else if (*words > 0 && *ink >= k_image_ink_permille) {
            warnings.push_back(ExtractionWarning{
                "pdf-text-in-image", first_line == 0 ? 0 : line_holding(numbers, first_line),
                fmt::format("page {} is mostly image ({}% of it drawn) with only {} word{} of text: text in an image "
                            "is invisible to an ATS; write the page's text as text, not in a picture",
                            *page, (*ink + 5) / 10, *words, *words == 1 ? "" : "s")});
        }
    }
}

/// `text` with its runs of spaces as one, trimmed, cut to `k_quote_length` code points.
std::string quote_of(std::string_view text) {
    std::string quote;
    std::size_t length = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t size = std::max<std::size_t>(decode_at(text, at).length, 1);
        const std::string_view c = text.substr(at, size);
        at += size;
        if (c == " " && (quote.empty() || quote.back() == ' ')) {
            continue;
        }
        if (length == k_quote_length) {
            quote += "\u2026";
            break;
        }
        quote.append(c);
        ++length;
    }
    while (!quote.empty() && quote.back() == ' ') {
        quote.pop_back();
    }
    return quote;
}

/// "line 5" or "lines 5–24".
std::string line_range(int first, int last) {
    return first >= last ? fmt::format("line {}", first) : fmt::format("lines {}\u2013{}", first, last);
}

/// The one `pdf-columns` warning of a document whose `pages` (not empty) have two columns: at the first block's
/// first line, naming the pages and the order apigap read the first block in.
ExtractionWarning columns_warning(const std::vector<PageColumns>& pages, const std::vector<int>& numbers) {
    std::string names;
    for (std::size_t index = 0; index < pages.size(); ++index) {
        names += index == 0 ? "" : index + 1 == pages.size() ? " and " : ", ";
        names += std::to_string(pages[index].page);
    }
    const PageColumns& page = pages.front();
    const ColumnBlock& block = page.blocks.front();
    const auto line = [&](std::size_t index) {
        return line_holding(numbers, page.first_line + static_cast<int>(index));
    };
    const int first = line(block.left_first);
    return ExtractionWarning{
        "pdf-columns", first,
        fmt::format("page{} {} {} set in two columns: apigap reads {} (left column), then {} (right); an ATS that "
                    "reads straight across mixes them, e.g. '{}'; set the resume in one column",
                    pages.size() == 1 ? "" : "s", names, pages.size() == 1 ? "is" : "are",
                    line_range(first, line(block.left_last)),
                    line_range(line(block.right_first), line(block.right_last)), quote_of(block.across))};
}

}  // namespace

ResumeDocument extract_pdf(std::string_view bytes, std::string_view source, const ExtractLimits& limits) {
    const PdfPages pages = run_poppler(bytes, source, limits);
    return extract_pdf_text(pages.text, source, pages.facts);
}

ResumeDocument extract_pdf_text(std::string_view pages, std::string_view source, std::string_view facts) {
    std::string columns;
    std::vector<int> page_starts;  // the number of each page's first line
    std::vector<PageColumns> column_pages;
    int newlines = 0;
    for (std::size_t start = 0; start <= pages.size();) {
        const std::size_t end = std::min(pages.find('\f', start), pages.size());
        columns += start == 0 ? "" : "\f";
        page_starts.push_back(newlines + 1);
        ColumnPage page = read_columns(pages.substr(start, end - start));
        std::erase_if(page.blocks, [](const ColumnBlock& block) {
            return block.left_last - block.left_first + 1 < k_min_column_lines ||
                   block.right_last - block.right_first + 1 < k_min_column_lines;
        });
        if (!page.blocks.empty()) {
            column_pages.push_back(
                PageColumns{static_cast<int>(page_starts.size()), newlines + 1, std::move(page.blocks)});
        }
        newlines += static_cast<int>(std::count(page.text.begin(), page.text.end(), '\n'));
        columns += page.text;
        start = end + 1;
    }
    const std::string_view text = columns;
    ResumeDocument document;
    document.source = std::string(source);
    document.format = InputFormat::pdf;
    std::vector<PdfLine> lines;
    PageLines by_page(page_starts.size());
    std::vector<std::size_t> page_of;  // for each of `lines`, its 0-based page
    std::size_t page = 0;
    int number = 0;
    int garbled_lines = 0;
    int first_garbled = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        ++number;
        while (!raw.empty() && raw.front() == '\f') {
            raw.remove_prefix(1);  // a page break
            ++page;
        }
        const std::string_view line = trim_line(raw);
        if (line.empty()) {
            continue;
        }
        if (is_garbled(line)) {
            if (garbled_lines == 0) {
                first_garbled = number;
            }
            ++garbled_lines;
        }
        lines.push_back(PdfLine{number, static_cast<std::size_t>(line.data() - raw.data()), std::string(line)});
        page_of.push_back(std::min(page, by_page.size() - 1));
    }
    for (std::size_t index = 0; index < lines.size(); ++index) {
        by_page[page_of[index]].push_back(&lines[index]);
    }
    const std::vector<int> running = running_lines(by_page);
    std::vector<int> first_lines;
    for (const std::vector<const PdfLine*>& page_lines : by_page) {
        first_lines.push_back(page_lines.empty() ? 0 : page_lines.front()->number);
    }
    std::vector<int> numbers;  // of the document's lines, ascending
    for (PdfLine& line : join_broken_lines(std::move(lines))) {
        document.add_line(line.number, line.text).running =
            std::binary_search(running.begin(), running.end(), line.number);
        numbers.push_back(line.number);
    }
    if (document.lines.empty()) {
        throw NoText(source, "no extractable text",
                     " (a scanned image? export the PDF from your editor with a text layer)");
    }
    if (garbled_lines > 0) {
        document.warnings.push_back(ExtractionWarning{
            "garbled-text", first_garbled,
            fmt::format("garbled text on {} line{} (glyphs without a Unicode mapping): an ATS would read junk; "
                        "export the PDF again with standard fonts",
                        garbled_lines, garbled_lines == 1 ? "" : "s")});
    }
    page_warnings(facts, first_lines, numbers, document.warnings);
    if (!column_pages.empty()) {
        document.warnings.push_back(columns_warning(column_pages, numbers));
    }
    return document;
}

}  // namespace apigap::ingest_detail
