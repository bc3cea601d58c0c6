// One extractor per resume format, each from the file's bytes to lines. The
// dispatcher (`load_resume` in include/apigap/resume_input.hpp) picks one.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "apigap/error.hpp"

#include "apigap/resume.hpp"

namespace apigap::detail {
struct Node;
}

namespace apigap::ingest_detail {

/// The error of a file with no text to read: worded for a resume, and
/// reworded by `load_resume` for a job posting. `lead` says what is missing
/// ("no text found"); `detail` (with a leading space, or empty) says why.
class NoText : public Error {
public:
    NoText(std::string_view source, std::string lead, std::string detail = {});

    [[nodiscard]] const std::string& lead() const noexcept { return m_lead; }
    [[nodiscard]] const std::string& detail() const noexcept { return m_detail; }

private:
    std::string m_lead;
    std::string m_detail;
};

/// What an ATS would make of a resume with no text, after `NoText`'s lead.
inline constexpr std::string_view k_empty_resume = "an ATS would see an empty resume";

/// Limits on what an extractor may spend on one file.
struct ExtractLimits {
    std::size_t max_bytes = std::size_t{10} << 20;          ///< extracted text, and bytes read from a zip
    std::size_t max_zip_entries = 1000;                     ///< DOCX
    unsigned pdf_cpu_seconds = 10;                          ///< the PDF child process
    std::size_t pdf_memory_bytes = std::size_t{512} << 20;  ///< the PDF child process
    unsigned pdf_wall_seconds = 20;                         ///< the PDF child process
};

/// A limit of `bytes` as an error message says it: "10 MiB" for whole mebibytes, "1000 bytes" otherwise.
[[nodiscard]] std::string size_text(std::size_t bytes);

/// Whether `node` is a scalar with at least one character (a JSON or YAML string, number or boolean).
[[nodiscard]] bool is_text(const detail::Node& node);

/// Whether `name` is one of `names`.
template <std::size_t N>
[[nodiscard]] bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Each throws `Error` naming `source` when the file cannot be read as that
// format, and never returns a document without text. The text formats' take a `recycled` document to fill (its
// content goes, its memory serves again), so that reading one resume after another allocates little.
[[nodiscard]] ResumeDocument extract_text(std::string_view bytes, std::string_view source,
                                          ResumeDocument recycled = {});
[[nodiscard]] ResumeDocument extract_markdown(std::string_view bytes, std::string_view source,
                                              ResumeDocument recycled = {});
[[nodiscard]] ResumeDocument extract_json_resume(std::string_view bytes, std::string_view source,
                                                 ResumeDocument recycled = {});
/// A RenderCV YAML file (`cv:` with `sections:`): each string a line numbered where it stands in the file, each
/// section's title a heading.
[[nodiscard]] ResumeDocument extract_rendercv(std::string_view bytes, std::string_view source,
                                              ResumeDocument recycled = {});

/// Whether `root` is a JSON Resume job posting (job-schema.json): `title`, one of `qualifications`,
/// `responsibilities` or `skills`, and no `basics`.
[[nodiscard]] bool is_job_posting(const detail::Node& root);
/// The posting's lines: the title as a heading, experience and description, then `Responsibilities` and
/// `Requirements` (qualifications, then skills as "name: keyword, keyword") under headings of those names.
[[nodiscard]] ResumeDocument extract_job_posting(const detail::Node& root, std::string_view source);
[[nodiscard]] ResumeDocument extract_html(std::string_view bytes, std::string_view source,
                                          ResumeDocument recycled = {});
[[nodiscard]] ResumeDocument extract_latex(std::string_view bytes, std::string_view source,
                                           ResumeDocument recycled = {});
[[nodiscard]] ResumeDocument extract_pdf(std::string_view bytes, std::string_view source, const ExtractLimits& limits);
/// The lines of `text` as the PDF helper extracts it (`run_poppler`): each page's two columns one after the other
/// (`read_columns`), numbered from 1, blank lines counted, trimmed, broken words and bullets joined again
/// (`join_broken_lines`), the lines of a running header or footer marked `running`. Warnings: lines of glyphs
/// without a Unicode mapping give one `garbled-text`; a page read as two columns one `pdf-columns`; the helper's
/// page `facts` (src/ingest/pdf_process.hpp) a `pdf-no-text-layer` for each page with no words and 1% ink or more,
/// a `pdf-text-in-image` for each with words and 10% ink or more. Throws `Error` when no line has text.
[[nodiscard]] ResumeDocument extract_pdf_text(std::string_view text, std::string_view source,
                                              std::string_view facts = {});
[[nodiscard]] ResumeDocument extract_docx(std::string_view bytes, std::string_view source, const ExtractLimits& limits);

}  // namespace apigap::ingest_detail
