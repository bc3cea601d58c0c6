// `apigap batch`: every resume under some folders, scored on every core, as JSON Lines.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/experience.hpp"
#include "apigap/inference.hpp"
#include "apigap/input.hpp"
#include "apigap/keywords.hpp"
#include "apigap/match.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/resume_input.hpp"
#include "apigap/resume_pipeline.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "diagnostics.hpp"
#include "option_checks.hpp"
#include "ordered_work.hpp"
#include "output.hpp"
#include "path_list.hpp"
#include "resume_options.hpp"
#include "resume_walk.hpp"

namespace apigap::cli {

namespace {

struct BatchOptions {
    std::vector<std::string> paths;
    std::string files_from;  ///< `--files-from`: a list of paths (`-`: stdin); empty: `paths`
    bool null = false;       ///< `-0`: the list's paths end with NUL, not a newline
    unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
    std::string level;  ///< empty: the posting's with `--job`, else `k_default_level`
    std::string job;    ///< empty: no match
    int min_score = 0;  ///< 0: no gate
};

/// What every worker reads and none writes: built once, before the workers start.
struct BatchShared {
    const KnowledgeBase& kb;
    const KeywordMatcher& matcher;
    const std::string& level;
    const Posting* posting = nullptr;  ///< `--job`, or nullptr
    int min_score = 0;
    YearMonth today;  ///< what "present" in a resume's dates reads as
};

/// The line for the resume at `path`, whether it was read, and its match rate against the posting.
struct BatchResult {
    std::string line;
    bool ok = false;
    std::optional<int> score;
};

/// The resume at `path` through this worker's `pipeline`, scored and made a line.
BatchResult process_resume(const std::string& path, const BatchShared& shared, ResumePipeline& pipeline) {
    try {
        // A list may name a file called `-`: it is that file, never standard input.
        ResumeRequest request;
        request.path = path == "-" ? std::string_view("./-") : std::string_view(path);
        request.role = DocumentRole::detected_resume;  // batch has no --input-format
        request.evidence = shared.posting != nullptr;  // a line lists ratings only; a match quotes evidence
        ScannedResume& resume = pipeline.scan(request);
        const ResumeDocument& document = resume.document;
        ResumeSummary summary{{}, document.format, document.numbered_lines(), {}};
        summary.warnings = document.warnings;
        if (shared.posting == nullptr) {
            // No study plan is made for a line that prints none.
            return {render_batch_line(path, summary, summarize(shared.kb, resume.profile, shared.level)), true,
                    std::nullopt};
        }
        const Report report = make_report(shared.kb, std::move(resume.profile), shared.level);
        const MatchReport match =
            match_posting(*shared.posting, document, resume.mentions, report, shared.min_score,
                          read_experience(document, shared.kb, resume.mentions, shared.today).level);
        return {render_batch_line(path, summary, summarize(report), &match), true, match.score};
    } catch (const Error& error) {
        return {render_batch_error(path, error.what()), false, std::nullopt};
    } catch (const std::exception& error) {
        return {render_batch_error(path, fmt::format("internal error: {}", error.what())), false, std::nullopt};
    }
}

/// The summary's second line with `--job`: the mean and median match rate of the resumes read, and how many reach
/// the gate; empty when none was read.
std::string match_summary(const PostingSummary& posting, std::vector<int> scores, int min_score) {
    if (scores.empty()) {
        return {};
    }
    std::sort(scores.begin(), scores.end());
    const std::size_t middle = scores.size() / 2;
    const double median = scores.size() % 2 == 1 ? scores[middle] : (scores[middle - 1] + scores[middle]) / 2.0;
    double sum = 0.0;
    for (const int score : scores) {
        sum += score;
    }
    std::string line = fmt::format("apigap: batch: match against {} ({}): mean {:.1f}%, median {:.1f}%", posting.source,
                                   posting.level_id, sum / static_cast<double>(scores.size()), median);
    if (min_score > 0) {
        const auto reached = std::count_if(scores.begin(), scores.end(), [&](int score) { return score >= min_score; });
        line += fmt::format("; {} of {} at or above {}%", reached, scores.size(), min_score);
    }
    return line + "\n";
}

/// How many resumes the walk of `paths` yields (0 when a folder became unreadable).
std::size_t count_resumes(const std::vector<std::string>& paths) {
    try {
        ResumeWalk walk(paths);
        std::size_t count = 0;
        while (walk.next()) {
            ++count;
        }
        return count;
    } catch (const Error&) {
        return 0;
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second; a count alone when the total
/// is not known (a list read as it goes).
class ProgressBar {
public:
    ProgressBar(bool enabled, std::optional<std::size_t> total) : m_enabled(enabled), m_total(total) {}

    void update(std::size_t done) {
        if (!m_enabled) {
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (done < m_total.value_or(done + 1) && now - m_drawn < std::chrono::milliseconds(100)) {
            return;
        }
        m_drawn = now;
        constexpr std::size_t k_width = 30;
        if (!m_total) {
            write_stderr(fmt::format("\r{} resumes", done));
        } else {
            const std::size_t filled = *m_total == 0 ? k_width : done * k_width / *m_total;
            write_stderr(fmt::format("\r[{}{}] {}/{}", std::string(filled, '#'), std::string(k_width - filled, ' '),
                                     done, *m_total));
        }
    }

    void clear() const {
        if (m_enabled) {
            write_stderr("\r\x1b[K");
        }
    }

private:
    bool m_enabled = false;
    std::optional<std::size_t> m_total;
    std::chrono::steady_clock::time_point m_drawn;
};

/// Throws `Error` for paths given both ways or neither, `-` as a resume, or standard input read twice.
void check_sources(const BatchOptions& options) {
    if (!options.files_from.empty() && !options.paths.empty()) {
        throw Error("give the resumes as paths or with --files-from, not both");
    }
    if (options.files_from.empty() && options.paths.empty()) {
        throw Error("no resumes: give files and folders, or --files-from FILE ('-' reads the paths from stdin)");
    }
    if (std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
        throw Error(
            "batch reads no resume from stdin ('-'); to read the paths of resumes from it, give --files-from -");
    }
    if (options.files_from == "-" && options.job == "-") {
        throw Error("--files-from - and --job - cannot both read stdin; save the posting to a file");
    }
}

/// Where the paths come from: a walk of the paths given, or a list read as the workers draw it.
class PathSource {
public:
    explicit PathSource(const BatchOptions& options) {
        if (options.files_from.empty()) {
            m_walk.emplace(options.paths);
        } else {
            m_list.emplace(open_path_list(options.files_from), options.null ? '\0' : '\n');
            m_list_name = input_name(options.files_from);
        }
    }

    /// The next path; nullopt at the end, or when the list could not be read (`error` says why). Never throws.
    std::optional<std::string> next() {
        if (m_walk) {
            return m_walk->next();
        }
        try {
            return m_list->next();
        } catch (const Error& error) {
            m_error = error;
            return std::nullopt;
        }
    }

    /// The failed read that ended the list early, if any.
    [[nodiscard]] const std::optional<Error>& error() const { return m_error; }

    /// The error for a walk or a list that yields no path.
    [[nodiscard]] Error none_found() const {
        if (m_walk) {
            return Error(
                "no resumes found: batch reads .txt .md .markdown .json .yaml .yml (RenderCV) .html .htm .tex .pdf "
                "and .docx files");
        }
        return m_error.value_or(Error(fmt::format("no resumes found: {} lists no path", m_list_name)));
    }

private:
    std::optional<ResumeWalk> m_walk;
    std::optional<PathList> m_list;
    std::string m_list_name;
    std::optional<Error> m_error;
};

ExitCode run_batch(const BatchOptions& options, const Context& context) {
    const auto start = std::chrono::steady_clock::now();
    check_sources(options);
    const KnowledgeBase kb = context.load_kb();
    if (!options.level.empty()) {
        static_cast<void>(require_level(kb, options.level));
    }
    const KeywordMatcher matcher(kb);
    // The posting is read and matched once, here: a bad one stops the batch before any line.
    std::optional<Posting> posting;
    if (!options.job.empty()) {
        posting = load_posting(options.job, kb, matcher, options.level);
        spdlog::info("{}: {} skills, level {}", posting->summary.source, posting->skills.size(),
                     posting->summary.level_id);
    }
    const std::string level = !options.level.empty() ? options.level
                              : posting              ? posting->summary.level_id
                                                     : std::string(k_default_level);
    // The walk, or the list, is drawn by the workers as they go: memory does not grow with the corpus.
    PathSource paths(options);
    std::optional<std::string> first = paths.next();
    if (!first) {
        throw paths.none_found();
    }
    const bool show_progress = !context.global.quiet && ::isatty(STDERR_FILENO) != 0;
    const BatchShared shared{kb, matcher, level, posting ? &*posting : nullptr, options.min_score, today()};
    // The bar needs the total: a second walk counts it (directory reads only, no file is opened); a list is not
    // read twice.
    ProgressBar progress(show_progress, show_progress && options.files_from.empty()
                                            ? std::optional<std::size_t>(count_resumes(options.paths))
                                            : std::nullopt);
    // Each line is written as soon as it is next in order, by the worker that finished it or the one before it, so
    // that a reader sees it at once and a killed run leaves every line it finished.
    std::size_t written = 0;
    bool output_closed = false;
    std::optional<Error> write_error;
    const auto write_line = [&](std::string&& line) {
        try {
            output_closed = !write_stdout(line);  // `| head`: stop the workers and end quietly
        } catch (const Error& error) {
            write_error = error;
        }
        if (output_closed || write_error) {
            return false;
        }
        progress.update(++written);
        return true;
    };
    const std::size_t workers = options.jobs;
    OrderedWork work(
        [&]() -> std::optional<std::string> { return first ? std::exchange(first, std::nullopt) : paths.next(); },
        write_line, workers * 4);
    std::atomic<std::size_t> failed{0};
    std::mutex scores_mutex;
    std::vector<int> matched;  // the match rates, for the summary's median
    const auto run_worker = [&] {
        ResumePipeline pipeline(kb, matcher);
        while (const std::optional<OrderedWork::Item> item = work.claim()) {
            BatchResult result = process_resume(item->input, shared, pipeline);
            if (!result.ok) {
                failed.fetch_add(1, std::memory_order_relaxed);
            }
            if (result.score) {
                const std::lock_guard lock(scores_mutex);
                matched.push_back(*result.score);
            }
            work.complete(item->index, std::move(result.line));
        }
    };
    // This thread is one of the workers: with one, no other thread is started, and no line waits for a hand-over.
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    for (std::size_t index = 1; index < workers; ++index) {
        threads.emplace_back(run_worker);
    }
    run_worker();
    for (std::thread& thread : threads) {
        thread.join();
    }
    progress.clear();
    if (write_error) {
        throw *write_error;
    }
    if (output_closed) {
        return ExitCode::ok;
    }
    if (paths.error()) {
        throw *paths.error();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!context.global.quiet) {
        const std::size_t failures = failed.load();
        print_diagnostic("batch: {} file{}, {} ok, {} failed in {:.2f} s ({:.0f} resumes/s)", written,
                         written == 1 ? "" : "s", written - failures, failures, seconds,
                         seconds > 0.0 ? static_cast<double>(written) / seconds : 0.0);
        if (posting) {
            write_stderr(match_summary(posting->summary, matched, options.min_score));
        }
    }
    const bool below_gate =
        std::any_of(matched.begin(), matched.end(), [&](int score) { return score < options.min_score; });
    return failed.load() > 0 || below_gate ? ExitCode::failed : ExitCode::ok;
}

}  // namespace

void setup_batch(CLI::App& app, Context& context) {
    auto options = std::make_shared<BatchOptions>();
    CLI::App* command =
        app.add_subcommand("batch", "Score every resume under some folders on every core, as JSON Lines");
    command->add_option("paths", options->paths, "Resume files and folders to walk (recursively)")
        ->type_name("PATH...");
    CLI::Option* files_from =
        command
            ->add_option("--files-from", options->files_from,
                         "Read the resumes' paths from FILE, one a line ('-' reads them from stdin), instead of PATHs")
            ->check(not_empty("a file"))
            ->type_name("FILE");
    command->add_flag("-0,--null", options->null, "With --files-from: the paths end with NUL (find -print0)")
        ->needs(files_from);
    command->add_option("-j,--jobs", options->jobs, "Worker threads (default: one per core)")
        ->check(CLI::Range(1U, 1024U))
        ->type_name("N");
    command
        ->add_option("--level", options->level,
                     "Target level: entry, mid or senior (default mid; with --job, the posting's)")
        ->check(not_empty("a level id"))
        ->type_name("LEVEL");
    CLI::Option* job =
        command->add_option("--job", options->job, "Also match each resume against this posting, read once")
            ->check(not_empty("a file"))
            ->type_name("JD");
    command
        ->add_option("--min-score", options->min_score,
                     "With --job: fail below this match rate, 0-100 (default 0: no gate)")
        ->check(CLI::Range(0, 100))
        ->type_name("N")
        ->needs(job);
    command->footer(R"(Folders are walked recursively for .txt .md .markdown .json .html .htm .tex .pdf and
.docx files, and .yaml .yml files that RenderCV's cv: opens (hidden files and folders,
and links to folders, are skipped); a file named
directly is read whatever its extension. Each resume is one line of JSON on stdout, in
path order whatever --jobs is (the paths sorted, each folder depth first by name;
docs/schema/batch-line.schema.json), written as soon as it is next: its format,
level, readiness and skill ratings, or its error. With --job JD, the posting is read once,
before any resume, and each line also has a "match" object: what apigap match --format json
writes, without the resume (the rate, the gate, the level verdict, the skills); the level is
then the posting's, or --level's as for apigap match. A summary goes to stderr (not with -q),
with the mean and median match rate under --job, and a progress bar when stderr is a terminal.

--files-from FILE reads the paths from FILE instead ('-': stdin), one a line (a CR at the
end of a line is dropped, empty lines are skipped), or ended by NUL with -0. Each is read as
a file named directly (a folder is an error line: list files, as find -type f does), in the
list's order, as the list is read: a list of millions is never held whole. Shard a corpus by
sharding the list: the JSON Lines of the shards concatenate.

Exit status: 0 every resume was read (and reached --min-score), 1 some failed (their lines
hold the error) or scored below --min-score, 2 usage error, a posting that cannot be read or
names no known skill, no resume found, or stdout that cannot be written.

Examples:
  apigap batch resumes/ > scores.jsonl
  apigap batch resumes/ --jobs 2 --level senior | jq -c 'select(.readiness >= 70) | .path'
  apigap batch resumes/ --job posting.md | jq -r 'select(.match.score >= 70) | .path'
  apigap -q batch alice.pdf bob.docx
  find corpus -type f -name '*.pdf' -print0 | apigap batch --files-from - -0 > scores.jsonl
  find corpus -type f -print0 | xargs -0 -n 10000 apigap -q batch > scores.jsonl)");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_batch(*options, context); }; });
}

}  // namespace apigap::cli
