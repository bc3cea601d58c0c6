// Turning the bytes a terminal sends into key presses.
#pragma once

#include <string_view>
#include <vector>

#include "apigap/assessment_session.hpp"

namespace apigap::cli {

/// Decodes what a terminal in raw mode sends into `Key`s: digits, letters and
/// other bytes as characters, Enter (CR or LF; CR LF is one Enter), Backspace
/// (0x7f or 0x08), Ctrl-U, the arrow keys (`ESC [ A`, `ESC O A`, with or
/// without modifiers) and a lone Esc. Other control bytes and escape
/// sequences are dropped. A sequence split across reads is joined; a lone Esc
/// cannot be told from the start of a sequence until no byte follows for a
/// moment: then call `flush`.
class KeyDecoder {
public:
    /// The keys that `bytes` complete.
    [[nodiscard]] std::vector<Key> feed(std::string_view bytes);
    /// Ends a pending escape: a lone ESC becomes `KeyKind::escape`, an
    /// unfinished sequence is dropped.
    [[nodiscard]] std::vector<Key> flush();
    /// Whether bytes are waiting for the rest of an escape sequence.
    [[nodiscard]] bool pending() const { return m_mode != Mode::ground; }

private:
    enum class Mode { ground, escape, csi, ss3 };

    void ground(char byte, std::vector<Key>& keys);

    Mode m_mode = Mode::ground;
    bool m_after_cr = false;
};

}  // namespace apigap::cli
