// Tests of the interactive assessment's state machine (src/core/assessment_session.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "apigap/assessment_session.hpp"

using apigap::AssessmentSession;
using apigap::Key;
using apigap::KeyKind;
using apigap::KnowledgeBase;
using apigap::Notice;
using apigap::RatingSource;
using apigap::SessionState;

namespace {

/// Skills in knowledge-base order `zeta, python, alpha, go, unused`; the
/// `langs` group holds `go` and `python`; level `mid` targets `zeta`,
/// `python`, `alpha` and the group, level `none` targets nothing.
KnowledgeBase session_kb() {
    KnowledgeBase kb;
    for (const char* id : {"zeta", "python", "alpha", "go", "unused"}) {
        apigap::Skill skill;
        skill.id = id;
        skill.name = std::string("Skill ") + id;
        kb.skills.push_back(skill);
    }
    kb.groups.push_back(apigap::Group{"langs", "Languages", {"go", "python"}});
    apigap::Level mid;
    mid.id = "mid";
    mid.targets = {apigap::Target{"zeta", 1, 2, 1.0}, apigap::Target{"python", 1, 1, 1.0},
                   apigap::Target{"alpha", 1, 3, 2.0}, apigap::Target{"langs", 1, 3, 3.0},
                   apigap::Target{"langs", 2, 2, 1.0}};
    apigap::Level none;
    none.id = "none";
    kb.levels = {mid, none};
    return kb;
}

std::vector<std::string> ids(const std::vector<const apigap::Skill*>& skills) {
    std::vector<std::string> out;
    for (const apigap::Skill* skill : skills) {
        out.push_back(skill->id);
    }
    return out;
}

Key typed(char c) {
    return Key::typed(c);
}

Key key(KeyKind kind) {
    return Key::of(kind);
}

void press(AssessmentSession& session, std::string_view keys) {
    for (const char c : keys) {
        session.handle(typed(c));
    }
}

/// The answer of the `index`-th skill as text: `3`, `skipped` or `none`.
std::string answer(const AssessmentSession& session, std::size_t index) {
    const auto& given = session.answer(index);
    if (!given) {
        return "none";
    }
    return given->source == RatingSource::skipped ? "skipped" : std::to_string(given->rating);
}

}  // namespace

TEST_CASE("the skills asked are those the level scores, group members included, in the level's order", "[session]") {
    const KnowledgeBase kb = session_kb();
    // zeta, python, alpha, then the group's go (its python is asked already).
    CHECK(ids(apigap::skills_to_ask(kb, kb.levels[0])) == std::vector<std::string>{"zeta", "python", "alpha", "go"});
    CHECK(apigap::skills_to_ask(kb, kb.levels[1]).empty());
}

TEST_CASE("technical skills are asked first, then soft, then situational", "[session]") {
    KnowledgeBase kb = session_kb();
    kb.skills[2].category = apigap::SkillCategory::situational;  // alpha
    kb.skills[0].category = apigap::SkillCategory::soft;         // zeta
    CHECK(ids(apigap::skills_to_ask(kb, kb.levels[0])) == std::vector<std::string>{"python", "go", "zeta", "alpha"});
}

TEST_CASE("a session starts on the first skill with rating 0 highlighted", "[session]") {
    const KnowledgeBase kb = session_kb();
    const AssessmentSession session(kb, kb.levels[0]);
    CHECK(session.state() == SessionState::asking);
    CHECK(session.index() == 0);
    CHECK(session.current().id == "zeta");
    CHECK(session.selection() == 0);
    CHECK(session.answered() == 0);
    CHECK(session.notice() == Notice::none);
    CHECK(&session.level() == &kb.levels[0]);
}

TEST_CASE("a level with nothing to ask is finished at once", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[1]);
    CHECK(session.state() == SessionState::finished);
    session.handle(typed('3'));
    CHECK(session.state() == SessionState::finished);
    CHECK(session.answers().profile.ratings().empty());
}

TEST_CASE("each digit 0 to 4 rates the skill and goes to the next", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "4");
    CHECK(session.index() == 1);
    CHECK(answer(session, 0) == "4");
    press(session, "0");
    CHECK(answer(session, 1) == "0");
    press(session, "2");
    CHECK(answer(session, 2) == "2");
    CHECK(session.state() == SessionState::asking);
    press(session, "1");
    CHECK(answer(session, 3) == "1");
    CHECK(session.state() == SessionState::finished);
    CHECK(session.index() == 4);
    const apigap::Answers answers = session.answers();
    REQUIRE(answers.level.has_value());
    CHECK(*answers.level == "mid");
    CHECK(answers.profile.rating("zeta") == 4);
    CHECK(answers.profile.rating("python") == 0);
    CHECK(answers.profile.rating("alpha") == 2);
    CHECK(answers.profile.rating("go") == 1);
    CHECK(answers.profile.ratings().at("go").source == RatingSource::answered);
    CHECK(answers.profile.ratings().size() == 4);
}

