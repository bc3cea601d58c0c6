// Raw mode, the alternate screen, the window size and signals, with POSIX calls.
#include "terminal.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "apigap/error.hpp"

namespace apigap::cli {

namespace {

/// The signals `SignalPipe` catches.
constexpr std::array k_signals{SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH};

/// Where the handler writes; -1 when no `SignalPipe` lives.
volatile std::sig_atomic_t g_signal_fd = -1;

void on_signal(int signal) {
    const int saved_errno = errno;
    const auto byte = static_cast<unsigned char>(signal);
    // Nothing to do when the pipe is full: a signal of each kind is already waiting.
    [[maybe_unused]] const ssize_t written = ::write(g_signal_fd, &byte, 1);
    errno = saved_errno;
}

/// Writes `text` to `fd`, retrying after a signal; best effort, for the
/// destructors that must not throw.
void write_best_effort(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

int set_attributes(int fd, const termios& settings) {
    int result = 0;
    do {
        result = ::tcsetattr(fd, TCSADRAIN, &settings);
    } while (result != 0 && errno == EINTR);
    return result;
}

}  // namespace

bool is_terminal() {
    return ::isatty(STDIN_FILENO) != 0 && ::isatty(STDOUT_FILENO) != 0;
}

RawMode::RawMode(int fd) : m_fd(fd) {
    if (::tcgetattr(fd, &m_saved) != 0) {
        throw Error(fmt::format("cannot read the terminal's settings: {}", std::strerror(errno)));
    }
    termios raw = m_saved;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | IEXTEN);
    raw.c_iflag &= ~static_cast<tcflag_t>(IXON);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    raw.c_cc[VSUSP] = _POSIX_VDISABLE;  // a stopped job would leave the terminal raw
    if (set_attributes(fd, raw) != 0) {
        throw Error(fmt::format("cannot set up the terminal: {}", std::strerror(errno)));
    }
}

RawMode::~RawMode() {
    set_attributes(m_fd, m_saved);
}

AlternateScreen::AlternateScreen(int fd) : m_fd(fd) {
    write_best_effort(m_fd, "\x1b[?1049h\x1b[?25l");
}

AlternateScreen::~AlternateScreen() {
    write_best_effort(m_fd, "\x1b[?25h\x1b[?1049l");
}

ScreenSize terminal_size(int fd) {
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0 || size.ws_row == 0) {
        return ScreenSize{};
    }
    return ScreenSize{size.ws_col, size.ws_row};
}

SignalPipe::SignalPipe() {
    std::array<int, 2> ends{};
    if (::pipe2(ends.data(), O_CLOEXEC | O_NONBLOCK) != 0) {
        throw Error(fmt::format("cannot watch for signals: {}", std::strerror(errno)), ExitCode::internal);
    }
    m_read = ends[0];
    m_write = ends[1];
    g_signal_fd = m_write;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a signal interrupts `poll` at once
    m_previous.resize(k_signals.size());
    for (std::size_t i = 0; i < k_signals.size(); ++i) {
        ::sigaction(k_signals[i], &action, &m_previous[i]);
    }
}

SignalPipe::~SignalPipe() {
    for (std::size_t i = 0; i < k_signals.size(); ++i) {
        ::sigaction(k_signals[i], &m_previous[i], nullptr);
    }
    g_signal_fd = -1;
    ::close(m_read);
    ::close(m_write);
}

std::vector<int> SignalPipe::take() {
    std::vector<int> signals;
    std::array<unsigned char, 64> buffer{};
    while (true) {
        const ssize_t got = ::read(m_read, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            return signals;
        }
        for (ssize_t i = 0; i < got; ++i) {
            signals.push_back(buffer[static_cast<std::size_t>(i)]);
        }
    }
}

void die_by_signal(int signal) {
    struct sigaction action {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(signal, &action, nullptr);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal);
    ::sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
    ::raise(signal);
    std::_Exit(128 + signal);  // not reached: every signal `SignalPipe` ends on terminates by default
}

}  // namespace apigap::cli
