// Tests of readiness, target scores and gaps (src/core/scoring.cpp): worked
// examples computed by hand, then properties over thousands of random profiles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "apigap/scoring.hpp"

using apigap::find_gaps;
using apigap::KnowledgeBase;
using apigap::Level;
using apigap::Profile;
using apigap::readiness;
using apigap::score_targets;
using apigap::SkillRating;

namespace {

apigap::Skill skill(const std::string& id, const std::string& name) {
    apigap::Skill result;
    result.id = id;
    result.name = name;
    return result;
}

apigap::Target target(const std::string& id, int rank, int rating, double weight) {
    return apigap::Target{id, rank, rating, weight};
}

/// Six skills, a group of three languages, and two levels.
KnowledgeBase small_kb() {
    KnowledgeBase kb;
    kb.skills = {skill("python", "Python"), skill("java", "Java"),           skill("go", "Go"),
                 skill("sql", "SQL"),       skill("comms", "Communication"), skill("api", "API design")};
    kb.groups = {apigap::Group{"languages", "Programming languages", {"python", "java", "go"}}};
    Level mid;
    mid.id = "mid";
    mid.name = "Mid-level";
    mid.targets = {target("languages", 1, 3, 3.0), target("languages", 2, 2, 1.0), target("sql", 1, 3, 2.0),
                   target("comms", 1, 2, 1.0)};
    Level wide;
    wide.id = "wide";
    wide.name = "Every kind of target";
    wide.targets = {target("sql", 1, 3, 2.0),       target("comms", 1, 2, 1.0),     target("languages", 1, 3, 3.0),
                    target("languages", 3, 2, 1.0), target("languages", 2, 2, 1.0), target("api", 1, 2, 1.0),
                    target("go", 1, 4, 0.5)};
    kb.levels = {mid, wide};
    return kb;
}

Profile profile_of(const std::map<std::string, int>& ratings) {
    Profile profile;
    for (const auto& [id, rating] : ratings) {
        profile.set(id, SkillRating{rating, apigap::RatingSource::answered, {}});
    }
    return profile;
}

std::vector<std::string> gap_ids(const std::vector<apigap::Gap>& gaps) {
    std::vector<std::string> ids;
    for (const apigap::Gap& gap : gaps) {
        ids.push_back(fmt::format("{}#{}={}", gap.score.id, gap.score.rank, gap.priority));
    }
    return ids;
}

}  // namespace

// --- worked examples ----------------------------------------------------------------

TEST_CASE("readiness is the weighted share of targets met, computed by hand", "[scoring]") {
    const KnowledgeBase kb = small_kb();
    const Level& mid = kb.levels[0];
    // languages #1: java 4 vs 3, weight 3 -> 9 of 9
    // languages #2: python 2 vs 2, weight 1 -> 2 of 2
    // sql: 1 vs 3, weight 2 -> 2 of 6
    // comms: 3 vs 2, weight 1 -> 2 of 2   (a rating above the target earns no more)
    const Profile profile = profile_of({{"python", 2}, {"java", 4}, {"go", 1}, {"sql", 1}, {"comms", 3}});
    CHECK(readiness(kb, profile, mid) == Approx(100.0 * 15.0 / 19.0));
    CHECK(readiness(kb, Profile{}, mid) == 0.0);
    CHECK(readiness(kb, profile_of({{"python", 3}, {"java", 2}, {"sql", 3}, {"comms", 2}}), mid) == 100.0);
}

TEST_CASE("readiness uses fractional weights", "[scoring]") {
    KnowledgeBase kb = small_kb();
    Level level;
    level.id = "l";
    level.targets = {target("sql", 1, 2, 0.5), target("api", 1, 4, 1.5)};
    // sql 2 of 2 at 0.5 -> 1 of 1; api 1 of 4 at 1.5 -> 1.5 of 6: 2.5 / 7
    CHECK(readiness(kb, profile_of({{"sql", 2}, {"api", 1}}), level) == Approx(100.0 * 2.5 / 7.0));
}

