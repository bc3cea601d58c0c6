// Ratings from resume evidence: the ladder listed → used → measured → led.
#include "apigap/inference.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>

namespace apigap {

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

std::string lowercase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

/// The word starting at `i` (letters only), lowercased.
std::string word_at(const std::string& text, std::size_t i) {
    std::size_t end = i;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) != 0) {
        ++end;
    }
    return text.substr(i, end - i);
}

bool is_section_of_use(std::string_view section) {
    return section == "experience" || section == "projects";
}

}  // namespace

bool has_measurable_result(std::string_view text) {
    const std::string lower = lowercase(text);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(lower[i])) || (i > 0 && is_word_char(lower[i - 1]))) {
            continue;
        }
        const bool money = i > 0 && (lower[i - 1] == '$' || lower.compare(i >= 3 ? i - 3 : 0, 3, "€") == 0);
        std::size_t end = i;
        while (end < lower.size() &&
               (std::isdigit(static_cast<unsigned char>(lower[end])) != 0 || lower[end] == '.' || lower[end] == ',')) {
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
        const std::string unit = word_at(lower, unit_start);
        if (!year && std::find(std::begin(k_units), std::end(k_units), unit) != std::end(k_units)) {
            return true;
        }
        i = end;
    }
    return false;
}

bool has_leadership(std::string_view text) {
    const std::string lower = lowercase(text);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if ((i == 0 || !is_word_char(lower[i - 1])) && std::isalpha(static_cast<unsigned char>(lower[i])) != 0) {
            const std::string word = word_at(lower, i);
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
    for (const Mention& mention : mentions) {
        const Evidence& evidence = mention.evidence;
        EvidenceStrength strength = EvidenceStrength::listed;
        if (is_section_of_use(evidence.section)) {
            const bool measured = has_measurable_result(evidence.text);
            const bool led = has_leadership(evidence.text);
            strength = measured && led   ? EvidenceStrength::led
                       : measured || led ? EvidenceStrength::measured
                                         : EvidenceStrength::used;
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
