// Reading a resume file of any supported format into a `ResumeDocument`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "apigap/input.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/resume.hpp"

namespace apigap {

/// The format of `bytes`, by content first (PDF and zip magic, a JSON object
/// with JSON Resume keys, HTML tags, LaTeX commands, Markdown headings or
/// lists), then by the extension of `path`; plain text otherwise.
[[nodiscard]] InputFormat detect_format(std::string_view bytes, std::string_view path);

/// Reads `path` (`-` for stdin, at most `max_bytes`), extracts its lines in
/// `forced` format or the detected one, and assigns sections with `rules`.
/// Invalid UTF-8 is repaired (U+FFFD) with a warning. Throws `Error` naming
/// the file on anything an ATS could not read: empty or binary files, a PDF
/// with no text layer, an encrypted or truncated PDF, a zip bomb, a DOCX
/// without `word/document.xml`.
[[nodiscard]] ResumeDocument load_resume(std::string_view path, std::optional<InputFormat> forced,
                                         const ResumeRules& rules, std::size_t max_bytes = k_default_max_bytes);

/// Makes every later PDF extraction run `executable extract-pdf` (the apigap
/// binary; `posix_spawn`, so safe while threads run) instead of forking this
/// process, which is safe only while it has one thread. Call it before any
/// thread starts.
void use_pdf_helper(std::string executable);

/// `apigap extract-pdf`, the helper's side: reads a PDF from stdin (at most
/// `max_bytes`), limits itself to `cpu_seconds` of CPU and `memory_bytes` more
/// address space, and writes the extracted text in the form the parent reads
/// to stdout. Returns only when stdin cannot be read (exit status 1).
int serve_pdf_extraction(unsigned cpu_seconds, std::size_t memory_bytes, std::size_t max_bytes);

}  // namespace apigap