TEST_CASE("readiness and gap priorities are finite at the weights the loader accepts", "[scoring]") {
    // The loader takes weights above 0 up to 100 (src/core/kb_reader.cpp): the sums stay far from overflow, and the
    // smallest positive weights still give the same share as any other equal weights.
    const KnowledgeBase kb = small_kb();
    const Profile profile = profile_of({{"sql", 2}, {"api", 1}});
    for (const double weight : {100.0, std::numeric_limits<double>::denorm_min(), 1e-300}) {
        CAPTURE(weight);
        Level level;
        level.id = "l";
        level.targets = {target("sql", 1, 3, weight), target("api", 1, 4, weight), target("comms", 1, 4, weight)};
        // sql 2 of 3, api 1 of 4, comms 0 of 4: 3 / 11
        CHECK(readiness(kb, profile, level) == Approx(100.0 * 3.0 / 11.0));
        for (const apigap::Gap& gap : find_gaps(kb, profile, level)) {
            CHECK(std::isfinite(gap.priority));
        }
    }
}

TEST_CASE("a level without targets is fully met", "[scoring]") {
    const KnowledgeBase kb = small_kb();
    Level empty;
    empty.id = "empty";
    CHECK(readiness(kb, Profile{}, empty) == 100.0);
    CHECK(find_gaps(kb, Profile{}, empty).empty());
    CHECK(score_targets(kb, Profile{}, empty).empty());
}

TEST_CASE("a skipped rating scores as 0", "[scoring]") {
    const KnowledgeBase kb = small_kb();
    Profile skipped = profile_of({{"python", 3}, {"java", 2}, {"comms", 2}});
    skipped.set("sql", SkillRating{3, apigap::RatingSource::skipped, {}});
    const Profile without = profile_of({{"python", 3}, {"java", 2}, {"comms", 2}});
    CHECK(readiness(kb, skipped, kb.levels[0]) == readiness(kb, without, kb.levels[0]));
    CHECK(readiness(kb, skipped, kb.levels[0]) == Approx(100.0 * 13.0 / 19.0));
}

TEST_CASE("a group target counts its best member for rank 1 and its second best for rank 2", "[scoring][groups]") {
    const KnowledgeBase kb = small_kb();
    const auto scores =
        score_targets(kb, profile_of({{"python", 2}, {"java", 4}, {"go", 1}, {"sql", 1}, {"comms", 3}}), kb.levels[0]);
    REQUIRE(scores.size() == 4);
    CHECK(scores[0].id == "languages");
    CHECK(scores[0].rank == 1);
    CHECK(scores[0].name == "Programming languages");
    CHECK(scores[0].skill_id == "java");
    CHECK(scores[0].skill_name == "Java");
    CHECK(scores[0].rating == 4);
    CHECK(scores[0].target == 3);
    CHECK(scores[0].weight == 3.0);
    CHECK(scores[1].rank == 2);
    CHECK(scores[1].skill_id == "python");
    CHECK(scores[1].rating == 2);
    CHECK(scores[2].id == "sql");
    CHECK(scores[2].name == "SQL");
    CHECK(scores[2].skill_id == "sql");
    CHECK(scores[2].skill_name == "SQL");
    CHECK(scores[2].rating == 1);
    CHECK(scores[3].rating == 3);
}

TEST_CASE("a group member that is no skill counts 0 when it ranks, as its target score says", "[scoring][groups]") {
    KnowledgeBase kb = small_kb();
    kb.groups[0].members.insert(kb.groups[0].members.begin(), "cobol");  // rated, but not a skill of the KB
    const Profile profile = profile_of({{"cobol", 4}, {"python", 3}, {"java", 2}, {"sql", 3}, {"comms", 2}});
    const auto scores = score_targets(kb, profile, kb.levels[0]);
    REQUIRE(scores.size() == 4);
    CHECK(scores[0].skill_id == "cobol");
    CHECK(scores[0].rating == 0);
    CHECK(scores[1].skill_id == "python");
    CHECK(scores[1].rating == 3);
    // Earned: languages#1 0 of 3 (weight 3), languages#2 2 of 2 (1), sql 3 of 3 (2), comms 2 of 2 (1).
    CHECK(readiness(kb, profile, kb.levels[0]) == Approx(100.0 * 10.0 / 19.0));
}

