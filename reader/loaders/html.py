"""HTML (a saved web page): the article's text without the page around it.

trafilatura finds the main text and the metadata; its XML-like output is
walked to keep headings, paragraphs, list items and quotes apart. A small
hand-written page, where trafilatura finds nothing or one lump of text, is
read instead as the visible text of ``<body>``, block by block (lxml).

trafilatura only ever receives a parsed tree, never a string or a URL, so
nothing remote is fetched: not the page, not its images, scripts or styles.
"""

from __future__ import annotations

import re
from copy import deepcopy

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from ..models import BlockKind
from .build import Parsed, Part, assemble, clean_inline, place_title
from .decode import decode_text
from .limits import check_text
from .notices import notice

_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
# A single trafilatura block is kept over lxml's blocks only when the page had a lot around it.
_MIN_BOILERPLATE_SHARE = 0.25
METADATA_KEYS = ("author", "date", "sitename")
#: A date only from the page's markup (meta tags, ``<time>``, a dated byline), never a
#: year guessed from its text: "Copyright 2024" or "since 2022" is no publication date.
DATE_RULES = {"extensive_search": False, "original_date": True}
#: Visible characters of a page above which its text is taken whole (see ``_whole_page``).
MAX_EXTRACTED_CHARS = 1_500_000
_INVISIBLE = ("script", "style", "noscript", "template")

# Fallback walk over the page.
# fmt: off
_SKIP = frozenset((
    "script", "style", "noscript", "template", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "nav", "footer", "aside", "form", "button", "select",
    "option", "input", "textarea", "label", "dialog", "head", "title",
))
_BLOCKS = frozenset((
    "p", "div", "section", "article", "main", "header", "hgroup", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody",
    "tfoot", "tr", "caption", "figure", "figcaption", "address", "details", "summary", "center",
    "fieldset", "legend", "body",
))
# fmt: on
_CELLS = frozenset(("td", "th"))


def parse_html(data: bytes, name: str) -> Parsed:
    declared = _META_CHARSET.search(data[:4096])
    text = decode_text(data, name, declared.group(1).decode("ascii") if declared else None)
    tree = parse_tree(text)
    if tree is None:
        return assemble([])
    drop_hidden(tree)
    etree.strip_elements(tree, *_INVISIBLE, with_tail=False)
    visible_chars = len(tree.text_content())
    if visible_chars > MAX_EXTRACTED_CHARS:
        return _whole_page(tree, name, visible_chars)
    extracted = trafilatura.bare_extraction(
        deepcopy(tree),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        date_extraction_params=DATE_RULES,
    )
    parts: list[Part] = []
    body = getattr(extracted, "body", None)  # a trafilatura Document (a dict only when asked)
    if body is not None:
        parts = _extracted_parts(body)
    visible = visible_parts(tree)
    parts = visible if _prefer_visible(parts, visible) else _restore_headings(parts, visible)
    meta = extracted if extracted is not None else _metadata(tree)
    metadata = {
        key: clean_inline(str(value))
        for key in METADATA_KEYS
        if (value := getattr(meta, key, None))
    }
    title = clean_inline(getattr(meta, "title", None) or "") or _page_title(tree)
    return assemble(place_title(parts, title), title, metadata)


def _whole_page(tree: HtmlElement, name: str, visible_chars: int) -> Parsed:
    """A very large page: its visible text block by block, in one linear pass.

    trafilatura's main-text search takes time that grows faster than the page
    (10 s for 8 MB of paragraphs, over 15 minutes for 40 MB), so past
    ``MAX_EXTRACTED_CHARS`` the page is read whole, and the reader is told.
    """
    check_text(visible_chars, name)
    notice(
        f'"{name}" is a very large web page, so all of its visible text is shown: '
        "the article was not separated from the rest of the page."
    )
    head = tree.find("head")  # metadata from the head alone: htmldate reads every line
    meta = _metadata(document_fromstring("<html></html>") if head is None else _with_head(head))
    metadata = {
        key: clean_inline(str(value))
        for key in METADATA_KEYS
        if (value := getattr(meta, key, None))
    }
    title = clean_inline(getattr(meta, "title", None) or "") or _page_title(tree)
    return assemble(place_title(visible_parts(tree), title), title, metadata)


def _metadata(tree: HtmlElement) -> object:
    return trafilatura.extract_metadata(tree, date_config=DATE_RULES, extensive=False)


def _with_head(head: HtmlElement) -> HtmlElement:
    page = document_fromstring("<html><body></body></html>")
    page.insert(0, deepcopy(head))
    return page


def parse_tree(text: str) -> HtmlElement | None:
    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False)
    # Control characters mean nothing in HTML, and lxml refuses them in any
    # string set on the tree later (trafilatura does that): a space instead.
    text = _XML_INCOMPATIBLE.sub(" ", text)
    try:
        return document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def drop_hidden(tree: HtmlElement) -> None:
    """Remove what a browser would not show (trafilatura keeps ``display:none`` text)."""
    hidden = [el for el in tree.iter() if isinstance(el.tag, str) and _hidden(el)]
    for element in hidden:
        if element.getparent() is not None:
            element.drop_tree()


def _prefer_visible(extracted: list[Part], visible: list[Part]) -> bool:
    """Use the page's own blocks when trafilatura found nothing, or one lump and little else."""
    if not extracted:
        return True
    if len(extracted) > 1 or len(visible) <= 1:
        return False
    kept = len(clean_inline(extracted[0].text))
    total = sum(len(clean_inline(part.text)) for part in visible)
    return kept >= (1 - _MIN_BOILERPLATE_SHARE) * total


