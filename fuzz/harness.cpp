// The fuzz targets' shared part (fuzz/harness.hpp).
#include "harness.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "apigap/check.hpp"
#include "apigap/error.hpp"
#include "apigap/inference.hpp"
#include "apigap/keywords.hpp"
#include "apigap/mentions.hpp"
#include "apigap/render.hpp"
#include "apigap/report.hpp"

namespace apigap::fuzz {

const KnowledgeBase& knowledge_base() {
    static const KnowledgeBase kb = builtin_knowledge_base();
    return kb;
}

const KeywordMatcher& keyword_matcher() {
    static const KeywordMatcher matcher(knowledge_base());
    return matcher;
}

void require(bool holds, std::string_view what) {
    if (!holds) {
        std::fprintf(stderr, "fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
        std::abort();
    }
}

namespace {

/// Requires that the document's lines, read a run at a time, find what each line finds alone.
void require_runs_as_lines(const ResumeDocument& document) {
    std::vector<KeywordLine> lines;
    for (const ResumeLine& line : document.lines) {
        lines.push_back(KeywordLine{line.text, lines.size() % 2 == 0});
    }
    KeywordScratch scratch;
    keyword_matcher().find_distinct_lines(
        lines, scratch, nullptr, [&](std::size_t index, const std::vector<KeywordSpan>& spans) {
            const std::vector<KeywordSpan> alone = keyword_matcher().find_distinct(lines[index].text, index % 2 == 0);
            bool same = spans.size() == alone.size();
            for (std::size_t k = 0; same && k < spans.size(); ++k) {
                same = spans[k].keyword == alone[k].keyword && spans[k].begin == alone[k].begin &&
                       spans[k].end == alone[k].end;
            }
            require(same, "a line read in a run found other keywords than alone");
        });
}

}  // namespace

void analyse_resume(const ResumeDocument& document) {
    const KnowledgeBase& kb = knowledge_base();
    require_runs_as_lines(document);
    const std::vector<Mention> mentions = find_mentions(document, keyword_matcher());
    static_cast<void>(make_report(kb, infer_profile(kb, document, mentions), "mid"));
    CheckReport check = make_check(kb, document, mentions, CheckOptions{"mid", 60, {}});
    // `check --source` of the document against itself: the resume has every keyword of its source.
    const std::vector<LineKeyword> keywords = find_keywords(document, keyword_matcher());
    compare_with_source(check, document, keywords, document, keywords);
    require(check.source_comparison && check.source_comparison->keywords_lost == 0 &&
                check.source_comparison->keywords_mangled == 0,
            "a document compared with itself lost a keyword");
    static_cast<void>(render_check(check, Format::json, {}));
}

}  // namespace apigap::fuzz

// Builds the knowledge base, the matcher and what the pipeline keeps after
// its first run before the first input: memory that input allocated and kept
// would make libFuzzer run it again to look for a leak.
// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer names it
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    apigap::ResumeDocument sample;
    sample.add_line(1, "Built REST APIs in Go, 2019 - 2024, cutting latency 40%", false, "experience");
    apigap::fuzz::analyse_resume(sample);
    return 0;
}

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer names it
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer's bytes as text
        apigap::fuzz::fuzz_one({reinterpret_cast<const char*>(data), size});
    } catch (const apigap::Error&) {  // NOLINT(bugprone-empty-catch): bad input, refused as it should be
    } catch (const std::exception& escaped) {
        apigap::fuzz::require(false, std::string("an exception other than apigap::Error escaped: ") + escaped.what());
    }
    return 0;
}
