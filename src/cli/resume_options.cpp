#include "resume_options.hpp"

#include <chrono>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/mentions.hpp"
#include "apigap/resume_input.hpp"
#include "context.hpp"
#include "debug_log.hpp"

namespace apigap::cli {

namespace {

/// The largest `--max-bytes`: 1 GiB, far over any resume, and what a process may hold without trouble.
constexpr std::size_t k_max_max_bytes = std::size_t{1} << 30;

/// Checks a `--max-bytes` value: decimal digits, 1 to `k_max_max_bytes` (CLI11 alone would take "-5" and "0x10").
std::string check_max_bytes(const std::string& value) {
    std::size_t bytes = 0;
    const bool digits =
        !value.empty() && value.size() <= 10 && value.find_first_not_of("0123456789") == std::string::npos;
    if (digits) {
        bytes = std::stoull(value);
    }
    if (!digits || bytes < 1 || bytes > k_max_max_bytes) {
        return fmt::format("expected a number of bytes from 1 to {} (1 GiB), got '{}'", k_max_max_bytes, value);
    }
    return {};
}

}  // namespace

void add_resume_options(CLI::App& command, ResumeOptions& options) {
    command
        .add_option(
            "resume", options.path,
            "The resume: text, Markdown, JSON Resume, RenderCV YAML, HTML, LaTeX, PDF or DOCX ('-' reads stdin)")
        ->required()
        ->type_name("RESUME");
    add_resume_format_options(command, options);
}

void add_resume_format_options(CLI::App& command, ResumeOptions& options) {
    command
        .add_option("--input-format", options.input_format, "Read the resume as this format instead of detecting it")
        ->check(CLI::IsMember({"text", "markdown", "json-resume", "rendercv", "html", "latex", "pdf", "docx"}))
        ->type_name("FORMAT");
    command.add_option("--max-bytes", options.max_bytes, "Refuse a resume larger than this many bytes (1 to 1 GiB)")
        ->check(CLI::Validator(check_max_bytes, "", "1 to 1 GiB"))
        ->capture_default_str();
}

namespace {

std::optional<InputFormat> forced_format(const ResumeOptions& options) {
    return options.input_format.empty() ? std::nullopt : parse_input_format(options.input_format);
}

}  // namespace

ResumeDocument read_resume(const ResumeOptions& options, const KnowledgeBase& kb) {
    return timed(
        [&] {
            return load_resume(options.path, forced_format(options), kb.resume, options.max_bytes,
                               DocumentRole::detected_resume);
        },
        "read {}", input_name(options.path));
}

ScannedResume& scan_resume(ResumePipeline& pipeline, const ResumeOptions& options, bool rate) {
    ResumeRequest request;
    request.path = options.path;
    request.format = forced_format(options);
    request.max_bytes = options.max_bytes;
    request.rate = rate;
    request.trace = debugging();
    ScannedResume& resume = pipeline.scan(request);
    log_trace(resume);
    if (rate) {
        // Lines as the report counts them (the highest line number: blank lines too), then those with text.
        spdlog::info("{}: {} lines, {} with text, {} skills with evidence", resume.document.source,
                     resume.document.numbered_lines(), resume.document.lines.size(), resume.profile.ratings().size());
    }
    return resume;
}

Posting load_posting(const std::string& path, const KnowledgeBase& kb, const KeywordMatcher& matcher,
                     std::string_view level, std::size_t max_bytes) {
    const ResumeDocument posting =
        timed([&] { return load_resume(path, std::nullopt, kb.resume, max_bytes, DocumentRole::job_posting); },
              "read {}", input_name(path));
    return read_posting(
        kb, posting, [&](std::string_view line) { return find_line_hits(line, matcher); }, level);
}

void log_warnings(const ResumeDocument& document) {
    for (const ExtractionWarning& warning : document.warnings) {
        spdlog::warn("{}: {}", warning.line > 0 ? fmt::format("{}:{}", document.source, warning.line) : document.source,
                     warning.message);
    }
}

YearMonth today() {
    if (const char* value = std::getenv("APIGAP_TODAY"); value != nullptr && *value != '\0') {
        if (const std::optional<YearMonth> day = parse_day(value)) {
            return *day;
        }
        throw Error(fmt::format("APIGAP_TODAY: expected a date as YYYY-MM-DD, got '{}'", value));
    }
    const std::chrono::year_month_day now{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return YearMonth{static_cast<int>(now.year()), static_cast<int>(static_cast<unsigned>(now.month()))};
}

ResumeLevel resume_level(const ScannedResume& resume, const KnowledgeBase& kb, const std::string& level) {
    const ResumeDocument& document = resume.document;
    ResumeLevel result{read_experience(document, kb, resume.mentions, today()), level, TargetSource::option};
    for (const ExperienceEvidence& role : result.experience.evidence) {
        spdlog::debug("{}:{}: a dated role: {}", document.source, role.line, role.text);
    }
    for (const ExperienceEvidence& role : result.experience.not_technical) {
        spdlog::debug("{}:{}: a dated role not counted, no technical title or skill: {}", document.source, role.line,
                      role.text);
    }
    spdlog::info("{}: experience {}", document.source,
                 result.experience.level ? fmt::format("reads as {}, {:.1f} years", *result.experience.level,
                                                       result.experience.years.value_or(0.0))
                                         : result.experience.reason);
    if (result.level.empty()) {
        result.source = result.experience.level ? TargetSource::resume : TargetSource::fallback;
        result.level = result.experience.level.value_or(k_default_level);
    }
    return result;
}

}  // namespace apigap::cli
