// Tests of `apigap progress`'s views (src/render/progress.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "apigap/render.hpp"

using apigap::Format;
using apigap::HistoryEntry;
using apigap::Progress;
using apigap::TextStyle;

namespace {

HistoryEntry entry(int number, double mid, std::vector<std::pair<const char*, int>> ratings) {
    HistoryEntry result;
    result.number = number;
    result.report.kind = "assessment";
    result.report.level_id = "mid";
    result.report.level_name = "Mid-level";
    result.report.readiness = {{"entry", "Entry-level", std::min(100.0, mid + 20.0)}, {"mid", "Mid-level", mid}};
    result.report.saved_at = "2026-01-" + std::string(number < 10 ? "0" : "") + std::to_string(number) + "T08:30:00Z";
    result.report.input = "answers.yaml";
    for (const auto& [id, rating] : ratings) {
        const apigap::SkillRating value{rating, apigap::RatingSource::answered, {}};
        result.report.skills.push_back(
            apigap::RatedSkill{id, std::string("Skill ") + id, apigap::SkillCategory::technical, value});
        result.report.profile.set(id, value);
    }
    return result;
}

Progress sample() {
    const std::vector<HistoryEntry> history = {
        entry(1, 40.0, {{"python", 2}, {"java", 2}, {"go", 1}}),
        entry(2, 55.5, {{"python", 3}, {"java", 1}, {"go", 1}}),
    };
    return apigap::make_progress(history, {0, 1});
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(line);
    }
    return lines;
}

