// The interactive assessment's state machine: one key at a time, no I/O.
#include "apigap/assessment_session.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace apigap {

namespace {

/// The longest file name the save prompt accepts, in bytes (Linux's PATH_MAX).
constexpr std::size_t k_max_file_name = 4096;

/// `byte` as a lowercase letter command, so that Caps Lock does not get in the way.
char command(Key key) {
    if (key.kind != KeyKind::character) {
        return 0;
    }
    return key.byte >= 'A' && key.byte <= 'Z' ? static_cast<char>(key.byte - 'A' + 'a') : key.byte;
}

}  // namespace

std::vector<const Skill*> skills_to_ask(const KnowledgeBase& kb, const Level& level) {
    std::vector<const Skill*> skills;
    const auto ask = [&](std::string_view id) {
        const Skill* skill = kb.find_skill(id);
        if (skill != nullptr && std::find(skills.begin(), skills.end(), skill) == skills.end()) {
            skills.push_back(skill);
        }
    };
    for (const Target& target : level.targets) {
        if (const Group* group = kb.find_group(target.id)) {
            std::for_each(group->members.begin(), group->members.end(), ask);
        } else {
            ask(target.id);
        }
    }
    // The categories' order (technical, soft, situational); within one, the order the level lists its targets in.
    std::stable_sort(skills.begin(), skills.end(),
                     [](const Skill* a, const Skill* b) { return a->category < b->category; });
    return skills;
}

AssessmentSession::AssessmentSession(const KnowledgeBase& kb, const Level& level)
    : m_kb(&kb), m_level(&level), m_skills(skills_to_ask(kb, level)), m_answers(m_skills.size()) {
    if (m_skills.empty()) {
        m_state = SessionState::finished;
    }
}

void AssessmentSession::handle(Key key) {
    m_notice = Notice::none;
    switch (m_state) {
    case SessionState::asking:
        handle_asking(key);
        break;
    case SessionState::help:
        m_state = SessionState::asking;
        break;
    case SessionState::confirm_save:
        if (command(key) == 'y') {
            m_file_name.clear();
            m_overwrite = false;
            m_state = SessionState::naming_file;
        } else if (command(key) == 'n') {
            m_state = SessionState::quit;
        } else if (key.kind == KeyKind::escape) {
            m_state = SessionState::asking;
        }
        break;
    case SessionState::naming_file:
        handle_naming(key);
        break;
    case SessionState::confirm_overwrite:
        if (command(key) == 'y') {
            m_overwrite = true;
            m_state = SessionState::saving;
        } else if (command(key) == 'n' || key.kind == KeyKind::escape) {
            m_state = SessionState::naming_file;
        }
        break;
    case SessionState::saving:
    case SessionState::finished:
    case SessionState::saved:
    case SessionState::quit:
        break;
    }
}

void AssessmentSession::handle_asking(Key key) {
    const char c = command(key);
    if (c >= '0' && c <= '0' + k_max_rating) {
        m_selection = c - '0';
        answer_current(SkillRating{m_selection, RatingSource::answered, {}});
    } else if (key.kind == KeyKind::enter) {
        answer_current(SkillRating{m_selection, RatingSource::answered, {}});
    } else if (key.kind == KeyKind::up) {
        m_selection = std::max(m_selection - 1, 0);
    } else if (key.kind == KeyKind::down) {
        m_selection = std::min(m_selection + 1, k_max_rating);
    } else if (key.kind == KeyKind::backspace || c == 'b') {
        go_back();
    } else if (c == 's') {
        answer_current(SkillRating{0, RatingSource::skipped, {}});
    } else if (c == '?') {
        m_state = SessionState::help;
    } else if (c == 'q') {
        m_state = answered() == 0 ? SessionState::quit : SessionState::confirm_save;
    }
}

void AssessmentSession::handle_naming(Key key) {
    m_overwrite = false;
    switch (key.kind) {
    case KeyKind::character:
        if (static_cast<unsigned char>(key.byte) >= 0x20 && key.byte != 0x7f && m_file_name.size() < k_max_file_name) {
            m_file_name += key.byte;
        }
        break;
    case KeyKind::backspace:
        // A whole code point: its continuation bytes, then its lead byte.
        while (!m_file_name.empty() && detail::is_utf8_continuation(m_file_name.back())) {
            m_file_name.pop_back();
        }
        if (!m_file_name.empty()) {
            m_file_name.pop_back();
        }
        break;
    case KeyKind::clear_line:
        m_file_name.clear();
        break;
    case KeyKind::enter:
        if (save_path() == "-") {
            m_notice = Notice::bad_file_name;
        } else {
            m_state = SessionState::saving;
        }
        break;
    case KeyKind::escape:
        m_state = SessionState::asking;
        break;
    case KeyKind::up:
    case KeyKind::down:
    case KeyKind::left:
    case KeyKind::right:
        break;
    }
}

void AssessmentSession::answer_current(SkillRating rating) {
    m_answers.at(m_index) = std::move(rating);
    ++m_index;
    if (m_index == m_skills.size()) {
        m_state = SessionState::finished;
        return;
    }
    const std::optional<SkillRating>& next = m_answers[m_index];
    m_selection = next && next->source == RatingSource::answered ? next->rating : 0;
}

void AssessmentSession::go_back() {
    if (m_index == 0) {
        m_notice = Notice::first_skill;
        return;
    }
    --m_index;
    const std::optional<SkillRating>& previous = m_answers[m_index];
    m_selection = previous && previous->source == RatingSource::answered ? previous->rating : 0;
}

void AssessmentSession::file_exists() {
    if (m_state == SessionState::saving && !m_overwrite) {
        m_state = SessionState::confirm_overwrite;
    }
}

void AssessmentSession::saved() {
    if (m_state == SessionState::saving) {
        m_state = SessionState::saved;
    }
}

void AssessmentSession::save_failed(std::string reason) {
    if (m_state == SessionState::saving) {
        m_state = SessionState::naming_file;
        m_notice = Notice::save_failed;
        m_error = std::move(reason);
        m_overwrite = false;
    }
}

std::size_t AssessmentSession::answered() const {
    return static_cast<std::size_t>(
        std::count_if(m_answers.begin(), m_answers.end(), [](const auto& answer) { return answer.has_value(); }));
}

std::string AssessmentSession::save_path() const {
    return m_file_name.empty() ? std::string(k_default_file) : m_file_name;
}

Answers AssessmentSession::answers() const {
    Answers answers;
    answers.level = m_level->id;
    for (std::size_t i = 0; i < m_skills.size(); ++i) {
        if (m_answers[i]) {
            answers.profile.set(m_skills[i]->id, *m_answers[i]);
        }
    }
    return answers;
}

}  // namespace apigap
