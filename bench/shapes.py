#!/usr/bin/env python3
"""Writes the large resume shapes of bench/big_inputs.sh, deterministically.

    python3 bench/shapes.py SHAPE FORMAT BYTES OUT

SHAPE is one of
  line    one line of `Built REST APIs in Go with PostgreSQL and Kafka (2019 – 2021). `
          repeated, under an Experience heading;
  dense   a keyword-dense resume: thousands of experience bullets that name
          several skills each, with numbers, leadership verbs, weak phrases and
          date ranges, and a skills list every 500 roles;
  repeat  one skill named on line after line ("SQL"), each a short paragraph
          (in JSON Resume a sentence, as a JSON document holds at most
          200,000 values).
FORMAT is text, markdown, html, latex, json (JSON Resume), rendercv (RenderCV YAML), docx or pdf. BYTES
bounds what apigap reads: the file for the text formats and PDF, the
uncompressed word/document.xml for DOCX (its own cap). Standard library only;
the same arguments always write the same bytes.
"""

import io
import json
import sys
import zipfile

SENTENCE = "Built REST APIs in Go with PostgreSQL and Kafka (2019 \u2013 2021). "
SKILLS = ["Go", "Python", "PostgreSQL", "Kafka", "Kubernetes", "Docker", "REST", "gRPC", "GraphQL", "OpenAPI",
          "Redis", "Terraform", "AWS", "SQL", "OAuth 2.0", "Java", "TypeScript", "Node.js", "RabbitMQ", "MongoDB"]
