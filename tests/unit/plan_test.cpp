// Tests of the study plan (src/core/plan.cpp): one step per rung of each gap, its project and resources.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "apigap/plan.hpp"
#include "apigap/scoring.hpp"

using apigap::KnowledgeBase;
using apigap::make_plan;
using apigap::Profile;
using apigap::SkillRating;

namespace {

apigap::Resource resource(const std::string& title, std::vector<int> ratings) {
    return apigap::Resource{title, "https://example.org/" + title, "docs", std::move(ratings)};
}

KnowledgeBase plan_kb() {
    KnowledgeBase kb;
    apigap::Skill sql;
    sql.id = "sql";
    sql.name = "SQL";
    sql.rubric = {"S0", "S1", "S2", "S3", "S4"};
    sql.projects = {apigap::Project{0, "First query", "Select rows.", 5},
                    apigap::Project{1, "Schema", "Design three tables.", 8},
                    apigap::Project{2, "Tuning", "Index a slow query.", 13}};
    sql.resources = {resource("r1", {1}),    resource("r2", {2, 3}), resource("r3", {2}),
                     resource("r4", {1, 2}), resource("r5", {2}),    resource("r6", {3})};
    apigap::Skill comms;
    comms.id = "comms";
    comms.name = "Communication";
    comms.rubric = {"C0", "C1", "C2", "C3", "C4"};
    comms.resources = {resource("talk", {3, 4})};
    apigap::Skill python;
    python.id = "python";
    python.name = "Python";
    python.rubric = {"P0", "P1", "P2", "P3", "P4"};
    python.projects = {apigap::Project{3, "Library", "Publish a package.", 40}};
    apigap::Skill go;
    go.id = "go";
    go.name = "Go";
    go.rubric = {"G0", "G1", "G2", "G3", "G4"};
    kb.skills = {sql, comms, python, go};
    kb.groups = {apigap::Group{"languages", "Programming languages", {"python", "go"}}};
    apigap::Level level;
    level.id = "senior";
    level.targets = {apigap::Target{"sql", 1, 3, 2.0}, apigap::Target{"comms", 1, 2, 1.0},
                     apigap::Target{"languages", 1, 4, 3.0}};
    kb.levels = {level};
    return kb;
}

Profile profile_of(std::initializer_list<std::pair<const char*, int>> ratings) {
    Profile profile;
    for (const auto& [id, rating] : ratings) {
        profile.set(id, SkillRating{rating, apigap::RatingSource::answered, {}});
    }
    return profile;
}

std::vector<std::string> titles(const std::vector<apigap::Resource>& resources) {
    std::vector<std::string> result;
    for (const apigap::Resource& each : resources) {
        result.push_back(each.title);
    }
    return result;
}

}  // namespace

TEST_CASE("a plan step moves one rating up and takes the project for that step", "[plan]") {
    const KnowledgeBase kb = plan_kb();
    const auto gaps = apigap::find_gaps(kb, profile_of({{"sql", 1}, {"comms", 0}, {"python", 3}}), kb.levels[0]);
    const apigap::StudyPlan plan = make_plan(kb, gaps);
    // Gaps: languages 3*(4-3)=3, sql 2*(3-1)=4, comms 1*2=2 -> sql, languages, comms.
    REQUIRE(plan.steps.size() == 5);

    const apigap::PlanStep& sql = plan.steps[0];
    CHECK(sql.skill_id == "sql");
    CHECK(sql.skill_name == "SQL");
    CHECK(sql.from == 1);
    CHECK(sql.to == 2);
    CHECK(sql.goal == "S2");
    REQUIRE(sql.project.has_value());
    CHECK(sql.project->step == 1);
    CHECK(sql.project->title == "Schema");
    CHECK(sql.hours == 8);

    const apigap::PlanStep& python = plan.steps[1];
    CHECK(python.skill_id == "python");
    CHECK(python.from == 3);
    CHECK(python.to == 4);
    CHECK(python.goal == "P4");
    REQUIRE(python.project.has_value());
    CHECK(python.project->title == "Library");
    CHECK(python.hours == 40);

    const apigap::PlanStep& comms = plan.steps[2];
    CHECK(comms.skill_id == "comms");
    CHECK(comms.from == 0);
    CHECK(comms.to == 1);
    CHECK(comms.goal == "C1");
    CHECK_FALSE(comms.project.has_value());
    CHECK(comms.hours == 0);
    CHECK(comms.resources.empty());

    CHECK(plan.total_hours == 48 + 13);
}

