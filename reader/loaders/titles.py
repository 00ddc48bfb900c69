"""A title from the text itself, for a file that names none.

Tried before the file name ("pg2701.txt" is no title): the first heading, or a
short first line that reads like a headline ("Alice's Adventures in
Wonderland", "MOBY-DICK;" as "Moby-Dick"). Page furniture, pictures'
placeholders ("[Illustration]") and bylines ("By Herman Melville") are passed
over; once running text has begun, the text has no title of its own.
"""

from __future__ import annotations

import re

from ..models import Block

FIRST_BLOCKS = 12  # a title is among the first few blocks
MAX_WORDS, MAX_CHARS = 12, 100
_BYLINE = re.compile(r"(?:by|from|edited by|translated by)\s", re.IGNORECASE)
_SENTENCE_END = ".!?…"
_EDGE = " \t,;:—–-"


def title_from_text(text: str, blocks: tuple[Block, ...]) -> str:
    """The text's own title, or "" when it has none."""
    for block in blocks[:FIRST_BLOCKS]:
        if block.kind == "aside":
            continue
        line = " ".join(text[block.start : block.end].split())
        if block.kind in ("title", "heading"):
            return _tidy(line)
        if not line or line[0] in "[*(<#=" or _BYLINE.match(line):
            continue
        if _headline(line):
            return _tidy(line)
        if block.kind == "paragraph" and len(line.split()) > MAX_WORDS:
            return ""  # running text has begun
    return ""


def _headline(line: str) -> bool:
    words = line.split()
    if not (len(words) <= MAX_WORDS and len(line) <= MAX_CHARS):
        return False
    if not any(c.isalpha() for c in line):
        return False
    return line.rstrip("\"'”’)")[-1] not in _SENTENCE_END or line.isupper()


def _tidy(line: str) -> str:
    line = line.strip(_EDGE)
    if line.isupper():  # a title set in capitals reads better in title case
        line = " ".join(_capital(word) for word in line.split())
    return line


def _capital(word: str) -> str:
    """``"MOBY-DICK"`` → ``"Moby-Dick"``; other marks kept."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)
