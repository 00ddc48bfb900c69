"""DOCX (Word 2007+): body paragraphs and tables in order, with python-docx.

The archive is unpacked through ``archive.open_archive`` (bounded) and handed
to python-docx as a new, uncompressed archive, so the library itself never
inflates anything; members that are not XML (pictures, fonts) are passed on
empty, since only the text is read. On the way, ``ooxml`` finds the main part
wherever the package relationships put it, maps Strict OOXML to Transitional
and unwraps content controls, custom XML, smart tags and tracked insertions,
which python-docx would skip. Paragraph styles give the structure: Title,
Heading N, Quote, list styles and numbered paragraphs.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..errors import CorruptFile
from ..models import BlockKind
from . import ooxml
from .archive import Archive, open_archive
from .build import Parsed, Part, assemble, clean_inline, place_title
from .sniff import WORD_MAIN

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str
    style: str  # the style's name, lower case ("heading 1", "title", "quote"...)
    numbered: bool  # a list paragraph (bullets or numbers)


def parse_docx(data: bytes, name: str) -> Parsed:
    paragraphs, title, author = _read(_repack(data, name), name)
    parts: list[Part] = []
    style_title = ""
    for paragraph in paragraphs:
        kind, level = _kind(paragraph)
        if kind == "title":
            style_title = style_title or clean_inline(paragraph.text)
            kind, level = "heading", 1
        parts.append(Part(paragraph.text, kind, level))
    title = title or style_title
    metadata = {"author": author} if author else {}
    return assemble(place_title(parts, title), title, metadata)


def _repack(data: bytes, name: str) -> bytes:
    """A copy of the archive, uncompressed, with every member read within the limits.

    Its XML is made plain for python-docx (see ``ooxml``); the rest is left empty.
    """
    out = io.BytesIO()
    with open_archive(data, name, "DOCX") as archive, zipfile.ZipFile(out, "w") as copy:
        try:
            main, types = _package(archive, name)
            for member in archive.names():
                if member.endswith("/"):
                    continue
                if member == ooxml.CONTENT_TYPES:
                    content = types.for_word(main)
                elif member == main or types.is_xml(member):
                    content = _plain(archive, member, main)
                else:
                    content = b""
                copy.writestr(member, content)
        except (etree.LxmlError, ValueError) as error:
            raise _damaged(name) from error
    return out.getvalue()


def _package(archive: Archive, name: str) -> tuple[str, ooxml.ContentTypes]:
    """The main part (a Word document's) and the content types of the package."""
    main = ooxml.main_part(archive)
    if main is None and WORD_MAIN not in archive:
        raise _no_body(name)
    if main is None or ooxml.CONTENT_TYPES not in archive:  # python-docx cannot open it
        raise _damaged(name)
    types = ooxml.ContentTypes(archive.read(ooxml.CONTENT_TYPES))
    if types.is_other_office_file(main):
        raise _no_body(name)
    return main, types


def _plain(archive: Archive, member: str, main: str) -> bytes:
    """``member`` as python-docx can read it; a damaged part that is not the main one as it is."""
    raw = archive.read(member)
    try:
        return ooxml.transitional(raw, main=member == main)
    except etree.XMLSyntaxError:
        if member == main:
            raise
        return raw


def _no_body(name: str) -> CorruptFile:
    return CorruptFile(
        f'"{name}" is not a valid DOCX file: it has no document body '
        "(it may be another kind of Office file)."
    )


def _damaged(name: str) -> CorruptFile:
    return CorruptFile(f'"{name}" is not a valid DOCX file: its content is damaged.')


def _read(package: bytes, name: str) -> tuple[list[_Paragraph], str, str]:
    """Every call into python-docx: the paragraphs (tables as rows), title and author."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(package))
        paragraphs: list[_Paragraph] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                paragraphs.extend(_table_rows(item))
                continue
            style = item.style.name if item.style is not None else ""
            numbered = bool(item._p.xpath("./w:pPr/w:numPr"))
            paragraphs.append(_Paragraph(item.text, (style or "").lower(), numbered))
        properties = document.core_properties
        title = clean_inline(properties.title or "")
        author = clean_inline(properties.author or "")
    except Exception as error:  # python-docx and lxml raise many types on broken files
        raise _damaged(name) from error
    return paragraphs, title, author


def _table_rows(table: object) -> list[_Paragraph]:
    rows: list[_Paragraph] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.cells:
            text = clean_inline(cell.text)
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        rows.append(_Paragraph(" | ".join(cells), "table", False))
    return rows


def _kind(paragraph: _Paragraph) -> tuple[BlockKind, int]:
    style = paragraph.style
    heading = _HEADING_STYLE.fullmatch(style)
    if heading:
        return "heading", max(1, int(heading.group(1)))
    if style == "title":
        return "title", 1
    if style == "subtitle":
        return "heading", 2
    if "quote" in style:
        return "quote", 0
    if paragraph.numbered or style.startswith("list"):
        return "list_item", 0
    return "paragraph", 0
