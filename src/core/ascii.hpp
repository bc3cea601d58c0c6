// ASCII character tests and case folding, inline: the resume rules run them
// on every byte, and the C library's locale-aware versions cost a call each
// (apigap never sets a locale, so they are ASCII-only anyway).
#pragma once

#include <string>
#include <string_view>

namespace apigap::detail {

[[nodiscard]] constexpr bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

[[nodiscard]] constexpr bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

[[nodiscard]] constexpr bool is_ascii_alnum(char c) {
    return is_ascii_alpha(c) || is_ascii_digit(c);
}

/// `c` with A–Z lowered; every other byte, UTF-8 included, unchanged.
[[nodiscard]] constexpr char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Whether `text` with A–Z lowered is `lower`, without a copy.
[[nodiscard]] constexpr bool equals_lowered(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (ascii_lower(text[i]) != lower[i]) {
            return false;
        }
    }
    return true;
}

/// `text` with A–Z lowered.
[[nodiscard]] inline std::string ascii_lowercase(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        c = ascii_lower(c);
    }
    return lower;
}

}  // namespace apigap::detail
