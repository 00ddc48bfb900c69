"""Shared pieces of the loaders: what a parser returns and how text is assembled.

Loaders of structured formats (Markdown, HTML, later EPUB, DOCX...) produce a
list of ``Part``s; ``assemble`` lays them out as blocks separated by a blank
line, so every block is one line and positions come out right by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Block, BlockKind

BLOCK_SEPARATOR = "\n\n"

_WHITESPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[-_.+]+")


@dataclass(frozen=True)
class Parsed:
    """What a format's parser returns: everything of a ``Document`` but its path and format.

    An empty ``title`` means the source has none; ``load_document`` then makes
    one from the file name.
    """

    text: str
    blocks: tuple[Block, ...]
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Part:
    """One block of a structured document before layout."""

    text: str
    kind: BlockKind = "paragraph"
    level: int = 0


def clean_inline(text: str) -> str:
    """Collapse every run of whitespace (line breaks included) into one space."""
    return _WHITESPACE.sub(" ", text).strip()


def assemble(parts: list[Part], title: str = "", metadata: dict[str, str] | None = None) -> Parsed:
    """Join the non-empty parts into ``text`` with one blank line between blocks."""
    pieces: list[str] = []
    blocks: list[Block] = []
    position = 0
    for part in parts:
        content = clean_inline(part.text)
        if not content:
            continue
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            position += len(BLOCK_SEPARATOR)
        pieces.append(content)
        blocks.append(Block(position, position + len(content), part.kind, part.level))
        position += len(content)
    return Parsed("".join(pieces), tuple(blocks), clean_inline(title), dict(metadata or {}))


def place_title(parts: list[Part], title: str) -> list[Part]:
    """Make ``title`` the first part, of kind ``"title"``, without showing it twice.

    A heading (or a first paragraph) near the top that repeats the title becomes
    the title block; otherwise the title is put in front of the parts.
    """
    title = clean_inline(title)
    if not title:
        return parts
    key = title.casefold()
    for index, part in enumerate(parts[:3]):
        same = clean_inline(part.text).casefold() == key
        if same and (part.kind == "heading" or index == 0):
            rest = parts[:index] + parts[index + 1 :]
            return [Part(title, "title"), *rest]
    return [Part(title, "title"), *parts]


def title_from_filename(path: Path) -> str:
    """``ceasefire-talks.txt`` → ``Ceasefire talks``; mixed case is kept as written."""
    words = _SEPARATORS.sub(" ", path.stem)
    words = clean_inline(words)
    if words.islower():
        words = words[:1].upper() + words[1:]
    return words or path.name
