// The fast reader of block-style YAML: one pass over the lines, feeding the
// same `NodeBuilder` with the events and marks yaml-cpp's parser would give.
// It reads block mappings and sequences (`- key: value` items and sequences at
// their key's column included), plain, single- and double-quoted scalars on
// one line or more, literal and folded block scalars, empty `[]` and `{}`,
// comments, blank lines, a first `---` and CRLF line ends. It declines, for
// yaml-cpp to read, everything else: flow collections with content, anchors,
// aliases, tags, `?` and quoted keys, directives, a second document or `...`,
// tabs and other control characters, a byte order mark, a value on the line
// below its key, `- - a`, a block scalar's indentation indicator, `\N`, `\_`
// and escaped line breaks, a document that is empty or one scalar, and every
// syntax error.
#include "block_yaml.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#include "block_yaml_scalars.hpp"
#include "node_builder.hpp"
#include "utf8.hpp"

namespace apigap::detail {

namespace {

/// Keys longer than this are not simple keys to yaml-cpp (1024 bytes): leave them to it.
constexpr std::size_t k_longest_block_key = 1000;

/// Whether byte `i` of `text` may be met by this reader: not a tab, another
/// control character or a lone carriage return, each of which yaml-cpp treats in ways of its own.
bool is_plain_byte(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    return (c >= 0x20 && c != 0x7F) || c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
}

/// Whether every byte of `text` is plain, and it opens with no byte order mark.
bool has_plain_bytes(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        return false;
    }
    constexpr std::uint64_t k_ones = 0x0101010101010101U;
    constexpr std::uint64_t k_highs = 0x8080808080808080U;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        // Eight bytes at a time: those among which one is below 0x20 or 0x7F are looked at one by one.
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        const std::uint64_t del = word ^ (0x7F * k_ones);
        if ((((word - 0x20 * k_ones) & ~word) | ((del - k_ones) & ~del)) & k_highs) {
            for (std::size_t j = i; j < i + 8; ++j) {
                if (!is_plain_byte(text, j)) {
                    return false;
                }
            }
        }
    }
    for (; i < text.size(); ++i) {
        if (!is_plain_byte(text, i)) {
            return false;
        }
    }
    return true;
}

/// Whether a `-` entry starts at `i` of `line`: a dash before a space or the line end.
bool is_block_entry(std::string_view line, std::size_t i) {
    return i < line.size() && line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ');
}

/// Whether nothing but spaces and a comment follows byte `k` of `line` (a
/// comment after at least one space: yaml-cpp would read `'a'#b` as a comment too, YAML does not).
bool only_comment_after(std::string_view line, std::size_t k) {
    const std::size_t next = line.find_first_not_of(' ', k);
    return next == std::string_view::npos || (line[next] == '#' && next > k);
}

/// Reads the lines one by one into a `NodeBuilder`, keeping the blocks open
/// around the current line, as yaml-cpp's scanner keeps its indents.
class BlockReader {
public:
    BlockReader(std::string_view text, std::shared_ptr<const std::string> source, std::vector<DuplicateKey>* duplicates)
        : m_text(text), m_lines(text), m_source(std::move(source)), m_builder(duplicates) {}

    /// Reads the whole text; false when it is not of the subset read here.
    bool read() {
        if (!has_plain_bytes(m_text)) {
            return false;
        }
        while (const std::optional<YamlLine> line = m_lines.next()) {
            if (line->indent == line->text.size() || line->text[line->indent] == '#') {
                continue;  // blank or a comment
            }
            if (!read_line(*line)) {
                return false;
            }
        }
        if (!m_started) {
            return false;  // nothing but comments: yaml-cpp says what that is
        }
        if (m_pending) {
            add_null(end_mark());
        }
        while (!m_open.empty()) {
            close_block();
        }
        return true;
    }

    Node take_root() { return m_builder.take_root(); }

private:
    /// A block mapping or sequence that is open, with the column of its keys or dashes (in bytes, from 0).
    struct Block {
        Node::Kind kind = Node::Kind::mapping;
        std::size_t column = 0;
    };

    bool read_line(const YamlLine& line) {
        const std::string_view text = line.text;
        const bool entry = is_block_entry(text, line.indent);
        if (line.indent == 0 && (text.substr(0, 3) == "---" || text.substr(0, 3) == "...")) {
            // A document start is read only as the first line, with nothing after it.
            if (m_started || m_seen_document_start || text.substr(0, 3) == "..." ||
                (text.size() > 3 && (text[3] != ' ' || !only_comment_after(text, 3)))) {
                return false;
            }
            m_seen_document_start = true;
            return true;
        }
        if (!m_started) {
            m_started = true;
            return open_block(line);
        }
        if (m_pending) {
            const Block& parent = m_open.back();
            m_pending = false;
            if (line.indent > parent.column ||
                (line.indent == parent.column && entry && parent.kind == Node::Kind::mapping)) {
                return open_block(line);  // the value is a block below its key or dash
            }
            add_null(mark(line, line.indent));
        }
        while (!m_open.empty() &&
               (m_open.back().column > line.indent ||
                (m_open.back().column == line.indent && m_open.back().kind == Node::Kind::sequence && !entry))) {
            close_block();
        }
        if (m_open.empty() || m_open.back().column != line.indent) {
            return false;  // after the document, or a line that would continue a scalar
        }
        if (m_open.back().kind == Node::Kind::sequence) {
            return read_entry(line, line.indent);
        }
        return !entry && read_key(line, line.indent);
    }

    /// Opens the mapping or sequence whose first key or dash starts `line`.
    bool open_block(const YamlLine& line) {
        const bool entry = is_block_entry(line.text, line.indent);
        const Node::Kind kind = entry ? Node::Kind::sequence : Node::Kind::mapping;
        m_builder.open(kind, mark(line, line.indent));
        m_open.push_back(Block{kind, line.indent});
        return entry ? read_entry(line, line.indent) : read_key(line, line.indent);
    }