TEST_CASE("equal group ratings are broken by the group's member order when the evidence is equal",
          "[scoring][groups]") {
    const KnowledgeBase kb = small_kb();
    const Level& mid = kb.levels[0];
    const auto members = [&](const Profile& profile) {
        const auto scores = score_targets(kb, profile, mid);
        return std::vector<std::string>{scores[0].skill_id, scores[1].skill_id};
    };
    CHECK(members(profile_of({{"python", 3}, {"java", 3}, {"go", 3}})) == std::vector<std::string>{"python", "java"});
    CHECK(members(profile_of({{"java", 2}, {"go", 2}})) == std::vector<std::string>{"java", "go"});
    CHECK(members(profile_of({{"go", 3}})) == std::vector<std::string>{"go", "python"});
    CHECK(members(Profile{}) == std::vector<std::string>{"python", "java"});
    CHECK(members(profile_of({{"python", 1}, {"java", 2}, {"go", 2}})) == std::vector<std::string>{"java", "go"});
}

namespace {

/// A rating inferred from `lines` (line number, section) of a resume.
SkillRating inferred(int rating, const std::vector<std::pair<int, std::string>>& lines) {
    SkillRating result{rating, apigap::RatingSource::inferred, {}};
    for (const auto& [line, section] : lines) {
        result.evidence.push_back(apigap::Evidence{line, section, "kw", "text"});
    }
    return result;
}

KnowledgeBase kb_with_sections() {
    KnowledgeBase kb = small_kb();
    kb.resume.sections = {apigap::ResumeSection{"experience", {"Experience"}, apigap::SectionEvidence::use},
                          apigap::ResumeSection{"skills", {"Skills"}, apigap::SectionEvidence::list}};
    return kb;
}

}  // namespace

TEST_CASE("equal group ratings go to the member with more evidence lines, then more lines where it was used",
          "[scoring][groups]") {
    const KnowledgeBase kb = kb_with_sections();
    const Level& mid = kb.levels[0];
    Profile profile;
    // Go: three lines (one named twice); Python: two lines. Both rated 2; Java rated 1.
    profile.set("go", inferred(2, {{4, "experience"}, {4, "experience"}, {5, "experience"}, {9, "skills"}}));
    profile.set("python", inferred(2, {{4, "experience"}, {9, "skills"}}));
    profile.set("java", inferred(1, {{9, "skills"}}));
    auto scores = score_targets(kb, profile, mid);
    CHECK(scores[0].skill_id == "go");
    CHECK(scores[1].skill_id == "python");
    using apigap::EvidenceWeight;
    CHECK(scores[0].tie == std::vector<EvidenceWeight>{{"go", "Go", 3, 2}, {"python", "Python", 2, 1}});
    CHECK(scores[1].tie == std::vector<EvidenceWeight>{{"python", "Python", 2, 1}, {"go", "Go", 3, 2}});

    // The same number of lines: the one with more lines where the skill was used.
    profile.set("go", inferred(2, {{4, "experience"}, {9, "skills"}}));
    profile.set("python", inferred(2, {{9, "skills"}, {10, "skills"}}));
    scores = score_targets(kb, profile, mid);
    CHECK(scores[0].skill_id == "go");
    CHECK(scores[0].tie.size() == 2);

    // No tie: the best rating counts alone and no tie is reported.
    profile.set("go", inferred(3, {{4, "experience"}}));
    scores = score_targets(kb, profile, mid);
    CHECK(scores[0].skill_id == "go");
    CHECK(scores[0].tie.empty());
    CHECK(scores[1].skill_id == "python");
    CHECK(scores[1].tie.empty());
}

TEST_CASE("gaps are the unmet targets by priority, then id, then rank", "[scoring][gaps]") {
    const KnowledgeBase kb = small_kb();
    const Level& wide = kb.levels[1];
    SECTION("from nothing") {
        // Priorities: languages#1 3*3=9, sql 2*3=6, api 2, comms 2, go 0.5*4=2, languages#2 2, languages#3 2.
        CHECK(gap_ids(find_gaps(kb, Profile{}, wide)) == std::vector<std::string>{"languages#1=9", "sql#1=6", "api#1=2",
                                                                                  "comms#1=2", "go#1=2",
                                                                                  "languages#2=2", "languages#3=2"});
    }
    SECTION("met and exceeded targets are not gaps") {
        const Profile profile =
            profile_of({{"python", 4}, {"java", 2}, {"go", 1}, {"sql", 2}, {"comms", 4}, {"api", 2}});
        // languages#1 python 4 >= 3; languages#2 java 2 >= 2; languages#3 go 1 < 2 -> 1;
        // sql 1 short at 2 -> 2; go 3 short at 0.5 -> 1.5.
        const auto gaps = find_gaps(kb, profile, wide);
        CHECK(gap_ids(gaps) == std::vector<std::string>{"sql#1=2", "go#1=1.5", "languages#3=1"});
        REQUIRE(gaps.size() == 3);
        CHECK(gaps[2].score.skill_id == "go");
        CHECK(gaps[2].score.rating == 1);
        CHECK(gaps[2].score.target == 2);
    }
}

