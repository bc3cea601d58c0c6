// Standard error: what apigap tells the user besides its results, written so that telling it can neither fail nor
// break the terminal.
#pragma once

#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace apigap::cli {

/// Writes `text` to standard error as it is. A failed write is ignored: standard error is where failures are told,
/// and one that is closed or full leaves nowhere to tell its own.
void write_stderr(std::string_view text);

/// Writes `apigap: ` and `message` to standard error as one line (`printable_line`), as `write_stderr` does.
void print_diagnostic(std::string_view message);

/// `print_diagnostic` of `format` formatted with `args`.
template <class... Args>
requires(sizeof...(Args) > 0) void print_diagnostic(fmt::format_string<Args...> format, Args&&... args) {
    print_diagnostic(std::string_view(fmt::format(format, std::forward<Args>(args)...)));
}

}  // namespace apigap::cli
