// Fuzz target for history entries (`apigap history`, `apigap progress`): the
// input as the latest entry after a fixed one, listed and compared both ways.
#include <string>
#include <vector>

#include "apigap/history.hpp"
#include "apigap/progress.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/saved_report.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

namespace {

/// The history's first entry: a mid-level assessment with two skills rated.
const HistoryEntry& first_entry() {
    static const HistoryEntry entry = [] {
        const KnowledgeBase& kb = knowledge_base();
        Profile profile;
        profile.set(kb.skills.at(0).id, SkillRating{2, RatingSource::answered, {}});
        profile.set(kb.skills.at(1).id, SkillRating{0, RatingSource::skipped, {}});
        const std::string saved = render_history_entry(make_report(kb, profile, "mid"), "2026-01-01T00:00:00Z", {});
        return HistoryEntry{1, history_entry_name(1, 1'767'225'600), parse_saved_report(saved, "first.json")};
    }();
    return entry;
}

}  // namespace

void fuzz_one(std::string_view input) {
    const std::string name = history_entry_name(2, 1'767'312'000);
    const std::vector<HistoryEntry> history{first_entry(), HistoryEntry{2, name, parse_saved_report(input, name)}};
    for (const Format format : {Format::text, Format::json}) {
        static_cast<void>(render_history(history, format, {}));
        for (const EntryPair pair : {EntryPair{0, 1}, EntryPair{1, 0}}) {
            static_cast<void>(render_progress(make_progress(history, pair), format, {}));
        }
    }
}

}  // namespace apigap::fuzz
