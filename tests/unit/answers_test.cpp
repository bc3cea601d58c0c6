// Tests of reading self-assessment answers and `--rate` flags (src/core/answers.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "apigap/answers.hpp"
#include "test_support.hpp"

using apigap::Answers;
using apigap::KnowledgeBase;
using apigap::parse_answers;
using apigap::Profile;
using apigap::RatingSource;

namespace {

KnowledgeBase small_kb() {
    KnowledgeBase kb;
    for (const char* id : {"python", "java", "go", "api-security", "communication"}) {
        apigap::Skill skill;
        skill.id = id;
        skill.name = id;
        kb.skills.push_back(skill);
    }
    for (const char* id : {"entry", "mid", "senior"}) {
        apigap::Level level;
        level.id = id;
        kb.levels.push_back(level);
    }
    return kb;
}

std::string answers_error(std::string_view text, std::string_view source = "a.yaml") {
    return apigap::test::error_of([&] { (void)parse_answers(text, source, small_kb()); });
}

std::string flag_error(std::string_view flag) {
    Profile profile;
    return apigap::test::error_of([&] { apigap::apply_rating_flag(flag, small_kb(), profile); });
}

}  // namespace

TEST_CASE("a YAML answers file gives the level and the ratings", "[answers]") {
    const Answers answers =
        parse_answers("level: mid\nratings:\n  python: 3\n  go: 0\n  communication: 4\n", "a.yaml", small_kb());
    REQUIRE(answers.level.has_value());
    CHECK(*answers.level == "mid");
    CHECK(answers.profile.rating("python") == 3);
    CHECK(answers.profile.rating("go") == 0);
    CHECK(answers.profile.rating("communication") == 4);
    CHECK(answers.profile.rating("java") == 0);
    CHECK(answers.profile.ratings().size() == 3);
    CHECK(answers.profile.ratings().at("python").source == RatingSource::answered);
    CHECK(answers.profile.ratings().count("java") == 0);
}

TEST_CASE("the level is optional", "[answers]") {
    const Answers answers = parse_answers("ratings:\n  java: 2\n", "a.yaml", small_kb());
    CHECK_FALSE(answers.level.has_value());
    CHECK(answers.profile.rating("java") == 2);
}

TEST_CASE("a JSON answers file reads like YAML", "[answers][json]") {
    const Answers answers = parse_answers(
        "{\n\t\"level\": \"senior\",\n\t\"ratings\": {\"python\": 2, \"api-security\": 1, \"java\": null}\n}\n",
        "a.json", small_kb());
    REQUIRE(answers.level.has_value());
    CHECK(*answers.level == "senior");
    CHECK(answers.profile.rating("python") == 2);
    CHECK(answers.profile.rating("api-security") == 1);
    CHECK(answers.profile.ratings().at("java").source == RatingSource::skipped);
}

TEST_CASE("a null rating is a skipped skill that scores 0", "[answers]") {
    const Answers answers =
        parse_answers("ratings:\n  python: ~\n  java: null\n  go:\n  communication: 2\n", "a.yaml", small_kb());
    for (const char* id : {"python", "java", "go"}) {
        CAPTURE(id);
        REQUIRE(answers.profile.ratings().count(id) == 1);
        CHECK(answers.profile.ratings().at(id).source == RatingSource::skipped);
        CHECK(answers.profile.rating(id) == 0);
    }
    CHECK(answers.profile.ratings().at("communication").source == RatingSource::answered);
}

TEST_CASE("an unknown skill is an error that suggests the nearest one", "[answers][error]") {
    CHECK(answers_error("ratings:\n  pyhton: 3\n") == "a.yaml:2:3: unknown skill 'pyhton' (did you mean 'python'?)");
    CHECK(answers_error("ratings:\n  python: 3\n  jav: 1\n") ==
          "a.yaml:3:3: unknown skill 'jav' (did you mean 'java'?)");
    CHECK(answers_error("ratings:\n  kubernetes: 3\n") ==
          "a.yaml:2:3: unknown skill 'kubernetes'; `apigap kb list` shows the skills");
}

