// Helpers of the programs that write C++ sources at build time (kb_compile.cpp, ingest/keyword_compile.cpp).
#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace apigap::detail {

/// `bytes` as a C++ string literal, every byte escaped (`\xNN`), 32 bytes to a line, each line after `indent`.
inline std::string cpp_string_literal(std::string_view bytes, std::string_view indent) {
    constexpr std::size_t k_bytes_per_line = 32;
    std::string literal;
    for (std::size_t start = 0; start < bytes.size(); start += k_bytes_per_line) {
        literal += indent;
        literal += '"';
        for (std::size_t index = start; index < bytes.size() && index < start + k_bytes_per_line; ++index) {
            literal += fmt::format("\\x{:02x}", static_cast<unsigned char>(bytes[index]));
        }
        literal += "\"\n";
    }
    return bytes.empty() ? std::string(indent) + "\"\"\n" : literal;
}

/// Writes `source` to `output` through a temporary file beside it, renamed into place: a failed build leaves no
/// half-written source. Throws `std::runtime_error` when it cannot.
inline void write_generated_source(const std::filesystem::path& output, const std::string& source) {
    std::filesystem::path temporary = output;
    temporary += ".tmp";
    std::ofstream out(temporary, std::ios::binary);
    out << source;
    out.close();
    if (!out) {
        throw std::runtime_error("cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, output);
}

}  // namespace apigap::detail
