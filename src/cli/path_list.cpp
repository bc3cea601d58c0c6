// Reading `batch --files-from`: a list of paths, streamed, in bounded memory.
#include "path_list.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "apigap/input.hpp"

namespace apigap::cli {

namespace {

/// How much of the list is read at once.
constexpr std::size_t k_chunk = std::size_t{64} * 1024;

}  // namespace

PathList::PathList(Read read, char separator) : m_read(std::move(read)), m_separator(separator) {}

bool PathList::fill() {
    m_buffer.resize(k_chunk);
    const std::size_t got = m_ended ? 0 : m_read(m_buffer.data(), m_buffer.size());
    m_buffer.resize(got);
    m_at = 0;
    m_ended = got == 0;
    return got > 0;
}

std::optional<std::string> PathList::next() {
    for (;;) {
        std::string record;
        bool ended = false;  // the record has its separator
        bool any = false;    // a byte of a record was read
        while (!ended) {
            if (m_at == m_buffer.size() && !fill()) {
                break;
            }
            any = true;
            const std::size_t found = m_buffer.find(m_separator, m_at);
            const std::size_t stop = found == std::string::npos ? m_buffer.size() : found;
            // Past `k_max_listed_path` bytes the rest of the record is skipped, not kept.
            const std::size_t room = k_max_listed_path - std::min(record.size(), k_max_listed_path);
            record.append(m_buffer, m_at, std::min(stop - m_at, room));
            ended = found != std::string::npos;
            m_at = ended ? stop + 1 : stop;
        }
        if (m_separator == '\n' && !record.empty() && record.back() == '\r') {
            record.pop_back();
        }
        if (!record.empty()) {
            return record;
        }
        if (!any) {
            return std::nullopt;
        }
    }
}

PathList::Read open_path_list(const std::string& path) {
    const std::string name = input_name(path);
    int fd = STDIN_FILENO;
    if (path == "-") {
        if (::isatty(STDIN_FILENO) != 0) {
            throw Error(
                "<stdin>: standard input is a terminal; pipe the list in (find DIR -type f | apigap batch "
                "--files-from -), or give a file");
        }
    } else {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            throw Error(fmt::format("{}: cannot open: {}", name, std::strerror(errno)));
        }
        struct stat info {};
        if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
            ::close(fd);
            throw Error(fmt::format("{}: is a directory, not a list of paths", name));
        }
    }
    // Shared by the copies of the `Read`, and closed with the last of them.
    auto descriptor = std::shared_ptr<int>(new int(fd), [](const int* owned) {
        if (*owned != STDIN_FILENO) {
            ::close(*owned);
        }
        delete owned;
    });
    return [descriptor, name](char* buffer, std::size_t size) -> std::size_t {
        for (;;) {
            const ssize_t got = ::read(*descriptor, buffer, size);
            if (got >= 0) {
                return static_cast<std::size_t>(got);
            }
            if (errno != EINTR) {
                throw Error(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
            }
        }
    };
}

}  // namespace apigap::cli
