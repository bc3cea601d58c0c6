// The interactive self-assessment as a state machine without I/O: the skills
// to ask, the answers so far, and what each key press does.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apigap/answers.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/profile.hpp"

namespace apigap {

/// The skills an assessment for `level` asks about: each skill a target of
/// the level scores (every member, for a group target such as the languages),
/// once: the technical skills, then the soft ones, then the situational ones,
/// each in the order the level lists its targets (a group's in member order).
[[nodiscard]] std::vector<const Skill*> skills_to_ask(const KnowledgeBase& kb, const Level& level);

/// What kind of key was pressed.
enum class KeyKind {
    character,   ///< a printable byte, in `Key::byte` (UTF-8 arrives one byte at a time)
    enter,       ///< Enter or Return
    backspace,   ///< Backspace
    up,          ///< the up arrow
    down,        ///< the down arrow
    left,        ///< the left arrow
    right,       ///< the right arrow
    escape,      ///< Esc on its own
    clear_line,  ///< Ctrl-U
};

/// One key press, as the terminal's key decoder reports it.
struct Key {
    KeyKind kind = KeyKind::character;
    char byte = 0;  ///< for `KeyKind::character`; 0 otherwise

    /// The key that types `byte`.
    [[nodiscard]] static constexpr Key typed(char byte) { return Key{KeyKind::character, byte}; }
    /// A key that types nothing, such as `KeyKind::enter`.
    [[nodiscard]] static constexpr Key of(KeyKind kind) { return Key{kind, 0}; }

    friend bool operator==(const Key&, const Key&) = default;
};

/// Where an assessment stands, and so what the screen shows.
enum class SessionState {
    asking,             ///< one skill's description and rubric, a rating highlighted
    help,               ///< the keys; any key goes back to `asking`
    confirm_save,       ///< after `q`: "Save the answers so far? (y/n)"
    naming_file,        ///< typing the name of the file to save to
    saving,             ///< the caller writes `answers()` to `save_path()` and reports back
    confirm_overwrite,  ///< `save_path()` exists: overwrite it? (y/n)
    finished,           ///< every skill answered or skipped: time for the report
    saved,              ///< ended after saving the answers
    quit,               ///< ended without saving anything
};

/// A one-line remark the screen shows until the next key.
enum class Notice {
    none,
    first_skill,    ///< back was pressed on the first skill
    bad_file_name,  ///< `-` was given as the file name
    save_failed,    ///< writing the file failed; `AssessmentSession::error()` says why
};

/// An assessment in progress. Keys move it from state to state; the caller
/// draws `state()` and, in `SessionState::saving`, writes the file.
/// The knowledge base and level must outlive the session.
class AssessmentSession {
public:
    /// The file name offered when saving, in the current directory.
    static constexpr std::string_view k_default_file = "apigap-answers.yaml";

    /// Starts on the first skill of `skills_to_ask(kb, level)`, or
    /// `SessionState::finished` when there is none.
    AssessmentSession(const KnowledgeBase& kb, const Level& level);

    /// Acts on one key press (see `docs/cli.md` for what each key does).
    void handle(Key key);

    /// In `saving`: `save_path()` exists and overwriting it was not confirmed
    /// yet, so ask first. Does nothing in any other state.
    void file_exists();
    /// In `saving`: the file was written; the session ends in `saved`.
    void saved();
    /// In `saving`: writing failed because of `reason`; back to naming the file.
    void save_failed(std::string reason);

    [[nodiscard]] SessionState state() const { return m_state; }
    [[nodiscard]] const KnowledgeBase& knowledge_base() const { return *m_kb; }
    [[nodiscard]] const Level& level() const { return *m_level; }
    /// The skills asked, in order.
    [[nodiscard]] const std::vector<const Skill*>& skills() const { return m_skills; }
    /// The 0-based position of the skill on screen (`skills().size()` once finished).
    [[nodiscard]] std::size_t index() const { return m_index; }
    /// The skill on screen; only while `index() < skills().size()`.
    [[nodiscard]] const Skill& current() const { return *m_skills.at(m_index); }
    /// The highlighted rating, 0–4.
    [[nodiscard]] int selection() const { return m_selection; }
    /// The answer given for the `index`-th skill: a rating, `skipped`, or none yet.
    [[nodiscard]] const std::optional<SkillRating>& answer(std::size_t index) const { return m_answers.at(index); }
    /// How many skills have an answer (rated or skipped).
    [[nodiscard]] std::size_t answered() const;
    [[nodiscard]] Notice notice() const { return m_notice; }
    /// Why the last save failed, for `Notice::save_failed`.
    [[nodiscard]] const std::string& error() const { return m_error; }
    /// What was typed as the file name (empty: the default).
    [[nodiscard]] const std::string& file_name() const { return m_file_name; }
    /// Where to save: the typed name, or `k_default_file` when none was typed.
    [[nodiscard]] std::string save_path() const;
    /// Whether overwriting `save_path()` was confirmed.
    [[nodiscard]] bool overwrite_confirmed() const { return m_overwrite; }

    /// The level and every answer so far: ratings as `answered`, skips as `skipped`.
    [[nodiscard]] Answers answers() const;

private:
    void handle_asking(Key key);
    void handle_naming(Key key);
    void answer_current(SkillRating rating);
    void go_back();

    const KnowledgeBase* m_kb = nullptr;
    const Level* m_level = nullptr;
    std::vector<const Skill*> m_skills;
    std::vector<std::optional<SkillRating>> m_answers;
    std::size_t m_index = 0;
    int m_selection = 0;
    SessionState m_state = SessionState::asking;
    Notice m_notice = Notice::none;
    std::string m_error;
    std::string m_file_name;
    bool m_overwrite = false;
};

}  // namespace apigap
