// PDF text extraction runs in a helper process, the `apigap-pdf` executable
// (src/ingest/pdf_helper.cpp), so that poppler is neither loaded by apigap
// (it costs each start about 3 ms in dynamic linking) nor able to crash or
// hang it. This is the protocol between the two and the parent's entry point.
#pragma once

#include <cerrno>
#include <cstddef>
#include <string>
#include <string_view>

#include <unistd.h>

namespace apigap::ingest_detail {

struct ExtractLimits;  // ingest/extractors.hpp; the helper links none of apigap

/// What the helper reports in the first byte of its answer. `layout_out_of_memory`: poppler ran out of the
/// helper's memory laying out a page's text (or rendering it to measure its ink), which a line of about a megabyte
/// of text does (poppler takes some 400 bytes a character of a line); its text is the page's number, in decimal.
enum class PdfStatus : unsigned char { ok = 0, locked = 1, unreadable = 2, too_large = 3, layout_out_of_memory = 4 };

/// The helper's answer on stdout: the status byte, the text's length (8 bytes,
/// little-endian), the facts' length (8 bytes, little-endian), the text, the facts.
/// Its arguments: CPU seconds, memory bytes, max bytes (of text).
///
/// The facts are one line `PAGE WORDS INK\n` (decimal) for each page with fewer than `k_pdf_measured_words`
/// words of text (whitespace-separated; each CJK character counts as one), in page order: its 1-based number, its
/// words, and the permille of its pixels with a colour channel below `k_pdf_ink_level` when poppler renders it on white
/// paper at `k_pdf_ink_dpi`. Pages with more words are not rendered, so that reading a resume's text pages costs no
/// more than their text.
inline constexpr std::size_t k_pdf_header_size = 17;

/// Pages with fewer words than this are rendered to measure their ink.
inline constexpr std::size_t k_pdf_measured_words = 50;
/// The resolution pages are rendered at to measure their ink: a page takes 1–3 ms.
inline constexpr double k_pdf_ink_dpi = 12.0;
/// A pixel with a red, green or blue value below this is ink.
inline constexpr unsigned char k_pdf_ink_level = 235;
/// The helper stops measuring pages when its facts would pass this size.
inline constexpr std::size_t k_max_pdf_facts_bytes = std::size_t{1} << 20;

/// The code point of the UTF-8 sequence at byte `at` of `text` (of a truncated one, its lead byte), moving `at`
/// past it. Both sides read the text with it: the helper links none of apigap.
inline char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    char32_t code = lead;
    if (length > 1 && at + length <= text.size()) {
        code = lead & (0xffU >> (length + 1));
        for (std::size_t next = 1; next < length; ++next) {
            code = (code << 6U) | (static_cast<unsigned char>(text[at + next]) & 0x3fU);
        }
    }
    at += length;
    return code;
}

/// Writes all of `data` to `fd`; false when the reader has gone. Both sides
/// write through it: the parent the PDF, the helper its answer.
inline bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

/// What the helper read from a PDF.
struct PdfPages {
    std::string text;   ///< pages ended by newlines, separated by form feeds
    std::string facts;  ///< the pages with little text and their ink, as `k_pdf_header_size` describes
};

/// The text and page facts of the PDF `bytes`, extracted by the helper within `limits`. Throws `Error` naming
/// `source` when the PDF is encrypted, damaged, too slow or too large.
[[nodiscard]] PdfPages run_poppler(std::string_view bytes, std::string_view source, const ExtractLimits& limits);

}  // namespace apigap::ingest_detail
