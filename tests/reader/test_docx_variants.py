"""Valid Word files python-docx alone misreads: Strict OOXML, a main part elsewhere, wrappers.

Every package is written here by hand, a few lines of XML in a zip: content
controls (``w:sdt``) at block, row, cell and run level and nested, custom XML,
smart tags, tracked insertions and deletions. The text is written for the tests.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

import pytest

from reader import load_document
from reader.errors import ArchiveTooLarge, CorruptFile
from reader.loaders import archive
from reader.loaders.sniff import looks_like_docx
from tests.reader import format_samples as samples
from tests.reader.format_samples import assert_well_formed

TITLE = "Harbour library reopens after the flood"
AUTHOR = "Mira Okafor"
LEAD = "The harbour library reopened on Saturday, eight months after the river flooded it."
SECOND = "Volunteers carried four thousand books back to the shelves over two weekends."
HEADING = "A new reading room"
THIRD = "The council moved the children's section upstairs, away from the water."
QUOTE = "We will not lose a single book to the river again."

TRANSITIONAL = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "app": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "app_rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "extended-properties",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
STRICT = {
    "w": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "app": "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
    "app_rel": "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
    "m": "http://purl.oclc.org/ooxml/officeDocument/math",
    "a": "http://purl.oclc.org/ooxml/drawingml/main",
}
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


# --- building blocks: WordprocessingML written by hand ------------------------------


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*content: str, style: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    inner = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{props}{inner}</w:p>"


def sdt(*content: str, tag: str = "field", placeholder: bool = False) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    props = f'<w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>{shown}</w:sdtPr>'
    return f"<w:sdt>{props}<w:sdtEndPr/><w:sdtContent>{''.join(content)}</w:sdtContent></w:sdt>"


def cell(*content: str) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{"".join(content)}</w:tc>'


def row(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def table(*rows: str) -> str:
    grid = '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
    return f"<w:tbl><w:tblPr/>{grid}{''.join(rows)}</w:tbl>"


STYLES = [
    ("Normal", "Normal", True),
    ("Title", "Title", False),
    ("Heading1", "heading 1", False),
    ("Heading2", "heading 2", False),
    ("Quote", "Quote", False),
    ("ListBullet", "List Bullet", False),
]


def package(
    body: str,
    *,
    ns: dict[str, str] = TRANSITIONAL,
    main: str = "word/document.xml",
    main_type: str = WORD_MAIN,
    prolog: str = "",
) -> bytes:
    """A whole .docx: content types, relationships, ``body`` in the main part, styles, metadata."""
    folder = posixpath.dirname(main)
    styles = posixpath.join(folder, "styles.xml")
    main_rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    content_types = (
        f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="{main_type}"/>'
        f'<Override PartName="/{styles}" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
        'package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.extended-properties+xml"/></Types>'
    )
    package_rels = (
        f'{head}<Relationships xmlns="{PKG_RELS}">'
        f'<Relationship Id="rId3" Type="{ns["app_rel"]}" Target="docProps/app.xml"/>'
        f'<Relationship Id="rId2" Type="{CORE_REL}" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId1" Type="{ns["rel"]}/officeDocument" Target="{main}"/>'
        "</Relationships>"
    )
    document = (
        f'{head}{prolog}<w:document xmlns:w="{ns["w"]}" xmlns:r="{ns["r"]}" xmlns:m="{ns["m"]}" '
        f'xmlns:a="{ns["a"]}"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        "</w:sectPr></w:body></w:document>"
    )
    document_rels = (
        f'{head}<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" '
        f'Type="{ns["rel"]}/styles" Target="styles.xml"/></Relationships>'
    )
    style_xml = "".join(
        f'<w:style w:type="paragraph" w:default="{int(default)}" '
        f'w:styleId="{style_id}"><w:name w:val="{name}"/></w:style>'
        for style_id, name, default in STYLES
    )
    styles_xml = f'{head}<w:styles xmlns:w="{ns["w"]}">{style_xml}</w:styles>'
    core = (
        f"{head}<cp:coreProperties xmlns:cp="
        '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{TITLE}</dc:title><dc:creator>{AUTHOR}</dc:creator></cp:coreProperties>"
    )
    app = f'{head}<Properties xmlns="{ns["app"]}"><Application>Hand</Application></Properties>'
    members: list[tuple[str, str | bytes]] = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", package_rels),
        (main, document),
        (main_rels, document_rels),
        (styles, styles_xml),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
    ]
    return samples.zip_bytes(members)


#: The article of most tests, as python-docx would read it were nothing wrapped.
PLAIN_BODY = (
    para(TITLE, style="Title")
    + para(LEAD)
    + para(SECOND)
    + para(HEADING, style="Heading2")
    + para(THIRD)
    + para(QUOTE, style="Quote")
    + table(
        row(cell(para("Day")), cell(para("Visitors"))),
        row(cell(para("Saturday")), cell(para("640"))),
    )
)
PLAIN_BLOCKS = [
    ("title", TITLE),
    ("paragraph", LEAD),
    ("paragraph", SECOND),
    ("heading", HEADING),
    ("paragraph", THIRD),
    ("quote", QUOTE),
    ("paragraph", "Day | Visitors"),
    ("paragraph", "Saturday | 640"),
]


def blocks(doc) -> list[tuple[str, str]]:
    return [(b.kind, doc.block_text(b)) for b in doc.blocks]


def load(write_file, name: str, data: bytes):
    doc = load_document(write_file(name, data))
    assert doc.format == "docx"
    assert_well_formed(doc)
    return doc


# --- the common case still reads as before -----------------------------------------


def test_a_hand_written_transitional_docx_reads(write_file):
    doc = load(write_file, "library.docx", package(PLAIN_BODY))

    assert doc.title == TITLE
    assert doc.metadata == {"author": AUTHOR}
    assert blocks(doc) == PLAIN_BLOCKS


def test_a_docx_saved_by_python_docx_still_reads(write_file):
    doc = load(write_file, "ferry.docx", samples.docx_bytes())

    assert doc.title == samples.TITLE
    assert samples.PARAGRAPHS[0] in doc.text
    assert ("heading", samples.HEADING) in blocks(doc)


# --- Strict OOXML --------------------------------------------------------------------


def test_a_strict_ooxml_docx_opens_fully(write_file):
    data = package(PLAIN_BODY, ns=STRICT)
    assert b"schemas.openxmlformats.org/wordprocessingml" not in data

    doc = load(write_file, "strict.docx", data)

    assert doc.title == TITLE
    assert doc.metadata == {"author": AUTHOR}
    assert blocks(doc) == PLAIN_BLOCKS


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_a_strict_main_part_in_utf16(write_file, codec, bom):
    data = package(PLAIN_BODY, ns=STRICT)
    text = dict(_members(data))["word/document.xml"].decode("utf-8")
    wide = bom + text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(codec)

    doc = load(write_file, "wide.docx", samples.replace_member(data, "word/document.xml", wide))

    assert blocks(doc) == PLAIN_BLOCKS


def test_a_strict_docx_with_lists_and_wrappers(write_file):
    body = (
        para(LEAD)
        + sdt(para("Opening hours are nine to five.", style="ListBullet"))
        + para(f'<w:ins w:id="1" w:author="Ed" w:date="2024-03-02T10:00:00Z">{run(SECOND)}</w:ins>')
    )
    doc = load(write_file, "strict-list.docx", package(body, ns=STRICT))

    assert blocks(doc)[1:] == [
        ("paragraph", LEAD),
        ("list_item", "Opening hours are nine to five."),
        ("paragraph", SECOND),
    ]


# --- the main part is where the relationships say ------------------------------------


@pytest.mark.parametrize("main", ["content/story.xml", "word/document2.xml", "main.xml"])
def test_the_main_part_is_found_through_the_relationships(write_file, main):
    doc = load(write_file, "moved.docx", package(PLAIN_BODY, main=main))

    assert blocks(doc) == PLAIN_BLOCKS


def test_a_strict_docx_with_its_main_part_elsewhere(write_file):
    doc = load(write_file, "both.docx", package(PLAIN_BODY, ns=STRICT, main="text/body.xml"))

    assert blocks(doc) == PLAIN_BLOCKS


def test_a_main_part_elsewhere_in_word_is_recognised_by_its_content(write_file):
    data = package(PLAIN_BODY, main="word/article.xml")
    assert looks_like_docx(data)
    assert not looks_like_docx(samples.odt_bytes())
    assert not looks_like_docx(samples.epub_bytes())

    doc = load(write_file, "article.bin", data)  # an extension that says nothing

    assert blocks(doc) == PLAIN_BLOCKS


def test_a_word_template_opens_like_a_document(write_file):
    template = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
    doc = load(write_file, "form.docx", package(PLAIN_BODY, main_type=template))

    assert blocks(doc) == PLAIN_BLOCKS


# --- content controls, custom XML, smart tags, tracked changes ------------------------


def test_block_level_content_controls_keep_their_paragraphs_in_order(write_file):
    body = (
        para(TITLE, style="Title")
        + sdt(para(LEAD), para(SECOND), tag="intro")
        + para(HEADING, style="Heading2")
        + sdt(para(THIRD))
        + para(QUOTE, style="Quote")
    )
    doc = load(write_file, "controls.docx", package(body))

    assert blocks(doc) == PLAIN_BLOCKS[:6]


def test_a_block_level_content_control_holding_a_table(write_file):
    grid = table(
        row(cell(para("Day")), cell(para("Visitors"))),
        row(cell(para("Saturday")), cell(para("640"))),
    )
    body = para(LEAD) + sdt(para(SECOND), grid, tag="figures") + para(THIRD)
    doc = load(write_file, "table.docx", package(body))

    assert blocks(doc)[1:] == [
        ("paragraph", LEAD),
        ("paragraph", SECOND),
        ("paragraph", "Day | Visitors"),
        ("paragraph", "Saturday | 640"),
        ("paragraph", THIRD),
    ]


def test_content_controls_around_rows_and_cells(write_file):
    grid = table(
        sdt(row(cell(para("Day")), cell(para("Visitors"))), tag="row"),
        row(sdt(cell(para("Saturday")), tag="cell"), cell(sdt(para("640")))),
    )
    doc = load(write_file, "cells.docx", package(para(LEAD) + grid))

    assert blocks(doc)[2:] == [("paragraph", "Day | Visitors"), ("paragraph", "Saturday | 640")]


def test_inline_content_controls_keep_the_runs_of_a_paragraph(write_file):
    sentence = para("The library opened at ", sdt(run("ten")), " on ", sdt(run("Saturday")), ".")
    doc = load(write_file, "inline.docx", package(para(LEAD) + sentence))

    assert blocks(doc)[1:] == [
        ("paragraph", LEAD),
        ("paragraph", "The library opened at ten on Saturday."),
    ]


def test_content_controls_nested_three_deep(write_file):
    inline = para(
        "Doors open at ", sdt(sdt(sdt(run("nine"), tag="c"), tag="b"), tag="a"), " sharp."
    )
    block = sdt(para(LEAD), sdt(para(SECOND), sdt(para(HEADING, style="Heading2"), para(THIRD))))
    doc = load(write_file, "nested.docx", package(block + inline))

    assert blocks(doc)[1:] == [
        ("paragraph", LEAD),
        ("paragraph", SECOND),
        ("heading", HEADING),
        ("paragraph", THIRD),
        ("paragraph", "Doors open at nine sharp."),
    ]


def test_custom_xml_and_smart_tags_are_read_through(write_file):
    custom = (
        '<w:customXml w:uri="urn:example:news" w:element="story">'
        '<w:customXmlPr><w:attr w:name="id" w:val="7"/></w:customXmlPr>'
        f"{para(LEAD)}</w:customXml>"
    )
    tagged = para(
        "The mayor, ",
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">'
        '<w:smartTagPr><w:attr w:name="x" w:val="y"/></w:smartTagPr>'
        f"{run('Ines Hart')}</w:smartTag>",
        ", cut the ribbon.",
    )
    inline_custom = para(
        '<w:customXml w:element="place">' + run("Quay Street") + "</w:customXml>",
        " was closed to traffic.",
    )
    doc = load(write_file, "custom.docx", package(custom + tagged + inline_custom))

    assert blocks(doc)[1:] == [
        ("paragraph", LEAD),
        ("paragraph", "The mayor, Ines Hart, cut the ribbon."),
        ("paragraph", "Quay Street was closed to traffic."),
    ]


def test_tracked_insertions_are_read_and_deletions_are_not(write_file):
    edit = 'w:id="{}" w:author="Desk" w:date="2024-03-02T10:00:00Z"'
    tracked = para(
        "The library will open ",
        f"<w:del {edit.format(1)}><w:r><w:delText>on weekdays</w:delText></w:r></w:del>",
        f"<w:ins {edit.format(2)}>{run('every day')}</w:ins>",
        " from April.",
    )
    moved = para(
        f"<w:moveFrom {edit.format(3)}>{run('Entry is free. ')}</w:moveFrom>",
        "Staff return on Monday.",
        f"<w:moveTo {edit.format(4)}>{run(' Entry is free.')}</w:moveTo>",
    )
    deleted_paragraph = (
        f"<w:p><w:pPr><w:rPr><w:del {edit.format(5)}/></w:rPr></w:pPr>"
        f"<w:del {edit.format(6)}><w:r><w:delText>A line nobody kept.</w:delText></w:r>"
        "</w:del></w:p>"
    )
    doc = load(
        write_file, "tracked.docx", package(para(LEAD) + tracked + moved + deleted_paragraph)
    )

    assert blocks(doc)[1:] == [
        ("paragraph", LEAD),
        ("paragraph", "The library will open every day from April."),
        ("paragraph", "Staff return on Monday. Entry is free."),
    ]
    assert "weekdays" not in doc.text
    assert "nobody" not in doc.text


def test_a_content_control_showing_its_placeholder_adds_no_text(write_file):
    body = (
        para(LEAD)
        + sdt(para("Click or tap here to enter text."), placeholder=True)
        + para(
            "Filed by ", sdt(run("Click here to enter a name."), placeholder=True), "the city desk."
        )
    )
    doc = load(write_file, "form.docx", package(body))

    assert blocks(doc)[1:] == [("paragraph", LEAD), ("paragraph", "Filed by the city desk.")]


def test_wrappers_inside_a_strict_document(write_file):
    body = sdt(para(LEAD), sdt(para("At ", sdt(run("noon")), ", the doors opened.")))
    doc = load(write_file, "strict-sdt.docx", package(body, ns=STRICT, main="word/main.xml"))

    assert blocks(doc)[1:] == [("paragraph", LEAD), ("paragraph", "At noon, the doors opened.")]


# --- broken and hostile files: the same one-sentence messages, within the limits -----


def _message(write_file, name: str, data: bytes, error: type[Exception] = CorruptFile) -> str:
    with pytest.raises(error) as caught:
        load_document(write_file(name, data))
    message = str(caught.value)
    assert name in message and message.endswith(".") and "\n" not in message
    return message


def test_a_strict_main_part_cut_short_is_damaged(write_file):
    data = package(PLAIN_BODY, ns=STRICT, main="text/body.xml")
    broken = samples.replace_member(data, "text/body.xml", b'<w:document xmlns:w="http://purl')

    assert "its content is damaged" in _message(write_file, "cut.docx", broken)


def test_a_relationship_to_a_missing_main_part(write_file):
    data = package(PLAIN_BODY, main="content/story.xml")
    hollow = samples.zip_bytes([(n, c) for n, c in _members(data) if n != "content/story.xml"])

    assert "has no document body" in _message(write_file, "hollow.docx", hollow)


def test_damaged_package_relationships(write_file):
    data = samples.replace_member(package(PLAIN_BODY), "_rels/.rels", b"<Relationships")

    assert "its content is damaged" in _message(write_file, "rels.docx", data)


def test_a_spreadsheet_named_docx_has_no_document_body(write_file):
    data = package(
        "",
        main="xl/workbook.xml",
        main_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )

    assert "another kind of Office file" in _message(write_file, "sheet.docx", data)


def test_a_main_part_elsewhere_is_still_read_within_the_limits(write_file):
    bomb = samples.replace_member(
        package(PLAIN_BODY, main="content/story.xml"),
        "content/story.xml",
        b"<w:p>" + b" " * (archive.MAX_MEMBER_BYTES + 1) + b"</w:p>",
    )

    assert "64 MB" in _message(write_file, "bomb.docx", bomb, ArchiveTooLarge)


def test_entities_in_a_strict_part_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY leak SYSTEM "file://{secret}">]>'
    body = para(LEAD) + para("Start &leak; end.")
    path = tmp_path / "leak.docx"
    path.write_bytes(package(body, ns=STRICT, prolog=prolog))

    doc = load_document(path)

    assert "TOPSECRET" not in doc.text
    assert blocks(doc)[1:] == [("paragraph", LEAD), ("paragraph", "Start end.")]


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return [(info.filename, source.read(info)) for info in source.infolist()]
