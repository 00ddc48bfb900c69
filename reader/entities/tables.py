"""Names in the rows of results and standings tables that spaCy left untagged.

A row such as "Barnsley 3 Ipswich 1" or "BALTIMORE 74 62 .544" gives the
tagger no sentence to read, and it misses many of the names. In a text about
sport, a run of capitalised words just before a score in such a row is a name:
a person's when written with initials ("P. Simmons 4-38") or followed by a
bowler's or a runner's figures, a country where the gazetteer knows it, a
team otherwise.
"""

from __future__ import annotations

import re

from ..nlp import ParsedBlock
from .gazetteer import is_country
from .mentions import Raw, make_raw

_NAME_WORD = r"(?:[A-Z][A-Za-z'’\-]*\.?|[A-Z]\.)"
_NAME = re.compile(
    rf"(?<![\w.'’\-])(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|van|von|del|la|le)){{0,3}})"
    r"(?:\s+\([^()]{1,24}\))?\s+(?P<score>\d[\d\-–.,:/]*)"
)
_INITIALS = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z][a-z]")
_FIGURES = re.compile(r"^\d+(?:[-–]\d+){2,}$|^\d+[:.]\d")  # "10-0-59-1", "15:14.34", "20.41"
#: Words in the names of clubs.
CLUB_WORDS = frozenset(
    [
        "United",
        "City",
        "Town",
        "County",
        "Rovers",
        "Athletic",
        "Albion",
        "Wanderers",
        "Palace",
        "Villa",
        "Forest",
        "Rangers",
        "Celtic",
        "Hotspur",
        "Wednesday",
        "Argyle",
        "Orient",
        "Vale",
        "Stanley",
        "Alexandra",
        "Academical",
        "Real",
        "Sporting",
        "Dynamo",
        "Dinamo",
        "Spartak",
        "Lokomotiv",
        "Olympic",
        "Olympique",
        "Racing",
        "Inter",
        "FC",
        "AC",
        "SC",
        "CF",
        "Club",
        "Athletico",
        "Atletico",
        "Red",
        "White",
        "Blue",
        "Sox",
        "Jays",
        "Yankees",
    ]
)
_SKIP = frozenset({"The", "A", "An", "In", "At", "On", "For", "To", "Of", "And", "But"})


def table_names(block: ParsedBlock, text: str, found: list[Raw]) -> list[Raw]:
    """New mentions for the names in the table row ``text`` that no mention covers;
    the names the tagger ran together over the row ("Grimsby 0 Norwich 2" as one
    person) are typed as the row's own names are."""
    for raw in found:
        if raw.run_together and raw.label == "PERSON" and " " not in raw.text:
            after = text[raw.end - block.offset :].split()
            raw.label = label_in_row(raw.text, after[0] if after else "")
            raw.team_cue = raw.label == "ORG"
    taken = [(raw.start - block.offset, raw.end - block.offset) for raw in found]
    added: list[Raw] = []
    for match in _NAME.finditer(text):
        start, end = match.span("name")
        name = match.group("name")
        if name in _SKIP or any(s < end and start < e for s, e in taken):
            continue
        label = label_in_row(name, match.group("score"))
        made = make_raw(block.doc, text, block.offset, start, end, label)
        if made is None or len(made.text) < 3:
            continue
        made.team_cue = label == "ORG"
        added.append(made)
    return added


def label_in_row(name: str, score: str) -> str:
    """A person's name has initials, figures after it or two words without a club's
    word in them ("Colin Montgomerie 69" but "Bristol Rovers 1")."""
    words = name.split()
    if _INITIALS.match(name) or _FIGURES.match(score):
        return "PERSON"
    if is_country(" ".join(name.casefold().replace(".", "").split())):
        return "GPE"
    if len(words) > 1 and not name.isupper() and not any(w in CLUB_WORDS for w in words):
        return "PERSON"
    return "ORG"
