// Writing results: the output options, standard output, and which outputs are refused.
#include "output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "apigap/input.hpp"

namespace apigap::cli {

namespace {

/// The name of the step summary's variable, as messages say it.
constexpr const char* k_step_summary = "GITHUB_STEP_SUMMARY";

/// Appends `content` to the file at `path`, creating it with mode 0666 less the umask, as every new file apigap writes.
void append_output(std::string_view content, const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0 || !write_all(fd, content)) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw Error(fmt::format("{}: cannot append: {}", path, std::strerror(error)));
    }
    ::close(fd);
}

/// The file `input` names (`-`: standard input, when it is a regular file), if there is one.
bool input_file(const std::string& input, struct stat& info) {
    if (input == "-") {
        return ::fstat(STDIN_FILENO, &info) == 0 && S_ISREG(info.st_mode);
    }
    return !input.empty() && ::stat(input.c_str(), &info) == 0;
}

/// The one of `inputs` that is the file `output` names (the same device and inode, whatever links lead to either),
/// if any; an output that does not exist yet is no input.
const std::string* input_at(const std::string& output, const std::vector<std::string>& inputs) {
    struct stat target {};
    if (::stat(output.c_str(), &target) != 0) {
        return nullptr;
    }
    for (const std::string& input : inputs) {
        struct stat info {};
        if (input_file(input, info) && info.st_dev == target.st_dev && info.st_ino == target.st_ino) {
            return &input;
        }
    }
    return nullptr;
}

/// The step summary's path: `$GITHUB_STEP_SUMMARY`, or nullptr when it is unset or empty.
const char* step_summary_path() {
    const char* summary = std::getenv(k_step_summary);
    return summary != nullptr && *summary != '\0' ? summary : nullptr;
}

}  // namespace

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

bool write_stdout(std::string_view content) {
    if (write_all(STDOUT_FILENO, content)) {
        return true;
    }
    if (errno == EPIPE) {
        return false;
    }
    throw Error(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
}

void write_output(std::string_view content, const std::string& path) {
    if (path.empty() || path == "-") {
        write_stdout(content);
        return;
    }
    write_file(content, path);
}

void append_step_summary(std::string_view markdown) {
    if (const char* summary = step_summary_path()) {
        append_output(markdown, summary);
    }
}

void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs) {
    if (output.empty() || output == "-") {
        return;
    }
    if (const std::string* input = input_at(output, inputs)) {
        throw Error(fmt::format("{}: -o names an input of this command ({}); write the output to another file", output,
                                input_name(*input)));
    }
}

void refuse_step_summary_over_input(const std::vector<std::string>& inputs) {
    const char* summary = step_summary_path();
    if (summary == nullptr) {
        return;
    }
    if (const std::string* input = input_at(summary, inputs)) {
        throw Error(fmt::format("{}: ${} names an input of this command ({}); point it at another file", summary,
                                k_step_summary, input_name(*input)));
    }
}

void reserve_closed_standard_streams() {
    for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) {
            continue;
        }
        // Standard input is held write-only and the others read-only, so that using them fails as when closed.
        const int held = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        if (held >= 0 && held != fd) {
            ::dup2(held, fd);
            ::close(held);
        }
    }
}

}  // namespace apigap::cli
