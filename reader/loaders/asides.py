"""Page furniture inside an article: "READ ALSO: ...", "Related: ...", "Advertisement".

Articles saved from the web keep such lines between their paragraphs. They stay
in the text, where the reader sees them, but as ``"aside"`` blocks, which no
analysis reads: their headlines would otherwise become names ("Transport
Ministry Urges Public to Disregard"), summary sentences and statements.

Only a short paragraph, list item or heading that starts with such a label
followed by a separator (or is nothing but the label) counts; "Related talks
were held in Cairo." stays a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Block

MAX_WORDS = 40

_LABEL = re.compile(
    r"""\s*(?:
        (?:read|see|watch|listen)\s+(?:also|more|next)
      | also\s+(?:read|see|watch|on)
      | related(?:\s+(?:articles?|stories|story|content|news|coverage|reading|links?))?
      | recommended(?:\s+(?:for\s+you|reading|stories|articles))?
      | more\s+(?:on\s+this(?:\s+story)?|stories|news|coverage|reading)
      | (?:click|tap)\s+here
    )\s*(?:[:|>»–—]|-\s|$)""",
    re.IGNORECASE | re.VERBOSE,
)
_WHOLE = re.compile(
    r"""\s*(?:
        advertisement | sponsored(?:\s+content)?
      | (?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)
        (?:\s+(?:this\s+)?(?:advertisement|ad))?
      | scroll\s+to\s+continue(?:\s+with\s+content)?
    )\s*\.?\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_KINDS = ("paragraph", "list_item", "heading")  # a lone "Advertisement" reads as a heading


def is_aside(line: str) -> bool:
    """Whether a block's text is page furniture rather than the article's."""
    if _WHOLE.fullmatch(line):
        return True
    return _LABEL.match(line) is not None and len(line.split(maxsplit=MAX_WORDS)) <= MAX_WORDS


def mark_asides(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks``, with every paragraph, list item or heading that is page furniture an aside."""
    return tuple(
        replace(block, kind="aside")
        if block.kind in _KINDS and is_aside(text[block.start : block.end])
        else block
        for block in blocks
    )


# --- Project Gutenberg's header and footer ------------------------------------------------

_GUTENBERG_START = re.compile(
    r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT)\b(?P<title>[^*]*)\*{3}",
    re.IGNORECASE,
)
_GUTENBERG_END = re.compile(
    r"\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT)\b", re.IGNORECASE
)
_GUTENBERG_FIELD = re.compile(r"(Title|Author)\s*:\s*(\S.*)")
#: The marker lines are looked for among the first and the last blocks only.
GUTENBERG_REACH = 400


Blocks = tuple[Block, ...]


def mark_gutenberg(text: str, blocks: Blocks) -> tuple[Blocks, dict[str, str]]:
    """A Project Gutenberg book's licence header and footer as asides, and its "Title:" and
    "Author:" (the header's fields, or the title in the START line) as metadata."""
    start = _find(text, blocks, _GUTENBERG_START, range(min(len(blocks), GUTENBERG_REACH)))
    if start is None:
        return blocks, {}
    tail = range(len(blocks) - 1, max(start, len(blocks) - GUTENBERG_REACH) - 1, -1)
    end = _find(text, blocks, _GUTENBERG_END, tail)
    fields: dict[str, str] = {}
    for block in blocks[:start]:
        match = _GUTENBERG_FIELD.fullmatch(text[block.start : block.end].strip())
        if match:
            fields.setdefault(match.group(1).lower(), match.group(2).strip())
    if "title" not in fields:
        named = _GUTENBERG_START.search(text, blocks[start].start, blocks[start].end)
        title = named.group("title").strip(" ,.:") if named else ""
        if title and not title.isdigit():
            fields["title"] = title.title() if title.isupper() else title
    marked = tuple(
        replace(block, kind="aside")
        if index <= start or (end is not None and index >= end)
        else block
        for index, block in enumerate(blocks)
    )
    return marked, fields


def _find(
    text: str, blocks: tuple[Block, ...], pattern: re.Pattern[str], indices: range
) -> int | None:
    for index in indices:
        block = blocks[index]
        if pattern.search(text, block.start, block.end):
            return index
    return None
