// The only file that includes yaml-cpp: its event parser builds our `Node`
// tree directly, so aliases, depth, size and duplicate keys are checked as
// the document is read, before anything is expanded.
#include "document.hpp"

#include <algorithm>
#include <optional>
#include <sstream>
#include <utility>
#include <variant>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/emitter.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>
#include <nlohmann/json.hpp>

#include "block_yaml.hpp"
#include "node_builder.hpp"
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
    TreeBuilder(std::string_view text, std::shared_ptr<const std::string> source, std::vector<DuplicateKey>* duplicates)
        : m_text(text), m_source(std::move(source)), m_builder(duplicates) {
        m_line_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') {
                m_line_starts.push_back(i + 1);
            }
        }
    }

    Node take_root() { return m_builder.take_root(); }

    [[nodiscard]] Location locate(const YAML::Mark& mark) const { return to_mark(mark).location(); }

    void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        Node node;
        node.mark = to_mark(mark);
        m_builder.add(std::move(node));
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
        m_builder.add(std::move(node));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                         YAML::EmitterStyle::value /*style*/) override {
        m_builder.open(Node::Kind::sequence, to_mark(mark));
    }

    void OnSequenceEnd() override { m_builder.close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                    YAML::EmitterStyle::value /*style*/) override {
        m_builder.open(Node::Kind::mapping, to_mark(mark));
    }

    void OnMapEnd() override { m_builder.close(); }

private:
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
    NodeBuilder m_builder;
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

/// Whether `source` names a `.json` file, in any case.
bool has_json_extension(std::string_view source) {
    constexpr std::string_view k_extension = ".json";
    if (source.size() < k_extension.size()) {
        return false;
    }
    const std::string_view tail = source.substr(source.size() - k_extension.size());
    return std::equal(tail.begin(), tail.end(), k_extension.begin(),
                      [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// Throws `Error` at the first NUL byte of `text`: yaml-cpp reads one as the end of a string and reports what follows,
/// at a wrong place. Other control characters, which YAML does not allow either, it reads as text, as a resume pasted
/// from a PDF may need (a form feed).
void refuse_nul(std::string_view text, std::string_view source) {
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        throw Error(location_of(text, nul, source), "a NUL byte (U+0000) is not allowed in YAML");
    }
}

/// yaml-cpp's reading of `text`, which names `name`.
Node read_with_yaml_cpp(std::string_view text, const std::shared_ptr<const std::string>& name,
                        std::vector<DuplicateKey>* duplicates) {
    const std::string_view source = *name;
    refuse_nul(text, source);
    const std::string yaml(text);
    std::istringstream stream(yaml);
    TreeBuilder builder(yaml, name, duplicates);
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

/// Reads YAML: block-style text by the fast reader, anything it declines (or
/// in which its builder finds an error) by yaml-cpp from the start, so that the
/// tree and every message are yaml-cpp's.
Node parse_yaml(std::string_view text, std::string_view source, std::vector<DuplicateKey>* duplicates) {
    auto name = std::make_shared<const std::string>(source);
    const std::size_t known_duplicates = duplicates != nullptr ? duplicates->size() : 0;
    try {
        if (std::optional<Node> root = read_block_yaml(text, name, duplicates)) {
            return std::move(*root);
        }
    } catch (const Error&) {
        // yaml-cpp reads the same events up to here: it says what it finds first
    }
    if (duplicates != nullptr) {
        duplicates->resize(known_duplicates);
    }
    return read_with_yaml_cpp(text, name, duplicates);
}

/// Reads JSON or YAML as `parse_document` says; `duplicates` as `parse_json` says.
Node parse_any(std::string_view text, std::string_view source, std::vector<DuplicateKey>* duplicates) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    require_utf8(text, source);
    // JSON is read by the JSON parser: yaml-cpp refuses some valid JSON (escaped surrogate pairs, tabs). A `.json`
    // file is JSON or an error; other text is JSON when it parses as such, and YAML otherwise (`{a: 1}` is YAML).
    if (!is_blank(text)) {
        std::variant<Node, Diagnostic> json = parse_json(text, source, duplicates);
        if (Node* node = std::get_if<Node>(&json)) {
            return std::move(*node);
        }
        if (has_json_extension(source)) {
            throw Error(std::get<Diagnostic>(json));
        }
        if (duplicates != nullptr) {
            duplicates->clear();  // from the JSON reader's partial run
        }
    }
    return parse_yaml(text, source, duplicates);
}

}  // namespace

Node parse_yaml_with_yaml_cpp(std::string_view text, std::string_view source, std::vector<DuplicateKey>* duplicates) {
    return read_with_yaml_cpp(text, std::make_shared<const std::string>(source), duplicates);
}

Node parse_document(std::string_view text, std::string_view source) {
    return parse_any(text, source, nullptr);
}

LenientDocument parse_document_keeping_last(std::string_view text, std::string_view source) {
    LenientDocument document;
    document.root = parse_any(text, source, &document.duplicates);
    return document;
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
