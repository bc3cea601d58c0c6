// The resume-quality rules of `apigap check` (docs/check.md), except dates.
#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "apigap/check.hpp"
#include "ascii.hpp"
#include "experience_text.hpp"
#include "resume_dates.hpp"

namespace apigap {

using detail::ascii_lowercase;
using detail::is_ascii_alnum;
using detail::is_ascii_digit;
using detail::word_count;

namespace {

/// Words a page holds in a dense one-column resume.
constexpr int k_words_per_page = 700;
/// Fewer words than this cannot show a career.
constexpr int k_min_words = 200;
/// Experience bullets that must state a measured result, in percent.
constexpr int k_min_measured_percent = 50;
/// The rule needs this many bullets to judge a share.
constexpr std::size_t k_min_bullets = 3;
/// A bullet has at least this many words; shorter lines are titles and dates.
constexpr std::size_t k_min_bullet_words = 6;

bool is_word_char(char c) {
    return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
}

/// Whether `text` has an email address: `local@domain.tld`.
bool has_email(std::string_view text) {
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        const bool local = at > 0 && (is_word_char(text[at - 1]) || text[at - 1] == '.' || text[at - 1] == '_');
        const std::size_t end = text.find_first_of(" \t,;|<>()", at);
        const std::string_view domain = text.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
        const std::size_t dot = domain.find('.');
        if (local && dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size()) {
            return true;
        }
    }
    return false;
}

/// Whether `text` has a phone number: 10 to 15 digits in a run of digits,
/// spaces, `+`, `-`, `.`, `(` and `)` (a date range or a count has fewer, or commas).
bool has_phone(std::string_view text) {
    int digits = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '\0';
        if (is_ascii_digit(c)) {
            ++digits;
        } else if (c == ' ' || c == '+' || c == '-' || c == '.' || c == '(' || c == ')') {
            continue;
        } else {
            if (digits >= 10 && digits <= 15) {
                return true;
            }
            digits = 0;
        }
    }
    return false;
}

bool has_link(std::string_view line) {
    const std::string text = ascii_lowercase(line);
    return text.find("linkedin.com") != std::string::npos || text.find("github.com") != std::string::npos ||
           text.find("gitlab.com") != std::string::npos || text.find("http://") != std::string::npos ||
           text.find("https://") != std::string::npos || text.find("www.") != std::string::npos;
}

/// A test of a line for a contact detail: `has_email`, `has_phone`, `has_link`.
using ContactTest = bool (*)(std::string_view);

/// The first line `test` finds something on, when it finds it on running header or footer lines only.
const ResumeLine* only_running(const ResumeDocument& document, ContactTest test) {
    const ResumeLine* first = nullptr;
    for (const ResumeLine& line : document.lines) {
        if (test(line.text)) {
            if (!line.running) {
                return nullptr;
            }
            first = first == nullptr ? &line : first;
        }
    }
    return first;
}

void check_contact(const ResumeDocument& document, std::vector<Finding>& findings) {
    const auto any = [&](ContactTest test) {
        return std::any_of(document.lines.begin(), document.lines.end(),
                           [&](const ResumeLine& line) { return test(line.text); });
    };
    for (const auto& [what, test] : {std::pair<std::string_view, ContactTest>{"email address", has_email},
                                     std::pair<std::string_view, ContactTest>{"phone number", has_phone}}) {
        if (const ResumeLine* line = only_running(document, test)) {
            // A running line before every line of the body is in the header; one after a body line, in the footer.
            const bool header =
                std::all_of(&document.lines.front(), line, [](const ResumeLine& before) { return before.running; });
            findings.push_back({"contact-header-footer", Severity::warning, line->number,
                                fmt::format("the {} is only in the page {} (line {}, repeated on each page): many ATS "
                                            "strip running headers and footers",
                                            what, header ? "header" : "footer", line->number),
                                "put it under your name in the body"});
        }
    }
    if (!any(has_email)) {
        findings.push_back({"contact-email", Severity::warning, 0, "no email address",
                            "put an email address in the first lines, in the body (not in a page header)"});
    }
    if (!any(has_phone)) {
        findings.push_back({"contact-phone", Severity::note, 0, "no phone number",
                            "add a phone number with its country code, unless the resume is public"});
    }
    if (!any(has_link)) {
        findings.push_back({"contact-link", Severity::note, 0, "no LinkedIn, GitHub or portfolio link",
                            "add the link that shows your API work, e.g. github.com/you"});
    }
}

void check_sections(const ResumeDocument& document, std::vector<Finding>& findings) {
    for (const std::string_view section : {"experience", "education", "skills"}) {
        const bool present = std::any_of(document.lines.begin(), document.lines.end(),
                                         [&](const ResumeLine& line) { return document.section_of(line) == section; });
        if (!present) {
            findings.push_back(
                {"section-missing", Severity::warning, 0,
                 fmt::format("no {} section: an ATS files what it finds under standard headings", section),
                 fmt::format("add a section headed '{}{}'", char(std::toupper(section[0])), section.substr(1))});
        }
    }
}

