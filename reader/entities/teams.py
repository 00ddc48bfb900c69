"""Sports clubs named after places: "Leeds beat Chelsea" names two organisations.

In a text about sport (its words say so), a place's name is a team where the
words around it make it one: a score after it in a results row ("Barnsley 3
Ipswich 1"), a result verb ("beat", "drew with", "lost to", "against", "v"),
a role or a result after its possessive ("Leeds striker", "Chelsea's win").
The cue carries along a list ("Essex, Derbyshire and Surrey all closed in"),
and one cue makes the name a team in the whole text. Countries stay places:
news calls a national side by its country ("England beat Pakistan"), and so
do people (a bare surname in "Sampras beat Ivanisevic" stays a person).
"""

from __future__ import annotations

import re

from .gazetteer import is_country
from .lines import LineKind
from .mentions import Raw

_SPORT_WORDS = re.compile(
    r"\b(?:match(?:es)?|goals?|scored|scorers?|innings|wickets?|league|cup|striker|"
    r"midfielder|goalkeeper|half-?time|soccer|football|cricket|rugby|tennis|golf|"
    r"basketball|baseball|hockey|standings|fixtures?|semi-?finals?|quarter-?finals?|"
    r"penalt(?:y|ies)|batsman|bowler|bowling|batting|season|championship|tournament|"
    r"coach|club|division|playoffs?|touchdowns?|home runs?)\b",
    re.IGNORECASE,
)
_SPORT_DENSITY = 4 / 1000  # sport words per word of the text
_OPENING = 50_000  # characters read to judge
_RESULT_BEFORE = re.compile(
    r"(?:\b(?:beat|beats|beating|defeated|defeating|edged|thrashed|routed|crushed|hammered|"
    r"downed|overcame|against|v|vs|versus|lost to|loss to|defeat by|defeat to|drew with|"
    r"draw with|drawn with|tie with|win over|wins over|victory over|played|play|playing|"
    r"face|faces|facing|meet|meets|host|hosts|hosting|visitors|champions)\.?"
    r"|\d+\s*[-–]\s*\d+\s+(?:to|against|with|over))\s+$"
)
_RESULT_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:beat|beats|defeated|edged|thrashed|routed|crushed|hammered|downed|"
    r"overcame|drew|draw|drawn|lost|won|held|trailed|v|vs|versus|"
    r"manager|coach|striker|forward|midfielder|defender|goalkeeper|keeper|captain|skipper|"
    r"boss|fans|supporters|players?|squad|side|batsman|bowler|opener)\b"
)
_POSSESSIVE_RESULT = re.compile(
    r"^['’]s?\s+(?:\d+\s*[-–]\s*\d+\s+)?(?:win|victory|defeat|draw|loss|lead|goal|"
    r"innings|total|reply|attack|defence|defense)\b"
)
_SCORE_AFTER = re.compile(r"^\s+\d+(?:\s*[-–]\s*\d+)?(?:\s|[,;.)]|$)")
_SCORE_BEFORE = re.compile(r"(?:^|\s)\d+\s+$")
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s*and|&)\s*")
# Labels a team can hide under; PERSON only for a name also written as a place.
_PLACE_LIKE = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def is_about_sport(text: str) -> bool:
    """Whether sport's words are dense enough in ``text`` to read its names as teams
    (a long text is judged by its opening)."""
    text = text[:_OPENING]
    words = text.count(" ") + 1
    for found, _ in enumerate(_SPORT_WORDS.finditer(text), start=1):
        if found >= 2 and found >= _SPORT_DENSITY * words:
            return True
    return False


def find_team_cues(text: str, offset: int, kind: LineKind, raws: list[Raw]) -> None:
    """Mark the mentions of one block (``text``) that the words around make teams."""
    cued = False
    previous_end = None
    for raw in raws:
        start, end = raw.start - offset, raw.end - offset
        listed = (
            cued
            and previous_end is not None
            and _LIST_JOINER.fullmatch(text, previous_end, start) is not None
        )
        before = text[max(0, start - 24) : start]
        after = text[end : end + 24]
        cued = (
            listed
            or _RESULT_BEFORE.search(before) is not None
            or _RESULT_AFTER.match(after) is not None
            or _POSSESSIVE_RESULT.match(after) is not None
            or (kind == "table" and _is_scored(before, after))
        )
        raw.team_cue = cued
        previous_end = end


def _is_scored(before: str, after: str) -> bool:
    return _SCORE_AFTER.match(after) is not None or _SCORE_BEFORE.search(before) is not None


def team_names(raws: list[Raw]) -> set[str]:
    """The keys the text makes teams: a cue on any mention, not a country, and not
    a person's name unless it is also written as a place or an organisation."""
    cued = {raw.key for raw in raws if raw.team_cue}
    place_like = {raw.key for raw in raws if raw.key in cued and raw.label in _PLACE_LIKE}
    return {key for key in place_like if not is_country(key)}
