"""Markdown: markdown-it-py's tokens turned into readable blocks (no markup left).

Headings keep their level; the first level-1 heading (or a ``title:`` in YAML
front matter) is the title. List items and block quotes become blocks of their
own kind; tables become one paragraph per row, cells separated by " | ".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..models import BlockKind
from .build import Parsed, Part, assemble, place_title
from .decode import decode_text
from .text import checked, normalize_newlines

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(title|author|date|sitename)[ \t]*:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_TAG = re.compile(r"<[^>]*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
MAX_INLINE_MARKS = 5_000
_INLINE_MARKS = "*_~`[]<>!"
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*`]+|~~")
_EDGE_UNDERSCORE = re.compile(r"(?<!\w)_+|_+(?!\w)")


def parse_markdown(data: bytes, name: str) -> Parsed:
    source = checked(normalize_newlines(decode_text(data, name)), name)
    front, source = split_front_matter(source)
    parts = _parts(_tokens(source))
    title = front.pop("title", "")
    first = parts[0] if parts else None
    if first is not None and first.kind == "heading" and first.level == 1:
        parts[0] = Part(first.text, "title")
        title = title or first.text
    elif title:
        parts = place_title(parts, title)
    else:
        title = next((p.text for p in parts if p.kind == "heading" and p.level == 1), "")
    return assemble(parts, title, front)


def _tokens(source: str) -> list[Token]:
    """markdown-it's tokens, each paragraph's inline markup parsed on its own.

    markdown-it matches emphasis delimiters in time that grows faster than
    their number (98 s for a 3 MB paragraph of "a*"): a paragraph with more
    than ``MAX_INLINE_MARKS`` of them is read as plain text, its marks dropped.
    """
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    blocks_only = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")
    env: dict[str, object] = {}
    tokens = blocks_only.parse(source, env)
    for token in tokens:
        if token.type != "inline":
            continue
        if sum(token.content.count(mark) for mark in _INLINE_MARKS) > MAX_INLINE_MARKS:
            plain = Token("text", "", 0)
            plain.content = _plain_inline(token.content)
            token.children = [plain]
        else:
            token.children = parser.parseInline(token.content, env)[0].children or []
    return tokens


def _plain_inline(content: str) -> str:
    text = _LINK.sub(r"\1", content)
    return _EDGE_UNDERSCORE.sub("", _MARKS.sub("", text))


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """The simple ``key: value`` fields of leading YAML front matter, and the rest."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    fields = {key: value.strip().strip("\"'") for key, value in _FIELD.findall(match.group(1))}
    return {k: v for k, v in fields.items() if v}, source[match.end() :]


def _parts(tokens: Sequence[Token]) -> list[Part]:
    parts: list[Part] = []
    containers: list[str] = []  # open blockquote / list_item / table-row tokens
    row: list[str] | None = None  # the cells of the open table row
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind in ("blockquote_open", "list_item_open"):
            containers.append(kind)
        elif kind in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            parts.append(Part(" | ".join(cell for cell in row if cell)))
            row = None
        elif kind == "inline":
            content = _inline_text(token.children or [])
            if row is not None:
                row.append(content)
            elif heading_level:
                parts.append(Part(content, "heading", heading_level))
            else:
                parts.append(Part(content, _container_kind(containers)))
        elif kind in ("fence", "code_block"):
            parts.extend(Part(line) for line in token.content.splitlines())
        elif kind == "html_block":
            parts.append(Part(_strip_html(token.content), _container_kind(containers)))
    return parts


def _container_kind(containers: list[str]) -> BlockKind:
    if not containers:
        return "paragraph"
    return "quote" if containers[-1] == "blockquote_open" else "list_item"


def _inline_text(children: Sequence[Token]) -> str:
    pieces: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or _is_line_break(child):
            pieces.append(" ")
    return "".join(pieces)


def _is_line_break(token: Token) -> bool:
    return token.type == "html_inline" and token.content.lower().startswith("<br")


def _strip_html(content: str) -> str:
    return unescape(_TAG.sub(" ", _COMMENT.sub(" ", content)))
