// Reading the knowledge base's experience rules: the levels' years bands and the words of `resume.experience`.
#include <algorithm>

#include <fmt/format.h>

#include "kb_reader.hpp"

namespace apigap::detail {

YearsBand read_years(const Node& node, Problems& problems) {
    Fields fields(node, "a years band", {"min", "max"}, problems);
    YearsBand band;
    band.min = static_cast<int>(fields.integer("min", 0, 60, false).value_or(0));
    band.max = static_cast<int>(fields.integer("max", 1, 60, false).value_or(0));
    if (band.max != 0 && band.max <= band.min) {
        problems.add(fields.mark(), fmt::format("years max {} is not above min {}", band.max, band.min));
    }
    return band;
}

ExperienceWords read_experience_words(const Node& node, const std::vector<Level>& levels, Problems& problems) {
    Fields fields(node, "the experience words",
                  {"present", "until", "since", "months", "not_professional", "education", "stale_after", "claims",
                   "titles", "not_work_sections", "technical_titles", "other_fields"},
                  problems);
    ExperienceWords words;
    words.present = fields.texts("present", false);
    words.until = fields.texts("until", false);
    words.since = fields.texts("since", false);
    fields.each("months", false, [&](const Node& item) {
        Fields month(item, "a month", {"month", "names"}, problems);
        words.months.push_back(
            MonthNames{static_cast<int>(month.integer("month", 1, 12).value_or(0)), month.texts("names")});
    });
    words.not_professional = fields.texts("not_professional", false);
    words.education = fields.texts("education", false);
    words.stale_after = static_cast<int>(fields.integer("stale_after", 1, 60, false).value_or(0));
    if (const Node* claims = fields.get("claims", false)) {
        Fields claim(*claims, "the stated-years words", {"years", "context"}, problems);
        words.claim_years = claim.texts("years");
        words.claim_context = claim.texts("context", false);
    }
    fields.each("titles", false, [&](const Node& item) {
        Fields title(item, "title words", {"level", "words"}, problems);
        TitleWords read{title.text("level"), title.texts("words")};
        const Node* level = title.get("level", false);
        if (level != nullptr && !read.level.empty() &&
            std::none_of(levels.begin(), levels.end(), [&](const Level& each) { return each.id == read.level; })) {
            problems.add(level->mark, fmt::format("unknown level '{}' for title words", read.level));
        }
        words.titles.push_back(std::move(read));
    });
    words.not_work_sections = fields.texts("not_work_sections", false);
    words.technical_titles = fields.texts("technical_titles", false);
    words.other_fields = fields.texts("other_fields", false);
    return words;
}

}  // namespace apigap::detail
