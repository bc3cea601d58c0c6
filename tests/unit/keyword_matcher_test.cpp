// Tests of the keyword engine (src/ingest/keyword_engine.cpp, keyword_scan.cpp, keyword_rules.cpp, normalize.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "ingest/normalize.hpp"

namespace {

using apigap::KeywordMatcher;
using apigap::KnowledgeBase;
using Hits = std::vector<std::string>;

const KeywordMatcher& shipped() {
    static const KnowledgeBase kb = apigap::load_knowledge_base();
    static const KeywordMatcher matcher(kb);
    return matcher;
}

/// Each hit as `skill|term|text|column`, in the matcher's order.
Hits describe(const std::vector<apigap::KeywordHit>& hits) {
    Hits described;
    for (const apigap::KeywordHit& hit : hits) {
        described.push_back(hit.skill_id + "|" + hit.term + "|" + hit.text + "|" + std::to_string(hit.column));
    }
    return described;
}

Hits find(std::string_view line) {
    return describe(shipped().find(line));
}

/// The hits of `line` in a list of skills, where an everyday word such as "Go" counts without context.
Hits listed(std::string_view line) {
    return describe(shipped().find(line, true));
}

apigap::Keyword keyword(std::string term, std::vector<std::string> aliases = {},
                        std::vector<std::string> exclude = {}) {
    apigap::Keyword keyword;
    keyword.term = std::move(term);
    keyword.aliases = std::move(aliases);
    keyword.exclude = std::move(exclude);
    return keyword;
}

apigap::Skill skill(std::string id, std::vector<apigap::Keyword> keywords) {
    apigap::Skill skill;
    skill.id = id;
    skill.name = std::move(id);
    skill.keywords = std::move(keywords);
    return skill;
}

/// Languages whose names end or start with punctuation, each its own skill so a wrong boundary shows.
KnowledgeBase punctuated_languages() {
    KnowledgeBase kb;
    kb.skills = {
        skill("c", {keyword("C")}),         skill("cpp", {keyword("C++")}),        skill("csharp", {keyword("C#")}),
        skill("dotnet", {keyword(".NET")}), skill("aspnet", {keyword("ASP.NET")}), skill("asp", {keyword("ASP")})};
    return kb;
}

/// "Go, a" and then `marks` combining marks of two classes on the "a", which NFKC must put in order: a list of two
/// items, so that "Go" stands alone in its own.
std::string go_and_marks(std::size_t marks) {
    std::string line = "Go, a";
    for (std::size_t i = 0; i < marks; ++i) {
        line += i % 2 == 0 ? "\u0316" : "\u0301";
    }
    return line;
}

}  // namespace

TEST_CASE("a keyword is not found inside a longer word", "[keywords]") {
    CHECK(find("Java and JavaScript") == Hits{"java|Java|Java|1", "nodejs|JavaScript|JavaScript|10"});
    CHECK(find("JavaScript developer") == Hits{"nodejs|JavaScript|JavaScript|1"});
}

TEST_CASE("Go counts as a capitalised word, but not in its everyday phrases", "[keywords]") {
    CHECK(find("Built services in Go") == Hits{"go|Go|Go|19"});
    CHECK(find("Led the go-to-market plan").empty());
    CHECK(find("We go through the backlog").empty());
    CHECK(find("Let's go").empty());
    CHECK(find("Go to the dashboard.").empty());
    CHECK(find("Go-to-market lead").empty());
    CHECK(find("Go live on Monday").empty());
}

TEST_CASE("an exclude phrase drops only the occurrence inside it", "[keywords]") {
    CHECK(find("Go services. Go to market") == Hits{"go|Go|Go|1"});
}

TEST_CASE("REST counts, the rest of the team does not, even through the REST tool", "[keywords]") {
    CHECK(find("Designed REST APIs") == Hits{"rest-graphql|REST|REST|10"});
    CHECK(find("Thanks to the rest of the team").empty());
    CHECK(find("Encryption at rest with AES") ==
          Hits{"api-security|encryption|Encryption at rest|1", "api-security|encryption|AES|25"});
}

TEST_CASE("Express.js counts, expressing interest does not", "[keywords]") {
    CHECK(find("Built Express.js APIs") == Hits{"nodejs|Express.js|Express.js|7"});
    CHECK(find("Customers expressed interest").empty());
    CHECK(find("They express interest in pricing").empty());
    CHECK(find("Paid with American Express").empty());
}

