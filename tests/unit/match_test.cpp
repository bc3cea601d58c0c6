// Tests of `apigap match` (src/core/match.cpp): a posting's parts, years and level, the rate and the verdict.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "apigap/error.hpp"
#include "apigap/experience.hpp"
#include "apigap/keywords.hpp"
#include "apigap/match.hpp"
#include "apigap/mentions.hpp"
#include "apigap/report.hpp"
#include "core/posting_text.hpp"

namespace {

using apigap::LevelVerdict;
using apigap::PostingPart;

const apigap::KnowledgeBase& kb() {
    static const apigap::KnowledgeBase base = apigap::load_knowledge_base();
    return base;
}

const apigap::KeywordMatcher& matcher() {
    static const apigap::KeywordMatcher engine(kb());
    return engine;
}

/// A document of `lines`, numbered from 1; a line starting with "# " is a heading (without the mark).
apigap::ResumeDocument document(std::string source, const std::vector<std::string>& lines) {
    apigap::ResumeDocument doc;
    doc.source = std::move(source);
    int number = 0;
    for (const std::string& text : lines) {
        const bool heading = text.rfind("# ", 0) == 0;
        doc.add_line(++number, heading ? text.substr(2) : text, heading);
    }
    return doc;
}

/// What the tests ask `match` for: `--level` (empty: the posting's) and `--min-score`.
struct Asked {
    std::string level;
    int min_score = 0;
    std::optional<std::string> candidate_level;
};

apigap::ResumeDocument resume_of(const std::vector<std::string>& lines) {
    apigap::ResumeDocument resume = document("cv.md", lines);
    apigap::assign_sections(resume, kb().resume);
    return resume;
}

apigap::Posting posting_of(const std::vector<std::string>& lines, const std::string& level = "") {
    const apigap::ResumeDocument posting = document("job.md", lines);
    return apigap::read_posting(
        kb(), posting, [](std::string_view line) { return apigap::find_line_hits(line, matcher()); }, level);
}

/// The readiness `report` gives `level_id`.
double readiness_of(const apigap::Report& report, const std::string& level_id) {
    for (const apigap::LevelReadiness& level : report.readiness) {
        if (level.level_id == level_id) {
            return level.readiness;
        }
    }
    FAIL("no level " << level_id);
    throw std::logic_error("unreachable");
}

/// `resume_lines` matched against `posting`, as `apigap match` does it.
apigap::MatchReport match(const std::vector<std::string>& resume_lines, const std::vector<std::string>& posting_lines,
                          const Asked& asked = {}) {
    const apigap::ResumeDocument resume = resume_of(resume_lines);
    const apigap::Posting posting = posting_of(posting_lines, asked.level);
    const std::vector<apigap::Mention> mentions = apigap::find_mentions(resume, matcher());
    const apigap::Report report =
        apigap::make_report(kb(), apigap::infer_profile(kb(), resume, mentions), posting.summary.level_id);
    return apigap::match_posting(posting, resume, mentions, report, asked.min_score, asked.candidate_level);
}

const apigap::MatchSkill& skill(const apigap::MatchReport& report, const std::string& id) {
    for (const apigap::MatchSkill& item : report.skills) {
        if (item.skill_id == id) {
            return item;
        }
    }
    FAIL("no skill " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("Headings open required, preferred, context or ignored parts", "[match]") {
    const auto part = [](std::string_view heading) { return apigap::classify_heading(kb().posting, heading); };
    CHECK(part("Requirements") == PostingPart::required);
    CHECK(part("## Minimum Qualifications:") == PostingPart::required);
    CHECK(part("What you\u2019ll need") == PostingPart::required);
    CHECK(part("Must have") == PostingPart::required);
    CHECK(part("Responsibilities") == PostingPart::required);
    CHECK(part("What you'll do") == PostingPart::required);
    CHECK(part("What we look for") == PostingPart::required);
    CHECK(part("Soft skills:") == PostingPart::required);
    CHECK(part("Preferred qualifications") == PostingPart::preferred);
    CHECK(part("Nice to have") == PostingPart::preferred);
    CHECK(part("Bonus points") == PostingPart::preferred);
    CHECK(part("Pluses") == PostingPart::preferred);
    CHECK(part("Tech stack") == PostingPart::context);
    CHECK(part("About the role") == PostingPart::context);
    CHECK(part("About us") == PostingPart::ignored);
    CHECK(part("About Acme Corp") == PostingPart::ignored);
    CHECK(part("Benefits & perks") == PostingPart::ignored);
    CHECK(part("Our interview process") == PostingPart::ignored);
    CHECK(part("Equal Opportunity Employer") == PostingPart::ignored);
    CHECK_FALSE(part("Senior API Engineer").has_value());
    CHECK_FALSE(part("").has_value());
}

TEST_CASE("Headings in Chinese, Spanish, Portuguese, German and French open their parts", "[match]") {
    const auto part = [](std::string_view heading) { return apigap::classify_heading(kb().posting, heading); };
    CHECK(part("任职要求：") == PostingPart::required);
    CHECK(part("职位要求") == PostingPart::required);
    CHECK(part("岗位职责") == PostingPart::required);
    CHECK(part("加分项") == PostingPart::preferred);
    CHECK(part("Requisitos") == PostingPart::required);
    CHECK(part("Deseable") == PostingPart::preferred);
    CHECK(part("Diferenciais") == PostingPart::preferred);
    CHECK(part("Benefícios") == PostingPart::ignored);
    CHECK(part("ANFORDERUNGEN") == PostingPart::required);
    CHECK(part("Deine Aufgaben") == PostingPart::required);
    CHECK(part("Wünschenswert") == PostingPart::preferred);
    CHECK(part("Was wir bieten") == PostingPart::ignored);
    CHECK(part("Profil recherché") == PostingPart::required);
    CHECK(part("Un plus") == PostingPart::preferred);
    CHECK(part("Vos missions :") == PostingPart::required);
}

TEST_CASE("A sentence that calls a skill a plus is preferred", "[match]") {
    const auto preferred = [](std::string_view sentence) { return apigap::says_preferred(kb().posting, sentence); };
    CHECK(preferred("Kafka is a plus"));
    CHECK(preferred("Nice to have: Kafka"));
    CHECK(preferred("Go preferred"));
    CHECK(preferred("Bonus: gRPC"));
    CHECK(preferred("Ideally PostgreSQL"));
    CHECK(preferred("Familiarity with Kafka is an advantage"));
    CHECK(preferred("Conhecimento em Docker é desejável"));
    CHECK(preferred("Kenntnisse in Kafka von Vorteil"));
    CHECK(preferred("熟悉Docker者优先"));
    CHECK_FALSE(preferred("5+ years of Java"));
    CHECK_FALSE(preferred("Surplus capacity planning"));
}

TEST_CASE("Skills offered as a choice are alternatives: a list of one skill's tools is not", "[match]") {
    const auto offered = [](std::string_view line) {
        return apigap::alternatives(kb().posting, line, apigap::find_line_hits(line, matcher()));
    };
    CHECK(offered("Experience with Go or Python") == std::vector<bool>{true, true});
    CHECK(offered("Java, Go, or Python") == std::vector<bool>{true, true, true});
    CHECK(offered("Go/Python") == std::vector<bool>{true, true});
    CHECK(offered("Fluency in one of Java, Go and Python") == std::vector<bool>{true, true, true});
    CHECK(offered("Familiarity with languages (Python, Go, etc.)") == std::vector<bool>{true, true});
    CHECK(offered("Solid experience with at least one language. We use Go and Python") ==
          std::vector<bool>{true, true});
    CHECK(offered("Python and Go") == std::vector<bool>{false, false});
    // One skill: the choice is within it (each keyword is a hit of its own).
    CHECK(offered("PostgreSQL or MySQL") == std::vector<bool>{false, false});
    CHECK(offered("Python and PostgreSQL or MySQL") == std::vector<bool>{false, false, false});
    CHECK(offered("熟悉Java或Go") == std::vector<bool>{true, true});
    const auto choice = [&](std::string_view line) {
        const std::vector<bool> marked = offered(line);
        return std::count(marked.begin(), marked.end(), true);
    };
    CHECK(choice("Kafka or RabbitMQ") == 0);            // message queues either way
    CHECK(choice("Java or JavaScript (Node.js)") > 0);  // JavaScript, a related keyword, still offers Node.js
}

TEST_CASE("Years are read from the ways postings write them", "[match]") {
    CHECK(apigap::years_asked("5+ years of Java") == 5);
    CHECK(apigap::years_asked("3-5 years building APIs") == 3);
    CHECK(apigap::years_asked("3\u20135 yrs with Go") == 3);
    CHECK(apigap::years_asked("at least 4 years of Python") == 4);
    CHECK(apigap::years_asked("Minimum 2 years in backend work") == 2);
    CHECK(apigap::years_asked("7 years' experience") == 7);
    CHECK_FALSE(apigap::years_asked("Founded in 2015, 400 partner companies").has_value());
    CHECK_FALSE(apigap::years_asked("2015 years").has_value());
    CHECK_FALSE(apigap::years_asked("Python 3 and Java 17").has_value());
}

TEST_CASE("The title states the level: years decide when it does not", "[match]") {
    const auto titled = [](std::string_view title) {
        const apigap::Level* level = apigap::level_of_title(kb(), title);
        return level == nullptr ? std::string("-") : level->id;
    };
    CHECK(titled("Senior Backend Engineer") == "senior");
    CHECK(titled("Sr. API Developer") == "senior");
    CHECK(titled("Staff Engineer, API Gateway") == "senior");
    CHECK(titled("Principal Engineer") == "senior");
    CHECK(titled("Tech Lead, Payments") == "senior");
    CHECK(titled("Junior Platform Engineer") == "entry");
    CHECK(titled("Jr. Developer") == "entry");
    CHECK(titled("Graduate Software Engineer") == "entry");
    CHECK(titled("Software Engineering Intern") == "entry");
    CHECK(titled("Platform Engineer (Mid-level)") == "mid");
    CHECK(titled("Go Developer Junior+/Middle") == "mid");  // the highest level the title names
    CHECK(titled("Member of Technical Staff, Backend") == "-");
    CHECK(titled("Backend Engineer") == "-");
    const auto by_years = [](double years) { return apigap::level_of_years(kb(), years)->id; };
    CHECK(by_years(0) == "entry");
    CHECK(by_years(1) == "entry");
    CHECK(by_years(2) == "mid");
    CHECK(by_years(5) == "mid");
    CHECK(by_years(6) == "senior");
}

TEST_CASE("The verdict compares readiness with the named thresholds", "[match]") {
    CHECK(apigap::level_verdict(69.9, std::nullopt) == LevelVerdict::under_levelled);
    CHECK(apigap::level_verdict(70.0, 89.9) == LevelVerdict::aligned);
    CHECK(apigap::level_verdict(95.0, 90.0) == LevelVerdict::over_levelled);
    CHECK(apigap::level_verdict(100.0, std::nullopt) == LevelVerdict::aligned);
    CHECK(apigap::level_verdict(50.0, 95.0) == LevelVerdict::under_levelled);
    CHECK(apigap::level_verdict_by_order(std::size_t{0}, std::size_t{1}) == LevelVerdict::under_levelled);
    CHECK(apigap::level_verdict_by_order(std::size_t{1}, std::size_t{1}) == LevelVerdict::aligned);
    CHECK(apigap::level_verdict_by_order(std::size_t{2}, std::size_t{1}) == LevelVerdict::over_levelled);
}

TEST_CASE("A missing required skill costs twice a missing preferred one", "[match]") {
    const std::vector<std::string> posting{"# Backend Engineer", "# Requirements", "Python and PostgreSQL",
                                           "# Nice to have", "RabbitMQ"};
    // Weights: Python 2, PostgreSQL 2, RabbitMQ (message queues) 1.
    const apigap::MatchReport none = match({"# Skills", "Excel"}, posting);
    CHECK(none.score == 0);
    const apigap::MatchReport queues = match({"# Skills", "RabbitMQ"}, posting);
    CHECK(queues.score == 20);  // floor(100 * 1 / 5)
    const apigap::MatchReport python = match({"# Skills", "Python"}, posting);
    CHECK(python.score == 40);
    const apigap::MatchReport all = match({"# Skills", "Python, PostgreSQL, RabbitMQ"}, posting);
    CHECK(all.score == 100);
    CHECK(all.passed());
}

TEST_CASE("Missing skills come first, required before preferred, then in posting order", "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "Python"},
              {"# Backend Engineer", "# About the role", "We keep Redis caches warm", "# Requirements", "Python",
               "5+ years of Java", "Nice to have: RabbitMQ", "# Benefits", "GraphQL conference budget"});
    // Redis evidences caching and database design (rate limiting only beside its own keywords); the GraphQL under
    // Benefits is ignored.
    REQUIRE(report.skills.size() == 5);
    CHECK(report.skills[0].skill_id == "java");
    CHECK(report.skills[0].part == PostingPart::required);
    CHECK(report.skills[0].years == 5);
    CHECK(report.skills[0].spot == apigap::ResumeSpot::experience);
    CHECK(report.skills[0].spelling == "Java");
    CHECK(report.skills[1].skill_id == "caching");
    CHECK(report.skills[1].part == PostingPart::context);
    CHECK(report.skills[2].skill_id == "database-design");
    CHECK(report.skills[3].skill_id == "message-queues");
    CHECK(report.skills[3].part == PostingPart::preferred);
    CHECK(report.skills[3].spot == apigap::ResumeSpot::skills);
    CHECK(report.skills[4].skill_id == "python");
    CHECK(report.skills[4].found);
    CHECK(report.skills[4].resume_keywords == std::vector<std::string>{"Python"});
    CHECK(report.score == 28);  // Python's 2 of Java 2 + Redis (caching 1, database design 1) + RabbitMQ 1 + Python 2
    CHECK(report.posting.years == 5);
    CHECK(report.posting.level_id == "mid");
    CHECK(report.posting.level_source == apigap::LevelSource::years);
}

TEST_CASE("Plain-text headings are short lines that name no skill", "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "Excel"}, {"Platform Engineer", "About us", "We write Java every day", "Must have",
                                      "Python 3 preferred", "Bonus: Docker", "Nice to have", "SQL"});
    REQUIRE(report.skills.size() == 3);
    CHECK(skill(report, "python").part == PostingPart::preferred);
    CHECK(skill(report, "microservices").part == PostingPart::preferred);
    CHECK(skill(report, "database-design").part == PostingPart::preferred);
    CHECK(report.skills[0].skill_id == "python");
}

