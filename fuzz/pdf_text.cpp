// Fuzz target for a PDF resume past the PDF helper: the bytes as the text
// poppler extracted (up to a NUL byte) and the helper's page facts (after it),
// split into lines, then analysed like any resume.
#include "harness.hpp"
#include "ingest/extractors.hpp"

namespace apigap::fuzz {

void fuzz_one(std::string_view input) {
    const std::size_t nul = input.find('\0');
    const std::string_view text = input.substr(0, nul);
    const std::string_view facts = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
    ResumeDocument document = ingest_detail::extract_pdf_text(text, "fuzz-input.pdf", facts);
    assign_sections(document, knowledge_base().resume);
    analyse_resume(document);
}

}  // namespace apigap::fuzz