TEST_CASE("Spring counts as a framework, not as a season", "[keywords]") {
    CHECK(find("Spring Boot services") == Hits{"java|Spring Boot|Spring Boot|1"});
    CHECK(find("Upgraded to Spring 6") == Hits{"java|Spring Framework|Spring|13"});
    CHECK(find("Joined in Spring 2023").empty());
    CHECK(find("went through a coding bootcamp in spring 2018").empty());
    CHECK(find("Spring of 2019").empty());
    CHECK(find("during the spring semester").empty());
}

TEST_CASE("a year placeholder matches only a whole year from 1900 to 2099", "[keywords]") {
    KnowledgeBase kb;
    kb.skills = {skill("java", {keyword("Spring", {}, {"spring {year}", "{year} spring"})})};
    const KeywordMatcher matcher(kb);
    CHECK(matcher.find("Spring 2023").empty());
    CHECK(matcher.find("2024 Spring").empty());
    CHECK(describe(matcher.find("Spring 1899")) == Hits{"java|Spring|Spring|1"});
    CHECK(describe(matcher.find("Spring 20234")) == Hits{"java|Spring|Spring|1"});
    CHECK(describe(matcher.find("12024 Spring")) == Hits{"java|Spring|Spring|7"});
}

TEST_CASE("Node.js counts, graph and tree nodes do not", "[keywords]") {
    CHECK(find("Node.js services") == Hits{"nodejs|Node.js|Node.js|1"});
    CHECK(find("Node backend") == Hits{"nodejs|Node.js|Node|1"});
    CHECK(find("Traversed graph nodes").empty());
    CHECK(find("Visited each tree node").empty());
}

TEST_CASE("key and token count only in compounds", "[keywords]") {
    CHECK(find("Rotated API keys") == Hits{"api-security|API keys|API keys|9", "rate-limiting|API keys|API keys|9"});
    // "stakeholders" is a communication keyword of its own; "key" evidences nothing.
    CHECK(find("Aligned key stakeholders") == Hits{"communication|stakeholder management|stakeholders|13"});
    CHECK(find("Validated the bearer token") == Hits{"api-security|token-based authentication|bearer token|15"});
    CHECK(find("It was a token gesture").empty());
}

TEST_CASE("a keyword after an intent phrase in the same sentence is not evidence", "[keywords]") {
    CHECK(find("learning Go").empty());
    CHECK(find("Learning Go and Kafka").empty());
    CHECK(find("I want to learn Kafka").empty());
    CHECK(find("Interested in GraphQL").empty());
    CHECK(find("Currently learning Docker and Kubernetes. Interested in GraphQL.").empty());
}

TEST_CASE("an intent phrase reaches only to the end of its sentence", "[keywords]") {
    CHECK(find("Currently learning Rust. Shipped Go services") == Hits{"go|Go|Go|34"});
    CHECK(find("Interested in GraphQL; built REST APIs") == Hits{"rest-graphql|REST|REST|30"});
    CHECK(find("Built machine learning pipelines in Python") == Hits{"python|Python|Python|37"});
}

TEST_CASE("a label with an intent phrase covers its whole line", "[keywords]") {
    CHECK(find("Coursework: Java, Python").empty());
    CHECK(find("Relevant coursework: Java; Data Structures; Databases").empty());
    CHECK(find("Interested in: GraphQL").empty());
    CHECK(find("Skills: Java") == Hits{"java|Java|Java|9"});
}

TEST_CASE("full-width forms and ligatures match their plain spelling", "[keywords]") {
    CHECK(find("Ｐｙｔｈｏｎ developer") == Hits{"python|Python|Ｐｙｔｈｏｎ|1"});
    CHECK(find("Ｇｏ developer") == Hits{"go|Go|Ｇｏ|1"});
    CHECK(find("Proﬁciency in OAuth 2.0") == Hits{"api-security|OAuth 2.0|OAuth 2.0|15"});
    CHECK(find("Proﬁling with pprof") == Hits{"problem-solving|performance tuning|Proﬁling|1", "go|pprof|pprof|15"});
}