TEST_CASE("readiness is 100 exactly when there are no gaps", "[scoring][gaps]") {
    const KnowledgeBase kb = small_kb();
    const Profile full = profile_of({{"python", 3}, {"java", 2}, {"go", 4}, {"sql", 3}, {"comms", 2}, {"api", 2}});
    for (const Level& level : kb.levels) {
        CHECK(readiness(kb, full, level) == 100.0);
        CHECK(find_gaps(kb, full, level).empty());
    }
    const Profile short_by_one =
        profile_of({{"python", 3}, {"java", 2}, {"go", 4}, {"sql", 3}, {"comms", 2}, {"api", 1}});
    CHECK(readiness(kb, short_by_one, kb.levels[1]) < 100.0);
    CHECK(find_gaps(kb, short_by_one, kb.levels[1]).size() == 1);
}

// --- properties over random profiles ----------------------------------------------------

namespace {

/// A random profile: each skill rated 0–4, sometimes skipped, sometimes absent.
Profile random_profile(const KnowledgeBase& kb, std::mt19937& random) {
    std::uniform_int_distribution<int> rating(0, apigap::k_max_rating);
    std::uniform_int_distribution<int> kind(0, 9);
    Profile profile;
    for (const apigap::Skill& each : kb.skills) {
        const int roll = kind(random);
        if (roll == 0) {
            continue;
        }
        const auto source = roll == 1 ? apigap::RatingSource::skipped : apigap::RatingSource::answered;
        profile.set(each.id, SkillRating{rating(random), source, {}});
    }
    return profile;
}

Profile with_rating(Profile profile, const std::string& id, int rating) {
    profile.set(id, SkillRating{rating, apigap::RatingSource::answered, {}});
    return profile;
}

/// The lowest ratings that meet every target of `level`: a skill gets its
/// target, and a group's members get the targets of its ranks, best first.
Profile at_targets(const KnowledgeBase& kb, const Level& level) {
    std::map<std::string, int> ratings;
    const auto raise = [&](const std::string& id, int rating) { ratings[id] = std::max(ratings[id], rating); };
    for (const apigap::Group& group : kb.groups) {
        std::vector<int> by_rank(group.members.size(), 0);
        for (const apigap::Target& each : level.targets) {
            if (each.id == group.id && each.rank >= 1 && static_cast<std::size_t>(each.rank) <= by_rank.size()) {
                // The rank-th best must reach the target, so the ranks above it must too.
                for (std::size_t i = 0; i < static_cast<std::size_t>(each.rank); ++i) {
                    by_rank[i] = std::max(by_rank[i], each.rating);
                }
            }
        }
        for (std::size_t i = 0; i < by_rank.size(); ++i) {
            raise(group.members[i], by_rank[i]);
        }
    }
    for (const apigap::Target& each : level.targets) {
        if (kb.find_group(each.id) == nullptr) {
            raise(each.id, each.rating);
        }
    }
    return profile_of(ratings);
}

std::string describe(const Profile& profile) {
    std::string text;
    for (const auto& [id, rating] : profile.ratings()) {
        text += fmt::format("{}={}{} ", id, rating.rating,
                            rating.source == apigap::RatingSource::skipped ? "(skipped)" : "");
    }
    return text;
}

/// Checks the general rules of scoring on `count` random profiles; returns
/// the first counterexample found, or an empty string.
std::string first_counterexample(const KnowledgeBase& kb, int count) {
    std::mt19937 random(20240601);
    for (int i = 0; i < count; ++i) {
        const Profile profile = random_profile(kb, random);
        for (const Level& level : kb.levels) {
            const double score = readiness(kb, profile, level);
            if (!(score >= 0.0 && score <= 100.0)) {
                return fmt::format("readiness {} out of range at {} for {}", score, level.id, describe(profile));
            }
            // `readiness` reads the ratings alone; it must give, to the bit, what the full target scores give.
            double earned = 0.0;
            double possible = 0.0;
            for (const apigap::TargetScore& each : score_targets(kb, profile, level)) {
                earned += each.weight * std::min(each.rating, each.target);
                possible += each.weight * each.target;
            }
            if (const double from_scores = possible > 0.0 ? 100.0 * earned / possible : 100.0; score != from_scores) {
                return fmt::format("readiness {} but its target scores give {} at {} for {}", score, from_scores,
                                   level.id, describe(profile));
            }
            const auto gaps = find_gaps(kb, profile, level);
            if ((score == 100.0) != gaps.empty()) {
                return fmt::format("readiness {} with {} gaps at {} for {}", score, gaps.size(), level.id,
                                   describe(profile));
            }
            for (std::size_t g = 0; g < gaps.size(); ++g) {
                const apigap::Gap& gap = gaps[g];
                if (gap.score.rating >= gap.score.target ||
                    gap.priority != gap.score.weight * (gap.score.target - gap.score.rating)) {
                    return fmt::format("bad gap {}#{} at {} for {}", gap.score.id, gap.score.rank, level.id,
                                       describe(profile));
                }
                if (g > 0) {
                    const apigap::Gap& before = gaps[g - 1];
                    const bool ordered = before.priority > gap.priority ||
                                         (before.priority == gap.priority &&
                                          (before.score.id < gap.score.id ||
                                           (before.score.id == gap.score.id && before.score.rank < gap.score.rank)));
                    if (!ordered) {
                        return fmt::format("gaps out of order at {} for {}", level.id, describe(profile));
                    }
                }
            }
            for (const apigap::Skill& each : kb.skills) {
                const int rating = profile.rating(each.id);
                if (rating == apigap::k_max_rating) {
                    continue;
                }
                const double raised = readiness(kb, with_rating(profile, each.id, rating + 1), level);
                if (raised < score) {
                    return fmt::format("raising {} to {} lowered readiness at {} from {} to {} for {}", each.id,
                                       rating + 1, level.id, score, raised, describe(profile));
                }
            }
        }
    }
    return {};
}

void check_general_properties(const KnowledgeBase& kb) {
    REQUIRE_FALSE(kb.levels.empty());
    CHECK(first_counterexample(kb, 2000).empty());

    Profile experts;
    for (const apigap::Skill& each : kb.skills) {
        experts.set(each.id, SkillRating{apigap::k_max_rating, apigap::RatingSource::answered, {}});
    }
    for (const Level& level : kb.levels) {
        CAPTURE(level.id);
        CHECK(readiness(kb, experts, level) == 100.0);
        CHECK(find_gaps(kb, experts, level).empty());

        const Profile exact = at_targets(kb, level);
        CAPTURE(describe(exact));
        CHECK(readiness(kb, exact, level) == 100.0);
        CHECK(find_gaps(kb, exact, level).empty());
        for (const apigap::TargetScore& score : score_targets(kb, exact, level)) {
            CHECK(score.rating >= score.target);
        }
    }
}

}  // namespace