TEST_CASE("A missing skill points at the line where its resume section starts, or 0 without one", "[match]") {
    const std::vector<std::string> posting{"# Backend Engineer", "# Requirements", "5+ years of Java", "Python"};
    const apigap::MatchReport both =
        match({"Jane Doe", "jane@example.com", "# Experience", "Built billing services", "# Skills", "Excel"}, posting);
    CHECK(skill(both, "java").spot == apigap::ResumeSpot::experience);
    CHECK(skill(both, "java").section_line == 3);
    CHECK(skill(both, "python").spot == apigap::ResumeSpot::skills);
    CHECK(skill(both, "python").section_line == 5);
    const apigap::MatchReport no_skills = match({"Jane Doe", "# Work Experience", "Built billing services"}, posting);
    CHECK(skill(no_skills, "java").section_line == 2);
    CHECK(skill(no_skills, "python").section_line == 0);
}

TEST_CASE("A skill named twice keeps its strongest part, cited at its line with the spelling there", "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "Excel"}, {"# Backend Developer", "# Our stack", "Services in golang", "# Requirements",
                                      "Go services, 3 years", "Golang or Python is a plus"});
    const apigap::MatchSkill& go = skill(report, "go");
    CHECK(go.spelling == "Go");
    CHECK(go.part == PostingPart::required);
    CHECK(go.line == 5);
    CHECK(go.years == 3);
}

