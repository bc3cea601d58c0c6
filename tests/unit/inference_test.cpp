// Tests of rating inference from resume evidence (src/core/inference.cpp),
// against the ladder in docs/scoring.md.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/knowledge_base.hpp"

namespace {

/// The resume every test's lines are written in; it lives as long as the test run.
apigap::ResumeDocument& resume() {
    static apigap::ResumeDocument document;
    return document;
}

/// A mention of `keyword` on a line of `resume()` made for it; the names live as long as the test run.
apigap::Mention mention(const std::string& skill, int line, const std::string& section, const std::string& text,
                        const std::string& keyword = "REST", apigap::KeywordLink link = apigap::KeywordLink::evidence) {
    static std::deque<apigap::SkillKeyword> keywords;
    resume().add_line(line, text, false, section);
    keywords.push_back(apigap::SkillKeyword{skill, keyword, link});
    const std::size_t offset = text.find(keyword);
    return apigap::Mention{&keywords.back(), static_cast<std::uint32_t>(resume().lines.size() - 1),
                           static_cast<std::uint32_t>(offset == std::string::npos ? 0 : offset)};
}

int rating_of(const std::vector<apigap::Mention>& mentions, const std::string& skill = "rest-graphql") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    return apigap::infer_profile(kb, resume(), mentions).rating(skill);
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

TEST_CASE("a number is found wherever it stands in a line", "[inference]") {
    for (std::size_t before = 0; before <= 40; ++before) {
        const std::string words(before, 'x');
        CAPTURE(before);
        CHECK(apigap::has_measurable_result(words + " 40% faster"));
        CHECK(apigap::has_measurable_result(words + " \u00e9 serving 10k users"));
        CHECK_FALSE(apigap::has_measurable_result(words + " since 2019"));
        if (before > 0) {
            CHECK_FALSE(apigap::has_measurable_result(words + "3x"));  // a digit inside a word starts no number
        }
        CHECK_FALSE(apigap::has_measurable_result(words));
    }
}

TEST_CASE("leadership is designed, architected, led or mentored as a word", "[inference]") {
    CHECK(apigap::has_leadership("Designed the public API"));
    CHECK(apigap::has_leadership("Led a team of four"));
    CHECK(apigap::has_leadership("mentored two juniors"));
    CHECK_FALSE(apigap::has_leadership("Leading-edge tooling misled nobody"));
    CHECK_FALSE(apigap::has_leadership("Built the API"));
    CHECK(apigap::has_leadership("co-LED the migration"));
    CHECK_FALSE(apigap::has_leadership("Shipped 2led panels and v3designed ones"));  // after a digit: no word
}

TEST_CASE("leadership words are found as a word-by-word reading finds them, in random lines", "[inference]") {
    // The model: every maximal run of letters that no letter or digit precedes, lowered, against the list.
    const auto by_the_book = [](const std::string& text) {
        static const std::vector<std::string> words{"designed", "architected", "led",    "lead",
                                                    "mentored", "mentoring",   "owned",  "spearheaded",
                                                    "drove",    "founded",     "headed", "directed"};
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto alpha = [&](std::size_t at) { return std::isalpha(static_cast<unsigned char>(text[at])) != 0; };
            if (!alpha(i) || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])) != 0)) {
                continue;
            }
            std::string word;
            for (std::size_t end = i; end < text.size() && alpha(end); ++end) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[end])));
            }
            if (std::find(words.begin(), words.end(), word) != words.end()) {
                return true;
            }
        }
        return false;
    };
    const std::vector<std::string> pieces{"Led", "led", "LEAD", "owned", "ownedd", "drove",  "mis", "2", "x",
                                          " ",   "-",   ",",    "9",     "é",      "Headed", "a",   "d"};
    std::uint32_t state = 7;
    int found = 0;
    for (int round = 0; round < 5'000; ++round) {
        std::string text;
        // Six pieces, or up to 40 of them, so that words start at every place of the eight-byte blocks it reads.
        const std::uint32_t pieces_in_line = round % 2 == 0 ? 6 : 6 + (state >> 20) % 35;
        for (std::uint32_t piece = 0; piece < pieces_in_line; ++piece) {
            state = state * 1'664'525U + 1'013'904'223U;
            text += pieces[(state >> 16) % pieces.size()];
        }
        CAPTURE(text);
        CHECK(apigap::has_leadership(text) == by_the_book(text));
        found += by_the_book(text) ? 1 : 0;
    }
    CHECK(found > 500);  // the lines hold words of the list often enough to tell
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