TEST_CASE("a plan climbs every rung to the target, each gap's next rung before any rung after it", "[plan]") {
    const KnowledgeBase kb = plan_kb();
    // Gaps by priority: languages (python 0 -> 4) 12, sql (1 -> 3) 4, comms (1 -> 2) 1.
    const auto gaps = apigap::find_gaps(kb, profile_of({{"sql", 1}, {"comms", 1}, {"python", 0}}), kb.levels[0]);
    const apigap::StudyPlan plan = make_plan(kb, gaps);
    std::vector<std::string> moves;
    for (const apigap::PlanStep& step : plan.steps) {
        moves.push_back(step.skill_id + " " + std::to_string(step.from) + ">" + std::to_string(step.to) + " " +
                        std::to_string(step.rung) + "/" + std::to_string(step.rungs) + " t" +
                        std::to_string(step.target));
    }
    CHECK(moves == std::vector<std::string>{"python 0>1 1/4 t4", "sql 1>2 1/2 t3", "comms 1>2 1/1 t2",
                                            "python 1>2 2/4 t4", "sql 2>3 2/2 t3", "python 2>3 3/4 t4",
                                            "python 3>4 4/4 t4"});
    CHECK(plan.steps[4].goal == "S3");
    CHECK(plan.steps[4].hours == 13);
    CHECK(plan.steps[6].project->title == "Library");
    CHECK(plan.total_hours == 8 + 13 + 40);

    const std::vector<apigap::PlanStep> next = plan.next_steps();
    REQUIRE(next.size() == 3);
    CHECK(next[0].skill_id == "python");
    CHECK(next[1].skill_id == "sql");
    CHECK(next[2].skill_id == "comms");
    CHECK(plan.next_hours() == 8);
}

TEST_CASE("a plan step lists at most three resources for the rating it reaches, in knowledge-base order", "[plan]") {
    const KnowledgeBase kb = plan_kb();
    const auto resources_at = [&](int rating) {
        const auto gaps =
            apigap::find_gaps(kb, profile_of({{"sql", rating}, {"comms", 2}, {"python", 4}}), kb.levels[0]);
        const apigap::StudyPlan plan = make_plan(kb, gaps);
        REQUIRE(plan.steps.size() == static_cast<std::size_t>(3 - rating));
        return titles(plan.steps[0].resources);
    };
    CHECK(resources_at(0) == std::vector<std::string>{"r1", "r4"});
    CHECK(resources_at(1) == std::vector<std::string>{"r2", "r3", "r4"});  // r5 is a fourth: left out
    CHECK(resources_at(2) == std::vector<std::string>{"r2", "r6"});
    CHECK(apigap::k_resources_per_step == 3);
}

TEST_CASE("a group gap plans a step for the member that counts", "[plan][groups]") {
    const KnowledgeBase kb = plan_kb();
    const auto gaps =
        apigap::find_gaps(kb, profile_of({{"sql", 3}, {"comms", 2}, {"go", 2}, {"python", 1}}), kb.levels[0]);
    const apigap::StudyPlan plan = make_plan(kb, gaps);
    REQUIRE(plan.steps.size() == 2);
    CHECK(plan.steps[0].skill_id == "go");
    CHECK(plan.steps[0].from == 2);
    CHECK(plan.steps[0].to == 3);
    CHECK(plan.steps[0].goal == "G3");
    CHECK_FALSE(plan.steps[0].project.has_value());
    CHECK(plan.steps[1].skill_id == "go");
    CHECK(plan.steps[1].goal == "G4");
}

TEST_CASE("no gaps make an empty plan", "[plan]") {
    const apigap::StudyPlan plan = make_plan(plan_kb(), {});
    CHECK(plan.steps.empty());
    CHECK(plan.total_hours == 0);
}

