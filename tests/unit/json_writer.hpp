// Random JSON documents for the tests of the fast JSON reader: every kind of
// value, escape, number and white space, keys drawn from a few so that some
// are given twice, and characters of one to four bytes before values.
#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace apigap::test {

/// Writes one random document a call, from a fixed seed.
class JsonWriter {
public:
    explicit JsonWriter(unsigned seed) : m_random(seed) {}

    /// A document of containers nested up to `depth` levels below the root.
    std::string document(int depth) {
        std::string out;
        space(out);
        value(out, depth);
        space(out);
        return out;
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }

    template <std::size_t N>
    std::string_view one_of(const std::string_view (&choices)[N]) {
        return choices[pick(N)];
    }

    void space(std::string& out) {
        static constexpr std::string_view k_spaces[] = {"",   "",       "",   " ",      "  ",
                                                        "\n", "\n    ", "\t", "\r\n  ", " \n\t\r "};
        out += one_of(k_spaces);
    }

    void value(std::string& out, int depth) {
        const std::size_t kind = pick(depth > 0 ? 9 : 6);
        if (kind == 0) {
            out += one_of(k_literals);
        } else if (kind <= 2) {
            number(out);
        } else if (kind <= 5) {
            string(out, 4);
        } else if (kind <= 7) {
            object(out, depth - 1);
        } else {
            array(out, depth - 1);
        }
    }

    void number(std::string& out) {
        static constexpr std::string_view k_wholes[] = {
            "0", "-0", "7", "-3", "12", "9007199254740993", "18446744073709551616", "-9223372036854775809"};
        static constexpr std::string_view k_fractions[] = {"", "", ".5", ".000", ".0125", ".99999999999999999999"};
        static constexpr std::string_view k_exponents[] = {"", "", "", "e0", "E+2", "e-7", "E-0400", "e99", "e+05"};
        out += one_of(k_wholes);
        out += one_of(k_fractions);
        out += one_of(k_exponents);
    }

    void string(std::string& out, std::size_t longest) {
        static constexpr std::string_view k_pieces[] = {"a",
                                                        "Senior",
                                                        " ",
                                                        "é",
                                                        "日本",
                                                        "😀",
                                                        "\\\"",
                                                        "\\\\",
                                                        "\\/",
                                                        "\\b",
                                                        "\\f",
                                                        "\\n",
                                                        "\\r",
                                                        "\\t",
                                                        "\\u0041",
                                                        "\\u00e9",
                                                        "\\u20AC",
                                                        "\\uD83D\\uDE00",
                                                        "\\u0000",
                                                        "\\uffff",
                                                        "\x7F",
                                                        "\\u001F",
                                                        "\\udbff\\udfff",
                                                        "C++",
                                                        "'",
                                                        "#",
                                                        "{[,:]}"};
        out += '"';
        for (std::size_t n = pick(longest + 1); n > 0; --n) {
            out += one_of(k_pieces);
        }
        out += '"';
    }

    void object(std::string& out, int depth) {
        static constexpr std::string_view k_keys[] = {"\"name\"",    "\"name\"", "\"skills\"", "\"é\"",
                                                      "\"\\u0061\"", "\"a\"",    "\"\"",       "\"日本\""};
        out += '{';
        for (std::size_t n = pick(5), i = 0; i < n; ++i) {
            out += i > 0 ? "," : "";
            space(out);
            if (pick(4) == 0) {
                string(out, 2);
            } else {
                out += one_of(k_keys);
            }
            space(out);
            out += ':';
            space(out);
            value(out, depth);
            space(out);
        }
        space(out);
        out += '}';
    }

    void array(std::string& out, int depth) {
        out += '[';
        for (std::size_t n = pick(5), i = 0; i < n; ++i) {
            out += i > 0 ? "," : "";
            space(out);
            value(out, depth);
            space(out);
        }
        space(out);
        out += ']';
    }

    static constexpr std::string_view k_literals[] = {"true", "false", "null"};

    std::mt19937 m_random;
};

/// `text` with one random edit: a byte removed, doubled or replaced by one
/// that JSON gives a meaning to (or that breaks it).
inline std::string edited(std::string text, std::mt19937& random) {
    static constexpr std::string_view k_bytes = "{}[],:\"\\ \n\t\r0-+.eEu1aDxn\x01\x80\xC3\xED\xF4";
    if (text.empty()) {
        return text;
    }
    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
    const char byte = k_bytes[std::uniform_int_distribution<std::size_t>(0, k_bytes.size() - 1)(random)];
    switch (std::uniform_int_distribution<int>(0, 3)(random)) {
    case 0:
        text.erase(at, 1);
        break;
    case 1:
        text.insert(at, 1, text[at]);
        break;
    case 2:
        text[at] = byte;
        break;
    default:
        text.insert(at, 1, byte);
        break;
    }
    return text;
}

}  // namespace apigap::test