TEST_CASE("Bold, italic, colon and capitalised lines head parts: list items do not", "[match]") {
    apigap::ResumeDocument posting =
        document("job.md", {"# Backend Engineer", "We build payments.", "Your responsibilities",
                            "Design REST APIs in Go", "WHAT WE LOOK FOR:", "Nice to have", "PostgreSQL", "Kafka"});
    posting.lines[6].bullet = true;  // "- PostgreSQL": an item, not a heading, though short and without a full stop
    const apigap::Posting read = apigap::read_posting(
        kb(), posting, [](std::string_view line) { return apigap::find_line_hits(line, matcher()); }, "");
    const auto part_of = [&](const std::string& id) {
        const auto found = std::find_if(read.skills.begin(), read.skills.end(),
                                        [&](const apigap::MatchSkill& each) { return each.skill_id == id; });
        REQUIRE(found != read.skills.end());
        return found->part;
    };
    CHECK(part_of("rest-graphql") == PostingPart::required);
    CHECK(part_of("go") == PostingPart::required);
    CHECK(part_of("database-design") == PostingPart::preferred);
    CHECK(part_of("message-queues") == PostingPart::preferred);
}

TEST_CASE("The skills the title names are required: alternatives and bonuses in a required part are preferred",
          "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "Excel"}, {"# Senior Python Engineer", "About us", "We use Go and Kafka.", "Requirements",
                                      "Deep SQL experience. Ideally Redis", "Java or Node.js", "Docker is a plus"});
    CHECK(skill(report, "python").part == PostingPart::required);
    CHECK(skill(report, "python").line == 1);
    CHECK(skill(report, "database-design").part == PostingPart::required);
    CHECK(skill(report, "caching").part == PostingPart::preferred);
    CHECK(skill(report, "java").part == PostingPart::preferred);
    CHECK(skill(report, "nodejs").part == PostingPart::preferred);
    CHECK(skill(report, "microservices").part == PostingPart::preferred);
    CHECK(std::none_of(report.skills.begin(), report.skills.end(),
                       [](const apigap::MatchSkill& each) { return each.skill_id == "go"; }));  // under About us
}

