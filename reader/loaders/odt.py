"""ODT (OpenDocument text): ``content.xml`` walked with lxml, ``meta.xml`` for title and author.

Read through ``archive.open_archive`` (bounded); XML is parsed without DTDs,
entities or network. Headings (``text:h``), paragraphs, list items, table rows
and sections come out in order; footnotes, annotations, drawings and the table
of contents are left out. Paragraph styles derived from "Title" or
"Quotations" (directly or through automatic styles) mark the title and quotes.
"""

from __future__ import annotations

from lxml import etree

from ..errors import CorruptFile
from ..models import BlockKind
from .archive import Archive, open_archive
from .build import Parsed, Part, assemble, clean_inline, place_title
from .epub import xml_parser

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_NS = {
    "text": _TEXT,
    "table": _TABLE,
    "style": _STYLE,
    "office": _OFFICE,
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
_SKIPPED_INLINE = frozenset(
    {f"{{{_TEXT}}}note", f"{{{_OFFICE}}}annotation", f"{{{_TEXT}}}bookmark-ref"}
)
_SKIPPED_BLOCKS = frozenset(
    {
        f"{{{_TEXT}}}table-of-content",
        f"{{{_TEXT}}}alphabetical-index",
        f"{{{_TEXT}}}bibliography",
        f"{{{_TEXT}}}illustration-index",
        f"{{{_TEXT}}}tracked-changes",
        f"{{{_OFFICE}}}forms",
        f"{{{_TEXT}}}sequence-decls",
        f"{{{_TEXT}}}variable-decls",
    }
)
_NESTED_BLOCKS = frozenset({f"{{{_TEXT}}}p", f"{{{_TEXT}}}h", f"{{{_TEXT}}}list-item"})
_MAX_STYLE_DEPTH = 10


def parse_odt(data: bytes, name: str) -> Parsed:
    with open_archive(data, name, "ODT") as archive:
        content = _xml(archive, "content.xml", name)
        styles = _style_parents(content)
        if "styles.xml" in archive:
            styles = _style_parents(_xml(archive, "styles.xml", name)) | styles
        meta = _xml(archive, "meta.xml", name) if "meta.xml" in archive else None
    bodies = content.xpath("/office:document-content/office:body/office:text", namespaces=_NS)
    if not bodies:
        raise CorruptFile(f'"{name}" is not a valid ODT file: it has no text body.')
    walker = _Walker(styles)
    walker.walk(bodies[0], "paragraph")
    title = _meta(meta, "dc:title") or walker.style_title
    author = _meta(meta, "dc:creator") or _meta(meta, "meta:initial-creator")
    metadata = {"author": author} if author else {}
    return assemble(place_title(walker.parts, title), title, metadata)


def _xml(archive: Archive, member: str, name: str) -> etree._Element:
    try:
        return etree.fromstring(archive.read(member), xml_parser())
    except etree.XMLSyntaxError as error:
        raise CorruptFile(f'"{name}" is not a valid ODT file: "{member}" is damaged.') from error


def _meta(meta: etree._Element | None, path: str) -> str:
    if meta is None:
        return ""
    for element in meta.xpath(f"//{path}", namespaces=_NS):
        text = clean_inline("".join(element.itertext()))
        if text:
            return text
    return ""


def _style_parents(root: etree._Element) -> dict[str, str]:
    """Paragraph style name → parent style name ("" for a root style)."""
    parents: dict[str, str] = {}
    for style in root.iter(f"{{{_STYLE}}}style"):
        name = style.get(f"{{{_STYLE}}}name")
        if name:
            parents[name] = style.get(f"{{{_STYLE}}}parent-style-name") or ""
    return parents


class _Walker:
    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.parts: list[Part] = []
        self.style_title = ""

    def walk(self, element: etree._Element, kind: BlockKind) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED_BLOCKS:
                continue
            if tag == f"{{{_TEXT}}}h":
                level = _int(child.get(f"{{{_TEXT}}}outline-level"), 1)
                self.add(Part(inline_text(child), "heading", max(1, min(level, 6))))
            elif tag == f"{{{_TEXT}}}p":
                self.paragraph(child, kind)
            elif tag in (f"{{{_TEXT}}}list", f"{{{_TEXT}}}list-item", f"{{{_TEXT}}}list-header"):
                self.walk(child, "list_item")
            elif tag == f"{{{_TABLE}}}table-row":
                cells = (clean_inline(inline_text(c)) for c in child)
                self.add(Part(" | ".join(c for c in cells if c)))
            elif tag.startswith((f"{{{_TEXT}}}", f"{{{_TABLE}}}")):  # sections, tables, ...
                self.walk(child, kind)

    def paragraph(self, element: etree._Element, kind: BlockKind) -> None:
        text = inline_text(element)
        base = self.base_style(element.get(f"{{{_TEXT}}}style-name") or "")
        if base == "title":
            self.style_title = self.style_title or clean_inline(text)
            self.add(Part(text, "heading", 1))
        elif base == "subtitle":
            self.add(Part(text, "heading", 2))
        elif base.startswith("heading_20_") and base[11:].isdigit():
            self.add(Part(text, "heading", max(1, min(int(base[11:]), 6))))
        elif base == "quotations" and kind == "paragraph":
            self.add(Part(text, "quote"))
        else:
            self.add(Part(text, kind))

    def base_style(self, style: str) -> str:
        """The first well-known ancestor of ``style``, lower case ("title", "quotations")."""
        for _ in range(_MAX_STYLE_DEPTH):
            lowered = style.lower()
            if lowered in ("title", "subtitle", "quotations") or lowered.startswith("heading_20_"):
                return lowered
            style = self.styles.get(style, "")
            if not style:
                break
        return ""

    def add(self, part: Part) -> None:
        self.parts.append(part)


def inline_text(element: etree._Element) -> str:
    """The text of a paragraph: spans and links kept, notes and drawings left out."""
    pieces: list[str] = []

    def visit(node: etree._Element) -> None:
        if node.text:
            pieces.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == f"{{{_TEXT}}}s":
                pieces.append(" " * max(1, min(_int(child.get(f"{{{_TEXT}}}c"), 1), 100)))
            elif tag in (f"{{{_TEXT}}}tab", f"{{{_TEXT}}}line-break"):
                pieces.append(" ")
            elif tag in _NESTED_BLOCKS or tag.startswith(f"{{{_TABLE}}}"):  # a cell's paragraphs
                visit(child)
                pieces.append(" ")
            elif tag and tag not in _SKIPPED_INLINE and tag.startswith(f"{{{_TEXT}}}"):
                visit(child)
            if child.tail:
                pieces.append(child.tail)

    visit(element)
    return "".join(pieces)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default
