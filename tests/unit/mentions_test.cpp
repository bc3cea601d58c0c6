// Tests of find_mentions and find_line_hits (src/ingest/mentions.cpp): headings and links are not evidence.
#include <catch2/catch.hpp>

#include "test_support.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "apigap/resume_input.hpp"

namespace {

/// The skills mentioned on one experience line.
std::vector<std::string> skills_on(const std::string& text) {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    static const apigap::KeywordMatcher matcher(kb);
    apigap::ResumeDocument document;
    document.add_line(1, text, false, "experience");
    std::vector<std::string> skills;
    for (const apigap::Mention& mention : apigap::find_mentions(document, matcher)) {
        skills.push_back(mention.keyword->skill_id);
    }
    return skills;
}

}  // namespace

TEST_CASE("links blank out to spaces of the same length: prose stays", "[mentions]") {
    CHECK(apigap::without_links("see https://x.io/graphql now") == "see " + std::string(20, ' ') + " now");
    CHECK(apigap::without_links("(www.rest.dev), <jane@go.dev>.") ==
          "(" + std::string(12, ' ') + "), <" + std::string(11, ' ') + ">.");
    CHECK(apigap::without_links("github.com/jane/go-kafka") == std::string(24, ' '));
    CHECK(apigap::without_links("Node.js and ASP.NET, CI/CD, TCP/IP, 3.5/5") ==
          "Node.js and ASP.NET, CI/CD, TCP/IP, 3.5/5");
    CHECK(apigap::without_links("a @ b, @handle") == "a @ b, @handle");
    CHECK(apigap::without_links("<img src=\"https://x.io/a\">") == "<img src=\"" + std::string(14, ' ') + "\">");
}

TEST_CASE("links are blanked wherever they stand among tokens with and without marks, in random lines", "[mentions]") {
    // Each piece as written and as it reads with its link blanked; pieces joined by spaces and tabs, so that a token
    // with a `/`, an `@` or a `www.` comes first, last, beside others or alone.
    const std::vector<std::pair<std::string, std::string>> pieces{
        {"https://x.io/a", std::string(14, ' ')},
        {"(www.go.dev).", "(" + std::string(10, ' ') + ")."},
        {"<jane@x.io>", "<" + std::string(9, ' ') + ">"},
        {"github.com/jane/api,", std::string(19, ' ') + ","},
        {"src=\"https://a.b/c\"", "src=\"" + std::string(13, ' ') + "\""},
        {"CI/CD", "CI/CD"},
        {"3.5/5", "3.5/5"},
        {"@handle", "@handle"},
        {"Node.js.", "Node.js."},
        {"wwwx.io", "wwwx.io"},
        {"end.", "end."},
        {"REST", "REST"},
        {"a/b.c", "a/b.c"},
    };
    const std::vector<std::string> gaps{" ", "\t", "  "};
    apigap::test::Sequence next(3);
    int blanked = 0;
    for (int round = 0; round < 3'000; ++round) {
        std::string line;
        std::string expected;
        for (std::size_t count = 1 + next(8), k = 0; k < count; ++k) {
            const std::string& gap = gaps[next(gaps.size())];
            const auto& [written, read] = pieces[next(pieces.size())];
            line += (k == 0 ? "" : gap) + written;
            expected += (k == 0 ? "" : gap) + read;
        }
        CAPTURE(line);
        CHECK(apigap::without_links(line) == expected);
        blanked += line != expected ? 1 : 0;
    }
    CHECK(blanked > 1'000);  // most lines hold a link
}

TEST_CASE("a keyword inside a URL, an email or a repository path is not evidence", "[mentions]") {
    CHECK(skills_on("Portfolio: https://jane.dev/graphql-demo and github.com/jane/go-kafka-client").empty());
    CHECK(skills_on("Contact: jane@python.org | www.restful.io").empty());
    CHECK(skills_on("Built REST APIs in Go (https://github.com/jane/api)") ==
          std::vector<std::string>{"rest-graphql", "go"});
}

TEST_CASE("a heading is not evidence", "[mentions]") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    apigap::ResumeDocument document;
    document.add_line(1, "Python", true, "skills");
    CHECK(apigap::find_mentions(document, matcher).empty());
}