    void close_block() {
        m_builder.close();
        m_open.pop_back();
    }

    /// Reads the `-` entry at `at`: a value on its line, a mapping that starts there, or one below it.
    bool read_entry(const YamlLine& line, std::size_t at) {
        const std::string_view text = line.text;
        const std::size_t k = std::min(text.find_first_not_of(' ', at + 1), text.size());
        if (k == text.size() || text[k] == '#') {
            m_pending = true;
            return true;
        }
        if (starts_yaml_plain_scalar(text, k) && scan_yaml_plain_scalar(text, k).at_colon) {
            m_builder.open(Node::Kind::mapping, mark(line, k));
            m_open.push_back(Block{Node::Kind::mapping, k});
            return read_key(line, k);
        }
        // yaml-cpp takes the value for a possible key, whose indent, one past it, a plain scalar's lines keep.
        return read_value(line, k, k + 1);
    }

    /// Reads the `key:` at `at` and the value after it, if any on this line.
    bool read_key(const YamlLine& line, std::size_t at) {
        const std::string_view text = line.text;
        if (!starts_yaml_plain_scalar(text, at)) {
            return false;
        }
        const YamlPlainEnd key = scan_yaml_plain_scalar(text, at);
        if (!key.at_colon || key.stop - at > k_longest_block_key) {
            return false;
        }
        add_scalar(std::string(text.substr(at, key.end - at)), false, mark(line, at));
        const std::size_t k = std::min(text.find_first_not_of(' ', key.stop + 1), text.size());
        if (k == text.size() || text[k] == '#') {
            m_pending = true;
            return true;
        }
        return read_value(line, k, m_open.back().column + 1);
    }

    /// Reads the scalar or empty flow collection at `at`, which ends its line
    /// (but for a comment) or goes on over the next ones; a plain scalar goes on
    /// over the lines indented `plain_indent` or more.
    bool read_value(const YamlLine& line, std::size_t at, std::size_t plain_indent) {
        const std::string_view text = line.text;
        const char c = text[at];
        if (c == '\'' || c == '"') {
            std::optional<YamlQuotedScalar> quoted = read_yaml_quoted_scalar(m_lines, line, at, m_open.back().column);
            if (!quoted || !only_comment_after(quoted->last.text, quoted->end)) {
                return false;
            }
            add_scalar(std::move(quoted->value), true, mark(line, at));
            return true;
        }
        if (c == '|' || c == '>') {
            std::optional<std::string> block = read_yaml_block_scalar(m_lines, line, at, m_open.back().column);
            if (!block) {
                return false;
            }
            add_scalar(std::move(*block), true, mark(line, at));
            return true;
        }
        if ((c == '[' || c == '{') && at + 1 < text.size() && text[at + 1] == (c == '[' ? ']' : '}')) {
            if (!only_comment_after(text, at + 2)) {
                return false;
            }
            m_builder.open(c == '[' ? Node::Kind::sequence : Node::Kind::mapping, mark(line, at));
            m_builder.close();
            return true;
        }
        if (!starts_yaml_plain_scalar(text, at)) {
            return false;
        }
        const YamlPlainEnd end = scan_yaml_plain_scalar(text, at);
        if (end.at_colon) {
            return false;  // `a: b: c`
        }
        std::string value(text.substr(at, end.end - at));
        if (end.stop == text.size() && line.has_break && !continue_yaml_plain_scalar(m_lines, plain_indent, value)) {
            return false;
        }
        add_scalar(std::move(value), false, mark(line, at));
        return true;
    }

    void add_scalar(std::string value, bool quoted, Mark at) {
        if (!quoted && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
            add_null(std::move(at));
            return;
        }
        Node node;
        node.kind = Node::Kind::scalar;
        node.scalar = std::move(value);
        node.quoted = quoted;
        node.mark = std::move(at);
        m_builder.add(std::move(node));
    }

    void add_null(Mark at) {
        Node node;
        node.mark = std::move(at);
        m_builder.add(std::move(node));
    }

    /// The mark of byte `at` of `line`: columns count code points, as `TreeBuilder` does.
    Mark mark(const YamlLine& line, std::size_t at) const {
        int column = 1;
        for (std::size_t i = 0; i < at; ++i) {
            column += is_utf8_continuation(line.text[i]) ? 0 : 1;
        }
        return Mark{m_source, line.number + 1, column};
    }

    /// Where yaml-cpp's scanner stands at the end of the text, the mark of a value missing there.
    Mark end_mark() const {
        const std::size_t last_break = m_text.rfind('\n');
        const std::size_t start = last_break == std::string_view::npos ? 0 : last_break + 1;
        const auto lines = static_cast<int>(std::count(m_text.begin(), m_text.end(), '\n'));
        return mark(YamlLine{m_text.substr(start), lines, 0, false}, m_text.size() - start);
    }

    std::string_view m_text;
    YamlLineReader m_lines;
    std::shared_ptr<const std::string> m_source;
    NodeBuilder m_builder;
    std::vector<Block> m_open;
    bool m_started = false;              ///< the first key or dash was read
    bool m_seen_document_start = false;  ///< a `---` line came first
    bool m_pending = false;              ///< the last key or dash awaits its value on a later line
};

}  // namespace

std::optional<Node> read_block_yaml(std::string_view text, const std::shared_ptr<const std::string>& source,
                                    std::vector<DuplicateKey>* duplicates) {
    BlockReader reader(text, source, duplicates);
    if (!reader.read()) {
        return std::nullopt;
    }
    return reader.take_root();
}

}  // namespace apigap::detail