TEST_CASE("smart quotes, dashes and Unicode spaces match their ASCII spelling", "[keywords]") {
    CHECK(listed("“Python” and ‘Go’") == Hits{"python|Python|Python|2", "go|Go|Go|15"});
    CHECK(find("Go–to–market").empty());
    CHECK(find("rate‑limiting") == Hits{"rate-limiting|rate limiting|rate‑limiting|1"});
    CHECK(find("cache–aside") == Hits{"caching|cache-aside|cache–aside|1"});
    CHECK(find("Spring\u00A0Boot") == Hits{"java|Spring Boot|Spring\u00A0Boot|1"});
    CHECK(find("Spring  Boot") == Hits{"java|Spring Boot|Spring  Boot|1"});

    KnowledgeBase kb;
    kb.skills = {skill("tls", {keyword("Let's Encrypt")})};
    CHECK(describe(KeywordMatcher(kb).find("Let’s Encrypt")) == Hits{"tls|Let's Encrypt|Let’s Encrypt|1"});
}

TEST_CASE("matching ignores case except for case-sensitive keywords", "[keywords]") {
    CHECK(find("POSTGRESQL") == Hits{"database-design|PostgreSQL|POSTGRESQL|1"});
    CHECK(find("postgres") == Hits{"database-design|PostgreSQL|postgres|1"});
    CHECK(find("SOAP services") == Hits{"rest-graphql|SOAP|SOAP|1"});
    CHECK(find("soap and water").empty());
}

TEST_CASE("C, C++, C#, .NET and ASP.NET are separate tokens", "[keywords]") {
    const KeywordMatcher matcher(punctuated_languages());
    CHECK(describe(matcher.find("C, C++ and C#")) == Hits{"c|C|C|1", "cpp|C++|C++|4", "csharp|C#|C#|12"});
    CHECK(describe(matcher.find("Modern C++17")) == Hits{"cpp|C++|C++|8"});
    CHECK(describe(matcher.find("ASP.NET Core on .NET 8")) == Hits{"aspnet|ASP.NET|ASP.NET|1", "dotnet|.NET|.NET|17"});
    CHECK(describe(matcher.find("C#/.NET")) == Hits{"csharp|C#|C#|1", "dotnet|.NET|.NET|4"});
    CHECK(describe(matcher.find("Classic ASP.")) == Hits{"asp|ASP|ASP|9"});
}

TEST_CASE("a dot joins words into one token", "[keywords]") {
    CHECK(find("Edited package.json") == Hits{});
    CHECK(find("Wrote JSON schemas") == Hits{"rest-graphql|JSON|JSON|7"});
    CHECK(find("See python.org.") == Hits{});
    CHECK(listed("Python.") == Hits{"python|Python|Python|1"});
}

TEST_CASE("columns count code points of the original line", "[keywords]") {
    CHECK(listed("Tecnologías: Python") == Hits{"python|Python|Python|14"});
    CHECK(listed("🚀 Go") == Hits{"go|Go|Go|3"});
    CHECK(listed("\xff Python") == Hits{"python|Python|Python|3"});
    CHECK(listed("\xc3\x28 Python") == Hits{"python|Python|Python|4"});
}

TEST_CASE("a tool evidences every skill it is linked to", "[keywords]") {
    KnowledgeBase kb;
    apigap::Tool kong;
    kong.name = "Kong";
    kong.aliases = {"Kong Gateway"};
    kong.skills = {"rate-limiting", "api-security", "microservices"};
    kb.tools = {kong};
    CHECK(describe(KeywordMatcher(kb).find("Kong Gateway")) == Hits{"api-security|Kong|Kong Gateway|1",
                                                                    "microservices|Kong|Kong Gateway|1",
                                                                    "rate-limiting|Kong|Kong Gateway|1"});
    CHECK(find("Swagger UI") == Hits{"communication|Swagger UI|Swagger UI|1", "rest-graphql|Swagger UI|Swagger UI|1"});
}

TEST_CASE("a tool spelled like a keyword follows the keyword's exclude phrases", "[keywords]") {
    KnowledgeBase kb;
    kb.skills = {skill("rest", {keyword("REST", {}, {"the rest of"})})};
    apigap::Tool rest;
    rest.name = "REST";
    rest.skills = {"rest", "docs"};
    kb.tools = {rest};
    const KeywordMatcher matcher(kb);
    CHECK(describe(matcher.find("REST APIs")) == Hits{"docs|REST|REST|1", "rest|REST|REST|1"});
    CHECK(matcher.find("the rest of the team").empty());
}

