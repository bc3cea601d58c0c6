// Reading files and standard input safely: regular files only, size-capped,
// checked on the opened descriptor so the file cannot change in between.
#include "apigap/input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
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

/// Reads `fd` to its end into `content`, refusing more than `max_bytes`; `expected` bytes (a regular file's size)
/// are made room for first, and one more, so that a file that did not grow takes one read: a regular file's read
/// that gives fewer bytes than asked has reached its end.
void read_all(int fd, const std::string& name, std::size_t max_bytes, std::string& content, std::size_t expected = 0) {
    constexpr std::size_t k_first_read = 64 * 1024;
    // Never more than one byte past the limit: enough to know the input is over it.
    const std::size_t most = max_bytes < SIZE_MAX ? max_bytes + 1 : max_bytes;
    // Not cleared first: resizing a buffer that read a file before writes zeros only past that file's size.
    content.resize(std::min(expected > 0 ? expected + 1 : k_first_read, most));
    std::size_t size = 0;
    for (;;) {
        if (size == content.size()) {
            content.resize(std::min(content.size() * 2, most));
        }
        const std::size_t room = content.size() - size;
        const ssize_t got = ::read(fd, content.data() + size, room);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            throw Error(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
        }
        if (got == 0) {
            content.resize(size);
            return;
        }
        size += static_cast<std::size_t>(got);
        if (size > max_bytes) {
            throw Error(fmt::format("{}: larger than the {} limit", name, size_text(max_bytes)));
        }
        if (expected > 0 && size == expected && static_cast<std::size_t>(got) < room) {
            content.resize(size);  // the whole file its size promised, and nothing after it
            return;
        }
    }
}

}  // namespace

std::string input_name(std::string_view path) {
    return path == "-" ? "<stdin>" : std::string(path);
}

void read_input(std::string_view path, std::string& content, std::size_t max_bytes) {
    if (path == "-") {
        if (::isatty(STDIN_FILENO) != 0) {
            throw Error("<stdin>: standard input is a terminal; pipe a file in, or give its path instead of '-'");
        }
        read_all(STDIN_FILENO, input_name(path), max_bytes, content);
        return;
    }
    if (path.empty()) {
        throw Error("an empty path was given");
    }
    const std::string name(path);
    const FileDescriptor fd(::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
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
    read_all(fd.get(), name, max_bytes, content, static_cast<std::size_t>(info.st_size));
}

std::string read_input(std::string_view path, std::size_t max_bytes) {
    std::string content;
    read_input(path, content, max_bytes);
    return content;
}

}  // namespace apigap
