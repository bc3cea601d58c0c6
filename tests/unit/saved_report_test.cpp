// Tests of reading saved reports and history entries (src/core/saved_report.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "apigap/knowledge_base.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/saved_report.hpp"
#include "test_support.hpp"

using apigap::parse_saved_report;
using apigap::RatingSource;
using apigap::SavedReport;

namespace {

/// A small report of the shape `apigap assess --format json` writes, with
/// `{skills}` standing for the profile's skills.
std::string report_json(std::string_view skills = R"({"id": "python", "name": "Python", "category": "technical",
       "rating": 3, "source": "answered", "evidence": []})") {
    return std::string(R"({"schema_version": 1, "kind": "assessment",
  "level": {"id": "mid", "name": "Mid"},
  "readiness": [{"level": "entry", "name": "Entry", "readiness": 80.5},
                {"level": "mid", "name": "Mid", "readiness": 62.5}],
  "profile": {"skills": [)") +
           std::string(skills) + "]}}\n";
}

std::string entry_json(std::string_view report, std::string_view saved_at = "2026-01-02T03:04:05Z",
                       std::string_view input = R"("a.yaml")") {
    return std::string(R"({"schema_version": 1, "kind": "history-entry", "saved_at": ")") + std::string(saved_at) +
           R"(", "input": )" + std::string(input) + R"(, "report": )" + std::string(report) + "}\n";
}

std::string error(std::string_view text) {
    return apigap::test::error_of([&] { (void)parse_saved_report(text, "r.json"); });
}

}  // namespace

TEST_CASE("a plain report gives the level, the readiness and the profile", "[saved_report]") {
    const SavedReport report = parse_saved_report(report_json(), "r.json");
    CHECK(report.kind == "assessment");
    CHECK(report.level_id == "mid");
    CHECK(report.level_name == "Mid");
    REQUIRE(report.readiness.size() == 2);
    CHECK(report.readiness[0].level_id == "entry");
    CHECK(report.readiness[0].level_name == "Entry");
    CHECK(report.readiness[0].readiness == 80.5);
    CHECK(report.readiness_for("mid") == 62.5);
    CHECK_FALSE(report.readiness_for("senior").has_value());
    REQUIRE(report.skills.size() == 1);
    CHECK(report.skills[0].name == "Python");
    CHECK(report.profile.rating("python") == 3);
    CHECK(report.profile.ratings().at("python").source == RatingSource::answered);
    CHECK_FALSE(report.saved_at.has_value());
    CHECK_FALSE(report.input.has_value());
}

TEST_CASE("a history entry gives the report, its time and its input", "[saved_report]") {
    const SavedReport report = parse_saved_report(entry_json(report_json()), "e.json");
    CHECK(report.kind == "assessment");
    CHECK(report.level_id == "mid");
    CHECK(report.saved_at == "2026-01-02T03:04:05Z");
    CHECK(report.input == "a.yaml");
    CHECK(report.profile.rating("python") == 3);

    const SavedReport no_input = parse_saved_report(entry_json(report_json(), "2026-01-02T03:04:05Z", "null"), "e");
    CHECK_FALSE(no_input.input.has_value());
}

TEST_CASE("a scan's resume path is its input, and evidence is kept", "[saved_report]") {
    std::string text = report_json(R"({"id": "go", "name": "Go", "category": "technical", "rating": 2,
        "source": "inferred", "evidence": [{"line": 7, "section": "experience", "keyword": "Go", "text": "Built Go"}]})");
    text.replace(text.find("\"assessment\""), 12, "\"scan\", \"resume\": {\"path\": \"cv.md\", \"lines\": 9}");
    const SavedReport report = parse_saved_report(text, "r.json");
    CHECK(report.kind == "scan");
    CHECK(report.input == "cv.md");
    const auto& rating = report.profile.ratings().at("go");
    CHECK(rating.source == RatingSource::inferred);
    REQUIRE(rating.evidence.size() == 1);
    CHECK(rating.evidence[0].line == 7);
    CHECK(rating.evidence[0].section == "experience");
    CHECK(rating.evidence[0].keyword == "Go");
    CHECK(rating.evidence[0].text == "Built Go");
    // Read from a resume: a skill it rates 0 had no evidence found, as in the scan itself.
    CHECK(report.profile.inferred());
}

