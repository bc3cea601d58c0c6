// Encoding of the knowledge base: each struct lists its fields once, in
// `fields`, and the writer and the reader walk that list.
#include "kb_model.hpp"

#include <bit>
#include <cstdint>
#include <stdexcept>
#include <type_traits>

namespace apigap::detail {

namespace {

/// Written first, and changed whenever the encoding changes.
constexpr std::string_view k_magic = "apigap-kb-model-1";

// Every field of every struct, in declaration order. The unit test that
// compares the decoded built-in model with the parsed layers fails when a
// field is missing here.
template <typename A>
void fields(A& a, Location& x) {
    a(x.source, x.line, x.column);
}
template <typename A>
void fields(A& a, ScaleEntry& x) {
    a(x.rating, x.name, x.meaning);
}
template <typename A>
void fields(A& a, Keyword& x) {
    a(x.location, x.term, x.aliases, x.case_sensitive, x.exclude, x.shared, x.ambiguous, x.context, x.related);
}
template <typename A>
void fields(A& a, Resource& x) {
    a(x.title, x.url, x.type, x.ratings);
}
template <typename A>
void fields(A& a, Project& x) {
    a(x.step, x.title, x.description, x.hours);
}
template <typename A>
void fields(A& a, Skill& x) {
    a(x.location, x.id, x.name, x.category, x.description, x.rubric, x.keywords, x.resources, x.projects,
      x.interview_topics, x.evidence_examples, x.failure_patterns, x.sources);
}
template <typename A>
void fields(A& a, Group& x) {
    a(x.id, x.name, x.members);
}
template <typename A>
void fields(A& a, Target& x) {
    a(x.id, x.rank, x.rating, x.weight);
}
template <typename A>
void fields(A& a, SalaryBand& x) {
    a(x.min, x.max, x.open_ended, x.currency, x.year, x.source, x.note);
}
template <typename A>
void fields(A& a, YearsBand& x) {
    a(x.min, x.max);
}
template <typename A>
void fields(A& a, Level& x) {
    a(x.location, x.id, x.name, x.focus, x.expectations, x.interview_stages, x.salary, x.targets, x.years);
}
template <typename A>
void fields(A& a, Tool& x) {
    a(x.location, x.id, x.name, x.kind, x.aliases, x.skills, x.listed, x.related, x.url);
}
template <typename A>
void fields(A& a, ResumeSection& x) {
    a(x.id, x.headings, x.evidence);
}
template <typename A>
void fields(A& a, WeakPhrase& x) {
    a(x.phrase, x.rewrite);
}
template <typename A>
void fields(A& a, MonthNames& x) {
    a(x.month, x.names);
}
template <typename A>
void fields(A& a, TitleWords& x) {
    a(x.level, x.words);
}
template <typename A>
void fields(A& a, ExperienceWords& x) {
    a(x.present, x.until, x.since, x.months, x.not_professional, x.education, x.stale_after, x.claim_years,
      x.claim_context, x.titles, x.not_work_sections, x.technical_titles, x.other_fields);
}
template <typename A>
void fields(A& a, ResumeRules& x) {
    a(x.location, x.sections, x.action_verbs, x.weak_phrases, x.measurable_patterns, x.intent_phrases,
      x.negation_phrases, x.list_labels, x.technical_words, x.max_pages, x.experience);
}
template <typename A>
void fields(A& a, PostingRules& x) {
    a(x.location, x.preferred_headings, x.required_headings, x.ignored_headings, x.context_headings,
      x.preferred_phrases, x.alternative_phrases, x.alternative_words, x.not_terms, x.waiver_phrases);
}
template <typename A>
void fields(A& a, PayReference& x) {
    a(x.name, x.amount, x.currency, x.year, x.source);
}
template <typename A>
void fields(A& a, KnowledgeBase& x) {
    a(x.scale, x.skills, x.groups, x.levels, x.pay_reference, x.tools, x.industries, x.industries_location, x.resume,
      x.posting);
}

/// Numbers (integers, `bool`, enums and the bits of a `double`) as 8 bytes,
/// little-endian; strings and lists as their length, then their items.
class Writer {
public:
    template <typename... T>
    void operator()(T&... values) {
        (write(values), ...);
    }

