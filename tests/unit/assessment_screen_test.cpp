// Tests of the interactive assessment's screens (src/render/assessment_screen.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "apigap/assessment_screen.hpp"
#include "render/text_layout.hpp"

using apigap::AssessmentSession;
using apigap::Key;
using apigap::KeyKind;
using apigap::KnowledgeBase;
using apigap::ScreenSize;
using apigap::TextStyle;

namespace {

constexpr TextStyle k_plain{false, true};
constexpr TextStyle k_ascii{false, false};
constexpr TextStyle k_color{true, true};

KnowledgeBase screen_kb() {
    KnowledgeBase kb;
    const char* names[] = {"none", "aware", "working", "proficient", "expert"};
    for (int rating = 0; rating <= apigap::k_max_rating; ++rating) {
        kb.scale.push_back(apigap::ScaleEntry{rating, names[rating], "meaning"});
    }
    for (const char* id : {"python", "caching"}) {
        apigap::Skill skill;
        skill.id = id;
        skill.name = std::string(id == std::string("python") ? "Python" : "Caching");
        skill.description = "Writes services in it – with tests.";
        skill.rubric = {"Never used it.", "Followed a tutorial.", "Built a small API.", "Ships it in production.",
                        "Sets the standards for a team and reviews every design that other teams bring forward."};
        kb.skills.push_back(skill);
    }
    apigap::Level mid;
    mid.id = "mid";
    mid.name = "Mid-level API engineer";
    mid.targets = {apigap::Target{"python", 1, 3, 3.0}, apigap::Target{"caching", 1, 2, 1.0}};
    kb.levels.push_back(mid);
    return kb;
}

void press(AssessmentSession& session, std::string_view keys) {
    for (const char c : keys) {
        session.handle(Key::typed(c));
    }
}

std::vector<std::string> rows(const std::string& screen) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < screen.size()) {
        const std::size_t end = screen.find('\n', start);
        out.push_back(screen.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("a question shows the level, the progress, the skill, its description and the rubric", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    const AssessmentSession session(kb, kb.levels[0]);
    CHECK(apigap::render_assessment_screen(session, ScreenSize{60, 20}, k_plain) ==
          "apigap assess: Mid-level API engineer                   1/2\n"
          "Python                                                     \n"
          "\n"
          "Writes services in it – with tests.\n"
          "\n"
          "▶ 0 none: Never used it.\n"
          "  1 aware: Followed a tutorial.\n"
          "  2 working: Built a small API.\n"
          "  3 proficient: Ships it in production.\n"
          "  4 expert: Sets the standards for a team and reviews every\n"
          "    design that other teams bring forward.\n"
          "\n"
          "0-4 rate  ↑↓ move  Enter choose  b back  s skip  ? help\n"
          "q quit\n");
}

TEST_CASE("the highlight follows the selection, and a skill answered before says so", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "3b");
    const std::vector<std::string> shown = rows(apigap::render_assessment_screen(session, ScreenSize{60, 20}, k_plain));
    REQUIRE(shown.size() == 14);
    CHECK(shown[1] == "Python                                           answered 3");
    CHECK(shown[5] == "  0 none: Never used it.");
    CHECK(shown[8] == "▶ 3 proficient: Ships it in production.");
    press(session, "s");
    CHECK(rows(apigap::render_assessment_screen(session, ScreenSize{60, 20}, k_plain))[0].ends_with("2/2"));
    press(session, "b");
    CHECK(rows(apigap::render_assessment_screen(session, ScreenSize{60, 20}, k_plain))[1].ends_with("  skipped"));
}

TEST_CASE("back on the first skill shows a notice above the keys", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    session.handle(Key::of(KeyKind::backspace));
    const std::vector<std::string> shown = rows(apigap::render_assessment_screen(session, ScreenSize{80, 24}, k_plain));
    REQUIRE(shown.size() == 14);
    CHECK(shown[12] == "This is the first skill.");
}

TEST_CASE("a short screen cuts the description, then shows one row per rating", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    CHECK(apigap::render_assessment_screen(session, ScreenSize{40, 10}, k_plain) ==
          "apigap assess: Mid-level API engin… 1/2\n"
          "Python                                 \n"
          "\n"
          "▶ 0 none: Never used it.\n"
          "  1 aware: Followed a tutorial.\n"
          "  2 working: Built a small API.\n"
          "  3 proficient: Ships it in production.\n"
          "  4 expert: Sets the standards for a t…\n"
          "0-4 rate  ↑↓ move  Enter choose  b back\n"
          "s skip  ? help  q quit\n");
}

TEST_CASE("when the rubric does not fit, the highlighted rating keeps every row", "[screen]") {
    KnowledgeBase kb = screen_kb();
    kb.skills[0].rubric[3] = "Ships it in production and keeps it running.";
    AssessmentSession session(kb, kb.levels[0]);
    for (int i = 0; i < 4; ++i) {
        session.handle(Key::of(KeyKind::down));
    }
    CHECK(apigap::render_assessment_screen(session, ScreenSize{40, 11}, k_plain) ==
          "apigap assess: Mid-level API engin… 1/2\n"
          "Python                                 \n"
          "  0 none: Never used it.\n"
          "  1 aware: Followed a tutorial.\n"
          "  2 working: Built a small API.\n"
          "  3 proficient: Ships it in production…\n"
          "▶ 4 expert: Sets the standards for a\n"
          "    team and reviews every design that\n"
          "    other teams bring forward.\n"
          "0-4 rate  ↑↓ move  Enter choose  b back\n"
          "s skip  ? help  q quit\n");
    // One row more, and every rating is whole.
    const std::vector<std::string> shown = rows(apigap::render_assessment_screen(session, ScreenSize{40, 12}, k_plain));
    REQUIRE(shown.size() == 12);
    CHECK(shown[5] == "  3 proficient: Ships it in production");
    CHECK(shown[6] == "    and keeps it running.");
}

TEST_CASE("the description gets the rows the rubric leaves, ending in an ellipsis when cut", "[screen]") {
    KnowledgeBase kb = screen_kb();
    kb.skills[0].description = "one two three four five six seven eight nine ten eleven twelve thirteen";
    const AssessmentSession session(kb, kb.levels[0]);
    const std::vector<std::string> shown = rows(apigap::render_assessment_screen(session, ScreenSize{40, 16}, k_plain));
    REQUIRE(shown.size() == 16);
    CHECK(shown[2].empty());
    CHECK(shown[3] == "one two three four five six seven eight");
    CHECK(shown[4] == "nine ten eleven twelve thirteen");
    CHECK(shown[5].empty());
    const std::vector<std::string> short_screen =
        rows(apigap::render_assessment_screen(session, ScreenSize{40, 15}, k_plain));
    REQUIRE(short_screen.size() == 15);
    CHECK(short_screen[3] == "one two three four five six seven eigh…");
    CHECK(short_screen[4].empty());
    CHECK(short_screen[5] == "▶ 0 none: Never used it.");
}

TEST_CASE("no row is wider than the terminal's width less one, nor more rows than its height", "[screen]") {
    const KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::Level& level = *kb.find_level("senior");
    for (const std::string_view keys : {"", "?", "12q", "12qy", "12qymy-answers.yaml", "1234"}) {
        AssessmentSession session(kb, level);
        press(session, keys);
        for (const std::size_t width : {1UL, 20UL, 39UL, 40UL, 41UL, 57UL, 80UL, 132UL}) {
            for (const std::size_t height : {1UL, 5UL, 9UL, 10UL, 11UL, 16UL, 24UL, 50UL}) {
                for (const TextStyle& style : {k_plain, k_ascii}) {
                    const std::vector<std::string> shown =
                        rows(apigap::render_assessment_screen(session, ScreenSize{width, height}, style));
                    INFO("keys '" << keys << "' at " << width << "x" << height);
                    CHECK(shown.size() <= height);
                    for (const std::string& row : shown) {
                        CHECK(apigap::render_detail::display_width(row) <= std::max<std::size_t>(width - 1, 1));
                    }
                }
            }
        }
    }
}

TEST_CASE("below 40x10 the screen says the terminal is too small", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    const AssessmentSession session(kb, kb.levels[0]);
    CHECK(apigap::render_assessment_screen(session, ScreenSize{20, 5}, k_plain) ==
          "terminal too small\n(need at least\n40×10)\n");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{80, 9}, k_plain) ==
          "terminal too small (need at least 40×10)\n");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{39, 24}, k_ascii) ==
          "terminal too small (need at least\n40x10)\n");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{20, 2}, k_plain) ==
          "terminal too small\n(need at least\n");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{1, 1}, k_plain) == "t\n");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{0, 0}, k_plain).empty());
}

