// The terminal while the interactive assessment runs: raw mode, the alternate
// screen, its size, and the signals that must not leave it broken.
#pragma once

#include <vector>

#include <signal.h>
#include <termios.h>

#include "apigap/assessment_screen.hpp"

namespace apigap::cli {

/// Whether standard input and standard output are both terminals.
[[nodiscard]] bool is_terminal();

/// The terminal on `fd` in raw mode for as long as this lives: no line
/// editing, no echo, no Ctrl-S/Ctrl-Q flow control and no Ctrl-Z; each byte
/// is read as it comes. Ctrl-C still sends SIGINT. The settings it found are
/// restored on every way out, exceptions included. Throws `Error` when `fd`
/// is not a terminal.
class RawMode {
public:
    explicit RawMode(int fd);
    ~RawMode();
    RawMode(const RawMode&) = delete;
    RawMode& operator=(const RawMode&) = delete;

private:
    int m_fd = -1;
    termios m_saved{};
};

/// The alternate screen, with the cursor hidden, for as long as this lives;
/// then the cursor shows again and the screen from before comes back.
class AlternateScreen {
public:
    explicit AlternateScreen(int fd);
    ~AlternateScreen();
    AlternateScreen(const AlternateScreen&) = delete;
    AlternateScreen& operator=(const AlternateScreen&) = delete;

private:
    int m_fd = -1;
};

/// The size of the terminal on `fd` (`TIOCGWINSZ`), or 80×24 when it does not say.
[[nodiscard]] ScreenSize terminal_size(int fd);

/// For as long as this lives, SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGWINCH
/// are caught and written as bytes to a pipe that `poll` can wait on with
/// the terminal (the self-pipe trick); the previous handlers come back when
/// it is destroyed. One at a time.
class SignalPipe {
public:
    SignalPipe();
    ~SignalPipe();
    SignalPipe(const SignalPipe&) = delete;
    SignalPipe& operator=(const SignalPipe&) = delete;

    /// The end of the pipe to poll.
    [[nodiscard]] int fd() const { return m_read; }
    /// The signals caught since the last call, in the order they came.
    [[nodiscard]] std::vector<int> take();

private:
    int m_read = -1;
    int m_write = -1;
    std::vector<struct ::sigaction> m_previous;
};

/// Ends the process by `signal` with its default action, as if it had never
/// been caught, so that a calling shell sees it (status 128 + `signal`).
[[noreturn]] void die_by_signal(int signal);

}  // namespace apigap::cli
