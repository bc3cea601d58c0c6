// The PDF extraction child process (src/ingest/pdf.cpp), for the PDF extractor.
#pragma once

#include <string>
#include <string_view>

#include "ingest/extractors.hpp"

namespace apigap::ingest_detail {

/// The text of the PDF `bytes` (pages ended by newlines, separated by form
/// feeds), extracted by poppler in a child process within `limits`. Throws
/// `Error` naming `source` when the PDF is encrypted, damaged, too slow or too large.
[[nodiscard]] std::string run_poppler(std::string_view bytes, std::string_view source, const ExtractLimits& limits);

}  // namespace apigap::ingest_detail
