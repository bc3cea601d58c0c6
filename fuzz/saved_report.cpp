// Fuzz target for saved reports (`--report`: `apigap assess/scan --format
// json` output or a history entry): read back, then scored again.
#include "apigap/saved_report.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

void fuzz_one(std::string_view input) {
    const SavedReport saved = parse_saved_report(input, "fuzz-report.json");
    static_cast<void>(saved.readiness_for(saved.level_id));
    static_cast<void>(render_json(make_report(knowledge_base(), saved.profile, saved.level_id)));
}

}  // namespace apigap::fuzz
