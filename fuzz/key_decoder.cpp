// Fuzz target for the terminal key decoder and the interactive assessment it
// drives: the first byte chooses how the terminal splits its bytes into reads
// and what saving does, the second the screen size; the rest is what the
// terminal sends. The last screen is drawn.
#include <algorithm>
#include <cstddef>

#include "apigap/answers.hpp"
#include "apigap/assessment_screen.hpp"
#include "apigap/assessment_session.hpp"
#include "apigap/report.hpp"
#include "cli/key_decoder.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

namespace {

/// How the terminal and the file system behave, from the input's first two bytes.
struct Setting {
    std::size_t read_size = 1;  ///< bytes per read, 1–16
    bool quiet_after = false;   ///< a pause after each read: a pending escape is flushed
    bool file_exists = false;   ///< the file to save to exists
    bool save_fails = false;    ///< writing it fails
    ScreenSize size;            ///< 20–147 × 4–67 cells
    TextStyle style;
};

Setting setting_of(unsigned char first, unsigned char second) {
    Setting setting;
    setting.read_size = 1U + (first & 0x0fU);
    setting.quiet_after = (first & 0x10U) != 0;
    setting.file_exists = (first & 0x20U) != 0;
    setting.save_fails = (first & 0x40U) != 0;
    setting.style.unicode = (first & 0x80U) != 0;
    setting.style.color = (second & 0x80U) != 0;
    setting.size = ScreenSize{20U + (second & 0x7fU), 4U + (second & 0x3fU)};
    return setting;
}

bool has_ended(const AssessmentSession& session) {
    const SessionState state = session.state();
    return state == SessionState::finished || state == SessionState::saved || state == SessionState::quit;
}

/// Hands `keys` to `session` as the interactive loop does, saving as `setting`
/// says, until the session ends; whether it has.
bool press(AssessmentSession& session, const std::vector<Key>& keys, const Setting& setting) {
    for (const Key key : keys) {
        session.handle(key);
        if (session.state() == SessionState::saving) {
            if (setting.file_exists && !session.overwrite_confirmed()) {
                session.file_exists();
            } else if (setting.save_fails) {
                session.save_failed("cannot write: Permission denied");
            } else {
                static_cast<void>(format_answers(session.answers(), session.knowledge_base()));
                session.saved();
            }
        }
        if (has_ended(session)) {
            return true;
        }
    }
    return false;
}

}  // namespace

void fuzz_one(std::string_view input) {
    if (input.size() < 2) {
        return;
    }
    const Setting setting = setting_of(static_cast<unsigned char>(input[0]), static_cast<unsigned char>(input[1]));
    input.remove_prefix(2);
    const KnowledgeBase& kb = knowledge_base();
    AssessmentSession session(kb, require_level(kb, "mid"));
    cli::KeyDecoder decoder;
    bool ended = has_ended(session);
    while (!ended && !input.empty()) {
        const std::size_t length = std::min(setting.read_size, input.size());
        ended = press(session, decoder.feed(input.substr(0, length)), setting);
        input.remove_prefix(length);
        if (!ended && setting.quiet_after && decoder.pending()) {
            ended = press(session, decoder.flush(), setting);
        }
    }
    if (!ended) {
        static_cast<void>(press(session, decoder.flush(), setting));
    }
    // Drawing costs more than all the rest: the last screen only.
    static_cast<void>(render_assessment_screen(session, setting.size, setting.style));
    static_cast<void>(format_answers(session.answers(), kb));
}

}  // namespace apigap::fuzz
