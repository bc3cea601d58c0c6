// `apigap match` against many postings: the rows in order, and the skills and terms they ask for that the resume
// lacks, counted across them and ranked.
#include "apigap/match_postings.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "apigap/scoring.hpp"

namespace apigap {

namespace {

bool asks_for(PostingPart part) {
    return part == PostingPart::required || part == PostingPart::preferred;
}

/// The lines of the resume that name each skill.
std::map<std::string, int, std::less<>> lines_by_skill(const std::vector<Mention>& mentions) {
    std::map<std::string, std::pair<int, std::uint32_t>, std::less<>> counted;  // lines, the last line counted + 1
    for (const Mention& mention : mentions) {
        auto& [lines, last] = counted[mention.keyword->skill_id];
        if (last != mention.line + 1) {
            ++lines;
            last = mention.line + 1;
        }
    }
    std::map<std::string, int, std::less<>> lines;
    for (const auto& [skill, count] : counted) {
        lines.emplace(skill, count.first);
    }
    return lines;
}

/// Matched rows by skill rate, then term rate (highest first), then source; rows not read after them, by source.
void order_rows(std::vector<PostingRow>& rows) {
    std::sort(rows.begin(), rows.end(), [](const PostingRow& a, const PostingRow& b) {
        const auto key = [](const PostingRow& row) {
            return row.match ? std::make_tuple(0, -row.match->score, -row.match->keyword_score)
                             : std::make_tuple(1, 0, 0);
        };
        return std::make_pair(key(a), std::string_view(a.source)) < std::make_pair(key(b), std::string_view(b.source));
    });
}

/// Counts one posting's asking for something: `required_by` or `preferred_by`, and its source once.
template <typename Demand>
void count(Demand& demand, PostingPart part, const std::string& source) {
    ++(part == PostingPart::required ? demand.required_by : demand.preferred_by);
    demand.postings.push_back(source);
}

}  // namespace

int PostingsReport::matched() const {
    return static_cast<int>(
        std::count_if(postings.begin(), postings.end(), [](const PostingRow& row) { return row.match.has_value(); }));
}

bool PostingsReport::passed() const {
    return std::all_of(postings.begin(), postings.end(),
                       [](const PostingRow& row) { return row.match && row.match->passed(); });
}

int target_for(const KnowledgeBase& kb, std::string_view level_id, std::string_view skill_id) {
    const Level* level = kb.find_level(level_id);
    if (level == nullptr) {
        throw std::logic_error(fmt::format("no level '{}' to find a target in", level_id));
    }
    std::optional<int> own;
    std::optional<int> of_group;
    for (const Target& target : level->targets) {
        if (target.id == skill_id) {
            own = std::max(own.value_or(0), target.rating);
        } else if (const Group* group = kb.find_group(target.id);
                   group != nullptr &&
                   std::find(group->members.begin(), group->members.end(), skill_id) != group->members.end()) {
            of_group = std::max(of_group.value_or(0), target.rating);
        }
    }
    return own.value_or(of_group.value_or(k_asked_rating));
}

PostingsReport summarize_postings(const KnowledgeBase& kb, const ResumeDocument& resume, const Profile& profile,
                                  const std::vector<Mention>& mentions, const Experience& experience,
                                  std::vector<PostingRow> rows, int min_score) {
    PostingsReport report;
    report.resume_source = resume.source;
    report.resume_format = resume.format;
    report.candidate_level = experience.level;
    report.candidate_years = experience.years;
    report.min_score = min_score;
    order_rows(rows);
    report.postings = std::move(rows);

    // Each gathered in the order first asked for, then ranked (stable: ties keep that order).
    std::vector<SkillDemand> skills;
    std::vector<TermDemand> terms;
    for (const PostingRow& row : report.postings) {
        if (!row.match) {
            continue;
        }
        const std::string& level = row.match->posting.level_id;
        for (const MatchSkill& asked : row.match->skills) {
            if (!asks_for(asked.part)) {
                continue;
            }
            auto demand = std::find_if(skills.begin(), skills.end(),
                                       [&](const SkillDemand& item) { return item.skill_id == asked.skill_id; });
            if (demand == skills.end()) {
                SkillDemand added;
                added.skill_id = asked.skill_id;
                added.name = asked.name;
                added.rating = profile.rating(asked.skill_id);
                demand = skills.insert(skills.end(), std::move(added));
            }
            demand->target = std::max(demand->target, target_for(kb, level, asked.skill_id));
            count(*demand, asked.part, row.source);
        }
        for (const MatchKeyword& asked : row.match->keywords) {
            if (!asks_for(asked.part) || asked.found) {
                continue;
            }
            auto demand = std::find_if(terms.begin(), terms.end(),
                                       [&](const TermDemand& item) { return item.term == asked.term; });
            if (demand == terms.end()) {
                const Skill* skill = kb.find_skill(asked.skill_id);
                TermDemand added;
                added.term = asked.term;
                added.skill_id = asked.skill_id;
                added.skill_name = skill != nullptr ? skill->name : asked.skill_id;
                added.resume_terms = asked.resume_terms;
                demand = terms.insert(terms.end(), std::move(added));
            }
            count(*demand, asked.part, row.source);
        }
    }

    const auto lines = lines_by_skill(mentions);
    for (SkillDemand& demand : skills) {
        if (const auto named = lines.find(demand.skill_id); named != lines.end()) {
            demand.resume_lines = named->second;
        }
        if (demand.resume_lines == 0 || demand.distance() > 0) {
            report.skills.push_back(std::move(demand));
        }
    }
    std::stable_sort(report.skills.begin(), report.skills.end(), [](const SkillDemand& a, const SkillDemand& b) {
        return std::make_tuple(-a.required_by, -a.preferred_by, -a.distance()) <
               std::make_tuple(-b.required_by, -b.preferred_by, -b.distance());
    });
    report.terms = std::move(terms);
    std::stable_sort(report.terms.begin(), report.terms.end(), [](const TermDemand& a, const TermDemand& b) {
        return std::make_tuple(-a.required_by, -a.preferred_by, std::string_view(a.term)) <
               std::make_tuple(-b.required_by, -b.preferred_by, std::string_view(b.term));
    });

    std::vector<Gap> planned;
    for (const SkillDemand& demand : report.skills) {
        if (planned.size() < k_planned_skills && demand.distance() > 0) {
            planned.push_back(Gap{TargetScore{demand.skill_id,
                                              1,
                                              demand.name,
                                              demand.skill_id,
                                              demand.name,
                                              demand.rating,
                                              demand.target,
                                              1.0,
                                              {}},
                                  static_cast<double>(demand.distance())});
        }
    }
    report.plan = make_plan(kb, planned);
    return report;
}

}  // namespace apigap
