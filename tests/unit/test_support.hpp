// Helpers shared by the unit tests: a compact view of a `Node` tree, the
// message of an expected `Error`, counting a text's occurrences, running code in a child process with a
// time limit (for inputs that used to hang or overflow the stack), a fixed
// sequence of pseudo-random numbers, and a temporary directory of files.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "apigap/error.hpp"
#include "core/document.hpp"
#include "ingest/sanitizers.hpp"

namespace apigap::test {

/// `node` on one line: `{key: value, …}`, `[item, …]`, quoted scalars in
/// double quotes, plain ones bare, null as `null`.
inline std::string show(const detail::Node& node) {
    switch (node.kind) {
    case detail::Node::Kind::null:
        return "null";
    case detail::Node::Kind::scalar:
        return node.quoted ? "\"" + node.scalar + "\"" : node.scalar;
    case detail::Node::Kind::sequence: {
        std::string text = "[";
        for (const detail::Node& item : node.items) {
            text += (text.size() > 1 ? ", " : "") + show(item);
        }
        return text + "]";
    }
    case detail::Node::Kind::mapping: {
        std::string text = "{";
        for (const detail::Entry& entry : node.entries) {
            text += (text.size() > 1 ? ", " : "") + entry.key + ": " + show(entry.value);
        }
        return text + "}";
    }
    }
    return "?";
}

/// How many times `part` occurs in `text`, overlapping occurrences included.
inline std::size_t occurrences(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

/// The `what()` of the `apigap::Error` that `body` throws, or "(no error)".
inline std::string error_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const apigap::Error& error) {
        return error.what();
    }
    return "(no error)";
}

/// How a body run by `run_isolated` ended.
enum class Outcome { finished, crashed, timed_out };

/// Runs `body` in a child process and waits at most `limit`: a hang or a
/// crash (a stack overflow, an abort) in `body` cannot take the test run down.
/// Any exception `body` throws counts as finishing.
inline Outcome run_isolated(const std::function<void()>& body,
                            std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    std::fflush(nullptr);
    const pid_t child = ::fork();
    if (child < 0) {
        throw std::runtime_error("fork failed");
    }
    if (child == 0) {
        // Catch2's fatal-signal handlers would report a crash as a failure of
        // the child's copy of the test run; the parent judges it instead.
        for (const int signal : {SIGABRT, SIGSEGV, SIGILL, SIGFPE, SIGBUS}) {
            std::signal(signal, SIG_DFL);
        }
#if !APIGAP_SANITIZED
        // A runaway parser should fail fast, not swap the machine to death.
        const rlimit memory{rlim_t{4} << 30, rlim_t{4} << 30};
        ::setrlimit(RLIMIT_AS, &memory);
#endif
        try {
            body();
        } catch (...) {  // NOLINT(bugprone-empty-catch): an exception is a clean finish here
        }
        std::_Exit(0);
    }
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (::waitpid(child, &status, WNOHANG) != child) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            return Outcome::timed_out;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Outcome::finished : Outcome::crashed;
}

/// Pseudo-random numbers in a fixed sequence from `seed` (a linear congruential generator): random cases that are
/// the same on every run.
class Sequence {
public:
    explicit Sequence(std::uint32_t seed) : m_state(seed) {}

    /// The next number, below `below`.
    std::uint32_t operator()(std::size_t below) {
        m_state = m_state * 1'664'525U + 1'013'904'223U;
        return static_cast<std::uint32_t>((m_state >> 16U) % below);
    }

private:
    std::uint32_t m_state;
};

/// A fresh directory under the system's temporary directory, removed at the end.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "apigap-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temporary directory");
        }
        m_path = pattern;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() { std::filesystem::remove_all(m_path); }

    /// Writes `content` to the file `name` (its folders created) in the directory; its path.
    [[nodiscard]] std::string file(const std::string& name, const std::string& content) const {
        const std::filesystem::path path = m_path / name;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << content;
        return path.string();
    }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace apigap::test