TEST_CASE("digits above the scale, letters that are no command and other keys change nothing", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "59xyn-");
    session.handle(key(KeyKind::left));
    session.handle(key(KeyKind::right));
    session.handle(key(KeyKind::escape));
    session.handle(key(KeyKind::clear_line));
    CHECK(session.state() == SessionState::asking);
    CHECK(session.index() == 0);
    CHECK(session.selection() == 0);
    CHECK(session.answered() == 0);
}

TEST_CASE("the arrows move the highlight within 0 to 4 and Enter chooses it", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    session.handle(key(KeyKind::up));
    CHECK(session.selection() == 0);
    for (int i = 0; i < 6; ++i) {
        session.handle(key(KeyKind::down));
    }
    CHECK(session.selection() == 4);
    session.handle(key(KeyKind::up));
    CHECK(session.selection() == 3);
    CHECK(session.answered() == 0);
    session.handle(key(KeyKind::enter));
    CHECK(answer(session, 0) == "3");
    CHECK(session.index() == 1);
    CHECK(session.selection() == 0);
    session.handle(key(KeyKind::enter));
    CHECK(answer(session, 1) == "0");
}

TEST_CASE("s skips a skill: it is answered as skipped and scores 0", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "s");
    CHECK(answer(session, 0) == "skipped");
    CHECK(session.index() == 1);
    CHECK(session.answered() == 1);
    const apigap::Answers answers = session.answers();
    CHECK(answers.profile.ratings().at("zeta").source == RatingSource::skipped);
    CHECK(answers.profile.rating("zeta") == 0);
}

TEST_CASE("skipping the last skill finishes the assessment", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "123s");
    CHECK(session.state() == SessionState::finished);
    CHECK(answer(session, 3) == "skipped");
}

TEST_CASE("Backspace and b go back one skill, highlighting the answer given there", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "31");
    CHECK(session.index() == 2);
    session.handle(key(KeyKind::backspace));
    CHECK(session.index() == 1);
    CHECK(session.selection() == 1);
    press(session, "b");
    CHECK(session.index() == 0);
    CHECK(session.selection() == 3);
    CHECK(session.answered() == 2);
    press(session, "B");
    CHECK(session.notice() == Notice::first_skill);
    CHECK(session.index() == 0);
}

TEST_CASE("back on the first skill stays there with a notice that the next key clears", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    session.handle(key(KeyKind::backspace));
    CHECK(session.state() == SessionState::asking);
    CHECK(session.index() == 0);
    CHECK(session.notice() == Notice::first_skill);
    session.handle(key(KeyKind::down));
    CHECK(session.notice() == Notice::none);
    CHECK(session.selection() == 1);
}

TEST_CASE("re-answering after going back keeps the new value and the later answers", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "312");
    press(session, "bb");
    CHECK(session.index() == 1);
    press(session, "4");
    CHECK(session.index() == 2);
    CHECK(session.selection() == 2);  // the answer given before
    CHECK(answer(session, 1) == "4");
    CHECK(answer(session, 2) == "2");
    session.handle(key(KeyKind::enter));
    press(session, "0");
    CHECK(session.state() == SessionState::finished);
    CHECK(session.answers().profile.rating("python") == 4);
    CHECK(session.answers().profile.rating("alpha") == 2);
}

TEST_CASE("going back to a skipped skill highlights 0 and a rating replaces the skip", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "sb");
    CHECK(session.selection() == 0);
    CHECK(answer(session, 0) == "skipped");
    press(session, "3");
    CHECK(answer(session, 0) == "3");
}

TEST_CASE("? shows the help and any key goes back to the same question", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "2");
    session.handle(key(KeyKind::down));
    press(session, "?");
    CHECK(session.state() == SessionState::help);
    press(session, "3");  // closes the help, does not answer
    CHECK(session.state() == SessionState::asking);
    CHECK(session.index() == 1);
    CHECK(session.selection() == 1);
    CHECK(answer(session, 1) == "none");
    press(session, "??");
    CHECK(session.state() == SessionState::asking);
}

TEST_CASE("q with nothing answered quits at once without offering to save", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "q");
    CHECK(session.state() == SessionState::quit);
    press(session, "3");
    CHECK(session.state() == SessionState::quit);
    CHECK(session.answered() == 0);
}

