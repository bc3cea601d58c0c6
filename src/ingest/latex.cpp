// LaTeX resumes: the text of the document body, with sectioning commands as
// headings, `\item` as lines and formatting macros unwrapped to their text.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "ingest/extractors.hpp"
#include "ingest/latex_commands.hpp"
#include "ingest/latex_cursor.hpp"
#include "ingest/text_lines.hpp"

namespace apigap::ingest_detail {

namespace {

/// The longest parameter text (`#1#2`) read between `\def\name` and its body.
constexpr std::size_t k_max_parameter_text = 64;

/// The characters `LatexReader::step` reads one by one, by byte.
constexpr std::array<bool, 256> k_special = [] {
    std::array<bool, 256> special{};
    for (const char c : std::string_view("\\%{}]\n~ \t\r\f$^_&-`'")) {
        special[static_cast<unsigned char>(c)] = true;
    }
    return special;
}();

/// `text` in Unicode normalisation form C: "e" and U+0301 become "é".
std::string composed(const std::string& text) {
    utf8proc_uint8_t* result = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
    if (result == nullptr) {
        return text;
    }
    std::string out(reinterpret_cast<const char*>(result));
    std::free(result);  // NOLINT(cppcoreguidelines-no-malloc): utf8proc allocates with malloc
    return out;
}

/// An open group: `{…}` or an `\item[…]` label.
struct Frame {
    char closer = '}';
    bool argument = false;  ///< a command's argument: line breaks in it are spaces
    bool heading = false;   ///< a sectioning command's title
    bool label = false;     ///< an `\item[…]` label: a space follows it
    bool greedy = false;    ///< an unknown command's: a `{…}` right after it is one more argument
    std::string_view rest;  ///< the arguments still to read after this one
};

/// Reads the body of a LaTeX document into lines.
class LatexReader : private LatexCursor {
public:
    LatexReader(std::string_view tex, ResumeDocument& document) : LatexCursor(tex), m_out(document) {}

    void read() {
        start_at_body();
        while (!m_done && m_pos < m_tex.size()) {
            step();
        }
        m_out.flush();
    }

private:
    /// One token of the body.
    void step() {
        const char c = m_tex[m_pos];
        switch (c) {
        case '\\':
            command();
            return;
        case '%':
            advance_to(std::min(m_tex.find('\n', m_pos), m_tex.size()));
            return;
        case '{':
            ++m_pos;
            push(Frame{});
            return;
        case '}':
            ++m_pos;
            close('}');
            return;
        case ']':
            ++m_pos;
            if (!m_frames.empty() && m_frames.back().closer == ']') {
                close(']');
            } else {
                m_out.append("]", m_line);
            }
            return;
        case '\n':
            ++m_pos;
            ++m_line;
            if (m_arguments > 0) {
                m_out.space();
            } else {
                m_out.flush();
            }
            return;
        case '~':
        case ' ':
        case '\t':
        case '\r':
        case '\f':
            ++m_pos;
            m_out.space();
            return;
        case '$':
        case '^':
        case '_':
            ++m_pos;  // math shifts, super- and subscripts
            return;
        case '&':
            ++m_pos;
            m_out.separate();  // a table cell
            return;
        case '-': {
            std::size_t dashes = 1;
            while (dashes < 3 && m_pos + dashes < m_tex.size() && m_tex[m_pos + dashes] == '-') {
                ++dashes;
            }
            m_out.append(dashes == 3 ? "\u2014" : dashes == 2 ? "\u2013" : "-", m_line);
            m_pos += dashes;
            return;
        }
        case '`':
        case '\'': {
            const bool pair = m_pos + 1 < m_tex.size() && m_tex[m_pos + 1] == c;
            m_out.append(pair ? (c == '`' ? "\u201c" : "\u201d") : (c == '`' ? "\u2018" : "'"), m_line);
            m_pos += pair ? 2 : 1;
            return;
        }
        default:
            break;
        }
        std::size_t end = m_pos + 1;  // text, up to the next character the cases above read
        while (end < m_tex.size() && !k_special[static_cast<unsigned char>(m_tex[end])]) {
            ++end;
        }
        m_out.append(m_tex.substr(m_pos, end - m_pos), m_line);
        m_pos = end;
    }

    /// Ends the innermost group with `closer`, and goes on with the command it belonged to.
    void close(char closer) {
        while (!m_frames.empty() && m_frames.back().closer != closer) {
            pop();  // an `\item[` left open
        }
        if (m_frames.empty()) {
            return;  // a stray closer
        }
        const Frame frame = pop();
        if (frame.label) {
            m_out.space();
        }
        if (frame.greedy) {
            if (const std::size_t open = next_is('{'); open != k_none) {
                advance_to(open + 1);
                m_out.separate();
                push(Frame{'}', true, false, false, true, {}});
            }
            return;
        }
        arguments(frame.rest, false);
    }