TEST_CASE("A posting that is one long line has its first 500 bytes as its title", "[match]") {
    std::string line;
    while (line.size() < 100'000) {
        line += "Built REST APIs in Go with PostgreSQL and Kafka. ";
    }
    const apigap::Posting posting = posting_of({line});
    CHECK(posting.summary.title.size() <= apigap::k_max_quoted_line + std::string("\u2026").size());
    CHECK(posting.summary.title.rfind("Built REST APIs in Go", 0) == 0);
    CHECK(posting.summary.title.substr(posting.summary.title.size() - 3) == "\u2026");
    CHECK(posting_of({"# Backend Engineer", "Go"}).summary.title == "Backend Engineer");
}

TEST_CASE("A line that asks to build, ship or own a skill puts it in experience", "[match]") {
    const apigap::MatchReport report = match(
        {"# Skills", "Excel"}, {"# Engineer", "# Requirements", "Python", "Shipping Go services", "Kafka/Docker"});
    CHECK(skill(report, "python").spot == apigap::ResumeSpot::skills);
    CHECK(skill(report, "go").spot == apigap::ResumeSpot::experience);
    CHECK(skill(report, "message-queues").spot == apigap::ResumeSpot::skills);
}

TEST_CASE("The level comes from the option, the title, the years or the default", "[match]") {
    const std::vector<std::string> resume{"# Skills", "Python"};
    CHECK(match(resume, {"# Senior Python Engineer", "10 years of Python"}).posting.level_id == "senior");
    CHECK(match(resume, {"# Junior Python Engineer", "10 years of Python"}).posting.level_source ==
          apigap::LevelSource::title);
    const apigap::MatchReport plain = match(resume, {"# Python Engineer", "Python"});
    CHECK(plain.posting.level_id == "mid");
    CHECK(plain.posting.level_source == apigap::LevelSource::default_level);
    const apigap::MatchReport forced =
        match(resume, {"# Senior Python Engineer", "Python"}, {"entry", 0, std::nullopt});
    CHECK(forced.posting.level_id == "entry");
    CHECK(forced.posting.level_source == apigap::LevelSource::option);
    CHECK(forced.next_level_id == "mid");
    CHECK(forced.verdict == apigap::level_verdict(forced.readiness, forced.next_readiness));
    // "Staff" before a field is senior; a new or fresh graduate is entry.
    CHECK(match(resume, {"# Staff Backend Engineer", "3+ years of Python"}).posting.level_id == "senior");
    CHECK(match(resume, {"# Software Engineer (Fresh grad, < 2 years)", "Python"}).posting.level_id == "entry");
    CHECK(match(resume, {"# Software Engineer, New Grad", "Python"}).posting.level_id == "entry");
}