TEST_CASE("a letter inside a compatibility sequence does not count alone", "[keywords]") {
    const KeywordMatcher matcher(punctuated_languages());
    CHECK(describe(matcher.find("\u249E")) == Hits{});  // "⒞" is "(c)" in NFKC
    CHECK(describe(matcher.find("(C)")) == Hits{"c|C|C|2"});
}

TEST_CASE("a keyword wins over a tool of the same spelling for the same skill", "[keywords]") {
    CHECK(find("Kafka") == Hits{"message-queues|Apache Kafka|Kafka|1", "microservices|Kafka|Kafka|1"});
    CHECK(find("OpenAPI") == Hits{"communication|Swagger/OpenAPI|OpenAPI|1", "rest-graphql|OpenAPI|OpenAPI|1"});
}

TEST_CASE("a shared keyword evidences each of its skills", "[keywords]") {
    CHECK(find("gRPC") == Hits{"microservices|gRPC|gRPC|1", "rest-graphql|gRPC|gRPC|1"});
    CHECK(find("event-driven") == Hits{"message-queues|event-driven architecture|event-driven|1",
                                       "microservices|event-driven architecture|event-driven|1"});
}

TEST_CASE("the longest spelling wins within a skill", "[keywords]") {
    CHECK(find("Apache Kafka") ==
          Hits{"message-queues|Apache Kafka|Apache Kafka|1", "microservices|Kafka|Apache Kafka|1"});
    CHECK(find("Java Persistence API") == Hits{"java|JPA|Java Persistence API|1"});
    CHECK(find("Spring Security") ==
          Hits{"api-security|Spring Security|Spring Security|1", "java|Spring Framework|Spring|1"});
}

TEST_CASE("an empty or blank line has no hits", "[keywords]") {
    CHECK(find("").empty());
    CHECK(find("   \t ").empty());
}

TEST_CASE("a blank spelling in the knowledge base matches nothing", "[keywords]") {
    KnowledgeBase kb;
    kb.skills = {skill("python", {keyword("Python", {" ", ""})})};
    apigap::Tool blank;
    blank.name = "\u00A0";
    blank.skills = {"python"};
    kb.tools = {blank};
    const KeywordMatcher matcher(kb);
    CHECK(matcher.find("").empty());
    CHECK(matcher.find("   ").empty());
    CHECK(describe(matcher.find("a Python b")) == Hits{"python|Python|Python|3"});
}

TEST_CASE("a 4 MB line is matched whole", "[keywords]") {
    const std::string sentence = "Designed REST APIs in Go; the rest of the team went through graph nodes. ";
    std::string small;
    while (small.size() < 64 * 1024) {
        small += sentence;
    }
    std::string large;
    while (large.size() < 4 * 1024 * 1024) {
        large += small;
    }
    const auto hits = shipped().find(large);
    const std::size_t sentences = large.size() / sentence.size();
    REQUIRE(hits.size() == 2 * sentences);
    CHECK(describe({hits.front(), hits.back()}) ==
          Hits{"rest-graphql|REST|REST|10", "go|Go|Go|" + std::to_string(large.size() - sentence.size() + 23)});
}

TEST_CASE("distinct hits are the first of each skill and term, in the order of all hits", "[keywords]") {
    for (const std::string line : {"Go, golang and Go again; REST, gRPC and REST; Kafka or Apache Kafka",
                                   "learning Go, then Go at work", "C++ and C, C# and C++", ""}) {
        CAPTURE(line);
        Hits expected;
        std::vector<std::string> seen;
        for (const apigap::KeywordHit& hit : shipped().find(line)) {
            const std::string pair = hit.skill_id + "|" + hit.term;
            if (std::find(seen.begin(), seen.end(), pair) == seen.end()) {
                seen.push_back(pair);
                expected.push_back(pair + "|" + std::to_string(hit.column - 1));
            }
        }
        Hits distinct;
        for (const apigap::KeywordSpan& span : shipped().find_distinct(line)) {
            distinct.push_back(span.keyword->skill_id + "|" + span.keyword->keyword + "|" + std::to_string(span.begin));
            CHECK(span.end > span.begin);
        }
        CHECK(distinct == expected);
    }
    // On a 4 MB line of one sentence, the spans do not grow with the repeats.
    std::string large;
    while (large.size() < 4 * 1024 * 1024) {
        large += "Designed REST APIs in Go; the rest of the team went through graph nodes. ";
    }
    const std::vector<apigap::KeywordSpan> spans = shipped().find_distinct(large);
    REQUIRE(spans.size() == 2);
    CHECK(large.substr(spans[1].begin, spans[1].end - spans[1].begin) == "Go");
}

