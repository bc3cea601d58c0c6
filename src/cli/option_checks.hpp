// Checks of option values that CLI11 lacks: no empty value, and no empty item in a comma-separated list.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class Validator;
}

namespace apigap::cli {

/// A check that refuses an empty value, "expected `what`, got ''": an empty value is never taken for the option
/// left out (`--level ""`, `-o ''`).
[[nodiscard]] CLI::Validator not_empty(std::string what);

/// A check of a comma-separated list that refuses an empty item (`a,,b`, `a,`, `""`): "expected `what` separated
/// by commas, got an empty one in 'a,,b'". Give the option no CLI11 delimiter, which drops empty items unseen, and
/// split its values with `comma_items`.
[[nodiscard]] CLI::Validator comma_list(std::string what);

/// The items of each of the comma-separated `lists`, in order.
[[nodiscard]] std::vector<std::string> comma_items(const std::vector<std::string>& lists);

}  // namespace apigap::cli
