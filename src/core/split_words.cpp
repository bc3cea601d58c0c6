// Words a PDF's text layer splits with spaces: letter-spaced headings and
// words broken inside, found against the knowledge base's terms.
#include "split_words.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "ascii.hpp"

namespace apigap::detail {

namespace {

/// How many split words the finding quotes.
constexpr std::size_t k_examples = 3;
/// A run of single letters this long is letter-spaced, whatever it spells.
constexpr std::size_t k_min_spaced_letters = 4;
/// A word split inside is a known word of at least this many letters.
constexpr std::size_t k_min_split_letters = 5;
/// A fragment of a word split inside: at least one has at most this many letters.
constexpr std::size_t k_max_short_fragment = 3;

/// Short words that two real words of a sentence can be ("no SQL injection", "my SQL notes"): a split needs a
/// fragment that is neither one of these nor a term.
constexpr std::array<std::string_view, 44> k_common_words{
    "a",  "an",  "and", "are", "as", "at",  "be", "but", "by",  "can", "do", "for", "from", "go", "has",
    "he", "her", "his", "i",   "if", "in",  "is", "it",  "its", "me",  "my", "no",  "not",  "of", "on",
    "or", "our", "out", "she", "so", "the", "to", "up",  "us",  "was", "we", "who", "with", "you"};

/// The words `kb` knows, lowercased.
struct KnownWords {
    std::unordered_set<std::string> terms;   ///< every keyword, alias and tool name, spaced or not
    std::unordered_set<std::string> joined;  ///< what a split word may spell: one-word terms and heading words
};

std::size_t letter_count(std::string_view word) {
    return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
        return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0xc0;  // a UTF-8 lead byte: one letter
    }));
}

bool is_one_word(std::string_view term) {
    return !term.empty() && std::all_of(term.begin(), term.end(), [](char c) {
        return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
    });
}

KnownWords known_words(const KnowledgeBase& kb) {
    KnownWords known;
    const auto add_term = [&](std::string_view term) {
        std::string lower = ascii_lowercase(term);
        if (is_one_word(lower)) {
            known.joined.insert(lower);
        }
        known.terms.insert(std::move(lower));
    };
    for (const Skill& skill : kb.skills) {
        for (const Keyword& keyword : skill.keywords) {
            add_term(keyword.term);
            std::for_each(keyword.aliases.begin(), keyword.aliases.end(), add_term);
        }
    }
    for (const Tool& tool : kb.tools) {
        add_term(tool.name);
        std::for_each(tool.aliases.begin(), tool.aliases.end(), add_term);
    }
    for (const ResumeSection& section : kb.resume.sections) {
        for (const std::string& heading : section.headings) {
            const std::string lower = ascii_lowercase(heading);
            for (std::size_t start = 0; start < lower.size();) {
                const std::size_t end = std::min(lower.find(' ', start), lower.size());
                if (const std::string word = lower.substr(start, end - start); is_one_word(word)) {
                    known.joined.insert(word);
                }
                start = end + 1;
            }
        }
    }
    return known;
}

/// A space-separated piece of a line: its letters and digits, and whether punctuation stood before or after them.
struct Token {
    std::string_view text;  ///< empty: not a fragment (two spaces, or a symbol inside)
    bool lead = false;      ///< punctuation before it, as "(Postgre"
    bool trail = false;     ///< punctuation after it, as "SQL),"
};

Token token_of(std::string_view piece) {
    Token token;
    const auto punctuation = [](char c) { return std::string_view("([{\"'").find(c) != std::string_view::npos; };
    const auto closing = [](char c) { return std::string_view(")]}\"',.;:!?").find(c) != std::string_view::npos; };
    while (!piece.empty() && punctuation(piece.front())) {
        piece.remove_prefix(1);
        token.lead = true;
    }
    while (!piece.empty() && closing(piece.back())) {
        piece.remove_suffix(1);
        token.trail = true;
    }
    if (is_one_word(piece)) {
        token.text = piece;
    }
    return token;
}

/// Whether `token` is one letter: an ASCII one, or a Latin letter with a diacritic (U+00C0 to U+024F).
bool is_single_letter(std::string_view token) {
    if (token.size() == 1) {
        return is_ascii_alpha(token[0]);
    }
    const auto lead = static_cast<unsigned char>(token.empty() ? 0 : token[0]);
    return token.size() == 2 && lead >= 0xc3 && lead <= 0xc9;
}

