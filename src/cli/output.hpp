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

/// Appends `content` to the file at `path`, creating it (for files a CI
/// system hands over, such as `$GITHUB_STEP_SUMMARY`).
void append_output(std::string_view content, const std::string& path);
/// Writes `content` to standard output, or to `path` through a temporary file
/// in the same directory, fsync and rename, so the file is whole or untouched.
/// A closed pipe on standard output (`| head`) is not an error.
void write_output(std::string_view content, const std::string& path);

}  // namespace apigap::cli