std::size_t code_points(const std::string& line) {
    return static_cast<std::size_t>(
        std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

TEST_CASE("progress in text: both ends, readiness, changed skills and the trend", "[render][progress]") {
    CHECK(apigap::render_progress(sample(), Format::text, TextStyle{false, true}) ==
          "apigap progress: Mid-level\n"
          "  from  #1  2026-01-01 08:30 UTC  target mid  answers.yaml\n"
          "  to    #2  2026-01-02 08:30 UTC  target mid  answers.yaml\n"
          "\n"
          "READINESS\n"
          "  level            #1 →     #2  change\n"
          "  Entry-level   60.0% →  75.5%   +15.5\n"
          "▶ Mid-level     40.0% →  55.5%   +15.5\n"
          "\n"
          "SKILLS\n"
          "  skill         #1 → #2  change\n"
          "  Skill python   2 →  3      +1\n"
          "  Skill java     2 →  1      -1\n"
          "  1 skill unchanged\n"
          "\n"
          "TREND: Mid-level\n"
          "▶ 1  2026-01-01 08:30  ████████░░░░░░░░░░░░   40.0%\n"
          "▶ 2  2026-01-02 08:30  ███████████░░░░░░░░░   55.5%\n");
}

TEST_CASE("progress in text falls back to ASCII and colours only when asked", "[render][progress]") {
    const std::string ascii = apigap::render_progress(sample(), Format::text, TextStyle{false, false});
    CHECK(std::all_of(ascii.begin(), ascii.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    CHECK(ascii.find("> Mid-level     40.0% ->  55.5%   +15.5\n") != std::string::npos);
    CHECK(ascii.find("> 2  2026-01-02 08:30  ###########---------   55.5%\n") != std::string::npos);
    CHECK(ascii.find('\x1b') == std::string::npos);

    const std::string color = apigap::render_progress(sample(), Format::text, TextStyle{true, true});
    CHECK(color.find("  \x1b[32m +15.5\x1b[0m\n") != std::string::npos);
    CHECK(color.find("  \x1b[31m    -1\x1b[0m\n") != std::string::npos);
}

TEST_CASE("the trend shows the latest 12 entries and says how many it left out", "[render][progress]") {
    std::vector<HistoryEntry> history;
    for (int number = 1; number <= 15; ++number) {
        history.push_back(entry(number, 5.0 * number, {{"python", number % 5}}));
    }
    const Progress progress = apigap::make_progress(history, {0, 14});
    const std::string text = apigap::render_progress(progress, Format::text, TextStyle{false, true});
    const std::vector<std::string> lines = lines_of(text);
    const auto trend = std::find(lines.begin(), lines.end(), "TREND: Mid-level");
    REQUIRE(trend != lines.end());
    REQUIRE(lines.end() - trend == 14);
    CHECK(trend[1] == "  3 earlier entries ('apigap history' lists them)");
    CHECK(trend[2] == "   4  2026-01-04 08:30  ████░░░░░░░░░░░░░░░░   20.0%");
    CHECK(trend[13] == "▶ 15  2026-01-15 08:30  ███████████████░░░░░   75.0%");
    for (const std::string& line : lines) {
        INFO(line);
        CHECK(code_points(line) <= 78);
    }
}

TEST_CASE("progress with no rating changed says so", "[render][progress]") {
    const std::vector<HistoryEntry> history = {entry(1, 40.0, {{"python", 2}}), entry(2, 40.0, {{"python", 2}})};
    const Progress progress = apigap::make_progress(history, {0, 1});
    const std::string text = apigap::render_progress(progress, Format::text, TextStyle{false, true});
    CHECK(text.find("SKILLS\n  No rating changed (1 skill rated).\n") != std::string::npos);
    CHECK(text.find("▶ Mid-level     40.0% →  40.0%     0.0\n") != std::string::npos);
    const std::string markdown = apigap::render_progress(progress, Format::markdown, {});
    CHECK(markdown.find("#### Skills\n\nNo rating changed (1 skill rated).\n") != std::string::npos);
}

TEST_CASE("progress in Markdown: tables for readiness, skills and the trend", "[render][progress]") {
    CHECK(apigap::render_progress(sample(), Format::markdown, {}) ==
          "### Progress: Mid-level\n\n"
          "From #1 (2026-01-01 08:30 UTC, target mid, answers.yaml) to #2 (2026-01-02 08:30 UTC, target mid, "
          "answers.yaml).\n\n"
          "| Level | #1 | #2 | Change |\n|:--|--:|--:|--:|\n"
          "| Entry-level | 60.0% | 75.5% | +15.5 |\n"
          "| **Mid-level** (target) | 40.0% | 55.5% | +15.5 |\n\n"
          "#### Skills\n\n"
          "| Skill | #1 | #2 | Change |\n|:--|--:|--:|--:|\n"
          "| Skill python | 2 | 3 | +1 |\n"
          "| Skill java | 2 | 1 | -1 |\n\n"
          "1 skill unchanged.\n\n"
          "#### Readiness for Mid-level over time\n\n"
          "| # | Saved (UTC) | Readiness |\n|--:|:--|--:|\n"
          "| 1 | 2026-01-01 08:30 | 40.0% |\n"
          "| 2 | 2026-01-02 08:30 | 55.5% |\n");
}

TEST_CASE("progress in JSON holds both ends, every change and the trend", "[render][progress]") {
    const auto document = nlohmann::json::parse(apigap::render_progress(sample(), Format::json, {}));
    CHECK(document["kind"] == "progress");
    CHECK(document["from"] == nlohmann::json::parse(R"({"number": 1, "saved_at": "2026-01-01T08:30:00Z",
        "level": "mid", "level_name": "Mid-level", "input": "answers.yaml"})"));
    CHECK(document["to"]["number"] == 2);
    CHECK(document["level"] == nlohmann::json::parse(R"({"id": "mid", "name": "Mid-level"})"));
    CHECK(document["readiness"][1] ==
          nlohmann::json::parse(R"({"level": "mid", "name": "Mid-level", "from": 40, "to": 55.5, "change": 15.5})"));
    REQUIRE(document["skills"].size() == 3);
    CHECK(document["skills"][0] ==
          nlohmann::json::parse(R"({"id": "python", "name": "Skill python", "from": 2, "to": 3, "change": 1})"));
    CHECK(document["skills"][1]["id"] == "go");
    CHECK(document["skills"][1]["change"] == 0);
    CHECK(document["skills"][2]["change"] == -1);
    CHECK(document["trend"][1] ==
          nlohmann::json::parse(R"({"number": 2, "saved_at": "2026-01-02T08:30:00Z", "readiness": 55.5})"));
}

TEST_CASE("a level one entry lacks shows as unknown, not as zero", "[render][progress]") {
    std::vector<HistoryEntry> history = {entry(1, 40.0, {}), entry(2, 50.0, {})};
    history[0].report.readiness.erase(history[0].report.readiness.begin());  // no "entry" level then
    const Progress progress = apigap::make_progress(history, {0, 1});
    const std::string text = apigap::render_progress(progress, Format::text, TextStyle{false, true});
    CHECK(text.find("  Entry-level       - →  70.0%       -\n") != std::string::npos);
    const auto document = nlohmann::json::parse(apigap::render_progress(progress, Format::json, {}));
    CHECK(document["readiness"][0]["from"].is_null());
    CHECK(document["readiness"][0]["change"].is_null());
}
