// The command table, global options, and the one place errors are caught.
#include <csignal>
#include <cstdio>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "apigap/cli.hpp"
#include "apigap/error.hpp"
#include "apigap/suggest.hpp"
#include "apigap/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "diagnostics.hpp"
#include "option_checks.hpp"
#include "output.hpp"

namespace apigap::cli {

namespace {

/// Every subcommand, in the order `--help` lists them.
// One command a line.
// clang-format off
constexpr void (*k_commands[])(CLI::App&, Context&) = {
    setup_assess,
    setup_scan,
    setup_check,
    setup_match,
    setup_batch,
    setup_plan,
    setup_salary,
    setup_history,
    setup_progress,
    setup_kb,
    setup_completion,
};
// clang-format on

constexpr const char* k_examples = R"(Examples:
  apigap assess --answers examples/answers-mid.yaml --level mid
  apigap assess --rate python=3 --rate rest-graphql=2 --format json
  apigap assess --answers examples/answers-mid.yaml -o report.html   # the format from the extension
  apigap scan resume.pdf --level mid
  apigap check resume.md --level mid --min-score 70 --format github
  apigap match resume.md --job posting.md --min-score 70
  apigap batch resumes/ --jobs 2 > scores.jsonl
  apigap kb list
  apigap kb show rest-graphql
  apigap assess --answers answers.yaml --save && apigap progress

Exit codes: 0 success, 1 a check failed, 2 usage, input or output error, 3 internal error.
Documentation: docs/cli.md)";

void setup_global(CLI::App& app, GlobalOptions& global) {
    app.set_version_flag("--version", fmt::format("apigap {}", version()), "Print the version and exit");
    app.add_option("--kb", global.kb_files, "Knowledge-base overlay, YAML or JSON (repeatable; after $APIGAP_KB)")
        ->check(not_empty("a file"))
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--color", global.color, "Colour in text output: auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_flag("-q,--quiet", global.quiet, "Print nothing but results and errors");
    app.add_flag("-v,--verbose", global.verbosity,
                 "Log what apigap does to stderr and show every evidence line whole; -vv: also the time of each "
                 "stage and each keyword not counted, with why");
}

/// Writes each log line to stderr as one line, as errors are (a message may echo a path, and a path may hold any
/// byte), never throwing when stderr cannot be written.
class EscapingStderrSink : public spdlog::sinks::base_sink<std::mutex> {
protected:
    void sink_it_(const spdlog::details::log_msg& message) override {
        spdlog::memory_buf_t formatted;
        formatter_->format(message, formatted);
        std::string_view line(formatted.data(), formatted.size());
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
            line.remove_suffix(1);  // the pattern's end of line
        }
        write_stderr(printable_line(line) + "\n");
    }
    void flush_() override {}
};

void setup_logging(const GlobalOptions& global) {
    auto logger = std::make_shared<spdlog::logger>("apigap", std::make_shared<EscapingStderrSink>());
    logger->set_pattern("apigap: %l: %v");
    spdlog::set_default_logger(logger);
    if (global.quiet) {
        spdlog::set_level(spdlog::level::err);
    } else if (global.verbosity >= 2) {
        spdlog::set_level(spdlog::level::debug);
    } else if (global.verbosity == 1) {
        spdlog::set_level(spdlog::level::info);
    } else {
        spdlog::set_level(spdlog::level::warn);
    }
}

/// The innermost subcommand chosen on the command line (or `app`), and its path ("apigap kb show").
std::pair<const CLI::App*, std::string> innermost(const CLI::App& app) {
    std::string path = "apigap";
    const CLI::App* command = &app;
    while (true) {
        const auto chosen = command->get_subcommands();
        if (chosen.empty()) {
            break;
        }
        command = chosen.front();
        path += " " + command->get_name();
    }
    return {command, path};
}

/// The `--help` of the subcommand being parsed, for usage errors.
std::string help_hint(const CLI::App& app) {
    return fmt::format("see '{} --help'", innermost(app).second);
}

/// For `apigap scna`: when the innermost chosen command has subcommands, none
/// was chosen and a word stands where one should, the error that names it.
std::optional<std::string> unknown_command(const CLI::App& app) {
    const auto [command, path] = innermost(app);
    std::vector<std::string> names;
    for (const CLI::App* sub : command->get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
    }
    if (names.empty()) {
        return std::nullopt;
    }
    // With fallthrough, a word after `kb` is left over in the top-level command, not in `kb`.
    for (const std::string& word : app.remaining(true)) {
        if (word.empty() || word.front() == '-') {
            continue;
        }
        const std::optional<std::string> nearest = closest_match(word, names);
        return fmt::format("unknown command '{}'{} (see '{} --help')", word,
                           nearest ? fmt::format(" (did you mean '{}'?)", *nearest) : std::string(), path);
    }
    return std::nullopt;
}

}  // namespace

int run(int argc, char** argv) {
    // A closed pipe (`apigap ... | head -1`) must end quietly, not kill us.
    std::signal(SIGPIPE, SIG_IGN);
    reserve_closed_standard_streams();
    Context context;
    CLI::App app("apigap: how far you are from an entry, mid or senior API engineer role, and what to study next.",
                 "apigap");
    app.require_subcommand(1);
    app.fallthrough(true);
    app.footer(k_examples);
    setup_global(app, context.global);
    for (const auto setup : k_commands) {
        setup(app, context);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {
            return app.exit(error);  // --help, --version
        }
        const std::optional<std::string> unknown = unknown_command(app);
        print_diagnostic("error: {}", unknown ? *unknown : fmt::format("{} ({})", error.what(), help_hint(app)));
        return static_cast<int>(ExitCode::usage);
    }
    setup_logging(context.global);
    try {
        return static_cast<int>(context.action());
    } catch (const Error& error) {
        print_diagnostic("error: {}", error.what());
        return static_cast<int>(error.code());
    } catch (const std::exception& error) {
        print_diagnostic("internal error: {}", error.what());
        return static_cast<int>(ExitCode::internal);
    }
}

}  // namespace apigap::cli
