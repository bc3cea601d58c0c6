// The dispatch every view with only text, JSON and Markdown shares: any other
// format is a bug in the command that asked (the CLI never offers it).
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "apigap/error.hpp"
#include "apigap/render.hpp"

namespace apigap::render_detail {

/// The result of `text`, `json` or `markdown` for `format`; `Error` (exit 3) naming `view` for another.
template <typename Text, typename JsonView, typename Markdown>
[[nodiscard]] std::string in_basic_format(Format format, std::string_view view, Text&& text, JsonView&& json,
                                          Markdown&& markdown) {
    switch (format) {
    case Format::text:
        return text();
    case Format::json:
        return json();
    case Format::markdown:
        return markdown();
    default:
        break;
    }
    throw Error(fmt::format("{} has only text, JSON and Markdown views", view), ExitCode::internal);
}

}  // namespace apigap::render_detail
