"""Variants of one name joined into one group, each join with its reason.

- a person's shorter forms ("Mikati", "Najib") join the one full name that
  contains them;
- an organisation's acronym joins its spelled-out name when the text defines
  it ("Central Intelligence Agency (CIA)"), and any acronym joins the one name
  of its type with its initials ("US" and "United States").

Keys (normalised surface forms) are joined in a union-find (``Groups``); each
key that joins another records why, which ``explain`` turns into a sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .lexicon import ACRONYM_SKIP
from .mentions import Raw, key

#: Why a key joined another: the kinds ``explain`` words.
Reason = Literal["first name", "surname", "shorter form", "acronym", "initials", "short form"]

_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,11})\s*\)")
_ACRONYM_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})
_SHORT_FORM_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "FAC"})
# Search terms: first token -> [(tokens, key)], the longest first (see ``fill``).
SearchTerms = dict[str, list[tuple[tuple[str, ...], str]]]


@dataclass
class Groups:
    """A union-find over keys, with the reason each key joined its group."""

    root_of: dict[str, str]
    reasons: dict[str, tuple[Reason, str]] = field(default_factory=dict)

    def find(self, key: str) -> str:
        self.root_of.setdefault(key, key)
        while self.root_of[key] != key:
            key = self.root_of[key]
        return key

    def join(self, key: str, into: str, reason: Reason) -> None:
        """Join ``key``'s group to ``into``'s; ``key`` is the form that says why."""
        self.root_of.setdefault(key, key)
        self.root_of[self.find(key)] = self.find(into)
        self.reasons.setdefault(key, (reason, into))


def merge_people(label_of: dict[str, str], groups: Groups, in_body: set[str]) -> None:
    """Join each shorter form of a person's name to the one fuller name containing it.

    A form joins a fuller one when its words appear, in order, among the fuller
    name's words and it shares the first or the last word ("Mikati" and "Najib"
    join "Najib Mikati"; "William Burns" joins "William J. Burns"). A form that
    fits several different people ("Smith" with "John Smith" and "Jane Smith")
    stays on its own. A fuller name seen only in headings ("Jonah Historically
    Regarded") takes nobody in.
    """
    people = sorted(
        (k for k, label in label_of.items() if label == "PERSON"),
        key=lambda k: (-len(k.split()), -len(k), k),
    )
    by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in people:
        words = tuple(name.split())
        candidates = {
            fuller
            for word in _end_words(words)
            for fuller in by_word.get(word, ())
            if len(fuller) > len(words) and _is_subsequence(words, fuller)
        }
        roots = {groups.find(" ".join(fuller)): fuller for fuller in candidates}
        if len(roots) == 1:
            root, fuller = roots.popitem()
            groups.root_of[name] = root
            groups.reasons[name] = (_part_of(words, fuller), " ".join(fuller))
        if len(words) > 1 and name in in_body:
            for word in _end_words(words):
                by_word[word].append(words)


def _part_of(words: tuple[str, ...], fuller: tuple[str, ...]) -> Reason:
    if len(words) == 1 and words[0] == fuller[-1]:
        return "surname"
    if len(words) == 1 and words[0] == fuller[0]:
        return "first name"
    return "shorter form"


def _end_words(words: tuple[str, ...]) -> set[str]:
    """The first and last word, and the parts of a hyphenated last name ("el-sisi")."""
    ends = {words[0], words[-1]}
    ends.update(part for part in words[-1].split("-") if len(part) > 2)
    return ends


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if len(short) == 1 and "-" not in long[-1]:
        return short[0] in (long[0], long[-1])
    words = iter(w for word in long for w in (word, *word.split("-")))
    return all(any(w == s for w in words) for s in short)


def merge_acronyms(
    text: str, raws: list[Raw], label_of: dict[str, str], groups: Groups, search: SearchTerms
) -> None:
    """Join "CIA" to "Central Intelligence Agency" when the text says "... Agency (CIA)"."""
    for raw in raws:
        if raw.label != "ORG" or " " not in raw.text:
            continue
        match = _ACRONYM_AFTER.match(text, raw.end)
        if match is None:
            continue
        acronym = match.group(1)
        letters = acronym.replace(".", "")
        if not letters.isupper() or letters != initials(raw.text):
            continue
        short = key(acronym)
        if label_of.get(short, "ORG") != "ORG":
            continue
        root = groups.find(raw.key)
        if short == root:
            continue
        label_of[short] = "ORG"
        groups.root_of[short] = root
        groups.reasons[short] = ("acronym", raw.key)
        terms = search.setdefault(acronym, [])
        if not any(t == (acronym,) for t, _ in terms):
            terms.append(((acronym,), short))


def merge_initials(raws: list[Raw], label_of: dict[str, str], groups: Groups) -> None:
    """Join an acronym ("US", "U.N.") to the one name of its type that it abbreviates
    ("United States", "United Nations"), even where the text never defines it."""
    spelled: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # root -> a key
    for name, label in label_of.items():
        if label in _ACRONYM_LABELS and " " in name:
            spelled[initials(name), label].setdefault(groups.find(name), name)
    written: dict[str, set[bool]] = defaultdict(set)  # key -> is each surface an acronym?
    for raw in raws:
        written[raw.key].add(_is_acronym(raw.text))
    for name, forms in written.items():
        if forms != {True}:
            continue
        roots = spelled.get((name.upper(), label_of[name]), {})
        root = groups.find(name)
        if len(roots) == 1 and root not in roots:
            target, spelled_key = next(iter(roots.items()))
            groups.root_of[root] = target
            groups.reasons.setdefault(name, ("initials", spelled_key))


def merge_short_forms(
    raws: list[Raw],
    label_of: dict[str, str],
    groups: Groups,
    search: SearchTerms,
    is_common: Callable[[str], bool],
) -> None:
    """Join an organisation's first word or words ("Northwind") to its full name
    ("Northwind Tidal") when the full name comes first and no other organisation
    of the text starts so. A short form the text calls a place or a person
    ("Manchester" beside "Manchester United") stays apart. A first word the
    tagger never marked is looked for too, unless the text also writes it in
    lower case."""
    first_at: dict[str, int] = {}
    for raw in raws:
        if raw.start < first_at.get(raw.key, raw.start + 1):
            first_at[raw.key] = raw.start
    fuller: dict[str, dict[str, str]] = defaultdict(dict)  # short key -> root -> full key
    for name, label in label_of.items():
        words = name.split()
        if label != "ORG" or len(words) < 2 or name not in first_at:
            continue
        for n in range(1, len(words)):
            fuller[" ".join(words[:n])].setdefault(groups.find(name), name)
    for short, roots in fuller.items():
        if len(roots) != 1:
            continue
        root, full = next(iter(roots.items()))
        if short not in label_of and _may_look_for(short, full, raws, is_common):
            first = next(raw.tokens[0] for raw in raws if raw.key == full and raw.tokens)
            search.setdefault(first, []).append(((first,), short))
            first_at[short] = first_at[full] + 1
            label_of[short] = "ORG"
        if label_of.get(short) not in _SHORT_FORM_LABELS:
            continue
        if groups.find(short) == root or first_at[full] > first_at.get(short, -1):
            continue
        label_of[short] = "ORG"
        groups.join(short, full, "short form")


def _may_look_for(short: str, full: str, raws: list[Raw], is_common: Callable[[str], bool]) -> bool:
    return (
        " " not in short
        and len(short) > 3
        and short.isalpha()
        and not is_common(short)
        and any(raw.key == full and raw.tokens for raw in raws)
    )


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper()
