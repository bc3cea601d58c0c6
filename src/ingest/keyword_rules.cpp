// The text tests of the keyword engine: whole words and tokens, years, exclude phrases, sentence starts.
#include "keyword_rules.hpp"

#include <algorithm>

#include "core/ascii.hpp"
#include "normalize.hpp"

namespace apigap::ingest_detail {

std::string matching_key(std::string_view spelling, bool fold_case) {
    thread_local NormalizedText normalized;  // kept: building an engine makes some 3,000 keys
    normalize_for_matching(spelling, fold_case, normalized);
    const std::string_view key = normalized.text;
    const std::size_t first = key.find_first_not_of(' ');
    if (first == std::string_view::npos) {
        return {};
    }
    return std::string(key.substr(first, key.find_last_not_of(' ') + 1 - first));
}

namespace {

/// Whether `code_point` is of a script written without spaces between words (Han, kana, Hangul): next to one, a
/// keyword still stands alone ("熟悉RESTful API", "如Python、Java").
bool is_unspaced_script(char32_t code_point) {
    return (code_point >= 0x2E80 && code_point <= 0x9FFF) || (code_point >= 0xAC00 && code_point <= 0xD7AF) ||
           (code_point >= 0xF900 && code_point <= 0xFAFF) || (code_point >= 0xFF66 && code_point <= 0xFF9F) ||
           (code_point >= 0x20000 && code_point <= 0x3FFFF);
}

bool is_ascii(char byte) {
    return static_cast<unsigned char>(byte) < 0x80;
}

/// Whether `code_point` continues a word across a keyword's edge.
bool joins_word(char32_t code_point) {
    return is_word_code_point(code_point) && !is_unspaced_script(code_point);
}

}  // namespace

// An ASCII byte is its own code point, read without decoding: most of the text beside a keyword.

bool is_word_before(std::string_view text, std::size_t i) {
    if (i == 0) {
        return false;
    }
    const char before = text[i - 1];
    return is_ascii(before) ? detail::is_ascii_alnum(before) : joins_word(decode_before(text, i).code_point);
}

bool is_word_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) {
        return false;
    }
    return is_ascii(text[i]) ? detail::is_ascii_alnum(text[i]) : joins_word(decode_at(text, i).code_point);
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
    const char32_t after = is_ascii(text[end]) ? static_cast<char32_t>(text[end]) : decode_at(text, end).code_point;
    if (!roles.word_end) {
        return !joins_word(after) || (after >= '0' && after <= '9');  // C++17
    }
    return !joins_word(after) && after != '+' && after != '#' && !(after == '.' && is_word_at(text, end + 1));
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

bool is_version_at(std::string_view text, std::size_t end) {
    std::size_t at = end;
    if (at < text.size() && text[at] == ' ') {
        ++at;
    }
    if (at < text.size() && text[at] == 'v') {
        ++at;
    }
    const auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
    if (!digit(at) || is_year(text, at)) {
        return false;
    }
    bool dotted = false;
    while (digit(at) || (at < text.size() && text[at] == '.' && digit(at + 1))) {
        dotted = dotted || text[at] == '.';
        ++at;
    }
    if (dotted || at == text.size()) {
        return true;  // "Python 3.12" is a version anywhere
    }
    // "Java 17" when no word follows it: in "Node 7 of the route" the number counts something.
    return !(text[at] == ' ' && is_word_at(text, at + 1) && !digit(at + 1));
}

bool is_keyword_list(std::string_view text, const std::vector<Occurrence>& hits) {
    constexpr std::size_t k_longest_list = 200;  // bytes: a list line is short, and a long line is read once
    if (text.size() > k_longest_list || hits.empty()) {
        return false;
    }
    int depth = 0;
    auto hit = hits.begin();
    for (std::size_t i = 0; i < text.size();) {
        while (hit != hits.end() && hit->end <= i) {
            ++hit;
        }
        if (hit != hits.end() && hit->start <= i) {
            i = hit->end;
            continue;
        }
        const char c = text[i];
        depth += c == '(' || c == '[' ? 1 : 0;
        depth -= (c == ')' || c == ']') && depth > 0 ? 1 : 0;
        if (depth == 0 && is_word_at(text, i)) {
            const std::size_t conjunction = text.compare(i, 3, "and") == 0 ? 3 : text.compare(i, 2, "or") == 0 ? 2 : 0;
            if (conjunction == 0 || !is_whole_phrase(text, i, i + conjunction)) {
                return false;  // a word that is not a keyword: prose, not a list
            }
            i += conjunction;
            continue;
        }
        ++i;
    }
    return true;
}

void alone_in_items(std::string_view text, const std::vector<Occurrence>& hits, std::vector<std::uint8_t>& alone) {
    alone.assign(hits.size(), 0);
    std::size_t next = 0;   // the first hit not passed yet
    std::size_t first = 0;  // the first hit of the item being read
    bool other_word = false;
    const auto end_item = [&] {
        std::fill(alone.begin() + static_cast<std::ptrdiff_t>(first), alone.begin() + static_cast<std::ptrdiff_t>(next),
                  other_word ? 0 : 1);
        first = next;
        other_word = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (next < hits.size() && hits[next].start <= i) {
            i = std::max<std::size_t>(i, hits[next].end);
            ++next;
            continue;
        }
        const bool ascii = is_ascii(text[i]);
        const std::size_t length = ascii ? 1 : decode_at(text, i).length;
        const char c = text[i];
        if (ascii ? c == ',' || c == ';' || c == '|' || c == '/' || c == ':' || c == '(' || c == ')' || c == '[' ||
                        c == ']'
                  : !is_word_at(text, i)) {  // a bullet, a middle dot, a dash
            end_item();
            i += length;
            continue;
        }
        if (!is_word_at(text, i)) {
            i += length;
            continue;
        }
        const std::size_t stop =
            next < hits.size() ? std::min<std::size_t>(hits[next].start, text.size()) : text.size();
        std::size_t word_end = i;
        while (word_end < stop && is_word_at(text, word_end)) {
            word_end += is_ascii(text[word_end]) ? 1 : decode_at(text, word_end).length;
        }
        const std::string_view word = text.substr(i, word_end - i);
        other_word = other_word || (word != "and" && word != "or");
        i = std::max(word_end, i + 1);
    }
    end_item();
}

void sentence_starts(std::string_view text, bool colon_ends, std::vector<std::size_t>& starts, std::size_t most) {
    for (std::size_t i = 0; i < text.size() && most > 0; ++i) {
        const char c = text[i];
        if ((c == '.' || c == ';' || c == '!' || c == '?' || (c == ':' && colon_ends)) &&
            (i + 1 == text.size() || text[i + 1] == ' ')) {
            starts.push_back(i + 1);
            --most;
        }
    }
}

}  // namespace apigap::ingest_detail
