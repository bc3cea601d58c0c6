// What the views of the assessment history (`apigap history`, `apigap progress`) share.
#pragma once

#include <optional>
#include <string>

#include "json_support.hpp"

namespace apigap::render_detail {

/// `saved_at` (`YYYY-MM-DDTHH:MM:SSZ`) as `YYYY-MM-DD HH:MM` for people; `-` when unknown.
[[nodiscard]] std::string saved_time(const std::optional<std::string>& saved_at);

/// A saved readiness with one decimal and a percent sign, `67.5%`; `-` when unknown.
[[nodiscard]] std::string saved_percent(const std::optional<double>& readiness);

/// `change` with its sign and `decimals` decimals: `+5.0`, `-1`, `0`.
[[nodiscard]] std::string signed_change(double change, int decimals);

/// A saved readiness as JSON: the number as the report states it, or null.
[[nodiscard]] Json saved_readiness_json(const std::optional<double>& readiness);

/// An optional text as JSON: the string, or null.
[[nodiscard]] Json optional_json(const std::optional<std::string>& text);

}  // namespace apigap::render_detail
