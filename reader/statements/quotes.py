"""Quotation spans in a document's text, found from the marks alone (no parse).

Handles “ ” " « » „ ‹ › ‘ ’ and ASCII ' marks (and a ” typed to open a paragraph's
quote), quotes that run over several
paragraphs (an opening mark at each paragraph start, a closing one only at the
end) and tells apostrophes (don’t, Israel’s, ’90s) from closing single quotes.
Unbalanced marks never raise: an unclosed double quote runs to the end of its
paragraph, an unclosed single quote is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..models import Block

# opening mark -> the marks that may close it
_CLOSERS: dict[str, str] = {
    "“": '”"“',  # “ is the closer in German-style „…“
    '"': '"”',
    "«": "»",
    "„": '“”"',
    "‹": "›",
    "‘": "’'",
    "'": "'’",
    "”": '”"',  # a closing mark typed at a paragraph's start to open a quote
}
_SINGLE = frozenset("‘'‹")
_MARKS = re.compile(r"[“”\"«»„‘’'‹›]")
_OPEN_BEFORE = frozenset(" \t([{—–-/:;,")  # characters that may stand before an opening mark


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # at the opening mark
    end: int  # after the closing mark (or the end of the paragraph when unclosed)
    closed: bool

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _is_opening(text: str, pos: int, start: int, end: int) -> bool:
    mark = text[pos]
    if mark not in _CLOSERS:
        return False
    prev = text[pos - 1] if pos > start else " "
    nxt = text[pos + 1] if pos + 1 < end else " "
    if nxt.isspace():
        return False
    if mark == "”":  # opens only where nothing but a quotation can start: a paragraph's start
        return not text[start:pos].strip()
    if mark in "'‘":  # an apostrophe is glued to a letter on its left
        return not prev.isalnum() and (prev in _OPEN_BEFORE or prev in _CLOSERS)
    if mark == '"':
        return not prev.isalnum() and prev not in ".,;!?"
    return True


def _is_closing(text: str, pos: int, start: int, end: int) -> bool:
    mark = text[pos]
    prev = text[pos - 1] if pos > start else " "
    nxt = text[pos + 1] if pos + 1 < end else " "
    if mark in "'’":  # don’t, Israel’s, ’90s: a letter or digit follows an apostrophe
        return not prev.isspace() and not nxt.isalnum()
    if mark == '"':
        return not prev.isspace() or nxt.isspace() or nxt in ".,;:!?)"
    return True


def _leading_mark(text: str, block: Block) -> int | None:
    """Position of an opening mark that starts ``block`` (after spaces), if any."""
    pos = block.start
    while pos < block.end and text[pos].isspace():
        pos += 1
    if pos < block.end and _is_opening(text, pos, block.start, block.end):
        return pos
    return None


def find_quotes(text: str, blocks: tuple[Block, ...] | list[Block]) -> list[Quote]:
    """Every quotation in ``text``, in order; nested quotes are part of their outer one."""
    quotes: list[Quote] = []
    body = [b for b in blocks if b.end > b.start]
    open_pos: int | None = None
    opener = ""
    for index, block in enumerate(body):
        skip = -1
        if open_pos is not None:  # continuing a multi-paragraph quote
            skip = _leading_mark(text, block) or -1
        for match in _MARKS.finditer(text, block.start, block.end):
            pos = match.start()
            if pos == skip:
                continue
            mark = text[pos]
            if open_pos is None:
                if _is_opening(text, pos, block.start, block.end):
                    open_pos, opener = pos, mark
            elif mark in _CLOSERS[opener] and _is_closing(text, pos, block.start, block.end):
                quotes.append(Quote(open_pos, pos + 1, True))
                open_pos = None
            elif (
                mark == opener
                and opener not in _SINGLE
                and _is_opening(text, pos, block.start, block.end)
            ):
                open_pos = pos  # the earlier mark was never closed: start again here
        if open_pos is None:
            continue
        following = body[index + 1] if index + 1 < len(body) else None
        lead = _leading_mark(text, following) if following is not None else None
        if lead is not None and text[lead] == opener and opener not in _SINGLE:
            continue  # the quote goes on in the next paragraph
        if opener not in _SINGLE and open_pos < block.end - 1:
            quotes.append(Quote(open_pos, _rstrip(text, open_pos, block.end), False))
        open_pos = None
    return quotes


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


class QuoteIndex:
    """Answers "is this position inside a quotation?" in O(log n)."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def containing(self, pos: int) -> Quote | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        i = max(bisect_left(self._starts, start) - 1, 0)
        found = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            if self.quotes[i].end > start:
                found.append(self.quotes[i])
            i += 1
        return found
