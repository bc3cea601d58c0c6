// PDF resumes: poppler extracts the text in a child process with memory, CPU
// and wall-clock limits, so that a hostile file can crash or hang only the child.
#include "ingest/extractors.hpp"
#include "ingest/pdf_process.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "apigap/error.hpp"
#include "apigap/input.hpp"
#include "apigap/resume_input.hpp"

namespace apigap::ingest_detail {

namespace {

/// What the child reports in the first byte of its answer.
enum class ChildStatus : unsigned char { ok = 0, locked = 1, unreadable = 2, too_large = 3 };

/// The child's answer: the status byte, the text's length (8 bytes, little-endian), the text.
constexpr std::size_t k_header_size = 9;

std::string size_text(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
        return fmt::format("{} MiB", bytes >> 20);
    }
    return fmt::format("{} bytes", bytes);
}

// --- the child ---------------------------------------------------------------

void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

/// Writes all of `data` to `fd`; false when the parent has gone.
bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

/// The text of every page, each ending with a newline, pages separated by a
/// form feed (as `pdftotext` separates them).
ChildStatus extract_pages(std::string_view bytes, std::size_t max_bytes, std::string& text) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        return ChildStatus::unreadable;  // poppler takes an int; the input cap keeps files far smaller
    }
    const std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) {
        return ChildStatus::unreadable;
    }
    // A locked document must not be asked anything else: poppler 22.12 crashes on `pages()`.
    if (document->is_locked()) {
        return ChildStatus::locked;
    }
    if (document->is_encrypted()) {
        // An owner password only (no password to open): poppler reads it, but
        // ATS parsers often refuse it or honour its "no copying" permission.
        return ChildStatus::locked;
    }
    const int pages = document->pages();
    for (int index = 0; index < pages; ++index) {
        if (index > 0) {
            text += '\f';
        }
        const std::unique_ptr<poppler::page> page(document->create_page(index));
        if (!page) {
            return ChildStatus::unreadable;
        }
        const poppler::byte_array utf8 = page->text().to_utf8();
        std::string_view page_text(utf8.data(), utf8.size());
        while (!page_text.empty() && (page_text.back() == '\f' || page_text.back() == '\n')) {
            page_text.remove_suffix(1);
        }
        if (!page_text.empty()) {
            text.append(page_text);
            text += '\n';
        }
        if (text.size() > max_bytes) {
            return ChildStatus::too_large;
        }
    }
    return ChildStatus::ok;
}

/// The child: limits itself, extracts, writes its answer to `fd` and exits
/// without running the parent's `atexit` handlers or flushing its buffers.
[[noreturn]] void run_child(int fd, std::string_view bytes, const ExtractLimits& limits, rlim_t address_space) {
    // A crash must end the child the plain way, not in the handlers a test
    // framework or the caller installed.
    for (const int signal : {SIGABRT, SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGXCPU, SIGPIPE}) {
        std::signal(signal, SIG_DFL);
    }
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    // SIGXCPU at the soft limit, SIGKILL a second later if it is ignored.
    const rlimit cpu{rlim_t{limits.pdf_cpu_seconds}, rlim_t{limits.pdf_cpu_seconds} + 1};
    ::setrlimit(RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    // The sanitizers reserve terabytes of address space up front, and their
    // reports on stderr are worth keeping. Otherwise the parent reports the
    // failure, and poppler's "Out of memory" before its abort() is noise.
    const rlimit memory{address_space, address_space};
    ::setrlimit(RLIMIT_AS, &memory);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        ::dup2(null, STDERR_FILENO);
        ::close(null);
    }
#else
    static_cast<void>(address_space);
#endif
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);

    std::string text;
    ChildStatus status = ChildStatus::unreadable;
    try {
        status = extract_pages(bytes, limits.max_bytes, text);
    } catch (...) {
        status = ChildStatus::unreadable;  // std::bad_alloc included: poppler's own allocator aborts instead
    }
    if (status != ChildStatus::ok) {
        text.clear();
    }
    char header[k_header_size] = {static_cast<char>(status)};
    std::uint64_t length = text.size();
    for (std::size_t index = 1; index < k_header_size; ++index) {
        header[index] = static_cast<char>(length & 0xffU);
        length >>= 8U;
    }
    const bool sent = write_all(fd, header, k_header_size) && write_all(fd, text.data(), text.size());
    ::_exit(sent ? 0 : 1);
}

// --- the parent --------------------------------------------------------------

/// The address space this process uses now (the child inherits it), 0 if unknown.
std::size_t current_address_space() {
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    char buffer[128] = {};
    const ssize_t got = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (got <= 0) {
        return 0;
    }
    const long page_size = ::sysconf(_SC_PAGESIZE);
    const unsigned long long pages = std::strtoull(buffer, nullptr, 10);
    return page_size > 0 ? static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size) : 0;
}

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