TEST_CASE("an assessment's ratings read back as given, not as read from a resume", "[saved_report]") {
    CHECK_FALSE(parse_saved_report(report_json(), "r.json").profile.inferred());
}

TEST_CASE("a skipped skill reads back as skipped and scores 0", "[saved_report]") {
    const SavedReport report = parse_saved_report(report_json(R"({"id": "go", "name": "Go", "category": "technical",
        "rating": 0, "source": "skipped", "evidence": []})"),
                                                  "r.json");
    CHECK(report.profile.ratings().at("go").source == RatingSource::skipped);
    CHECK(report.profile.rating("go") == 0);
}

TEST_CASE("fields the reader does not use are ignored", "[saved_report]") {
    std::string text = report_json();
    text.replace(text.find("\"kind\""), 0, R"("tool": {"name": "apigap"}, "future": [1, 2], )");
    CHECK(parse_saved_report(text, "r.json").level_id == "mid");
}

TEST_CASE("what apigap writes reads back: the real report and a history entry", "[saved_report]") {
    const apigap::KnowledgeBase kb = apigap::load_knowledge_base();
    apigap::Profile profile;
    profile.set("python", apigap::SkillRating{3, RatingSource::answered, {}});
    profile.set("go", apigap::SkillRating{0, RatingSource::skipped, {}});
    profile.set("rest-graphql", apigap::SkillRating{2, RatingSource::flag, {}});
    const apigap::Report report = apigap::make_report(kb, profile, "senior");

    for (const std::string& text :
         {apigap::render_json(report), apigap::render_history_entry(report, "2026-03-04T05:06:07Z", "x.yaml")}) {
        const SavedReport saved = parse_saved_report(text, "saved.json");
        CHECK(saved.level_id == "senior");
        CHECK(saved.level_name == report.level_name);
        REQUIRE(saved.readiness.size() == report.readiness.size());
        for (std::size_t i = 0; i < saved.readiness.size(); ++i) {
            CHECK(saved.readiness[i].level_id == report.readiness[i].level_id);
            CHECK(saved.readiness[i].readiness == Approx(report.readiness[i].readiness).margin(0.1));
        }
        CHECK(saved.profile.ratings().size() == 3);
        CHECK(saved.profile.rating("python") == 3);
        CHECK(saved.profile.rating("rest-graphql") == 2);
        CHECK(saved.profile.ratings().at("rest-graphql").source == RatingSource::flag);
        CHECK(saved.profile.ratings().at("go").source == RatingSource::skipped);
    }
    const SavedReport entry =
        parse_saved_report(apigap::render_history_entry(report, "2026-03-04T05:06:07Z", std::nullopt), "e");
    CHECK(entry.saved_at == "2026-03-04T05:06:07Z");
    CHECK_FALSE(entry.input.has_value());
}

TEST_CASE("text that is not a JSON report is refused with its position", "[saved_report]") {
    CHECK(error("") ==
          "r.json: the file is empty; expected a JSON report from 'apigap assess' or 'apigap scan' or a history entry");
    CHECK(error("  \n") ==
          "r.json: the file is empty; expected a JSON report from 'apigap assess' or 'apigap scan' or a history entry");
    CHECK(error("\n  level: mid\n") ==
          "r.json:2:3: expected a JSON report from 'apigap assess' or 'apigap scan' or a history entry");
    CHECK(error("[1, 2]") ==
          "r.json:1:1: expected a JSON report from 'apigap assess' or 'apigap scan' or a history entry");
    CHECK(error("{\"kind\": \"scan\",\n \"level\": }") ==
          "r.json:2:11: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal");
}

