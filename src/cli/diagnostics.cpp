// Standard error: one safe line a diagnostic, and writes that never throw.
#include "diagnostics.hpp"

#include <string>

#include <unistd.h>

#include "apigap/error.hpp"
#include "output.hpp"

namespace apigap::cli {

void write_stderr(std::string_view text) {
    static_cast<void>(write_all(STDERR_FILENO, text));
}

void print_diagnostic(std::string_view message) {
    write_stderr("apigap: " + printable_line(message) + "\n");
}

}  // namespace apigap::cli
