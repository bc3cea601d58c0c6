// Turning keyword hits on resume lines into mentions with their evidence.
#include "apigap/mentions.hpp"

namespace apigap {

std::vector<Mention> find_mentions(const ResumeDocument& document, const KeywordMatcher& matcher) {
    std::vector<Mention> mentions;
    for (const ResumeLine& line : document.lines) {
        if (line.heading) {
            continue;
        }
        for (KeywordHit& hit : matcher.find(line.text)) {
            mentions.push_back(
                Mention{std::move(hit.skill_id), Evidence{line.number, line.section, hit.term, line.text}});
        }
    }
    return mentions;
}

}  // namespace apigap