    void push(const Frame& frame) {
        m_arguments += frame.argument ? 1 : 0;
        m_frames.push_back(frame);
    }

    Frame pop() {
        const Frame frame = m_frames.back();
        m_frames.pop_back();
        m_arguments -= frame.argument ? 1 : 0;
        if (frame.heading) {
            m_out.flush();
            m_out.set_heading(false);
        }
        return frame;
    }

    /// Reads the arguments `pattern` describes (see `Command`); stops at the
    /// first kept one, which `close` resumes after.
    void arguments(std::string_view pattern, bool heading) {
        for (std::size_t index = 0; index < pattern.size(); ++index) {
            const char kind = pattern[index];
            const std::size_t open = next_is(kind == 'o' ? '[' : '{');
            if (open == k_none) {
                if (kind == 'n' && next_is('\\') != k_none) {
                    advance_to(next_is('\\') + 1);
                    command_name();
                }
                continue;
            }
            if (kind == 'k') {
                advance_to(open + 1);
                if (heading) {
                    m_out.flush();
                    m_out.set_heading(true);
                }
                push(Frame{'}', true, heading, false, false, pattern.substr(index + 1)});
                return;
            }
            const std::size_t end = kind == 'o' ? group_end(open, '[', ']') : group_end(open, '{', '}', kind == 'v');
            if (kind == 'v') {
                m_out.append(m_tex.substr(open + 1, end - open - 2), m_line);
            }
            advance_to(end);
        }
    }

    /// A backslash and what follows it.
    void command() {
        ++m_pos;
        if (m_pos >= m_tex.size()) {
            return;
        }
        const char c = m_tex[m_pos];
        if (!is_letter(c)) {
            ++m_pos;
            control_symbol(c);
            return;
        }
        const std::string_view name = command_name();
        if (name.size() == 1 &&
            std::any_of(k_accents.begin(), k_accents.end(),
                        [&](const Accent& accent) { return accent.command == name[0]; }) &&
            m_pos < m_tex.size() && (m_tex[m_pos] == '{' || m_tex[m_pos] == ' ')) {
            accent(name[0]);
        } else if (name == "item") {
            m_out.flush();
            m_out.strip_bullet_at_flush();
            if (const std::size_t open = next_is('['); open != k_none) {
                advance_to(open + 1);
                push(Frame{']', true, false, true, false, {}});
            }
        } else if (name == "begin" || name == "end") {
            environment(name == "begin");
        } else if (name == "verb") {
            verbatim();
        } else if (const std::optional<bool> on = name == "iffalse" ? std::optional<bool>(false) : switch_test(name);
                   (on && !*on) || name == "else") {
            // `\iffalse…\fi` is how LaTeX authors comment out a block, as is a `\newif` switch that is off (`\ifdraft`
            // after `\draftfalse`); after a branch that was read, `\else…\fi` is not.
            advance_to(conditional_end(m_pos, name != "else"));
        } else if (on || set_switch(name)) {
            // A switch that is on, whose branch is read; or a switch set in the body, for the tests after it.
        } else if (name == "def" || name == "let") {
            definition(name == "def");
        } else if (std::find(k_breaks.begin(), k_breaks.end(), name) != k_breaks.end()) {
            m_out.flush();
        } else if (std::find(k_heading_commands.begin(), k_heading_commands.end(), name) != k_heading_commands.end()) {
            arguments("ok", true);
        } else if (const Symbol* symbol = find_by_name(k_symbols_by_name, name); symbol != nullptr) {
            m_out.append(symbol->text, m_line);
            if (m_pos + 1 < m_tex.size() && m_tex[m_pos] == '{' && m_tex[m_pos + 1] == '}') {
                m_pos += 2;  // "\LaTeX{}"
            } else if (name.size() <= 2 && is_letter(name[0]) && name != "to") {
                skip_spaces();  // a letter inside a word: "Stra\ss e" is "Straße", as TeX reads it
            }
        } else if (const Command* known = find_by_name(k_commands_by_name, name); known != nullptr) {
            arguments(known->arguments, false);
        } else {
            unknown_command();
        }
    }

    /// A backslash and a character that is not a letter: `\\`, `\&`, `\'`, …
    void control_symbol(char c) {
        switch (c) {
        case '\\':
            m_out.flush();
            if (m_pos < m_tex.size() && m_tex[m_pos] == '*') {
                ++m_pos;
            }
            if (const std::size_t open = next_is('['); open == m_pos) {
                advance_to(group_end(open, '[', ']'));
            }
            return;
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
            m_out.append(std::string_view(&c, 1), m_line);
            return;
        case ' ':
        case ',':
        case ';':
        case ':':
        case '>':
            m_out.space();
            return;
        case '\n':
            --m_pos;  // a control space; the line break is read next
            m_out.space();
            return;
        default:
            break;
        }
        if (std::any_of(k_accents.begin(), k_accents.end(),
                        [&](const Accent& accent) { return accent.command == c; })) {
            accent(c);
        }
        // `\!`, `\/`, `\-`, `\@`, `\[`, `\]`, `\(`, `\)`: nothing to read.
    }

