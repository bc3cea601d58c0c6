// Reading the knowledge base's pay figures: each level's salary band and the published figure shown beside them.
#include <fmt/format.h>

#include "kb_reader.hpp"

namespace apigap::detail {

SalaryBand read_salary(const Node& node, Problems& problems) {
    Fields fields(node, "a salary band", {"min", "max", "open_ended", "currency", "year", "source", "note"}, problems);
    SalaryBand band;
    band.min = fields.integer("min", 0, 100'000'000).value_or(0);
    band.max = fields.integer("max", 0, 100'000'000).value_or(0);
    if (band.max < band.min) {
        problems.add(fields.mark(), fmt::format("salary min {} is above max {}", band.min, band.max));
    }
    band.open_ended = fields.flag("open_ended", false);
    band.currency = fields.text("currency");
    band.year = static_cast<int>(fields.integer("year", 1900, 2200).value_or(0));
    band.source = fields.text("source", false);
    check_https(fields.get("source", false), band.source, problems);
    band.note = fields.text("note", false);
    return band;
}

PayReference read_pay_reference(Fields& root, Problems& problems) {
    const Node* node = root.get("pay_reference", false);
    if (node == nullptr) {
        return {};
    }
    Fields fields(*node, "a pay reference", {"name", "amount", "currency", "year", "source"}, problems);
    PayReference reference;
    reference.name = fields.text("name");
    reference.amount = fields.integer("amount", 1, 100'000'000).value_or(0);
    reference.currency = fields.text("currency");
    reference.year = static_cast<int>(fields.integer("year", 1900, 2200).value_or(0));
    reference.source = fields.text("source");
    check_https(fields.get("source", false), reference.source, problems);
    return reference;
}

}  // namespace apigap::detail
