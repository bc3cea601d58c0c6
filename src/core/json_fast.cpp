// The fast JSON reader: one pass over the bytes, feeding the same
// `NodeBuilder` with the values, keys and marks that nlohmann's events and the
// token cursor of json_document.cpp give. It reads RFC 8259 as written:
// objects, arrays, strings with every escape (surrogate pairs joined), numbers
// of the grammar, `true`, `false` and `null`, between spaces, tabs, carriage
// returns and line feeds. It declines, for nlohmann to read and report,
// everything else: every syntax error, control characters and invalid UTF-8 in
// strings, lone surrogates, a number whose digits and exponent allow 10^308
// or more (nlohmann refuses one that overflows a double), a byte order mark,
// empty text, nesting deeper than `k_deepest_fast_json`, and a document in
// which `NodeBuilder` finds an error.
#include "json_fast.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "byte_words.hpp"
#include "node_builder.hpp"
#include "utf8.hpp"

namespace apigap::detail {

namespace {

/// Containers nested deeper than this are left to nlohmann, well before `NodeBuilder`'s limit.
constexpr int k_deepest_fast_json = k_max_depth / 2;

/// Numbers below 10 to this power are finite as doubles (the largest is about 1.8e308).
constexpr long k_fast_json_exponents = 308;

/// The value of the hex digit `c`, or -1.
int json_hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool is_json_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Reads one document into a `NodeBuilder`; a mark's line and column are
/// `TextPosition`'s, moved on from one mark to the next.
class FastJsonReader {
public:
    FastJsonReader(std::string_view text, std::shared_ptr<const std::string> source,
                   std::vector<DuplicateKey>* duplicates)
        : m_text(text), m_source(std::move(source)), m_builder(duplicates) {}

    /// Whether the whole text is one document and was read; the tree is then `take_root()`.
    bool read();
    [[nodiscard]] Node take_root() { return m_builder.take_root(); }

private:
    /// What reading a value did: a container that is not empty awaits its first value.
    enum class Step { declined, read, awaits_value };

    Step value();
    Step open(bool object, Mark mark);
    bool key();
    bool string(std::string& out);
    bool escape(std::string& out);
    bool hex_code(std::uint32_t& code);
    bool number();
    bool literal(std::string_view word);
    void skip_white_space();

    [[nodiscard]] Mark mark() {
        m_position.advance(m_text, m_pos);
        return Mark{m_source, m_position.line, m_position.column};
    }
    [[nodiscard]] bool at(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }

