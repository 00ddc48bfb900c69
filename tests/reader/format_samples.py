"""Small documents of every format, built by the tests (fpdf2, pypdf, python-docx, by hand).

Each builder returns the file's bytes. The text is hand-written for the tests.
"""

from __future__ import annotations

import io
import zipfile
from html import escape

TITLE = "Ferry operator cancels winter timetable"
AUTHOR = "Ruth Calloway"
PARAGRAPHS = [
    "The island ferry service will run a reduced timetable until March after a storm damaged "
    "the pier at Grenmouth on Sunday night, the operator said on Monday.",
    "Engineers from the county council inspected the structure at first light and found that "
    "two of its supporting piles had cracked.",
    '"We cannot put passengers on a pier we do not trust," said Ruth Calloway, the operator\'s '
    "managing director. She added that freight crossings would continue from the harbour slipway.",
]
HEADING = "Freight keeps moving"
ITEMS = ["Foot passengers will use the relief boat.", "Cars go on the Thursday sailings."]
QUOTE = "It is the worst damage the pier has seen in forty years."


# --- PDF --------------------------------------------------------------------------


def pdf_bytes(
    paragraphs: list[str] | None = None,
    *,
    title: str = TITLE,
    metadata_title: str | None = TITLE,
    running_header: str = "The Grenmouth Gazette - Winter edition",
    repeat: int = 1,
    compress: bool = True,
) -> bytes:
    """A PDF with a big title line, a running header, page numbers and ``paragraphs``."""
    from fpdf import FPDF

    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs

    class Paper(FPDF):
        def header(self) -> None:
            if running_header:
                self.set_font("helvetica", size=9)
                self.cell(0, 8, running_header, align="C")
                self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Paper()
    pdf.set_compression(compress)
    if metadata_title:
        pdf.set_title(metadata_title)
    pdf.set_author(AUTHOR)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 20)
    pdf.multi_cell(0, 10, title)
    pdf.ln(6)
    pdf.set_font("helvetica", size=11)
    for _ in range(repeat):
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(4)
    return bytes(pdf.output())


def encrypted_pdf_bytes(user_password: str = "s3cret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf_bytes() -> bytes:
    """Two pages that hold a picture each and no text, like a scan."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    picture = Image.new("L", (200, 100), 255)
    ImageDraw.Draw(picture).rectangle((20, 20, 180, 80), fill=0)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(picture, x=10, y=10, w=180)
    return bytes(pdf.output())


# --- DOCX -------------------------------------------------------------------------


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = AUTHOR
    document.add_heading(TITLE, level=0)
    document.add_paragraph(PARAGRAPHS[0])
    document.add_paragraph(PARAGRAPHS[1])
    document.add_heading(HEADING, level=2)
    document.add_paragraph(PARAGRAPHS[2])
    for item in ITEMS:
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph(QUOTE, style="Quote")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Day", "Sailings"), ("Monday", "2")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- zips written by hand: ODT, EPUB ---------------------------------------------


def zip_bytes(members: list[tuple[str, bytes | str]], *, mimetype: str | None = None) -> bytes:
    """A zip whose first member is an uncompressed ``mimetype`` (as OCF and ODF want)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, content in members:
            archive.writestr(name, content)
    return out.getvalue()


_ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"'
)


def odt_bytes() -> bytes:
    p = [escape(x, quote=False) for x in PARAGRAPHS]
    note = (
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>A footnote that is left out.</text:p></text:note-body></text:note>"
    )
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {_ODF}>
<office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Quotations"/>
</office:automatic-styles>
<office:body><office:text>
<text:sequence-decls><text:sequence-decl text:name="Figure"/></text:sequence-decls>
<text:p text:style-name="Title">{TITLE}</text:p>
<text:p text:style-name="Text_20_body">{p[0]}</text:p>
<text:p text:style-name="Text_20_body">{p[1][:40]}<text:span>{p[1][40:60]}</text:span>
{p[1][60:]}{note}</text:p>
<text:h text:outline-level="2">{HEADING}</text:h>
<text:p>{p[2]}</text:p>
<text:list><text:list-item><text:p>{ITEMS[0]}</text:p></text:list-item>
<text:list-item><text:p>{ITEMS[1]}</text:p></text:list-item></text:list>
<text:p text:style-name="P1">{QUOTE}</text:p>
<table:table table:name="T1"><table:table-row>
<table:table-cell><text:p>Day</text:p></table:table-cell>
<table:table-cell><text:p>Sailings</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Monday</text:p></table:table-cell>
<table:table-cell><text:p>2</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>
"""
    meta = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {_ODF}><office:meta><dc:title>{TITLE}</dc:title>
<meta:initial-creator>{AUTHOR}</meta:initial-creator></office:meta></office:document-meta>
"""
    manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/"
 manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
    return zip_bytes(
        [("content.xml", content), ("meta.xml", meta), ("META-INF/manifest.xml", manifest)],
        mimetype="application/vnd.oasis.opendocument.text",
    )


