// Writing results: standard output, or atomically to a file.
#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "apigap/error.hpp"

namespace apigap::cli {

namespace {

/// Writes all of `content` to `fd`; false with errno set on failure.
bool write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

void write_file_atomically(std::string_view content, const std::string& path) {
    const std::filesystem::path target(path);
    const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
    std::string temp = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    }
    const bool ok = write_all(fd, content) && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = ok ? errno : saved_errno;
        ::unlink(temp.c_str());
        throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(error)));
    }
    const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
}

/// Appends `content` to the file at `path`, creating it.
void append_output(std::string_view content, const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || !write_all(fd, content)) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw Error(fmt::format("{}: cannot append: {}", path, std::strerror(error)));
    }
    ::close(fd);
}

}  // namespace

void add_output_options(CLI::App& command, OutputOptions& options, const std::vector<std::string>& formats) {
    command.add_option("--format", options.format, "Output format")
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
    command.add_option("-o,--output", options.path, "Write the result to FILE (atomically) instead of stdout")
        ->type_name("FILE");
}

void write_output(std::string_view content, const std::string& path) {
    if (!path.empty() && path != "-") {
        write_file_atomically(content, path);
        return;
    }
    if (!write_all(STDOUT_FILENO, content)) {
        if (errno == EPIPE) {
            return;
        }
        throw Error(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
    }
}

void append_step_summary(std::string_view markdown) {
    if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary != nullptr && *summary != '\0') {
        append_output(markdown, summary);
    }
}

}  // namespace apigap::cli