TEST_CASE("a truncated report or entry is refused where it ends", "[saved_report]") {
    const std::string text = entry_json(report_json());
    const std::string cut = text.substr(0, text.find("\"profile\""));
    const std::string message = error(cut);
    CHECK(message ==
          "r.json:5:3: syntax error while parsing object key - unexpected end of input; expected string "
          "literal");
}

TEST_CASE("a report of the wrong kind or version is refused", "[saved_report]") {
    std::string text = report_json();
    CHECK(error(R"({"schema_version": 1})") == "r.json:1:1: missing 'kind' in the document");
    CHECK(error(R"({"kind": "check", "schema_version": 1})") ==
          R"(r.json:1:10: expected kind "assessment", "scan" or "history-entry", got the string "check")");
    CHECK(error(R"({"kind": "scan"})") == "r.json:1:1: missing 'schema_version' in the report");
    CHECK(error(R"({"kind": "scan", "schema_version": 2})") ==
          "r.json:1:36: schema_version 2 is not supported; this apigap reads version 1");
    CHECK(error(R"({"kind": "scan", "schema_version": "1"})") ==
          "r.json:1:36: expected an integer from 0 to 1000000, got the string \"1\"");
    CHECK(error(entry_json(R"({"kind": "check", "schema_version": 1})")) ==
          R"(r.json:1:122: expected kind "assessment" or "scan" for the report, got the string "check")");
}

TEST_CASE("a report or entry a newer apigap wrote is told from a damaged one", "[saved_report]") {
    using apigap::newer_schema_version;
    std::string entry = entry_json(report_json());
    entry.replace(entry.find("\"schema_version\": 1"), 19, "\"schema_version\": 2");
    CHECK(newer_schema_version(entry, "e.json") == 2);
    // The envelope this apigap reads around a report of a newer version.
    std::string inner = report_json();
    inner.replace(inner.find("\"schema_version\": 1"), 19, "\"schema_version\": 7");
    CHECK(newer_schema_version(entry_json(inner), "e.json") == 7);
    // A newer entry may change any other field: only its version is read.
    CHECK(newer_schema_version("\xEF\xBB\xBF {\"schema_version\": 3, \"kind\": \"history-entry-v3\"}", "e.json") == 3);
    CHECK(newer_schema_version(R"({"kind": "scan", "schema_version": 2})", "r.json") == 2);

    // Anything else is for `parse_saved_report` to refuse.
    CHECK_FALSE(newer_schema_version(entry_json(report_json()), "e.json"));
    CHECK_FALSE(newer_schema_version(R"({"kind": "scan", "schema_version": 0})", "r.json"));
    CHECK_FALSE(newer_schema_version(R"({"kind": "scan", "schema_version": "2"})", "r.json"));
    CHECK_FALSE(newer_schema_version(R"({"kind": "scan", "schema_version": 2.5})", "r.json"));
    CHECK_FALSE(newer_schema_version(R"({"kind": "scan"})", "r.json"));
    CHECK_FALSE(newer_schema_version(R"({"schema_version": 2, "kind": )", "r.json"));  // cut short
    CHECK_FALSE(newer_schema_version("schema_version: 2\n", "r.json"));                // YAML, not a JSON object
    CHECK_FALSE(newer_schema_version("[{\"schema_version\": 2}]", "r.json"));
    CHECK_FALSE(newer_schema_version("", "r.json"));
}

