// Tests of the profile of ratings (src/core/profile.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "apigap/profile.hpp"

using apigap::Profile;
using apigap::RatingSource;
using apigap::SkillRating;

TEST_CASE("a skill with no entry is rated 0", "[profile]") {
    const Profile profile;
    CHECK(profile.rating("python") == 0);
    CHECK(profile.ratings().empty());
}

TEST_CASE("set stores a rating and replaces an earlier one", "[profile]") {
    Profile profile;
    profile.set("python", SkillRating{2, RatingSource::answered, {}});
    profile.set("python", SkillRating{4, RatingSource::flag, {}});
    CHECK(profile.rating("python") == 4);
    CHECK(profile.ratings().size() == 1);
    CHECK(profile.ratings().at("python").source == RatingSource::flag);
}

TEST_CASE("a skipped skill keeps its entry but rates 0", "[profile]") {
    Profile profile;
    profile.set("go", SkillRating{3, RatingSource::skipped, {}});
    CHECK(profile.rating("go") == 0);
    CHECK(profile.ratings().count("go") == 1);
}

TEST_CASE("inferred ratings keep their evidence", "[profile]") {
    Profile profile;
    profile.set("java", SkillRating{2,
                                    RatingSource::inferred,
                                    {apigap::Evidence{12, "experience", "Spring", "Built Spring services"}}});
    CHECK(profile.rating("java") == 2);
    REQUIRE(profile.ratings().at("java").evidence.size() == 1);
    CHECK(profile.ratings().at("java").evidence[0].line == 12);
}

TEST_CASE("ratings are listed in id order", "[profile]") {
    Profile profile;
    for (const char* id : {"python", "api-security", "go"}) {
        profile.set(id, SkillRating{1, RatingSource::answered, {}});
    }
    std::vector<std::string> ids;
    for (const auto& [id, rating] : profile.ratings()) {
        ids.push_back(id);
    }
    CHECK(ids == std::vector<std::string>{"api-security", "go", "python"});
}

TEST_CASE("rating sources print as the words reports use", "[profile]") {
    CHECK(apigap::to_string(RatingSource::answered) == "answered");
    CHECK(apigap::to_string(RatingSource::flag) == "flag");
    CHECK(apigap::to_string(RatingSource::skipped) == "skipped");
    CHECK(apigap::to_string(RatingSource::inferred) == "inferred");
}
