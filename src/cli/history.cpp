// `apigap history` and `apigap progress`: the saved assessments, and the change between two.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "apigap/progress.hpp"
#include "apigap/render.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "diagnostics.hpp"
#include "history_store.hpp"
#include "output.hpp"

namespace apigap::cli {

namespace {

struct HistoryOptions {
    OutputOptions output;
};

struct ProgressOptions {
    std::string from;  ///< digits only (checked), or empty
    std::string to;
    OutputOptions output;
};

/// Throws when `-o` (`output`) names one of the entries of `history`, the inputs of `history` and `progress`.
void refuse_output_over_entries(const std::string& output, const History& history) {
    std::vector<std::string> paths;
    for (const HistoryEntry& entry : history.entries) {
        paths.push_back((history.directory / entry.file).string());
    }
    refuse_output_over_input(output, paths);
}

ExitCode run_history(const HistoryOptions& options, const Context& context) {
    const History history = load_history();
    refuse_output_over_entries(options.output.path, history);
    const Format format = output_format(options.output);
    if (history.entries.empty() && !context.global.quiet) {
        print_diagnostic("no saved assessments in {} yet; 'apigap assess --save' or 'apigap scan --save' saves one",
                         history.directory.string());
    }
    const std::string content = render_history(history.entries, format, context.text_style(options.output.to_file()));
    if (!content.empty() || !options.output.path.empty()) {
        write_output(content, options.output.path);
    }
    return ExitCode::ok;
}

ExitCode run_progress(const ProgressOptions& options, const Context& context) {
    const History history = load_history();
    refuse_output_over_entries(options.output.path, history);
    const Format format = output_format(options.output);
    if (history.entries.empty()) {
        throw Error(
            fmt::format("no saved assessments in {}; save some with 'apigap assess --save' or "
                        "'apigap scan --save'",
                        history.directory.string()));
    }
    std::vector<long> numbers;
    for (const std::string* number : {&options.from, &options.to}) {
        if (!number->empty()) {
            numbers.push_back(std::stol(*number));
        }
    }
    const Progress progress = make_progress(history.entries, select_progress_entries(numbers, history.entries.size()));
    write_output(render_progress(progress, format, context.text_style(options.output.to_file())), options.output.path);
    return ExitCode::ok;
}

}  // namespace

void setup_history(CLI::App& app, Context& context) {
    auto options = std::make_shared<HistoryOptions>();
    CLI::App* command = app.add_subcommand("history", "List the assessments saved with --save, oldest first");
    add_output_options(*command, options->output, {"text", "json", "markdown"});
    command->footer(R"(Each line: the entry's number (what 'apigap progress' takes), when it was saved (UTC),
the target level, the readiness for it, and the answers file or resume it came from. The history
lives in $XDG_STATE_HOME/apigap (default ~/.local/state/apigap). A corrupt entry is reported and
renamed to NAME.corrupt; one a newer apigap wrote, or that cannot be read (permission denied,
an I/O error), is reported and skipped, left as it is. An empty history prints nothing and says
so on stderr (exit 0).

Examples:
  apigap assess --answers answers.yaml --save
  apigap history
  apigap history --format json | jq '.entries[] | {number, readiness}')");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_history(*options, context); }; });
}

void setup_progress(CLI::App& app, Context& context) {
    auto options = std::make_shared<ProgressOptions>();
    CLI::App* command =
        app.add_subcommand("progress", "Show what changed between two saved assessments (default: the last two)");
    const CLI::Validator entry_number(
        [](const std::string& value) {
            const bool ok =
                !value.empty() && value.size() <= 9 && value.find_first_not_of("0123456789") == std::string::npos;
            return ok ? std::string() : "expected an entry number as 'apigap history' shows it, got '" + value + "'";
        },
        "");
    command->add_option("A", options->from, "The entry to compare from (default: the one before the latest)")
        ->check(entry_number)
        ->type_name("N");
    command->add_option("B", options->to, "The entry to compare to (default: the latest)")
        ->check(entry_number)
        ->type_name("N");
    add_output_options(*command, options->output, {"text", "json", "markdown"});
    command->footer(R"(With no numbers, compares the last two entries; with one, that entry and the latest; with
two, entry A and entry B. Shows readiness per level from A to B, the ratings that changed,
and the target level's readiness over the history (the latest 12 entries in text).

Examples:
  apigap progress
  apigap progress 1
  apigap progress 2 5 --format markdown >> progress.md
  apigap progress --format json | jq '.skills[] | select(.change != 0)')");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_progress(*options, context); }; });
}

}  // namespace apigap::cli
