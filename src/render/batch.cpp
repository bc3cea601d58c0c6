// `apigap batch`'s JSON Lines: one compact object per resume, as docs/schema/batch-line.schema.json describes it.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>

#include "apigap/render.hpp"
#include "json_support.hpp"

namespace apigap {

namespace {

using render_detail::Json;

std::string dump_line(const Json& line) {
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

/// Appends `text` as a JSON string, as `dump_line` writes it: written here when it is printable ASCII (a quote and
/// a backslash escaped), else by nlohmann/json, which escapes control characters and replaces invalid UTF-8.
void append_string(std::string& out, std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c < '\x7f'; });
    if (!plain) {
        out += Json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
}

void append_integer(std::string& out, long long value) {
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    out.append(digits, end);
}

}  // namespace

std::string render_detail::batch_line_as_tree(std::string_view path, const ResumeSummary& resume,
                                              const ScoreSummary& score, const MatchReport* match) {
    Json skills = Json::object();
    for (const auto& [id, rating] : score.ratings) {
        skills[std::string(id)] = rating;
    }
    Json line{{"path", std::string(path)}};
    line["format"] = std::string(to_string(resume.format));
    line["lines"] = resume.lines;
    line["warnings"] = resume.warnings.size();
    line["level"] = score.level_id;
    // Rounded down, as every report does: 100 only when every target is met.
    line["readiness"] = render_detail::readiness_number(score.readiness);
    line["skills"] = std::move(skills);
    if (match != nullptr) {
        line["match"] = render_detail::match_fields(*match);
    }
    return dump_line(line);
}

std::string render_batch_line(std::string_view path, const ResumeSummary& resume, const ScoreSummary& score,
                              const MatchReport* match) {
    if (match == nullptr) {
        // The line of every resume of a batch without `--job`: written field by field, without a JSON tree, in the
        // order and form `dump_line` gives the tree below (a unit test compares the two).
        std::string line = "{\"path\":";
        line.reserve(160 + path.size() + 24 * score.ratings.size());
        append_string(line, path);
        line += ",\"format\":";
        append_string(line, to_string(resume.format));
        line += ",\"lines\":";
        append_integer(line, static_cast<long long>(resume.lines));
        line += ",\"warnings\":";
        append_integer(line, static_cast<long long>(resume.warnings.size()));
        line += ",\"level\":";
        append_string(line, score.level_id);
        line += ",\"readiness\":";
        line += render_detail::readiness_number(score.readiness).dump();
        line += ",\"skills\":{";
        for (std::size_t k = 0; k < score.ratings.size(); ++k) {
            line += k > 0 ? "," : "";
            append_string(line, score.ratings[k].first);
            line += ':';
            append_integer(line, score.ratings[k].second);
        }
        line += "}}\n";
        return line;
    }
    return render_detail::batch_line_as_tree(path, resume, score, match);
}

std::string render_batch_error(std::string_view path, std::string_view message) {
    return dump_line(Json{{"path", std::string(path)}, {"error", std::string(message)}});
}

}  // namespace apigap