TEST_CASE("a long run of combining marks does not hide the keyword before it", "[keywords]") {
    CHECK(listed(go_and_marks(256 * 1024)) == Hits{"go|Go|Go|1"});
}

TEST_CASE("a line of one repeated letter or keyword does not break the matcher", "[keywords]") {
    CHECK(find(std::string(1024 * 1024, 'a')).empty());
    std::string nodes;
    while (nodes.size() < 1024 * 1024) {
        nodes += "nodenodenode.";
    }
    CHECK(find(nodes).empty());
}

TEST_CASE("a moved matcher still finds keywords", "[keywords]") {
    KnowledgeBase kb;
    kb.skills = {skill("python", {keyword("Python")})};
    KeywordMatcher first(kb);
    const KeywordMatcher second(std::move(first));
    CHECK(describe(second.find("Python")) == Hits{"python|Python|Python|1"});
}

TEST_CASE("normalization keeps each byte's offset in the original", "[keywords]") {
    using apigap::ingest_detail::normalize_for_matching;
    const auto ligature = normalize_for_matching("\xEF\xAC\x81x", true);  // "ﬁx"
    CHECK(ligature.text == "fix");
    CHECK(ligature.source_offset == std::vector<std::uint32_t>{0, 0, 3, 4});
    CHECK(normalize_for_matching("ＡＰＩ", true).text == "api");
    CHECK(normalize_for_matching("ＡＰＩ", false).text == "API");
    CHECK(normalize_for_matching("It’s “quoted” ‚x‛ „y”", true).text == "it's \"quoted\" 'x' \"y\"");
    CHECK(normalize_for_matching("a‐b‑c‒d–e—f―g", true).text == "a-b-c-d-e-f-g");
    CHECK(normalize_for_matching("a\u00A0b\u2009c\u202Fd  \te", true).text == "a b c d e");
    CHECK(normalize_for_matching("Stra\u00DFe", true).text == "strasse");
    CHECK(normalize_for_matching("e\u0301", true).text == "\u00E9");
    CHECK(normalize_for_matching("a\xFF", true).text == "a\uFFFD");
}

TEST_CASE("a column counts code points, an invalid byte as one", "[keywords]") {
    using apigap::ingest_detail::column_of;
    CHECK(column_of("Résumé", 0) == 1);
    CHECK(column_of("Résumé", 3) == 3);
    CHECK(column_of("\xFF\xFEx", 2) == 3);
    CHECK(column_of("abc", 3) == 4);
}

