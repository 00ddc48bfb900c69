"""Which body sentences a summary may pick: prose only, and quotations whole.

Every algorithm rates the same candidates (body sentences with a letter or a
digit); only those that read as running text may be picked (``is_prose``).
Bylines ("By Jane Smith"), credits and captions ("Photo: AP"), page
furniture ("Share this article"), contents lines (dot leaders, a page number
after a gap), table rows and lines of names or labels ("Arsenal: Lehmann,
Lauren, Cole.") are recognised by their form. The loaders already set the
furniture they know apart as asides; this is the sentence-level half.

A summary sentence never has an unbalanced quotation mark: the candidates
are grouped into *units* (``quote_units``), a quotation that runs over several
sentences being one unit, picked whole or not at all. A unit that is never
closed, that closes a quotation nobody opened, or that runs over more than
``MAX_QUOTE_UNIT`` sentences is never picked (``balanced``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Most sentences one quotation may span and still be picked whole.
MAX_QUOTE_UNIT = 4
#: Fewer words than this is a label or a contents line ("The Ship."), not a sentence.
MIN_WORDS = 3

_CLOSERS = "\"'”’») "
_ENDERS = frozenset(".!?…")
_DOUBLE_QUOTES = re.compile(r"[\"“”«»„]")
_OPENS_AFTER = frozenset("([{—–-/:")
#: A byline: "By Jane Smith", "By JANE SMITH and John Doe, Political editor".
_BYLINE = re.compile(
    r"^\s*By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|al|bin|and|&))*"
    r"\s*(?:[,|•·–—-].{0,60})?$"
)
#: Credits: "Reporting by ...; Editing by ...", "Additional reporting by ...".
_CREDITS = re.compile(
    r"^\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b", re.IGNORECASE
)
#: A caption or credit label: "Photo: AP", "Image copyright Getty", "© Reuters", "Pictured: ...".
_CAPTION = re.compile(
    r"^\s*(?:(?:photo(?:graph)?|picture|image|caption|credit|source|graphic|video|illustration"
    r"|pictured|above|below|left|right|top|main picture|file photo)s?"
    r"(?:\s+(?:copyright|credit|caption))?\s*[:|]"
    r"|(?:image|photo|picture)\s+(?:copyright|caption|credit)\b|©|copyright\b)",
    re.IGNORECASE,
)
#: A photo credit closing a caption: "(AP Photo/Jane Doe)", "(Getty Images)".
_PHOTO_CREDIT = re.compile(
    r"\((?:[^()]{0,40}\b(?:photo|photograph|images?|pictures?)\b[^()]{0,40})\)\s*$", re.IGNORECASE
)
#: Page furniture that survives a save from the web.
_FURNITURE = re.compile(
    r"^\s*(?:share (?:this|on)|follow (?:us|me)\b|sign up\b|subscribe\b|click here\b|read more\b"
    r"|related(?: stories| articles| topics)?\s*:|more on this story|watch\s*:|listen\s*:"
    r"|advertisement\b|page \d+ of \d+|continued on page\b|see also\b|email (?:this|us)\b"
    r"|print this\b)",
    re.IGNORECASE,
)
#: A date line, when short: "Published: 3 June 2024", "Last updated at 10:32 GMT".
_DATELINE = re.compile(
    r"^\s*(?:first\s+)?(?:published|posted|updated|last updated)\s*(?::|on\b|at\b)?\s*"
    r"(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"all rights reserved", re.IGNORECASE)
#: A contents or index line: dot leaders, or a page number after a gap.
_CONTENTS = re.compile(r"(?:\.\s?){4,}|(?:\s{2,}|\t)\d{1,4}\s*$")
#: A table row: cells apart by tabs, runs of spaces or pipes.
_CELL_GAP = re.compile(r"\S(?:\t|\s{3,}|\s*\|\s*)(?=\S)")
_NUMBER = re.compile(r"\d[\d.,:%]*")
#: Words as far as telling prose goes: runs of letters (cheaper than sumy's tokens, same count).
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence: . ! ? or … before any closing quotes or brackets."""
    trimmed = text.rstrip(_CLOSERS)
    return bool(trimmed) and trimmed[-1] in _ENDERS


def capitalised_share(words: Sequence[str]) -> float:
    """Share of the words after the first that start with a capital (names, title case)."""
    if len(words) < 2:
        return 0.0
    return len([w for w in words[1:] if w[0].isupper()]) / (len(words) - 1)


def not_prose_reason(
    text: str, words: Sequence[str] | None = None, capitalised: float | None = None
) -> str | None:
    """Why ``text`` is not running text ("a byline", "a caption", ...), or None when it is.

    Rejected: fewer than ``MIN_WORDS`` words; bylines, credits and captions; page
    furniture; contents lines; table rows (cells apart by gaps or pipes, or
    more numbers than words); and lines of names or labels, where most words
    are capitalised and, unless many words long, nothing ends a sentence.
    ``words`` (the text's words, e.g. sumy's ``to_words``) saves finding them again, and
    ``capitalised`` their ``capitalised_share``.
    """
    words = _WORDS.findall(text) if words is None else words
    if _BYLINE.match(text) or _CREDITS.match(text):
        return "a byline"
    if _CAPTION.match(text) or _PHOTO_CREDIT.search(text):
        return "a caption"
    short = len(words) < 15
    if _FURNITURE.match(text) or (short and (_RIGHTS.search(text) or _DATELINE.match(text))):
        return "page furniture"
    if len(_CELL_GAP.findall(text)) >= 2 or len(_NUMBER.findall(text)) > len(words):
        return "a table row"
    if _CONTENTS.search(text):
        return "a contents line"
    if len(words) < MIN_WORDS:
        return "too short"
    if capitalised is None:
        capitalised = capitalised_share(words)
    if ends_sentence(text):
        return "a list of names" if capitalised > 0.8 else None
    if capitalised > 0.5 or len(words) < 8:
        return "a list of names" if capitalised > 0.5 else "a fragment"
    return None