TEST_CASE("a rating outside 0-4 is an error at the rating", "[answers][error]") {
    CHECK(answers_error("ratings:\n  python: 7\n") == "a.yaml:2:11: expected an integer from 0 to 4, got 7");
    CHECK(answers_error("ratings:\n  python: -1\n") == "a.yaml:2:11: expected an integer from 0 to 4, got -1");
    CHECK(answers_error("{\"ratings\": {\"go\": 5}}", "a.json") ==
          "a.json:1:20: expected an integer from 0 to 4, got 5");
}

TEST_CASE("a rating that is not an integer is an error", "[answers][error]") {
    CHECK(answers_error("ratings:\n  python: \"3\"\n") ==
          "a.yaml:2:11: expected an integer from 0 to 4, got the string \"3\"");
    CHECK(answers_error("ratings:\n  python: 2.5\n") == "a.yaml:2:11: expected an integer from 0 to 4, got '2.5'");
    CHECK(answers_error("ratings:\n  python: high\n") == "a.yaml:2:11: expected an integer from 0 to 4, got 'high'");
    CHECK(answers_error("ratings:\n  python: [3]\n") == "a.yaml:2:11: expected an integer from 0 to 4, got a list");
}

TEST_CASE("an unknown top-level key is an error with a suggestion", "[answers][error]") {
    CHECK(answers_error("rating:\n  python: 3\n") ==
          "a.yaml:1:1: unknown key 'rating' in the answers (did you mean 'ratings'?)");
    CHECK(answers_error("levle: mid\nratings: {}\n") ==
          "a.yaml:1:1: unknown key 'levle' in the answers (did you mean 'level'?)");
    CHECK(answers_error("ratings: {}\nname: Ada\n") == "a.yaml:2:1: unknown key 'name' in the answers");
}

TEST_CASE("an unknown level is an error", "[answers][error]") {
    CHECK(answers_error("level: staff\nratings:\n  python: 1\n") == "a.yaml:1:8: unknown level 'staff'");
    CHECK(answers_error("level: [mid]\nratings:\n  python: 1\n") == "a.yaml:1:8: expected a string, got a list");
}

TEST_CASE("an empty answers file is an error that says what to write", "[answers][error]") {
    const std::string expected = "a.yaml:1:1: the answers file is empty; expected 'ratings:' with one rating per skill";
    CHECK(answers_error("") == expected);
    CHECK(answers_error("# nothing yet\n") == expected);
}

TEST_CASE("answers without ratings, or with ratings that are not a mapping, are errors", "[answers][error]") {
    CHECK(answers_error("level: mid\n") == "a.yaml:1:1: missing 'ratings' in the answers");
    CHECK(answers_error("ratings: [python, go]\n") ==
          "a.yaml:1:10: expected a mapping of skill ids to ratings 0-4, got a list");
    CHECK(answers_error("- python: 3\n") == "a.yaml:1:1: expected a mapping for the answers, got a list");
}

TEST_CASE("answers with a duplicate skill are refused", "[answers][error]") {
    CHECK(answers_error("ratings:\n  python: 3\n  python: 1\n") ==
          "a.yaml:3:3: duplicate key 'python' (first defined at 2:3)");
}

TEST_CASE("skill and level ids are read in any case, as the lowercase ids they are", "[answers]") {
    const Answers answers = parse_answers("level: Senior\nratings:\n  PYTHON: 3\n  Go: ~\n", "a.yaml", small_kb());
    CHECK(answers.level == "senior");
    CHECK(answers.profile.rating("python") == 3);
    CHECK(answers.profile.ratings().at("go").source == RatingSource::skipped);
    CHECK(answers_error("ratings:\n  Pyhton: 3\n") == "a.yaml:2:3: unknown skill 'Pyhton' (did you mean 'python'?)");
}

TEST_CASE("a skill rated twice under two spellings is refused at the second", "[answers][error]") {
    CHECK(answers_error("ratings:\n  python: 3\n  Python: 1\n") ==
          "a.yaml:3:3: 'Python' rates skill 'python' again (first rated as 'python' at 2:3)");
}

TEST_CASE("the first of several problems is the one reported", "[answers][error]") {
    CHECK(answers_error("level: staff\nratings:\n  python: 9\n  pyhton: 1\n") == "a.yaml:1:8: unknown level 'staff'");
}