/// What the parent got: the child's whole answer when `complete`.
struct Answer {
    std::string bytes;
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
        if (answer.bytes.size() + static_cast<std::size_t>(got) > k_header_size + max_bytes) {
            return answer;  // more than the child may send: not a well-formed answer
        }
        answer.bytes.append(buffer, static_cast<std::size_t>(got));
    }
    answer.wait_status = child.reap(deadline);
    if (answer.bytes.size() >= k_header_size) {
        std::uint64_t length = 0;
        for (std::size_t index = k_header_size - 1; index >= 1; --index) {
            length = (length << 8U) | static_cast<unsigned char>(answer.bytes[index]);
        }
        answer.complete = length == answer.bytes.size() - k_header_size;
    }
    return answer;
}

/// The executable `use_pdf_helper` named; empty: fork.
std::string& pdf_helper() {
    static std::string path;
    return path;
}

/// Writes `bytes` to `fd` and closes it. A child that dies before reading
/// them all is reported by the answer it did not give, so errors are ignored.
void feed(int fd, std::string_view bytes) {
    static_cast<void>(write_all(fd, bytes.data(), bytes.size()));
    ::close(fd);
}

/// Starts `helper extract-pdf` with a pipe on its stdin and one on its stdout;
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
    std::string arguments[] = {helper,           "extract-pdf", "--cpu-seconds", cpu,
                               "--memory-bytes", memory,        "--max-bytes",   max_bytes};
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
        throw Error(location, fmt::format("cannot start the PDF reader: {}", std::strerror(spawn_error)));
    }
    Child child(pid, output[0]);
    feed(input[1], bytes);
    return child;
}

/// Forks a child that extracts the text of `bytes`.
///
/// `fork` without `exec` is safe only in a single-threaded process: the child
/// inherits every lock in the state it had, held by threads that do not exist
/// in the child, and poppler takes locks and allocates. A threaded process
/// (`apigap batch`) names a helper with `use_pdf_helper` instead.
Child fork_child(std::string_view bytes, const ExtractLimits& limits, const Location& location) {
    // RLIMIT_AS counts the address space the child inherits, so the child may add `pdf_memory_bytes` to it.
    const std::size_t inherited = current_address_space();
    const rlim_t address_space = limits.pdf_memory_bytes > std::numeric_limits<std::size_t>::max() - inherited
                                     ? RLIM_INFINITY
                                     : static_cast<rlim_t>(inherited + limits.pdf_memory_bytes);
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw Error(location, fmt::format("cannot start the PDF reader: {}", std::strerror(errno)));
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int fork_error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        throw Error(location, fmt::format("cannot start the PDF reader: {}", std::strerror(fork_error)));
    }
    if (pid == 0) {
        ::close(fds[0]);
        run_child(fds[1], bytes, limits, address_space);
    }
    ::close(fds[1]);
    return Child(pid, fds[0]);
}

}  // namespace

std::string run_poppler(std::string_view bytes, std::string_view source, const ExtractLimits& limits) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.pdf_wall_seconds);
    const Location location{std::string(source)};
    Child child = pdf_helper().empty() ? fork_child(bytes, limits, location)
                                       : spawn_helper(pdf_helper(), bytes, limits, location);
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
    switch (static_cast<ChildStatus>(answer.bytes[0])) {
    case ChildStatus::ok:
        return answer.bytes.substr(k_header_size);
    case ChildStatus::locked:
        throw Error(location, "encrypted PDF: an ATS cannot read it; export it without a password");
    case ChildStatus::too_large:
        throw Error(location, fmt::format("the PDF's text is larger than the {} limit", size_text(limits.max_bytes)));
    case ChildStatus::unreadable:
        break;
    }
    throw Error(location, "unreadable PDF (damaged or truncated)");
}

}  // namespace apigap::ingest_detail

namespace apigap {

void use_pdf_helper(std::string executable) {
    ingest_detail::pdf_helper() = std::move(executable);
}

int serve_pdf_extraction(unsigned cpu_seconds, std::size_t memory_bytes, std::size_t max_bytes) {
    ingest_detail::ExtractLimits limits;
    limits.pdf_cpu_seconds = cpu_seconds;
    limits.pdf_memory_bytes = memory_bytes;
    limits.max_bytes = max_bytes;
    std::string bytes;
    try {
        bytes = read_input("-", max_bytes);
    } catch (const Error&) {
        return 1;  // the parent reports the answer it did not get
    }
    const std::size_t inherited = ingest_detail::current_address_space();
    const rlim_t address_space = memory_bytes > std::numeric_limits<std::size_t>::max() - inherited
                                     ? RLIM_INFINITY
                                     : static_cast<rlim_t>(inherited + memory_bytes);
    ingest_detail::run_child(STDOUT_FILENO, bytes, limits, address_space);
}

}  // namespace apigap
