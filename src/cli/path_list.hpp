// The paths of resumes listed in a file or on standard input (`batch --files-from`), read one at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace apigap::cli {

/// The longest path kept: a longer one is cut to this many bytes, which no
/// system call takes (Linux's `PATH_MAX` counts the final NUL), so that reading
/// it fails as the whole would, and a list of any size is read in bounded memory.
inline constexpr std::size_t k_max_listed_path = 4096;

/// Records read one at a time from a stream of bytes, each ended by `separator`
/// (`'\n'`, or `'\0'` for `find -print0`; the last one may end with the stream):
/// with `'\n'`, a `'\r'` that ends a line is dropped (a list written on Windows). Empty
/// records are skipped, so a final separator, or a blank line, names nothing.
class PathList {
public:
    /// Fills `buffer` with up to `size` bytes; 0 at the end of the stream. May throw `Error`.
    using Read = std::function<std::size_t(char* buffer, std::size_t size)>;

    PathList(Read read, char separator);

    /// The next path, or nullopt at the end of the list; throws what `read` throws.
    [[nodiscard]] std::optional<std::string> next();

private:
    /// Refills `m_buffer`; false at the end of the stream.
    bool fill();

    Read m_read;
    char m_separator = '\n';
    std::string m_buffer;
    std::size_t m_at = 0;
    bool m_ended = false;
};

/// A `Read` of the list `path` names (`-`: standard input), opened now. Throws
/// `Error` when it cannot be opened or is a directory, or when standard input
/// is a terminal; the `Read` throws `Error` (`NAME: cannot read: …`) on a failed read.
[[nodiscard]] PathList::Read open_path_list(const std::string& path);

}  // namespace apigap::cli
