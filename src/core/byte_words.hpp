// Eight bytes of text at a time, in the bits of a 64-bit word: tests that would otherwise run over every byte of a
// line (normalizing it for matching, reading it for leadership words and numbers).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace apigap::detail::byte_words {

static_assert(std::endian::native == std::endian::little, "a word's first byte is its lowest");

inline constexpr std::uint64_t k_ones = 0x0101010101010101U;
inline constexpr std::uint64_t k_high_bits = 0x8080808080808080U;
inline constexpr std::uint64_t k_low_bits = 0x7F7F7F7F7F7F7F7FU;

/// The eight bytes of `text` from `i`, which it must have: the first in the lowest bits.
inline std::uint64_t load(std::string_view text, std::size_t i) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    return word;
}

/// The high bit of each byte of `word` set where it is not ASCII.
constexpr std::uint64_t not_ascii(std::uint64_t word) {
    return word & k_high_bits;
}

/// The high bit of each byte of `word` set where it is `least` (at most 0x80) or more; of a byte that is not ASCII,
/// always set.
constexpr std::uint64_t at_least(std::uint64_t word, unsigned least) {
    return ((word | k_high_bits) - least * k_ones) & k_high_bits;  // no byte borrows from the next
}

/// The high bit of each byte of `word` set where it is an ASCII digit.
constexpr std::uint64_t digits(std::uint64_t word) {
    return ~word & at_least(word, '0') & ~at_least(word, '9' + 1) & k_high_bits;
}

/// The high bit of each byte of `word` set where it is an ASCII letter.
constexpr std::uint64_t letters(std::uint64_t word) {
    const std::uint64_t lower = word | (0x20 * k_ones);
    return ~word & at_least(lower, 'a') & ~at_least(lower, 'z' + 1) & k_high_bits;
}

/// The high bit of each byte of `word` set where it is `byte`.
constexpr std::uint64_t equal_to(std::uint64_t word, unsigned char byte) {
    const std::uint64_t other = word ^ (byte * k_ones);
    return ~(((other & k_low_bits) + k_low_bits) | other) & k_high_bits;
}

/// How many bytes of `marks`, a mask of high bits as the functions above give, are marked: a multiply adds them
/// up in the top byte (`std::popcount` is a call to libgcc where the target has no POPCNT instruction).
constexpr int count_marked(std::uint64_t marks) {
    return static_cast<int>(((marks >> 7U) * k_ones) >> 56U);
}

}  // namespace apigap::detail::byte_words