TEST_CASE("apply_rating_flag sets a flag rating", "[answers][flag]") {
    Profile profile;
    apigap::apply_rating_flag("python=3", small_kb(), profile);
    apigap::apply_rating_flag("api-security=0", small_kb(), profile);
    CHECK(profile.rating("python") == 3);
    CHECK(profile.ratings().at("python").source == RatingSource::flag);
    CHECK(profile.rating("api-security") == 0);
    CHECK(profile.ratings().at("api-security").source == RatingSource::flag);
}

TEST_CASE("a flag replaces an answered or skipped rating", "[answers][flag]") {
    Answers answers = parse_answers("ratings:\n  python: 1\n  go: ~\n", "a.yaml", small_kb());
    apigap::apply_rating_flag("python=4", small_kb(), answers.profile);
    apigap::apply_rating_flag("go=2", small_kb(), answers.profile);
    CHECK(answers.profile.rating("python") == 4);
    CHECK(answers.profile.rating("go") == 2);
    CHECK(answers.profile.ratings().at("go").source == RatingSource::flag);
}

TEST_CASE("a flag's skill id is read in any case", "[answers][flag]") {
    Profile profile;
    apigap::apply_rating_flag("PYTHON=3", small_kb(), profile);
    apigap::apply_rating_flag("Api-Security=1", small_kb(), profile);
    CHECK(profile.rating("python") == 3);
    CHECK(profile.rating("api-security") == 1);
    CHECK(profile.ratings().size() == 2);
    CHECK(flag_error("PYHTON=3") == "--rate: unknown skill 'PYHTON' (did you mean 'python'?)");
}

TEST_CASE("a flag without '=' is an error that shows the form", "[answers][flag][error]") {
    CHECK(flag_error("python3") == "--rate expects ID=N (for example python=3), got 'python3'");
    CHECK(flag_error("") == "--rate expects ID=N (for example python=3), got ''");
}

TEST_CASE("a flag rating that is not a number from 0 to 4 is an error", "[answers][flag][error]") {
    CHECK(flag_error("python=x") == "--rate python: expected a rating 0-4, got 'x'");
    CHECK(flag_error("python=") == "--rate python: expected a rating 0-4, got ''");
    CHECK(flag_error("python=3x") == "--rate python: expected a rating 0-4, got '3x'");
    CHECK(flag_error("python=2.5") == "--rate python: expected a rating 0-4, got '2.5'");
    CHECK(flag_error("python= 3") == "--rate python: expected a rating 0-4, got ' 3'");
    CHECK(flag_error("python=5") == "--rate python: expected a rating 0-4, got '5'");
    CHECK(flag_error("python=-1") == "--rate python: expected a rating 0-4, got '-1'");
    CHECK(flag_error("python=99999999999") == "--rate python: expected a rating 0-4, got '99999999999'");
    CHECK(flag_error("python=3=4") == "--rate python: expected a rating 0-4, got '3=4'");
}

TEST_CASE("a flag for an unknown skill is an error with a suggestion", "[answers][flag][error]") {
    CHECK(flag_error("pyhton=3") == "--rate: unknown skill 'pyhton' (did you mean 'python'?)");
    CHECK(flag_error("kubernetes=3") == "--rate: unknown skill 'kubernetes'; `apigap kb list` shows the skills");
}

TEST_CASE("flag errors are usage errors and leave the profile alone", "[answers][flag][error]") {
    Profile profile;
    apigap::apply_rating_flag("python=2", small_kb(), profile);
    try {
        apigap::apply_rating_flag("python=9", small_kb(), profile);
        FAIL("no error for python=9");
    } catch (const apigap::Error& error) {
        CHECK(error.code() == apigap::ExitCode::usage);
        CHECK(error.diagnostic().location.source.empty());
    }
    CHECK(profile.rating("python") == 2);
}

TEST_CASE("answers read against the shipped knowledge base", "[answers][shipped]") {
    const KnowledgeBase kb = apigap::load_knowledge_base();
    REQUIRE(kb.find_skill("python") != nullptr);
    const Answers answers = parse_answers("level: senior\nratings:\n  python: 4\n", "a.yaml", kb);
    CHECK(answers.profile.rating("python") == 4);
    CHECK(apigap::test::error_of([&] { (void)parse_answers("ratings:\n  pyhton: 3\n", "a.yaml", kb); }) ==
          "a.yaml:2:3: unknown skill 'pyhton' (did you mean 'python'?)");
}