TEST_CASE("an everyday word that names a technology counts only in technical context", "[keywords]") {
    for (const char* prose : {"Every spring we cleaned up the patio.",
                              "Express my ideas at staff meetings.",
                              "Handled a python at the zoo.",
                              "Read Kafka's The Metamorphosis.",
                              "Kept the cache of spare cups stocked.",
                              "Node 7 of the delivery route was never late.",
                              "Go ahead and ask me anything.",
                              "Coffee from Java and Sumatra.",
                              "Spring 2023 term",
                              "Mentored new baristas on the Java beans.",
                              "Replaced circuit breakers in the panel.",
                              "Cleaned up acid spills in the lab.",
                              "Indexing archival records for the library.",
                              "Kept the shop open through load shedding.",
                              "Fixed pagination of the quarterly magazine.",
                              "Shipped containerized freight to Rotterdam.",
                              "Saw a mongoose at the reserve.",
                              "Supervised the docker crew unloading containers from ships.",
                              "Fixed a leaky bucket in the kitchen.",
                              "React quickly to guest requests at the Java bar.",
                              "Ran youth programming at the python exhibit."}) {
        CAPTURE(prose);
        const std::vector<apigap::KeywordHit> hits = shipped().find(prose);
        CHECK(std::none_of(hits.begin(), hits.end(),
                           [](const apigap::KeywordHit& hit) { return hit.skill_id != "communication"; }));
    }
    // A version, a technical phrase, a technical keyword on the line, a list: then the word is the technology.
    CHECK(find("Built it on Java 22.") == Hits{"java|Java|Java|13"});
    CHECK(find("Upgraded to Python 3.12") == Hits{"python|Python|Python|13"});
    CHECK(find("Built services in Go") == Hits{"go|Go|Go|19"});
    CHECK(find("Five years of Python and a Python worker") ==
          Hits{"python|Python|Python|15", "python|Python|Python|28"});
    CHECK(find("Spring with PostgreSQL") ==
          Hits{"java|Spring Framework|Spring|1", "database-design|PostgreSQL|PostgreSQL|13"});
    CHECK(find("Go, Python") == Hits{"go|Go|Go|1", "python|Python|Python|5"});
    CHECK(find("Python (open source)") == Hits{"python|Python|Python|1"});
    CHECK(find("Languages: Java, Go") == Hits{"java|Java|Java|12", "go|Go|Go|18"});
    CHECK(find("Proficient: Python, Java, C++") == Hits{"python|Python|Python|13", "java|Java|Java|21"});
    CHECK(find("Coffee, Java") == Hits{});
    // A technical word that names no skill (`resume.technical_words`) makes its line technical.
    CHECK(find("Proficiency with Git and Spring") == Hits{"java|Spring Framework|Spring|26"});
    CHECK(find("Proficiency with tea and Spring").empty());
    CHECK(find("REST/RPC transports") == Hits{"rest-graphql|REST|REST|1"});
    CHECK(find("Understanding event driven architecture") ==
          Hits{"message-queues|event-driven architecture|event driven architecture|15",
               "microservices|event-driven architecture|event driven architecture|15"});
    CHECK(find("Set rate limits per route in nginx") == Hits{"rate-limiting|rate limiting|rate limits|5"});
    CHECK(find("Kept the cache warm for the backend") == Hits{"caching|caching|cache|10"});
    // Not a word some trade uses too: a chemist's API, a trial's endpoints, accounting software, angular momentum.
    CHECK(find("Ran data modeling of API impurity profiles").empty());
    CHECK(find("Met both primary endpoints; the java station was busy").empty());
    CHECK(find("Rolled out accounting software; handled express deliveries").empty());
    CHECK(find("Angular momentum experiments; cached samples in the cold room").empty());
    CHECK(find("Kept the cache warm for the tasting menu").empty());
    CHECK(find("Supervised the docker crew") == Hits{"communication|technical leadership|Supervised the|1"});
    // As a whole word only: "Gitter" and "apiary" are not "Git" and "API".
    CHECK(find("Kept bees in an apiary; the Gitter chat; a cache of spare parts").empty());
    CHECK(listed("Java") == Hits{"java|Java|Java|1"});
    // In a Skills section, a line labelled as something else lists no skills: the section vouches for nothing there.
    CHECK(listed("Coffee: Java, Kona, Sumatra") == Hits{});
    CHECK(listed("Reptiles: ball python, corn snake").empty());
    CHECK(listed("Java, Kona, Sumatra") == Hits{"java|Java|Java|1"});
    CHECK(listed("Languages: Java, Go") == Hits{"java|Java|Java|12", "go|Go|Go|18"});
    CHECK(listed("Tools & Platforms: Java, Spring") == Hits{"java|Java|Java|20", "java|Spring Framework|Spring|26"});
    // A label that names a keyword is a skill's own: "Java: Spring, Vert.x".
    CHECK(listed("Java: Spring, Vert.x") == Hits{"java|Java|Java|1", "java|Spring Framework|Spring|7"});
    // A list vouches for an everyday word that is an item by itself, not for one in a phrase of other words.
    CHECK(listed("Tools: spring clamps, torque wrench, tool rest") == Hits{});
    CHECK(listed("Tools: Spring, Trello, REST") == Hits{"java|Spring Framework|Spring|8", "rest-graphql|REST|REST|24"});
    CHECK(listed("Java (8 years) · Python and Go") ==
          Hits{"java|Java|Java|1", "python|Python|Python|18", "go|Go|Go|29"});
    CHECK(listed("REBOOT. Java School") == Hits{});
    // Other evidence on the line still counts: a version, an unambiguous technical keyword.
    CHECK(listed("Coffee: Java 17") == Hits{"java|Java|Java 17|9"});
    CHECK(listed("Hobbies: Go and PostgreSQL") == Hits{"go|Go|Go|10", "database-design|PostgreSQL|PostgreSQL|17"});
    // An unambiguous spelling of the same keyword needs nothing.
    CHECK(find("Golang") == Hits{"go|Golang|Golang|1"});
}

