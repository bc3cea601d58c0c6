// Ratings from resume evidence: the ladder listed → used → measured → led.
#include "apigap/inference.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "ascii.hpp"

namespace apigap {

using detail::ascii_lowercase;
using detail::is_ascii_alnum;
using detail::is_ascii_alpha;
using detail::is_ascii_digit;

namespace {

/// Units that turn a number into a result or a scale ("40%", "10k users").
constexpr std::string_view k_units[] = {
    "%",         "x",        "ms",        "s",         "sec",        "seconds", "minutes",  "hours",        "days",
    "weeks",     "k",        "m",         "b",         "million",    "billion", "thousand", "users",        "customers",
    "clients",   "requests", "req",       "rps",       "qps",        "tps",     "calls",    "transactions", "services",
    "endpoints", "apis",     "teams",     "engineers", "developers", "tb",      "gb",       "events",       "messages",
    "orders",    "partners", "merchants", "countries", "percent",    "times",   "errors",   "incidents"};

constexpr std::string_view k_leadership[] = {"designed", "architected", "led",   "lead",    "mentored", "mentoring",
                                             "owned",    "spearheaded", "drove", "founded", "headed",   "directed"};

/// The word starting at `i` of `text` (letters only).
std::string_view word_at(std::string_view text, std::size_t i) {
    std::size_t end = i;
    while (end < text.size() && is_ascii_alpha(text[end])) {
        ++end;
    }
    return text.substr(i, end - i);
}

bool is_section_of_use(std::string_view section) {
    return section == "experience" || section == "projects";
}

}  // namespace

bool has_measurable_result(std::string_view text) {
    const std::string lower = ascii_lowercase(text);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if (!is_ascii_digit(lower[i]) || (i > 0 && is_ascii_alnum(lower[i - 1]))) {
            continue;
        }
        const bool money = i > 0 && (lower[i - 1] == '$' || lower.compare(i >= 3 ? i - 3 : 0, 3, "€") == 0);
        std::size_t end = i;
        while (end < lower.size() && (is_ascii_digit(lower[end]) || lower[end] == '.' || lower[end] == ',')) {
            ++end;
        }
        const std::string_view number(lower.data() + i, end - i);
        const bool year = number.size() == 4 && (number.substr(0, 2) == "19" || number.substr(0, 2) == "20");
        if (money) {
            return true;
        }
        std::size_t unit_start = end;
        if (unit_start < lower.size() && lower[unit_start] == ' ') {
            ++unit_start;  // "200 ms", "5 services"
        }
        if (unit_start < lower.size() && (lower[unit_start] == '%' || lower[unit_start] == '+')) {
            return true;
        }
        const std::string_view unit = word_at(lower, unit_start);
        if (!year && std::find(std::begin(k_units), std::end(k_units), unit) != std::end(k_units)) {
            return true;
        }
        i = end;
    }
    return false;
}

bool has_leadership(std::string_view text) {
    const std::string lower = ascii_lowercase(text);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if ((i == 0 || !is_ascii_alnum(lower[i - 1])) && is_ascii_alpha(lower[i])) {
            const std::string_view word = word_at(lower, i);
            if (std::find(std::begin(k_leadership), std::end(k_leadership), word) != std::end(k_leadership)) {
                return true;
            }
            i += word.size();
        }
    }
    return false;
}

Profile infer_profile(const KnowledgeBase& kb, const std::vector<Mention>& mentions) {
    struct Tally {
        EvidenceStrength strength = EvidenceStrength::listed;
        std::set<int> used_lines;
        std::vector<Evidence> evidence;
    };
    std::map<std::string, Tally, std::less<>> tallies;
    std::map<int, EvidenceStrength> line_strengths;  // a line with several keywords is read once
    for (const Mention& mention : mentions) {
        const Evidence& evidence = mention.evidence;
        EvidenceStrength strength = EvidenceStrength::listed;
        if (is_section_of_use(evidence.section)) {
            const auto [known, added] = line_strengths.try_emplace(evidence.line);
            if (added) {
                const bool measured = has_measurable_result(evidence.text);
                const bool led = has_leadership(evidence.text);
                known->second = measured && led   ? EvidenceStrength::led
                                : measured || led ? EvidenceStrength::measured
                                                  : EvidenceStrength::used;
            }
            strength = known->second;
        }
        const bool certification = std::any_of(kb.tools.begin(), kb.tools.end(), [&](const Tool& tool) {
            return tool.kind == ToolKind::certification && tool.name == evidence.keyword;
        });
        if (certification) {
            strength = std::max(strength, EvidenceStrength::used);
        }
        Tally& tally = tallies[mention.skill_id];
        tally.strength = std::max(tally.strength, strength);
        if (is_section_of_use(evidence.section)) {
            tally.used_lines.insert(evidence.line);
        }
        const bool seen = std::any_of(tally.evidence.begin(), tally.evidence.end(), [&](const Evidence& e) {
            return e.line == evidence.line && e.keyword == evidence.keyword;
        });
        if (!seen) {
            tally.evidence.push_back(evidence);
        }
    }
    Profile profile;
    for (auto& [skill_id, tally] : tallies) {
        if (tally.used_lines.size() >= 3) {
            tally.strength = std::max(tally.strength, EvidenceStrength::measured);
        }
        std::stable_sort(tally.evidence.begin(), tally.evidence.end(),
                         [](const Evidence& a, const Evidence& b) { return a.line < b.line; });
        profile.set(skill_id,
                    SkillRating{static_cast<int>(tally.strength), RatingSource::inferred, std::move(tally.evidence)});
    }
    return profile;
}

}  // namespace apigap
