// Checks of option values that CLI11 lacks: no empty value, and no empty item in a comma-separated list.
#include "option_checks.hpp"

#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

namespace apigap::cli {

CLI::Validator not_empty(std::string what) {
    return CLI::Validator(
        [what = std::move(what)](const std::string& value) {
            return value.empty() ? fmt::format("expected {}, got ''", what) : std::string();
        },
        "");
}

CLI::Validator comma_list(std::string what) {
    return CLI::Validator(
        [what = std::move(what)](const std::string& value) {
            for (const std::string& item : comma_items({value})) {
                if (item.empty()) {
                    return fmt::format("expected {} separated by commas, got an empty one in '{}'", what, value);
                }
            }
            return std::string();
        },
        "");
}

std::vector<std::string> comma_items(const std::vector<std::string>& lists) {
    std::vector<std::string> items;
    for (const std::string& list : lists) {
        std::string_view rest = list;
        for (;;) {
            const std::size_t comma = rest.find(',');
            items.emplace_back(rest.substr(0, comma));
            if (comma == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(comma + 1);
        }
    }
    return items;
}

}  // namespace apigap::cli
