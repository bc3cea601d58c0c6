// The renderers of `apigap check`'s result, one per format, and what they share.
#pragma once

#include <string>
#include <string_view>

#include "apigap/check.hpp"
#include "apigap/render.hpp"

namespace apigap::render_detail {

[[nodiscard]] std::string check_text(const CheckReport& report, const TextStyle& style);
[[nodiscard]] std::string check_markdown(const CheckReport& report);
[[nodiscard]] std::string check_json(const CheckReport& report);
[[nodiscard]] std::string check_sarif(const CheckReport& report);
[[nodiscard]] std::string check_junit(const CheckReport& report);
[[nodiscard]] std::string check_github(const CheckReport& report);

/// One line saying whether the gate passed and why: "passed", or "failed:
/// coverage 60% is below 70%; 1 error finding".
[[nodiscard]] std::string verdict(const CheckReport& report);

/// How many findings have `severity`.
[[nodiscard]] std::size_t count_of(const CheckReport& report, Severity severity);

}  // namespace apigap::render_detail