TEST_CASE("words of real resumes that look like evidence and are not", "[keywords]") {
    // A language spoken, a self-taught skill, a network's communication, a perfectionist's rest.
    CHECK(find("Spanish: Native Speaker").empty());
    CHECK(find("Learned C by reading the kernel and self-taught Linux.").empty());
    CHECK(find("Leveraged WebSockets for low-latency communication") == Hits{"websocket|WebSocket|WebSockets|11"});
    CHECK(find("I will not rest until it's perfect, on Node.js") == Hits{"nodejs|Node.js|Node.js|40"});
    // Readiness to learn is intent, not use; "Java based" is the language.
    CHECK(find("Readiness to learn technologies like Python, Erlang and Go.").empty());
    CHECK(find("Won a java based AI challenge") == Hits{"java|Java|java|7"});
    CHECK(find("Graded with Microsoft Access") == Hits{"database-design|Microsoft Access|Microsoft Access|13"});
    // An API client alone is a tester's tool as much as an API designer's: it only backs the skill's own keyword.
    const std::vector<apigap::KeywordHit> clients =
        apigap::find_line_hits("Tools: TestRail, Selenium, Postman, Insomnia", shipped());
    REQUIRE(clients.size() >= 2);
    CHECK(std::none_of(clients.begin(), clients.end(), [](const apigap::KeywordHit& hit) { return hit.evidence; }));
}

TEST_CASE("how real resumes write soft skills, databases and identity providers, and what is none of them",
          "[keywords]") {
    const auto skills = [](std::string_view line) {
        std::vector<std::string> ids;
        for (const apigap::KeywordHit& hit : shipped().find(line)) {
            ids.push_back(hit.skill_id);
        }
        return ids;
    };
    using Ids = std::vector<std::string>;
    CHECK(skills("Prizewinner of regional olympiads in programming") == Ids{"problem-solving"});
    CHECK(skills("Played CTFs with the university team") == Ids{"problem-solving"});
    CHECK(skills("Reduced response times from 2 s to 200 ms") == Ids{"problem-solving"});
    CHECK(skills("Supervising 140 consultants across three sites") == Ids{"communication"});
    CHECK(skills("Stored sessions in sqlite3 and TiDB") == Ids{"database-design", "database-design"});
    CHECK(skills("Signed users in with Cognito") == Ids{"api-security"});
    // A sales-qualified lead, exploratory data analysis and a model's supervised learning.
    CHECK(skills("Ranked first among BDRs with 40 SQL's generated per quarter").empty());
    CHECK(skills("Exploratory data analysis (EDA) of churn in Python") == Ids{"python"});
    CHECK(skills("Built a supervised learning model for churn").empty());
}

TEST_CASE("a negation takes every keyword of its sentence", "[keywords]") {
    CHECK(find("No experience with Java 17 yet.").empty());
    CHECK(find("Kubernetes: not yet, but I read the docs.").empty());
    CHECK(find("I have never used Kafka topics in production.").empty());
    CHECK(find("Docker is not yet on my list; built REST APIs with PostgreSQL.") ==
          Hits{"rest-graphql|REST|REST|37", "database-design|PostgreSQL|PostgreSQL|52"});
}

TEST_CASE("a character of a script without spaces is a word boundary", "[keywords]") {
    CHECK(find("熟悉RESTful API规范") == Hits{"rest-graphql|REST|RESTful API|3"});
    CHECK(find("如Python、Java或JavaScript") ==
          Hits{"python|Python|Python|2", "java|Java|Java|9", "nodejs|JavaScript|JavaScript|14"});
    CHECK(find("使用Docker部署") == Hits{"microservices|Docker|Docker|3"});
    CHECK(find("Rédiger").empty());  // a Latin letter still joins: "Go" is not in "Gopher"
    CHECK(find("Gopher").empty());
}
