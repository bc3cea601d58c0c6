// Reading files and standard input safely: regular files only, size-capped,
// checked on the opened descriptor so the file cannot change in between.
#include "apigap/input.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "apigap/error.hpp"

namespace apigap {

namespace {

/// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd = -1;
};

std::string size_text(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
        return fmt::format("{} MiB", bytes >> 20);
    }
    return fmt::format("{} bytes", bytes);
}

/// Reads `fd` to its end, refusing more than `max_bytes`.
/// Reads `fd` to its end; `expected` bytes (a regular file's size) are reserved first.
std::string read_all(int fd, const std::string& name, std::size_t max_bytes, std::size_t expected = 0) {
    std::string content;
    content.reserve(expected);
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
        }
        if (got == 0) {
            return content;
        }
        if (content.size() + static_cast<std::size_t>(got) > max_bytes) {
            throw Error(fmt::format("{}: larger than the {} limit", name, size_text(max_bytes)));
        }
        content.append(buffer, static_cast<std::size_t>(got));
    }
}

}  // namespace

std::string input_name(std::string_view path) {
    return path == "-" ? "<stdin>" : std::string(path);
}

std::string read_input(std::string_view path, std::size_t max_bytes) {
    const std::string name = input_name(path);
    if (path == "-") {
        if (::isatty(STDIN_FILENO) != 0) {
            throw Error("<stdin>: standard input is a terminal; pipe a file in, or give its path instead of '-'");
        }
        return read_all(STDIN_FILENO, name, max_bytes);
    }
    if (path.empty()) {
        throw Error("an empty path was given");
    }
    const std::string path_string(path);
    const FileDescriptor fd(::open(path_string.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        throw Error(fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        throw Error(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
    }
    if (S_ISDIR(info.st_mode)) {
        throw Error(fmt::format("{}: is a directory, not a file", name));
    }
    if (!S_ISREG(info.st_mode)) {
        throw Error(fmt::format("{}: not a regular file", name));
    }
    if (static_cast<std::size_t>(info.st_size) > max_bytes) {
        throw Error(fmt::format("{}: larger than the {} limit", name, size_text(max_bytes)));
    }
    return read_all(fd.get(), name, max_bytes, static_cast<std::size_t>(info.st_size));
}

}  // namespace apigap
