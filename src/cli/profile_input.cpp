#include "profile_input.hpp"

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/answers.hpp"
#include "apigap/inference.hpp"
#include "apigap/input.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "apigap/saved_report.hpp"
#include "debug_log.hpp"
#include "option_checks.hpp"

namespace apigap::cli {

void add_answer_options(CLI::App& command, ProfileSources& sources) {
    command
        .add_option("--answers", sources.answers_path,
                    "Answers file, YAML or JSON ('-' reads stdin); see docs/cli.md for the format")
        ->check(not_empty("a file"))
        ->type_name("FILE");
    command.add_option("--rate", sources.rates, "Rate one skill 0-4, e.g. python=3 (repeatable; overrides --answers)")
        ->type_name("ID=N")
        ->allow_extra_args(false);
}

void add_profile_sources(CLI::App& command, ProfileSources& sources) {
    add_answer_options(command, sources);
    command
        .add_option("--resume", sources.resume.path,
                    "Rate the skills from a resume instead: text, Markdown, JSON Resume, RenderCV YAML, HTML, LaTeX, "
                    "PDF or DOCX")
        ->check(not_empty("a file"))
        ->type_name("FILE");
    add_resume_format_options(command, sources.resume);
    command
        .add_option("--report", sources.report_path,
                    "Take the ratings from a saved report: 'apigap assess/scan --format json' output or a history "
                    "entry ('-' reads stdin)")
        ->check(not_empty("a file"))
        ->type_name("FILE");
}

bool has_profile_source(const ProfileSources& sources) {
    return !sources.answers_path.empty() || !sources.rates.empty() || !sources.resume.path.empty() ||
           !sources.report_path.empty();
}

ProfileInput read_profile(const ProfileSources& sources, const KnowledgeBase& kb) {
    ProfileInput input;
    const int kinds = (sources.answers_path.empty() && sources.rates.empty() ? 0 : 1) +
                      (sources.resume.path.empty() ? 0 : 1) + (sources.report_path.empty() ? 0 : 1);
    if (kinds > 1) {
        throw Error("give the ratings one way: --answers/--rate, --resume or --report");
    }
    if (!sources.report_path.empty()) {
        const SavedReport saved = parse_saved_report(read_input(sources.report_path), input_name(sources.report_path));
        input.profile = saved.profile;
        input.level = saved.level_id;
        return input;
    }
    if (!sources.resume.path.empty()) {
        const KeywordMatcher matcher(kb);
        ResumePipeline pipeline(kb, matcher);
        ScannedResume& resume = scan_resume(pipeline, sources.resume);
        const ResumeDocument& document = resume.document;
        log_warnings(document);
        input.profile = std::move(resume.profile);
        input.resume = ResumeSummary{document.source, document.format, document.numbered_lines(), document.warnings};
        return input;
    }
    if (!sources.answers_path.empty()) {
        const std::string text = read_input(sources.answers_path);
        Answers answers = parse_answers(text, input_name(sources.answers_path), kb);
        spdlog::info("read {} ratings from {}", answers.profile.ratings().size(), input_name(sources.answers_path));
        input.profile = std::move(answers.profile);
        input.level = std::move(answers.level);
    }
    for (const std::string& rate : sources.rates) {
        apply_rating_flag(rate, kb, input.profile);
    }
    return input;
}

}  // namespace apigap::cli
