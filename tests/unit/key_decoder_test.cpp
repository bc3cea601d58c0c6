// Tests of decoding terminal bytes into keys (src/cli/key_decoder.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/key_decoder.hpp"

using apigap::Key;
using apigap::KeyKind;
using apigap::cli::KeyDecoder;

namespace {

/// The keys as a compact string: a character as itself, others in brackets.
std::string show(const std::vector<Key>& keys) {
    std::string out;
    for (const Key& key : keys) {
        switch (key.kind) {
        case KeyKind::character:
            out += key.byte;
            break;
        case KeyKind::enter:
            out += "<enter>";
            break;
        case KeyKind::backspace:
            out += "<bs>";
            break;
        case KeyKind::up:
            out += "<up>";
            break;
        case KeyKind::down:
            out += "<down>";
            break;
        case KeyKind::left:
            out += "<left>";
            break;
        case KeyKind::right:
            out += "<right>";
            break;
        case KeyKind::escape:
            out += "<esc>";
            break;
        case KeyKind::clear_line:
            out += "<clear>";
            break;
        }
    }
    return out;
}

std::string decode(std::string_view bytes) {
    KeyDecoder decoder;
    std::string out = show(decoder.feed(bytes));
    return out + show(decoder.flush());
}

}  // namespace

TEST_CASE("digits, letters and other printable bytes are characters", "[keys]") {
    CHECK(decode("01234bsq?yn") == "01234bsq?yn");
    CHECK(decode("\xc3\xa9") == "\xc3\xa9");
}

TEST_CASE("Enter is CR or LF, and CR LF is one Enter", "[keys]") {
    CHECK(decode("\r") == "<enter>");
    CHECK(decode("\n") == "<enter>");
    CHECK(decode("\r\n") == "<enter>");
    CHECK(decode("\n\n") == "<enter><enter>");
    CHECK(decode("\r\r\n") == "<enter><enter>");
    CHECK(decode("\ra\n") == "<enter>a<enter>");
}

TEST_CASE("Backspace is DEL or BS, Ctrl-U clears, other control bytes are dropped", "[keys]") {
    CHECK(decode("\x7f\b") == "<bs><bs>");
    CHECK(decode("\x15") == "<clear>");
    CHECK(decode(std::string("\x01\x04\t\x1a\x00", 5)) == "");
}

TEST_CASE("arrow keys arrive as CSI or SS3 sequences, with or without modifiers", "[keys]") {
    CHECK(decode("\x1b[A\x1b[B\x1b[C\x1b[D") == "<up><down><right><left>");
    CHECK(decode("\x1bOA\x1bOB") == "<up><down>");
    CHECK(decode("\x1b[1;5A") == "<up>");
}

TEST_CASE("other escape sequences are dropped whole", "[keys]") {
    CHECK(decode("\x1b[3~1") == "1");   // Delete
    CHECK(decode("\x1b[15~2") == "2");  // F5
    CHECK(decode("\x1bOP3") == "3");    // F1
}

TEST_CASE("a sequence split across reads is joined", "[keys]") {
    KeyDecoder decoder;
    CHECK(show(decoder.feed("1\x1b")) == "1");
    CHECK(decoder.pending());
    CHECK(show(decoder.feed("[")).empty());
    CHECK(decoder.pending());
    CHECK(show(decoder.feed("B2")) == "<down>2");
    CHECK_FALSE(decoder.pending());
}

TEST_CASE("a lone Esc is a key once flushed: an unfinished sequence is dropped", "[keys]") {
    KeyDecoder decoder;
    CHECK(show(decoder.feed("\x1b")).empty());
    CHECK(decoder.pending());
    CHECK(show(decoder.flush()) == "<esc>");
    CHECK_FALSE(decoder.pending());
    CHECK(show(decoder.flush()).empty());
    CHECK(show(decoder.feed("\x1b[1;")).empty());
    CHECK(show(decoder.flush()).empty());
    CHECK(show(decoder.feed("q")) == "q");
}

TEST_CASE("Esc followed by something that starts no sequence is Esc and then that key", "[keys]") {
    CHECK(decode("\x1bq") == "<esc>q");
    CHECK(decode("\x1b\x1b[A") == "<esc><up>");
    CHECK(decode("\x1b\r") == "<esc><enter>");
}

TEST_CASE("a control byte inside a CSI sequence ends it and counts on its own", "[keys]") {
    CHECK(decode("\x1b[\r") == "<enter>");
    CHECK(decode("\x1b[1\x1b[B") == "<down>");
}