TEST_CASE("How real postings head their parts and mark a bonus", "[match]") {
    const std::vector<std::string> resume{"# Skills", "Excel"};
    // A part headed by the role or by who thrives in it asks for what it names.
    CHECK(skill(match(resume, {"# Engineer", "## About us", "We sell tea.", "**In this role, you will:**",
                               "Debug production issues in PostgreSQL"}),
                "problem-solving")
              .part == PostingPart::required);
    CHECK(skill(match(resume,
                      {"# Engineer", "## About us", "We sell tea.", "**You might thrive here if you:**", "Write SQL"}),
                "database-design")
              .part == PostingPart::required);
    // An alternative left unnamed, a big plus and brownie points are bonuses.
    const apigap::MatchReport bonus = match(
        resume, {"# Engineer", "## Requirements", "Go services on Kubernetes", "Scripting in Python or equivalents",
                 "C# et SQL sont un énorme plus", "**Extra brownie points if you:**", "Run RabbitMQ"});
    CHECK(skill(bonus, "go").part == PostingPart::required);
    CHECK(skill(bonus, "python").part == PostingPart::preferred);
    CHECK(skill(bonus, "database-design").part == PostingPart::preferred);
    CHECK(skill(bonus, "message-queues").part == PostingPart::preferred);
}

TEST_CASE("The gate fails below the minimum score", "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "Excel"}, {"# Requirements", "Python"}, {"", 50, std::nullopt});
    CHECK(report.score == 0);
    CHECK_FALSE(report.passed());
}

