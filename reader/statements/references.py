"""What "the minister", "the company" and "she" stand for, beyond the last subject.

News writing names a person once ("Foreign Minister Jane Doe", "Jane Doe, the
mayor of Springfield") and then calls them by their role ("the minister", "the
mayor"); an organisation becomes "the company" or "the campaign". A person
referred to as "he" or "she" stays so for the rest of the article, and "Mr." or
"Ms." says which. This module keeps those facts, gathered once from the entity
mentions and their parse, for the speaker resolver to look up.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .spans import Context

if TYPE_CHECKING:
    from spacy.tokens import Token

# Common nouns an organisation is referred back to by.
ORGANISATION_NOUNS = frozenset(
    str.split(
        "company firm group organization organisation agency campaign committee party "
        "department ministry administration bank union university council network "
        "newspaper paper corporation business retailer carrier bureau office board "
        "foundation institute coalition movement commission"
    )
)
# Subjects of a cue verb that never say anything themselves ("the result shows ...").
NOT_SPEAKERS = frozenset(
    str.split(
        "result results outcome outcomes fact facts reason reasons problem truth effect "
        "effects consequence consequences move thing things way according"
    )
)
_HONORIFICS = {"mr.": "he", "mr": "he", "mrs.": "she", "mrs": "she", "ms.": "she", "ms": "she"}
_HONORIFICS["miss"] = "she"
_LOOKBACK_BLOCKS = 12  # how far back "the company" looks for the organisation
#: Organisation nouns a writer uses for one another ("the agency" for the Department of
#: Veterans Affairs); any other noun is a kind of its own ("the council").
_KIND_OF_BODY = {
    **dict.fromkeys(
        str.split("agency department ministry administration bureau office commission board"),
        "public body",
    ),
    **dict.fromkeys(
        str.split("company firm group corporation business retailer carrier bank network"),
        "business",
    ),
}


class References:
    """Roles, genders and organisations from the mentions of an article."""

    def __init__(self, ctx: Context, mentions: list[tuple[int, int, str, str]]) -> None:
        self.ctx = ctx
        roles: dict[str, list[tuple[int, str]]] = {}
        self.gender: dict[str, str] = {}  # entity name -> "he" or "she"
        organisations: list[tuple[int, str]] = []
        for start, end, name, etype in mentions:
            if etype == "ORG" and not ctx.is_furniture(start):  # a byline's agency is
                organisations.append((start, name))  # nobody's "the company"
            if etype != "PERSON":
                continue
            token = _token_at(ctx, start)
            if token is None:
                continue
            for word in _titles(token, start, end, ctx):
                roles.setdefault(word, []).append((start, name))
            before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
            if before in _HONORIFICS:
                self.gender.setdefault(name, _HONORIFICS[before])
        self._roles = roles
        self._role_starts = {word: [p for p, _ in found] for word, found in roles.items()}
        self._organisations = organisations
        self._organisation_starts = [p for p, _ in organisations]

    def by_role(self, text: str, pos: int) -> str | None:
        """The entity "the minister" or "the company" (as written at ``pos``) refers to."""
        words = text.lower().split()
        if not 2 <= len(words) <= 3 or words[0] != "the" or "'s" in text or "’s" in text:
            return None  # "the city's budget office" is the city's, not the last one named
        noun = words[-1]
        if noun in self._roles:
            i = bisect_left(self._role_starts[noun], pos) - 1
            return self._roles[noun][i][1] if i >= 0 else None
        if noun in ORGANISATION_NOUNS:
            return self._organisation(noun, pos)
        return None

    def _organisation(self, noun: str, pos: int) -> str | None:
        """The body "the ``noun``" at ``pos`` stands for: the last one named nearby whose
        name says it is one ("the agency": the Environment Agency); else the last one
        named, unless its name says it is another kind of body (``_KIND_OF_BODY``: "the
        council" is not the Environment Agency, though "the company" may be Acme)."""
        floor = self.ctx.parsed[max(self.ctx.block_at(pos) - _LOOKBACK_BLOCKS, 0)].offset
        i = bisect_left(self._organisation_starts, pos) - 1
        last: str | None = None
        while i >= 0 and self._organisations[i][0] >= floor:
            name = self._organisations[i][1]
            words = set(name.lower().split())
            if noun in words:
                return name
            if last is None:
                kinds = {_KIND_OF_BODY.get(w, w) for w in words & ORGANISATION_NOUNS}
                last = "" if kinds - {_KIND_OF_BODY.get(noun, noun)} else name
            i -= 1
        return last or None


def _token_at(ctx: Context, pos: int) -> Token | None:
    pb = ctx.parsed[ctx.block_at(pos)]
    span = pb.doc.char_span(pos - pb.offset, pos - pb.offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _titles(first: Token, start: int, end: int, ctx: Context) -> list[str]:
    """Role words of a person's mention: "Minister" in "Foreign Minister Jane Doe",
    "mayor" in "Jane Doe, the mayor of Springfield"."""
    words: list[str] = []
    doc = first.doc
    i = first.i - 1
    while i >= 0 and doc[i].is_alpha and doc[i].is_title and len(words) < 3:
        words.append(doc[i].lower_)
        i -= 1
    head = first
    while head.head.i != head.i and ctx.off(head.head) < end and ctx.off(head.head) >= start:
        head = head.head
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words.append(child.lower_)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        words.append(head.head.lower_)  # "the mayor, Jane Doe, ..."
    return words
