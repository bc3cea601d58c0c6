// PDF resumes: the `apigap-pdf` helper (src/ingest/pdf_helper.cpp) extracts
// the text in a child process with memory, CPU and wall-clock limits, so that
// a hostile file can crash or hang only the child.
#include "ingest/extractors.hpp"
#include "ingest/pdf_process.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "apigap/resume_input.hpp"

namespace apigap::ingest_detail {

namespace {

// --- the parent --------------------------------------------------------------

/// The child process and the read end of its pipe: closes the pipe, and kills
/// and reaps the child unless it was reaped already.
class Child {
public:
    Child(pid_t pid, int fd) : m_pid(pid), m_fd(fd) {}
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    Child(Child&& other) noexcept : m_pid(std::exchange(other.m_pid, 0)), m_fd(std::exchange(other.m_fd, -1)) {}
    Child& operator=(Child&&) = delete;
    ~Child() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            static_cast<void>(reap(std::chrono::steady_clock::time_point::max()));
        }
    }

    [[nodiscard]] int fd() const { return m_fd; }

    /// Waits for the child to end until `deadline`; its wait status, or
    /// nullopt on timeout or when it cannot be waited for (SIGCHLD ignored).
    std::optional<int> reap(std::chrono::steady_clock::time_point deadline) {
        for (;;) {
            int status = 0;
            const pid_t result = ::waitpid(m_pid, &status, WNOHANG);
            if (result == m_pid) {
                m_pid = 0;
                return status;
            }
            if (result < 0 && errno != EINTR) {
                m_pid = 0;
                return std::nullopt;
            }
            if (std::chrono::steady_clock::now() >= deadline) {
                return std::nullopt;
            }
            ::usleep(1000);
        }
    }

private:
    pid_t m_pid = 0;
    int m_fd = -1;
};

/// The 8-byte little-endian length at `at` of the answer `bytes`.
std::uint64_t length_at(const std::string& bytes, std::size_t at) {
    std::uint64_t length = 0;
    for (std::size_t index = at + 8; index-- > at;) {
        length = (length << 8U) | static_cast<unsigned char>(bytes[index]);
    }
    return length;
}

/// What the parent got: the child's whole answer when `complete`.
struct Answer {
    std::string bytes;
    std::uint64_t text_size = 0;  ///< the text's length; the facts follow it
    bool complete = false;
    bool timed_out = false;
    std::optional<int> wait_status;
};

/// Reads the child's answer until it closes the pipe, `deadline` passes or
/// more than `max_bytes` arrive.
Answer read_answer(Child& child, std::size_t max_bytes, std::chrono::steady_clock::time_point deadline) {
    using std::chrono::milliseconds;
    Answer answer;
    char buffer[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            answer.timed_out = true;
            return answer;
        }
        pollfd request{child.fd(), POLLIN, 0};
        const int ready = ::poll(&request, 1, static_cast<int>(std::min<long long>(left.count(), INT_MAX)));
        if (ready <= 0) {
            continue;  // a timeout (checked above) or EINTR
        }
        const ssize_t got = ::read(child.fd(), buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            break;
        }
        if (got == 0) {
            break;
        }
        if (answer.bytes.size() + static_cast<std::size_t>(got) >
            k_pdf_header_size + max_bytes + k_max_pdf_facts_bytes) {
            return answer;  // more than the child may send: not a well-formed answer
        }
        answer.bytes.append(buffer, static_cast<std::size_t>(got));
    }
    answer.wait_status = child.reap(deadline);
    if (answer.bytes.size() >= k_pdf_header_size) {
        answer.text_size = length_at(answer.bytes, 1);
        const std::uint64_t facts_size = length_at(answer.bytes, 9);
        const std::uint64_t body = answer.bytes.size() - k_pdf_header_size;
        answer.complete = answer.text_size <= body && facts_size == body - answer.text_size;
    }
    return answer;
}

/// The executable `use_pdf_helper` named; empty: `find_helper()`.
std::string& named_helper() {
    static std::string path;
    return path;
}

/// `apigap-pdf` next to the running executable (the build tree), else where
/// `cmake --install` puts it relative to the executable's folder.
std::string find_helper() {
    std::string self(PATH_MAX, '\0');
    const ssize_t length = ::readlink("/proc/self/exe", self.data(), self.size());
    self.resize(length > 0 ? static_cast<std::size_t>(length) : 0);
    const std::string folder = self.substr(0, self.rfind('/') + 1);
    const std::string beside = folder + "apigap-pdf";
    const std::string installed = folder + APIGAP_PDF_HELPER_FROM_BINDIR;
    return ::access(beside.c_str(), X_OK) == 0 || ::access(installed.c_str(), X_OK) != 0 ? beside : installed;
}

