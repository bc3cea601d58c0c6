// Tests of `apigap batch`'s JSON line (src/render/batch.cpp): the line written field by field must be, byte for
// byte, the JSON tree `--job` lines are dumped from, whatever the path, level and ratings hold.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "apigap/render.hpp"
#include "render/json_support.hpp"

namespace {

using apigap::ResumeSummary;
using apigap::ScoreSummary;

std::string direct(const std::string& path, const ResumeSummary& resume, const ScoreSummary& score) {
    return apigap::render_batch_line(path, resume, score, nullptr);
}

std::string tree(const std::string& path, const ResumeSummary& resume, const ScoreSummary& score) {
    return apigap::render_detail::batch_line_as_tree(path, resume, score, nullptr);
}

}  // namespace

TEST_CASE("a batch line is the JSON tree's dump, for a plain resume", "[render][batch]") {
    ResumeSummary resume{"cv.md", apigap::InputFormat::markdown, 42, {}};
    resume.warnings.resize(2);
    const ScoreSummary score{"mid", 83.36, {{"go", 3}, {"python", 0}}};
    const std::string line = direct("resumes/cv.md", resume, score);
    CHECK(line ==
          "{\"path\":\"resumes/cv.md\",\"format\":\"markdown\",\"lines\":42,\"warnings\":2,\"level\":\"mid\","
          "\"readiness\":83.3,\"skills\":{\"go\":3,\"python\":0}}\n");
    CHECK(line == tree("resumes/cv.md", resume, score));
    CHECK(direct("a.md", resume, ScoreSummary{"senior", 100.0, {}}) ==
          "{\"path\":\"a.md\",\"format\":\"markdown\",\"lines\":42,\"warnings\":2,\"level\":\"senior\","
          "\"readiness\":100,\"skills\":{}}\n");
}

TEST_CASE("a batch line is the JSON tree's dump, for paths of every kind of byte", "[render][batch]") {
    // Quotes, backslashes, controls, DEL, UTF-8 and invalid UTF-8 (which the tree's dump replaces): each path
    // built from random pieces, with readiness of every kind of fraction.
    const std::vector<std::string> pieces{"a",    "/", " ",  "\"",   "\\",   "\t",       "\n", "\x01", "\x1f",
                                          "\x7f", "é", "中", "\xC3", "\xFF", "\xE2\x80", "-",  "x.md"};
    std::uint32_t state = 11;
    const auto next = [&](std::uint32_t below) {
        state = state * 1'664'525U + 1'013'904'223U;
        return (state >> 16) % below;
    };
    for (int round = 0; round < 3'000; ++round) {
        std::string path;
        for (std::uint32_t piece = 0, count = 1 + next(8); piece < count; ++piece) {
            path += pieces[next(static_cast<std::uint32_t>(pieces.size()))];
        }
        const ResumeSummary resume{path, apigap::InputFormat::text, next(500), {}};
        const ScoreSummary score{"entry", next(100'001) / 1000.0, {{"api-security", static_cast<int>(next(5))}}};
        CAPTURE(path, score.readiness);
        CHECK(direct(path, resume, score) == tree(path, resume, score));
    }
}
