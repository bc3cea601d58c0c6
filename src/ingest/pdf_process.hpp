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
/// helper's memory laying out a page's text, which a line of about a megabyte of text does (poppler takes some
/// 400 bytes a character of a line); its text is the page's number, in decimal.
enum class PdfStatus : unsigned char { ok = 0, locked = 1, unreadable = 2, too_large = 3, layout_out_of_memory = 4 };

/// The helper's answer on stdout: the status byte, the text's length (8 bytes,
/// little-endian), the text. Its arguments: CPU seconds, memory bytes, max bytes.
inline constexpr std::size_t k_pdf_header_size = 9;

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

/// The text of the PDF `bytes` (pages ended by newlines, separated by form
/// feeds), extracted by the helper within `limits`. Throws `Error` naming
/// `source` when the PDF is encrypted, damaged, too slow or too large.
[[nodiscard]] std::string run_poppler(std::string_view bytes, std::string_view source, const ExtractLimits& limits);

}  // namespace apigap::ingest_detail
