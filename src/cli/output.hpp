// Where results go: standard output, or a file written atomically.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace apigap::cli {

/// `--format` and `-o` as a subcommand declares them.
struct OutputOptions {
    std::string format = "text";
    std::string path;  ///< empty: standard output
};

/// Adds `--format` (one of `formats`) and `-o/--output` to `command`.
void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats);

/// Appends `markdown` to the file `$GITHUB_STEP_SUMMARY` names when that
/// variable is set and not empty: the job summary of a `--format github` run.
void append_step_summary(std::string_view markdown);
/// Writes `content` to standard output, or to `path` through a temporary file
/// in the same directory, fsync and rename, so the file is whole or untouched.
/// A closed pipe on standard output (`| head`) is not an error.
void write_output(std::string_view content, const std::string& path);

}  // namespace apigap::cli
