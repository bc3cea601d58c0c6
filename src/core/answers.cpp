// Reading self-assessment answers and `--rate` flags.
#include "apigap/answers.hpp"

#include <charconv>
#include <map>

#include <fmt/format.h>

#include "apigap/suggest.hpp"
#include "document.hpp"
#include "fields.hpp"

namespace apigap {

namespace {

std::vector<std::string> skill_ids(const KnowledgeBase& kb) {
    std::vector<std::string> ids;
    for (const Skill& skill : kb.skills) {
        ids.push_back(skill.id);
    }
    return ids;
}

std::string unknown_skill_message(std::string_view id, const KnowledgeBase& kb) {
    if (const auto nearest = closest_match(id_in_any_case(id), skill_ids(kb))) {
        return fmt::format("unknown skill '{}' (did you mean '{}'?)", id, *nearest);
    }
    return fmt::format("unknown skill '{}'; `apigap kb list` shows the skills", id);
}

}  // namespace

Answers parse_answers(std::string_view text, std::string_view source, const KnowledgeBase& kb) {
    const detail::Node root = detail::parse_document(text, source);
    detail::Problems problems;
    Answers answers;
    if (root.kind == detail::Node::Kind::null) {
        throw Error(root.mark.location(), "the answers file is empty; expected 'ratings:' with one rating per skill");
    }
    detail::Fields fields(root, "the answers", {"level", "ratings"}, problems);
    if (const detail::Node* level = fields.get("level", false)) {
        if (auto id = detail::read_text(*level, problems)) {
            if (const Level* known = kb.find_level(id_in_any_case(*id))) {
                answers.level = known->id;
            } else {
                problems.add(level->mark, fmt::format("unknown level '{}'", *id));
                answers.level = std::move(*id);
            }
        }
    }
    if (const detail::Node* ratings = fields.get("ratings")) {
        if (ratings->kind != detail::Node::Kind::mapping) {
            problems.add(ratings->mark,
                         "expected a mapping of skill ids to ratings 0-4, got " + detail::describe(*ratings));
        }
        std::map<std::string, const detail::Entry*> rated;  ///< by skill id, to find "Python" after "python"
        for (const detail::Entry& entry : ratings->entries) {
            const Skill* skill = kb.find_skill(id_in_any_case(entry.key));
            if (skill == nullptr) {
                problems.add(entry.key_mark, unknown_skill_message(entry.key, kb));
                continue;
            }
            if (const auto [first, inserted] = rated.emplace(skill->id, &entry); !inserted) {
                problems.add(entry.key_mark, fmt::format("'{}' rates skill '{}' again (first rated as '{}' at {}:{})",
                                                         entry.key, skill->id, first->second->key,
                                                         first->second->key_mark.line, first->second->key_mark.column));
                continue;
            }
            if (entry.value.kind == detail::Node::Kind::null) {
                answers.profile.set(skill->id, SkillRating{0, RatingSource::skipped, {}});
            } else if (auto rating = detail::read_integer(entry.value, 0, k_max_rating, problems)) {
                answers.profile.set(skill->id, SkillRating{static_cast<int>(*rating), RatingSource::answered, {}});
            }
        }
    }
    if (!problems.empty()) {
        throw Error(problems.take().front());
    }
    return answers;
}

void apply_rating_flag(std::string_view flag, const KnowledgeBase& kb, Profile& profile) {
    const auto equals = flag.find('=');
    if (equals == std::string_view::npos) {
        throw Error(fmt::format("--rate expects ID=N (for example python=3), got '{}'", flag));
    }
    const std::string_view given = flag.substr(0, equals);
    const std::string id = id_in_any_case(given);
    const std::string_view value = flag.substr(equals + 1);
    if (kb.find_skill(id) == nullptr) {
        throw Error("--rate: " + unknown_skill_message(given, kb));
    }
    int rating = -1;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), rating);
    if (ec != std::errc() || end != value.data() + value.size() || rating < 0 || rating > k_max_rating) {
        throw Error(fmt::format("--rate {}: expected a rating 0-{}, got '{}'", id, k_max_rating, value));
    }
    profile.set(id, SkillRating{rating, RatingSource::flag, {}});
}

}  // namespace apigap
