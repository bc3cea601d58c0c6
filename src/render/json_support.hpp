// What every JSON document apigap writes shares: the header fields and how numbers are written.
#pragma once

#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/version.hpp"

namespace apigap::render_detail {

/// Objects keep the order their keys are written in, so documents read top-down.
using Json = nlohmann::ordered_json;

/// `schema_version`, `tool` and `kind`, the first fields of every document.
inline Json json_header(std::string_view kind) {
    return Json{{"schema_version", k_report_schema_version},
                {"tool", {{"name", "apigap"}, {"version", std::string(version())}}},
                {"kind", std::string(kind)}};
}

/// `value` as a JSON integer when it is whole, else as a number.
inline Json json_number(double value) {
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return static_cast<long long>(value);
    }
    return value;
}

/// A readiness percentage as every JSON report writes it: rounded down to one decimal, so 100 only when every
/// target is met.
inline Json readiness_number(double percent) {
    return json_number(std::floor(percent * 10.0 + 1e-9) / 10.0);
}

/// `document` as indented JSON, invalid UTF-8 replaced, ending with a newline.
inline std::string dump_json(const Json& document) {
    return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

/// The document `render_json` writes, for the documents that embed a report (a history entry).
[[nodiscard]] Json report_json(const Report& report);

/// What `render_match`'s JSON says of the match, after the header and the resume: the posting, the level, the score
/// and gate, and the skills (`docs/schema/match.schema.json`); a batch line embeds it too.
[[nodiscard]] Json match_fields(const MatchReport& report);

}  // namespace apigap::render_detail
