// `apigap match`: how well a resume matches a job posting, and the gate on it.
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/match.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "resume_options.hpp"

namespace apigap::cli {

namespace {

struct MatchCommandOptions {
    ResumeOptions resume;
    std::string job;
    std::string level;  ///< empty: from the posting
    int min_score = 0;  ///< 0: no gate
    OutputOptions output;
};

ExitCode run_match(const MatchCommandOptions& options, const Context& context) {
    if (options.resume.path == "-" && options.job == "-") {
        throw Error("the resume and --job cannot both be '-': stdin can be read only once; save one to a file");
    }
    context.refuse_output_over_inputs(options.output.path, {options.resume.path, options.job});
    const KnowledgeBase kb = context.load_kb();
    const ResumeDocument resume = read_resume(options.resume, kb);
    log_warnings(resume);
    const KeywordMatcher matcher(kb);
    const Posting posting = load_posting(options.job, kb, matcher, options.level, options.resume.max_bytes);
    const std::vector<Mention> mentions = find_mentions(resume, matcher);
    const MatchReport report = match_posting(
        posting, resume, mentions, make_report(kb, infer_profile(kb, resume, mentions), posting.summary.level_id),
        options.min_score);
    spdlog::info("{}: match {}% against {}", report.resume_source, report.score, report.posting.source);
    const Format format = parse_format(options.output.format).value_or(Format::text);
    write_output(render_match(report, format), options.output.path);
    if (format == Format::github) {
        append_step_summary(render_match(report, Format::markdown));
    }
    return report.passed() ? ExitCode::ok : ExitCode::failed;
}

}  // namespace

void setup_match(CLI::App& app, Context& context) {
    auto options = std::make_shared<MatchCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "match", "Match a resume against a job posting: weighted match rate, missing keywords, level");
    add_resume_options(*command, options->resume);
    command
        ->add_option("--job", options->job,
                     "The posting: text, Markdown, HTML, PDF, DOCX or JSON Resume job schema ('-' reads stdin)")
        ->required()
        ->type_name("JD");
    command
        ->add_option("--level", options->level, "The posting's level, instead of reading it from the title and years")
        ->type_name("LEVEL");
    command->add_option("--min-score", options->min_score, "Fail below this match rate, 0-100 (default 0: no gate)")
        ->check(CLI::Range(0, 100))
        ->type_name("N");
    add_output_options(*command, options->output, {"text", "json", "markdown", "sarif", "junit", "github", "html"});
    command->footer(R"(The match rate weighs each skill the posting names: 2 when it is required
(the title, Requirements, Responsibilities, Must have, ... in six languages), 1 when
preferred (Nice to have, "is a plus", a choice such as "Go or Python") or named elsewhere
(the introduction, the company's stack); About us, Benefits and EEO text are ignored
(docs/match.md). Missing skills come first, with the posting's spelling and line and the
resume section to add them to; then the posting's own terms, each found when the resume
writes it or an alias (MySQL is not PostgreSQL to an ATS), with their own rate, and the
technical words the knowledge base does not assess.
Exit 1 when the skill rate is below --min-score; 0 otherwise.
sarif, junit and github report each missing skill on the resume, at the line of the section
it belongs in (a required one as a warning, another as a note) and a failed gate as an
error; --format github appends a Markdown summary to $GITHUB_STEP_SUMMARY when it is set.

Examples:
  apigap match resume.md --job posting.md
  apigap match resume.pdf --job posting.html --min-score 70
  apigap match resume.md --job posting.md --min-score 70 --format sarif -o match.sarif
  apigap match resume.md --job posting.md --format html -o match.html
  apigap match resume.md --job job.json --level senior --format json | jq '.skills[] | select(.found | not)')");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_match(*options, context); }; });
}

}  // namespace apigap::cli
