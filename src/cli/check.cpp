// `apigap check`: the CI gate on a resume's keyword coverage and quality.
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/check.hpp"
#include "apigap/error.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "debug_log.hpp"
#include "option_checks.hpp"
#include "output.hpp"
#include "resume_options.hpp"

namespace apigap::cli {

namespace {

/// The keyword coverage below which the gate fails when `--min-score` is not given.
constexpr int k_default_min_score = 60;

struct CheckCommandOptions {
    ResumeOptions resume;
    std::string level;  ///< empty: the level the resume reads as, else `k_default_level`
    int min_score = k_default_min_score;
    std::vector<std::string> required;  ///< `--require` as given: comma-separated lists
    std::string source;                 ///< `--source`: the file the resume is made from; empty: none
    OutputOptions output;
};

ExitCode run_check(const CheckCommandOptions& options, const Context& context) {
    if (options.source == "-" && options.resume.path == "-") {
        throw Error("the resume and --source cannot both be '-': stdin can be read only once; save one to a file");
    }
    context.refuse_output_over_inputs(options.output.path, {options.resume.path, options.source});
    const Format format = output_format(options.output);
    if (format == Format::github) {
        context.refuse_step_summary_over_inputs({options.resume.path, options.source});
    }
    const KnowledgeBase kb = context.load_kb();
    const KeywordMatcher matcher(kb);
    ResumePipeline pipeline(kb, matcher);
    const ScannedResume& resume = scan_resume(pipeline, options.resume, false);
    const ResumeDocument& document = resume.document;
    const std::vector<Mention>& mentions = resume.mentions;
    ResumeLevel level = resume_level(resume, kb, options.level);
    CheckReport report = timed(
        [&] {
            return make_check(kb, document, mentions, {level.level, options.min_score, comma_items(options.required)});
        },
        "checks");
    report.experience = std::move(level.experience);
    report.level_source = level.source;
    if (!options.source.empty()) {
        // The source in whatever format it is (detected), within the same size limit as the resume.
        const ResumeDocument source = read_resume(ResumeOptions{options.source, {}, options.resume.max_bytes}, kb);
        compare_with_source(report, document, find_keywords(document, matcher), source, find_keywords(source, matcher));
    }
    spdlog::info("{}: keyword coverage {}%, {} findings", report.source, report.score, report.findings.size());
    const TextStyle style = context.text_style(options.output.to_file());
    write_output(timed([&] { return render_check(report, format, style); }, "render"), options.output.path);
    if (format == Format::github) {
        append_step_summary(render_check(report, Format::markdown, {}));
    }
    return report.passed() ? ExitCode::ok : ExitCode::failed;
}

}  // namespace

void setup_check(CLI::App& app, Context& context) {
    auto options = std::make_shared<CheckCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "check", "Gate CI on a resume: ATS keyword coverage for a level, and resume-quality findings");
    add_resume_options(*command, options->resume);
    command
        ->add_option("--level", options->level,
                     "Target level: entry, mid or senior (default: the level the resume reads as, else mid)")
        ->check(not_empty("a level id"))
        ->type_name("LEVEL");
    command->add_option("--min-score", options->min_score, "Fail below this keyword coverage, 0-100")
        ->check(CLI::Range(0, 100))
        ->type_name("N")
        ->capture_default_str();
    command->add_option("--require", options->required, "Fail unless these skills have a keyword (comma-separated)")
        ->check(comma_list("skill or group ids"))
        ->type_name("ID,...");
    command
        ->add_option("--source", options->source,
                     "The file RESUME is made from (any format): report its keywords and results that RESUME's text "
                     "lost or mangled, at SOURCE's lines")
        ->check(not_empty("a file"))
        ->type_name("SOURCE");
    add_output_options(*command, options->output, {"text", "json", "markdown", "sarif", "junit", "github"});
    command->footer(R"(Keyword coverage is the weighted share of the skills the level targets that the
resume names at least once (docs/check.md lists every rule). Exit 1 when coverage is below
--min-score, a --require skill is missing, or a finding is an error; 0 otherwise.
With --source, findings on RESUME's words are reported at the SOURCE line they come from,
and a keyword of SOURCE that RESUME's text lacks, or has only split or spaced, is an error.
--format github prints annotations (10 of each kind, as GitHub shows) and appends a Markdown
summary to $GITHUB_STEP_SUMMARY when it is set (exit 2, before reading anything, when that
names the resume or SOURCE).

Examples:
  apigap check resume.md --level mid --min-score 70
  apigap check resume.pdf --require api-security,rest-graphql -o apigap.sarif
  apigap check resume.pdf --source resume.tex --format github
  apigap check resume.md --format json | jq '.findings[] | select(.severity == "error")')");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_check(*options, context); }; });
}

}  // namespace apigap::cli