/// A line under Experience that reads as a bullet rather than a job title or a date.
bool is_bullet(const ResumeDocument& document, const ResumeLine& line) {
    return document.section_of(line) == "experience" && !line.heading && word_count(line.text) >= k_min_bullet_words &&
           !(word_count(line.text) < 2 * k_min_bullet_words && !detail::find_dates(line.text).empty());
}

void check_measurable(const ResumeDocument& document, std::vector<Finding>& findings) {
    std::size_t bullets = 0;
    std::size_t measured = 0;
    int first_unmeasured = 0;
    for (const ResumeLine& line : document.lines) {
        if (!is_bullet(document, line)) {
            continue;
        }
        ++bullets;
        if (has_measurable_result(line.text)) {
            ++measured;
        } else if (first_unmeasured == 0) {
            first_unmeasured = line.number;
        }
    }
    if (bullets < k_min_bullets || measured * 100 >= bullets * k_min_measured_percent) {
        return;
    }
    findings.push_back({"measurable-results", Severity::warning, first_unmeasured,
                        fmt::format("{} of {} experience bullets ({}%) state a measurable result; aim for at least {}%",
                                    measured, bullets, measured * 100 / bullets, k_min_measured_percent),
                        "add the number that shows the effect: latency, requests per second, users, % or money saved"});
}

void check_weak_phrases(const ResumeRules& rules, const ResumeDocument& document, std::vector<Finding>& findings) {
    std::vector<std::string> phrases;
    for (const WeakPhrase& weak : rules.weak_phrases) {
        phrases.push_back(ascii_lowercase(weak.phrase));
    }
    for (const ResumeLine& line : document.lines) {
        const std::string text = ascii_lowercase(line.text);
        for (std::size_t i = 0; i < phrases.size(); ++i) {
            const std::string& phrase = phrases[i];
            for (std::size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
                const std::size_t end = at + phrase.size();
                const bool starts = at == 0 || !is_word_char(text[at - 1]) || !is_word_char(phrase.front());
                const bool ends = end == text.size() || !is_word_char(text[end]) || !is_word_char(phrase.back());
                if (starts && ends) {
                    findings.push_back({"weak-phrase", Severity::warning, line.number,
                                        fmt::format("weak phrase '{}'", line.text.substr(at, phrase.size())),
                                        fmt::format("say what you did and what it changed, e.g. '{}'",
                                                    rules.weak_phrases[i].rewrite)});
                    break;
                }
            }
        }
    }
}

void check_length(const ResumeRules& rules, const ResumeDocument& document, std::vector<Finding>& findings) {
    std::size_t words = 0;
    for (const ResumeLine& line : document.lines) {
        words += word_count(line.text);
    }
    const auto max_words = static_cast<std::size_t>(std::max(rules.max_pages, 1) * k_words_per_page);
    if (words > max_words) {
        findings.push_back({"length", Severity::warning, 0,
                            fmt::format("{} words: more than the {} page{} recruiters read", words, rules.max_pages,
                                        rules.max_pages == 1 ? "" : "s"),
                            "cut what does not support the role you apply for; keep the last 10 years"});
    } else if (words < static_cast<std::size_t>(k_min_words)) {
        findings.push_back({"length", Severity::warning, 0,
                            fmt::format("only {} words: too little for an ATS or a recruiter to judge", words),
                            "describe each role in 3 to 6 bullets: what you built, with what, and the result"});
    }
}

/// A warning the reader raised while extracting the text, as a finding.
Finding extraction_finding(const ExtractionWarning& warning) {
    const CheckRule* rule = find_check_rule(warning.rule);
    std::string message = warning.message;
    std::string fix;
    // The reader's messages say what happens, then what to do after the last "; " (what happens may quote text).
    if (const std::size_t semicolon = message.rfind("; "); semicolon != std::string::npos) {
        fix = message.substr(semicolon + 2);
        message.resize(semicolon);
    }
    if (fix.empty()) {
        fix = warning.rule == "garbled-text"   ? "export the PDF again with standard, embedded fonts"
              : warning.rule == "invalid-utf8" ? "save the file as UTF-8"
                                               : "move the text into plain paragraphs in the body";
    }
    return Finding{warning.rule, rule == nullptr ? Severity::warning : rule->severity, warning.line, std::move(message),
                   std::move(fix)};
}

}  // namespace

std::vector<Finding> resume_findings(const ResumeRules& rules, const ResumeDocument& document) {
    std::vector<Finding> findings;
    for (const ExtractionWarning& warning : document.warnings) {
        findings.push_back(extraction_finding(warning));
    }
    check_contact(document, findings);
    check_sections(document, findings);
    check_measurable(document, findings);
    check_weak_phrases(rules, document, findings);
    check_length(rules, document, findings);
    check_dates(document, findings);
    return findings;
}

}  // namespace apigap