    [[nodiscard]] std::string take() { return std::move(m_out); }

private:
    void number(std::uint64_t value) {
        for (int byte = 0; byte < 8; ++byte) {
            m_out += static_cast<char>(value & 0xffU);
            value >>= 8U;
        }
    }

    template <typename T>
    void write(T& value) {
        if constexpr (std::is_same_v<T, double>) {
            number(std::bit_cast<std::uint64_t>(value));
        } else if constexpr (std::is_enum_v<T>) {
            number(static_cast<std::uint64_t>(value));
        } else if constexpr (std::is_integral_v<T>) {
            number(static_cast<std::uint64_t>(static_cast<std::int64_t>(value)));
        } else if constexpr (std::is_same_v<T, std::string>) {
            number(value.size());
            m_out += value;
        } else if constexpr (requires {
                                 value.size();
                                 value.begin();
                             }) {
            number(value.size());
            for (auto& item : value) {
                write(item);
            }
        } else {
            fields(*this, value);
        }
    }

    std::string m_out;
};

[[noreturn]] void damaged() {
    throw std::logic_error("the built-in knowledge base model is damaged; rebuild apigap");
}

class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    template <typename... T>
    void operator()(T&... values) {
        (read(values), ...);
    }

    [[nodiscard]] bool at_end() const { return m_bytes.empty(); }

private:
    std::uint64_t number() {
        if (m_bytes.size() < 8) {
            damaged();
        }
        std::uint64_t value = 0;
        for (int byte = 7; byte >= 0; --byte) {
            value = (value << 8U) | static_cast<unsigned char>(m_bytes[static_cast<std::size_t>(byte)]);
        }
        m_bytes.remove_prefix(8);
        return value;
    }

    /// A length, which cannot exceed the bytes left since every item takes one at least.
    std::size_t length() {
        const std::uint64_t value = number();
        if (value > m_bytes.size()) {
            damaged();
        }
        return static_cast<std::size_t>(value);
    }

    template <typename T>
    void read(T& value) {
        if constexpr (std::is_same_v<T, double>) {
            value = std::bit_cast<double>(number());
        } else if constexpr (std::is_enum_v<T>) {
            value = static_cast<T>(number());
        } else if constexpr (std::is_same_v<T, bool>) {
            value = number() != 0;
        } else if constexpr (std::is_integral_v<T>) {
            value = static_cast<T>(static_cast<std::int64_t>(number()));
        } else if constexpr (std::is_same_v<T, std::string>) {
            const std::size_t size = length();
            value.assign(m_bytes.substr(0, size));
            m_bytes.remove_prefix(size);
        } else if constexpr (requires { value.resize(0); }) {
            value.resize(length());
            for (auto& item : value) {
                read(item);
            }
        } else if constexpr (requires {
                                 value.size();
                                 value.begin();
                             }) {
            if (number() != value.size()) {
                damaged();
            }
            for (auto& item : value) {
                read(item);
            }
        } else {
            fields(*this, value);
        }
    }

    std::string_view m_bytes;
};

}  // namespace

std::string encode_knowledge_base(KnowledgeBase kb) {
    Writer writer;
    std::string magic(k_magic);
    writer(magic, kb);
    return writer.take();
}

KnowledgeBase decode_knowledge_base(std::string_view bytes) {
    Reader reader(bytes);
    std::string magic;
    KnowledgeBase kb;
    reader(magic);
    if (magic != k_magic) {
        throw std::logic_error("the built-in knowledge base model is from another version; rebuild apigap");
    }
    reader(kb);
    if (!reader.at_end()) {
        damaged();
    }
    return kb;
}

}  // namespace apigap::detail
