// Tests of the neutral report (src/core/report.cpp): what it holds and in which order.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "apigap/report.hpp"
#include "test_support.hpp"

using apigap::KnowledgeBase;
using apigap::Profile;
using apigap::SkillRating;

namespace {

KnowledgeBase report_kb() {
    KnowledgeBase kb;
    for (const char* id : {"zeta", "alpha", "mid-skill"}) {
        apigap::Skill skill;
        skill.id = id;
        skill.name = std::string("Skill ") + id;
        skill.rubric = {"0", "1", "2", "3", "4"};
        kb.skills.push_back(skill);
    }
    kb.skills[1].category = apigap::SkillCategory::soft;
    apigap::Level entry;
    entry.id = "entry";
    entry.name = "Entry";
    entry.focus = "Basics.";
    entry.salary.min = 80000;
    entry.salary.max = 110000;
    entry.targets = {apigap::Target{"zeta", 1, 2, 1.0}};
    apigap::Level mid;
    mid.id = "mid";
    mid.name = "Mid";
    mid.focus = "Ownership.";
    mid.targets = {apigap::Target{"zeta", 1, 3, 1.0}, apigap::Target{"alpha", 1, 2, 1.0}};
    kb.levels = {entry, mid};
    return kb;
}

}  // namespace

TEST_CASE("a report scores every level and details the chosen one", "[report]") {
    const KnowledgeBase kb = report_kb();
    Profile profile;
    profile.set("zeta", SkillRating{2, apigap::RatingSource::answered, {}});
    profile.set("alpha", SkillRating{3, apigap::RatingSource::skipped, {}});
    const apigap::Report report = apigap::make_report(kb, profile, "mid");
    CHECK(report.level_id == "mid");
    CHECK(report.level_name == "Mid");
    CHECK(report.level_focus == "Ownership.");
    REQUIRE(report.readiness.size() == 2);
    CHECK(report.readiness[0].level_id == "entry");
    CHECK(report.readiness[0].readiness == 100.0);
    CHECK(report.readiness[0].salary.min == 80000);
    CHECK(report.readiness[1].level_id == "mid");
    CHECK(report.readiness[1].readiness == Approx(100.0 * 2.0 / 5.0));
    REQUIRE(report.targets.size() == 2);
    CHECK(report.targets[0].id == "zeta");
    CHECK(report.targets[1].id == "alpha");
    REQUIRE(report.gaps.size() == 2);
    CHECK(report.gaps[0].score.id == "alpha");  // 1 × 2 beats 1 × 1
    CHECK(report.gaps[1].score.id == "zeta");
    REQUIRE(report.plan.steps.size() == 3);  // alpha 0 -> 1, zeta, then alpha 1 -> 2
    CHECK(report.plan.steps[0].skill_id == "alpha");
    CHECK(report.plan.steps[1].skill_id == "zeta");
    CHECK(report.plan.steps[2].skill_id == "alpha");
    CHECK(report.plan.steps[2].rung == 2);
}

TEST_CASE("a report lists the profile's skills in knowledge-base order, skipped ones included", "[report]") {
    const KnowledgeBase kb = report_kb();
    Profile profile;
    profile.set("mid-skill", SkillRating{1, apigap::RatingSource::flag, {}});
    profile.set("alpha", SkillRating{0, apigap::RatingSource::skipped, {}});
    const apigap::Report report = apigap::make_report(kb, profile, "entry");
    REQUIRE(report.skills.size() == 2);
    CHECK(report.skills[0].id == "alpha");
    CHECK(report.skills[0].name == "Skill alpha");
    CHECK(report.skills[0].category == apigap::SkillCategory::soft);
    CHECK(report.skills[0].rating.source == apigap::RatingSource::skipped);
    CHECK(report.skills[1].id == "mid-skill");
    CHECK(report.skills[1].rating.rating == 1);
}

TEST_CASE("an unknown level is an error that lists the levels", "[report][error]") {
    const KnowledgeBase kb = report_kb();
    CHECK(apigap::test::error_of([&] { (void)apigap::make_report(kb, Profile{}, "staff"); }) ==
          "unknown level 'staff'; expected one of: entry, mid");
    CHECK(apigap::test::error_of([&] { (void)apigap::require_level(kb, ""); }) ==
          "unknown level ''; expected one of: entry, mid");
    CHECK(&apigap::require_level(kb, "mid") == &kb.levels[1]);
}

