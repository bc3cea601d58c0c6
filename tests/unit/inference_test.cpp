// Tests of rating inference from resume evidence (src/core/inference.cpp),
// against the ladder in docs/scoring.md.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/knowledge_base.hpp"

namespace {

apigap::Mention mention(const std::string& skill, int line, const std::string& section, const std::string& text,
                        const std::string& keyword = "REST") {
    return apigap::Mention{skill, apigap::Evidence{line, section, keyword, text}};
}

int rating_of(const std::vector<apigap::Mention>& mentions, const std::string& skill = "rest-graphql") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    return apigap::infer_profile(kb, mentions).rating(skill);
}

}  // namespace

TEST_CASE("measurable results are numbers with a unit of change or scale", "[inference]") {
    for (const char* text : {"Cut p95 latency by 40%", "served 10k users", "handles 2,000 requests per second",
                             "reduced response time to 200 ms", "saved $1.2M a year", "split into 5 services",
                             "3x faster builds", "grew to 50+ partners"}) {
        CAPTURE(text);
        CHECK(apigap::has_measurable_result(text));
    }
    for (const char* text : {"Built REST APIs", "Worked there 2019 to 2021", "Python 3", "OAuth 2.0 flows",
                             "Team of engineers", "v2 of the API"}) {
        CAPTURE(text);
        CHECK_FALSE(apigap::has_measurable_result(text));
    }
}

TEST_CASE("leadership is designed, architected, led or mentored as a word", "[inference]") {
    CHECK(apigap::has_leadership("Designed the public API"));
    CHECK(apigap::has_leadership("Led a team of four"));
    CHECK(apigap::has_leadership("mentored two juniors"));
    CHECK_FALSE(apigap::has_leadership("Leading-edge tooling misled nobody"));
    CHECK_FALSE(apigap::has_leadership("Built the API"));
}

TEST_CASE("a skill named only in a skills list is rated 1", "[inference]") {
    CHECK(rating_of({mention("rest-graphql", 3, "skills", "REST, GraphQL")}) == 1);
    CHECK(rating_of({mention("rest-graphql", 3, "", "REST API engineer")}) == 1);
}

TEST_CASE("a skill used in experience or projects is rated 2", "[inference]") {
    CHECK(rating_of({mention("rest-graphql", 9, "experience", "Built REST APIs for the billing team")}) == 2);
    CHECK(rating_of({mention("rest-graphql", 9, "projects", "A REST API for a todo app")}) == 2);
}

TEST_CASE("use with a measurable result, leadership or sustained use is rated 3", "[inference]") {
    CHECK(rating_of({mention("rest-graphql", 9, "experience", "Built REST APIs serving 2M requests a day")}) == 3);
    CHECK(rating_of({mention("rest-graphql", 9, "experience", "Designed the REST API of the billing service")}) == 3);
    CHECK(rating_of({mention("rest-graphql", 9, "experience", "Built REST APIs"),
                     mention("rest-graphql", 11, "experience", "Documented REST endpoints"),
                     mention("rest-graphql", 14, "projects", "A REST client")}) == 3);
    CHECK(rating_of({mention("rest-graphql", 9, "experience", "Built REST APIs"),
                     mention("rest-graphql", 9, "experience", "Built REST APIs", "RESTful API")}) == 2);
}

TEST_CASE("leadership with a measurable result is rated 4", "[inference]") {
    CHECK(rating_of({mention("rest-graphql", 9, "experience",
                             "Led the redesign of our REST APIs, cutting p99 latency by 35%")}) == 4);
    CHECK(rating_of({mention("rest-graphql", 9, "skills", "Led the redesign of our REST APIs, cutting 35%")}) == 1);
}

TEST_CASE("a linked certification earns at least a working rating", "[inference]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const auto cert = std::find_if(kb.tools.begin(), kb.tools.end(),
                                   [](const apigap::Tool& t) { return t.kind == apigap::ToolKind::certification; });
    REQUIRE(cert != kb.tools.end());
    REQUIRE_FALSE(cert->skills.empty());
    const auto profile = apigap::infer_profile(
        kb, {apigap::Mention{cert->skills.front(), apigap::Evidence{20, "certifications", cert->name, cert->name}}});
    CHECK(profile.rating(cert->skills.front()) == 2);
}

TEST_CASE("every inferred rating lists the lines that earned it, in line order, once each", "[inference]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const auto profile = apigap::infer_profile(
        kb, {mention("rest-graphql", 12, "experience", "Built REST APIs"), mention("rest-graphql", 4, "skills", "REST"),
             mention("rest-graphql", 12, "experience", "Built REST APIs")});
    const auto& rating = profile.ratings().at("rest-graphql");
    CHECK(rating.source == apigap::RatingSource::inferred);
    REQUIRE(rating.evidence.size() == 2);
    CHECK(rating.evidence[0].line == 4);
    CHECK(rating.evidence[0].section == "skills");
    CHECK(rating.evidence[1].line == 12);
    CHECK(rating.evidence[1].text == "Built REST APIs");
}
