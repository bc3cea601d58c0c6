// The keyword engine behind its public face (apigap/keywords.hpp): one Engine per knowledge base.
#include "apigap/keywords.hpp"

#include "keyword_engine.hpp"

namespace apigap {

struct KeywordMatcher::Impl {
    ingest_detail::Engine engine;
};

KeywordMatcher::KeywordMatcher(const KnowledgeBase& kb)
    : m_impl(std::make_unique<Impl>(Impl{ingest_detail::Engine(kb)})) {}
KeywordMatcher::~KeywordMatcher() = default;
KeywordMatcher::KeywordMatcher(KeywordMatcher&&) noexcept = default;
KeywordMatcher& KeywordMatcher::operator=(KeywordMatcher&&) noexcept = default;

std::vector<KeywordHit> KeywordMatcher::find(std::string_view line, bool in_list) const {
    return m_impl->engine.find(line, in_list);
}

std::vector<KeywordSpan> KeywordMatcher::find_distinct(std::string_view line, bool in_list,
                                                       std::vector<DroppedHit>* dropped) const {
    return m_impl->engine.find_distinct(line, in_list, dropped);
}

SectionEvidence KeywordMatcher::evidence_of(std::string_view section) const {
    return m_impl->engine.evidence_of(section);
}

}  // namespace apigap
