// Where results go: standard output, a file replaced atomically, or a device written directly.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/render.hpp"

namespace CLI {
class App;
}

namespace apigap::cli {

/// `--format` and `-o` as a subcommand declares them.
struct OutputOptions {
    std::string format = "text";       ///< `--format`, or the default when it is not given: see `chosen_format`
    std::string path;                  ///< empty or `-`: standard output
    bool format_given = false;         ///< whether `--format` was on the command line
    std::vector<std::string> formats;  ///< the formats the command writes
    std::string command;               ///< the command, as messages name it: "apigap kb show"

    /// Whether `-o` names a file (or a device) rather than standard output.
    [[nodiscard]] bool to_file() const { return !path.empty() && path != "-"; }
};

/// Adds `--format` (one of `formats`, default `options.format`) and `-o/--output` to `command`.
void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats);

/// The format the extension of the file `path` names, in any case: `.txt` text, `.json` json, `.md` and
/// `.markdown` markdown, `.html` and `.htm` html, `.sarif` (and `.sarif.json`) sarif, `.xml` junit, `.yaml` and
/// `.yml` yaml; nullopt for any other extension, none, or standard output (`-`).
[[nodiscard]] std::optional<std::string> format_of_extension(std::string_view path);

/// The format to write: `--format` when given, else the one `-o`'s extension names, else the default. Throws
/// `Error` (exit 2) when `--format` and the extension name different formats, or when the extension names a
/// format the command does not write.
[[nodiscard]] std::string chosen_format(const OutputOptions& options);

/// `chosen_format` as a `Format`, for the commands whose formats are all report formats.
[[nodiscard]] Format output_format(const OutputOptions& options);

/// Appends `markdown` to the file `$GITHUB_STEP_SUMMARY` names when that
/// variable is set and not empty: the job summary of a `--format github` run.
/// It is opened as the shell's `>>` opens a file: links followed, a device or
/// FIFO written directly, a missing file created (mode 0666 less the umask).
/// Throws `Error` (`PATH: cannot append: …`) on failure.
void append_step_summary(std::string_view markdown);

/// Throws `Error` (exit 2) when `$GITHUB_STEP_SUMMARY`, set and not empty, names
/// one of `inputs`, by the rules of `refuse_output_over_input`: appending to it
/// would change a file the command reads. Call it before reading anything.
void refuse_step_summary_over_input(const std::vector<std::string>& inputs);

/// Writes all of `content` to the file descriptor `fd`, again after EINTR; false with errno set on failure.
[[nodiscard]] bool write_all(int fd, std::string_view content);

/// Writes `content` to standard output. Returns false when its reader has
/// gone (a closed pipe: `| head`), which is not an error; throws `Error`
/// (`cannot write to standard output: …`) on any other failure.
bool write_stdout(std::string_view content);

/// Writes `content` to standard output when `path` is empty or `-`, else to
/// the file `path` as `write_file` does.
void write_output(std::string_view content, const std::string& path);

/// Writes `content` to `path`, following symbolic links as `open` does:
/// - a regular file, or none yet: through a temporary file in the folder of
///   the file the links end at (where a dangling link points), fsync and
///   rename, so the file is whole or untouched; an existing file keeps its
///   mode and, as far as the system permits, its owner and group; a new one
///   gets 0666 less the umask;
/// - the file standard output or standard error is open on (`/dev/stdout`):
///   written through that stream, so that `>>` still appends;
/// - a device, FIFO or socket: opened and written directly, never replaced
///   (a FIFO waits for its reader, as `cat > fifo` does).
/// A reader that goes away (`EPIPE`) is not an error. Throws `Error`
/// (`PATH: cannot write: …`) for a directory or any failure.
void write_file(std::string_view content, const std::string& path);

/// Flushes `directory` to disk, so that a file just renamed or created in it stays; best effort.
void fsync_directory(const std::filesystem::path& directory);

/// Throws `Error` (exit 2) when the file `-o` names (`output`; empty or `-`:
/// standard output, never refused) is one of `inputs`: the same device and
/// inode, whatever links lead to either. An input `-` is standard input,
/// compared when it is a regular file; an empty input is skipped, and an
/// output that does not exist yet is no input. Call it before reading anything.
void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs);

/// Keeps each closed standard stream (`>&-`) closed for good: opens
/// `/dev/null` on its number with the other access mode, so that no file
/// apigap opens later takes that number and a read or write on it still fails
/// with `EBADF`. Call it first, before any thread starts.
void reserve_closed_standard_streams();

}  // namespace apigap::cli
