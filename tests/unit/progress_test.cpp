// Tests of comparing two saved assessments (src/core/progress.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "apigap/progress.hpp"

using apigap::HistoryEntry;
using apigap::Progress;
using apigap::RatingSource;

namespace {

struct Rating {
    const char* id;
    int rating;
    RatingSource source = RatingSource::answered;
};

HistoryEntry entry(int number, const char* level, std::vector<apigap::SavedReadiness> readiness,
                   std::vector<Rating> ratings) {
    HistoryEntry result;
    result.number = number;
    result.file = "entry";
    result.report.kind = "assessment";
    result.report.level_id = level;
    result.report.level_name = std::string("Level ") + level;
    result.report.readiness = std::move(readiness);
    result.report.saved_at = "2026-01-0" + std::to_string(number) + "T00:00:00Z";
    result.report.input = "answers-" + std::to_string(number) + ".yaml";
    for (const Rating& rating : ratings) {
        const apigap::SkillRating value{rating.rating, rating.source, {}};
        result.report.skills.push_back(
            apigap::RatedSkill{rating.id, std::string("Skill ") + rating.id, apigap::SkillCategory::technical, value});
        result.report.profile.set(rating.id, value);
    }
    return result;
}

std::vector<HistoryEntry> three_entries() {
    return {
        entry(1, "mid", {{"entry", "Entry", 70.0}, {"mid", "Mid", 50.0}},
              {{"python", 2}, {"java", 1}, {"go", 3}, {"sql", 2}}),
        entry(2, "mid", {{"entry", "Entry", 75.3}, {"mid", "Mid", 55.1}}, {{"python", 3}, {"java", 1}}),
        entry(3, "senior", {{"entry", "Entry", 80.0}, {"mid", "Mid", 62.5}, {"senior", "Senior", 40.1}},
              {{"python", 4}, {"java", 0}, {"go", 3}, {"rust", 1}, {"sql", 2, RatingSource::skipped}}),
    };
}

}  // namespace

TEST_CASE("progress names both ends and measures against the later entry's level", "[progress]") {
    const Progress progress = apigap::make_progress(three_entries(), {0, 2});
    CHECK(progress.from.number == 1);
    CHECK(progress.from.level_id == "mid");
    CHECK(progress.from.saved_at == "2026-01-01T00:00:00Z");
    CHECK(progress.from.input == "answers-1.yaml");
    CHECK(progress.to.number == 3);
    CHECK(progress.to.level_name == "Level senior");
    CHECK(progress.level_id == "senior");
    CHECK(progress.level_name == "Level senior");
}

TEST_CASE("readiness changes per level, in the later entry's order, to one decimal", "[progress]") {
    const Progress progress = apigap::make_progress(three_entries(), {0, 2});
    REQUIRE(progress.readiness.size() == 3);
    CHECK(progress.readiness[0].level_id == "entry");
    CHECK(progress.readiness[0].from == 70.0);
    CHECK(progress.readiness[0].to == 80.0);
    CHECK(progress.readiness[0].change == 10.0);
    CHECK(progress.readiness[1].change == 12.5);
    // A level only one entry has: no change to state.
    CHECK(progress.readiness[2].level_id == "senior");
    CHECK_FALSE(progress.readiness[2].from.has_value());
    CHECK(progress.readiness[2].to == 40.1);
    CHECK_FALSE(progress.readiness[2].change.has_value());

    const Progress back = apigap::make_progress(three_entries(), {2, 1});
    REQUIRE(back.readiness.size() == 3);
    CHECK(back.readiness[0].change == -4.7);  // 80.0 -> 75.3, not -4.700000000000003
    CHECK(back.readiness[1].change == -7.4);
    CHECK(back.readiness[2].level_id == "senior");  // only in the earlier: listed last
    CHECK(back.readiness[2].from == 40.1);
    CHECK_FALSE(back.readiness[2].to.has_value());
}

TEST_CASE("skills change by rating, biggest gain first, then by id", "[progress]") {
    const Progress progress = apigap::make_progress(three_entries(), {0, 2});
    std::vector<std::string> order;
    for (const apigap::SkillChange& skill : progress.skills) {
        order.push_back(skill.id + " " + std::to_string(skill.from) + ">" + std::to_string(skill.to) + " " +
                        std::to_string(skill.change));
    }
    // A skill an entry does not rate, or skipped, counts as 0.
    CHECK(order == std::vector<std::string>{"python 2>4 2", "rust 0>1 1", "go 3>3 0", "java 1>0 -1", "sql 2>0 -2"});
    CHECK(progress.skills[1].name == "Skill rust");
}

TEST_CASE("the trend is the target level's readiness in every entry", "[progress]") {
    const Progress progress = apigap::make_progress(three_entries(), {0, 1});
    CHECK(progress.level_id == "mid");
    REQUIRE(progress.trend.size() == 3);
    CHECK(progress.trend[0].number == 1);
    CHECK(progress.trend[0].readiness == 50.0);
    CHECK(progress.trend[1].readiness == 55.1);
    CHECK(progress.trend[2].readiness == 62.5);
    CHECK(progress.trend[2].saved_at == "2026-01-03T00:00:00Z");

    const Progress senior = apigap::make_progress(three_entries(), {0, 2});
    CHECK_FALSE(senior.trend[0].readiness.has_value());
    CHECK(senior.trend[2].readiness == 40.1);
}
