// The lines and scalars of the fast block-style YAML reader (block_yaml.cpp):
// each scalar read exactly as yaml-cpp 0.7's scanner reads it, or declined.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace apigap::detail {

/// One line of a YAML text, without its line break (`\n` or `\r\n`).
struct YamlLine {
    std::string_view text;
    int number = 0;          ///< 0-based
    std::size_t indent = 0;  ///< leading spaces: `text.size()` for a blank line
    bool has_break = false;  ///< false for a last line that ends the text without one
};

/// Gives the lines of a text one by one; `put_back` gives the last one again.
class YamlLineReader {
public:
    explicit YamlLineReader(std::string_view text) : m_text(text) {}

    /// The next line, or nullopt after the last (a text ending in a line break has no empty line after it).
    std::optional<YamlLine> next();
    /// Makes `next` give the line it gave last once more.
    void put_back() { m_put_back = true; }

private:
    std::string_view m_text;
    std::size_t m_start = 0;
    YamlLine m_last;
    bool m_put_back = false;
};

/// Whether a plain scalar may start at byte `i` of `line` in block context, as yaml-cpp decides it.
[[nodiscard]] bool starts_yaml_plain_scalar(std::string_view line, std::size_t i);

/// Where a plain scalar stops on a line: at `: ` or a final `:` (it is then a
/// key), at ` #` (a comment follows) or at the line end.
struct YamlPlainEnd {
    std::size_t end = 0;   ///< the byte after its last non-space byte
    std::size_t stop = 0;  ///< the colon, the space before `#`, or the line's size
    bool at_colon = false;
};

/// Where the plain scalar that starts at byte `i` of `line` stops on it.
[[nodiscard]] YamlPlainEnd scan_yaml_plain_scalar(std::string_view line, std::size_t i);

/// Folds into `value` the lines after a plain scalar that go on with it (at
/// `indent` spaces or more, yaml-cpp's indent: one past its block's column),
/// as yaml-cpp folds them; false when one holds `: `, which yaml-cpp refuses.
[[nodiscard]] bool continue_yaml_plain_scalar(YamlLineReader& lines, std::size_t indent, std::string& value);

/// A quoted scalar: its value, and where its closing quote left the reader.
struct YamlQuotedScalar {
    std::string value;
    YamlLine last;        ///< the line of the closing quote
    std::size_t end = 0;  ///< the byte after the closing quote on `last`
};

/// The single- or double-quoted scalar at byte `at` of `line`, read to its
/// closing quote over as many lines as it takes, each one after the first
/// indented more than `parent_column`; nullopt for an escape other than those
/// of YAML 1.2 that yaml-cpp reads alike, an escaped line break, a document
/// marker or the end of the text inside it.
[[nodiscard]] std::optional<YamlQuotedScalar> read_yaml_quoted_scalar(YamlLineReader& lines, const YamlLine& line,
                                                                      std::size_t at, std::size_t parent_column);

/// The literal (`|`) or folded (`>`) block scalar whose header is at byte `at`
/// of `line`, in a block whose keys or dashes stand at `parent_column`, read
/// from the lines after it as yaml-cpp reads it; the line that ends it is put
/// back. Nullopt for an indentation indicator or anything after the header but a comment.
[[nodiscard]] std::optional<std::string> read_yaml_block_scalar(YamlLineReader& lines, const YamlLine& line,
                                                                std::size_t at, std::size_t parent_column);

}  // namespace apigap::detail