def is_prose(
    text: str, words: Sequence[str] | None = None, capitalised: float | None = None
) -> bool:
    """Whether ``text`` reads as a sentence of running text (see ``not_prose_reason``)."""
    return not_prose_reason(text, words, capitalised) is None


def prose_mask(texts: Sequence[str], words: Sequence[Sequence[str]] | None = None) -> list[bool]:
    """``is_prose`` of each text; all True when none is (better a summary of what there is)."""
    if words is None:
        words = [_WORDS.findall(t) for t in texts]
    mask = [is_prose(t, w) for t, w in zip(texts, words, strict=True)]
    return mask if any(mask) else [True] * len(mask)


def quote_marks(text: str) -> list[str]:
    """ "open" or "close" for each double quotation mark of ``text`` (ambiguous ones left out).

    Curly marks say which they are; a straight one opens after a space or an
    opening bracket and before a letter, and closes after a letter and before
    a space or punctuation.
    """
    marks = []
    for match in _DOUBLE_QUOTES.finditer(text):
        mark, at = match.group(), match.start()
        if mark in "“„«":
            marks.append("open")
            continue
        if mark in "”»":
            marks.append("close")
            continue
        before = text[at - 1] if at > 0 else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        opens = (before.isspace() or before in _OPENS_AFTER) and not after.isspace()
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if opens and not closes:
            marks.append("open")
        elif closes and not opens:
            marks.append("close")
    return marks


def quote_units(texts: Sequence[str]) -> list[tuple[int, ...]]:
    """Positions of ``texts`` grouped so that every quotation is picked whole.

    A group runs from the sentence that opens a quotation to the one that
    closes it. News continues a quotation into the next paragraph by opening
    it again without closing it first, so an opening mark inside an open
    quotation continues it rather than starting a new one.
    """
    units: list[tuple[int, ...]] = []
    current: list[int] = []
    inside = False
    for i, text in enumerate(texts):
        current.append(i)
        for mark in quote_marks(text):
            inside = mark == "open"
        if not inside:
            units.append(tuple(current))
            current = []
    if current:
        units.append(tuple(current))
    return units


def balanced(texts: Sequence[str], unit: Iterable[int]) -> bool:
    """Whether ``unit`` holds whole quotations only, and is short enough to be one pick.

    A closing mark with no quotation open (a quotation whose start was not
    recognised, or a stray mark) makes the unit unbalanced too.
    """
    members = list(unit)
    if len(members) > MAX_QUOTE_UNIT:
        return False
    inside = False
    for i in members:
        for mark in quote_marks(texts[i]):
            if mark == "close" and not inside:
                return False
            inside = mark == "open"
    return not inside


def text_balanced(text: str) -> bool:
    """Whether one piece of text opens and closes its quotations (the check tests use)."""
    return balanced([text], [0])


@dataclass(frozen=True)
class Units:
    """The candidates' units and which of them may be picked."""

    members: tuple[tuple[int, ...], ...]  # candidate positions, in article order
    usable: tuple[bool, ...]  # prose throughout, and quotation-balanced
    of: tuple[int, ...]  # per candidate position, its unit


def units_of(texts: Sequence[str], prose: Sequence[bool]) -> Units:
    """Group ``texts`` into quotation units and say which units may be picked."""
    members = quote_units(texts)
    usable = tuple(bool(all(prose[i] for i in u) and balanced(texts, u)) for u in members)
    of = [0] * len(texts)
    for k, unit in enumerate(members):
        for i in unit:
            of[i] = k
    return Units(tuple(members), usable, tuple(of))


def pick_units(order: Iterable[int], units: Units, count: int) -> list[int]:
    """The first ``count`` candidates of ``order`` (best first), taking each one's unit whole.

    A unit that is not usable is passed over; one that no longer fits the
    remaining budget too (a smaller one further down may fit). The picks
    never exceed ``count``; they may fall short of it when only long
    quotations are left.
    """
    taken: set[int] = set()
    picked: list[int] = []
    budget = count
    for position in order:
        if budget <= 0:
            break
        k = units.of[position]
        if k in taken or not units.usable[k]:
            continue
        members = units.members[k]
        if len(members) > budget:
            continue
        taken.add(k)
        picked.extend(members)
        budget -= len(members)
    return picked


def first_copies(texts: Sequence[str]) -> list[int]:
    """For each text, the position of the first text that reads the same (itself when
    none before does): a page that repeats a paragraph gives its sentences twice."""
    first: dict[str, int] = {}
    return [first.setdefault(_as_read(t), i) for i, t in enumerate(texts)]


def copies_last(order: Iterable[int], texts: Sequence[str]) -> list[int]:
    """``order`` with each text read before (a repeated sentence) moved to the end, so
    that a summary repeats a sentence only when nothing else is left to pick."""
    seen: set[str] = set()
    firsts: list[int] = []
    repeats: list[int] = []
    for position in order:
        key = _as_read(texts[position])
        (repeats if key in seen else firsts).append(position)
        seen.add(key)
    return firsts + repeats


def _as_read(text: str) -> str:
    """What two copies of a sentence share: its words, case and spacing aside."""
    return " ".join(text.split()).casefold()
