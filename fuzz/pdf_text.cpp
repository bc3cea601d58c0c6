// Fuzz target for a PDF resume past the PDF helper: the bytes as the text
// poppler extracted, split into lines, then analysed like any resume.
#include "harness.hpp"
#include "ingest/extractors.hpp"

namespace apigap::fuzz {

void fuzz_one(std::string_view input) {
    ResumeDocument document = ingest_detail::extract_pdf_text(input, "fuzz-input.pdf");
    assign_sections(document, knowledge_base().resume);
    analyse_resume(document);
}

}  // namespace apigap::fuzz
