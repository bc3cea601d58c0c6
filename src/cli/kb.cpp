// `apigap kb`: list, show, validate and export the knowledge base.
#include <memory>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "apigap/input.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/lint.hpp"
#include "apigap/render.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "diagnostics.hpp"
#include "option_checks.hpp"
#include "output.hpp"

namespace apigap::cli {

namespace {

struct KbOptions {
    std::string id;
    std::string file;
    bool keywords = false;
    OutputOptions output;         ///< list and show
    OutputOptions export_output;  ///< export: yaml by default
};

ExitCode run_list(const KbOptions& options, const Context& context) {
    context.refuse_output_over_inputs(options.output.path, {});
    const Format format = output_format(options.output);
    const KnowledgeBase kb = context.load_kb();
    write_output(render_kb_list(kb, format, context.text_style(options.output.to_file())), options.output.path);
    return ExitCode::ok;
}

ExitCode run_show(const KbOptions& options, const Context& context) {
    context.refuse_output_over_inputs(options.output.path, {});
    const Format format = output_format(options.output);
    const KnowledgeBase kb = context.load_kb();
    write_output(render_kb_item(kb, options.id, format, context.text_style(options.output.to_file())),
                 options.output.path);
    return ExitCode::ok;
}

ExitCode run_validate(const KbOptions& options, const Context& context) {
    std::vector<KbLayer> layers = read_overlays(context.global.kb_files);
    layers.push_back(KbLayer{input_name(options.file), read_input(options.file)});
    const std::vector<Diagnostic> problems = validate_knowledge_base(layers);
    for (const Diagnostic& problem : problems) {
        print_diagnostic("error: {}", to_string(problem));
    }
    if (!problems.empty()) {
        print_diagnostic("{}: {} {}", input_name(options.file), problems.size(),
                         problems.size() == 1 ? "problem" : "problems");
        return ExitCode::usage;
    }
    if (!context.global.quiet) {
        write_output(fmt::format("{}: valid\n", input_name(options.file)), {});
    }
    return ExitCode::ok;
}

ExitCode run_lint(const KbOptions& options, const Context& context) {
    std::vector<KbLayer> layers = read_overlays(context.global.kb_files);
    if (!options.file.empty()) {
        layers.push_back(KbLayer{input_name(options.file), read_input(options.file)});
    }
    const KnowledgeBase kb = load_knowledge_base(layers);
    const std::vector<LintFinding> findings = lint_knowledge_base(kb);
    std::string lines;
    for (const LintFinding& finding : findings) {
        lines += fmt::format("{} [{}]\n", to_string(finding.diagnostic), finding.rule);
    }
    write_output(lines, {});
    if (!findings.empty()) {
        print_diagnostic("{} lint {}", findings.size(), findings.size() == 1 ? "finding" : "findings");
        return ExitCode::failed;
    }
    if (!context.global.quiet) {
        print_diagnostic("no lint findings in {} skills, {} levels, {} tools", kb.skills.size(), kb.levels.size(),
                         kb.tools.size());
    }
    return ExitCode::ok;
}

ExitCode run_export(const KbOptions& options, const Context& context) {
    context.refuse_output_over_inputs(options.export_output.path, {});
    // The keywords are lines of text whatever the file is called: only the knowledge base has a format.
    const std::string format = options.keywords ? std::string() : chosen_format(options.export_output);
    const KnowledgeBase kb = context.load_kb();
    if (options.keywords) {
        std::string lines;
        for (const std::string& keyword : all_keywords(kb)) {
            lines += keyword + "\n";
        }
        write_output(lines, options.export_output.path);
        return ExitCode::ok;
    }
    write_output(export_knowledge_base(kb, format == "json" ? KbExportFormat::json : KbExportFormat::yaml),
                 options.export_output.path);
    return ExitCode::ok;
}

using Runner = ExitCode (*)(const KbOptions&, const Context&);

CLI::App* add(CLI::App& kb, Context& context, const std::shared_ptr<KbOptions>& options, const char* name,
              const char* description, Runner runner) {
    CLI::App* command = kb.add_subcommand(name, description);
    command->callback([options, &context, runner] {
        context.action = [options, &context, runner] { return runner(*options, context); };
    });
    return command;
}

}  // namespace

void setup_kb(CLI::App& app, Context& context) {
    auto options = std::make_shared<KbOptions>();
    CLI::App* kb = app.add_subcommand("kb", "Browse, check and export the knowledge base");
    kb->require_subcommand(1);
    kb->footer(R"(Examples:
  apigap kb list
  apigap kb show api-security
  apigap kb validate my-company.yaml
  apigap kb lint my-company.yaml
  apigap kb export --format json | jq '.skills[].id'
  apigap kb export --keywords > keywords.txt)");

    CLI::App* list = add(*kb, context, options, "list", "List skills, groups, levels and tools", run_list);
    list->footer("Examples:\n  apigap kb list\n  apigap kb list --format json | jq -r '.skills[].id'");
    add_output_options(*list, options->output, {"text", "json", "markdown"});

    CLI::App* show = add(*kb, context, options, "show", "Show one skill, level, group or tool in full", run_show);
    show->footer("Examples:\n  apigap kb show api-security\n  apigap kb show senior --format markdown");
    show->add_option("id", options->id, "The id to show (see 'apigap kb list')")->required()->type_name("ID");
    add_output_options(*show, options->output, {"text", "json", "markdown"});

    CLI::App* validate =
        add(*kb, context, options, "validate",
            "Check an overlay file on top of the built-in knowledge base; print every problem", run_validate);
    validate->footer(
        "Exit status 0 when the overlay is valid, 2 when it has problems (each printed with FILE:LINE:COL).\n\n"
        "Examples:\n  apigap kb validate my-company.yaml\n  apigap kb export | apigap kb validate -");
    validate->add_option("file", options->file, "The overlay, YAML or JSON ('-' reads stdin)")
        ->required()
        ->type_name("FILE");

    CLI::App* lint = add(*kb, context, options, "lint",
                         "Check the knowledge base's content against the minimums of docs/knowledge-base.md", run_lint);
    lint->add_option("file", options->file, "An overlay to check on top of the built-in layers ('-' reads stdin)")
        ->check(not_empty("a file"))
        ->type_name("FILE");
    lint->footer(
        "Prints one finding per line, FILE:LINE:COL: message [rule]. Exit status 0 when there is none, 1 when\n"
        "there are findings, 2 when the knowledge base does not load (see 'apigap kb validate').\n\n"
        "Examples:\n  apigap kb lint\n  apigap kb lint my-company.yaml");

    CLI::App* exported = add(*kb, context, options, "export",
                             "Write the merged knowledge base as YAML or JSON, or its keywords", run_export);
    options->export_output.format = "yaml";
    add_output_options(*exported, options->export_output, {"yaml", "json"});
    exported->footer(
        "Examples:\n  apigap kb export > kb.yaml\n  apigap kb export --format json | jq '.levels[].targets'\n"
        "  apigap kb export --keywords > keywords.txt");
    exported->add_flag("--keywords", options->keywords, "Every keyword and alias, one per line (whatever --format)");
}

}  // namespace apigap::cli
