// Conversion of a merged knowledge-base tree into the `KnowledgeBase` model.
#pragma once

#include <string>
#include <vector>

#include "apigap/knowledge_base.hpp"
#include "fields.hpp"

namespace apigap::detail {

/// Reads the merged tree `root`, reporting every problem (types, ranges,
/// unknown keys, references to unknown skills) to `problems`.
[[nodiscard]] KnowledgeBase read_knowledge_base(const Node& root, Problems& problems);

/// A level's `years` band (kb_reader_experience.cpp).
[[nodiscard]] YearsBand read_years(const Node& node, Problems& problems);

/// Reports `url`, read from `node`, unless it is empty or starts with `https://` (kb_reader.cpp).
void check_https(const Node* node, const std::string& url, Problems& problems);

/// A level's salary band (kb_reader_pay.cpp).
[[nodiscard]] SalaryBand read_salary(const Node& node, Problems& problems);

/// The knowledge base's `pay_reference` under `root` (kb_reader_pay.cpp); an empty one (amount 0) when it has none.
[[nodiscard]] PayReference read_pay_reference(Fields& root, Problems& problems);

/// `resume.experience`; a title word's level must be one of `levels`.
[[nodiscard]] ExperienceWords read_experience_words(const Node& node, const std::vector<Level>& levels,
                                                    Problems& problems);

}  // namespace apigap::detail
