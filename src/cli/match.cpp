// `apigap match`: how well a resume matches a job posting, and the gate on it.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/experience.hpp"
#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/match.hpp"
#include "apigap/match_postings.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "debug_log.hpp"
#include "option_checks.hpp"
#include "output.hpp"
#include "resume_options.hpp"
#include "resume_walk.hpp"

namespace apigap::cli {

namespace {

struct MatchCommandOptions {
    ResumeOptions resume;
    std::vector<std::string> jobs;
    std::string level;  ///< empty: from the posting
    int min_score = 0;  ///< 0: no gate
    OutputOptions output;
};

/// The formats that report on many postings at once; the CI formats report one posting on the resume's lines.
bool reports_many(Format format) {
    return format == Format::text || format == Format::json || format == Format::markdown || format == Format::html;
}

/// The postings `--job` names: each file, each file a folder holds (walked as `batch` walks one), and `-` (stdin),
/// each once; a folder with none is an error.
std::vector<std::string> posting_paths(const std::vector<std::string>& jobs) {
    std::vector<std::string> files;
    std::vector<std::string> walked;
    for (const std::string& job : jobs) {
        if (job == "-") {
            files.emplace_back("-");
        } else {
            walked.push_back(job);
        }
    }
    files.erase(std::unique(files.begin(), files.end()), files.end());
    if (!walked.empty()) {
        ResumeWalk walk(walked);
        while (std::optional<std::string> path = walk.next()) {
            files.push_back(std::move(*path));
        }
    }
    if (files.empty()) {
        throw Error(
            fmt::format("--job {}: no posting found (a folder is read for files ending in .txt .md .markdown "
                        ".json .yaml .yml .html .htm .tex .pdf .docx)",
                        fmt::join(walked, ", ")));
    }
    return files;
}

/// Whether `--job` asks for many postings: more than one, or a folder (whatever it holds).
bool many_postings(const std::vector<std::string>& jobs) {
    return jobs.size() > 1 || std::any_of(jobs.begin(), jobs.end(), [](const std::string& job) {
               std::error_code error;
               return job != "-" && std::filesystem::is_directory(job, error);
           });
}

/// What every posting is matched against: the resume read once.
struct ResumeSide {
    ResumeDocument document;
    std::vector<Mention> mentions;
    Profile profile;
    Report report;  ///< for any level: the match reads the readiness of each
    Experience experience;
};

ResumeSide read_resume_side(const MatchCommandOptions& options, const KnowledgeBase& kb,
                            const KeywordMatcher& matcher) {
    ResumePipeline pipeline(kb, matcher);
    ScannedResume& resume = scan_resume(pipeline, options.resume);
    log_warnings(resume.document);
    Report report = make_report(kb, resume.profile, k_default_level);
    Experience experience = resume_level(resume, kb, "").experience;
    return {std::move(resume.document), std::move(resume.mentions), std::move(resume.profile), std::move(report),
            std::move(experience)};
}

MatchReport match_one(const ResumeSide& resume, const Posting& posting, int min_score) {
    return match_posting(posting, resume.document, resume.mentions, resume.report, min_score, resume.experience.level);
}

ExitCode run_many(const MatchCommandOptions& options, const Context& context, Format format) {
    if (!reports_many(format)) {
        throw Error(
            fmt::format("--format {} reports on one posting; give one --job, or use text, json, markdown or html",
                        chosen_format(options.output)));
    }
    const std::vector<std::string> paths = posting_paths(options.jobs);
    std::vector<std::string> inputs = paths;
    inputs.push_back(options.resume.path);
    context.refuse_output_over_inputs(options.output.path, inputs);
    const KnowledgeBase kb = context.load_kb();
    const KeywordMatcher matcher(kb);
    if (!options.level.empty()) {
        static_cast<void>(require_level(kb, options.level));  // the same mistake for every posting: said once
    }
    const ResumeSide resume = read_resume_side(options, kb, matcher);

    std::vector<PostingRow> rows;
    for (const std::string& path : paths) {
        PostingRow row{path, std::nullopt, {}};
        try {
            row.match = match_one(resume, load_posting(path, kb, matcher, options.level, options.resume.max_bytes),
                                  options.min_score);
            row.source = row.match->posting.source;  // `<stdin>` for `-`
            spdlog::info("{}: match {}% against {}", resume.document.source, row.match->score, row.source);
        } catch (const Error& error) {
            row.error = error.what();
            spdlog::warn("{}", row.error);
        }
        rows.push_back(std::move(row));
    }
    const PostingsReport report = summarize_postings(kb, resume.document, resume.profile, resume.mentions,
                                                     resume.experience, std::move(rows), options.min_score);
    if (report.matched() == 0) {
        throw Error(fmt::format("none of the {} postings could be read", report.postings.size()));
    }
    const TextStyle style = context.text_style(options.output.to_file());
    write_output(timed([&] { return render_match_postings(report, format, style); }, "render"), options.output.path);
    return report.passed() ? ExitCode::ok : ExitCode::failed;
}

ExitCode run_match(const MatchCommandOptions& options, const Context& context) {
    if (options.resume.path == "-" && std::find(options.jobs.begin(), options.jobs.end(), "-") != options.jobs.end()) {
        throw Error("the resume and --job cannot both be '-': stdin can be read only once; save one to a file");
    }
    const Format format = output_format(options.output);
    if (many_postings(options.jobs)) {
        return run_many(options, context, format);
    }
    const std::string& job = options.jobs.front();
    context.refuse_output_over_inputs(options.output.path, {options.resume.path, job});
    if (format == Format::github) {
        context.refuse_step_summary_over_inputs({options.resume.path, job});
    }
    const KnowledgeBase kb = context.load_kb();
    const KeywordMatcher matcher(kb);
    const ResumeSide resume = read_resume_side(options, kb, matcher);
    const MatchReport report =
        match_one(resume, load_posting(job, kb, matcher, options.level, options.resume.max_bytes), options.min_score);
    spdlog::info("{}: match {}% against {}", report.resume_source, report.score, report.posting.source);
    const TextStyle style = context.text_style(options.output.to_file());
    write_output(timed([&] { return render_match(report, format, style); }, "render"), options.output.path);
    if (format == Format::github) {
        append_step_summary(render_match(report, Format::markdown));
    }
    return report.passed() ? ExitCode::ok : ExitCode::failed;
}

}  // namespace

void setup_match(CLI::App& app, Context& context) {
    auto options = std::make_shared<MatchCommandOptions>();
    CLI::App* command = app.add_subcommand(
        "match", "Match a resume against job postings: weighted match rate, missing keywords, level, gaps across them");
    add_resume_options(*command, options->resume);
    command
        ->add_option("--job", options->jobs,
                     "A posting (text, Markdown, HTML, PDF, DOCX or JSON Resume job schema; '-' reads stdin) or a "
                     "folder of postings; repeat for more")
        ->required()
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->check(not_empty("a file or folder"))
        ->type_name("JD");
    command
        ->add_option("--level", options->level, "The posting's level, instead of reading it from the title and years")
        ->check(not_empty("a level id"))
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
Exit 1 when the skill rate is below --min-score; 0 otherwise. The verdict compares the
level the resume's dated roles read as with the posting's, else the readiness for it.
With more than one --job, or a folder, one row per posting (rates, level, verdict) and
then the gaps across them: each skill the postings require or prefer that the resume
lacks or shows below target, and each of their terms it does not write, with how many
postings ask for it, ranked, and a study-plan step for the top skills (text, json,
markdown or html). Exit 1 when a posting could not be read or is below --min-score.
sarif, junit and github report each missing skill on the resume, at the line of the section
it belongs in (a required one as a warning, another as a note) and a failed gate as an
error; --format github appends a Markdown summary to $GITHUB_STEP_SUMMARY when it is set
(exit 2, before reading anything, when that names the resume or the posting).

Examples:
  apigap match resume.md --job posting.md
  apigap match resume.pdf --job posting.html --min-score 70
  apigap match resume.md --job posting.md --min-score 70 --format sarif -o match.sarif
  apigap match resume.md --job posting.md --format html -o match.html
  apigap match resume.md --job postings/ --job extra.pdf --format markdown
  apigap match resume.md --job job.json --level senior --format json | jq '.skills[] | select(.found | not)')");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_match(*options, context); }; });
}

}  // namespace apigap::cli
