// Tests of writing answers back as YAML (src/core/answers_writer.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "apigap/answers.hpp"

using apigap::Answers;
using apigap::KnowledgeBase;
using apigap::RatingSource;
using apigap::SkillRating;

namespace {

KnowledgeBase writer_kb() {
    KnowledgeBase kb;
    for (const char* id : {"zeta", "python", "alpha"}) {
        apigap::Skill skill;
        skill.id = id;
        skill.name = id;
        kb.skills.push_back(skill);
    }
    for (const char* id : {"mid", "null"}) {
        apigap::Level level;
        level.id = id;
        kb.levels.push_back(level);
    }
    return kb;
}

constexpr std::string_view k_header =
    "# Self-assessment answers: a rating 0-4 per skill ('apigap kb show ID' explains each), null when\n"
    "# skipped. 'apigap assess --answers FILE' reads them.\n";

}  // namespace

TEST_CASE("answers are written with the level, in knowledge-base order, null for a skip", "[answers][writer]") {
    const KnowledgeBase kb = writer_kb();
    Answers answers;
    answers.level = "mid";
    answers.profile.set("alpha", SkillRating{4, RatingSource::answered, {}});
    answers.profile.set("python", SkillRating{0, RatingSource::skipped, {}});
    answers.profile.set("zeta", SkillRating{2, RatingSource::flag, {}});
    CHECK(apigap::format_answers(answers, kb) ==
          std::string(k_header) + "level: \"mid\"\nratings:\n  zeta: 2\n  python: null\n  alpha: 4\n");
}

TEST_CASE("written answers read back as the same answers", "[answers][writer]") {
    const KnowledgeBase kb = writer_kb();
    Answers answers;
    answers.level = "null";  // a valid level id that plain YAML would read as null
    answers.profile.set("python", SkillRating{3, RatingSource::answered, {}});
    answers.profile.set("zeta", SkillRating{0, RatingSource::skipped, {}});
    answers.profile.set("alpha", SkillRating{0, RatingSource::answered, {}});
    const Answers again = apigap::parse_answers(apigap::format_answers(answers, kb), "saved.yaml", kb);
    REQUIRE(again.level.has_value());
    CHECK(*again.level == "null");
    REQUIRE(again.profile.ratings().size() == 3);
    for (const auto& [id, rating] : answers.profile.ratings()) {
        INFO(id);
        CHECK(again.profile.ratings().at(id).rating == rating.rating);
        CHECK(again.profile.ratings().at(id).source == rating.source);
    }
}

TEST_CASE("answers without a level or ratings still make a valid file", "[answers][writer]") {
    const KnowledgeBase kb = writer_kb();
    const std::string text = apigap::format_answers(Answers{}, kb);
    CHECK(text == std::string(k_header) + "ratings:\n  {}\n");
    const Answers again = apigap::parse_answers(text, "saved.yaml", kb);
    CHECK_FALSE(again.level.has_value());
    CHECK(again.profile.ratings().empty());
}

TEST_CASE("a rating for a skill the knowledge base lacks is written last, not dropped", "[answers][writer]") {
    Answers answers;
    answers.profile.set("gone", SkillRating{1, RatingSource::answered, {}});
    answers.profile.set("alpha", SkillRating{2, RatingSource::answered, {}});
    CHECK(apigap::format_answers(answers, writer_kb()) == std::string(k_header) + "ratings:\n  alpha: 2\n  gone: 1\n");
}
