// Writing answers back in the format `apigap assess --answers` reads.
#include <set>

#include "apigap/answers.hpp"
#include "document.hpp"

namespace apigap {

namespace {

detail::Node rating_node(const SkillRating& rating) {
    detail::Node node;
    if (rating.source != RatingSource::skipped) {
        node.kind = detail::Node::Kind::scalar;
        node.scalar = std::to_string(rating.rating);
    }
    return node;
}

}  // namespace

std::string format_answers(const Answers& answers, const KnowledgeBase& kb) {
    detail::Node ratings;
    ratings.kind = detail::Node::Kind::mapping;
    std::set<std::string, std::less<>> written;
    for (const Skill& skill : kb.skills) {
        const auto it = answers.profile.ratings().find(skill.id);
        if (it != answers.profile.ratings().end()) {
            ratings.entries.push_back(detail::Entry{skill.id, {}, rating_node(it->second)});
            written.insert(skill.id);
        }
    }
    // A rating for a skill the knowledge base does not have is kept, not lost.
    for (const auto& [id, rating] : answers.profile.ratings()) {
        if (!written.contains(id)) {
            ratings.entries.push_back(detail::Entry{id, {}, rating_node(rating)});
        }
    }
    detail::Node root;
    root.kind = detail::Node::Kind::mapping;
    if (answers.level) {
        detail::Node level;
        level.kind = detail::Node::Kind::scalar;
        level.scalar = *answers.level;
        level.quoted = true;  // a level id such as `null` must stay a string
        root.entries.push_back(detail::Entry{"level", {}, std::move(level)});
    }
    root.entries.push_back(detail::Entry{"ratings", {}, std::move(ratings)});
    return "# Self-assessment answers: a rating 0-4 per skill ('apigap kb show ID' explains each), null when\n"
           "# skipped. 'apigap assess --answers FILE' reads them.\n" +
           detail::emit_yaml(root);
}

}  // namespace apigap
