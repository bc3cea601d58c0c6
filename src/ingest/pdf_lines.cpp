// Rejoining a PDF's hyphenated words and wrapped bullets, from the lines and
// indents of poppler's physical layout.
#include "ingest/pdf_lines.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "ingest/normalize.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

/// Second halves of hyphenated compounds that resumes use, which a line break after the hyphen must not glue into
/// one word ("cross-functional", "open-source", "real-time").
constexpr auto k_compound_tails = std::to_array<std::string_view>({
    "agnostic", "aware",    "based",      "centric",  "critical", "driven",  "end",         "facing",     "first",
    "free",     "friendly", "functional", "grade",    "hand",     "hosted",  "intensive",   "known",      "level",
    "managed",  "native",   "only",       "oriented", "owned",    "party",   "performance", "performing", "proof",
    "quality",  "ready",    "related",    "safe",     "scale",    "side",    "source",      "specific",   "stack",
    "term",     "tested",   "tier",       "time",     "wide",     "written",
});

/// Each ligature and its letters.
struct Ligature {
    std::string_view glyph;
    std::string_view letters;
};

constexpr auto k_ligatures = std::to_array<Ligature>({
    {"\uFB00", "ff"},
    {"\uFB01", "fi"},
    {"\uFB02", "fl"},
    {"\uFB03", "ffi"},
    {"\uFB04", "ffl"},
    {"\uFB05", "st"},
    {"\uFB06", "st"},
});

/// The hyphens a layout breaks a word with: ASCII, U+2010, U+2011 and the soft hyphen.
constexpr auto k_hyphens = std::to_array<std::string_view>({"-", "\u2010", "\u2011", "\u00AD"});

bool is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}

bool is_cjk(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool starts_cjk(std::string_view text) {
    return !text.empty() && is_cjk(decode_at(text, 0).code_point);
}

bool ends_cjk(std::string_view text) {
    return !text.empty() && static_cast<unsigned char>(text.back()) >= 0x80 &&
           is_cjk(decode_before(text, text.size()).code_point);
}

/// The hyphen `text` ends with after a letter, or an empty view. A soft hyphen that a browser printed before the
/// hyphen it shows at the break ("Kuber\u00AD\u2010") is part of it: the view is then the two, as they stand in
/// `text`, and starts with the soft hyphen.
std::string_view trailing_hyphen(std::string_view text) {
    constexpr std::string_view k_soft = "\u00AD";
    for (const std::string_view hyphen : k_hyphens) {
        if (text.size() > hyphen.size() && text.substr(text.size() - hyphen.size()) == hyphen) {
            std::size_t start = text.size() - hyphen.size();
            if (hyphen != k_soft && start > k_soft.size() &&
                text.substr(start - k_soft.size(), k_soft.size()) == k_soft) {
                start -= k_soft.size();
            }
            const char32_t before = decode_before(text, start).code_point;
            return is_word_code_point(before) && !(before >= U'0' && before <= U'9') ? text.substr(start)
                                                                                     : std::string_view{};
        }
    }
    return {};
}

/// Whether `text` starts with a list bullet: a bullet character or `1.`/`1)` and a space.
bool is_bullet(std::string_view text) {
    return strip_bullet(text).size() != text.size();
}

/// Whether `text` ends a sentence or a clause that no continuation follows.
bool ends_sentence(std::string_view text) {
    for (const std::string_view end : {".", "!", "?", ";", ":", "\u3002", "\uFF01", "\uFF1F", "\uFF1B", "\uFF1A"}) {
        if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) {
            return true;
        }
    }
    return false;
}

/// Whether a line starting with `text` reads as the rest of a sentence.
bool starts_continuation(std::string_view text) {
    return !text.empty() && (is_lower_ascii(text[0]) || (text[0] >= '0' && text[0] <= '9') || starts_cjk(text));
}

/// Every `word-word` pair written within one line, to tell a compound broken at its hyphen from a word the layout
/// hyphenated.
std::unordered_set<std::string> hyphenated_pairs(const std::vector<PdfLine>& lines) {
    std::unordered_set<std::string> pairs;
    const auto is_letter = [](char c) { return is_lower_ascii(c) || (c >= 'A' && c <= 'Z'); };
    for (const PdfLine& line : lines) {
        const std::string& text = line.text;
        for (std::size_t at = text.find('-'); at != std::string::npos; at = text.find('-', at + 1)) {
            std::size_t start = at;
            while (start > 0 && is_letter(text[start - 1])) {
                --start;
            }
            std::size_t end = at + 1;
            while (end < text.size() && is_letter(text[end])) {
                ++end;
            }
            if (start < at && end > at + 1) {
                pairs.insert(text.substr(start, end - start));
            }
        }
    }
    return pairs;
}

