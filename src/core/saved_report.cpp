// Reading a saved JSON report or history entry back into plain values.
#include "apigap/saved_report.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "document.hpp"
#include "fields.hpp"

namespace apigap {

namespace {

using detail::Node;

constexpr std::string_view k_expected =
    "expected a JSON report from 'apigap assess' or 'apigap scan' or a history entry";

[[noreturn]] void fail(const Node& node, std::string message) {
    throw Error(node.mark.location(), std::move(message));
}

/// Throws the first problem `problems` holds, if any.
void throw_first(detail::Problems& problems) {
    if (!problems.empty()) {
        throw Error(problems.take().front());
    }
}

/// The value under `key` of `object`, which is `what` in messages; a missing
/// key is an error.
const Node& field(const Node& object, std::string_view key, std::string_view what) {
    const Node* value = object.find(key);
    if (value == nullptr) {
        fail(object, fmt::format("missing '{}' in {}", key, what));
    }
    return *value;
}

void require_kind(const Node& node, Node::Kind kind, std::string_view what) {
    if (node.kind != kind) {
        fail(node, fmt::format("expected {} for {}, got {}", kind == Node::Kind::mapping ? "an object" : "a list", what,
                               detail::describe(node)));
    }
}

const Node& object_field(const Node& object, std::string_view key, std::string_view what) {
    const Node& value = field(object, key, what);
    require_kind(value, Node::Kind::mapping, fmt::format("'{}'", key));
    return value;
}

const Node& list_field(const Node& object, std::string_view key, std::string_view what) {
    const Node& value = field(object, key, what);
    require_kind(value, Node::Kind::sequence, fmt::format("'{}'", key));
    return value;
}

std::string text_field(const Node& object, std::string_view key, std::string_view what) {
    const Node& value = field(object, key, what);
    if (value.kind != Node::Kind::scalar || !value.quoted) {
        fail(value, fmt::format("expected a string for '{}', got {}", key, detail::describe(value)));
    }
    return value.scalar;
}

long integer_field(const Node& object, std::string_view key, std::string_view what, long min, long max) {
    detail::Problems problems;
    const auto value = detail::read_integer(field(object, key, what), min, max, problems);
    throw_first(problems);
    return *value;
}

double percent_field(const Node& object, std::string_view key, std::string_view what) {
    const Node& value = field(object, key, what);
    double number = 0.0;
    if (value.kind == Node::Kind::scalar && !value.quoted) {
        const std::string& s = value.scalar;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), number);
        if (ec == std::errc() && end == s.data() + s.size() && number >= 0.0 && number <= 100.0) {
            return number;
        }
    }
    fail(value, fmt::format("expected a number from 0 to 100 for '{}', got {}", key, detail::describe(value)));
}

void check_schema_version(const Node& root, std::string_view what) {
    const Node& version = field(root, "schema_version", what);
    detail::Problems problems;
    const auto number = detail::read_integer(version, 0, 1'000'000, problems);
    throw_first(problems);
    if (*number != k_history_entry_schema_version) {
        fail(version, fmt::format("schema_version {} is not supported; this apigap reads version {}", *number,
                                  k_history_entry_schema_version));
    }
}

SkillCategory read_category(const Node& object) {
    const Node& value = field(object, "category", "a skill");
    for (const SkillCategory category : {SkillCategory::technical, SkillCategory::soft, SkillCategory::situational}) {
        if (value.kind == Node::Kind::scalar && value.scalar == to_string(category)) {
            return category;
        }
    }
    fail(value, "expected 'technical', 'soft' or 'situational' for 'category', got " + detail::describe(value));
}

RatingSource read_source(const Node& object) {
    const Node& value = field(object, "source", "a skill");
    for (const RatingSource source :
         {RatingSource::answered, RatingSource::flag, RatingSource::skipped, RatingSource::inferred}) {
        if (value.kind == Node::Kind::scalar && value.scalar == to_string(source)) {
            return source;
        }
    }
    fail(value, "expected 'answered', 'flag', 'skipped' or 'inferred' for 'source', got " + detail::describe(value));
}

Evidence read_evidence(const Node& item) {
    require_kind(item, Node::Kind::mapping, "evidence");
    const std::string_view what = "evidence";
    return Evidence{static_cast<int>(integer_field(item, "line", what, 0, 100'000'000)),
                    text_field(item, "section", what), text_field(item, "keyword", what),
                    text_field(item, "text", what)};
}

RatedSkill read_skill(const Node& item) {
    require_kind(item, Node::Kind::mapping, "a skill");
    const std::string_view what = "a skill";
    RatedSkill skill;
    skill.id = text_field(item, "id", what);
    if (!detail::is_valid_id(skill.id)) {
        fail(field(item, "id", what), fmt::format("'{}' is not a skill id", skill.id));
    }
    skill.name = text_field(item, "name", what);
    skill.category = read_category(item);
    skill.rating.rating = static_cast<int>(integer_field(item, "rating", what, 0, k_max_rating));
    skill.rating.source = read_source(item);
    for (const Node& evidence : list_field(item, "evidence", what).items) {
        skill.rating.evidence.push_back(read_evidence(evidence));
    }
    return skill;
}

