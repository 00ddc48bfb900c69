"""Mentions as spaCy tags them, cleaned: the name itself, nothing around it.

Every spaCy entity of every block becomes a mention, trimmed of quotes and
edge punctuation, a leading "the", a possessive "'s", a trailing score
("Smith 69") and (for people) titles such as "Mr" or "Prime Minister"; lists
run together are split and junk is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..nlp import ParsedBlock
from .lexicon import ABBREVIATIONS, APOSTROPHES, TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Labels whose names are worth looking for again where spaCy missed them.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})

_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_KEEP_AT_EDGE = frozenset("%‰&#@§")
# Labels whose spans never end in a number: "H. Morris 69" in a score table is
# "H. Morris" (organisations keep theirs: "Channel 4", "S&P 500").
_NUMBERLESS = frozenset(("PERSON", "GPE", "LOC", "NORP"))
_TRAILING_NUMBER = re.compile(r"\s+\d[\d\-–/.,:]*$")
_TRAILING_SCORE = re.compile(r"\s+\d+\s*[-–]\s*\d+$")
_COMMA_SPLIT = frozenset(("PERSON", "ORG", "NORP"))
_LIST_COMMA = re.compile(r"\s*,\s*(?=[A-Z])")
# Lower-case words between two names that are not part of either.
_SPLIT_WORD = re.compile(r"\s+(?:at|in|v|vs|versus|beat|with|to)\s+(?=[A-Z])")
_AND = re.compile(r"\s+and\s+(?=[A-Z])")  # two people, never one
_TABLE_NUMBER = re.compile(r"(?:^|\s+)[\d(][\d\-–.,:/()]*(?=\s|$)\s*")
# Small words a name does not end with ("the Calder Estuary to Northwind").
_TRAILING_SMALL = re.compile(
    r"\s+(?:to|of|and|the|in|at|on|for|by|with|from|v|vs|or|a|an|as|into|over)$"
)
# A name written with initials: a person's.
_INITIALED = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*$")
_NOT_INITIALS = frozenset({"us", "uk", "un", "eu"})
_THE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|every|each|any|no)\s+$", re.IGNORECASE)
# Parts of speech no name is made of only.
_FUNCTION_POS = frozenset({"PRON", "DET", "INTJ", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
_TITLE_WORD = re.compile(r"(\S+)\s+")
_WORD = re.compile(r"[A-Za-z]+")
_THE = re.compile(r"the\s+", re.IGNORECASE)
_INNER_POSSESSIVE = re.compile(r"['’][sS]\s")
_LEADING_POSSESSIVE = re.compile(r"['’‘`´][sS]\s")


@dataclass(slots=True)
class Raw:
    """A mention while it is being processed."""

    start: int
    end: int
    text: str
    label: str
    key: str  # normalised form used for matching
    tokens: tuple[str, ...]  # the surface's spaCy tokens, for finding it again
    #: In a heading, a line of capitals or a title-case line, where the tagger
    #: takes almost any word for a name: kept only if the prose names it too.
    heading: bool = False
    place_cue: bool = False  # "the city of X": a place whatever the tagger says
    team_cue: bool = False  # "X beat Y", "X 3 Y 1": a team if X is a place's name
    opens_sentence: bool = False  # its first word starts a sentence
    run_together: bool = False  # cut from a span the tagger ran over a results row
    after_the: bool = False  # "the Whale": a thing or a group, not a person
    person_cue: bool = False  # "said Queequeg": a person, whatever the tagger says


def collect(block: ParsedBlock, text: str, unsure: bool, table: bool) -> list[Raw]:
    """The block's cleaned mentions, in text order (``text`` is the block's text;
    ``table`` if it is a results row, where a name stops at a number)."""
    doc = block.doc
    raws = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        if ent.label_ == "MONEY":
            start, end = whole_amount(doc.text, start, end)
        pieces = list(_pieces(doc.text[start:end], start, ent.label_, table))
        for start, end in pieces:
            raw = make_raw(doc, text, block.offset, start, end, ent.label_)
            if raw is not None:
                raw.heading = unsure
                raw.run_together = table and len(pieces) > 1
                raws.append(raw)
    return raws


#: A currency sign written before an amount, and what multiplies it after ("£40m").
_CURRENCY_BEFORE = re.compile(r"[$£€¥₹]\s?$")
_MULTIPLIER_AFTER = re.compile(r"(?:m|bn|tn|k|\s(?:million|billion|trillion))\b")


def whole_amount(text: str, start: int, end: int) -> tuple[int, int]:
    """An amount of money with its currency sign and multiplier: the model's "40" in
    "£40m" is "£40m"."""
    sign = _CURRENCY_BEFORE.search(text, max(0, start - 2), start)
    if sign is not None:
        start = sign.start()
    times = _MULTIPLIER_AFTER.match(text, end)
    if times is not None and text[end - 1 : end].isdigit():  # not "1.2bn" again
        end = times.end()
    return start, end


def _pieces(text: str, start: int, label: str, table: bool) -> Iterable[tuple[int, int]]:
    """The parts of an entity's text between line breaks and, for some labels, commas
    and words that never sit inside a name ("Yorkshire at Headingley").

    spaCy sometimes runs a list together ("Baalbek, Ain Bourday" as one ORG);
    places keep their commas ("Paris, Texas"), and so do "Smith, Jr." and "Acme, Inc.".
    In a results row a number ends a name ("Millwall 2 Burnley 1" is two).
    """
    cuts = [m.span() for m in _BREAKS.finditer(text)]
    if label in _COMMA_SPLIT:
        cuts.extend(m.span() for m in _LIST_COMMA.finditer(text) if not _is_suffix(text, m.end()))
    if label in _NUMBERLESS or label == "FAC":
        cuts.extend(m.span() for m in _SPLIT_WORD.finditer(text))
    if label == "PERSON":
        cuts.extend(m.span() for m in _AND.finditer(text))
    if table:
        cuts.extend(m.span() for m in _TABLE_NUMBER.finditer(text))
    cuts.sort()
    pos = 0
    for cut_start, cut_end in cuts:
        if cut_start < pos:
            pos = max(pos, cut_end)
            continue
        yield start + pos, start + cut_start
        pos = cut_end
    yield start + pos, start + len(text)


def _is_suffix(text: str, pos: int) -> bool:
    word = _WORD.match(text, pos)
    return word is not None and word.group().lower() in ABBREVIATIONS


def make_raw(
    doc: Doc, block_text: str, offset: int, start: int, end: int, label: str
) -> Raw | None:
    """The cleaned mention of ``block_text[start:end]``, or None if nothing is left."""
    start, end = _trim(block_text, start, end, label)
    if end <= start:
        return None
    text = block_text[start:end]
    if not any(ch.isalnum() for ch in text):
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    tokens = tuple(t.text for t in span) if span is not None else tuple(text.split())
    if _is_junk_name(text, label, span):
        return None
    if label in NAME_LABELS and _is_initialled(text):
        label = "PERSON"  # "P. Simmons", "J.R. Smith"
    raw = Raw(offset + start, offset + end, text, label, key(text), tokens)
    raw.opens_sentence = span is not None and len(span) > 0 and bool(span[0].is_sent_start)
    raw.after_the = _THE_BEFORE.search(block_text, max(0, start - 6), start) is not None
    return raw


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is imported lazily

    return frozenset(STOP_WORDS)


def _is_initialled(text: str) -> bool:
    """A name written with initials ("P. Simmons"), not "U.S. Steel" or "I. The"."""
    if _INITIALED.match(text) is None:
        return False
    words = key(text).split()
    return words[0] not in _NOT_INITIALS and words[-1] not in _stop_words()


def _is_junk_name(text: str, label: str, span: Span | None) -> bool:
    """A name in lower case ("thou"), one made only of titles ("Caretaker") or of
    small words ("Thou", "Aye"), or a person with no proper noun in it
    ("’s Arabic-language")."""
    if label not in NAME_LABELS:
        return False
    if not any(ch.isupper() for ch in text):
        return True
    if all(word.rstrip(".").lower() in TITLE_WORDS for word in text.split()):
        return True
    if span is not None and all(t.pos_ in _FUNCTION_POS for t in span):
        return True
    return label == "PERSON" and span is not None and all(t.pos_ != "PROPN" for t in span)


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Shrink ``text[start:end]`` to the name itself (see the module docstring)."""
    while True:
        before = (start, end)
        if _LEADING_POSSESSIVE.match(text, start, end):
            start += 2  # "’s Arabic..." (spaCy glued the possessive to the next name)
        while start < end and _is_edge_junk(text[start]):
            start += 1
        while start < end and _is_edge_junk(text[end - 1]):
            if text[end - 1] == "." and _keeps_final_dot(text[start:end]):
                break
            end -= 1
        span = text[start:end]
        if len(span) > 2 and span[-1] in "sS" and span[-2] in APOSTROPHES:
            end -= 2  # possessive 's
        elif len(span) > 2 and span[-1] in APOSTROPHES and span[-2] in "sS":
            end -= 1  # plural possessive s'
        match = _THE.match(text, start, end)
        if match and match.end() < end:
            start = match.end()
        if label == "PERSON":
            start = _skip_titles(text, start, end)
            inner = _INNER_POSSESSIVE.search(text, start, end)
            if inner is not None:
                end = inner.start()  # "Hobbes’s Leviathan" is Hobbes
        if label in _NUMBERLESS:
            number = _TRAILING_NUMBER.search(text, start, end)
            if number is not None and number.start() > start:
                end = number.start()
        score = _TRAILING_SCORE.search(text, start, end)
        if score is not None and score.start() > start:
            end = score.start()  # "Chelsea 2-1"
        small = _TRAILING_SMALL.search(text, start, end)
        if small is not None and small.start() > start:
            end = small.start()
        if (start, end) == before:
            return start, end


def _is_edge_junk(ch: str) -> bool:
    """Spaces, quotes, brackets, dashes and sentence punctuation; not "%", "&", "$"..."""
    if ch.isspace():
        return True
    return unicodedata.category(ch)[0] == "P" and ch not in _KEEP_AT_EDGE


def _keeps_final_dot(span: str) -> bool:
    """Whether the final "." belongs to the name ("U.S.", "Acme Inc.")."""
    word = span.rsplit(None, 1)[-1][:-1]
    return "." in word or word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _skip_titles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading title words, keeping at least one word."""
    pos = start
    while True:
        match = _TITLE_WORD.match(text, pos, end)
        if match is None:
            return pos
        word = match.group(1).rstrip(".,").lower()
        if word not in TITLE_WORDS:
            return pos
        pos = match.end()


def key(text: str) -> str:
    """The form names are matched by: case, dots, apostrophes and spacing ignored."""
    text = text.casefold().replace(".", "")
    for ch in APOSTROPHES:
        text = text.replace(ch, "'")
    return " ".join(text.split())
