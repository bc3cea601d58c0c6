// UTF-8 checks and byte-offset to line:column mapping shared by the parsers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "apigap/error.hpp"

namespace apigap::detail {

/// Whether `c` is a UTF-8 continuation byte (`10xxxxxx`): not where a character starts.
[[nodiscard]] constexpr bool is_utf8_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

/// The length of the control character at byte `i` of `text` (C0, DEL: 1; C1, U+0080 to U+009F, as `C2 80`..`C2 9F`:
/// 2), or 0 when there is none: what a terminal would act on rather than show.
[[nodiscard]] constexpr std::size_t control_length(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7F) {
        return 1;
    }
    if (byte == 0xC2 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        return next >= 0x80 && next < 0xA0 ? 2 : 0;
    }
    return 0;
}

/// The length of the valid UTF-8 sequence at byte `i` of `text`, or 0 when
/// it is invalid (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// For an invalid sequence at byte `i`: how many bytes one U+FFFD replaces
/// (the maximal subpart, as Unicode recommends), at least 1.
[[nodiscard]] std::size_t utf8_invalid_length(std::string_view text, std::size_t i);

/// The byte offset of the first invalid UTF-8 sequence in `text`, if any.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// `text` with each invalid UTF-8 sequence replaced by U+FFFD (its maximal subpart, `utf8_invalid_length`), the
/// first of them at byte `first_bad` (`find_invalid_utf8`).
[[nodiscard]] std::string replace_invalid_utf8(std::string_view text, std::size_t first_bad);

/// Appends code point `code` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(std::string& out, std::uint32_t code);

/// A 1-based line and column (in code points) that moves forward through a
/// text, so that marks in document order cost one pass in all.
struct TextPosition {
    std::size_t offset = 0;  ///< the byte `line` and `column` stand at
    int line = 1;
    int column = 1;

    /// Moves to byte `target` of `text` (or its end); never backwards.
    void advance(std::string_view text, std::size_t target);
};

/// The 1-based line and column (in code points) of byte `offset` in `text`.
[[nodiscard]] Location location_of(std::string_view text, std::size_t offset, std::string_view source);

/// Throws `Error` at the first invalid UTF-8 byte of `text`.
void require_utf8(std::string_view text, std::string_view source);

}  // namespace apigap::detail
