// The only file that includes yaml-cpp: its event parser builds our `Node`
// tree directly, so aliases, depth, size and duplicate keys are checked as
// the document is read, before anything is expanded.
#include "document.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <utility>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <nlohmann/json.hpp>

#include "utf8.hpp"

namespace apigap::detail {

Location Mark::location() const {
    return Location{source ? *source : std::string(), line, column};
}

const Node* Node::find(std::string_view key) const {
    for (const Entry& entry : entries) {
        if (entry.key == key) {
            return &entry.value;
        }
    }
    return nullptr;
}

Node* Node::find(std::string_view key) {
    return const_cast<Node*>(std::as_const(*this).find(key));
}

namespace {

/// Builds a `Node` tree from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, std::shared_ptr<const std::string> source)
        : m_text(text), m_source(std::move(source)) {
        m_line_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') {
                m_line_starts.push_back(i + 1);
            }
        }
    }

    Node take_root() { return std::move(m_root); }

    [[nodiscard]] Location locate(const YAML::Mark& mark) const { return to_mark(mark).location(); }

    void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        Node node;
        node.mark = to_mark(mark);
        add(std::move(node));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        fail(mark, "aliases (*name) are not supported; repeat the value instead");
    }

    void OnAnchor(const YAML::Mark& mark, const std::string& /*name*/) override {
        fail(mark, "anchors (&name) are not supported; repeat the value instead");
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                  const std::string& value) override {
        Node node;
        node.kind = Node::Kind::scalar;
        node.scalar = value;
        // "?" marks a plain scalar; "!" a quoted one; anything else an explicit tag (!!str).
        node.quoted = tag != "?";
        node.mark = to_mark(mark);
        add(std::move(node));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                         YAML::EmitterStyle::value /*style*/) override {
        open(mark, Node::Kind::sequence);
    }

    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                    YAML::EmitterStyle::value /*style*/) override {
        open(mark, Node::Kind::mapping);
    }

    void OnMapEnd() override { close(); }

private:
    /// A container being filled, and for a mapping the key awaiting its value.
    struct Frame {
        Node node;
        bool has_key = false;
        std::string key;
        detail::Mark key_mark;
        std::map<std::string, detail::Mark, std::less<>> keys;  ///< to find duplicates in O(log n)
    };

    /// yaml-cpp counts columns in bytes; messages count code points. Marks
    /// mostly arrive in order, so counting resumes from the previous mark on
    /// the same line: one pass over a long line, not one per value on it.
    detail::Mark to_mark(const YAML::Mark& mark) const {
        if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= m_line_starts.size() || mark.pos < 0) {
            return detail::Mark{m_source, mark.line + 1, mark.column + 1};
        }
        const auto pos = std::min(static_cast<std::size_t>(mark.pos), m_text.size());
        if (mark.line != m_cached.line || pos < m_cached.pos) {
            m_cached = {mark.line, m_line_starts[static_cast<std::size_t>(mark.line)], 1};
        }
        for (; m_cached.pos < pos; ++m_cached.pos) {
            m_cached.column += (static_cast<unsigned char>(m_text[m_cached.pos]) & 0xC0) != 0x80 ? 1 : 0;
        }
        return detail::Mark{m_source, mark.line + 1, m_cached.column};
    }

    [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
        throw Error(to_mark(mark).location(), message);
    }

    void count(const YAML::Mark& mark) {
        if (++m_nodes > k_max_nodes) {
            fail(mark, fmt::format("too many values (more than {})", k_max_nodes));
        }
    }

    void open(const YAML::Mark& mark, Node::Kind kind) {
        count(mark);
        if (m_stack.size() >= static_cast<std::size_t>(k_max_depth)) {
            fail(mark, fmt::format("nested too deeply (more than {} levels)", k_max_depth));
        }
        Frame frame;
        frame.node.kind = kind;
        frame.node.mark = to_mark(mark);
        m_stack.push_back(std::move(frame));
    }

    void close() {
        Node node = std::move(m_stack.back().node);
        m_stack.pop_back();
        add(std::move(node));
    }

    void add(Node node) {
        if (node.kind == Node::Kind::null || node.kind == Node::Kind::scalar) {
            ++m_nodes;
            if (m_nodes > k_max_nodes) {
                throw Error(node.mark.location(), fmt::format("too many values (more than {})", k_max_nodes));
            }
        }
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Frame& parent = m_stack.back();
        if (parent.node.kind == Node::Kind::sequence) {
            parent.node.items.push_back(std::move(node));
            return;
        }
        if (!parent.has_key) {
            if (node.kind != Node::Kind::scalar) {
                throw Error(node.mark.location(), "a mapping key must be a plain string");
            }
            if (const auto [first, inserted] = parent.keys.emplace(node.scalar, node.mark); !inserted) {
                throw Error(node.mark.location(), fmt::format("duplicate key '{}' (first defined at {}:{})",
                                                              node.scalar, first->second.line, first->second.column));
            }
            parent.key = std::move(node.scalar);
            parent.key_mark = node.mark;
            parent.has_key = true;
            return;
        }
        parent.node.entries.push_back(Entry{std::move(parent.key), parent.key_mark, std::move(node)});
        parent.has_key = false;
    }

    /// The last position converted by `to_mark`.
    struct Cursor {
        int line = -1;
        std::size_t pos = 0;
        int column = 1;
    };

    std::string_view m_text;
    std::vector<std::size_t> m_line_starts;
    mutable Cursor m_cached;
    std::shared_ptr<const std::string> m_source;
    std::vector<Frame> m_stack;
    Node m_root;
    std::size_t m_nodes = 0;
};

