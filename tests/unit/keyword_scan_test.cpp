// Tests of why the keyword engine drops a hit (src/ingest/keyword_scan.cpp), for `-vv`: each rule names itself where
// it decides, and asking changes nothing of what counts; nor does a scratch kept from line to line.
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

/// Calls `check(line, in_list)` for every line of the evaluation resumes, in and out of a list; returns the lines.
template <class Check>
std::size_t for_each_eval_line(Check&& check) {
    const std::filesystem::path folder = std::filesystem::path(APIGAP_SOURCE_DIR) / "tests/eval/resumes";
    std::size_t lines = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::ifstream file(entry.path());
        std::string line;
        while (std::getline(file, line)) {
            for (const bool in_list : {false, true}) {
                check(line, in_list);
            }
            ++lines;
        }
    }
    return lines;
}

/// Checks that `spans` are `expected`, keyword by keyword.
void check_same(const std::vector<apigap::KeywordSpan>& spans, const std::vector<apigap::KeywordSpan>& expected) {
    REQUIRE(spans.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(spans[i].keyword == expected[i].keyword);
        CHECK(spans[i].begin == expected[i].begin);
        CHECK(spans[i].end == expected[i].end);
    }
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

TEST_CASE("An everyday word inside a context phrase of its keyword counts, wherever it stands in the phrase",
          "[keyword-scan]") {
    CHECK(dropped("Java experience at a bank").empty());    // first in "Java experience"
    CHECK(dropped("Ten years of Java at a bank").empty());  // last in "years of Java"
    CHECK(dropped("We deal with Kafka daily").empty());     // "with Kafka"
    // The phrase must be there whole, on the line, and stand alone.
    CHECK(dropped("of Java at a bank") == Drops{"java|Java|3|an everyday word with no technical context on its line"});
    CHECK(dropped("Ten years ofJava at a bank") == Drops{});
    CHECK(dropped("Java experiences at a bank") ==
          Drops{"java|Java|0|an everyday word with no technical context on its line"});
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
    std::size_t drops = 0;
    const std::size_t lines = for_each_eval_line([&](const std::string& line, bool in_list) {
        std::vector<DroppedHit> why;
        check_same(shipped().find_distinct(line, in_list, &why), shipped().find_distinct(line, in_list));
        drops += why.size();
    });
    CHECK(lines > 100);
    CHECK(drops > 0);
}

TEST_CASE("A scratch kept from line to line finds what a fresh one finds", "[keyword-scan]") {
    // One scratch for every line: what one line leaves in it (a longer line, a pair seen) changes nothing on the next.
    apigap::KeywordScratch scratch;
    std::size_t hits = 0;
    for_each_eval_line([&](const std::string& line, bool in_list) {
        std::vector<DroppedHit> kept_why;
        std::vector<DroppedHit> fresh_why;
        const std::vector<apigap::KeywordSpan> fresh = shipped().find_distinct(line, in_list, &fresh_why);
        check_same(shipped().find_distinct(line, in_list, scratch, &kept_why), fresh);
        REQUIRE(kept_why.size() == fresh_why.size());
        for (std::size_t i = 0; i < fresh_why.size(); ++i) {
            CHECK(kept_why[i].text == fresh_why[i].text);
            CHECK(kept_why[i].reason == fresh_why[i].reason);
        }
        hits += fresh.size();
    });
    CHECK(hits > 100);
}

TEST_CASE("A scratch passed from one matcher to another finds each one's keywords once a line", "[keyword-scan]") {
    apigap::KnowledgeBase small;
    apigap::Skill python;
    python.id = "python";
    apigap::Keyword keyword;
    keyword.term = "Python";
    python.keywords = {keyword};
    small.skills = {python};
    const apigap::KeywordMatcher other(small);
    apigap::KeywordScratch scratch;
    for (int round = 0; round < 2; ++round) {
        const std::vector<apigap::KeywordSpan>& found = other.find_distinct("Python, Go, Python", false, scratch);
        REQUIRE(found.size() == 1);
        CHECK(found[0].keyword->skill_id == "python");
        CHECK(shipped().find_distinct("Python, Go, Kafka and Python", false, scratch).size() > 2);
    }
}

TEST_CASE("Lines read a run at a time find, and drop, what each line finds alone", "[keyword-scan]") {
    // Every evaluation line in and out of a list, in several orders, with empty lines, a line longer than a run and
    // enough lines for many runs, each scanned in parts: each line's hits and drops are those of the line alone.
    std::vector<std::string> texts;
    for_each_eval_line([&](const std::string& line, bool in_list) {
        if (!in_list) {
            texts.push_back(line);
        }
    });
    texts.emplace_back();
    texts.push_back(std::string(20'000, 'x') + " Python, Java and Kafka " + std::string(100, 'y'));
    texts.emplace_back("Spring");  // an everyday word, dropped unless in a list
    std::uint32_t seed = 5;
    apigap::KeywordScratch scratch;
    std::size_t hits = 0;
    for (int round = 0; round < 4; ++round) {
        std::vector<apigap::KeywordLine> lines;
        for (std::size_t k = 0; k < texts.size(); ++k) {
            seed = seed * 1103515245U + 12345U;
            lines.push_back(apigap::KeywordLine{texts[(k + (seed >> 16U)) % texts.size()], (seed >> 8U) % 3 == 0});
        }
        std::size_t next = 0;
        std::vector<DroppedHit> why;
        shipped().find_distinct_lines(
            lines, scratch, &why, [&](std::size_t index, const std::vector<apigap::KeywordSpan>& spans) {
                REQUIRE(index == next++);
                std::vector<DroppedHit> alone_why;
                CAPTURE(round, index, lines[index].text, lines[index].in_list);
                check_same(spans, shipped().find_distinct(lines[index].text, lines[index].in_list, &alone_why));
                REQUIRE(why.size() == alone_why.size());
                for (std::size_t i = 0; i < why.size(); ++i) {
                    CHECK(why[i].text == alone_why[i].text);
                    CHECK(why[i].offset == alone_why[i].offset);
                    CHECK(why[i].reason == alone_why[i].reason);
                }
                why.clear();
                hits += spans.size();
            });
        CHECK(next == lines.size());
    }
    CHECK(hits > 400);
}

TEST_CASE("A run of lines is cut where its lines allow, in one to four parts, and finds what each line finds alone",
          "[keyword-scan]") {
    // Lines of three lengths, one to four of them in every order: a long line takes the quarters a cut would fall
    // in, so a run is scanned in one, two, three or four parts. Keywords open and close every line.
    const std::string sentence = "Python and Go with Kafka, Spring Boot and REST APIs; ";
    const auto line_of = [&](std::size_t length) {
        std::string line = "Java ";
        while (line.size() < length) {
            line += sentence;
        }
        return line + "GraphQL";
    };
    const std::vector<std::string> kinds{line_of(10), line_of(150), line_of(700)};
    apigap::KeywordScratch scratch;
    std::size_t checked = 0;
    for (std::size_t count = 1; count <= 4; ++count) {
        std::size_t combinations = 1;
        for (std::size_t k = 0; k < count; ++k) {
            combinations *= kinds.size();
        }
        for (std::size_t combination = 0; combination < combinations; ++combination) {
            std::vector<apigap::KeywordLine> lines;
            for (std::size_t k = 0, rest = combination; k < count; ++k, rest /= kinds.size()) {
                lines.push_back(apigap::KeywordLine{kinds[rest % kinds.size()], false});
            }
            shipped().find_distinct_lines(lines, scratch, nullptr,
                                          [&](std::size_t index, const std::vector<apigap::KeywordSpan>& spans) {
                                              CAPTURE(count, combination, index);
                                              check_same(spans, shipped().find_distinct(lines[index].text, false));
                                              ++checked;
                                          });
        }
    }
    CHECK(checked == 3 + 2 * 9 + 3 * 27 + 4 * 81);
}
