// Tests of the history entry and `apigap history`'s views (src/render/history.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "apigap/knowledge_base.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"

using apigap::Format;
using apigap::HistoryEntry;
using apigap::TextStyle;

namespace {

HistoryEntry entry(int number, const char* level, double readiness, std::optional<std::string> input,
                   std::optional<std::string> saved_at = "2026-01-02T03:04:05Z") {
    HistoryEntry result;
    result.number = number;
    result.file = "00000" + std::to_string(number) + "-20260102T030405Z.json";
    result.report.kind = "assessment";
    result.report.level_id = level;
    result.report.level_name = std::string("Level ") + level;
    result.report.readiness = {{level, result.report.level_name, readiness}};
    result.report.saved_at = std::move(saved_at);
    result.report.input = std::move(input);
    return result;
}

std::vector<HistoryEntry> entries() {
    return {entry(1, "mid", 62.5, "answers.yaml"), entry(2, "entry", 100.0, std::nullopt, std::nullopt),
            entry(3, "mid", 7.2, "cv|final.md", "2026-12-31T23:59:59Z")};
}

}  // namespace

TEST_CASE("a history entry wraps the JSON report with when and from what", "[render][history]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    apigap::Profile profile;
    profile.set("python", apigap::SkillRating{3, apigap::RatingSource::answered, {}});
    const apigap::Report report = apigap::make_report(kb, profile, "mid");

    const std::string text = apigap::render_history_entry(report, "2026-01-02T03:04:05Z", "answers.yaml");
    CHECK(text.back() == '\n');
    const auto document = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& item : document.items()) {
        keys.push_back(item.key());
    }
    CHECK(keys == std::vector<std::string>{"schema_version", "tool", "kind", "saved_at", "input", "report"});
    CHECK(document["schema_version"] == 1);
    CHECK(document["kind"] == "history-entry");
    CHECK(document["saved_at"] == "2026-01-02T03:04:05Z");
    CHECK(document["input"] == "answers.yaml");
    CHECK(document["report"] == nlohmann::ordered_json::parse(apigap::render_json(report)));

    const auto without = nlohmann::json::parse(apigap::render_history_entry(report, "2026-01-02T03:04:05Z", {}));
    CHECK(without["input"].is_null());
}

TEST_CASE("the history lists one line per entry in 80 columns", "[render][history]") {
    CHECK(apigap::render_history(entries(), Format::text, TextStyle{false, true}) ==
          "  #  saved (UTC)       level  readiness  input\n"
          "  1  2026-01-02 03:04  mid        62.5%  answers.yaml\n"
          "  2  -                 entry     100.0%  -\n"
          "  3  2026-12-31 23:59  mid         7.2%  cv|final.md\n");
}

TEST_CASE("a long input is cut to fit the line", "[render][history]") {
    const std::vector<HistoryEntry> list = {entry(1, "mid", 50.0, std::string(100, 'x') + "é.md")};
    const std::string text = apigap::render_history(list, Format::text, TextStyle{false, false});
    const std::string row = text.substr(text.find('\n') + 1);
    CHECK(row == "  1  2026-01-02 03:04  mid        50.0%  " + std::string(34, 'x') + "...\n");
    CHECK(row.size() == 79);  // 78 columns and the newline
}

TEST_CASE("the history in Markdown is a table with escaped cells", "[render][history]") {
    CHECK(apigap::render_history(entries(), Format::markdown, {}) ==
          "| # | Saved (UTC) | Level | Readiness | Input |\n|--:|:--|:--|--:|:--|\n"
          "| 1 | 2026-01-02 03:04 | Level mid | 62.5% | answers.yaml |\n"
          "| 2 | - | Level entry | 100.0% | - |\n"
          "| 3 | 2026-12-31 23:59 | Level mid | 7.2% | cv\\|final.md |\n");
}

TEST_CASE("the history in JSON lists every entry with nulls for what is unknown", "[render][history]") {
    const auto document = nlohmann::json::parse(apigap::render_history(entries(), Format::json, {}));
    CHECK(document["kind"] == "history");
    REQUIRE(document["entries"].size() == 3);
    const auto& first = document["entries"][0];
    CHECK(first["number"] == 1);
    CHECK(first["file"] == "000001-20260102T030405Z.json");
    CHECK(first["saved_at"] == "2026-01-02T03:04:05Z");
    CHECK(first["kind"] == "assessment");
    CHECK(first["level"] == "mid");
    CHECK(first["level_name"] == "Level mid");
    CHECK(first["readiness"] == 62.5);
    CHECK(first["input"] == "answers.yaml");
    CHECK(document["entries"][1]["saved_at"].is_null());
    CHECK(document["entries"][1]["input"].is_null());
    CHECK(document["entries"][1]["readiness"] == 100);
}

TEST_CASE("an empty history renders as nothing, except as a JSON document", "[render][history]") {
    CHECK(apigap::render_history({}, Format::text, {}).empty());
    CHECK(apigap::render_history({}, Format::markdown, {}).empty());
    const auto document = nlohmann::json::parse(apigap::render_history({}, Format::json, {}));
    CHECK(document["entries"].empty());
    CHECK(document["entries"].is_array());
}
