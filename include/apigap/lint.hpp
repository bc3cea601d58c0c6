// Content rules for the knowledge base: the minimums that make reports and
// study plans worth reading, checked by `apigap kb lint`.
#pragma once

#include <string>
#include <vector>

#include "apigap/error.hpp"
#include "apigap/knowledge_base.hpp"

namespace apigap {

/// The minimums the lint enforces (documented in `docs/knowledge-base.md`).
struct LintMinimums {
    std::size_t keywords_technical = 15;
    std::size_t keywords_soft = 10;
    std::size_t keywords_situational = 5;
    std::size_t description_chars = 80;
    std::size_t resources = 5;
    std::size_t interview_topics = 5;
    std::size_t evidence_examples = 2;
    std::size_t failure_patterns = 3;
    std::size_t expectations = 3;
    std::size_t action_verbs = 80;
    std::size_t weak_phrases = 25;
};

/// One rule broken: a stable `rule` id, where, and what to do.
struct LintFinding {
    std::string rule;
    Diagnostic diagnostic;
};

/// Every content rule `kb` breaks, in knowledge-base order.
[[nodiscard]] std::vector<LintFinding> lint_knowledge_base(const KnowledgeBase& kb, const LintMinimums& minimums = {});

}  // namespace apigap
