// Decoding terminal input: control bytes, CSI and SS3 arrow sequences, a lone Esc.
#include "key_decoder.hpp"

namespace apigap::cli {

namespace {

constexpr char k_esc = '\x1b';

/// The arrow key that ends a CSI or SS3 sequence with `final`, if any.
std::vector<Key> arrow(char final) {
    switch (final) {
    case 'A':
        return {Key::of(KeyKind::up)};
    case 'B':
        return {Key::of(KeyKind::down)};
    case 'C':
        return {Key::of(KeyKind::right)};
    case 'D':
        return {Key::of(KeyKind::left)};
    default:
        return {};
    }
}

void append(std::vector<Key>& keys, const std::vector<Key>& more) {
    keys.insert(keys.end(), more.begin(), more.end());
}

}  // namespace

std::vector<Key> KeyDecoder::feed(std::string_view bytes) {
    std::vector<Key> keys;
    for (const char byte : bytes) {
        switch (m_mode) {
        case Mode::ground:
            ground(byte, keys);
            break;
        case Mode::escape:
            if (byte == '[') {
                m_mode = Mode::csi;
            } else if (byte == 'O') {
                m_mode = Mode::ss3;
            } else if (byte == k_esc) {
                keys.push_back(Key::of(KeyKind::escape));  // Esc pressed twice; the second may start a sequence
            } else {
                keys.push_back(Key::of(KeyKind::escape));
                m_mode = Mode::ground;
                ground(byte, keys);
            }
            break;
        case Mode::csi:
            // Parameter and intermediate bytes (`1;5` in `ESC [ 1 ; 5 A`), then one final byte.
            if (byte >= 0x20 && byte <= 0x3f) {
                break;
            }
            m_mode = Mode::ground;
            if (byte >= 0x40 && byte <= 0x7e) {
                append(keys, arrow(byte));
            } else {
                ground(byte, keys);
            }
            break;
        case Mode::ss3:
            m_mode = Mode::ground;
            append(keys, arrow(byte));
            break;
        }
    }
    return keys;
}

std::vector<Key> KeyDecoder::flush() {
    const Mode mode = m_mode;
    m_mode = Mode::ground;
    if (mode == Mode::escape) {
        return {Key::of(KeyKind::escape)};
    }
    return {};
}

void KeyDecoder::ground(char byte, std::vector<Key>& keys) {
    const bool after_cr = m_after_cr;
    m_after_cr = false;
    switch (byte) {
    case k_esc:
        m_mode = Mode::escape;
        return;
    case '\r':
        m_after_cr = true;
        keys.push_back(Key::of(KeyKind::enter));
        return;
    case '\n':
        if (!after_cr) {
            keys.push_back(Key::of(KeyKind::enter));
        }
        return;
    case '\x7f':
    case '\b':
        keys.push_back(Key::of(KeyKind::backspace));
        return;
    case '\x15':
        keys.push_back(Key::of(KeyKind::clear_line));
        return;
    default:
        if (static_cast<unsigned char>(byte) >= 0x20) {
            keys.push_back(Key::typed(byte));
        }
        return;
    }
}

}  // namespace apigap::cli
