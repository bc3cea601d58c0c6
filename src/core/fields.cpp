// Strict conversions from `Node` to plain values, with exact messages.
#include "fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "apigap/suggest.hpp"
#include "utf8.hpp"

namespace apigap::detail {

namespace {

bool is_plain_scalar(const Node& node) {
    return node.kind == Node::Kind::scalar && !node.quoted;
}

/// The first control character of `text` that a report would pass to a terminal (C0 but tab and line feed, DEL, and
/// C1, U+0080 to U+009F), if any: the knowledge base's and the answers' text is printed as it is.
std::optional<char32_t> control_character(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\t' || text[i] == '\n') {
            continue;
        }
        if (const std::size_t length = control_length(text, i); length > 0) {
            return static_cast<unsigned char>(text[i + length - 1]);
        }
    }
    return std::nullopt;
}

}  // namespace

void Problems::add(const Mark& mark, std::string message) {
    m_diagnostics.push_back(Diagnostic{mark.location(), std::move(message)});
}

std::string describe(const Node& node) {
    switch (node.kind) {
    case Node::Kind::null:
        return "nothing";
    case Node::Kind::sequence:
        return "a list";
    case Node::Kind::mapping:
        return "a mapping";
    case Node::Kind::scalar:
        break;
    }
    constexpr std::size_t k_shown_bytes = 40;
    std::string shown = node.scalar;
    if (shown.size() > k_shown_bytes) {
        std::size_t cut = k_shown_bytes;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) {
            --cut;  // never split a UTF-8 sequence
        }
        shown = shown.substr(0, cut) + "…";
    }
    return node.quoted ? fmt::format("the string \"{}\"", shown) : fmt::format("'{}'", shown);
}

std::optional<std::string> read_text(const Node& node, Problems& problems) {
    if (node.kind != Node::Kind::scalar) {
        problems.add(node.mark, "expected a string, got " + describe(node));
        return std::nullopt;
    }
    if (const std::optional<char32_t> control = control_character(node.scalar)) {
        problems.add(node.mark,
                     fmt::format("a string may hold no control character but tab and line feed, got U+{:04X}",
                                 static_cast<std::uint32_t>(*control)));
        return std::nullopt;
    }
    return node.scalar;
}

std::optional<long> read_integer(const Node& node, long min, long max, Problems& problems) {
    long value = 0;
    if (is_plain_scalar(node)) {
        const std::string& s = node.scalar;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec == std::errc() && end == s.data() + s.size()) {
            if (value < min || value > max) {
                problems.add(node.mark, fmt::format("expected an integer from {} to {}, got {}", min, max, value));
                return std::nullopt;
            }
            return value;
        }
    }
    problems.add(node.mark, fmt::format("expected an integer from {} to {}, got {}", min, max, describe(node)));
    return std::nullopt;
}

std::optional<double> read_positive_number(const Node& node, double max, Problems& problems) {
    const std::string expected = fmt::format("expected a number greater than 0 and at most {}", max);
    double value = 0.0;
    if (is_plain_scalar(node)) {
        const std::string& s = node.scalar;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec == std::errc() && end == s.data() + s.size() && std::isfinite(value)) {
            if (value <= 0.0 || value > max) {
                problems.add(node.mark, fmt::format("{}, got {}", expected, s));
                return std::nullopt;
            }
            return value;
        }
    }
    problems.add(node.mark, fmt::format("{}, got {}", expected, describe(node)));
    return std::nullopt;
}

std::optional<bool> read_bool(const Node& node, Problems& problems) {
    if (is_plain_scalar(node) && (node.scalar == "true" || node.scalar == "false")) {
        return node.scalar == "true";
    }
    problems.add(node.mark, "expected true or false, got " + describe(node));
    return std::nullopt;
}

std::vector<std::string> read_texts(const Node& node, Problems& problems) {
    std::vector<std::string> texts;
    if (node.kind != Node::Kind::sequence) {
        problems.add(node.mark, "expected a list of strings, got " + describe(node));
        return texts;
    }
    for (const Node& item : node.items) {
        if (auto text = read_text(item, problems)) {
            texts.push_back(std::move(*text));
        }
    }
    return texts;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') {
        return false;
    }
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Fields::Fields(const Node& node, std::string_view what, std::initializer_list<std::string_view> keys,
               Problems& problems)
    : m_node(node), m_what(what), m_problems(problems) {
    if (node.kind != Node::Kind::mapping) {
        problems.add(node.mark, fmt::format("expected a mapping for {}, got {}", m_what, describe(node)));
        return;
    }
    m_valid = true;
    for (const Entry& entry : node.entries) {
        if (std::find(keys.begin(), keys.end(), entry.key) != keys.end()) {
            continue;
        }
        const auto nearest = closest_match(entry.key, std::vector<std::string>(keys.begin(), keys.end()));
        problems.add(entry.key_mark,
                     nearest ? fmt::format("unknown key '{}' in {} (did you mean '{}'?)", entry.key, m_what, *nearest)
                             : fmt::format("unknown key '{}' in {}", entry.key, m_what));
    }
}

const Node* Fields::get(std::string_view key, bool required) {
    if (!m_valid) {
        return nullptr;
    }
    const Node* value = m_node.find(key);
    if (value != nullptr && value->kind == Node::Kind::null) {
        value = nullptr;
    }
    if (value == nullptr && required) {
        m_problems.add(m_node.mark, fmt::format("missing '{}' in {}", key, m_what));
    }
    return value;
}

std::string Fields::text(std::string_view key, bool required) {
    const Node* value = get(key, required);
    if (value == nullptr) {
        return {};
    }
    return read_text(*value, m_problems).value_or(std::string());
}

std::optional<long> Fields::integer(std::string_view key, long min, long max, bool required) {
    const Node* value = get(key, required);
    return value == nullptr ? std::nullopt : read_integer(*value, min, max, m_problems);
}

std::optional<double> Fields::positive_number(std::string_view key, double max, bool required) {
    const Node* value = get(key, required);
    return value == nullptr ? std::nullopt : read_positive_number(*value, max, m_problems);
}

bool Fields::flag(std::string_view key, bool fallback) {
    const Node* value = get(key, false);
    return value == nullptr ? fallback : read_bool(*value, m_problems).value_or(fallback);
}

std::vector<std::string> Fields::texts(std::string_view key, bool required) {
    const Node* value = get(key, required);
    return value == nullptr ? std::vector<std::string>{} : read_texts(*value, m_problems);
}

}  // namespace apigap::detail