TEST_CASE("q after an answer asks whether to save: n quits and Esc goes back", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "2Q");
    CHECK(session.state() == SessionState::confirm_save);
    press(session, "x3");
    session.handle(key(KeyKind::enter));
    CHECK(session.state() == SessionState::confirm_save);
    session.handle(key(KeyKind::escape));
    CHECK(session.state() == SessionState::asking);
    CHECK(session.index() == 1);
    press(session, "qN");
    CHECK(session.state() == SessionState::quit);
    CHECK(session.answered() == 1);
}

TEST_CASE("saving: y, Enter saves to the default file", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "2sqy");
    CHECK(session.state() == SessionState::naming_file);
    CHECK(session.file_name().empty());
    CHECK(session.save_path() == "apigap-answers.yaml");
    session.handle(key(KeyKind::enter));
    CHECK(session.state() == SessionState::saving);
    press(session, "3");
    CHECK(session.state() == SessionState::saving);
    session.saved();
    CHECK(session.state() == SessionState::saved);
    const apigap::Answers answers = session.answers();
    CHECK(answers.profile.rating("zeta") == 2);
    CHECK(answers.profile.ratings().at("python").source == RatingSource::skipped);
    CHECK(answers.profile.ratings().size() == 2);
}

TEST_CASE("the file name is typed byte by byte: Backspace erases a whole character and Ctrl-U all", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "1qy");
    press(session, "b s?q0.yaml");
    CHECK(session.file_name() == "b s?q0.yaml");
    CHECK(session.save_path() == "b s?q0.yaml");
    session.handle(key(KeyKind::clear_line));
    CHECK(session.file_name().empty());
    press(session, "r\xc3\xa9");  // "ré"
    session.handle(key(KeyKind::backspace));
    CHECK(session.file_name() == "r");
    session.handle(key(KeyKind::backspace));
    session.handle(key(KeyKind::backspace));
    CHECK(session.file_name().empty());
    session.handle(typed('\x01'));
    session.handle(typed('\x7f'));
    session.handle(key(KeyKind::up));
    CHECK(session.file_name().empty());
    CHECK(session.state() == SessionState::naming_file);
}

TEST_CASE("'-' is refused as a file name with a notice", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "1qy-");
    session.handle(key(KeyKind::enter));
    CHECK(session.state() == SessionState::naming_file);
    CHECK(session.notice() == Notice::bad_file_name);
}

TEST_CASE("Esc while naming the file goes back to the questions", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "1qyabc");
    session.handle(key(KeyKind::escape));
    CHECK(session.state() == SessionState::asking);
    CHECK(session.index() == 1);
    press(session, "qy");
    CHECK(session.file_name().empty());
}

TEST_CASE("an existing file is overwritten only after y: n goes back to naming it", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "1qyold.yaml");
    session.handle(key(KeyKind::enter));
    session.file_exists();
    CHECK(session.state() == SessionState::confirm_overwrite);
    press(session, "x");
    CHECK(session.state() == SessionState::confirm_overwrite);
    press(session, "n");
    CHECK(session.state() == SessionState::naming_file);
    CHECK(session.file_name() == "old.yaml");
    session.handle(key(KeyKind::enter));
    session.file_exists();
    session.handle(key(KeyKind::escape));
    CHECK(session.state() == SessionState::naming_file);
    session.handle(key(KeyKind::enter));
    session.file_exists();
    CHECK_FALSE(session.overwrite_confirmed());
    press(session, "y");
    CHECK(session.state() == SessionState::saving);
    CHECK(session.overwrite_confirmed());
    session.file_exists();  // already confirmed: nothing to ask
    CHECK(session.state() == SessionState::saving);
    session.saved();
    CHECK(session.state() == SessionState::saved);
}

TEST_CASE("a failed save goes back to naming the file and shows why", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "1qynope/a.yaml");
    session.handle(key(KeyKind::enter));
    session.save_failed("nope/a.yaml: cannot write: No such file or directory");
    CHECK(session.state() == SessionState::naming_file);
    CHECK(session.notice() == Notice::save_failed);
    CHECK(session.error() == "nope/a.yaml: cannot write: No such file or directory");
    CHECK(session.file_name() == "nope/a.yaml");
    session.handle(key(KeyKind::clear_line));
    CHECK(session.notice() == Notice::none);
}

TEST_CASE("the save callbacks do nothing outside the saving state", "[session]") {
    const KnowledgeBase kb = session_kb();
    AssessmentSession session(kb, kb.levels[0]);
    session.saved();
    session.file_exists();
    session.save_failed("x");
    CHECK(session.state() == SessionState::asking);
    CHECK(session.notice() == Notice::none);
    CHECK(session.error().empty());
}
