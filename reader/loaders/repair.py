"""Text every later stage can read and encode, whatever the loader made of the file.

Applied once, to every format's result (``load_document``):

* a UTF-16 surrogate pair left in a ``str`` (RTF writes an emoji as
  ``\\u-10179?\\u-9047?``, a PDF font map or an HTML entity can do the same) is
  joined into the one character it stands for, and a lone surrogate becomes
  U+FFFD: spaCy, SQLite and every output would fail to encode it;
* control characters (NUL and the others, but tab and line breaks) become spaces,
  which keeps every offset; a block left blank by that is dropped.

Only joining a pair changes the text's length; block offsets are moved with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..models import Block
from .build import Parsed

_SURROGATE = re.compile("[\ud800-\udfff]")
_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_NEEDS_REPAIR = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def repair(parsed: Parsed) -> Parsed:
    """``parsed`` with its text, title and metadata repaired (see the module docstring)."""
    if _NEEDS_REPAIR.search(parsed.text) is None and not any(
        _NEEDS_REPAIR.search(value) for value in (parsed.title, *parsed.metadata.values())
    ):
        return parsed
    text, joined = _join_pairs(parsed.text)
    text = _CONTROL.sub(" ", _SURROGATE.sub("\ufffd", text))
    blocks = _trimmed(text, [_moved(block, joined) for block in parsed.blocks])
    return replace(
        parsed,
        text=text,
        blocks=tuple(blocks),
        title=repair_inline(parsed.title),
        metadata={key: repair_inline(value) for key, value in parsed.metadata.items()},
    )


def repair_inline(value: str) -> str:
    """A short string (a title, an author) repaired the same way, spaces trimmed."""
    if _NEEDS_REPAIR.search(value) is None:
        return value
    text, _ = _join_pairs(value)
    return " ".join(_CONTROL.sub(" ", _SURROGATE.sub("\ufffd", text)).split())


def _join_pairs(text: str) -> tuple[str, list[int]]:
    """``text`` with each surrogate pair made one character, and where the pairs were."""
    pairs = [match.start() for match in _PAIR.finditer(text)]
    if not pairs:
        return text, []
    joined = _PAIR.sub(_combine, text)
    return joined, pairs


def _combine(match: re.Match[str]) -> str:
    high, low = (ord(c) for c in match.group())
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def _moved(block: Block, pairs: list[int]) -> Block:
    """``block`` in the text where the pairs before its ends became one character each."""
    if not pairs:
        return block
    start = block.start - bisect_left(pairs, block.start)
    end = block.end - bisect_left(pairs, block.end - 1)
    return replace(block, start=start, end=end)


def _trimmed(text: str, blocks: list[Block]) -> list[Block]:
    """Blocks without the spaces a repair left at their edges; blank ones dropped."""
    kept: list[Block] = []
    for block in blocks:
        start, end = block.start, block.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            kept.append(
                block
                if (start, end) == (block.start, block.end)
                else replace(block, start=start, end=end)
            )
    return kept
