// Tests of choosing the output format (src/cli/output_format.cpp): `-o FILE`'s extension when `--format` is not
// given, and the exact errors when the two disagree or the command does not write the extension's format.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "apigap/error.hpp"
#include "cli/output.hpp"

using apigap::cli::chosen_format;
using apigap::cli::format_of_extension;
using apigap::cli::OutputOptions;

namespace {

/// The output options of a command that writes `formats` (the first is the default), given `-o path`.
OutputOptions options(const std::string& path, std::vector<std::string> formats = {"text", "json", "markdown"}) {
    OutputOptions output;
    output.format = formats.front();
    output.path = path;
    output.formats = std::move(formats);
    output.command = "apigap plan";
    return output;
}

OutputOptions with_format(OutputOptions output, const std::string& format) {
    output.format = format;
    output.format_given = true;
    return output;
}

}  // namespace

TEST_CASE("each extension names its format in any case", "[output_format]") {
    CHECK(format_of_extension("r.json") == "json");
    CHECK(format_of_extension("r.md") == "markdown");
    CHECK(format_of_extension("notes/r.markdown") == "markdown");
    CHECK(format_of_extension("report.html") == "html");
    CHECK(format_of_extension("report.HTM") == "html");
    CHECK(format_of_extension("x.sarif") == "sarif");
    CHECK(format_of_extension("x.Sarif.JSON") == "sarif");
    CHECK(format_of_extension("junit.xml") == "junit");
    CHECK(format_of_extension("R.TXT") == "text");
    CHECK(format_of_extension("kb.yml") == "yaml");
    CHECK(format_of_extension("kb.yaml") == "yaml");
}

TEST_CASE("no extension an unknown one a dot file and standard output name no format", "[output_format]") {
    CHECK(format_of_extension("report") == std::nullopt);
    CHECK(format_of_extension("report.log") == std::nullopt);
    CHECK(format_of_extension("scores.jsonl") == std::nullopt);
    CHECK(format_of_extension(".json") == std::nullopt);
    CHECK(format_of_extension("dir.json/report") == std::nullopt);
    CHECK(format_of_extension("-") == std::nullopt);
    CHECK(format_of_extension("") == std::nullopt);
}

TEST_CASE("without --format the extension chooses the format", "[output_format]") {
    CHECK(chosen_format(options("p.json")) == "json");
    CHECK(chosen_format(options("P.MD")) == "markdown");
    CHECK(chosen_format(options("p.txt")) == "text");
    CHECK(chosen_format(options("x.sarif", {"text", "json", "markdown", "sarif", "junit", "github"})) == "sarif");
    CHECK(chosen_format(options("tests.xml", {"text", "json", "markdown", "sarif", "junit", "github"})) == "junit");
    CHECK(chosen_format(options("kb.json", {"yaml", "json"})) == "json");
}

TEST_CASE("standard output and an unknown extension keep the default format", "[output_format]") {
    CHECK(chosen_format(options("")) == "text");
    CHECK(chosen_format(options("-")) == "text");
    CHECK(chosen_format(options("plan.log")) == "text");
    CHECK(chosen_format(options("export", {"yaml", "json"})) == "yaml");
}

TEST_CASE("the format given alone or agreeing with the extension is written", "[output_format]") {
    CHECK(chosen_format(with_format(options(""), "json")) == "json");
    CHECK(chosen_format(with_format(options("plan.log"), "markdown")) == "markdown");
    CHECK(chosen_format(with_format(options("plan.JSON"), "json")) == "json");
    CHECK(chosen_format(with_format(options("-"), "markdown")) == "markdown");
}

TEST_CASE("a --format that disagrees with the extension is a usage error naming both", "[output_format]") {
    CHECK_THROWS_WITH(chosen_format(with_format(options("r.json"), "markdown")),
                      "--format markdown conflicts with -o r.json, whose extension .json names json");
    CHECK_THROWS_WITH(chosen_format(with_format(options("p.sarif"), "text")),
                      "--format text conflicts with -o p.sarif, whose extension .sarif names sarif");
    try {
        static_cast<void>(chosen_format(with_format(options("r.json"), "text")));
        FAIL("no error");
    } catch (const apigap::Error& error) {
        CHECK(error.code() == apigap::ExitCode::usage);
    }
}

TEST_CASE("an extension whose format the command does not write is a usage error", "[output_format]") {
    CHECK_THROWS_WITH(chosen_format(options("p.sarif")),
                      "-o p.sarif: the extension .sarif names sarif, which 'apigap plan' does not write (it writes "
                      "text, json or markdown)");
    CHECK_THROWS_WITH(chosen_format(options("kb.txt", {"yaml", "json"})),
                      "-o kb.txt: the extension .txt names text, which 'apigap plan' does not write (it writes yaml "
                      "or json)");
}

TEST_CASE("the output options record whether --format was given and the command's path", "[output_format]") {
    CLI::App app("test", "apigap");
    CLI::App* kb = app.add_subcommand("kb");
    CLI::App* show = kb->add_subcommand("show");
    OutputOptions output;
    apigap::cli::add_output_options(*show, output, {"text", "json"});
    CHECK(output.command == "apigap kb show");
    CHECK(output.formats == std::vector<std::string>{"text", "json"});
    app.parse("kb show -o x.json", false);
    CHECK_FALSE(output.format_given);
    CHECK(chosen_format(output) == "json");
    app.parse("kb show -o x.json --format json", false);
    CHECK(output.format_given);
    CHECK(output.format == "json");
}
