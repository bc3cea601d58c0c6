// Choosing an output format by name and dispatching a report to its renderer.
#include "apigap/render.hpp"

#include "check_views.hpp"

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
    if (name == "sarif") {
        return Format::sarif;
    }
    if (name == "junit") {
        return Format::junit;
    }
    if (name == "github") {
        return Format::github;
    }
    if (name == "html") {
        return Format::html;
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
    case Format::html:
        return render_html(report);
    case Format::sarif:
    case Format::junit:
    case Format::github:
        break;
    }
    throw Error("a gap report has no CI format; only `apigap check` writes one", ExitCode::internal);
}

std::string render_check(const CheckReport& report, Format format, const TextStyle& style) {
    switch (format) {
    case Format::text:
        return render_detail::check_text(report, style);
    case Format::json:
        return render_detail::check_json(report);
    case Format::markdown:
        return render_detail::check_markdown(report);
    case Format::sarif:
        return render_detail::check_sarif(report);
    case Format::junit:
        return render_detail::check_junit(report);
    case Format::github:
        return render_detail::check_github(report);
    case Format::html:
        break;
    }
    throw Error("`apigap check` has no HTML format", ExitCode::internal);
}

}  // namespace apigap