CHAPTERS = [
    ("One", [PARAGRAPHS[0], PARAGRAPHS[1]]),
    ("Two", [PARAGRAPHS[2], QUOTE]),
]


def xhtml(heading: str, paragraphs: list[str], extra: str = "") -> str:
    body = "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
        '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title/>'
        f"</head><body>{extra}<h2>{heading}</h2>{body}</body></html>"
    )


def epub_bytes(
    chapters: list[tuple[str, str]] | None = None,
    *,
    opf_prefix: str = "",
    extra_manifest: str = "",
    extra_spine: str = "",
    extra_members: list[tuple[str, bytes | str]] | None = None,
) -> bytes:
    """An EPUB 3 whose spine lists the chapters in an order unlike the manifest's."""
    if chapters is None:
        chapters = [(f"ch{n}.xhtml", xhtml(h, ps)) for n, (h, ps) in enumerate(CHAPTERS, 1)]
    manifest = "".join(
        f'<item id="c{n}" href="text/{name}" media-type="application/xhtml+xml"/>'
        for n, (name, _) in reversed(list(enumerate(chapters, 1)))
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(1, len(chapters) + 1))
    opf = f"""<?xml version="1.0" encoding="utf-8"?>{opf_prefix}
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:12345</dc:identifier><dc:title>{TITLE}</dc:title>
<dc:creator>{AUTHOR}</dc:creator><dc:language>en</dc:language></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
{manifest}{extra_manifest}</manifest>
<spine><itemref idref="nav"/>{extra_spine}{spine}<itemref idref="notes" linear="no"/></spine>
</package>
"""
    container = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>
"""
    members: list[tuple[str, bytes | str]] = [
        ("META-INF/container.xml", container),
        ("OEBPS/content.opf", opf),
        ("OEBPS/nav.xhtml", xhtml("Contents", ["One", "Two"])),
        ("OEBPS/text/notes.xhtml", xhtml("Notes", ["A note outside the reading order."])),
    ]
    members += [(f"OEBPS/text/{name}", content) for name, content in chapters]
    members += extra_members or []
    return zip_bytes(members, mimetype="application/epub+zip")


# --- RTF --------------------------------------------------------------------------


def rtf_escape(text: str) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) > 127:
            out.append(f"\\u{ord(char)}?")
        else:
            out.append(char)
    return "".join(out)


def rtf_bytes() -> bytes:
    body = "".join(
        f"\\pard {rtf_escape(p)}\\par\n" for p in [*PARAGRAPHS[:2], HEADING, PARAGRAPHS[2]]
    )
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
        f"{{\\info{{\\title {TITLE}}}{{\\author {AUTHOR}}}}}\n"
        f"\\pard\\b\\fs36 {TITLE}\\b0\\fs24\\par\n"
        f"{body}"
        "\\pard Caf\\'e9 owners said \\u8220?fine\\u8221?.\\par\n}"
    ).encode("ascii")


# --- checks and edits shared by the loader tests ------------------------------------


def blocks_of(doc, kind: str) -> list[str]:
    """The text of ``doc``'s blocks of one kind."""
    return [doc.block_text(b) for b in doc.blocks if b.kind == kind]


def assert_well_formed(doc) -> None:
    """Blocks are in order, inside the text, stripped, and never hold a newline."""
    previous_end = 0
    for block in doc.blocks:
        content = doc.block_text(block)
        assert previous_end <= block.start < block.end <= len(doc.text)
        assert content == content.strip()
        assert "\n" not in content
        previous_end = block.end


def replace_member(data: bytes, member: str, content: bytes) -> bytes:
    """The archive ``data`` with ``member``'s content replaced (other members kept as they are)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = content if info.filename == member else source.read(info)
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info.filename, payload, compress_type=kind)
    return out.getvalue()


def garbled_pdf_bytes(plain: list[str], garbled: list[str]) -> bytes:
    """A one-page PDF, written by hand: ``plain`` lines in Helvetica, then ``garbled``
    lines in a font whose ToUnicode map sends each letter to a code point of another
    script, as a font without a usable map does (upper-case ASCII letters only)."""
    targets = ["0A4B", "0C20", "082D", "0D18", "0A4B", "0D0C", "0B95", "0E27", "1031", "0F40"]
    pairs = "\n".join(f"<{0x41 + i:02X}> <{targets[i % len(targets)]}>" for i in range(26))
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Garbled def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"26 beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    lines = [("F1", text) for text in plain] + [("F2", text) for text in garbled]
    content = "\n".join(
        ["BT"]
        + [
            f"/{font} 12 Tf 1 0 0 1 72 {750 - 16 * i} Tm ({text}) Tj"
            for i, (font, text) in enumerate(lines)
        ]
        + ["ET"]
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("ascii")
