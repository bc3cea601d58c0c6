// The text tests of the keyword engine: whole words and tokens, years, exclude phrases, sentence starts.
#include "keyword_rules.hpp"

#include <algorithm>

#include "normalize.hpp"

namespace apigap::ingest_detail {

std::string matching_key(std::string_view spelling, bool fold_case) {
    std::string key = normalize_for_matching(spelling, fold_case).text;
    const std::size_t first = key.find_first_not_of(' ');
    if (first == std::string::npos) {
        return {};
    }
    return key.substr(first, key.find_last_not_of(' ') + 1 - first);
}

bool is_word_before(std::string_view text, std::size_t i) {
    return i > 0 && is_word_code_point(decode_before(text, i).code_point);
}

bool is_word_at(std::string_view text, std::size_t i) {
    return i < text.size() && is_word_code_point(decode_at(text, i).code_point);
}

bool is_year(std::string_view text, std::size_t i) {
    if (i + k_year_digits > text.size() || !(text.substr(i, 2) == "19" || text.substr(i, 2) == "20")) {
        return false;
    }
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i + 2),
                       text.begin() + static_cast<std::ptrdiff_t>(i + k_year_digits),
                       [](char c) { return c >= '0' && c <= '9'; });
}

/// Whether a phrase at [start, end) stands alone: no letter or digit runs into a word at either end.
bool is_whole_phrase(std::string_view text, std::size_t start, std::size_t end) {
    return !(is_word_at(text, start) && is_word_before(text, start)) &&
           !(is_word_before(text, end) && is_word_at(text, end));
}

/// Whether a keyword at [start, end) is a token of its own: no letter or digit on either side, no `+` or `#` after
/// a word (C is not in C++ or C#), and no `.` joining it to a word (Node is not in Node.js, JS not in app.js).
bool is_whole_token(std::string_view text, std::size_t start, std::size_t end, const PatternRoles& roles) {
    if (is_word_before(text, start)) {
        return false;
    }
    if (roles.word_start && start > 1 && text[start - 1] == '.' && is_word_before(text, start - 1)) {
        return false;
    }
    if (end == text.size()) {
        return true;
    }
    const char32_t after = decode_at(text, end).code_point;
    if (!roles.word_end) {
        return !is_word_code_point(after) || (after >= '0' && after <= '9');  // C++17
    }
    return !is_word_code_point(after) && after != '+' && after != '#' && !(after == '.' && is_word_at(text, end + 1));
}

/// The span of `rule` around its anchor found at [start, end), if the rest of the phrase is there too.
std::optional<Occurrence> match_exclude(std::string_view text, const ExcludeRule& rule, std::size_t start,
                                        std::size_t end) {
    for (std::size_t k = rule.anchor; k-- > 0;) {
        const std::string& piece = rule.pieces[k];
        const std::size_t length = piece.empty() ? k_year_digits : piece.size();
        if (start < length ||
            (piece.empty() ? !is_year(text, start - length) : text.compare(start - length, length, piece) != 0)) {
            return std::nullopt;
        }
        start -= length;
    }
    for (std::size_t k = rule.anchor + 1; k < rule.pieces.size(); ++k) {
        const std::string& piece = rule.pieces[k];
        if (piece.empty() ? !is_year(text, end) : text.compare(end, piece.size(), piece) != 0) {
            return std::nullopt;
        }
        end += piece.empty() ? k_year_digits : piece.size();
    }
    if (!is_whole_phrase(text, start, end)) {
        return std::nullopt;
    }
    return Occurrence{rule.group, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
}

/// The offsets just after each sentence end in `text`: `.`, `;`, `!`, `?` or `:` before a space or the end.
std::vector<std::size_t> sentence_starts(std::string_view text) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '.' || c == ';' || c == '!' || c == '?' || c == ':') &&
            (i + 1 == text.size() || text[i + 1] == ' ')) {
            starts.push_back(i + 1);
        }
    }
    return starts;
}

}  // namespace apigap::ingest_detail