TEST_CASE("the help screen lists every key and the rating scale", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "?");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{60, 24}, k_plain) ==
          "apigap assess: help                                     1/2\n"
          "\n"
          "Rate each skill by what you have done, not by what you have\n"
          "read about: 0 none, 1 aware, 2 working, 3 proficient, 4\n"
          "expert. The rubric says what each rating means for the\n"
          "skill.\n"
          "\n"
          "  0-4           rate the skill and go to the next one\n"
          "  ↑ ↓           move the highlight\n"
          "  Enter         choose the highlighted rating\n"
          "  Backspace, b  go back to the previous skill\n"
          "  s             skip the skill (it counts as 0)\n"
          "  ?             show this help\n"
          "  q             quit, and choose whether to save the\n"
          "                answers so far\n"
          "  Ctrl-C        stop at once; nothing is saved\n"
          "\n"
          "Any key goes back to the question.\n");
}

TEST_CASE("q asks whether to save, with how many skills are answered", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "3q");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{60, 24}, k_plain) ==
          "apigap assess: Mid-level API engineer                   2/2\n"
          "\n"
          "Save the answers so far? (y/n)\n"
          "1 of 2 skills answered. 'apigap assess --answers FILE'\n"
          "reads the file back and prints the report.\n"
          "\n"
          "y save  n quit without saving  Esc back to the questions\n");
}

