// The resume shapes of resume_shapes.hpp: items (headings, bullets, paragraphs) written in each format.
#include "resume_shapes.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace apigap::bench {

namespace {

enum class Kind { heading, subheading, bullet, paragraph };

struct Item {
    Kind kind = Kind::paragraph;
    std::string text;
};

constexpr std::string_view k_sentence = "Built REST APIs in Go with PostgreSQL and Kafka (2019 \u2013 2021). ";
constexpr std::array<std::string_view, 12> k_skills = {"Go",     "Python",     "PostgreSQL", "Kafka",
                                                       "Docker", "Kubernetes", "gRPC",       "GraphQL",
                                                       "Redis",  "Terraform",  "AWS",        "SQL"};
constexpr std::array<std::string_view, 6> k_verbs = {"Built",      "Designed",        "Led",
                                                     "Maintained", "Responsible for", "Migrated"};
constexpr std::array<std::string_view, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/// How many times a `line` resume of about `bytes` bytes repeats `k_sentence`, leaving room for the rest.
std::size_t repeats_for(std::size_t bytes) {
    return bytes > 1024 ? (bytes - 1024) / k_sentence.size() : 1;
}

/// Calls `take` with the items of `shape` until it returns false. A `line` resume's one long paragraph is
/// `k_sentence` repeated `repeats` times.
void for_each_item(Shape shape, std::size_t repeats, const std::function<bool(const Item&)>& take) {
    if (!take({Kind::paragraph, "Jane Doe"}) || !take({Kind::paragraph, "jane@example.com, +1 555 0100, Berlin"}) ||
        !take({Kind::heading, "Experience"})) {
        return;
    }
    if (shape == Shape::line) {
        std::string line;
        line.reserve(k_sentence.size() * repeats);
        for (std::size_t k = 0; k < repeats; ++k) {
            line += k_sentence;
        }
        take({Kind::paragraph, line});
        return;
    }
    for (std::size_t k = 0;; ++k) {
        if (shape == Shape::repeat) {
            if (!take({Kind::paragraph, "SQL"})) {
                return;
            }
            continue;
        }
        if (k % 7 == 0) {
            const std::size_t year = 1990 + k % 30;
            if (!take({Kind::subheading, "Backend Engineer, Company " + std::to_string(k) + " (" +
                                             std::string(k_months[k % 12]) + " " + std::to_string(year) + " - " +
                                             std::string(k_months[(k * 7) % 12]) + " " + std::to_string(year + 1) +
                                             ")"})) {
                return;
            }
        }
        const std::string bullet = std::string(k_verbs[k % k_verbs.size()]) + " " +
                                   std::string(k_skills[k % k_skills.size()]) + " services with " +
                                   std::string(k_skills[(3 * k + 5) % k_skills.size()]) + " and " +
                                   std::string(k_skills[(7 * k + 11) % k_skills.size()]) + ", cutting p99 latency by " +
                                   std::to_string(10 + k % 80) + " percent";
        if (!take({Kind::bullet, bullet})) {
            return;
        }
    }
}

/// How a markup format writes each kind of item: a prefix and a suffix around its text.
struct Markup {
    std::string_view head;
    std::string_view tail;
    std::array<std::pair<std::string_view, std::string_view>, 4> kinds;  ///< by `Kind`
};

constexpr Markup k_text{"", "", {{{"", "\n"}, {"", "\n"}, {"- ", "\n"}, {"", "\n"}}}};
constexpr Markup k_markdown{"", "", {{{"\n## ", "\n\n"}, {"\n### ", "\n\n"}, {"- ", "\n"}, {"", "\n\n"}}}};
constexpr Markup k_html{"<!DOCTYPE html>\n<html><body>\n",
                        "</body></html>\n",
                        {{{"<h2>", "</h2>\n"}, {"<h3>", "</h3>\n"}, {"<p>- ", "</p>\n"}, {"<p>", "</p>\n"}}}};
constexpr Markup k_latex{"\\documentclass{article}\n\\begin{document}\n",
                         "\\end{document}\n",
                         {{{"\\section{", "}\n"}, {"\\subsection{", "}\n"}, {"- ", "\n\n"}, {"", "\n\n"}}}};
constexpr Markup k_docx{
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    "</w:body></w:document>\n",
    {{{"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>", "</w:t></w:r></w:p>"},
      {"<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>", "</w:t></w:r></w:p>"},
      {"<w:p><w:r><w:t>", "</w:t></w:r></w:p>"},
      {"<w:p><w:r><w:t>", "</w:t></w:r></w:p>"}}}};

std::string write_markup(Shape shape, const Markup& markup, std::size_t bytes) {
    std::string out(markup.head);
    for_each_item(shape, repeats_for(bytes), [&](const Item& item) {
        const auto& [prefix, suffix] = markup.kinds[static_cast<std::size_t>(item.kind)];
        if (out.size() + prefix.size() + item.text.size() + suffix.size() + markup.tail.size() > bytes) {
            return false;
        }
        out += prefix;
        out += item.text;
        out += suffix;
        return true;
    });
    return out + std::string(markup.tail);
}

/// Walks the roles and bullets under the Experience heading of `shape` for a format of entries with highlights
/// (JSON Resume, RenderCV): `role(name)` opens an entry ("Acme" before the first role), `bullet(text)` adds a
/// highlight, while `size()` + the item stays under `bytes`. In the repeat shape each bullet is a sentence naming
/// SQL: a JSON or YAML document holds at most 200,000 values, which "SQL" alone would pass long before the cap.
void for_each_role(Shape shape, std::size_t bytes, const std::function<std::size_t()>& size,
                   const std::function<void(std::string_view)>& role,
                   const std::function<void(const std::string&)>& bullet) {
    bool experience = false;
    bool open = false;
    std::size_t reports = 0;
    for_each_item(shape, repeats_for(bytes), [&](const Item& item) {
        if (size() + item.text.size() + 128 > bytes) {
            return false;
        }
        if (item.kind == Kind::heading) {
            experience = true;
            return true;
        }
        if (!experience) {
            return true;
        }
        if (item.kind == Kind::subheading || !open) {
            role(item.kind == Kind::subheading ? std::string_view(item.text) : "Acme");
            open = true;
            if (item.kind == Kind::subheading) {
                return true;
            }
        }
        bullet(shape == Shape::repeat
                   ? "Wrote SQL for report " + std::to_string(++reports) + " of the billing team, every week"
                   : item.text);
        return true;
    });
}

/// A JSON Resume: the experience items as the highlights of `work` entries, one entry per role.
std::string write_json_resume(Shape shape, std::size_t bytes) {
    std::string work;
    bool in_entry = false;
    for_each_role(
        shape, bytes, [&] { return work.size(); },
        [&](std::string_view name) {
            work += std::string(work.empty() ? "" : "]},\n") + "{\"name\": \"" + std::string(name) +
                    "\", \"position\": \"Engineer\", \"highlights\": [";
            in_entry = false;
        },
        [&](const std::string& text) {
            work += std::string(in_entry ? ",\n" : "\n") + "\"" + text + "\"";
            in_entry = true;
        });
    return "{\"basics\": {\"name\": \"Jane Doe\", \"email\": \"jane@example.com\"},\n\"work\": [" + work + "]}]}\n";
}

/// A RenderCV file: the experience items as the highlights of experience entries, one entry per role (strings
/// double-quoted, as the items hold no quote).
std::string write_rendercv(Shape shape, std::size_t bytes) {
    std::string out = "cv:\n  name: Jane Doe\n  email: jane@example.com\n  sections:\n    experience:\n";
    for_each_role(
        shape, bytes, [&] { return out.size(); },
        [&](std::string_view name) {
            out += "      - company: \"" + std::string(name) + "\"\n        position: Engineer\n        highlights:\n";
        },
        [&](const std::string& text) { out += "          - \"" + text + "\"\n"; });
    return out;
}

void put16(std::string& out, std::uint32_t value) {
    out += static_cast<char>(value & 0xff);
    out += static_cast<char>((value >> 8) & 0xff);
}

void put32(std::string& out, std::uint32_t value) {
    put16(out, value & 0xffff);
    put16(out, value >> 16);
}

std::uint32_t crc32(std::string_view data) {
    std::uint32_t crc = 0xffffffff;
    for (const char c : data) {
        crc ^= static_cast<unsigned char>(c);
        for (int bit = 0; bit < 8; ++bit) {
            crc = (crc >> 1) ^ (0xedb88320U & (0U - (crc & 1U)));
        }
    }
    return ~crc;
}

/// A zip archive of `files` (name, content), stored without compression.
std::string write_zip(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string out;
    std::string directory;
    for (const auto& [name, content] : files) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(content);
        const auto size = static_cast<std::uint32_t>(content.size());
        const auto name_size = static_cast<std::uint32_t>(name.size());
        put32(out, 0x04034b50);
        for (const std::uint32_t field : {20U, 0U, 0U, 0U, 0x21U}) {  // version, flags, method, time, date
            put16(out, field);
        }
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, name_size);
        put16(out, 0);
        out += name;
        out += content;
        put32(directory, 0x02014b50);
        for (const std::uint32_t field : {20U, 20U, 0U, 0U, 0U, 0x21U}) {
            put16(directory, field);
        }
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        for (const std::uint32_t field : {name_size, 0U, 0U, 0U, 0U}) {
            put16(directory, field);
        }
        put32(directory, 0);
        put32(directory, offset);
        directory += name;
    }
    const auto directory_offset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    for (const std::uint32_t field :
         {0U, 0U, static_cast<std::uint32_t>(files.size()), static_cast<std::uint32_t>(files.size())}) {
        put16(out, field);
    }
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);
    return out;
}