const std::string& helper() {
    static const std::string found = find_helper();
    return named_helper().empty() ? found : named_helper();
}

/// Writes `bytes` to `fd` and closes it. A child that dies before reading
/// them all is reported by the answer it did not give, so errors are ignored.
void feed(int fd, std::string_view bytes) {
    static_cast<void>(write_all(fd, bytes.data(), bytes.size()));
    ::close(fd);
}

/// Starts `helper` with a pipe on its stdin and one on its stdout;
/// the child's pid and the read end of its stdout. `posix_spawn` does not
/// duplicate this process's threads or locks: safe from any thread.
Child spawn_helper(const std::string& helper, std::string_view bytes, const ExtractLimits& limits,
                   const Location& location) {
    int input[2] = {-1, -1};
    int output[2] = {-1, -1};
    if (::pipe2(input, O_CLOEXEC) != 0 || ::pipe2(output, O_CLOEXEC) != 0) {
        const int pipe_error = errno;
        for (const int fd : {input[0], input[1], output[0], output[1]}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        throw Error(location, fmt::format("cannot start the PDF reader: {}", std::strerror(pipe_error)));
    }
    const std::string cpu = std::to_string(limits.pdf_cpu_seconds);
    const std::string memory = std::to_string(limits.pdf_memory_bytes);
    const std::string max_bytes = std::to_string(limits.max_bytes);
    std::vector<char*> argv;
    std::string arguments[] = {helper, cpu, memory, max_bytes};
    for (std::string& argument : arguments) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
    pid_t pid = 0;
    const int spawn_error = ::posix_spawn(&pid, helper.c_str(), &actions, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::close(input[0]);
    ::close(output[1]);
    if (spawn_error != 0) {
        ::close(input[1]);
        ::close(output[0]);
        throw Error(location, fmt::format("cannot start the PDF reader {}: {}", helper, std::strerror(spawn_error)));
    }
    Child child(pid, output[0]);
    feed(input[1], bytes);
    return child;
}

}  // namespace

PdfPages run_poppler(std::string_view bytes, std::string_view source, const ExtractLimits& limits) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.pdf_wall_seconds);
    const Location location{std::string(source)};
    Child child = spawn_helper(helper(), bytes, limits, location);
    const Answer answer = read_answer(child, limits.max_bytes, deadline);

    const auto too_slow = [&](unsigned seconds) {
        return Error(location, fmt::format("PDF extraction took longer than {} s; the file may be malformed", seconds));
    };
    if (answer.timed_out) {
        throw too_slow(limits.pdf_wall_seconds);
    }
    if (!answer.complete) {
        if (answer.wait_status && WIFSIGNALED(*answer.wait_status) && WTERMSIG(*answer.wait_status) == SIGXCPU) {
            throw too_slow(limits.pdf_cpu_seconds);
        }
        throw Error(location, "unreadable PDF (damaged or truncated)");
    }
    switch (static_cast<PdfStatus>(answer.bytes[0])) {
    case PdfStatus::ok:
        return PdfPages{answer.bytes.substr(k_pdf_header_size, answer.text_size),
                        answer.bytes.substr(k_pdf_header_size + answer.text_size)};
    case PdfStatus::locked:
        throw Error(location, "encrypted PDF: an ATS cannot read it; export it without a password");
    case PdfStatus::too_large:
        throw Error(location, fmt::format("the PDF's text is larger than the {} limit", size_text(limits.max_bytes)));
    case PdfStatus::layout_out_of_memory:
        throw Error(location, fmt::format("page {} of the PDF needs more than {} of memory to lay out (a line of a "
                                          "megabyte of text does); break its text into shorter lines",
                                          answer.bytes.substr(k_pdf_header_size, answer.text_size),
                                          size_text(limits.pdf_memory_bytes)));
    case PdfStatus::unreadable:
        break;
    }
    throw Error(location, "unreadable PDF (damaged or truncated)");
}

}  // namespace apigap::ingest_detail

namespace apigap {

void use_pdf_helper(std::string executable) {
    ingest_detail::named_helper() = std::move(executable);
}

}  // namespace apigap