    std::string_view m_text;
    std::shared_ptr<const std::string> m_source;
    NodeBuilder m_builder;
    std::size_t m_pos = 0;    ///< the next byte to read
    TextPosition m_position;  ///< of the last mark
    int m_depth = 0;
    std::array<bool, k_deepest_fast_json> m_in_object{};  ///< for each open container, whether it is an object
};

bool FastJsonReader::read() {
    skip_white_space();
    Step step = value();
    while (step != Step::declined && m_depth > 0) {
        skip_white_space();
        if (step == Step::awaits_value) {
            step = value();
            continue;
        }
        // After a value: a comma, or the end of the innermost container.
        if (m_pos == m_text.size()) {
            return false;
        }
        const char c = m_text[m_pos++];
        const bool object = m_in_object[static_cast<std::size_t>(m_depth - 1)];
        if (c == ',') {
            skip_white_space();
            step = object && !key() ? Step::declined : Step::awaits_value;
        } else if (c == (object ? '}' : ']')) {
            m_builder.close();
            --m_depth;
        } else {
            return false;
        }
    }
    if (step == Step::declined) {
        return false;
    }
    skip_white_space();
    return m_pos == m_text.size();
}

FastJsonReader::Step FastJsonReader::value() {
    if (m_pos == m_text.size()) {
        return Step::declined;
    }
    Mark where = mark();
    const char c = m_text[m_pos];
    if (c == '{' || c == '[') {
        return open(c == '{', std::move(where));
    }
    if (c == '"') {
        std::string text;
        if (!string(text)) {
            return Step::declined;
        }
        m_builder.add(Node{Node::Kind::scalar, std::move(text), true, {}, {}, std::move(where)});
        return Step::read;
    }
    if (c == 'n') {
        if (!literal("null")) {
            return Step::declined;
        }
        m_builder.add(Node{Node::Kind::null, {}, false, {}, {}, std::move(where)});
        return Step::read;
    }
    // A number or boolean: a plain scalar of the token's own text.
    const std::size_t start = m_pos;
    if (!literal("true") && !literal("false") && !number()) {
        return Step::declined;
    }
    m_builder.add(
        Node{Node::Kind::scalar, std::string(m_text.substr(start, m_pos - start)), false, {}, {}, std::move(where)});
    return Step::read;
}

/// Opens the object or array whose bracket is at `m_pos`, and reads the first key of an object.
FastJsonReader::Step FastJsonReader::open(bool object, Mark mark) {
    if (m_depth == k_deepest_fast_json) {
        return Step::declined;
    }
    m_builder.open(object ? Node::Kind::mapping : Node::Kind::sequence, mark);
    ++m_pos;
    skip_white_space();
    if (at(object ? '}' : ']')) {
        ++m_pos;
        m_builder.close();
        return Step::read;
    }
    m_in_object[static_cast<std::size_t>(m_depth++)] = object;
    return object && !key() ? Step::declined : Step::awaits_value;
}

/// Reads a key and the colon after it.
bool FastJsonReader::key() {
    if (!at('"')) {
        return false;
    }
    Mark where = mark();
    std::string text;
    if (!string(text)) {
        return false;
    }
    m_builder.add(Node{Node::Kind::scalar, std::move(text), true, {}, {}, std::move(where)});
    skip_white_space();
    if (!at(':')) {
        return false;
    }
    ++m_pos;
    skip_white_space();
    return true;
}

/// Reads the string whose quote is at `m_pos` into `out`, unescaped; false on a control character or invalid UTF-8.
bool FastJsonReader::string(std::string& out) {
    std::size_t run = ++m_pos;  // the first byte not yet copied to `out`
    while (m_pos < m_text.size()) {
        // Eight bytes at a time to the next quote, backslash, control character or byte past ASCII.
        if (m_pos + 8 <= m_text.size()) {
            const std::uint64_t word = byte_words::load(m_text, m_pos);
            const std::uint64_t stops = (byte_words::equal_to(word, '"') | byte_words::equal_to(word, '\\') |
                                         ~byte_words::at_least(word, 0x20) | byte_words::not_ascii(word)) &
                                        byte_words::k_high_bits;
            if (stops == 0) {
                m_pos += 8;
                continue;
            }
            m_pos += static_cast<std::size_t>(std::countr_zero(stops)) / 8;
        }
        const auto c = static_cast<unsigned char>(m_text[m_pos]);
        if (c == '"') {
            out.append(m_text.data() + run, m_pos - run);
            ++m_pos;
            return true;
        }
        if (c == '\\') {
            out.append(m_text.data() + run, m_pos - run);
            if (!escape(out)) {
                return false;
            }
            run = m_pos;
        } else if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(m_text, m_pos);
            if (length == 0) {
                return false;
            }
            m_pos += length;
        } else if (c < 0x20) {
            return false;
        } else {
            ++m_pos;
        }
    }
    return false;
}

/// Appends the character that the escape at `m_pos` stands for; `\u` escapes
/// of a surrogate pair make one character, and a surrogate alone is declined.
bool FastJsonReader::escape(std::string& out) {
    if (m_pos + 1 == m_text.size()) {
        return false;
    }
    const char name = m_text[m_pos + 1];
    m_pos += 2;
    constexpr std::string_view k_names = "\"\\/bfnrt";
    constexpr std::string_view k_values = "\"\\/\b\f\n\r\t";
    if (const std::size_t which = k_names.find(name); which != std::string_view::npos) {
        out += k_values[which];
        return true;
    }
    std::uint32_t code = 0;
    if (name != 'u' || !hex_code(code) || (code >= 0xDC00 && code <= 0xDFFF)) {
        return false;
    }
    if (code >= 0xD800 && code <= 0xDBFF) {
        std::uint32_t low = 0;
        if (m_text.substr(m_pos, 2) != "\\u") {
            return false;
        }
        m_pos += 2;
        if (!hex_code(low) || low < 0xDC00 || low > 0xDFFF) {
            return false;
        }
        code = 0x10000 + ((code - 0xD800) << 10U) + (low - 0xDC00);
    }
    append_utf8(out, code);
    return true;
}

/// Reads the four hex digits of a `\u` escape.
bool FastJsonReader::hex_code(std::uint32_t& code) {
    if (m_text.size() - m_pos < 4) {
        return false;
    }
    for (const char c : m_text.substr(m_pos, 4)) {
        const int digit = json_hex_digit(c);
        if (digit < 0) {
            return false;
        }
        code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    m_pos += 4;
    return true;
}

/// Moves past a number of RFC 8259's grammar that is below 10^308 in size.
bool FastJsonReader::number() {
    std::size_t i = m_pos;
    const auto digits = [this, &i] {
        const std::size_t from = i;
        while (i < m_text.size() && is_json_digit(m_text[i])) {
            ++i;
        }
        return i - from;
    };
    const auto next_is = [this, &i](char c) { return i < m_text.size() && m_text[i] == c; };
    if (next_is('-')) {
        ++i;
    }
    std::size_t whole_digits = 1;
    if (next_is('0')) {
        ++i;
    } else {
        whole_digits = digits();
        if (whole_digits == 0) {
            return false;
        }
    }
    if (next_is('.')) {
        ++i;
        if (digits() == 0) {
            return false;
        }
    }
    long exponent = 0;
    if (next_is('e') || next_is('E')) {
        ++i;
        const bool negative = next_is('-');
        if (negative || next_is('+')) {
            ++i;
        }
        const std::size_t from = i;
        for (; i < m_text.size() && is_json_digit(m_text[i]); ++i) {
            exponent = std::min(exponent * 10 + (m_text[i] - '0'), 1'000'000L);
        }
        if (i == from) {
            return false;
        }
        exponent = negative ? -exponent : exponent;
    }
    if (static_cast<long>(std::min<std::size_t>(whole_digits, 1'000'000)) + exponent > k_fast_json_exponents) {
        return false;
    }
    m_pos = i;
    return true;
}

bool FastJsonReader::literal(std::string_view word) {
    if (m_text.substr(m_pos, word.size()) != word) {
        return false;
    }
    m_pos += word.size();
    return true;
}

void FastJsonReader::skip_white_space() {
    for (; m_pos < m_text.size(); ++m_pos) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            return;
        }
    }
}

}  // namespace

std::optional<Node> read_json_fast(std::string_view text, const std::shared_ptr<const std::string>& source,
                                   std::vector<DuplicateKey>* duplicates) {
    const std::size_t known_duplicates = duplicates != nullptr ? duplicates->size() : 0;
    try {
        FastJsonReader reader(text, source, duplicates);
        if (reader.read()) {
            return reader.take_root();
        }
    } catch (const Error&) {
        // A duplicate key (without a list) or a limit: nlohmann's run meets the same values and throws the same.
    }
    if (duplicates != nullptr) {
        duplicates->resize(known_duplicates);
    }
    return std::nullopt;
}

}  // namespace apigap::detail