TEST_CASE("a level id is found in any case, and a near miss is suggested", "[report][error]") {
    const KnowledgeBase kb = report_kb();
    CHECK(&apigap::require_level(kb, "Mid") == &kb.levels[1]);
    CHECK(&apigap::require_level(kb, "ENTRY") == &kb.levels[0]);
    CHECK(apigap::make_report(kb, Profile{}, "MID").level_id == "mid");
    CHECK(apigap::test::error_of([&] { (void)apigap::require_level(kb, "Entyr"); }) ==
          "unknown level 'Entyr' (did you mean 'entry'?)");
}

TEST_CASE("a report names the level after the target, whose pay band is the next one up", "[report]") {
    const KnowledgeBase kb = report_kb();
    REQUIRE(kb.levels.size() >= 2);
    CHECK(apigap::make_report(kb, Profile{}, kb.levels[0].id).next_level_id == kb.levels[1].id);
    CHECK(apigap::make_report(kb, Profile{}, kb.levels.back().id).next_level_id.empty());
}

TEST_CASE("a report made from a profile it may take is the same, evidence included", "[report]") {
    const KnowledgeBase kb = report_kb();
    Profile profile;
    profile.set("zeta", SkillRating{2, apigap::RatingSource::inferred, {apigap::Evidence{4, "experience", "Z", "Z"}}});
    profile.set("alpha", SkillRating{1, apigap::RatingSource::inferred, {}});
    const apigap::Report copied = apigap::make_report(kb, profile, "mid");
    Profile taken = profile;
    const apigap::Report moved = apigap::make_report(kb, std::move(taken), "mid");
    REQUIRE(moved.skills.size() == copied.skills.size());
    CHECK(moved.skills[0].id == "zeta");
    REQUIRE(moved.skills[0].rating.evidence.size() == 1);
    CHECK(moved.skills[0].rating.evidence[0].text == "Z");
    CHECK(moved.skills[1].id == copied.skills[1].id);
    CHECK(moved.readiness[1].readiness == copied.readiness[1].readiness);
    CHECK(moved.gaps.size() == copied.gaps.size());
}

TEST_CASE("a summary gives the level, readiness and ratings the full report gives, in knowledge-base order",
          "[report]") {
    const KnowledgeBase kb = apigap::load_knowledge_base();
    Profile profile;
    profile.set("rest-graphql", SkillRating{3, apigap::RatingSource::inferred, {}});
    profile.set("go", SkillRating{2, apigap::RatingSource::inferred, {}});
    profile.set("communication", SkillRating{1, apigap::RatingSource::inferred, {}});
    for (const apigap::Level& level : kb.levels) {
        const apigap::ScoreSummary lean = apigap::summarize(kb, profile, level.id);
        const apigap::Report report = apigap::make_report(kb, profile, level.id);
        const apigap::ScoreSummary full = apigap::summarize(report);  // its ids are views into `report`
        CHECK(lean.level_id == level.id);
        CHECK(full.level_id == level.id);
        CHECK(lean.readiness > 0.0);
        CHECK(lean.readiness == full.readiness);
        CHECK(lean.ratings == full.ratings);
    }
    const apigap::ScoreSummary mid = apigap::summarize(kb, profile, "MID");
    CHECK(mid.level_id == "mid");
    std::vector<std::pair<std::string_view, int>> expected;
    for (const apigap::Skill& skill : kb.skills) {
        if (profile.ratings().count(skill.id) != 0) {
            expected.emplace_back(skill.id, profile.ratings().at(skill.id).rating);
        }
    }
    REQUIRE(expected.size() == 3);
    CHECK(mid.ratings == expected);
    CHECK(apigap::test::error_of([&] { (void)apigap::summarize(kb, profile, "staff"); }) ==
          apigap::test::error_of([&] { (void)apigap::make_report(kb, profile, "staff"); }));
}
