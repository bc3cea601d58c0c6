// `apigap plan`: the study plan for a level, scheduled into weeks.
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "apigap/plan.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "debug_log.hpp"
#include "option_checks.hpp"
#include "output.hpp"
#include "profile_input.hpp"

namespace apigap::cli {

namespace {

struct PlanOptions {
    ProfileSources sources;
    std::string level;
    int hours_per_week = k_default_hours_per_week;
    std::optional<int> weeks;
    OutputOptions output;
};

ExitCode run_plan(const PlanOptions& options, const Context& context) {
    if (!has_profile_source(options.sources)) {
        throw Error(
            "no ratings: give --answers FILE, --rate ID=N, --resume FILE or --report FILE; 'apigap plan --help' "
            "shows examples");
    }
    context.refuse_output_over_inputs(
        options.output.path, {options.sources.answers_path, options.sources.resume.path, options.sources.report_path});
    const Format format = output_format(options.output);
    const KnowledgeBase kb = context.load_kb();
    const ProfileInput input = read_profile(options.sources, kb);
    const std::string level = !options.level.empty() ? options.level : input.level.value_or(k_default_level);
    const Report report = make_report(kb, input.profile, level);
    const Schedule schedule = schedule_plan(report.plan, options.hours_per_week, options.weeks);
    const TextStyle style = context.text_style(options.output.to_file());
    write_output(timed([&] { return render_plan(report, schedule, format, style); }, "render"), options.output.path);
    return ExitCode::ok;
}

}  // namespace

void setup_plan(CLI::App& app, Context& context) {
    auto options = std::make_shared<PlanOptions>();
    CLI::App* command = app.add_subcommand("plan", "Build a study plan for a level and schedule it into weeks");
    add_profile_sources(*command, options->sources);
    command
        ->add_option("--level", options->level,
                     "Target level: entry, mid or senior (default: the answers' or report's level, else mid)")
        ->check(not_empty("a level id"))
        ->type_name("LEVEL");
    command->add_option("--hours-per-week", options->hours_per_week, "Hours of study a week")
        ->check(CLI::Range(1, 80))
        ->type_name("N")
        ->capture_default_str();
    command->add_option("--weeks", options->weeks, "A budget in weeks: say which steps fit and the hours a week needed")
        ->check(CLI::Range(1, 520))
        ->type_name("N");
    add_output_options(*command, options->output, {"text", "json", "markdown"});
    command->footer(R"(The whole way to the level's targets, one step per rung of each skill's rubric: its goal,
the knowledge base's hands-on project for it with its hours, and resources. First the next rung
of every gap, highest priority first, then the rung after it, and so on. Steps are laid out one
after another at --hours-per-week; with --weeks, the plan says how many fit.

Examples:
  apigap plan --answers examples/answers-mid.yaml --hours-per-week 8
  apigap plan --resume resume.pdf --level senior --weeks 12
  apigap plan --rate python=2 --rate api-security=1 --format markdown -o plan.md
  apigap assess --answers answers.yaml --format json | apigap plan --report - --weeks 8)");
    command->callback(
        [options, &context] { context.action = [options, &context] { return run_plan(*options, context); }; });
}

}  // namespace apigap::cli
