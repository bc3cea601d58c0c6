// Tests of `apigap match` against many postings (src/core/match_postings.cpp): the order of the rows, the skills and
// terms counted across them, their ranking, distance and study-plan steps.
#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "apigap/experience.hpp"
#include "apigap/inference.hpp"
#include "apigap/knowledge_base.hpp"
#include "apigap/match.hpp"
#include "apigap/match_postings.hpp"
#include "apigap/profile.hpp"
#include "apigap/resume.hpp"

namespace {

using apigap::PostingPart;

const apigap::KnowledgeBase& kb() {
    static const apigap::KnowledgeBase base = apigap::load_knowledge_base();
    return base;
}

apigap::MatchSkill asked_skill(std::string id, std::string name, PostingPart part, bool found) {
    apigap::MatchSkill skill;
    skill.skill_id = std::move(id);
    skill.name = std::move(name);
    skill.part = part;
    skill.weight = apigap::weight_of(part);
    skill.found = found;
    return skill;
}

apigap::MatchKeyword asked_term(std::string term, std::string skill_id, PostingPart part, bool found,
                                std::vector<std::string> resume_terms = {}) {
    apigap::MatchKeyword keyword;
    keyword.term = std::move(term);
    keyword.skill_id = std::move(skill_id);
    keyword.part = part;
    keyword.weight = apigap::weight_of(part);
    keyword.found = found;
    keyword.resume_terms = std::move(resume_terms);
    return keyword;
}

/// A matched posting at `level` with the skill rate `score`.
apigap::PostingRow matched(std::string source, std::string level, int score, std::vector<apigap::MatchSkill> skills,
                           std::vector<apigap::MatchKeyword> keywords = {}, int min_score = 0) {
    apigap::MatchReport report;
    report.posting.source = source;
    report.posting.level_id = std::move(level);
    report.score = score;
    report.keyword_score = score;
    report.min_score = min_score;
    report.skills = std::move(skills);
    report.keywords = std::move(keywords);
    return apigap::PostingRow{std::move(source), std::move(report), {}};
}

apigap::PostingRow unread(std::string source) {
    return apigap::PostingRow{std::move(source), std::nullopt, "not a job posting"};
}

/// What every test's resume says: Python rated 3 on two lines, message queues (RabbitMQ) rated 1 on one.
struct Resume {
    apigap::ResumeDocument document;
    apigap::Profile profile;
    apigap::SkillKeyword python{"python", "Python", apigap::KeywordLink::evidence};
    apigap::SkillKeyword rabbitmq{"message-queues", "RabbitMQ", apigap::KeywordLink::evidence};
    std::vector<apigap::Mention> mentions;

    Resume() {
        document.source = "cv.md";
        profile.set("python", apigap::SkillRating{3, apigap::RatingSource::inferred, {}});
        profile.set("message-queues", apigap::SkillRating{1, apigap::RatingSource::inferred, {}});
        // Python twice on line 0 (two keywords of one skill count one line), once on line 3; RabbitMQ on line 3.
        mentions = {{&python, 0, 0}, {&python, 0, 10}, {&python, 3, 0}, {&rabbitmq, 3, 8}};
    }

