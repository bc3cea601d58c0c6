// Tests of the per-resume pipeline (src/ingest/resume_pipeline.cpp): one object reads resume after resume and gives
// what reading, finding the mentions and rating each one alone give; it stops before rating when asked, and traces
// its stages when asked.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/mentions.hpp"
#include "apigap/resume_input.hpp"
#include "apigap/resume_pipeline.hpp"
#include "test_support.hpp"

namespace {

using apigap::ResumePipeline;
using apigap::ResumeRequest;

const apigap::KnowledgeBase& kb() {
    static const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    return kb;
}

const apigap::KeywordMatcher& matcher() {
    static const apigap::KeywordMatcher matcher(kb());
    return matcher;
}

constexpr const char* k_go_resume =
    "# Experience\n\n- Built REST APIs in Go and PostgreSQL for 2M users, cutting latency 40%.\n"
    "- Learning Java in the evenings.\n\n# Interests\n\nKafka meetups\n";
constexpr const char* k_python_resume = "Skills: Python, Redis\n\nExperience\n\nShipped Python services on Redis.\n";

/// The skills rated, each with its rating: what a line of `batch` lists.
std::vector<std::pair<std::string, int>> ratings(const apigap::Profile& profile) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& [id, rating] : profile.ratings()) {
        out.emplace_back(id, rating.rating);
    }
    return out;
}

/// The ratings of the resume at `path` read by the separate steps, without a pipeline.
std::vector<std::pair<std::string, int>> ratings_alone(const std::string& path) {
    const apigap::ResumeDocument document = apigap::load_resume(path, std::nullopt, kb().resume);
    return ratings(apigap::infer_profile(kb(), document, apigap::find_mentions(document, matcher())));
}

}  // namespace

TEST_CASE("One pipeline reads resume after resume as each would be read alone", "[pipeline]") {
    const apigap::test::TempDir folder;
    const std::string go = folder.file("go.md", k_go_resume);
    const std::string python = folder.file("python.txt", k_python_resume);
    ResumePipeline pipeline(kb(), matcher());
    for (int round = 0; round < 2; ++round) {
        for (const std::string& path : {go, python}) {
            ResumeRequest request;
            request.path = path;
            const apigap::ScannedResume& resume = pipeline.scan(request);
            CHECK(resume.document.source == path);
            CHECK_FALSE(resume.mentions.empty());
            CHECK(ratings(resume.profile) == ratings_alone(path));
            CHECK(resume.times.empty());
            CHECK(resume.dropped.empty());
        }
    }
    ResumeRequest request;
    request.path = go;
    CHECK(pipeline.scan(request).profile.ratings().count("go") == 1);
    request.path = python;
    CHECK(pipeline.scan(request).profile.ratings().count("go") == 0);
}

TEST_CASE("A pipeline asked not to rate stops after the mentions", "[pipeline]") {
    const apigap::test::TempDir folder;
    const std::string path = folder.file("go.md", k_go_resume);
    ResumePipeline pipeline(kb(), matcher());
    ResumeRequest request;
    request.path = path;
    CHECK_FALSE(pipeline.scan(request).profile.ratings().empty());
    request.rate = false;
    const apigap::ScannedResume& resume = pipeline.scan(request);
    CHECK_FALSE(resume.mentions.empty());
    CHECK(resume.profile.ratings().empty());
}

TEST_CASE("A traced pipeline times each stage and keeps the keywords it did not count, in line order", "[pipeline]") {
    const apigap::test::TempDir folder;
    const std::string path = folder.file("go.md", k_go_resume);
    ResumePipeline pipeline(kb(), matcher());
    ResumeRequest request;
    request.path = path;
    request.trace = true;
    const apigap::ScannedResume& resume = pipeline.scan(request);
    std::vector<std::string> stages;
    for (const apigap::StageTime& stage : resume.times) {
        stages.push_back(stage.stage);
    }
    CHECK(stages == std::vector<std::string>{"read " + path, "keyword scan", "inference"});
    std::vector<std::string> dropped;
    for (const apigap::DroppedMention& each : resume.dropped) {
        dropped.push_back(std::to_string(resume.document.lines[each.line].number) + " " + each.hit.text);
    }
    // Kafka twice: a tool of two skills.
    CHECK(dropped == std::vector<std::string>{"4 Java", "8 Kafka", "8 Kafka", "8 meetups"});
    request.trace = false;
    CHECK(pipeline.scan(request).dropped.empty());
}

TEST_CASE("A pipeline's error names the file, and the next resume reads as if none had failed", "[pipeline]") {
    const apigap::test::TempDir folder;
    ResumePipeline pipeline(kb(), matcher());
    ResumeRequest request;
    const std::string empty = folder.file("empty.md", "");
    request.path = empty;
    CHECK(apigap::test::error_of([&] { (void)pipeline.scan(request); }) ==
          empty + ": empty file: an ATS would see an empty resume");
    const std::string python = folder.file("python.txt", k_python_resume);
    request.path = python;
    CHECK(ratings(pipeline.scan(request).profile) == ratings_alone(python));
}

TEST_CASE("A pipeline asked for no evidence gives the same ratings with no evidence lines", "[pipeline]") {
    const apigap::test::TempDir folder;
    const std::string path = folder.file("go.md", k_go_resume);
    ResumePipeline pipeline(kb(), matcher());
    ResumeRequest request;
    request.path = path;
    const apigap::Profile with = pipeline.scan(request).profile;
    request.evidence = false;
    const apigap::Profile without = pipeline.scan(request).profile;
    CHECK(ratings(without) == ratings(with));
    CHECK(ratings(with) == ratings_alone(path));
    std::size_t lines = 0;
    for (const auto& [id, rating] : with.ratings()) {
        lines += rating.evidence.size();
    }
    CHECK(lines > 0);
    for (const auto& [id, rating] : without.ratings()) {
        CHECK(rating.evidence.empty());
    }
}

TEST_CASE("Rating without evidence gives every evaluation resume the ratings rating with evidence gives",
          "[pipeline]") {
    // Without evidence the tallies keep no candidate lines and number no keywords: the ratings must not move. Python
    // used on three lines of experience, with no figure and no lead, rates as measured by its count of uses alone.
    const apigap::test::TempDir folder;
    std::vector<std::string> paths{folder.file("three-uses.md",
                                               "# Dana Roe\n\n## Experience\n\n"
                                               "- Wrote billing services in Python\n"
                                               "- Maintained Python scripts for the Docker deploys\n"
                                               "- Reviewed Python code with the platform team\n")};
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(APIGAP_SOURCE_DIR) + "/tests/eval/resumes")) {
        paths.push_back(entry.path().string());
    }
    ResumePipeline pipeline(kb(), matcher());
    for (const std::string& path : paths) {
        CAPTURE(path);
        ResumeRequest request;
        request.path = path;
        const auto with = ratings(pipeline.scan(request).profile);
        request.evidence = false;
        CHECK(ratings(pipeline.scan(request).profile) == with);
        CHECK_FALSE(with.empty());
    }
    CHECK(paths.size() > 10);
    ResumeRequest request;
    request.path = paths.front();
    request.evidence = false;
    CHECK(pipeline.scan(request).profile.rating("python") == 3);
}
