// Choosing an output format by name and dispatching a report to its renderer.
#include "apigap/render.hpp"

namespace apigap {

std::optional<Format> parse_format(std::string_view name) {
    if (name == "text") {
        return Format::text;
    }
    if (name == "json") {
        return Format::json;
    }
    if (name == "markdown") {
        return Format::markdown;
    }
    return std::nullopt;
}

std::string render_report(const Report& report, Format format, const TextStyle& style) {
    switch (format) {
    case Format::text:
        return render_text(report, style);
    case Format::json:
        return render_json(report);
    case Format::markdown:
        return render_markdown(report);
    }
    return render_text(report, style);
}

}  // namespace apigap