TEST_CASE("A posting that names no known skill is an error naming it", "[match]") {
    CHECK_THROWS_WITH(match({"# Skills", "Python"}, {"# Cook", "Make soup", "# Requirements", "A warm smile"}),
                      "job.md: the posting names no skill the knowledge base knows; nothing to match");
    CHECK_THROWS_WITH(match({"# Skills", "Python"}, {"# Cook", "Make soup", "# Benefits", "A Kubernetes course"}),
                      "job.md: the posting asks for no skill the knowledge base knows: it names them only in parts "
                      "that ask for nothing (About us, Benefits, \u2026); nothing to match");
    CHECK_THROWS_WITH(match({"# Skills", "Python"}, {"# Requirements", "Python"}, {"staff", 0, std::nullopt}),
                      "unknown level 'staff'; expected one of: entry, mid, senior");
}

TEST_CASE("A posting read once gives each resume the match a fresh read would", "[match]") {
    const std::vector<std::string> lines{"# Senior Backend Engineer", "# Requirements", "Python and PostgreSQL",
                                         "# Nice to have", "RabbitMQ"};
    const apigap::Posting posting = posting_of(lines);
    REQUIRE(posting.skills.size() == 3);
    CHECK(posting.summary.level_id == "senior");
    CHECK(posting.summary.title == "Senior Backend Engineer");
    for (const std::vector<std::string>& resume_lines :
         {std::vector<std::string>{"# Skills", "Python"},
          std::vector<std::string>{"# Skills", "RabbitMQ, PostgreSQL"}}) {
        const apigap::ResumeDocument resume = resume_of(resume_lines);
        const std::vector<apigap::Mention> mentions = apigap::find_mentions(resume, matcher());
        const apigap::Report report =
            apigap::make_report(kb(), apigap::infer_profile(kb(), resume, mentions), "senior");
        const apigap::MatchReport shared = apigap::match_posting(posting, resume, mentions, report, 0, std::nullopt);
        const apigap::MatchReport fresh = match(resume_lines, lines);
        CHECK(shared.score == fresh.score);
        CHECK(shared.skills.size() == fresh.skills.size());
        CHECK(shared.skills.front().skill_id == fresh.skills.front().skill_id);
        CHECK(shared.readiness == fresh.readiness);
    }
    CHECK(match({"# Skills", "Python"}, lines).score == 40);                // Python's 2 of 2 + 2 + 1
    CHECK(match({"# Skills", "RabbitMQ, PostgreSQL"}, lines).score == 60);  // 2 + 1 of 5
    CHECK(std::none_of(posting.skills.begin(), posting.skills.end(),
                       [](const apigap::MatchSkill& skill) { return skill.found; }));
}

TEST_CASE("The verdict compares the level the resume's experience reads as with the posting's, when it reads as one",
          "[match]") {
    // Skills strong enough for senior by readiness; the experience decides when there is one.
    const std::vector<std::string> resume = {"# Skills", "Python, Java, Go, REST, GraphQL, OAuth, JWT, PostgreSQL"};
    const std::vector<std::string> posting = {"# Senior Engineer", "# Requirements", "Python and REST"};
    const apigap::MatchReport by_readiness = match(resume, posting);
    const apigap::MatchReport entry = match(resume, posting, {"", 0, "entry"});
    const apigap::MatchReport senior = match(resume, posting, {"", 0, "senior"});
    const apigap::MatchReport mid_posting =
        match(resume, {"# Engineer", "# Requirements", "Python"}, {"mid", 0, "senior"});
    CHECK(by_readiness.verdict == apigap::level_verdict(by_readiness.readiness, by_readiness.next_readiness));
    CHECK_FALSE(by_readiness.candidate_level.has_value());
    CHECK(entry.verdict == LevelVerdict::under_levelled);
    CHECK(entry.candidate_level == "entry");
    CHECK(entry.readiness == by_readiness.readiness);  // the readiness is still reported
    CHECK(senior.verdict == LevelVerdict::aligned);
    CHECK(mid_posting.verdict == LevelVerdict::over_levelled);
    CHECK_THROWS_WITH(match(resume, posting, {"", 0, "staff"}),
                      "the resume's report has no readiness for level 'staff'");
}

