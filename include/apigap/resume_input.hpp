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

/// Whether `text` reads as a RenderCV file: a line `cv:` at the top level (a comment may follow it), then an indented
/// `name:` or `sections:`.
[[nodiscard]] bool looks_like_rendercv(std::string_view text);

/// What `parse_resume` reads, for the wording of its errors: a resume, read by a command that has `--input-format`
/// (`resume`: a binary file that one format could still read is told to force it) or by one that has not
/// (`detected_resume`: `batch`, `check --source`), or a job posting.
enum class DocumentRole { resume, detected_resume, job_posting };

/// Extracts the lines of the file `bytes`, named `source` in messages (its
/// extension helps detection), in `forced` format or the detected one, and
/// assigns sections with `rules`; `max_bytes` raises the cap on extracted text.
/// Invalid UTF-8 is repaired (U+FFFD) with a warning. Throws `Error` naming
/// the file on anything an ATS could not read: empty or binary files, a PDF
/// with no text layer, an encrypted or truncated PDF, a zip bomb, a DOCX
/// without `word/document.xml`; worded for a resume or, with `role`, a job posting.
[[nodiscard]] ResumeDocument parse_resume(std::string_view bytes, std::string_view source,
                                          std::optional<InputFormat> forced, const ResumeRules& rules,
                                          std::size_t max_bytes = k_default_max_bytes,
                                          DocumentRole role = DocumentRole::resume);

/// `parse_resume` into `document`, whose memory (its text's first block, its vectors) serves again, with section
/// `headings` made once: a reader of one resume after another keeps both and allocates little for each. What
/// `document` held goes, also on a throw (it is then empty or partly read).
void parse_resume(std::string_view bytes, std::string_view source, std::optional<InputFormat> forced,
                  const SectionHeadings& headings, ResumeDocument& document,
                  std::size_t max_bytes = k_default_max_bytes, DocumentRole role = DocumentRole::resume);

/// `parse_resume` of the content of `path` (`-` for stdin, at most `max_bytes`).
[[nodiscard]] ResumeDocument load_resume(std::string_view path, std::optional<InputFormat> forced,
                                         const ResumeRules& rules, std::size_t max_bytes = k_default_max_bytes,
                                         DocumentRole role = DocumentRole::resume);

/// `load_resume` into `document` (as `parse_resume` into one does), the file read into `buffer` (as `read_input`
/// into one does): a worker that keeps both reads one resume after another with little allocation.
void load_resume(std::string_view path, std::optional<InputFormat> forced, const SectionHeadings& headings,
                 std::string& buffer, ResumeDocument& document, std::size_t max_bytes = k_default_max_bytes,
                 DocumentRole role = DocumentRole::resume);

/// Makes every later PDF extraction run `executable` as the helper instead of
/// `apigap-pdf` found beside the running executable or in its installed
/// libexec folder (tests name the one in the build tree). Call it before any
/// thread starts.
void use_pdf_helper(std::string executable);

}  // namespace apigap
