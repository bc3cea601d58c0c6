// Reading strict JSON (RFC 8259) with nlohmann/json's event parser into the
// neutral `Node` tree. nlohmann's events carry no position, so a cursor walks
// the same tokens beside it: each event is the next token of a text that
// nlohmann has checked up to there. The fast reader of json_fast.cpp is tried
// first; this path reads what it declines, so that every error is nlohmann's.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "document.hpp"
#include "json_fast.hpp"
#include "node_builder.hpp"
#include "utf8.hpp"

namespace apigap::detail {

namespace {

/// Whether `c` is white space or a separator between JSON tokens. (Compared, not looked up with `find` in a
/// string: that is a call to memchr for every byte of indentation.)
bool is_separator(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ',' || c == ':';
}

/// Whether `c` can be part of a number or of `true`, `false` or `null`.
bool is_literal_byte(char c) {
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'E' || c == 'e' || c == 'f' || c == 'l' ||
           c == 'a' || c == 'n' || c == 'r' || c == 's' || c == 't' || c == 'u';
}

/// Follows the tokens of checked JSON, and turns byte offsets into marks in
/// one pass (columns count code points, as YAML and UTF-8 errors do).
class TokenCursor {
public:
    TokenCursor(std::string_view text, std::shared_ptr<const std::string> source)
        : m_text(text), m_source(std::move(source)) {}

    /// The mark of the next token, which is one byte long (a bracket or brace).
    Mark punctuation() {
        Mark mark = next();
        ++m_pos;
        return mark;
    }

    /// A scalar token and where it starts.
    struct Token {
        Mark mark;
        std::string_view raw;
    };

    /// The next token, a string, number or literal.
    Token value() {
        const Mark mark = next();
        const std::size_t start = m_pos;
        if (m_text[m_pos] == '"') {
            for (++m_pos; m_pos < m_text.size() && m_text[m_pos] != '"'; ++m_pos) {
                if (m_text[m_pos] == '\\') {
                    ++m_pos;  // the escaped character
                }
            }
            ++m_pos;
        } else {
            while (m_pos < m_text.size() && is_literal_byte(m_text[m_pos])) {
                ++m_pos;
            }
        }
        return Token{mark, m_text.substr(start, m_pos - start)};
    }

    /// The location of byte `offset`.
    Location location(std::size_t offset) {
        if (offset < m_position.offset) {
            return location_of(m_text, offset, *m_source);
        }
        m_position.advance(m_text, offset);
        return Location{*m_source, m_position.line, m_position.column};
    }

private:
    /// Skips white space and separators to the next token.
    Mark next() {
        while (m_pos < m_text.size() && is_separator(m_text[m_pos])) {
            ++m_pos;
        }
        m_position.advance(m_text, m_pos);
        return Mark{m_source, m_position.line, m_position.column};
    }

    std::string_view m_text;
    std::shared_ptr<const std::string> m_source;
    std::size_t m_pos = 0;  ///< the next byte to tokenise
    TextPosition m_position;
};

/// Builds the tree from nlohmann's events; a syntax error is kept, not thrown.
class JsonTreeBuilder : public nlohmann::json::json_sax_t {
public:
    JsonTreeBuilder(std::string_view text, std::shared_ptr<const std::string> source,
                    std::vector<DuplicateKey>* duplicates)
        : m_cursor(text, std::move(source)), m_builder(duplicates) {}

    bool null() override {
        m_builder.add(Node{Node::Kind::null, {}, false, {}, {}, m_cursor.value().mark});
        return true;
    }
    bool boolean(bool /*val*/) override { return plain(); }
    bool number_integer(number_integer_t /*val*/) override { return plain(); }
    bool number_unsigned(number_unsigned_t /*val*/) override { return plain(); }
    bool number_float(number_float_t /*val*/, const string_t& /*s*/) override { return plain(); }
    bool string(string_t& val) override { return quoted(val); }
    bool key(string_t& val) override { return quoted(val); }
    bool binary(binary_t& /*val*/) override { return false; }  // never sent for JSON text
    bool start_object(std::size_t /*elements*/) override {
        m_builder.open(Node::Kind::mapping, m_cursor.punctuation());
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t /*elements*/) override {
        m_builder.open(Node::Kind::sequence, m_cursor.punctuation());
        return true;
    }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::json::exception& ex) override {
        m_error = Diagnostic{m_cursor.location(position == 0 ? 0 : position - 1), message_of(ex.what())};
        return false;
    }