TEST_CASE("The verdict reads the posting's level whatever level the resume's report targets", "[match]") {
    const apigap::ResumeDocument resume = resume_of({"# Skills", "Python, PostgreSQL, REST"});
    const std::vector<apigap::Mention> mentions = apigap::find_mentions(resume, matcher());
    const apigap::Profile profile = apigap::infer_profile(kb(), resume, mentions);
    const apigap::Posting posting = posting_of({"# Engineer", "# Requirements", "Python"}, "entry");
    const apigap::Report for_entry = apigap::make_report(kb(), profile, "entry");
    const apigap::Report for_senior = apigap::make_report(kb(), profile, "senior");
    const apigap::MatchReport a = apigap::match_posting(posting, resume, mentions, for_entry, 0, std::nullopt);
    const apigap::MatchReport b = apigap::match_posting(posting, resume, mentions, for_senior, 0, std::nullopt);
    CHECK(a.posting.level_id == "entry");
    CHECK(a.readiness == readiness_of(for_entry, "entry"));
    CHECK(a.next_level_id == "mid");
    CHECK(a.next_readiness == readiness_of(for_entry, "mid"));
    CHECK(b.readiness == a.readiness);
    CHECK(b.next_level_id == a.next_level_id);
    CHECK(b.next_readiness == a.next_readiness);
    CHECK(b.verdict == a.verdict);

    const apigap::Posting senior = posting_of({"# Engineer", "# Requirements", "Python"}, "senior");
    const apigap::MatchReport top = apigap::match_posting(senior, resume, mentions, for_entry, 0, std::nullopt);
    CHECK(top.next_level_id.empty());
    CHECK_FALSE(top.next_readiness.has_value());

    CHECK_THROWS_WITH(apigap::match_posting(posting, resume, mentions, apigap::Report{}, 0, std::nullopt),
                      "the resume's report has no readiness for level 'entry'");
    CHECK_THROWS_WITH(apigap::match_posting(apigap::Posting{}, resume, mentions, for_entry, 0, std::nullopt),
                      "the posting has no skill to match");
}

TEST_CASE("The posting's own terms are matched by word: an alias counts, another term of the skill does not",
          "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "PostgreSQL, RabbitMQ, Python"},
              {"# Backend Engineer", "# Requirements", "MySQL and Kafka", "Postgres or Python", "Mentor juniors"});
    std::vector<std::string> terms;
    for (const apigap::MatchKeyword& keyword : report.keywords) {
        terms.push_back(keyword.term + (keyword.found ? " found" : " missing"));
    }
    // Missing first, each term once; soft skills ("mentor") name no technology term.
    CHECK(terms ==
          std::vector<std::string>{"MySQL missing", "Apache Kafka missing", "PostgreSQL found", "Python found"});
    const apigap::MatchKeyword& mysql = report.keywords[0];
    CHECK(mysql.spelling == "MySQL");
    CHECK(mysql.skill_id == "database-design");
    CHECK(mysql.line == 3);
    CHECK(mysql.part == PostingPart::required);
    CHECK(mysql.resume_terms == std::vector<std::string>{"PostgreSQL"});
    CHECK(report.keywords[2].spelling == "Postgres");  // the alias the posting writes, found as PostgreSQL
    // Skills: database design and message queues required and found (2 + 2), Python a choice and found (1),
    // communication required and missing (2): floor(100 × 5 / 7). Terms: MySQL and Kafka required and missing
    // (2 + 2), Postgres and Python a choice and found (1 + 1): floor(100 × 2 / 6).
    CHECK(report.score == 71);
    CHECK(report.keyword_score == 33);
}

TEST_CASE("A term that only hints at a skill is no skill the posting asks for, but a word it asks for", "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "Python, Terraform"},
              {"# Engineer", "# Requirements", "Python, TypeScript and Terraform", "Apache Kafka is a plus"});
    std::vector<std::string> skills;
    for (const apigap::MatchSkill& skill : report.skills) {
        skills.push_back(skill.skill_id);
    }
    // TypeScript runs in browsers too (related to Node.js), Terraform hints at microservices, and Kafka evidences
    // message queues but is only listed for microservices: none of those hints is a skill asked for.
    CHECK(skills == std::vector<std::string>{"message-queues", "python"});
    std::vector<std::string> terms;
    for (const apigap::MatchKeyword& keyword : report.keywords) {
        terms.push_back(keyword.spelling + " " + std::string(apigap::to_string(keyword.part)) +
                        (keyword.found ? " found" : " missing"));
    }
    // Each word once, Kafka under message queues.
    CHECK(terms == std::vector<std::string>{"TypeScript required missing", "Apache Kafka preferred missing",
                                            "Python required found", "Terraform required found"});
    CHECK(report.keywords[1].skill_id == "message-queues");
}

