// Formatting of locations and diagnostics.
#include "apigap/error.hpp"

#include <fmt/format.h>

#include "utf8.hpp"

namespace apigap {

std::string to_string(const Location& location) {
    if (location.line <= 0) {
        return location.source;
    }
    if (location.column <= 0) {
        return fmt::format("{}:{}", location.source, location.line);
    }
    return fmt::format("{}:{}:{}", location.source, location.line, location.column);
}

std::string to_string(const Diagnostic& diagnostic) {
    if (diagnostic.location.source.empty()) {
        return diagnostic.message;
    }
    return fmt::format("{}: {}", to_string(diagnostic.location), diagnostic.message);
}

std::string escape_invalid_utf8(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t length = detail::utf8_sequence_length(text, i); length > 0) {
            escaped.append(text.substr(i, length));
            i += length;
        } else {
            escaped += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
            ++i;
        }
    }
    return escaped;
}

std::string printable_line(std::string_view text) {
    const std::string valid = escape_invalid_utf8(text);
    std::string line;
    line.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size();) {
        const std::size_t control = detail::control_length(valid, i);
        if (control == 0) {
            line += valid[i++];
            continue;
        }
        const auto byte = static_cast<unsigned char>(valid[i + control - 1]);
        if (byte == '\n') {
            line += "\\n";
        } else if (byte == '\t') {
            line += "\\t";
        } else if (byte == '\r') {
            line += "\\r";
        } else if (control == 1) {
            line += fmt::format("\\x{:02X}", byte);
        } else {
            line += fmt::format("\\u{:04X}", byte);  // C2 80..9F: U+0080..U+009F
        }
        i += control;
    }
    return line;
}

Error::Error(std::string message, ExitCode code) : Error(Diagnostic{{}, std::move(message)}, code) {}

Error::Error(Location location, std::string message, ExitCode code)
    : Error(Diagnostic{std::move(location), std::move(message)}, code) {}

Error::Error(const Diagnostic& diagnostic, ExitCode code)
    : std::runtime_error(to_string(diagnostic)), m_diagnostic(diagnostic), m_code(code) {}

}  // namespace apigap
