// `apigap salary`: the pay bands of the levels.
#include <memory>

#include <CLI/CLI.hpp>

#include "apigap/render.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"

namespace apigap::cli {

void setup_salary(CLI::App& app, Context& context) {
    auto output = std::make_shared<OutputOptions>();
    CLI::App* command = app.add_subcommand(
        "salary", "Print the pay band of each level, with its year and a published median for scale");
    add_output_options(*command, *output, {"text", "json", "markdown"});
    command->footer(R"(The bands are US base pay in USD from the knowledge base (an overlay can replace them
with a company's own, see docs/knowledge-base.md); pay varies by city, company and industry.

Examples:
  apigap salary
  apigap salary --format json | jq '.levels[] | {id, min: .salary.min}'
  apigap --kb my-company.yaml salary --format markdown)");
    command->callback([output, &context] {
        context.action = [output, &context] {
            context.refuse_output_over_inputs(output->path, {});
            const Format format = output_format(*output);
            const KnowledgeBase kb = context.load_kb();
            write_output(render_salary(kb, format, context.text_style(output->to_file())), output->path);
            return ExitCode::ok;
        };
    });
}

}  // namespace apigap::cli