/// A PDF of text pages, 45 lines a page, in Helvetica.
std::string write_pdf(Shape shape, std::size_t bytes) {
    std::vector<std::string> lines;
    std::size_t size = 2048;
    for_each_item(shape, repeats_for(bytes > 4096 ? bytes - 3072 : bytes), [&](const Item& item) {
        const std::size_t cost = item.text.size() + 40 + (lines.size() % 45 == 0 ? 200 : 0);
        if (size + cost > bytes) {
            return false;
        }
        lines.push_back(item.text);
        size += cost;
        return true;
    });
    // A page wide enough for the longest line: poppler drops the text past a page's edge.
    std::size_t width = 612;
    for (const std::string& line : lines) {
        width = std::max(width, 10 * line.size() + 144);
    }
    std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>", "",
                                     "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::string kids;
    std::size_t pages = 0;
    for (std::size_t first = 0; first < lines.size(); first += 45, ++pages) {
        std::string stream = "BT\n/F1 10 Tf\n72 760 Td\n";
        for (std::size_t k = first; k < lines.size() && k < first + 45; ++k) {
            stream += std::string(k > first ? "0 -16 Td " : "") + "(" + lines[k] + ") Tj\n";
        }
        stream += "ET";
        kids += std::to_string(objects.size() + 1) + " 0 R ";
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width) +
                          " 792] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(objects.size() + 2) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
    }
    objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>";
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t k = 0; k < objects.size(); ++k) {
        offsets.push_back(out.size());
        out += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        const std::string number = std::to_string(offset);
        out += std::string(10 - number.size(), '0') + number + " 00000 n \n";
    }
    return out + "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace

const char* to_string(Shape shape) {
    switch (shape) {
    case Shape::dense:
        return "dense";
    case Shape::line:
        return "line";
    case Shape::repeat:
        return "repeat";
    }
    return "dense";
}

std::string make_resume(Shape shape, InputFormat format, std::size_t bytes) {
    switch (format) {
    case InputFormat::text:
        return write_markup(shape, k_text, bytes);
    case InputFormat::markdown:
        return write_markup(shape, k_markdown, bytes);
    case InputFormat::html:
        return write_markup(shape, k_html, bytes);
    case InputFormat::latex:
        return write_markup(shape, k_latex, bytes);
    case InputFormat::json_resume:
        return write_json_resume(shape, bytes);
    case InputFormat::rendercv:
        return write_rendercv(shape, bytes);
    case InputFormat::docx:
        return write_zip(
            {{"[Content_Types].xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/"
              "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              "</Types>\n"},
             {"word/document.xml", write_markup(shape, k_docx, bytes)}});
    case InputFormat::pdf:
        return write_pdf(shape, bytes);
    }
    return {};
}

}  // namespace apigap::bench