TEST_CASE("a posting line's hits include a heading's", "[mentions]") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    const std::vector<apigap::KeywordHit> title = apigap::find_line_hits("Python Engineer", matcher);
    REQUIRE(title.size() == 1);
    CHECK(title[0].skill_id == "python");
    CHECK(apigap::find_line_hits("About us", matcher).empty());
    const std::vector<apigap::KeywordHit> hits = apigap::find_line_hits("Go services and REST APIs", matcher);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].text == "Go");
    CHECK(hits[1].text == "REST");
}

TEST_CASE("a keyword repeated on a line is one mention, at its first place", "[mentions]") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    apigap::ResumeDocument document;
    std::string text;
    for (int i = 0; i < 1'000; ++i) {
        text += "Built REST APIs in Go with Kafka. Go, golang. ";
    }
    document.add_line(4, text, false, "experience");
    const std::vector<apigap::Mention> mentions = apigap::find_mentions(document, matcher);
    std::vector<std::string> found;
    for (const apigap::Mention& mention : mentions) {
        CHECK(mention.line == 0);
        found.push_back(mention.keyword->skill_id + "|" + mention.keyword->keyword + "|" +
                        std::to_string(mention.offset));
    }
    CHECK(found == std::vector<std::string>{"rest-graphql|REST|6", "go|Go|19", "message-queues|Apache Kafka|27",
                                            "microservices|Kafka|27", "go|Golang|38"});
}

TEST_CASE("a posting line lists each skill and keyword once, at its first spelling", "[mentions]") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    std::vector<std::string> found;
    for (const apigap::KeywordHit& hit : apigap::find_line_hits("Golang, Go and gRPC; golang again, Kafka", matcher)) {
        found.push_back(hit.skill_id + "|" + hit.text + "|" + std::to_string(hit.column) +
                        (hit.evidence ? "" : " (not evidence)"));
    }
    // "golang" again is Golang again; Go is another keyword (the posting's terms list both). gRPC and Kafka evidence
    // microservices only beside its own keywords: a posting that names them does not ask for it, but the hits stay,
    // as they join a choice.
    CHECK(found == std::vector<std::string>{"go|Golang|1", "go|Go|9", "microservices|gRPC|16 (not evidence)",
                                            "rest-graphql|gRPC|16", "message-queues|Kafka|36",
                                            "microservices|Kafka|36 (not evidence)"});
}

TEST_CASE("each skill's evidence examples, written in an experience section, earn that skill a rating of use",
          "[mentions][shipped]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    for (const apigap::Skill& skill : kb.skills) {
        REQUIRE(skill.evidence_examples.size() >= 2);
        for (const std::string& example : skill.evidence_examples) {
            const std::string text =
                "Jane Doe\n\nExperience\n\nBackend Engineer, Acme, 2020 - 2024\n\n- " + example + "\n";
            const apigap::ResumeDocument document = apigap::parse_resume(text, "resume.md", std::nullopt, kb.resume);
            const apigap::Profile profile =
                apigap::infer_profile(kb, document, apigap::find_mentions(document, matcher));
            CAPTURE(skill.id, example);
            CHECK(profile.rating(skill.id) >= 2);
        }
    }
}

TEST_CASE("Keywords on a heading, in a link or in the interests section are reported with why", "[mentions]") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    apigap::ResumeDocument document;
    document.add_line(1, "Python", true, "skills");
    document.add_line(2, "Built REST APIs in Go, see https://github.com/jane/graphql", false, "experience");
    document.add_line(3, "PostgreSQL and chess", false, "interests");
    document.add_line(4, "Drank Java coffee", false, "experience");
    std::vector<apigap::DroppedMention> dropped;
    const std::vector<apigap::Mention> mentions = apigap::find_mentions(document, matcher, &dropped);
    CHECK(mentions.size() == apigap::find_mentions(document, matcher).size());
    std::vector<std::string> described;
    for (const apigap::DroppedMention& each : dropped) {
        described.push_back(std::to_string(each.line) + "|" + each.hit.skill_id + "|" + each.hit.text + "|" +
                            each.hit.reason);
    }
    CHECK(described == std::vector<std::string>{
                           "0|python|Python|on a heading", "1|api-security|https|in a link",
                           "1|rest-graphql|graphql|in a link",
                           "2|database-design|PostgreSQL|in the section 'interests', whose keywords are not evidence",
                           "3|java|Java|an everyday word with no technical context on its line"});
}