void read_report(const Node& root, SavedReport& report) {
    const std::string_view what = "the report";
    check_schema_version(root, what);
    const Node& kind = field(root, "kind", what);
    report.kind = text_field(root, "kind", what);
    if (report.kind != "assessment" && report.kind != "scan") {
        fail(kind, "expected kind \"assessment\" or \"scan\" for the report, got " + detail::describe(kind));
    }
    const Node& level = object_field(root, "level", what);
    report.level_id = text_field(level, "id", "'level'");
    report.level_name = text_field(level, "name", "'level'");
    for (const Node& item : list_field(root, "readiness", what).items) {
        require_kind(item, Node::Kind::mapping, "a level's readiness");
        const std::string_view readiness = "a level's readiness";
        report.readiness.push_back(SavedReadiness{text_field(item, "level", readiness),
                                                  text_field(item, "name", readiness),
                                                  percent_field(item, "readiness", readiness)});
    }
    if (!report.readiness_for(report.level_id)) {
        fail(field(root, "readiness", what),
             fmt::format("the readiness has no entry for the target level '{}'", report.level_id));
    }
    const Node& profile = object_field(root, "profile", what);
    for (const Node& item : list_field(profile, "skills", "'profile'").items) {
        RatedSkill skill = read_skill(item);
        report.profile.set(skill.id, skill.rating);
        report.skills.push_back(std::move(skill));
    }
    if (const Node* resume = root.find("resume"); resume != nullptr && report.kind == "scan") {
        require_kind(*resume, Node::Kind::mapping, "'resume'");
        report.input = text_field(*resume, "path", "'resume'");
        report.profile.mark_inferred();
    }
}

/// Whether `text` holds `digits` digits from `at` whose value is in [`min`, `max`].
bool digits_in(std::string_view text, std::size_t at, std::size_t digits, int min, int max) {
    int value = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value >= min && value <= max;
}

}  // namespace

std::optional<double> SavedReport::readiness_for(std::string_view id) const {
    for (const SavedReadiness& level : readiness) {
        if (level.level_id == id) {
            return level.readiness;
        }
    }
    return std::nullopt;
}

bool is_utc_timestamp(std::string_view text) {
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z') {
        return false;
    }
    if (!digits_in(text, 0, 4, 0, 9999) || !digits_in(text, 5, 2, 1, 12) || !digits_in(text, 11, 2, 0, 23) ||
        !digits_in(text, 14, 2, 0, 59) || !digits_in(text, 17, 2, 0, 60)) {
        return false;
    }
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = std::stoi(std::string(text.substr(5, 2)));
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr std::array<int, 12> k_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int days = k_days[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    return digits_in(text, 8, 2, 1, days);
}

std::optional<long> newer_schema_version(std::string_view text, std::string_view source) {
    const auto newer = [](const Node* object) -> std::optional<long> {
        const Node* version =
            object != nullptr && object->kind == Node::Kind::mapping ? object->find("schema_version") : nullptr;
        if (version == nullptr) {
            return std::nullopt;
        }
        detail::Problems problems;
        const auto number = detail::read_integer(*version, 0, 1'000'000, problems);
        if (!problems.empty() || !number || *number <= k_history_entry_schema_version) {
            return std::nullopt;
        }
        return *number;
    };
    const auto first = text.find_first_not_of(" \t\r\n", text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    if (first == std::string_view::npos || text[first] != '{') {
        return std::nullopt;  // not a JSON object: what `parse_saved_report` refuses before parsing
    }
    try {
        const Node root = detail::parse_document(text, source);
        if (const auto version = newer(&root)) {
            return version;
        }
        return root.kind == Node::Kind::mapping ? newer(root.find("report")) : std::nullopt;
    } catch (const Error&) {
        return std::nullopt;  // not JSON, or not one document: damaged, whoever wrote it
    }
}

SavedReport parse_saved_report(std::string_view text, std::string_view source) {
    std::string_view body = text;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") {
        body.remove_prefix(3);
    }
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        throw Error(Location{std::string(source)}, fmt::format("the file is empty; {}", k_expected));
    }
    if (body[first] != '{') {
        int line = 1;
        int column = 1;
        for (std::size_t i = 0; i < first; ++i) {
            column = body[i] == '\n' ? 1 : column + 1;
            line += body[i] == '\n' ? 1 : 0;
        }
        throw Error(Location{std::string(source), line, column}, std::string(k_expected));
    }
    const Node root = detail::parse_document(text, source);
    SavedReport report;
    const Node& kind = field(root, "kind", "the document");
    const std::string kind_text = kind.kind == Node::Kind::scalar ? kind.scalar : std::string();
    if (kind_text == "history-entry") {
        const std::string_view what = "the history entry";
        check_schema_version(root, what);
        const Node& saved_at = field(root, "saved_at", what);
        const std::string time = text_field(root, "saved_at", what);
        if (!is_utc_timestamp(time)) {
            fail(saved_at, fmt::format("expected a UTC time YYYY-MM-DDTHH:MM:SSZ for 'saved_at', got \"{}\"", time));
        }
        const Node& input = field(root, "input", what);
        read_report(object_field(root, "report", what), report);
        report.saved_at = time;
        if (input.kind != Node::Kind::null) {
            report.input = text_field(root, "input", what);
        }
        return report;
    }
    if (kind_text != "assessment" && kind_text != "scan") {
        fail(kind, "expected kind \"assessment\", \"scan\" or \"history-entry\", got " + detail::describe(kind));
    }
    read_report(root, report);
    return report;
}

}  // namespace apigap