/// Ignores a second document's content: we only need to know where it starts.
class DocumentProbe : public YAML::EventHandler {
public:
    void OnDocumentStart(const YAML::Mark& mark) override { m_start = mark; }
    [[nodiscard]] const YAML::Mark& start() const { return m_start; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
    void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
    void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  const std::string& /*value*/) override {}
    void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                         YAML::EmitterStyle::value /*style*/) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                    YAML::EmitterStyle::value /*style*/) override {}
    void OnMapEnd() override {}

private:
    YAML::Mark m_start;
};

/// A SAX consumer that only enforces the depth limit while nlohmann checks syntax.
class JsonChecker : public nlohmann::json::json_sax_t {
public:
    bool null() override { return true; }
    bool boolean(bool /*val*/) override { return true; }
    bool number_integer(number_integer_t /*val*/) override { return true; }
    bool number_unsigned(number_unsigned_t /*val*/) override { return true; }
    bool number_float(number_float_t /*val*/, const string_t& /*s*/) override { return true; }
    bool string(string_t& /*val*/) override { return true; }
    bool binary(binary_t& /*val*/) override { return true; }
    bool start_object(std::size_t /*elements*/) override { return enter(); }
    bool key(string_t& /*val*/) override { return true; }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t /*elements*/) override { return enter(); }
    bool end_array() override { return leave(); }
    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::json::exception& ex) override {
        m_error_offset = position == 0 ? 0 : position - 1;
        m_error = ex.what();
        return false;
    }

    std::size_t m_error_offset = 0;
    std::string m_error;
    bool m_too_deep = false;

private:
    bool enter() {
        if (++m_depth > k_max_depth) {
            m_too_deep = true;
            return false;
        }
        return true;
    }
    bool leave() {
        --m_depth;
        return true;
    }

    int m_depth = 0;
};

