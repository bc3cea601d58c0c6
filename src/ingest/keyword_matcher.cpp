// The keyword engine behind its public face (apigap/keywords.hpp): one Engine per knowledge base.
#include "apigap/keywords.hpp"

#include <utility>

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

struct KeywordScratch::Impl {
    ingest_detail::Scratch buffers;
};

KeywordScratch::KeywordScratch() : m_impl(std::make_unique<Impl>()) {}
KeywordScratch::~KeywordScratch() = default;
KeywordScratch::KeywordScratch(KeywordScratch&&) noexcept = default;
KeywordScratch& KeywordScratch::operator=(KeywordScratch&&) noexcept = default;

std::vector<KeywordHit> KeywordMatcher::find(std::string_view line, bool in_list) const {
    ingest_detail::Scratch scratch;
    return m_impl->engine.find(line, in_list, scratch);
}

std::vector<KeywordSpan> KeywordMatcher::find_distinct(std::string_view line, bool in_list,
                                                       std::vector<DroppedHit>* dropped) const {
    ingest_detail::Scratch scratch;
    m_impl->engine.find_distinct(line, in_list, scratch, dropped);
    return std::move(scratch.spans);
}

const std::vector<KeywordSpan>& KeywordMatcher::find_distinct(std::string_view line, bool in_list,
                                                              KeywordScratch& scratch,
                                                              std::vector<DroppedHit>* dropped) const {
    return m_impl->engine.find_distinct(line, in_list, scratch.m_impl->buffers, dropped);
}

void KeywordMatcher::find_distinct_lines(std::span<const KeywordLine> lines, KeywordScratch& scratch,
                                         std::vector<DroppedHit>* dropped, const KeywordLineSpans& on_line) const {
    m_impl->engine.find_distinct_lines(lines, scratch.m_impl->buffers, dropped, on_line);
}

SectionEvidence KeywordMatcher::evidence_of(std::string_view section) const {
    return m_impl->engine.evidence_of(section);
}

}  // namespace apigap
