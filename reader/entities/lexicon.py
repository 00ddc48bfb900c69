"""The word lists entity extraction reads: titles, abbreviations, cue words.

Lower case throughout; one place for each list (the cleaning, typing and
merging steps import them from here).
"""

from __future__ import annotations

import re


def wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


APOSTROPHES = "'’‘`´"
ABBREVIATIONS = wordset(
    "inc corp co ltd jr sr bros st mt dr plc cos llc ft gen sen rep gov col capt lt sgt"
)
# Words that may precede a person's name as a title or a role.
TITLE_WORDS = wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam
    president vice prime minister premier chancellor secretary general
    councillor councilor alderman
    senator sen rep representative congressman congresswoman governor gov mayor
    ambassador envoy adviser advisor spokesman spokeswoman spokesperson speaker
    chairman chairwoman chair chief executive director commissioner
    judge justice attorney sheriff officer
    gen col capt lt sgt cpl maj cmdr adm colonel captain lieutenant sergeant
    corporal commander admiral marshal
    rev reverend father brother sister rabbi imam cardinal bishop archbishop
    deputy acting interim caretaker former ex foreign defence defense finance
    top senior veteran incoming outgoing embattled
    interior justice health home state economy economic trade
    coach manager striker goalkeeper midfielder defender captain
    """
)
# Nouns that make the name beside them a place: "the city of X", "X province".
PLACE_NOUNS = (
    "city|cities|town|towns|village|villages|province|provinces|region|county|district"
    "|districts|state|capital|suburb|suburbs|outskirts|residents|inhabitants|governorate"
    "|municipality|port|island|islands"
)
PLACE_BEFORE = re.compile(rf"\b(?:{PLACE_NOUNS}) of\s+$", re.IGNORECASE)
PLACE_AFTER = re.compile(r"\s+(?:city|town|village|province|region|county|district|governorate)\b")
# The last word of a natural feature's name: "the Calder Estuary" is a place.
FEATURE_WORDS = wordset(
    """
    estuary river bay sea ocean lake strait straits gulf channel coast island islands
    isle peninsula mountain mountains mount valley desert canyon cape delta glacier
    """
)
# Words skipped when an acronym is formed from a name's initials.
ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "on", "in", "&", "de", "du", "des", "la"})
