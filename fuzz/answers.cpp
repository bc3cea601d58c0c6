// Fuzz target for answers files (`--answers`, YAML or JSON): parsed, scored,
// and written back by `format_answers`, which must read back the same.
#include <string>
#include <tuple>
#include <vector>

#include "apigap/answers.hpp"
#include "apigap/error.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

namespace {

/// Each rating as (skill id, rating, source).
std::vector<std::tuple<std::string, int, RatingSource>> ratings_of(const Answers& answers) {
    std::vector<std::tuple<std::string, int, RatingSource>> ratings;
    for (const auto& [id, rating] : answers.profile.ratings()) {
        ratings.emplace_back(id, rating.rating, rating.source);
    }
    return ratings;
}

}  // namespace

void fuzz_one(std::string_view input) {
    const KnowledgeBase& kb = knowledge_base();
    const Answers answers = parse_answers(input, "fuzz-input.yaml", kb);
    static_cast<void>(render_json(make_report(kb, answers.profile, answers.level.value_or("mid"))));
    const std::string formatted = format_answers(answers, kb);
    try {
        const Answers again = parse_answers(formatted, "formatted.yaml", kb);
        require(again.level == answers.level && ratings_of(again) == ratings_of(answers),
                "format_answers wrote other answers than it was given:\n" + formatted);
    } catch (const Error& error) {
        require(false, std::string("parse_answers refused what format_answers wrote: ") + error.what());
    }
}

}  // namespace apigap::fuzz