/// The word a hyphenated line end and `word` make: without the hyphen, unless the pair is a compound.
std::string dehyphenate(std::string_view head, std::string_view hyphen, std::string_view word,
                        const std::unordered_set<std::string>& pairs) {
    const std::string_view stem = head.substr(0, head.size() - hyphen.size());
    std::size_t start = stem.find_last_of(" \t/(");
    start = start == std::string_view::npos ? 0 : start + 1;
    const std::string_view first_part = stem.substr(start);
    std::string_view tail = word;
    while (!tail.empty() && !is_lower_ascii(tail.back())) {
        tail.remove_suffix(1);  // "functional," reads "functional"
    }
    const bool compound = !hyphen.starts_with("\u00AD") &&
                          (word.find('-') != std::string_view::npos ||
                           (first_part.size() >= 3 && std::find(k_compound_tails.begin(), k_compound_tails.end(),
                                                                tail) != k_compound_tails.end()) ||
                           (!tail.empty() && pairs.count(std::string(first_part) + "-" + std::string(tail)) > 0));
    return std::string(stem) + (compound ? "-" : "") + std::string(word);
}

std::string without_ligatures(std::string text) {
    if (text.find("\xEF\xAC") == std::string::npos) {  // the UTF-8 lead of U+FB00–U+FB3F
        return text;
    }
    for (const Ligature& ligature : k_ligatures) {
        for (std::size_t at = text.find(ligature.glyph); at != std::string::npos;
             at = text.find(ligature.glyph, at + ligature.letters.size())) {
            text.replace(at, ligature.glyph.size(), ligature.letters);
        }
    }
    return text;
}

}  // namespace

std::vector<PdfLine> join_broken_lines(std::vector<PdfLine> lines) {
    const std::unordered_set<std::string> pairs = hyphenated_pairs(lines);
    std::vector<PdfLine> out;
    out.reserve(lines.size());
    int last_number = 0;            // the source line the last output line ends on
    std::size_t bullet_indent = 0;  // the indent of the bullet the last output line belongs to
    bool in_bullet = false;
    for (PdfLine& line : lines) {
        line.text = without_ligatures(std::move(line.text));
        const bool near = !out.empty() && line.number - last_number <= 2;
        const bool continues = near && in_bullet && !is_bullet(line.text) && line.indent > bullet_indent &&
                               line.indent <= bullet_indent + 8 &&
                               (starts_continuation(line.text) || ends_cjk(out.back().text));
        const std::string_view hyphen = near ? trailing_hyphen(out.back().text) : std::string_view{};
        // A soft hyphen marks a break inside a word whatever the next letter ("Open\u00AD" "Telemetry").
        const bool soft = hyphen.starts_with("\u00AD") && is_word_code_point(decode_at(line.text, 0).code_point);
        if (!hyphen.empty() && (is_lower_ascii(line.text[0]) || soft)) {
            const std::size_t space = line.text.find(' ');
            const std::string_view word = std::string_view(line.text).substr(0, space);
            const std::string_view rest = space == std::string::npos ? "" : std::string_view(line.text).substr(space);
            out.back().text = dehyphenate(out.back().text, hyphen, word, pairs);
            if (continues) {
                out.back().text += rest;
            } else if (const std::size_t next = rest.find_first_not_of(' '); next != std::string_view::npos) {
                out.push_back(PdfLine{line.number, line.indent, std::string(rest.substr(next))});
                in_bullet = false;
            }
            last_number = line.number;
            continue;
        }
        if (continues && !ends_sentence(out.back().text)) {
            out.back().text += ends_cjk(out.back().text) && starts_cjk(line.text) ? "" : " ";
            out.back().text += line.text;
            last_number = line.number;
            continue;
        }
        in_bullet = is_bullet(line.text);
        bullet_indent = line.indent;
        last_number = line.number;
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace apigap::ingest_detail
