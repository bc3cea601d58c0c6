// `apigap completion SHELL` and the hidden `apigap man`: generated from the CLI definition.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "completion.hpp"
#include "context.hpp"
#include "option_checks.hpp"
#include "output.hpp"

namespace apigap::cli {

namespace {

struct GeneratorOptions {
    std::string shell;
    std::string output;
};

}  // namespace

void setup_completion(CLI::App& app, Context& context) {
    auto options = std::make_shared<GeneratorOptions>();
    CLI::App* command = app.add_subcommand("completion", "Print a shell completion script: bash, zsh or fish");
    command->add_option("shell", options->shell, "The shell")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}))
        ->type_name("SHELL");
    command->add_option("-o,--output", options->output, "Write the script to FILE (atomically) instead of stdout")
        ->check(not_empty("a file, or '-' for standard output"))
        ->type_name("FILE");
    command->footer(R"(The scripts are generated from apigap's own command-line definition, so they offer
exactly the commands and options --help lists, and the values they take: the --format and
other listed choices, the knowledge base's level ids (--level), skill ids (--rate ID=,
check --require) and every id for kb show (with --kb or $APIGAP_KB, the overlays' too),
and file names where a file is expected. `cmake --install` installs all three.

Examples:
  source <(apigap completion bash)
  apigap completion zsh -o ~/.zfunc/_apigap
  apigap completion fish -o ~/.config/fish/completions/apigap.fish)");
    command->callback([options, &app, &context] {
        context.action = [options, &app, &context] {
            context.refuse_output_over_inputs(options->output, {});
            const CommandInfo root = describe(app);
            // The ids are those of the knowledge base the checks of this run would use, overlays included.
            const KbWords words = kb_words(context.load_kb());
            write_output(options->shell == "bash"  ? bash_completion(root, words)
                         : options->shell == "zsh" ? zsh_completion(root, words)
                                                   : fish_completion(root, words),
                         options->output);
            return ExitCode::ok;
        };
    });

    // Hidden (no group): regenerates docs/apigap.1, which a test keeps equal to its output.
    auto man_output = std::make_shared<std::string>();
    CLI::App* man = app.add_subcommand("man", "Print the man page in roff")->group("");
    man->add_option("-o,--output", *man_output, "Write the page to FILE (atomically)")
        ->check(not_empty("a file, or '-' for standard output"))
        ->type_name("FILE");
    man->callback([man_output, &app, &context] {
        context.action = [man_output, &app] {
            write_output(man_page(describe(app)), *man_output);
            return ExitCode::ok;
        };
    });
}

}  // namespace apigap::cli