/// The split words of `line`, as they stand in it.
std::vector<std::string> split_words_of(const KnownWords& known, std::string_view line) {
    std::vector<Token> tokens;
    for (std::size_t start = 0; start <= line.size();) {
        const std::size_t end = std::min(line.find(' ', start), line.size());
        tokens.push_back(token_of(line.substr(start, end - start)));
        start = end + 1;
    }
    // Tokens `first` to `last` (included) can be one word: fragments, with punctuation only outside them.
    const auto joinable = [&](std::size_t first, std::size_t last) {
        for (std::size_t index = first; index <= last; ++index) {
            if (tokens[index].text.empty() || (index > first && tokens[index].lead) ||
                (index < last && tokens[index].trail)) {
                return false;
            }
        }
        return true;
    };
    const auto spelled = [&](std::size_t first, std::size_t last, std::string_view separator) {
        std::string word;
        for (std::size_t index = first; index <= last; ++index) {
            word += index == first ? "" : separator;
            word += tokens[index].text;
        }
        return word;
    };
    const auto is_word = [&](std::string_view fragment) {
        const std::string lower = ascii_lowercase(fragment);
        return known.terms.count(lower) > 0 || known.joined.count(lower) > 0 ||
               std::find(k_common_words.begin(), k_common_words.end(), lower) != k_common_words.end();
    };
    std::vector<std::string> found;
    for (std::size_t first = 0; first < tokens.size(); ++first) {
        // (a) a run of single letters.
        std::size_t last = first;
        while (last < tokens.size() && is_single_letter(tokens[last].text) && (last == first || !tokens[last].lead) &&
               (last == first || !tokens[last - 1].trail)) {
            ++last;
        }
        if (last - first >= 3 && (last - first >= k_min_spaced_letters ||
                                  known.joined.count(ascii_lowercase(spelled(first, last - 1, ""))) > 0)) {
            found.push_back(spelled(first, last - 1, " "));
            first = last - 1;
            continue;
        }
        // (b) two to four fragments that spell a known word, the longest first.
        for (std::size_t count = std::min<std::size_t>(4, tokens.size() - first); count >= 2; --count) {
            last = first + count - 1;
            if (!joinable(first, last)) {
                continue;
            }
            const std::string joined = ascii_lowercase(spelled(first, last, ""));
            bool short_fragment = false;
            bool unknown_fragment = false;
            for (std::size_t index = first; index <= last; ++index) {
                short_fragment = short_fragment || letter_count(tokens[index].text) <= k_max_short_fragment;
                unknown_fragment = unknown_fragment || !is_word(tokens[index].text);
            }
            if (short_fragment && unknown_fragment && letter_count(joined) >= k_min_split_letters &&
                known.joined.count(joined) > 0 && known.terms.count(ascii_lowercase(spelled(first, last, " "))) == 0) {
                found.push_back(spelled(first, last, " "));
                first = last;
                break;
            }
        }
    }
    return found;
}

}  // namespace

std::optional<Finding> split_words_finding(const KnowledgeBase& kb, const ResumeDocument& document) {
    const KnownWords known = known_words(kb);
    std::vector<std::string> examples;
    std::size_t count = 0;
    int first_line = 0;
    for (const ResumeLine& line : document.lines) {
        const std::vector<std::string> found = split_words_of(known, line.text);
        if (found.empty()) {
            continue;
        }
        first_line = first_line == 0 ? line.number : first_line;
        count += found.size();
        for (const std::string& word : found) {
            if (examples.size() < k_examples) {
                examples.push_back("'" + word + "'");
            }
        }
    }
    if (count == 0) {
        return std::nullopt;
    }
    std::string quoted;
    for (const std::string& example : examples) {
        quoted += (quoted.empty() ? "" : ", ") + example;
    }
    return Finding{"pdf-split-words", Severity::warning, first_line,
                   fmt::format("{} word{} split by spaces in the PDF's text ({}{}): an ATS reads the pieces, not the "
                               "word, and misses the keyword or heading",
                               count, count == 1 ? "" : "s", count > examples.size() ? "e.g. " : "", quoted),
                   "export the PDF again without letter spacing and with standard fonts, and check that copying its "
                   "text gives whole words"};
}

}  // namespace apigap::detail
