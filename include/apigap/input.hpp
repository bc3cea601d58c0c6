// Reading inputs: files with a size cap, or standard input for `-`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace apigap {

/// The default cap on an input's size: 10 MiB.
inline constexpr std::size_t k_default_max_bytes = std::size_t{10} << 20;

/// The name messages use for `path`: `<stdin>` for `-`, else the path.
[[nodiscard]] std::string input_name(std::string_view path);

/// The whole content of `path`, or of standard input when `path` is `-`.
/// Throws `Error` naming the input when it does not exist, is not a regular
/// file, is larger than `max_bytes`, or cannot be read; and, for `-`, when
/// standard input is a terminal (nothing was piped in).
[[nodiscard]] std::string read_input(std::string_view path, std::size_t max_bytes = k_default_max_bytes);

/// `read_input` into `content`, whose memory is reused: a reader of one file after another allocates only for a
/// file larger than any before it. `content` is unspecified after a throw.
void read_input(std::string_view path, std::string& content, std::size_t max_bytes = k_default_max_bytes);

}  // namespace apigap