/// nlohmann's messages start with "[json.exception.parse_error.101] parse
/// error at line 1, column 5: "; keep what follows.
std::string json_message(const std::string& what) {
    const auto column = what.find("column ");
    if (column != std::string::npos) {
        const auto colon = what.find(": ", column);
        if (colon != std::string::npos) {
            return what.substr(colon + 2);
        }
    }
    const auto bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

/// The offset of the bracket that opens level `k_max_depth + 1` of a JSON text.
std::size_t too_deep_offset(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > k_max_depth) {
                return i;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return 0;
}

void check_json(std::string_view text, std::string_view source) {
    JsonChecker checker;
    bool ok = false;
    try {
        ok = nlohmann::json::sax_parse(text.begin(), text.end(), &checker);
    } catch (const nlohmann::json::exception& ex) {
        throw Error(Location{std::string(source)}, json_message(ex.what()));
    }
    if (checker.m_too_deep) {
        throw Error(location_of(text, too_deep_offset(text), source),
                    fmt::format("nested too deeply (more than {} levels)", k_max_depth));
    }
    if (!ok) {
        throw Error(location_of(text, checker.m_error_offset, source), json_message(checker.m_error));
    }
}

bool looks_like_json(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

}  // namespace

Node parse_document(std::string_view text, std::string_view source) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    require_utf8(text, source);
    std::string yaml(text);
    if (looks_like_json(text)) {
        check_json(text, source);
        // Valid JSON has tabs only between tokens, where YAML wants spaces.
        std::replace(yaml.begin(), yaml.end(), '\t', ' ');
    }
    auto name = std::make_shared<const std::string>(source);
    std::istringstream stream(yaml);
    TreeBuilder builder(yaml, name);
    try {
        YAML::Parser parser(stream);
        if (!parser.HandleNextDocument(builder)) {
            return Node{Node::Kind::null, {}, false, {}, {}, detail::Mark{name, 1, 1}};
        }
        // Bounded on purpose: yaml-cpp can yield empty documents forever (",").
        DocumentProbe second;
        if (parser.HandleNextDocument(second)) {
            throw Error(builder.locate(second.start()), "expected one YAML document, found more ('---')");
        }
    } catch (const YAML::DeepRecursion& ex) {
        throw Error(Location{std::string(source), ex.mark.line + 1, ex.mark.column + 1}, "nested too deeply");
    } catch (const YAML::Exception& ex) {
        throw Error(Location{std::string(source), ex.mark.line + 1, ex.mark.column + 1}, ex.msg);
    }
    return builder.take_root();
}

namespace {

void emit(YAML::Emitter& out, const Node& node) {
    switch (node.kind) {
    case Node::Kind::null:
        out << YAML::Null;
        break;
    case Node::Kind::scalar:
        if (node.quoted) {
            out << YAML::DoubleQuoted << node.scalar;
        } else {
            out << node.scalar;
        }
        break;
    case Node::Kind::sequence:
        out << YAML::BeginSeq;
        for (const Node& item : node.items) {
            emit(out, item);
        }
        out << YAML::EndSeq;
        break;
    case Node::Kind::mapping:
        out << YAML::BeginMap;
        for (const Entry& entry : node.entries) {
            out << YAML::Key << entry.key << YAML::Value;
            emit(out, entry.value);
        }
        out << YAML::EndMap;
        break;
    }
}

nlohmann::ordered_json to_json(const Node& node) {
    switch (node.kind) {
    case Node::Kind::null:
        return nullptr;
    case Node::Kind::scalar: {
        if (node.quoted) {
            return node.scalar;
        }
        if (node.scalar == "true" || node.scalar == "false") {
            return node.scalar == "true";
        }
        const nlohmann::ordered_json number = nlohmann::ordered_json::parse(node.scalar, nullptr, false);
        return number.is_number() ? number : nlohmann::ordered_json(node.scalar);
    }
    case Node::Kind::sequence: {
        auto list = nlohmann::ordered_json::array();
        for (const Node& item : node.items) {
            list.push_back(to_json(item));
        }
        return list;
    }
    case Node::Kind::mapping: {
        auto object = nlohmann::ordered_json::object();
        for (const Entry& entry : node.entries) {
            object[entry.key] = to_json(entry.value);
        }
        return object;
    }
    }
    return nullptr;
}

}  // namespace

std::string emit_yaml(const Node& node) {
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetNullFormat(YAML::LowerNull);  // `null`, as people write it, rather than `~`
    emit(out, node);
    return std::string(out.c_str()) + "\n";
}

std::string emit_json(const Node& node) {
    return to_json(node).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace apigap::detail
