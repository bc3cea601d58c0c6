// The interactive assessment's event loop: keys and signals in, screens out.
#include "interactive.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <poll.h>
#include <unistd.h>

#include <fmt/format.h>

#include "apigap/assessment_screen.hpp"
#include "apigap/assessment_session.hpp"
#include "apigap/error.hpp"
#include "context.hpp"
#include "diagnostics.hpp"
#include "key_decoder.hpp"
#include "output.hpp"
#include "terminal.hpp"

namespace apigap::cli {

namespace {

/// How long a lone ESC waits for the rest of an arrow key's sequence.
constexpr int k_escape_wait_ms = 50;

bool has_ended(SessionState state) {
    return state == SessionState::finished || state == SessionState::saved || state == SessionState::quit;
}

/// Draws `session` over the whole screen: each row cleared to its end, the
/// rows below cleared, and no newline after the last row (it would scroll).
void draw(const AssessmentSession& session, ScreenSize size, const TextStyle& style) {
    const std::string screen = render_assessment_screen(session, size, style);
    std::string frame = "\x1b[H";
    std::size_t start = 0;
    while (start < screen.size()) {
        const std::size_t end = screen.find('\n', start);
        frame += start == 0 ? "" : "\r\n";
        frame += screen.substr(start, end - start);
        frame += "\x1b[K";
        start = end == std::string::npos ? screen.size() : end + 1;
    }
    frame += "\x1b[J";
    write_output(frame, {});
}

/// Writes the answers when the session is `saving`, asking first before
/// replacing a file; a failure goes back to the session to show.
void save(AssessmentSession& session, const KnowledgeBase& kb) {
    if (session.state() != SessionState::saving) {
        return;
    }
    const std::string path = session.save_path();
    std::error_code error;
    if (!session.overwrite_confirmed() && std::filesystem::exists(std::filesystem::symlink_status(path, error))) {
        session.file_exists();
        return;
    }
    try {
        write_output(format_answers(session.answers(), kb), path);
        session.saved();
    } catch (const Error& failure) {
        session.save_failed(failure.what());
    }
}

/// The keys that the next read (or a quiet moment after a lone ESC) brings,
/// and any signal caught meanwhile. Waits in `poll`, never spins.
struct Input {
    std::vector<Key> keys;
    std::vector<int> signals;
};

Input next_input(KeyDecoder& decoder, SignalPipe& signals) {
    std::array<pollfd, 2> fds{pollfd{STDIN_FILENO, POLLIN, 0}, pollfd{signals.fd(), POLLIN, 0}};
    const int ready = ::poll(fds.data(), fds.size(), decoder.pending() ? k_escape_wait_ms : -1);
    Input input;
    if (ready < 0) {
        if (errno != EINTR) {
            throw Error(fmt::format("cannot read the terminal: {}", std::strerror(errno)));
        }
        return input;  // the signal is in the pipe: the next call reads it
    }
    input.signals = signals.take();
    if (ready == 0) {
        input.keys = decoder.flush();
    } else if (fds[0].revents != 0) {
        std::array<char, 256> buffer{};
        const ssize_t got = ::read(STDIN_FILENO, buffer.data(), buffer.size());
        if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) {
            throw Error("the terminal closed before the assessment was finished");
        }
        if (got > 0) {
            input.keys = decoder.feed({buffer.data(), static_cast<std::size_t>(got)});
        }
    }
    return input;
}

/// Runs `session` on the terminal until it ends; returns the signal that
/// stopped it, or 0. The terminal is restored before this returns or throws.
int run_on_terminal(AssessmentSession& session, const KnowledgeBase& kb, const TextStyle& style) {
    SignalPipe signals;
    const RawMode raw(STDIN_FILENO);
    const AlternateScreen screen(STDOUT_FILENO);
    ScreenSize size = terminal_size(STDOUT_FILENO);
    KeyDecoder decoder;
    draw(session, size, style);
    while (true) {
        const Input input = next_input(decoder, signals);
        bool redraw = false;
        for (const int signal : input.signals) {
            if (signal != SIGWINCH) {
                return signal;
            }
            size = terminal_size(STDOUT_FILENO);
            redraw = true;
        }
        for (const Key& key : input.keys) {
            session.handle(key);
            save(session, kb);
            if (has_ended(session.state())) {
                return 0;
            }
            redraw = true;
        }
        if (redraw) {
            draw(session, size, style);
        }
    }
}

}  // namespace

std::optional<Answers> ask_interactively(const KnowledgeBase& kb, const Level& level, const Context& context) {
    AssessmentSession session(kb, level);
    if (!has_ended(session.state())) {
        if (const int signal = run_on_terminal(session, kb, context.text_style(false)); signal != 0) {
            die_by_signal(signal);
        }
    }
    switch (session.state()) {
    case SessionState::saved:
        if (!context.global.quiet) {
            print_diagnostic("saved {} of {} answers to {}; 'apigap assess --answers {}' prints the report",
                             session.answered(), session.skills().size(), session.save_path(), session.save_path());
        }
        return std::nullopt;
    case SessionState::quit:
        if (!context.global.quiet) {
            print_diagnostic("assessment ended; nothing was saved");
        }
        return std::nullopt;
    default:
        return session.answers();
    }
}

}  // namespace apigap::cli
