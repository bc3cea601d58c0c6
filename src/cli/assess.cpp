// `apigap assess`: a self-assessment scored against a level.
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "apigap/answers.hpp"
#include "apigap/input.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "debug_log.hpp"
#include "history_store.hpp"
#include "interactive.hpp"
#include "option_checks.hpp"
#include "output.hpp"
#include "profile_input.hpp"
#include "terminal.hpp"

namespace apigap::cli {

namespace {

struct AssessOptions {
    ProfileSources sources;  ///< answers and --rate only
    std::string level;
    OutputOptions output;
    bool save = false;
};

/// What a history entry names as the input of an assessment: the answers file ("-" is stdin), "--rate" after
/// it or alone when ratings came as flags, "interactive" when the questions were asked.
std::string history_input(const ProfileSources& sources) {
    std::string input = sources.answers_path.empty() ? "" : input_name(sources.answers_path);
    if (!sources.rates.empty()) {
        input += input.empty() ? "--rate" : " --rate";
    }
    return input.empty() ? "interactive" : input;
}

ExitCode run_assess(const AssessOptions& options, const Context& context) {
    context.refuse_output_over_inputs(options.output.path, {options.sources.answers_path});
    const Format format = output_format(options.output);
    const KnowledgeBase kb = context.load_kb();
    ProfileInput input = read_profile(options.sources, kb);
    Answers answers{input.level, std::move(input.profile)};
    if (!has_profile_source(options.sources)) {
        if (!is_terminal()) {
            throw Error(
                "no answers: give --answers FILE (or '-' for stdin) or --rate ID=N; "
                "'apigap assess --help' shows an example");
        }
        const Level& level = require_level(kb, !options.level.empty() ? options.level : k_default_level);
        std::optional<Answers> asked = ask_interactively(kb, level, context);
        if (!asked) {
            return ExitCode::ok;  // quit, with the answers so far saved or not
        }
        answers = std::move(*asked);
    }
    const std::string level = !options.level.empty() ? options.level : answers.level.value_or(k_default_level);
    const Report report = make_report(kb, answers.profile, level);
    const TextStyle style = context.text_style(options.output.to_file());
    write_output(timed([&] { return render_report(report, format, style); }, "render"), options.output.path);
    if (options.save) {
        save_to_history(report, history_input(options.sources), context);
    }
    return ExitCode::ok;
}

}  // namespace

void setup_assess(CLI::App& app, Context& context) {
    auto options = std::make_shared<AssessOptions>();
    CLI::App* command = app.add_subcommand("assess", "Score a self-assessment against a level and plan what to study");
    add_answer_options(*command, options->sources);
    command
        ->add_option("--level", options->level,
                     "Target level: entry, mid or senior (default: the answers' level, else mid)")
        ->check(not_empty("a level id"))
        ->type_name("LEVEL");
    add_output_options(*command, options->output, {"text", "json", "markdown", "html"});
    add_save_option(*command, options->save);
    command->footer(R"(Ratings: 0 none, 1 aware, 2 working, 3 proficient, 4 expert ('apigap kb show ID' shows a
skill's rubric). Skills: 'apigap kb list'.

In a terminal, without --answers or --rate, apigap asks about each skill in turn: 0-4 rate,
Up/Down and Enter choose, Backspace or b go back, s skips, ? helps, q quits (and offers to
save the answers so far in a file for --answers); Ctrl-C stops at once. Then the report.

Examples:
  apigap assess                                  # in a terminal: one screen per skill
  apigap assess --level senior -o report.txt     # the same; the report goes to a file
  apigap assess --answers examples/answers-mid.yaml --level mid
  apigap assess --rate python=3 --rate rest-graphql=2 --level entry
  apigap assess --answers answers.json --format json | jq .readiness
  apigap assess --answers - --format markdown -o report.md < answers.yaml)");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_assess(*options, context); }; });
}

}  // namespace apigap::cli
