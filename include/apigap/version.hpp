// apigap's version, set by CMake from the project version.
#pragma once

#include <string_view>

namespace apigap {

/// The version string, `MAJOR.MINOR.PATCH`.
[[nodiscard]] std::string_view version();

}  // namespace apigap
