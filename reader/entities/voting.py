"""One type per name: the votes of all its mentions, and the words around them.

A name's type is decided for the whole document: every mention of a key (a
normalised surface form) votes with the label spaCy gave it, and cues in the
text that say what kind of thing a name is outrank the votes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .gazetteer import is_place
from .lexicon import FEATURE_WORDS, PLACE_AFTER, PLACE_BEFORE
from .mentions import NAME_LABELS, Raw

# On a tie of votes, the label that comes first here wins (then the earliest mention).
_LABEL_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT")
_SPEECH = (
    "said|says|cried|replied|asked|shouted|answered|muttered|exclaimed|whispered|added|"
    "continued|roared|rejoined|demanded|murmured|observed"
)
_SPEECH_BEFORE = re.compile(rf"\b(?:{_SPEECH})\s+$")
_SPEECH_AFTER = re.compile(rf",?\s+(?:{_SPEECH}|told|thought|nodded|smiled|laughed)\b")
_FEATURE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*")


def apply_place_cues(text: str, offset: int, raws: list[Raw]) -> None:
    """Call a name a place where the words around it say so.

    "the city of X", "residents of X", "X province"; the cue carries along a
    list ("residents of X, Y and Z"). Only people and organisations are
    relabelled (a group's adjective is not a place: "the Kurdish region"), and
    places stay what spaCy said (GPE, LOC or FAC). A cue settles the name's
    type for the whole document.
    """
    cued = False
    previous_end = None
    for raw in raws:
        start, end = raw.start - offset, raw.end - offset
        listed = (
            cued
            and previous_end is not None
            and _LIST_JOINER.fullmatch(text, previous_end, start) is not None
        )
        cued = (
            listed
            or PLACE_BEFORE.search(text, max(0, start - 40), start) is not None
            or PLACE_AFTER.match(text, end) is not None
        )
        if cued and raw.label in ("PERSON", "ORG"):
            raw.label = "GPE"
            raw.place_cue = True
        elif raw.label in _FEATURE_LABELS and raw.key.rsplit(None, 1)[-1] in FEATURE_WORDS:
            raw.label = "LOC"  # "the Calder Estuary", "Lake Geneva" is spaCy's already
            raw.place_cue = True
        previous_end = end


def apply_person_cues(text: str, offset: int, raws: list[Raw]) -> None:
    """Mark the mentions a verb of speech stands next to ("said Queequeg")."""
    for raw in raws:
        start, end = raw.start - offset, raw.end - offset
        raw.person_cue = (
            _SPEECH_BEFORE.search(text, max(0, start - 16), start) is not None
            or _SPEECH_AFTER.match(text, end) is not None
        )


def people_by_cue(raws: list[Raw], label_of: dict[str, str]) -> None:
    """A one-word name voted a place that speaks like a person ("said Queequeg",
    twice at least) is a person, unless the gazetteer knows it as a place
    ("Washington said" is the government)."""
    cued: Counter[str] = Counter(raw.key for raw in raws if raw.person_cue)
    for name, count in cued.items():
        if count >= 2 and label_of[name] == "GPE" and " " not in name and not is_place(name):
            label_of[name] = "PERSON"


def not_people(raws: list[Raw], label_of: dict[str, str]) -> set[str]:
    """One-word "people" the text often writes after "the" or "a" ("the Whale", a
    third of their mentions at least): things, not people."""
    after_the: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for raw in raws:
        if label_of[raw.key] == "PERSON" and " " not in raw.key:
            total[raw.key] += 1
            after_the[raw.key] += raw.after_the
    return {name for name, count in total.items() if 3 * after_the[name] >= count}


def vote(raws: list[Raw]) -> dict[str, str]:
    """Each key's label: the majority of its mentions, unless the text calls it a place.

    A tie goes to the more name-like label (``_LABEL_PRIORITY``), then to the
    label of the earlier mention.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[tuple[str, str], int] = {}
    for i, raw in enumerate(raws):
        votes[raw.key][raw.label] += 1
        first.setdefault((raw.key, raw.label), i)
    label_of = {
        key: min(counter, key=lambda lab: (-counter[lab], _priority(lab), first[key, lab]))
        for key, counter in votes.items()
    }
    for raw in raws:
        if raw.place_cue:
            label_of[raw.key] = raw.label  # the text says so: stronger than the tagger's guesses
    return label_of


def surnames_are_people(label_of: dict[str, str]) -> None:
    """A single word that is the surname of exactly one full name is that person.

    spaCy often tags a bare surname as an organisation or a place ("Mikati"
    as ORG) while it gets the full name right. On the CoNLL dev set this
    holds far more often than it misfires ("Washington" the city beside
    "Denzel Washington"), even when spaCy never called the word a person.
    """
    first_names: dict[str, set[str]] = defaultdict(set)  # surname -> first words
    for key, label in label_of.items():
        words = key.split()
        if label == "PERSON" and len(words) > 1:
            first_names[words[-1]].add(words[0])
    for key, label in label_of.items():
        if label != "PERSON" and label in NAME_LABELS and len(first_names.get(key, ())) == 1:
            label_of[key] = "PERSON"


def _priority(label: str) -> int:
    try:
        return _LABEL_PRIORITY.index(label)
    except ValueError:
        return len(_LABEL_PRIORITY)