    [[nodiscard]] Node take_root() { return m_builder.take_root(); }
    [[nodiscard]] const std::optional<Diagnostic>& error() const { return m_error; }

    /// nlohmann's messages start with "[json.exception.parse_error.101] parse
    /// error at line 1, column 5: "; keep what follows, with the token it
    /// quotes cut short (`shorten_last_read`).
    static std::string message_of(const std::string& what) {
        const auto column = what.find("column ");
        if (column != std::string::npos) {
            const auto colon = what.find(": ", column);
            if (colon != std::string::npos) {
                return shorten_last_read(what.substr(colon + 2));
            }
        }
        const auto bracket = what.find("] ");
        return shorten_last_read(bracket == std::string::npos ? what : what.substr(bracket + 2));
    }

    /// `message` with the token that its "last read: '…'" quotes cut to its first `k_quoted_bytes` bytes and an
    /// ellipsis: a string left open quotes the rest of the file, which may be megabytes.
    static std::string shorten_last_read(std::string message) {
        constexpr std::string_view k_last_read = "last read: '";
        constexpr std::size_t k_quoted_bytes = 40;
        const auto quote = message.find(k_last_read);
        if (quote == std::string::npos) {
            return message;
        }
        const std::size_t start = quote + k_last_read.size();
        std::size_t end = message.rfind("'; expected ");
        if (end == std::string::npos || end < start) {
            end = message.ends_with('\'') ? message.size() - 1 : std::string::npos;
        }
        if (end == std::string::npos || end - start <= k_quoted_bytes) {
            return message;
        }
        std::size_t cut = start + k_quoted_bytes;
        while (cut > start && (static_cast<unsigned char>(message[cut]) & 0xC0U) == 0x80U) {
            --cut;  // not inside a code point
        }
        return message.substr(0, cut) + "\u2026" + message.substr(end);
    }

private:
    /// A number or boolean: a plain scalar with the token's own text.
    bool plain() {
        const TokenCursor::Token token = m_cursor.value();
        m_builder.add(Node{Node::Kind::scalar, std::string(token.raw), false, {}, {}, token.mark});
        return true;
    }

    bool quoted(string_t& val) {
        m_builder.add(Node{Node::Kind::scalar, std::move(val), true, {}, {}, m_cursor.value().mark});
        return true;
    }

    bool close() {
        static_cast<void>(m_cursor.punctuation());
        m_builder.close();
        return true;
    }

    TokenCursor m_cursor;
    NodeBuilder m_builder;
    std::optional<Diagnostic> m_error;
};

}  // namespace

std::variant<Node, Diagnostic> parse_json_with_nlohmann(std::string_view text, std::string_view source,
                                                        std::vector<DuplicateKey>* duplicates) {
    // nlohmann takes a NUL byte for the end of the input, and would accept "1\0junk".
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        return Diagnostic{location_of(text, nul, source), "syntax error: unexpected NUL byte (U+0000)"};
    }
    JsonTreeBuilder builder(text, std::make_shared<const std::string>(source), duplicates);
    try {
        if (nlohmann::json::sax_parse(text.begin(), text.end(), &builder)) {
            return builder.take_root();
        }
    } catch (const nlohmann::json::exception& ex) {
        return Diagnostic{Location{std::string(source)}, JsonTreeBuilder::message_of(ex.what())};
    }
    if (builder.error()) {
        return *builder.error();
    }
    throw std::logic_error("the JSON reader stopped without an error");
}

std::variant<Node, Diagnostic> parse_json(std::string_view text, std::string_view source,
                                          std::vector<DuplicateKey>* duplicates) {
    if (std::optional<Node> root = read_json_fast(text, std::make_shared<const std::string>(source), duplicates)) {
        return std::move(*root);
    }
    return parse_json_with_nlohmann(text, source, duplicates);
}

}  // namespace apigap::detail