TEST_CASE("scoring properties hold on 2000 random profiles over the small knowledge base", "[scoring][property]") {
    check_general_properties(small_kb());
}

TEST_CASE("scoring properties hold on 2000 random profiles over the shipped knowledge base",
          "[scoring][property][shipped]") {
    check_general_properties(apigap::load_knowledge_base());
}

TEST_CASE("a profile exactly at its targets loses readiness when a directly targeted skill drops",
          "[scoring][property][shipped]") {
    const KnowledgeBase kb = apigap::load_knowledge_base();
    for (const Level& level : kb.levels) {
        const Profile exact = at_targets(kb, level);
        for (const apigap::Target& each : level.targets) {
            if (kb.find_group(each.id) != nullptr || exact.rating(each.id) != each.rating) {
                continue;
            }
            CAPTURE(level.id, each.id);
            CHECK(readiness(kb, with_rating(exact, each.id, each.rating - 1), level) < 100.0);
        }
    }
}

TEST_CASE("the property check finds a counterexample when scoring is not monotone", "[scoring][property]") {
    // A negative weight (which the loader refuses) makes a higher rating cost
    // readiness: the random search must notice, or the properties above prove nothing.
    KnowledgeBase kb = small_kb();
    kb.levels[0].targets.push_back(target("api", 1, 4, -1.0));
    CHECK_FALSE(first_counterexample(kb, 200).empty());
}
