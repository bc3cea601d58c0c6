// A small knowledge-base layer that uses every section and field, for the
// tests of the reader (knowledge_base_test.cpp) and of the encoding (kb_model_test.cpp).
#pragma once

#include <string>

namespace apigap::test {

/// A small but complete knowledge base that uses every section and field.
inline const std::string k_complete_kb = R"(scale:
  - {rating: 0, name: none, meaning: Has not used it.}
  - {rating: 1, name: aware, meaning: Knows the words.}
  - {rating: 2, name: working, meaning: Does routine work.}
  - {rating: 3, name: proficient, meaning: Works alone.}
  - {rating: 4, name: expert, meaning: Teaches others.}
skills:
  - id: python
    name: Python
    category: technical
    description: The Python language.
    rubric: [P0., P1., P2., P3., P4.]
    keywords:
      - term: Python
        aliases: [py, CPython]
      - term: Django
        case_sensitive: true
        exclude: [django unchained]
        shared: true
    resources:
      - {title: Tutorial, url: "https://docs.python.org/3/tutorial/", type: docs, ratings: [1, 2]}
      - {title: Fluent Python, url: "https://example.org/fluent", type: book, ratings: [3, 4]}
    projects:
      - {step: 0, title: Hello, description: Print hello., hours: 2}
    interview_topics: [The GIL]
    failure_patterns: [Mutable default arguments.]
    sources: ["https://www.python.org"]
  - id: go
    name: Go
    category: technical
    description: The Go language.
    rubric: [G0., G1., G2., G3., G4.]
  - id: communication
    name: Communication
    category: soft
    description: Writing and speaking.
    rubric: [C0., C1., C2., C3., C4.]
groups:
  - id: languages
    name: Programming languages
    members: [python, go]
levels:
  - id: entry
    name: Entry
    focus: Learns.
    salary: {min: 80000, max: 110000, currency: USD, year: 2024, source: "https://example.org/pay"}
    targets:
      - {id: languages, target: 2, weight: 3}
      - {id: communication, target: 1, weight: 1.5}
  - id: senior
    name: Senior
    focus: Leads.
    expectations: [Designs systems.]
    interview_stages: [System design]
    salary:
      min: 150000
      max: 200000
      open_ended: true
      currency: USD
      year: 2024
      source: "https://example.org/pay"
      note: US only
    targets:
      - {id: languages, target: 4, weight: 3}
      - {id: languages, rank: 2, target: 2, weight: 1}
      - {id: communication, target: 3, weight: 2}
pay_reference:
  name: median pay of developers (May 2024)
  amount: 133080
  currency: USD
  year: 2024
  source: "https://example.org/median"
tools:
  - {id: postman, name: Postman, kind: tool, aliases: [Newman, py], skills: [python], url: "https://www.postman.com"}
industries: [Fintech, Health]
resume:
  sections:
    - {id: experience, headings: [Experience, Work history]}
  action_verbs: [Built]
  weak_phrases:
    - {phrase: responsible for, rewrite: led}
  measurable_patterns: ['\d+%']
  max_pages: 2
)";

}  // namespace apigap::test
