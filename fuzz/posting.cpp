// Fuzz target for job postings (`apigap match --job`): any format, detected
// from the bytes, read into parts, years and level, then matched against a
// fixed resume and rendered as JSON.
#include <string_view>
#include <vector>

#include "apigap/inference.hpp"
#include "apigap/match.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"
#include "apigap/resume_input.hpp"
#include "harness.hpp"

namespace apigap::fuzz {

namespace {

/// The resume every posting is matched against, with its mentions.
struct Resume {
    ResumeDocument document;
    std::vector<Mention> mentions;
};

const Resume& resume() {
    static const Resume resume = [] {
        constexpr std::string_view k_text =
            "Jane Doe\n\nExperience\nBuilt REST APIs in Go and Python on PostgreSQL and Kafka, cutting latency 40%\n"
            "\nSkills\nGo, Python, SQL, Docker, Kubernetes, OpenAPI, gRPC\n";
        Resume made{parse_resume(k_text, "resume.txt", InputFormat::text, knowledge_base().resume), {}};
        made.mentions = find_mentions(made.document, keyword_matcher());
        return made;
    }();
    return resume;
}

}  // namespace

void fuzz_one(std::string_view input) {
    const KnowledgeBase& kb = knowledge_base();
    const ResumeDocument document =
        parse_resume(input, "fuzz-input", std::nullopt, kb.resume, k_default_max_bytes, DocumentRole::job_posting);
    const Posting posting = read_posting(
        kb, document, [](std::string_view line) { return find_line_hits(line, keyword_matcher()); }, "");
    const Report report =
        make_report(kb, infer_profile(kb, resume().document, resume().mentions), posting.summary.level_id);
    static_cast<void>(
        render_match(match_posting(posting, resume().document, resume().mentions, report, 60, "mid"), Format::json));
}

}  // namespace apigap::fuzz