VERBS = ["Built", "Designed", "Led", "Maintained", "Responsible for", "Migrated", "Mentored engineers on", "Scaled"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def dense_items(index):
    """The items of the dense resume's block `index`: a role with its dates, then its bullets."""
    start = 1990 + index % 30
    role = "Backend Engineer, Company %d (%s %d - %s %d)" % (index, MONTHS[index % 12], start, MONTHS[(index * 7) % 12],
                                                            start + 1 + index % 3)
    items = [("subheading", role)]
    for bullet in range(6):
        k = index * 6 + bullet
        skill = [SKILLS[(k * step + offset) % len(SKILLS)] for step, offset in ((1, 0), (3, 5), (7, 11))]
        items.append(("bullet", "%s %s services with %s and %s, cutting p99 latency by %d percent for %dk users" %
                      (VERBS[k % len(VERBS)], skill[0], skill[1], skill[2], 10 + k % 80, 1 + k % 500)))
    return items


def items(shape):
    """The resume's items, forever: (kind, text) with kind heading, subheading, bullet or paragraph."""
    yield ("paragraph", "Jane Doe")
    yield ("paragraph", "jane@example.com, +1 555 0100, Berlin")
    if shape == "line":
        yield ("heading", "Experience")
        yield ("long", SENTENCE)
        return
    if shape == "repeat":
        yield ("heading", "Experience")
        while True:
            yield ("paragraph", "SQL")
    yield ("heading", "Summary")
    yield ("paragraph", "Backend engineer with 9 years of experience in Go and Python.")
    yield ("heading", "Experience")
    index = 0
    while True:
        yield from dense_items(index)
        index += 1
        if index % 500 == 0:
            yield ("heading", "Skills")
            yield ("paragraph", ", ".join(SKILLS))
            yield ("heading", "Experience")


# --- formats: each writes the items into a body until it holds `budget` bytes ---------------------------------


def escape_xml(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


FORMATS = {
    # format: (prefix, suffix, {kind: template with its text}, escape for the text or None)
    "text": ("", "", {"heading": "%s\n", "subheading": "%s\n", "bullet": "- %s\n", "paragraph": "%s\n"}, None),
    "markdown": ("", "", {"heading": "\n## %s\n\n", "subheading": "\n### %s\n\n", "bullet": "- %s\n",
                          "paragraph": "%s\n\n"}, None),
    "html": ("<!DOCTYPE html>\n<html><body>\n", "</body></html>\n",
             {"heading": "<h2>%s</h2>\n", "subheading": "<h3>%s</h3>\n", "bullet": "<li>%s</li>\n",
              "paragraph": "<p>%s</p>\n"}, escape_xml),
    "latex": ("\\documentclass{article}\n\\begin{document}\n", "\\end{document}\n",
              {"heading": "\\section{%s}\n", "subheading": "\\subsection{%s}\n", "bullet": "\\item %s\n",
               "paragraph": "%s\n\n"}, None),
    "docx": ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
             '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>', "</w:body></w:document>\n",
             {"heading": '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>',
              "subheading": '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>',
              "bullet": "<w:p><w:r><w:t>%s</w:t></w:r></w:p>", "paragraph": "<w:p><w:r><w:t>%s</w:t></w:r></w:p>"},
             escape_xml),
}


def markup(shape, fmt, budget):
    """The document in a markup format, at most `budget` bytes."""
    prefix, suffix, templates, escape = FORMATS[fmt]
    parts = [prefix]
    size = len(prefix) + len(suffix)
    in_list = False
    for kind, text in items(shape):
        text = escape(text) if escape else text
        if fmt == "latex":
            text = text.replace("%", "\\%")
        if kind == "long":
            template = templates["paragraph"]
            room = budget - size - len(template % "")
            parts.append(template % (text * (room // len(text))).rstrip())
            break
        opening, closing = "", ""
        if fmt in ("html", "latex") and (kind == "bullet") != in_list:
            in_list = kind == "bullet"
            toggle = {"html": ("<ul>\n", "</ul>\n"), "latex": ("\\begin{itemize}\n", "\\end{itemize}\n")}[fmt]
            opening = toggle[0] if in_list else toggle[1]
            closing = toggle[1] if in_list else ""
        piece = opening + templates[kind] % text
        if size + len(piece) + len(closing) > budget:
            if in_list and not opening:
                parts.append({"html": "</ul>\n", "latex": "\\end{itemize}\n"}[fmt])
            break
        parts.append(piece)
        size += len(piece)
    parts.append(suffix)
    return "".join(parts)


def json_resume(shape, budget):
    """A JSON Resume: the experience items under `work`, one entry per role, its bullets the highlights."""
    basics = {"name": "Jane Doe", "email": "jane@example.com"}
    work = []
    size = len(json.dumps({"basics": basics, "work": []}, indent=1)) + 1
    section = ""
    for kind, text in items(shape):
        if kind == "heading":
            section = text
            continue
        if section != "Experience":
            continue
        if kind == "subheading" or not work:
            entry = {"name": text if kind == "subheading" else "Acme", "position": "Engineer", "highlights": []}
            cost = len(json.dumps(entry, indent=1)) + 16
            if size + cost > budget:
                break
            work.append(entry)
            size += cost
            if kind == "subheading":
                continue
        if kind == "long":
            work[-1]["highlights"].append((text * ((budget - size - 16) // len(text))).rstrip())
            break
        if shape == "repeat":  # a JSON document holds at most 200,000 values: "SQL" alone passes that first
            text = "Wrote SQL for report %d of the billing team, every week" % (len(work[-1]["highlights"]) + 1)
        cost = len(json.dumps(text)) + 8
        if size + cost > budget:
            break
        work[-1]["highlights"].append(text)
        size += cost
    return json.dumps({"basics": basics, "work": work}, indent=1) + "\n"


def rendercv(shape, budget):
    """A RenderCV YAML file with the JSON Resume's roles as experience entries (strings JSON-quoted, as YAML reads
    them), cut to `budget` bytes at a whole highlight."""
    work = json.loads(json_resume(shape, budget))["work"]
    lines = ["cv:", "  name: Jane Doe", "  email: jane@example.com", "  sections:", "    experience:"]
    size = sum(len(line) + 1 for line in lines)
    for entry in work:
        head = ["      - company: %s" % json.dumps(entry["name"]), "        position: Engineer", "        highlights:"]
        cost = sum(len(line) + 1 for line in head)
        if size + cost > budget:
            break
        lines += head
        size += cost
        for text in entry["highlights"]:
            line = "          - %s" % json.dumps(text)
            if size + len(line) + 1 > budget:
                break
            lines.append(line)
            size += len(line) + 1
    return "\n".join(lines) + "\n"


def pdf_string(text):
    return b"(" + text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf(shape, budget):
    """A PDF of text pages, 45 lines a page; a long line is one string shown once, on a page as wide."""
    lines = []
    size = 2048
    for kind, text in items(shape):
        if kind == "long":
            lines.append(text * ((budget - size - 1024) // len(text)))
            break
        cost = len(text) + 40 + (200 if len(lines) % 45 == 0 else 0)
        if size + cost > budget:
            break
        lines.append(text)
        size += cost
    # A page wide enough for the longest line: poppler drops the text past a page's edge.
    width = max(612, 10 * max(len(line) for line in lines) + 144)
    pages = []
    for first in range(0, len(lines), 45):
        stream = [b"BT", b"/F1 10 Tf", b"72 760 Td"]
        for index, text in enumerate(lines[first:first + 45]):
            stream.append((b"0 -16 Td " if index else b"") + pdf_string(text) + b" Tj")
        stream.append(b"ET")
        pages.append(b"\n".join(stream))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for content in pages:
        kids.append(len(objects) + 1)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d 792] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (width, len(objects) + 2))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx(shape, budget):
    """A DOCX archive whose word/document.xml holds at most `budget` bytes."""
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxml'
                     'formats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                     '</Types>\n')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in (("[Content_Types].xml", content_types),
                              ("word/document.xml", markup(shape, "docx", budget - 4096))):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode(), compresslevel=6)
    return buffer.getvalue()


def write(shape, fmt, budget, path):
    if fmt == "json":
        data = json_resume(shape, budget).encode()
    elif fmt == "rendercv":
        data = rendercv(shape, budget).encode()
    elif fmt == "pdf":
        data = pdf(shape, budget)
    elif fmt == "docx":
        data = docx(shape, budget)
    else:
        data = markup(shape, fmt, budget).encode()
    with open(path, "wb") as out:
        out.write(data)


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("line", "dense", "repeat") or \
            sys.argv[2] not in ("text", "markdown", "html", "latex", "json", "rendercv", "docx", "pdf"):
        sys.exit(__doc__)
    write(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])


if __name__ == "__main__":
    main()
