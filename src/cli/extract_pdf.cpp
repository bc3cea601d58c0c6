// `apigap extract-pdf` (hidden): the helper process that reads a PDF for a
// parent apigap, so that the parent never forks (src/ingest/pdf.cpp).
#include <cstddef>
#include <memory>

#include <CLI/CLI.hpp>

#include "apigap/resume_input.hpp"
#include "commands.hpp"
#include "context.hpp"

namespace apigap::cli {

namespace {

struct ExtractPdfOptions {
    unsigned cpu_seconds = 10;
    std::size_t memory_bytes = std::size_t{512} << 20;
    std::size_t max_bytes = std::size_t{10} << 20;
};

}  // namespace

void setup_extract_pdf(CLI::App& app, Context& context) {
    auto options = std::make_shared<ExtractPdfOptions>();
    CLI::App* command =
        app.add_subcommand("extract-pdf", "Internal: extract a PDF's text from stdin for a parent apigap")->group("");
    command->add_option("--cpu-seconds", options->cpu_seconds, "CPU limit");
    command->add_option("--memory-bytes", options->memory_bytes, "Address space the child may add");
    command->add_option("--max-bytes", options->max_bytes, "Largest PDF and text");
    command->callback([options, &context] {
        context.action = [options] {
            return static_cast<ExitCode>(
                serve_pdf_extraction(options->cpu_seconds, options->memory_bytes, options->max_bytes));
        };
    });
}

}  // namespace apigap::cli