    [[nodiscard]] apigap::PostingsReport summarize(std::vector<apigap::PostingRow> rows, int min_score = 0,
                                                   std::optional<std::string> level = std::nullopt) const {
        apigap::Experience experience;
        experience.level = std::move(level);
        return apigap::summarize_postings(kb(), document, profile, mentions, experience, std::move(rows), min_score);
    }
};

const apigap::SkillDemand* find_skill(const apigap::PostingsReport& report, const std::string& id) {
    for (const apigap::SkillDemand& skill : report.skills) {
        if (skill.skill_id == id) {
            return &skill;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("A skill's target at a level is its own, else its group's, else working", "[match][postings]") {
    CHECK(apigap::target_for(kb(), "mid", "rest-graphql") == 3);
    CHECK(apigap::target_for(kb(), "entry", "api-security") == 1);
    CHECK(apigap::target_for(kb(), "senior", "java") == 4);  // languages, rank 1 (4) before rank 2 (2)
    CHECK(apigap::target_for(kb(), "entry", "go") == 2);
    CHECK(apigap::target_for(kb(), "mid", "a-skill-no-level-names") == apigap::k_asked_rating);
    CHECK_THROWS_AS(apigap::target_for(kb(), "staff", "java"), std::logic_error);
}

TEST_CASE("Rows: the matched by skill rate, then term rate, then source: those not read last", "[match][postings]") {
    const Resume resume;
    std::vector<apigap::PostingRow> rows;
    rows.push_back(unread("b-broken.md"));
    rows.push_back(matched("z.md", "mid", 90, {asked_skill("python", "Python", PostingPart::required, true)}));
    rows.push_back(matched("a.md", "mid", 50, {asked_skill("python", "Python", PostingPart::required, true)}));
    rows.push_back(matched("c.md", "mid", 90, {asked_skill("python", "Python", PostingPart::required, true)}));
    rows.push_back(unread("a-broken.md"));
    rows[3].match->keyword_score = 95;  // c.md: same skill rate as z.md, better terms
    const apigap::PostingsReport report = resume.summarize(std::move(rows));
    std::vector<std::string> order;
    for (const apigap::PostingRow& row : report.postings) {
        order.push_back(row.source);
    }
    CHECK(order == std::vector<std::string>{"c.md", "z.md", "a.md", "a-broken.md", "b-broken.md"});
    CHECK(report.matched() == 3);
    CHECK_FALSE(report.passed());  // two were not read
    CHECK(report.resume_source == "cv.md");
}

TEST_CASE("Skills are counted across postings, ranked by how many require them, with the distance to the target",
          "[match][postings]") {
    const Resume resume;
    const apigap::PostingsReport report =
        resume.summarize({matched("a.md", "entry", 60,
                                  {asked_skill("java", "Java", PostingPart::required, false),
                                   asked_skill("message-queues", "Message queues", PostingPart::preferred, true),
                                   asked_skill("python", "Python", PostingPart::required, true)}),
                          matched("b.md", "senior", 70,
                                  {asked_skill("message-queues", "Message queues", PostingPart::required, true),
                                   asked_skill("java", "Java", PostingPart::required, false),
                                   asked_skill("caching", "Caching", PostingPart::context, false)}),
                          matched("c.md", "mid", 80,
                                  {asked_skill("message-queues", "Message queues", PostingPart::required, true),
                                   asked_skill("go", "Go", PostingPart::preferred, false),
                                   asked_skill("python", "Python", PostingPart::preferred, true)})},
                         0, "mid");

    // Rows are c (80), b (70), a (60): skills keep that order of first asking among equals.
    REQUIRE(report.skills.size() == 3);
    CHECK(report.skills[0].skill_id == "message-queues");  // required by 2, preferred by 1
    CHECK(report.skills[1].skill_id == "java");            // required by 2
    CHECK(report.skills[2].skill_id == "go");              // preferred by 1

    const apigap::SkillDemand& queues = report.skills[0];
    CHECK(queues.required_by == 2);
    CHECK(queues.preferred_by == 1);
    CHECK(queues.rating == 1);
    CHECK(queues.target == 3);  // senior's, the highest of entry 1, mid 2, senior 3
    CHECK(queues.distance() == 2);
    CHECK(queues.resume_lines == 1);
    CHECK(queues.postings == std::vector<std::string>{"c.md", "b.md", "a.md"});

    const apigap::SkillDemand& java = report.skills[1];
    CHECK(java.rating == 0);
    CHECK(java.target == 4);  // the senior posting's languages target
    CHECK(java.resume_lines == 0);
    CHECK(java.postings == std::vector<std::string>{"b.md", "a.md"});

    CHECK(report.skills[2].target == 3);  // Go at mid
    CHECK(report.skills[2].preferred_by == 1);

    // Python is rated 3; entry (a.md) wants 2 and mid (c.md) 3 of the best language: it is no gap.
    CHECK(find_skill(report, "python") == nullptr);

    // A skill only named as context (caching in b.md) is asked by no posting.
    CHECK(find_skill(report, "caching") == nullptr);
    CHECK(report.candidate_level == "mid");
}

TEST_CASE("A skill the resume names below the target of any posting that asks for it is a gap", "[match][postings]") {
    const Resume resume;
    const auto python_at = [&](const std::string& level) {
        return resume.summarize({matched("a.md", level, 50,
                                         {asked_skill("python", "Python", PostingPart::required, true),
                                          asked_skill("websocket", "WebSocket", PostingPart::preferred, false)})});
    };
    const apigap::PostingsReport entry = python_at("entry");
    REQUIRE(entry.skills.size() == 1);
    CHECK(entry.skills[0].skill_id == "websocket");
    CHECK(entry.skills[0].distance() == 1);

    const apigap::PostingsReport senior = python_at("senior");  // Python 3, senior's best language 4
    const apigap::SkillDemand* python = find_skill(senior, "python");
    REQUIRE(python != nullptr);
    CHECK(python->resume_lines == 2);  // two keywords on line 0 are one line
    CHECK(python->distance() == 1);
    CHECK(senior.skills.front().skill_id == "python");  // required before preferred
}

TEST_CASE("Terms the resume does not write are counted by postings, with what it writes instead", "[match][postings]") {
    const Resume resume;
    const apigap::PostingsReport report = resume.summarize({
        matched("a.md", "mid", 60, {asked_skill("message-queues", "Message queues", PostingPart::required, true)},
                {asked_term("Apache Kafka", "message-queues", PostingPart::required, false, {"RabbitMQ"}),
                 asked_term("Amazon SQS", "message-queues", PostingPart::preferred, false, {"RabbitMQ"}),
                 asked_term("RabbitMQ", "message-queues", PostingPart::required, true)}),
        matched("b.md", "mid", 50, {asked_skill("message-queues", "Message queues", PostingPart::required, true)},
                {asked_term("Apache Kafka", "message-queues", PostingPart::preferred, false, {"RabbitMQ"}),
                 asked_term("AMQP", "message-queues", PostingPart::preferred, false, {"RabbitMQ"}),
                 asked_term("Redis", "caching", PostingPart::context, false)}),
    });
    REQUIRE(report.terms.size() == 3);  // RabbitMQ is written; Redis is only context
    CHECK(report.terms[0].term == "Apache Kafka");
    CHECK(report.terms[0].required_by == 1);
    CHECK(report.terms[0].preferred_by == 1);
    CHECK(report.terms[0].resume_terms == std::vector<std::string>{"RabbitMQ"});
    CHECK(report.terms[0].skill_name == "Message queues and event streaming");  // the knowledge base's name
    CHECK(report.terms[0].postings == std::vector<std::string>{"a.md", "b.md"});
    CHECK(report.terms[1].term == "AMQP");  // ties by term
    CHECK(report.terms[2].term == "Amazon SQS");
}

TEST_CASE("The study plan steps up the first skills that have a distance, at most three", "[match][postings]") {
    const Resume resume;
    std::vector<apigap::MatchSkill> asked = {
        asked_skill("java", "Java", PostingPart::required, false),
        asked_skill("go", "Go", PostingPart::required, false),
        asked_skill("nodejs", "Node.js", PostingPart::required, false),
        asked_skill("websocket", "WebSocket", PostingPart::required, false),
    };
    const apigap::PostingsReport report = resume.summarize({matched("a.md", "senior", 10, asked)});
    REQUIRE(report.skills.size() == 4);
    const std::vector<apigap::PlanStep> next = report.plan.next_steps();
    REQUIRE(next.size() == apigap::k_planned_skills);
    for (std::size_t i = 0; i < next.size(); ++i) {
        CHECK(next[i].skill_id == report.skills[i].skill_id);
        CHECK(next[i].from == 0);
        CHECK(next[i].to == 1);
        CHECK_FALSE(next[i].goal.empty());
    }
    // Every rung to each senior target: the plan does not stop at the first.
    std::size_t rungs = 0;
    for (std::size_t i = 0; i < apigap::k_planned_skills; ++i) {
        rungs += static_cast<std::size_t>(report.skills[i].distance());
    }
    CHECK(rungs > apigap::k_planned_skills);
    CHECK(report.plan.steps.size() == rungs);
    CHECK(report.plan.total_hours > 0);
}

TEST_CASE("Many postings pass when every one was read and reaches the minimum", "[match][postings]") {
    const Resume resume;
    const auto row = [](std::string source, int score) {
        return matched(std::move(source), "mid", score, {asked_skill("python", "Python", PostingPart::required, true)},
                       {}, 60);
    };
    CHECK(resume.summarize({row("a.md", 60), row("b.md", 100)}, 60).passed());
    CHECK_FALSE(resume.summarize({row("a.md", 59), row("b.md", 100)}, 60).passed());
    CHECK(resume.summarize({row("a.md", 59)}, 60).min_score == 60);
}
