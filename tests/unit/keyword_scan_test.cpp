// Tests of why the keyword engine drops a hit (src/ingest/keyword_scan.cpp), for `-vv`: each rule names itself where
// it decides, and asking changes nothing of what counts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "apigap/keywords.hpp"

namespace {

using apigap::DroppedHit;
using Drops = std::vector<std::string>;

const apigap::KeywordMatcher& shipped() {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    static const apigap::KeywordMatcher matcher(kb);
    return matcher;
}

/// Each hit `line` drops, as `skill|text|offset|reason`.
Drops dropped(std::string_view line, bool in_list = false) {
    std::vector<DroppedHit> hits;
    static_cast<void>(shipped().find_distinct(line, in_list, &hits));
    Drops described;
    for (const DroppedHit& hit : hits) {
        described.push_back(hit.skill_id + "|" + hit.text + "|" + std::to_string(hit.offset) + "|" + hit.reason);
    }
    return described;
}

}  // namespace

TEST_CASE("An everyday word with nothing technical beside it is dropped as such", "[keyword-scan]") {
    CHECK(dropped("Drank Java coffee on the island of Java") ==
          Drops{"java|Java|6|an everyday word with no technical context on its line",
                "java|Java|35|an everyday word with no technical context on its line"});
    CHECK(dropped("I go hiking every spring") ==
          Drops{"go|go|2|only \"Go\" counts, in that case",
                "java|spring|18|an everyday word with no technical context on its line"});
}

TEST_CASE("An everyday word with technical context is not dropped", "[keyword-scan]") {
    CHECK(dropped("Built services in Java 17 with PostgreSQL").empty());
    CHECK(dropped("Java, Go", true).empty());
}

TEST_CASE("An exclude phrase, an intent phrase and a negation name themselves", "[keyword-scan]") {
    CHECK(dropped("Finished the rest of the migration") ==
          Drops{"rest-graphql|rest|13|inside \"the rest of\", a phrase its keyword excludes"});
    CHECK(dropped("Currently learning Kubernetes") ==
          Drops{"microservices|Kubernetes|19|after an intent phrase in its sentence: wanted, not used"});
    CHECK(dropped("No experience with Kubernetes yet.") ==
          Drops{"microservices|Kubernetes|19|in a sentence with a negation phrase"});
    CHECK(dropped("Coursework: Kafka, Kubernetes") ==
          Drops{"message-queues|Kafka|12|after a label that says it is wanted or missing (an intent or negation "
                "phrase before a colon)",
                "microservices|Kafka|12|after a label that says it is wanted or missing (an intent or negation "
                "phrase before a colon)",
                "microservices|Kubernetes|19|after a label that says it is wanted or missing (an intent or negation "
                "phrase before a colon)"});
}

TEST_CASE("Asking why hits are dropped changes nothing of what counts", "[keyword-scan]") {
    const std::filesystem::path folder = std::filesystem::path(APIGAP_SOURCE_DIR) / "tests/eval/resumes";
    std::size_t lines = 0;
    std::size_t drops = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::ifstream file(entry.path());
        std::string line;
        while (std::getline(file, line)) {
            for (const bool in_list : {false, true}) {
                std::vector<DroppedHit> why;
                const auto traced = shipped().find_distinct(line, in_list, &why);
                const auto plain = shipped().find_distinct(line, in_list);
                REQUIRE(traced.size() == plain.size());
                for (std::size_t i = 0; i < plain.size(); ++i) {
                    CHECK(traced[i].keyword == plain[i].keyword);
                    CHECK(traced[i].begin == plain[i].begin);
                }
                drops += why.size();
            }
            ++lines;
        }
    }
    CHECK(lines > 100);
    CHECK(drops > 0);
}
