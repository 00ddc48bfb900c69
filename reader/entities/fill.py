"""Mentions spaCy missed: other occurrences of names already recognised.

Whole-word occurrences of a recognised name (or of a known person's surname)
that spaCy did not tag become mentions too: one pass over the tokens with a
dictionary lookup per token.
"""

from __future__ import annotations

from collections import defaultdict

from ..nlp import ParsedBlock
from .lines import Line
from .mentions import NAME_LABELS, Raw, key
from .merging import Groups, SearchTerms


def search_terms(raws: list[Raw], label_of: dict[str, str], groups: Groups) -> SearchTerms:
    """Names to look for again: first token -> [(tokens, key)], longest first."""
    terms: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    for raw in raws:
        if raw.label in NAME_LABELS and raw.tokens and _searchable(raw.tokens):
            terms[raw.tokens[0]].setdefault(raw.tokens, raw.key)
    _add_surnames(raws, label_of, groups, terms)
    return {
        first: sorted(found.items(), key=lambda item: -len(item[0]))
        for first, found in terms.items()
    }


def _add_surnames(
    raws: list[Raw],
    label_of: dict[str, str],
    groups: Groups,
    terms: dict[str, dict[tuple[str, ...], str]],
) -> None:
    """The surname alone of a person known by full name, when no one else has it."""
    owners: dict[str, dict[str, str]] = defaultdict(dict)  # surname -> root -> a full key
    for raw in raws:
        if raw.label == "PERSON" and len(raw.tokens) > 1 and _searchable(raw.tokens[-1:]):
            owners[raw.tokens[-1]].setdefault(groups.find(raw.key), raw.key)
    for surname, roots in owners.items():
        short = key(surname)
        if len(roots) != 1 or label_of.get(short, "PERSON") != "PERSON":
            continue
        root, full = roots.popitem()
        if short not in label_of:
            label_of[short] = "PERSON"
            groups.root_of[short] = root
            groups.reasons[short] = ("surname", full)
        elif groups.find(short) != root:
            continue
        terms[surname].setdefault((surname,), short)


def _searchable(tokens: tuple[str, ...]) -> bool:
    """Only capitalised names of some length: "May" or "US" alone are too risky."""
    if not tokens[0][:1].isupper():
        return False
    return len(tokens) > 1 or len(tokens[0]) > 2


def fill_in(
    text: str,
    parsed: list[ParsedBlock],
    lines: list[Line],
    search: SearchTerms,
    label_of: dict[str, str],
) -> list[Raw]:
    """Mentions of already recognised names that spaCy left untagged.

    Only tokens outside every spaCy entity are taken, and a one-word name only
    where spaCy sees a proper noun (so "Hope" the name does not catch "hope").
    In headlines, headings and title-case lines spaCy's own entities are not
    trusted: every known name there is taken, in a line of capitals whatever
    its case ("LEEDS" for "Leeds").
    """
    if not search:
        return []
    upper = {
        first.upper(): [(tuple(t.upper() for t in tokens), name) for tokens, name in terms]
        for first, terms in search.items()
    }
    added: list[Raw] = []
    for block, (kind, caps) in zip(parsed, lines, strict=True):
        if kind == "heading":
            continue
        doc = block.doc
        n = len(doc)
        unsure = caps or kind == "title"
        lookup = upper if caps else search
        surface = [t.text.upper() for t in doc] if caps else None
        i = 0
        while i < n:
            token = doc[i]
            found = None
            if unsure or token.ent_iob_ == "O":
                for tokens, name in lookup.get(surface[i] if surface else token.text, ()):
                    j = i + len(tokens)
                    if j <= n and all(
                        (surface[k] if surface else doc[k].text) == tokens[k - i]
                        and (unsure or doc[k].ent_iob_ == "O")
                        for k in range(i + 1, j)
                    ):
                        if len(tokens) == 1 and not unsure and token.pos_ != "PROPN":
                            continue
                        found = (j, name)
                        break
            if found is None:
                i += 1
                continue
            j, name = found
            start = block.offset + token.idx
            end = block.offset + doc[j - 1].idx + len(doc[j - 1])
            added.append(Raw(start, end, text[start:end], label_of[name], name, ()))
            i = j
    return added