TEST_CASE("every step of a plan over the shipped knowledge base is well formed", "[plan][shipped]") {
    const KnowledgeBase kb = apigap::load_knowledge_base();
    for (int rating = 0; rating < apigap::k_max_rating; ++rating) {
        Profile profile;
        for (const apigap::Skill& skill : kb.skills) {
            profile.set(skill.id, SkillRating{rating, apigap::RatingSource::answered, {}});
        }
        for (const apigap::Level& level : kb.levels) {
            const auto gaps = apigap::find_gaps(kb, profile, level);
            const apigap::StudyPlan plan = make_plan(kb, gaps);
            CAPTURE(rating, level.id);
            std::size_t rungs = 0;
            for (const apigap::Gap& gap : gaps) {
                rungs += static_cast<std::size_t>(gap.score.target - gap.score.rating);
            }
            CHECK(plan.steps.size() == rungs);
            CHECK(plan.next_steps().size() == gaps.size());
            int hours = 0;
            for (const apigap::PlanStep& step : plan.steps) {
                CHECK(step.from == rating + step.rung - 1);
                CHECK(step.to == step.from + 1);
                CHECK(step.to <= step.target);
                CHECK(step.rungs == step.target - rating);
                CHECK_FALSE(step.goal.empty());
                CHECK(step.resources.size() <= apigap::k_resources_per_step);
                for (const apigap::Resource& each : step.resources) {
                    CHECK(std::find(each.ratings.begin(), each.ratings.end(), step.to) != each.ratings.end());
                }
                if (step.project) {
                    CHECK(step.project->step == step.from);
                    CHECK(step.hours == step.project->hours);
                }
                hours += step.hours;
            }
            CHECK(plan.total_hours == hours);
        }
    }
}

// --- schedule_plan -----------------------------------------------------------

namespace {

apigap::StudyPlan plan_of_hours(const std::vector<int>& hours) {
    apigap::StudyPlan plan;
    for (const int each : hours) {
        apigap::PlanStep step;
        step.skill_id = "s" + std::to_string(plan.steps.size());
        step.hours = each;
        plan.steps.push_back(step);
        plan.total_hours += each;
    }
    return plan;
}

/// Each step's weeks as "first-last".
std::vector<std::string> weeks_of(const apigap::Schedule& schedule) {
    std::vector<std::string> weeks;
    for (const apigap::ScheduledStep& step : schedule.steps) {
        weeks.push_back(std::to_string(step.first_week) + "-" + std::to_string(step.last_week) +
                        (step.in_budget ? "" : "!"));
    }
    return weeks;
}

}  // namespace

TEST_CASE("steps follow each other, a week holding the hours a week", "[plan][schedule]") {
    const apigap::Schedule schedule = apigap::schedule_plan(plan_of_hours({25, 6, 1, 12}), 6, std::nullopt);
    // Hours 1-25 fill weeks 1-5 (week 5 has 1 hour of it), 26-31 weeks 5-6, 32 week 6, 33-44 weeks 6-8.
    CHECK(weeks_of(schedule) == std::vector<std::string>{"1-5", "5-6", "6-6", "6-8"});
    CHECK(schedule.total_weeks == 8);
    CHECK(schedule.total_hours == 44);
    CHECK(schedule.hours_per_week_needed == 0);
}

TEST_CASE("a step that ends on a week boundary leaves the next to start the next week", "[plan][schedule]") {
    CHECK(weeks_of(apigap::schedule_plan(plan_of_hours({12, 6}), 6, std::nullopt)) ==
          std::vector<std::string>{"1-2", "3-3"});
    CHECK(weeks_of(apigap::schedule_plan(plan_of_hours({12, 6}), 12, std::nullopt)) ==
          std::vector<std::string>{"1-1", "2-2"});
}

TEST_CASE("a step without hours takes no week of its own", "[plan][schedule]") {
    CHECK(weeks_of(apigap::schedule_plan(plan_of_hours({3, 0, 3}), 6, std::nullopt)) ==
          std::vector<std::string>{"1-1", "1-1", "1-1"});
}

TEST_CASE("with a budget, steps ending after it are marked and the hours a week that fit are given",
          "[plan][schedule]") {
    const apigap::Schedule schedule = apigap::schedule_plan(plan_of_hours({25, 25, 25}), 6, 9);
    CHECK(weeks_of(schedule) == std::vector<std::string>{"1-5", "5-9", "9-13!"});
    CHECK(schedule.hours_per_week_needed == 9);  // 75 hours in 9 weeks, rounded up
    CHECK(schedule.weeks == 9);
}

TEST_CASE("an empty plan schedules nothing", "[plan][schedule]") {
    const apigap::Schedule schedule = apigap::schedule_plan(apigap::StudyPlan{}, 6, 4);
    CHECK(schedule.steps.empty());
    CHECK(schedule.total_weeks == 0);
    CHECK(schedule.hours_per_week_needed == 0);
}