TEST_CASE("a link written in capitals is blanked out too", "[mentions]") {
    CHECK(apigap::without_links("see WWW.Rest.dev and (Www.go.dev).") ==
          "see " + std::string(12, ' ') + " and (" + std::string(10, ' ') + ").");
    CHECK(apigap::without_links("www and go.dev, w.x") == "www and go.dev, w.x");
}

TEST_CASE("find_mentions with a scratch and a vector kept from resume to resume finds what it finds alone",
          "[mentions]") {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    apigap::ResumeDocument first;
    first.add_line(1, "Skills", true, "skills");
    first.add_line(2, "Java, Go, Python, Kubernetes", false, "skills");
    first.add_line(3, "Built REST APIs in Go, see https://github.com/jane/graphql and WWW.Kafka.dev", false,
                   "experience");
    first.add_line(4, "PostgreSQL and chess", false, "interests");
    first.add_line(5, "Drank Java coffee; learning Rust", false, "experience");
    apigap::ResumeDocument second;
    second.add_line(1, std::string(3'000, 'x') + " Terraform on AWS with Go", false, "experience");
    second.add_line(2, "Java", false, "projects");
    const auto described = [](const std::vector<apigap::Mention>& mentions) {
        std::vector<std::string> out;
        for (const apigap::Mention& mention : mentions) {
            out.push_back(mention.keyword->skill_id + "|" + mention.keyword->keyword + "|" +
                          std::to_string(mention.line) + "|" + std::to_string(mention.offset));
        }
        return out;
    };
    apigap::MentionScratch scratch;
    std::vector<apigap::Mention> mentions;
    for (const apigap::ResumeDocument* document : {&first, &second, &first, &second}) {
        std::vector<apigap::DroppedMention> kept_dropped;
        std::vector<apigap::DroppedMention> alone_dropped;
        apigap::find_mentions(*document, matcher, scratch, mentions, &kept_dropped);
        const std::vector<apigap::Mention> alone = apigap::find_mentions(*document, matcher, &alone_dropped);
        CHECK(!alone.empty());
        CHECK(described(mentions) == described(alone));
        REQUIRE(kept_dropped.size() == alone_dropped.size());
        for (std::size_t i = 0; i < alone_dropped.size(); ++i) {
            CHECK(kept_dropped[i].line == alone_dropped[i].line);
            CHECK(kept_dropped[i].hit.reason == alone_dropped[i].hit.reason);
        }
        apigap::find_mentions(*document, matcher, scratch, mentions);
        CHECK(described(mentions) == described(alone));
    }
}

TEST_CASE("many short lines with a link each are read whole, every one blanked in its own buffer", "[mentions]") {
    // A short line blanked is held inside its string: the buffers must stay in place as more are added, or the
    // lines read before would point into freed memory (AddressSanitizer, fuzz/regressions/resume_markdown/).
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    const apigap::KeywordMatcher matcher(kb);
    apigap::ResumeDocument document;
    for (int number = 1; number <= 40; ++number) {
        document.add_line(number, number % 2 == 0 ? "a@b.io Go" : "Kafka x.io/y", false, "experience");
    }
    apigap::MentionScratch scratch;
    std::vector<apigap::Mention> mentions;
    for (int round = 0; round < 2; ++round) {
        apigap::find_mentions(document, matcher, scratch, mentions);
        REQUIRE(mentions.size() >= 40);
        for (const apigap::Mention& mention : mentions) {
            const std::string_view line = document.lines[mention.line].text;
            CHECK(mention.offset == (line.front() == 'a' ? 7U : 0U));
        }
    }
}