    /// The letter after an accent command (`\'e`, `\'{e}`, `\c{c}`, `\"{\i}`), with its accent.
    void accent(char command) {
        while (m_pos < m_tex.size() && m_tex[m_pos] == ' ') {
            ++m_pos;
        }
        const bool braced = m_pos < m_tex.size() && m_tex[m_pos] == '{';
        m_pos += braced ? 1 : 0;
        std::string base;
        if (m_tex.substr(m_pos, 2) == "\\i" || m_tex.substr(m_pos, 2) == "\\j") {
            base = m_tex[m_pos + 1];
            m_pos += 2;
            skip_spaces();
        } else if (m_pos < m_tex.size() && m_tex[m_pos] != '}') {
            base = m_tex[m_pos++];
        }
        if (braced && m_pos < m_tex.size() && m_tex[m_pos] == '}') {
            ++m_pos;
        }
        const auto* mark = std::find_if(k_accents.begin(), k_accents.end(),
                                        [&](const Accent& known) { return known.command == command; });
        m_out.append(is_letter(base.empty() ? ' ' : base[0]) ? composed(base + std::string(mark->mark)) : base, m_line);
    }

    /// `\begin{name}` or `\end{name}`.
    void environment(bool begin) {
        const std::size_t open = next_is('{');
        if (open == k_none) {
            return;
        }
        const std::size_t end = group_end(open, '{', '}');
        const std::string_view name = m_tex.substr(open + 1, end - open - 2);
        advance_to(end);
        m_out.flush();
        if (!begin) {
            m_done = name == "document";
            return;
        }
        if (std::find(k_hidden_environments.begin(), k_hidden_environments.end(), name) !=
            k_hidden_environments.end()) {
            const std::size_t close = m_tex.find("\\end{" + std::string(name) + "}", m_pos);
            advance_to(close == k_none ? m_tex.size() : close);
            return;
        }
        const auto* known = std::find_if(k_environments.begin(), k_environments.end(),
                                         [&](const Environment& environment) { return environment.name == name; });
        if (known != k_environments.end()) {
            arguments(known->arguments, false);
        } else {
            unknown_command();  // a template's own: "\begin{job}{Title}{Jan 2020 -- Present}" reads as cells
        }
    }

    /// `\verb|text|`: the text as it is.
    void verbatim() {
        if (m_pos >= m_tex.size()) {
            return;
        }
        const char delimiter = m_tex[m_pos];
        const std::size_t end = m_tex.find_first_of(std::string{delimiter, '\n'}, m_pos + 1);
        const std::size_t stop = end == k_none ? m_tex.size() : end;
        m_out.append(m_tex.substr(m_pos + 1, stop - m_pos - 1), m_line);
        m_pos = stop < m_tex.size() && m_tex[stop] == delimiter ? stop + 1 : stop;
    }

    /// `\def\name#1{body}` or `\let\name\other`: dropped.
    void definition(bool def) {
        if (const std::size_t slash = next_is('\\'); slash != k_none) {
            advance_to(slash + 1);
            command_name();
        }
        if (def) {
            const std::size_t open = m_tex.substr(0, m_pos + k_max_parameter_text).find_first_of("{\n", m_pos);
            if (open != k_none && m_tex[open] == '{') {
                advance_to(group_end(open, '{', '}'));
            }
        } else if (const std::size_t slash = m_tex.find_first_of("\\\n", m_pos);
                   slash != k_none && m_tex[slash] == '\\') {
            advance_to(slash + 1);
            command_name();
        }
    }

    /// A command apigap does not know: its `[…]` dropped, the text of its
    /// `{…}` arguments kept and joined with " | ", or a space when it has none.
    void unknown_command() {
        if (const std::size_t open = next_is('['); open != k_none) {
            advance_to(group_end(open, '[', ']'));
        }
        if (const std::size_t open = next_is('{'); open != k_none) {
            advance_to(open + 1);
            push(Frame{'}', true, false, false, true, {}});
        } else {
            m_out.space();
        }
    }

    LineBuilder m_out;
    std::vector<Frame> m_frames;
    int m_arguments = 0;  ///< the open frames that are arguments
    bool m_done = false;
};

}  // namespace

ResumeDocument extract_latex(std::string_view bytes, std::string_view source, ResumeDocument recycled) {
    ResumeDocument document = new_document(source, InputFormat::latex, std::move(recycled));
    LatexReader(bytes, document).read();
    require_text(document);
    return document;
}

}  // namespace apigap::ingest_detail