TEST_CASE("the file name prompt offers the default and shows what is typed", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "3qy");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{60, 24}, k_plain) ==
          "apigap assess: Mid-level API engineer                   2/2\n"
          "\n"
          "Save to (Enter for apigap-answers.yaml):\n"
          "_\n"
          "\n"
          "Enter save  Backspace erase  Ctrl-U clear\n"
          "Esc back to the questions\n");
    press(session, "-");
    session.handle(Key::of(KeyKind::enter));
    const std::vector<std::string> shown = rows(apigap::render_assessment_screen(session, ScreenSize{60, 24}, k_plain));
    CHECK(shown[3] == "-_");
    CHECK(shown[5] == "'-' is standard output; type a file name.");
}

TEST_CASE("a long file name keeps its end on one row", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "3qy");
    press(session, "a-very-long-directory-name/and-an-even-longer-file-name.yaml");
    const std::vector<std::string> shown = rows(apigap::render_assessment_screen(session, ScreenSize{40, 24}, k_plain));
    CHECK(shown[2] == "Save to (Enter for");
    CHECK(shown[3] == "apigap-answers.yaml):");
    CHECK(shown[4] == "name/and-an-even-longer-file-name.yaml_");
}

TEST_CASE("an existing file and a failed save are explained", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "3qyold.yaml");
    session.handle(Key::of(KeyKind::enter));
    session.file_exists();
    CHECK(apigap::render_assessment_screen(session, ScreenSize{60, 24}, k_plain) ==
          "apigap assess: Mid-level API engineer                   2/2\n"
          "\n"
          "old.yaml exists. Overwrite it? (y/n)\n"
          "\n"
          "y overwrite  n choose another name\n");
    press(session, "y");
    session.save_failed("old.yaml: cannot write: Permission denied");
    const std::vector<std::string> shown = rows(apigap::render_assessment_screen(session, ScreenSize{60, 24}, k_plain));
    REQUIRE(shown.size() == 8);
    CHECK(shown[3] == "old.yaml_");
    CHECK(shown[5] == "Could not save: old.yaml: cannot write: Permission denied");
}

TEST_CASE("colour only when the style has it", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    const AssessmentSession session(kb, kb.levels[0]);
    const std::string plain = apigap::render_assessment_screen(session, ScreenSize{80, 24}, k_plain);
    CHECK(plain.find('\x1b') == std::string::npos);
    const std::vector<std::string> colored =
        rows(apigap::render_assessment_screen(session, ScreenSize{80, 24}, k_color));
    CHECK(colored[0].starts_with("\x1b[1mapigap assess: Mid-level API engineer\x1b[0m"));
    CHECK(colored[0].ends_with("\x1b[2m1/2\x1b[0m"));
    CHECK(colored[5] == "\x1b[36m▶\x1b[0m 0 \x1b[1mnone: Never used it.\x1b[0m");
    CHECK(colored[6] == "  1 aware: Followed a tutorial.");
}

TEST_CASE("without a UTF-8 locale the screen is plain ASCII", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    const std::string ascii = apigap::render_assessment_screen(session, ScreenSize{80, 24}, k_ascii);
    CHECK(std::all_of(ascii.begin(), ascii.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    const std::vector<std::string> shown = rows(ascii);
    CHECK(shown[3] == "Writes services in it - with tests.");
    CHECK(shown[5] == "> 0 none: Never used it.");
    CHECK(shown[12] == "0-4 rate  Up/Down move  Enter choose  b back  s skip  ? help  q quit");
    press(session, "?");
    const std::string help = apigap::render_assessment_screen(session, ScreenSize{80, 24}, k_ascii);
    CHECK(help.find("  Up, Down      move the highlight\n") != std::string::npos);
}

TEST_CASE("a finished or ended session draws nothing", "[screen]") {
    const KnowledgeBase kb = screen_kb();
    AssessmentSession session(kb, kb.levels[0]);
    press(session, "12");
    CHECK(apigap::render_assessment_screen(session, ScreenSize{80, 24}, k_plain).empty());
}