TEST_CASE("ratings without evidence are the ratings with it, in random resumes", "[inference]") {
    // `infer_ratings` reads a line of use only as far as it can still raise a skill's rating: the lines of use are
    // in every order of results, leadership and none, for two skills that share them.
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const std::vector<std::string> texts{"Built REST APIs", "Led the REST redesign", "REST APIs serving 2M requests",
                                         "Designed REST APIs that cut latency 40%",
                                         "Mentored two engineers on REST, 3x faster reviews"};
    const std::vector<std::string> sections{"experience", "projects", "skills"};
    const std::vector<std::string> skills{"rest-graphql", "python"};
    apigap::test::Sequence next(11);
    int strongest = 0;
    for (int round = 0; round < 2'000; ++round) {
        std::vector<apigap::Mention> mentions;
        const std::size_t count = 1 + next(6);
        for (std::size_t k = 0; k < count; ++k) {
            const std::string text = texts[next(texts.size())];
            const int line = static_cast<int>(10 + k);
            const std::string section = sections[next(sections.size())];
            for (const std::string& skill : skills) {
                if (next(3) != 0) {
                    mentions.push_back(mention(skill, line, section, text));
                }
            }
        }
        const apigap::Profile with_evidence = apigap::infer_profile(kb, resume(), mentions);
        const apigap::Profile without = apigap::infer_ratings(kb, resume(), mentions);
        REQUIRE(with_evidence.ratings().size() == without.ratings().size());
        for (const auto& [skill, rating] : with_evidence.ratings()) {
            CAPTURE(round, skill);
            CHECK(without.rating(skill) == rating.rating);
            CHECK(without.ratings().at(skill).evidence.empty());
            strongest = std::max(strongest, rating.rating);
        }
    }
    CHECK(strongest == 4);  // the resumes reach every rung
}

TEST_CASE("a linked certification earns at least a working rating", "[inference]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const auto cert = std::find_if(kb.tools.begin(), kb.tools.end(),
                                   [](const apigap::Tool& t) { return t.kind == apigap::ToolKind::certification; });
    REQUIRE(cert != kb.tools.end());
    REQUIRE_FALSE(cert->skills.empty());
    const auto profile = apigap::infer_profile(
        kb, resume(), {mention(cert->skills.front(), 20, "certifications", cert->name, cert->name)});
    CHECK(profile.rating(cert->skills.front()) == 2);
}

TEST_CASE("every inferred rating lists the lines that earned it, in line order, once each", "[inference]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const auto profile = apigap::infer_profile(
        kb, resume(),
        {mention("rest-graphql", 12, "experience", "Built REST APIs"), mention("rest-graphql", 4, "skills", "REST"),
         mention("rest-graphql", 12, "experience", "Built REST APIs")});
    const auto& rating = profile.ratings().at("rest-graphql");
    CHECK(rating.source == apigap::RatingSource::inferred);
    REQUIRE(rating.evidence.size() == 2);
    CHECK(rating.evidence[0].line == 4);
    CHECK(rating.evidence[0].section == "skills");
    CHECK(rating.evidence[1].line == 12);
    CHECK(rating.evidence[1].text == "Built REST APIs");
}

