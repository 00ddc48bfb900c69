"""Named entities: spaCy's mentions, cleaned, typed once per name, and merged.

The steps, each linear in the number of mentions (dictionaries, no pairwise
comparison of mentions), one module each:

1. collect (``mentions``, ``lines``): every spaCy entity becomes a mention,
   trimmed to the name itself; junk is dropped; in headlines of capitals,
   headings and title-case lines a name counts only if the prose names it too;
   a news dateline's place is a place;
2. vote (``voting``): every key (a normalised surface form) gets the label
   most of its mentions carry, so one name has one type across the document;
   cues in the text outrank the votes ("the city of X" is a place); a bare
   surname of exactly one full name is that person;
3. merge (``merging``): a name's variants join one group, each with its reason;
4. fill in (``fill``): untagged occurrences of recognised names become mentions;
5. build (``build``): one ``Entity`` per group, named by its fullest form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Document, Entity
from ..nlp import ParsedBlock
from .build import build
from .fill import fill_in, search_terms
from .lines import Line, dateline, is_caps, line_kind
from .mentions import Raw, collect, make_raw
from .merging import (
    Groups,
    merge_acronyms,
    merge_initials,
    merge_people,
    merge_short_forms,
)
from .tables import table_names
from .teams import find_team_cues, is_about_sport, team_names
from .voting import (
    apply_person_cues,
    apply_place_cues,
    not_people,
    people_by_cue,
    surnames_are_people,
    vote,
)

_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z]+(?![\w'’\-])")
_TITLE_WORD = re.compile(r"[A-Za-z]+")
_DATELINE_BLOCKS = 4  # a dateline opens one of the first few blocks
#: Characters one regular-expression scan reads at a time: ``re`` keeps the GIL for a
#: whole call, and one scan of a book's text held the window's GUI thread for 70 ms.
_SCAN_PIECE = 1 << 16


def extract_entities(document: Document, parsed: list[ParsedBlock]) -> tuple[Entity, ...]:
    """The document's entities, most mentioned first, then by name."""
    headings = {i for i, block in enumerate(document.blocks) if block.kind == "heading"}
    titles = {i for i, block in enumerate(document.blocks) if block.kind == "title"}
    raws: list[Raw] = []
    lines: list[Line] = []
    lower_words = _LowerWords(document.text)
    sport = is_about_sport(document.text)
    for n, block in enumerate(parsed):
        text = _text_of(document.text, block)
        kind = line_kind(text, block.block_index in headings)
        caps = is_caps(text)
        if kind == "title" and _is_a_title(text, lower_words):
            lines.append(("heading", caps))
            continue  # "CHAPTER 83. Jonah Historically Regarded.": no mentions at all
        lines.append((kind, caps))
        found = collect(block, text, unsure=caps, table=kind == "table")
        if sport and kind == "table":
            found = _with_table_names(block, text, found, caps)
        # A headline in title case, and a section's one-word label ("Background"), name
        # only what the prose names too ("Minister Resigns Over Scandal" is nobody).
        label = block.block_index in headings and len(text.split()) == 1
        if (block.block_index in titles and kind == "title") or label:
            for raw in found:
                raw.heading = True
        elif kind == "title":
            _doubt_common_words(found, lower_words)
        if n < _DATELINE_BLOCKS:
            found = _with_dateline(block, text, found)
        apply_place_cues(text, block.offset, found)
        apply_person_cues(text, block.offset, found)
        if sport:
            find_team_cues(text, block.offset, kind, found)
        raws.extend(found)
    raws = _confirmed(raws, lower_words)
    if not raws:
        return ()
    label_of = vote(raws)
    people_by_cue(raws, label_of)
    for name in team_names(raws) if sport else ():
        label_of[name] = "ORG"
    surnames_are_people(label_of)
    things = not_people(raws, label_of)
    raws = [raw for raw in raws if raw.key not in things]
    for raw in raws:
        raw.label = label_of[raw.key]
    groups = Groups({name: name for name in label_of})
    merge_people(label_of, groups, {raw.key for raw in raws if not raw.heading})
    search = search_terms(raws, label_of, groups)
    merge_acronyms(document.text, raws, label_of, groups, search)
    merge_initials(raws, label_of, groups)
    merge_short_forms(raws, label_of, groups, search, lower_words.__contains__)
    raws.extend(fill_in(document.text, parsed, lines, search, label_of))
    raws = _introduced(raws, groups)
    return build(raws, label_of, groups)


