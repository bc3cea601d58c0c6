// `apigap scan`: the evidence in a resume, the ratings it earns, the gap report.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "apigap/input.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "debug_log.hpp"
#include "history_store.hpp"
#include "option_checks.hpp"
#include "output.hpp"
#include "profile_input.hpp"
#include "resume_options.hpp"

namespace apigap::cli {

namespace {

struct ScanOptions {
    ResumeOptions resume;
    std::string level;  ///< empty: the level the resume reads as, else `k_default_level`
    OutputOptions output;
    bool save = false;
};

ExitCode run_scan(const ScanOptions& options, const Context& context) {
    context.refuse_output_over_inputs(options.output.path, {options.resume.path});
    const Format format = output_format(options.output);
    const KnowledgeBase kb = context.load_kb();
    const KeywordMatcher matcher(kb);
    ResumePipeline pipeline(kb, matcher);
    ScannedResume& resume = scan_resume(pipeline, options.resume);
    const ResumeDocument& document = resume.document;
    log_warnings(document);
    ResumeLevel level = resume_level(resume, kb, options.level);
    Report report = make_report(kb, std::move(resume.profile), level.level);
    report.experience = std::move(level.experience);
    report.level_source = level.source;
    report.resume = ResumeSummary{document.source, document.format, document.numbered_lines(), document.warnings};
    const TextStyle style = context.text_style(options.output.to_file());
    write_output(timed([&] { return render_report(report, format, style); }, "render"), options.output.path);
    if (options.save) {
        save_to_history(report, input_name(document.source), context);
    }
    return ExitCode::ok;
}

}  // namespace

void setup_scan(CLI::App& app, Context& context) {
    auto options = std::make_shared<ScanOptions>();
    CLI::App* command =
        app.add_subcommand("scan", "Read a resume, rate each skill from its evidence, and print the gap report");
    add_resume_options(*command, options->resume);
    command
        ->add_option("--level", options->level,
                     "Target level: entry, mid or senior (default: the level the resume reads as, else mid)")
        ->check(not_empty("a level id"))
        ->type_name("LEVEL");
    add_output_options(*command, options->output, {"text", "json", "markdown", "html"});
    add_save_option(*command, options->save);
    command->footer(R"(Each skill is rated from the resume lines that mention it (docs/scoring.md): named in a
skills list 1, used in experience or projects 2, used with a measurable result 3, designed or
led with a measurable result 4. The evidence lists every line that earned a rating.

Examples:
  apigap scan resume.pdf --level mid
  apigap scan resume.md --format json | jq '.profile.skills[] | {id, rating}'
  apigap scan - --input-format markdown < resume.md)");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_scan(*options, context); }; });
}

}  // namespace apigap::cli
