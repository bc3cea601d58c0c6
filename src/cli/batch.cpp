// `apigap batch`: every resume under some folders, scored on every core, as JSON Lines.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/resume_input.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "ordered_work.hpp"
#include "resume_walk.hpp"

namespace apigap::cli {

namespace {

struct BatchOptions {
    std::vector<std::string> paths;
    unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
    std::string level = k_default_level;
};

/// What every worker reads and none writes: built once, before the workers start.
struct BatchShared {
    const KnowledgeBase& kb;
    const KeywordMatcher& matcher;
    const std::string& level;
};

/// The line for the resume at `path`, and whether it was read. A match
/// against a job description would join the report here.
struct BatchResult {
    std::string line;
    bool ok = false;
};

BatchResult process_resume(const std::string& path, const BatchShared& shared) {
    try {
        const ResumeDocument document = load_resume(path, std::nullopt, shared.kb.resume);
        const Profile profile = infer_profile(shared.kb, find_mentions(document, shared.matcher));
        Report report = make_report(shared.kb, profile, shared.level);
        report.resume = ResumeSummary{document.source, document.format, document.lines.size(), document.warnings};
        return {render_batch_line(path, report), true};
    } catch (const Error& error) {
        return {render_batch_error(path, error.what()), false};
    } catch (const std::exception& error) {
        return {render_batch_error(path, fmt::format("internal error: {}", error.what())), false};
    }
}

/// A one-line progress bar on standard error, redrawn at most ten times a second.
class ProgressBar {
public:
    ProgressBar(bool enabled, std::size_t total) : m_enabled(enabled), m_total(total) {}

    void update(std::size_t done) {
        if (!m_enabled) {
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (done < m_total && now - m_drawn < std::chrono::milliseconds(100)) {
            return;
        }
        m_drawn = now;
        constexpr std::size_t k_width = 30;
        const std::size_t filled = m_total == 0 ? k_width : done * k_width / m_total;
        fmt::print(stderr, "\r[{}{}] {}/{}", std::string(filled, '#'), std::string(k_width - filled, ' '), done,
                   m_total);
        std::fflush(stderr);
    }

    void clear() const {
        if (m_enabled) {
            fmt::print(stderr, "\r\x1b[K");
        }
    }

private:
    bool m_enabled = false;
    std::size_t m_total = 0;
    std::chrono::steady_clock::time_point m_drawn;
};

ExitCode run_batch(const BatchOptions& options, const Context& context) {
    const auto start = std::chrono::steady_clock::now();
    const KnowledgeBase kb = context.load_kb();
    static_cast<void>(require_level(kb, options.level));
    const std::vector<std::string> files = walk_resumes(options.paths);
    if (files.empty()) {
        throw Error("no resumes found: batch reads .txt .md .markdown .json .html .htm .tex .pdf and .docx files");
    }
    const KeywordMatcher matcher(kb);
    const BatchShared shared{kb, matcher, options.level};
    const std::size_t workers = std::min<std::size_t>(options.jobs, files.size());
    OrderedWork work(files.size(), workers * 4);
    std::atomic<std::size_t> failed{0};

    std::vector<std::thread> threads;
    threads.reserve(workers);
    for (std::size_t index = 0; index < workers; ++index) {
        threads.emplace_back([&] {
            while (const std::optional<std::size_t> item = work.claim()) {
                BatchResult result = process_resume(files[*item], shared);
                if (!result.ok) {
                    failed.fetch_add(1, std::memory_order_relaxed);
                }
                work.complete(*item, std::move(result.line));
            }
        });
    }
    ProgressBar progress(!context.global.quiet && ::isatty(STDERR_FILENO) != 0, files.size());
    std::size_t written = 0;
    bool output_closed = false;
    while (const std::optional<std::string> line = work.next()) {
        if (std::fwrite(line->data(), 1, line->size(), stdout) != line->size()) {
            output_closed = true;  // `| head`: stop the workers and end quietly
            work.cancel();
            break;
        }
        progress.update(++written);
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    std::fflush(stdout);
    progress.clear();
    if (output_closed) {
        return ExitCode::ok;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!context.global.quiet) {
        const std::size_t failures = failed.load();
        fmt::print(stderr, "apigap: batch: {} file{}, {} ok, {} failed in {:.2f} s ({:.0f} resumes/s)\n", files.size(),
                   files.size() == 1 ? "" : "s", files.size() - failures, failures, seconds,
                   seconds > 0.0 ? static_cast<double>(files.size()) / seconds : 0.0);
    }
    return failed.load() > 0 ? ExitCode::failed : ExitCode::ok;
}

}  // namespace

void setup_batch(CLI::App& app, Context& context) {
    auto options = std::make_shared<BatchOptions>();
    CLI::App* command =
        app.add_subcommand("batch", "Score every resume under some folders on every core, as JSON Lines");
    command->add_option("paths", options->paths, "Resume files and folders to walk (recursively)")
        ->required()
        ->type_name("PATH...");
    command->add_option("-j,--jobs", options->jobs, "Worker threads (default: one per core)")
        ->check(CLI::Range(1U, 1024U))
        ->type_name("N");
    command->add_option("--level", options->level, "Target level: entry, mid or senior")
        ->type_name("LEVEL")
        ->capture_default_str();
    command->footer(R"(Folders are walked recursively for .txt .md .markdown .json .html .htm .tex .pdf and
.docx files (hidden files and folders, and links to folders, are skipped); a file named
directly is read whatever its extension. Each resume is one line of JSON on stdout, in
sorted path order whatever --jobs is (docs/schema/batch-line.schema.json): its format,
level, readiness and skill ratings, or its error. A summary goes to stderr (not with -q),
and a progress bar when stderr is a terminal.
Exit status: 0 every resume was read, 1 some failed (their lines hold the error),
2 usage error or no resume found.

Examples:
  apigap batch resumes/ > scores.jsonl
  apigap batch resumes/ --jobs 2 --level senior | jq -c 'select(.readiness >= 70) | .path'
  apigap -q batch alice.pdf bob.docx)");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_batch(*options, context); }; });
}

}  // namespace apigap::cli
