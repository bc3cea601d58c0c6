// The knowledge base written back in its own layer format, for `kb export`.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "apigap/knowledge_base.hpp"
#include "document.hpp"

namespace apigap {

namespace {

using detail::Entry;
using detail::Node;

Node text(const std::string& value) {
    Node node;
    node.kind = Node::Kind::scalar;
    node.scalar = value;
    node.quoted = true;
    return node;
}

Node plain(std::string value) {
    Node node;
    node.kind = Node::Kind::scalar;
    node.scalar = std::move(value);
    return node;
}

Node number(long value) {
    return plain(std::to_string(value));
}
Node number(double value) {
    return plain(fmt::format("{}", value));
}
Node boolean(bool value) {
    return plain(value ? "true" : "false");
}

template <typename T, typename F>
Node list(const std::vector<T>& items, F&& convert) {
    Node node;
    node.kind = Node::Kind::sequence;
    for (const T& item : items) {
        node.items.push_back(convert(item));
    }
    return node;
}

Node texts(const std::vector<std::string>& items) {
    return list(items, text);
}

/// A mapping builder that leaves out empty optional values.
class Map {
public:
    Map& add(std::string key, Node value) {
        m_node.entries.push_back(Entry{std::move(key), {}, std::move(value)});
        return *this;
    }
    Map& add_if(bool condition, std::string key, Node value) {
        return condition ? add(std::move(key), std::move(value)) : *this;
    }
    Node take() { return std::move(m_node); }

private:
    Node m_node{Node::Kind::mapping, {}, false, {}, {}, {}};
};

Node keyword_node(const Keyword& keyword) {
    return Map()
        .add("term", text(keyword.term))
        .add_if(!keyword.aliases.empty(), "aliases", texts(keyword.aliases))
        .add_if(keyword.case_sensitive, "case_sensitive", boolean(true))
        .add_if(!keyword.exclude.empty(), "exclude", texts(keyword.exclude))
        .add_if(keyword.shared, "shared", boolean(true))
        .add_if(!keyword.ambiguous.empty(), "ambiguous", texts(keyword.ambiguous))
        .add_if(!keyword.context.empty(), "context", texts(keyword.context))
        .add_if(keyword.related, "related", boolean(true))
        .take();
}

Node skill_node(const Skill& skill) {
    const std::vector<std::string> rubric(skill.rubric.begin(), skill.rubric.end());
    return Map()
        .add("id", text(skill.id))
        .add("name", text(skill.name))
        .add("category", text(std::string(to_string(skill.category))))
        .add("description", text(skill.description))
        .add("rubric", texts(rubric))
        .add("keywords", list(skill.keywords, keyword_node))
        .add("resources", list(skill.resources,
                               [](const Resource& r) {
                                   return Map()
                                       .add("title", text(r.title))
                                       .add("url", text(r.url))
                                       .add("type", text(r.type))
                                       .add("ratings", list(r.ratings, [](int v) { return number(long{v}); }))
                                       .take();
                               }))
        .add("projects", list(skill.projects,
                              [](const Project& p) {
                                  return Map()
                                      .add("step", number(long{p.step}))
                                      .add("title", text(p.title))
                                      .add("description", text(p.description))
                                      .add("hours", number(long{p.hours}))
                                      .take();
                              }))
        .add("interview_topics", texts(skill.interview_topics))
        .add("evidence_examples", texts(skill.evidence_examples))
        .add("failure_patterns", texts(skill.failure_patterns))
        .add("sources", texts(skill.sources))
        .take();
}

Node level_node(const Level& level) {
    const SalaryBand& band = level.salary;
    return Map()
        .add("id", text(level.id))
        .add("name", text(level.name))
        .add("focus", text(level.focus))
        .add("expectations", texts(level.expectations))
        .add("interview_stages", texts(level.interview_stages))
        .add("salary", Map()
                           .add("min", number(band.min))
                           .add("max", number(band.max))
                           .add("open_ended", boolean(band.open_ended))
                           .add("currency", text(band.currency))
                           .add("year", number(long{band.year}))
                           .add_if(!band.source.empty(), "source", text(band.source))
                           .add_if(!band.note.empty(), "note", text(band.note))
                           .take())
        .add_if(level.years != YearsBand{}, "years",
                Map()
                    .add_if(level.years.min != 0, "min", number(long{level.years.min}))
                    .add_if(level.years.max != 0, "max", number(long{level.years.max}))
                    .take())
        .add("targets", list(level.targets,
                             [](const Target& t) {
                                 return Map()
                                     .add("id", text(t.id))
                                     .add_if(t.rank != 1, "rank", number(long{t.rank}))
                                     .add("target", number(long{t.rating}))
                                     .add("weight", number(t.weight))
                                     .take();
                             }))
        .take();
}

Node experience_node(const ExperienceWords& words) {
    return Map()
        .add("present", texts(words.present))
        .add("until", texts(words.until))
        .add("since", texts(words.since))
        .add("months", list(words.months,
                            [](const MonthNames& m) {
                                return Map().add("month", number(long{m.month})).add("names", texts(m.names)).take();
                            }))
        .add("not_professional", texts(words.not_professional))
        .add("education", texts(words.education))
        .add_if(words.stale_after != 0, "stale_after", number(long{words.stale_after}))
        .add_if(!words.claim_years.empty(), "claims",
                Map().add("years", texts(words.claim_years)).add("context", texts(words.claim_context)).take())
        .add("titles", list(words.titles,
                            [](const TitleWords& t) {
                                return Map().add("level", text(t.level)).add("words", texts(t.words)).take();
                            }))
        .add("not_work_sections", texts(words.not_work_sections))
        .add("technical_titles", texts(words.technical_titles))
        .add("other_fields", texts(words.other_fields))
        .take();
}

Node kb_node(const KnowledgeBase& kb) {
    const ResumeRules& resume = kb.resume;
    return Map()
        .add("scale", list(kb.scale,
                           [](const ScaleEntry& e) {
                               return Map()
                                   .add("rating", number(long{e.rating}))
                                   .add("name", text(e.name))
                                   .add("meaning", text(e.meaning))
                                   .take();
                           }))
        .add("skills", list(kb.skills, skill_node))
        .add("groups", list(kb.groups,
                            [](const Group& g) {
                                return Map()
                                    .add("id", text(g.id))
                                    .add("name", text(g.name))
                                    .add("members", texts(g.members))
                                    .take();
                            }))
        .add("levels", list(kb.levels, level_node))
        .add_if(kb.pay_reference.amount != 0, "pay_reference",
                Map()
                    .add("name", text(kb.pay_reference.name))
                    .add("amount", number(kb.pay_reference.amount))
                    .add("currency", text(kb.pay_reference.currency))
                    .add("year", number(long{kb.pay_reference.year}))
                    .add("source", text(kb.pay_reference.source))
                    .take())
        .add("tools", list(kb.tools,
                           [](const Tool& t) {
                               return Map()
                                   .add("id", text(t.id))
                                   .add("name", text(t.name))
                                   .add("kind", text(std::string(to_string(t.kind))))
                                   .add_if(!t.aliases.empty(), "aliases", texts(t.aliases))
                                   .add("skills", texts(t.skills))
                                   .add_if(!t.listed.empty(), "listed", texts(t.listed))
                                   .add_if(!t.related.empty(), "related", texts(t.related))
                                   .add_if(!t.url.empty(), "url", text(t.url))
                                   .take();
                           }))
        .add("industries", texts(kb.industries))
        .add("resume",
             Map()
                 .add("sections", list(resume.sections,
                                       [](const ResumeSection& s) {
                                           return Map()
                                               .add("id", text(s.id))
                                               .add("headings", texts(s.headings))
                                               .add("evidence", text(std::string(to_string(s.evidence))))
                                               .take();
                                       }))
                 .add("action_verbs", texts(resume.action_verbs))
                 .add("weak_phrases",
                      list(resume.weak_phrases,
                           [](const WeakPhrase& w) {
                               return Map().add("phrase", text(w.phrase)).add("rewrite", text(w.rewrite)).take();
                           }))
                 .add("measurable_patterns", texts(resume.measurable_patterns))
                 .add("intent_phrases", texts(resume.intent_phrases))
                 .add("negation_phrases", texts(resume.negation_phrases))
                 .add("list_labels", texts(resume.list_labels))
                 .add("technical_words", texts(resume.technical_words))
                 .add("max_pages", number(long{resume.max_pages}))
                 .add("experience", experience_node(resume.experience))
                 .take())
        .add("posting", Map()
                            .add("headings", Map()
                                                 .add("preferred", texts(kb.posting.preferred_headings))
                                                 .add("required", texts(kb.posting.required_headings))
                                                 .add("ignored", texts(kb.posting.ignored_headings))
                                                 .add("context", texts(kb.posting.context_headings))
                                                 .take())
                            .add("preferred_phrases", texts(kb.posting.preferred_phrases))
                            .add("alternative_phrases", texts(kb.posting.alternative_phrases))
                            .add("alternative_words", texts(kb.posting.alternative_words))
                            .add("not_terms", texts(kb.posting.not_terms))
                            .add("waiver_phrases", texts(kb.posting.waiver_phrases))
                            .take())
        .take();
}

}  // namespace

std::string export_knowledge_base(const KnowledgeBase& kb, KbExportFormat format) {
    const Node root = kb_node(kb);
    return format == KbExportFormat::json ? detail::emit_json(root) : detail::emit_yaml(root);
}

std::vector<std::string> all_keywords(const KnowledgeBase& kb) {
    std::vector<std::string> keywords;
    std::set<std::string, std::less<>> seen;
    const auto add = [&](const std::string& keyword) {
        if (!keyword.empty() && seen.insert(keyword).second) {
            keywords.push_back(keyword);
        }
    };
    for (const Skill& skill : kb.skills) {
        for (const Keyword& keyword : skill.keywords) {
            add(keyword.term);
            std::for_each(keyword.aliases.begin(), keyword.aliases.end(), add);
        }
    }
    for (const Tool& tool : kb.tools) {
        add(tool.name);
        std::for_each(tool.aliases.begin(), tool.aliases.end(), add);
    }
    return keywords;
}

}  // namespace apigap