def _introduced(raws: list[Raw], groups: Groups) -> list[Raw]:
    """Without the mentions of an organisation's short form that come before the
    text introduces its full name."""
    first: dict[str, int] = {}
    for raw in raws:
        if raw.start < first.get(raw.key, raw.start + 1):
            first[raw.key] = raw.start
    fulls = {
        short: full for short, (reason, full) in groups.reasons.items() if reason == "short form"
    }
    return [
        raw for raw in raws if raw.key not in fulls or raw.start > first.get(fulls[raw.key], -1)
    ]


def _text_of(text: str, block: ParsedBlock) -> str:
    """``block.doc.text``, cut from the document's text (spaCy joins its tokens on
    every access of ``Doc.text``)."""
    doc = block.doc
    if not len(doc):
        return ""
    last = doc[-1]
    return text[block.offset : block.offset + last.idx + len(last.text_with_ws)]


def _with_table_names(block: ParsedBlock, text: str, raws: list[Raw], caps: bool) -> list[Raw]:
    """``raws`` and the names of a results row the tagger missed (in a row of
    capitals, where its names are doubtful, instead of them)."""
    sure = [raw for raw in raws if not raw.heading]
    added = table_names(block, text, sure)
    if caps:
        return sorted([*sure, *added], key=lambda raw: raw.start)
    return sorted([*raws, *added], key=lambda raw: raw.start)


def _with_dateline(block: ParsedBlock, text: str, raws: list[Raw]) -> list[Raw]:
    """``raws`` with the place of a dateline opening the block, if there is one."""
    span = dateline(text)
    if span is None:
        return raws
    place = make_raw(block.doc, text, block.offset, *span, "GPE")
    if place is None:
        return raws
    place.place_cue = True
    kept = [raw for raw in raws if raw.end <= place.start or raw.start >= place.end]
    return [place, *kept]


class _LowerWords:
    """The words the text writes in lower case somewhere (found on first use)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            found: set[str] = set()
            for piece in _pieces(self._text):
                found.update(_LOWER_WORD.findall(piece))
            self._words = frozenset(found)
        return word in self._words


def _pieces(text: str, size: int = _SCAN_PIECE) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each cut just before a line end or
    a space, so that a word never straddles two (a pattern's look-arounds at a piece's
    edge see what they would see in the whole)."""
    start = 0
    while start < len(text):
        end = start + size
        cut = text.find("\n", end, end + size)
        if cut < 0:
            cut = text.find(" ", end)
        if cut < 0 or end >= len(text):
            cut = len(text)
        yield text[start:cut]
        start = cut


def _is_a_title(text: str, lower_words: _LowerWords) -> bool:
    """Whether a title-case line is a title (a capitalised word of it is written in
    lower case elsewhere: "CHAPTER 28. Ahab.") rather than names ("Bryan Gorman")."""
    return any(
        word[:1].isupper() and word.lower() in lower_words for word in _TITLE_WORD.findall(text)
    )


def _doubt_common_words(raws: list[Raw], lower_words: _LowerWords) -> None:
    """In a title-case line, a name with a word the text also writes in lower case
    ("Jonah Historically Regarded", "The Whiteness of the Whale") is doubtful;
    one whose words are never written so ("Bryan Gorman") is not."""
    for raw in raws:
        raw.heading = any(
            word[:1].isupper() and word.lower() in lower_words for word in raw.text.split()
        )


def _confirmed(raws: list[Raw], lower_words: _LowerWords) -> list[Raw]:
    """Mentions outside headings and headlines, and those inside them that the
    prose names too (as a mention of its own); but not a common word
    capitalised only because it opens a sentence ("Harbour town backs...",
    where the text also writes "the harbour wall")."""
    in_prose = {raw.key for raw in raws if not raw.heading}
    inside = {raw.key for raw in raws if not raw.opens_sentence}
    return [
        raw
        for raw in raws
        if (not raw.heading or raw.key in in_prose)
        and (raw.key in inside or " " in raw.key or raw.key not in lower_words)
    ]
