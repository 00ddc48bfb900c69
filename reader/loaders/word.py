"""DOCX (Word 2007+): body paragraphs and tables in order, with python-docx.

The archive is unpacked through ``archive.open_archive`` (bounded) and handed
to python-docx as a new, uncompressed archive, so the library itself never
inflates anything; members that are not XML (pictures, fonts) are passed on
empty, since only the text is read. Paragraph styles give the structure:
Title, Heading N, Quote, list styles and numbered paragraphs.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from ..errors import CorruptFile
from ..models import BlockKind
from .archive import ZIP_MAGIC, open_archive
from .build import Parsed, Part, assemble, clean_inline, place_title

_HEADING_STYLE = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_XML_SUFFIXES = (".xml", ".rels")
_SNIFF = b"word/document.xml"


def looks_like_docx(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC) and _SNIFF in data


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
    """A copy of the archive, uncompressed, with every member read within the limits."""
    out = io.BytesIO()
    with open_archive(data, name, "DOCX") as archive, zipfile.ZipFile(out, "w") as copy:
        if "word/document.xml" not in archive:
            raise CorruptFile(
                f'"{name}" is not a valid DOCX file: it has no document body '
                "(it may be another kind of Office file)."
            )
        for member in archive.names():
            if member.endswith("/"):
                continue
            keep = member.lower().endswith(_XML_SUFFIXES)
            copy.writestr(member, archive.read(member) if keep else b"")
    return out.getvalue()


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
        raise CorruptFile(f'"{name}" is not a valid DOCX file: its content is damaged.') from error
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