def _restore_headings(parts: list[Part], visible: list[Part]) -> list[Part]:
    """trafilatura drops the headings of a page whose text sits right in ``<body>`` (a book
    saved as one page): put each visible heading back before the paragraph it stands over
    on the page, when trafilatura kept that paragraph. Two such headings at least."""
    if any(part.kind == "heading" for part in parts):
        return parts
    over: dict[str, list[Part]] = {}  # a paragraph's text -> the headings right above it
    pending: list[Part] = []
    for part in visible:
        if part.kind == "heading":
            pending.append(part)
        elif pending:
            over.setdefault(clean_inline(part.text), pending)
            pending = []
    kept = {clean_inline(part.text) for part in parts}
    if sum(1 for text in over if text in kept) < 2:
        return parts
    restored: list[Part] = []
    for part in parts:
        restored += over.pop(clean_inline(part.text), [])
        restored.append(part)
    return restored


def _page_title(tree: HtmlElement) -> str:
    for path in ("//title", "//h1"):
        found = tree.xpath(path)
        if found:
            title = clean_inline(found[0].text_content())
            if title:
                return title
    return ""


# --- trafilatura's output: head, p, list/item, quote, table/row/cell, code, lb, hi, ref ---


def _extracted_parts(body: etree._Element) -> list[Part]:
    parts: list[Part] = []
    _walk_extracted(body, parts, "paragraph")
    return parts


def _walk_extracted(element: etree._Element, parts: list[Part], kind: BlockKind) -> None:
    for child in element:
        tag = child.tag
        if tag == "head":
            level = _HEADING_TAGS.get(str(child.get("rend", "")).lower(), 2)
            parts.extend(Part(line, "heading", level) for line in _lines(child))
        elif tag == "list":
            _list_items(child, parts)
        elif tag == "quote":
            if any(grandchild.tag in ("p", "list", "head") for grandchild in child):
                _walk_extracted(child, parts, "quote")
            else:
                parts.extend(Part(line, "quote") for line in _lines(child))
        elif tag == "table":
            for row in child.iter("row"):
                cells = (clean_inline(" ".join(cell.itertext())) for cell in row)
                parts.append(Part(" | ".join(cell for cell in cells if cell)))
        elif tag == "code":
            parts.extend(Part(line) for line in "".join(child.itertext()).splitlines())
        elif tag == "graphic":
            continue
        else:
            parts.extend(Part(line, kind) for line in _lines(child))


def _list_items(element: etree._Element, parts: list[Part]) -> None:
    """Each item of a list, then the items of the lists nested in it."""
    for item in element:
        if item.tag != "item":
            continue
        parts.extend(Part(line, "list_item") for line in _lines(item, skip="list"))
        for nested in item:
            if nested.tag == "list":
                _list_items(nested, parts)


def _lines(element: etree._Element, skip: str = "") -> list[str]:
    """The element's text, split at its ``<lb/>``s, leaving out children named ``skip``."""
    lines = [""]

    def visit(node: etree._Element) -> None:
        if node.text:
            lines[-1] += node.text
        for child in node:
            if child.tag == "lb":
                lines.append("")
            elif child.tag != skip:
                visit(child)
            if child.tail:
                lines[-1] += child.tail

    visit(element)
    return [line for line in lines if line.strip()]


# --- fallback: the visible text of <body>, block by block ---


def visible_parts(tree: HtmlElement) -> list[Part]:
    bodies = tree.xpath("//body")
    root = bodies[0] if bodies else tree
    collector = _Collector()
    collector.visit(root, "paragraph", 0)
    collector.flush("paragraph", 0)
    return collector.parts


class _Collector:
    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.buffer: list[str] = []

    def flush(self, kind: BlockKind, level: int) -> None:
        text = clean_inline("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.parts.append(Part(text, kind, level))

    def visit(self, element: HtmlElement, kind: BlockKind, level: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _SKIP:
            return
        if tag == "br":
            self.flush(kind, level)
            return
        if tag == "svg":  # a picture, but its <text> lines are words a reader sees
            self.flush(kind, level)
            self.svg_text(element)
            return
        if tag == "pre":
            self.flush(kind, level)
            for line in element.text_content().splitlines():
                self.parts.append(Part(line, "quote" if kind == "quote" else "paragraph"))
            return
        if tag == "tr":
            self.flush(kind, level)
            cells = (clean_inline(c.text_content()) for c in element if c.tag in _CELLS)
            self.parts.append(Part(" | ".join(cell for cell in cells if cell)))
            return
        block = tag in _BLOCKS
        if block:
            self.flush(kind, level)
            kind, level = _kind_of(tag, kind, level)
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.visit(child, kind, level)
            if child.tail:
                self.buffer.append(child.tail)
        if block:
            self.flush(kind, level)

    def svg_text(self, svg: HtmlElement) -> None:
        """The ``<text>`` lines of an SVG picture, joined into paragraphs at sentence ends."""
        for element in svg.iter("text"):
            line = clean_inline(element.text_content())
            if line:
                self.buffer.append(line + " ")
                if line[-1] in '.!?:"”’':
                    self.flush("paragraph", 0)
        self.flush("paragraph", 0)


def _kind_of(tag: str, kind: BlockKind, level: int) -> tuple[BlockKind, int]:
    if tag in _HEADING_TAGS:
        return "heading", _HEADING_TAGS[tag]
    if tag in ("li", "dt", "dd"):
        return "list_item", 0
    if tag == "blockquote":
        return "quote", 0
    return kind, level


def _hidden(element: HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )
