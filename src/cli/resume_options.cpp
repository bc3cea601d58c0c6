#include "resume_options.hpp"

#include <optional>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/mentions.hpp"
#include "apigap/resume_input.hpp"

namespace apigap::cli {

void add_resume_options(CLI::App& command, ResumeOptions& options) {
    command
        .add_option("resume", options.path,
                    "The resume: text, Markdown, JSON Resume, HTML, LaTeX, PDF or DOCX ('-' reads stdin)")
        ->required()
        ->type_name("RESUME");
    add_resume_format_options(command, options);
}

void add_resume_format_options(CLI::App& command, ResumeOptions& options) {
    command
        .add_option("--input-format", options.input_format, "Read the resume as this format instead of detecting it")
        ->check(CLI::IsMember({"text", "markdown", "json-resume", "html", "latex", "pdf", "docx"}))
        ->type_name("FORMAT");
    command.add_option("--max-bytes", options.max_bytes, "Refuse a resume larger than this many bytes")
        ->capture_default_str();
}

ResumeDocument read_resume(const ResumeOptions& options, const KnowledgeBase& kb) {
    const std::optional<InputFormat> forced =
        options.input_format.empty() ? std::nullopt : parse_input_format(options.input_format);
    return load_resume(options.path, forced, kb.resume, options.max_bytes);
}

Posting load_posting(const std::string& path, const KnowledgeBase& kb, const KeywordMatcher& matcher,
                     std::string_view level, std::size_t max_bytes) {
    const ResumeDocument posting = load_resume(path, std::nullopt, kb.resume, max_bytes, DocumentRole::job_posting);
    return read_posting(kb, posting, find_line_hits(posting, matcher), level);
}

void log_warnings(const ResumeDocument& document) {
    for (const ExtractionWarning& warning : document.warnings) {
        spdlog::warn("{}: {}", warning.line > 0 ? fmt::format("{}:{}", document.source, warning.line) : document.source,
                     warning.message);
    }
}

}  // namespace apigap::cli