TEST_CASE("a history entry with a bad envelope is refused", "[saved_report]") {
    CHECK(error(entry_json(report_json(), "2026-02-30T00:00:00Z")) ==
          R"(r.json:1:60: expected a UTC time YYYY-MM-DDTHH:MM:SSZ for 'saved_at', got "2026-02-30T00:00:00Z")");
    CHECK(error(R"({"kind": "history-entry", "schema_version": 1, "saved_at": "2026-01-01T00:00:00Z"})") ==
          "r.json:1:1: missing 'input' in the history entry");
    CHECK(error(R"({"kind": "history-entry", "schema_version": 1, "saved_at": "2026-01-01T00:00:00Z",
                    "input": null})") == "r.json:1:1: missing 'report' in the history entry");
    CHECK(error(R"({"kind": "history-entry", "schema_version": 1, "saved_at": "2026-01-01T00:00:00Z",
                    "input": 3, "report": []})") == "r.json:2:43: expected an object for 'report', got a list");
    CHECK(error(entry_json(report_json(), "2026-01-01T00:00:00Z", "3")) ==
          "r.json:1:93: expected a string for 'input', got '3'");
    CHECK(error(R"({"kind": "history-entry", "saved_at": "x"})") ==
          "r.json:1:1: missing 'schema_version' in the history entry");
}

TEST_CASE("a report with a field of the wrong shape is refused at that field", "[saved_report]") {
    const auto with = [](std::string_view from, std::string_view to) {
        std::string text = report_json();
        text.replace(text.find(from), from.size(), to);
        return error(text);
    };
    CHECK(with(R"("level": {"id": "mid", "name": "Mid"})", R"("level": "mid")") ==
          "r.json:2:12: expected an object for 'level', got the string \"mid\"");
    CHECK(with(R"("id": "mid", )", "") == "r.json:2:12: missing 'id' in 'level'");
    CHECK(with(R"("readiness": 62.5)", R"("readiness": 101)") ==
          "r.json:4:62: expected a number from 0 to 100 for 'readiness', got '101'");
    CHECK(with(R"("readiness": 62.5)", R"("readiness": "62.5")") ==
          "r.json:4:62: expected a number from 0 to 100 for 'readiness', got the string \"62.5\"");
    CHECK(with(R"({"level": "mid", "name": "Mid", "readiness": 62.5})",
               R"({"level": "x", "name": "X", "readiness": 1})") ==
          "r.json:3:16: the readiness has no entry for the target level 'mid'");
    CHECK(with(R"("profile": {"skills": [)", R"("profile": {"skillz": [)") ==
          "r.json:5:14: missing 'skills' in 'profile'");
    CHECK(with(R"("rating": 3)", R"("rating": 5)") == "r.json:6:18: expected an integer from 0 to 4, got 5");
    CHECK(with(R"("source": "answered")", R"("source": "guessed")") ==
          "r.json:6:31: expected 'answered', 'flag', 'skipped' or 'inferred' for 'source', got the string \"guessed\"");
    CHECK(with(R"("category": "technical")", R"("category": 1)") ==
          "r.json:5:73: expected 'technical', 'soft' or 'situational' for 'category', got '1'");
    CHECK(with(R"("id": "python")", R"("id": "Python!")") == "r.json:5:33: 'Python!' is not a skill id");
    CHECK(with(R"("evidence": [])", R"("evidence": [3])") == "r.json:6:56: expected an object for evidence, got '3'");
    CHECK(with(R"("readiness": [)", R"("readiness": {"a": 1}, "x": [)") ==
          "r.json:3:16: expected a list for 'readiness', got a mapping");
}

TEST_CASE("UTC timestamps are checked field by field", "[saved_report]") {
    CHECK(apigap::is_utc_timestamp("2026-01-02T03:04:05Z"));
    CHECK(apigap::is_utc_timestamp("2024-02-29T23:59:59Z"));
    CHECK(apigap::is_utc_timestamp("2000-02-29T00:00:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("1900-02-29T00:00:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("2025-02-29T00:00:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-13-01T00:00:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-04-31T00:00:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-01-01T24:00:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-01-01T00:60:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-01-01 00:00:00Z"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-01-01T00:00:00+01:00"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-01-01T00:00:00"));
    CHECK_FALSE(apigap::is_utc_timestamp("2026-0a-01T00:00:00Z"));
}