TEST_CASE("Each database product is a term of its own: a posting's BigQuery is not another product's alias",
          "[match]") {
    // Analytics and graph stores were once aliases of one term, so a posting's "BigQuery" read as "CockroachDB".
    const apigap::MatchReport report =
        match({"# Skills", "ClickHouse, Python"}, {"# Engineer", "# Requirements", "Python with BigQuery or Neo4j"});
    std::vector<std::string> terms;
    for (const apigap::MatchKeyword& keyword : report.keywords) {
        terms.push_back(keyword.term + (keyword.found ? " found" : " missing"));
    }
    CHECK(terms == std::vector<std::string>{"BigQuery missing", "Neo4j missing", "Python found"});
    CHECK(report.keywords[0].resume_terms == std::vector<std::string>{"ClickHouse"});
}

TEST_CASE("A product is a term of its own beside its concept: Okta is not in a resume that says Auth0", "[match]") {
    const apigap::MatchReport report =
        match({"# Skills", "Auth0, OAuth 2.0, CloudFront, EKS"},
              {"# Engineer", "# Requirements", "OAuth 2.0 with Okta", "Fastly or Amazon CloudFront", "Kubernetes"});
    std::vector<std::string> terms;
    for (const apigap::MatchKeyword& keyword : report.keywords) {
        terms.push_back(keyword.term + (keyword.found ? " found" : " missing"));
    }
    // "Amazon CloudFront" is CloudFront's alias: found. EKS is managed Kubernetes, not the word "Kubernetes".
    CHECK(terms == std::vector<std::string>{"Okta missing", "Fastly missing", "Kubernetes missing", "OAuth 2.0 found",
                                            "CloudFront found"});
}

TEST_CASE("Technical words the knowledge base does not know are listed as not assessed: names and prose are not",
          "[match]") {
    const apigap::Posting posting = posting_of(
        {"# Backend Engineer at Nimbus Labs", "# About Nimbus", "Nimbus Cloud serves Fortune 500 companies.",
         "# Requirements", "Experience with Kubernetes, Terraform and Elixir", "Snowflake or BigQuery for analytics",
         "Work with our Product Management team on Nimbus Cloud", "Fluent English, a BS in Computer Science",
         "Strong Knowledge Of Distributed Systems", "Ship Python services on AWS and GCP", "# Nice to have",
         "C++ or C# for tooling and Python scripts."});
    // Terraform, BigQuery, AWS and GCP are knowledge-base terms (related, aliases or tools): assessed.
    CHECK(posting.unassessed == std::vector<std::string>{"Elixir", "Snowflake", "C++", "C#"});
}

TEST_CASE("A sentence that says a skill is not required waives it for the whole posting", "[match]") {
    const apigap::MatchReport report = match(
        {"# Skills", "Excel"},
        {"# Backend Engineer", "# What you'll do", "Design and code features in the Go language", "# What we look for",
         "We do not require that you have programmed in Go before.", "Kubernetes experience"});
    const apigap::MatchSkill& go = skill(report, "go");
    CHECK(go.part == PostingPart::preferred);
    CHECK(go.line == 5);
    CHECK(skill(report, "microservices").part == PostingPart::required);
    const auto term = std::find_if(report.keywords.begin(), report.keywords.end(),
                                   [](const apigap::MatchKeyword& keyword) { return keyword.skill_id == "go"; });
    REQUIRE(term != report.keywords.end());
    CHECK(term->part == PostingPart::preferred);
}

TEST_CASE("A sentence ends at its marks, or at most k_max_sentence_side bytes away at a whole character", "[match]") {
    using apigap::detail::k_max_sentence_side;
    using apigap::detail::sentence_at;
    CHECK(sentence_at("Deep SQL. Ideally PostgreSQL; or MySQL", 12) == "Ideally PostgreSQL");
    CHECK(sentence_at("Go\u3002Python", 6) == "Python");
    // A line with no sentence end: the window around the place, not the whole line, so that asking for the
    // sentence of every hit of a 10 MiB line is linear.
    const std::string run(10 * k_max_sentence_side, 'a');
    CHECK(sentence_at(run, 5 * k_max_sentence_side).size() == 2 * k_max_sentence_side);
    CHECK(sentence_at(run, 0).size() == k_max_sentence_side);
    CHECK(sentence_at(run, run.size()).size() == k_max_sentence_side);
    // A cut inside a character moves to its edge: "é" is two bytes.
    std::string accented;
    while (accented.size() < 4 * k_max_sentence_side) {
        accented += "\u00e9";
    }
    const std::string_view cut = sentence_at(accented, 2 * k_max_sentence_side + 1);
    CHECK(cut.size() % 2 == 0);
    CHECK(cut.substr(0, 2) == "\u00e9");
    CHECK(cut.substr(cut.size() - 2) == "\u00e9");
}
