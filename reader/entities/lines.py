"""What kind of line a block is, for entity extraction: prose, a headline in
capitals, a title-case heading or contents line, or a row of a results table.

spaCy's tagger reads prose. In a line of capitals ("LEEDS BEAT CHELSEA") or in
Title Case ("Jonah Historically Regarded") it takes almost any word for a
name, so names there count only when the prose names them too. A news
dateline ("LONDON 1996-08-30", "BEIRUT, Lebanon (AP) -") opens with a place.
"""

from __future__ import annotations

import re
from typing import Literal

#: "heading" is a title line found to be a real title (see ``extract``): no names in it.
LineKind = Literal["prose", "caps", "title", "table", "heading"]
#: A block's kind and whether it is written in capitals (a table row may be).
Line = tuple[LineKind, bool]

# Words that stay lower case in Title Case.
_MINOR = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "upon",
        "v",
        "vs",
        "via",
        "with",
        "de",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_LOWER = re.compile(r"[a-zß-öø-ÿ]")
_NUMBER = re.compile(r"(?<![\w.])\d[\d.,:\-/]*(?![\w])")
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]{2,}(?:[ /][A-Z][A-Z.'’\-]+){0,3})"
    r"(?=\s+\d{1,4}[-/.]\d|\s*\(|,\s+[A-Z][a-z])"
)
_MAX_TITLE_WORDS = 14
_MAX_LINE = 600  # characters


def line_kind(text: str, heading: bool = False) -> LineKind:
    """The kind of the line ``text`` (a block); ``heading`` if the loader made it one."""
    if len(text) > _MAX_LINE:
        return "prose"  # a paragraph: no headline, heading or row is this long
    words = _WORD.findall(text)
    if not words:
        return "prose"
    if is_table_row(text, words):
        return "table"
    if is_caps(text):
        return "caps"
    if (heading or len(words) <= _MAX_TITLE_WORDS) and _is_title_case(words):
        return "title"
    return "prose"


def is_caps(text: str) -> bool:
    """Whether the line's letters are (nearly all) capitals."""
    if len(text) > _MAX_LINE:
        return False
    upper = len(_UPPER.findall(text))
    return upper >= 4 and upper >= 4 * len(_LOWER.findall(text))


def is_table_row(text: str, words: list[str] | None = None) -> bool:
    """A row of results or standings: numbers between names, hardly any prose words
    ("Barnsley 3 Ipswich 1", "Glamorgan 259 and 207 (A. Dale 69)")."""
    words = _WORD.findall(text) if words is None else words
    numbers = len(_NUMBER.findall(text))
    lower = sum(1 for w in words if w[0].islower() and len(w) > 3)
    return numbers >= 2 and lower <= max(2, numbers // 2)


def _is_title_case(words: list[str]) -> bool:
    """Every word capitalised but the small ones, and at least two capitalised."""
    capitalised = 0
    for word in words:
        if word[0].isupper():
            capitalised += 1
        elif word.lower() not in _MINOR:
            return False
    return capitalised >= 2


def dateline(text: str) -> tuple[int, int] | None:
    """The span of the place a news dateline opens ``text`` with, if it does."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    return match.span("place")
