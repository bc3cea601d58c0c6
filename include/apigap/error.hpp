// The one exception type apigap throws for bad input, and its exit codes.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace apigap {

/// Process exit codes, as documented in `docs/cli.md`.
enum class ExitCode : int {
    ok = 0,        ///< success
    failed = 1,    ///< a check or gate failed
    usage = 2,     ///< usage error, or input that could not be read or parsed
    internal = 3,  ///< a bug in apigap
};

/// A place in an input: `source` is a path (or a name such as `<stdin>`);
/// `line` and `column` are 1-based, 0 when unknown.
struct Location {
    std::string source;
    int line = 0;
    int column = 0;

    friend bool operator==(const Location&, const Location&) = default;
};

/// Formats `location` as `source:line:col`, leaving out the parts that are 0.
std::string to_string(const Location& location);

/// `text` with each byte of invalid UTF-8 written as `\xNN`, so that a message
/// echoing a path or an argument is valid UTF-8 on any terminal.
[[nodiscard]] std::string escape_invalid_utf8(std::string_view text);

/// `text` as one line that a terminal shows as it is: `escape_invalid_utf8`, and each control character written out
/// (`\n`, `\t`, `\r`, `\xNN` for the other C0 controls and DEL, `\u0080`–`\u009F` for the C1 controls), so that
/// a message echoing a path or an input's bytes stays one line and cannot move the cursor or change colours.
[[nodiscard]] std::string printable_line(std::string_view text);

/// A problem found in an input, with where it is.
struct Diagnostic {
    Location location;
    std::string message;
};

/// Formats `diagnostic` as `source:line:col: message`.
std::string to_string(const Diagnostic& diagnostic);

/// Bad input or a failed operation the user can act on. `what()` is the
/// message with its location in front; the CLI prints it after `apigap: error: `.
class Error : public std::runtime_error {
public:
    explicit Error(std::string message, ExitCode code = ExitCode::usage);
    Error(Location location, std::string message, ExitCode code = ExitCode::usage);
    explicit Error(const Diagnostic& diagnostic, ExitCode code = ExitCode::usage);

    /// The exit code the process ends with when this error reaches `cli::run`.
    [[nodiscard]] ExitCode code() const noexcept { return m_code; }
    /// The location and the message without the location.
    [[nodiscard]] const Diagnostic& diagnostic() const noexcept { return m_diagnostic; }

private:
    Diagnostic m_diagnostic;
    ExitCode m_code = ExitCode::usage;
};

}  // namespace apigap
