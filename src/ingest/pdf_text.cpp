// PDF resumes: the lines of the text the extraction child returns, and the
// garbled-glyph check an ATS would fail on.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "ingest/extractors.hpp"
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
        const auto lead = static_cast<unsigned char>(line[index]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        char32_t code = lead;
        if (length > 1 && index + length <= line.size()) {
            code = lead & (0xffU >> (length + 1));
            for (std::size_t next = 1; next < length; ++next) {
                code = (code << 6U) | (static_cast<unsigned char>(line[index + next]) & 0x3fU);
            }
        }
        index += length;
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

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\f\v");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\f\v") - first + 1);
}

}  // namespace

ResumeDocument extract_pdf(std::string_view bytes, std::string_view source, const ExtractLimits& limits) {
    return extract_pdf_text(run_poppler(bytes, source, limits), source);
}

ResumeDocument extract_pdf_text(std::string_view pages, std::string_view source) {
    std::string columns;
    for (std::size_t start = 0; start <= pages.size();) {
        const std::size_t end = std::min(pages.find('\f', start), pages.size());
        columns += start == 0 ? "" : "\f";
        columns += read_columns(pages.substr(start, end - start));
        start = end + 1;
    }
    const std::string_view text = columns;
    ResumeDocument document;
    document.source = std::string(source);
    document.format = InputFormat::pdf;
    std::vector<PdfLine> lines;
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
        }
        const std::string_view line = trim(raw);
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
    }
    for (PdfLine& line : join_broken_lines(std::move(lines))) {
        document.add_line(line.number, line.text);
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
    return document;
}

}  // namespace apigap::ingest_detail