TEST_CASE("a skill named on thousands of lines lists its first lines and the one that earned its rating",
          "[inference]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    std::vector<apigap::Mention> mentions;
    for (int line = 1; line <= 20'000; ++line) {
        mentions.push_back(mention("sql", line, "skills", "SQL", "SQL"));
        mentions.push_back(mention("sql", line, "skills", "SQL", "SQL"));
        mentions.push_back(mention("sql", line, "skills", "SQL and PostgreSQL", "PostgreSQL"));
    }
    mentions.push_back(mention("sql", 30'000, "experience", "Led the SQL tuning, cutting costs by 40%", "SQL"));
    const auto profile = apigap::infer_profile(kb, resume(), mentions);
    CHECK(profile.rating("sql") == 4);
    const auto& evidence = profile.ratings().at("sql").evidence;
    REQUIRE(evidence.size() == apigap::k_max_evidence);
    CHECK(evidence[0].line == 1);
    CHECK(evidence[0].keyword == "SQL");
    CHECK(evidence[1].line == 1);
    CHECK(evidence[1].keyword == "PostgreSQL");
    CHECK(evidence[1].text == "SQL and PostgreSQL");
    CHECK(evidence[apigap::k_max_evidence - 2].line == 50);
    CHECK(evidence.back().line == 30'000);
    CHECK(evidence.back().section == "experience");
}

TEST_CASE("evidence in any order of mentions is the same, by line", "[inference]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    std::vector<apigap::Mention> mentions;
    for (int line = 500; line >= 1; --line) {
        mentions.push_back(mention("sql", line, "experience", "SQL", "SQL"));
    }
    const auto profile = apigap::infer_profile(kb, resume(), mentions);
    const auto& evidence = profile.ratings().at("sql").evidence;
    REQUIRE(evidence.size() == apigap::k_max_evidence);
    for (std::size_t k = 0; k < evidence.size(); ++k) {
        CHECK(evidence[k].line == static_cast<int>(k) + 1);
    }
    CHECK(profile.rating("sql") == 3);  // three lines of use or more
}

TEST_CASE("keywords by skill are listed once each, in order of first use", "[inference]") {
    const auto found = apigap::keywords_by_skill(
        {mention("go", 3, "skills", "Go, Golang", "Go"), mention("sql", 3, "skills", "SQL", "SQL"),
         mention("go", 4, "experience", "Golang", "Golang"), mention("go", 5, "experience", "Go", "Go")});
    CHECK(found.at("go") == std::vector<std::string>{"Go", "Golang"});
    CHECK(found.at("sql") == std::vector<std::string>{"SQL"});
    CHECK(found.size() == 2);
}

TEST_CASE("keywords by skill list a related keyword only for a skill its own keyword names", "[inference]") {
    using apigap::KeywordLink;
    // "HVAC system design" alone names no microservices; beside "Kubernetes" it is one of its keywords.
    const auto alone = apigap::keywords_by_skill(
        {mention("microservices", 6, "experience", "HVAC system design", "system design", KeywordLink::related)});
    CHECK(alone.empty());
    const auto beside = apigap::keywords_by_skill(
        {mention("microservices", 7, "experience", "System design review", "system design", KeywordLink::related),
         mention("microservices", 8, "skills", "Kubernetes", "Kubernetes")});
    CHECK(beside.at("microservices") == std::vector<std::string>{"system design", "Kubernetes"});
}

TEST_CASE("evidence quotes a long line as a window around its keyword", "[inference]") {
    const std::string ellipsis = "\u2026";
    CHECK(apigap::quote_line("Built REST APIs", 6) == "Built REST APIs");
    std::string line;
    while (line.size() < 3'000) {
        line += "alpha beta gamma delta ";
    }
    const std::size_t keyword = line.size();
    line += "Kafka ";
    while (line.size() < 6'000) {
        line += "alpha beta gamma delta ";
    }
    const std::string window = apigap::quote_line(line, keyword);
    CHECK(window.size() <= apigap::k_max_quoted_line + 2 * ellipsis.size());
    CHECK(window.size() >= apigap::k_max_quoted_line * 3 / 4);
    CHECK(window.find("Kafka") != std::string::npos);
    // Cut between words on both sides, and marked.
    REQUIRE(window.rfind(ellipsis, 0) == 0);
    const std::string first_word = window.substr(ellipsis.size(), window.find(' ') - ellipsis.size());
    CHECK((first_word == "alpha" || first_word == "beta" || first_word == "gamma" || first_word == "delta"));
    REQUIRE(window.size() > ellipsis.size());
    CHECK(window.substr(window.size() - ellipsis.size()) == ellipsis);
    const std::string last_word = window.substr(window.rfind(' ') + 1);
    CHECK((last_word == "alpha" + ellipsis || last_word == "beta" + ellipsis || last_word == "gamma" + ellipsis ||
           last_word == "delta" + ellipsis));
    // At the start of the line there is nothing to mark before it.
    const std::string head = apigap::quote_line(line, 0);
    CHECK(head.rfind("alpha beta", 0) == 0);
    CHECK(head.substr(head.size() - ellipsis.size()) == ellipsis);
    // A cut never splits a code point, even in a line without spaces.
    std::string accents = "x";
    while (accents.size() < 2'001) {
        accents += "\u00e9";
    }
    const std::string cut = apigap::quote_line(accents, 1'001);
    CHECK(cut.size() <= apigap::k_max_quoted_line + 2 * ellipsis.size());
    CHECK(cut.substr(0, ellipsis.size() + 2) == ellipsis + "\u00e9");
    CHECK(cut.substr(cut.size() - ellipsis.size() - 2) == "\u00e9" + ellipsis);
}

TEST_CASE("a related keyword counts only beside the skill's own, and then as listed", "[inference]") {
    using apigap::KeywordLink;
    const auto typescript = [](int line, const std::string& section) {
        return mention("nodejs", line, section, "Built the UI in TypeScript, cutting bugs by 30%", "TypeScript",
                       KeywordLink::related);
    };
    CHECK(rating_of({typescript(4, "experience")}, "nodejs") == 0);
    CHECK(rating_of({typescript(4, "experience"), typescript(5, "experience"), typescript(6, "experience")},
                    "nodejs") == 0);
    const apigap::Mention express = mention("nodejs", 9, "skills", "Express", "Express.js");
    CHECK(rating_of({typescript(4, "experience"), express}, "nodejs") == 1);
    const apigap::Profile profile =
        apigap::infer_profile(apigap::load_knowledge_base(), resume(), {typescript(4, "experience"), express});
    CHECK(profile.ratings().at("nodejs").evidence.size() == 2);
}

TEST_CASE("a tool's second skill is at most listed, even in experience", "[inference]") {
    const apigap::Mention kafka = mention("microservices", 7, "experience", "Led the move to Kafka for 40 services",
                                          "Kafka", apigap::KeywordLink::listed);
    CHECK(rating_of({kafka}, "microservices") == 1);
    CHECK(rating_of({kafka, mention("microservices", 8, "experience", "Split the monolith into microservices",
                                    "microservices")},
                    "microservices") == 2);
}

TEST_CASE("the sections of use come from the knowledge base", "[inference]") {
    CHECK(rating_of({mention("rest-graphql", 9, "projects", "Built REST APIs")}) == 2);
    CHECK(rating_of({mention("rest-graphql", 9, "education", "Built REST APIs")}) == 1);
}
