"""Who a statement's speaker is: entities linked by their mentions, pronouns resolved
to the most recent compatible main-clause subject or speaker, roles ("the minister",
"the company") to whom they named before (``references``).

A pronoun that stands for nobody, and a subject that never says anything ("the
result shows ..."), give the statement no speaker rather than a wrong one."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Entity, TextRef
from .references import NOT_SPEAKERS, ORGANISATION_NOUNS, References
from .spans import (
    PRONOUN_TYPES,
    SPEAKER_TYPES,
    SUBJECT_DEPS,
    WINDOW_BLOCKS,
    Attribution,
    Context,
    Raw,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}


@dataclass(frozen=True, slots=True)
class _Cand:
    pos: int
    end: int
    entity: str | None
    type: str | None  # None: an unnamed speaker ("a U.S. official")
    plural: bool = False  # an unnamed speaker of many ("officials")
    body: bool = False  # an unnamed organisation ("the company")


class SpeakerResolver:
    """Links speakers to entities and pronouns to what they stand for."""

    def __init__(self, ctx: Context, entities: Iterable[Entity]) -> None:
        self.ctx = ctx
        mentions: list[tuple[int, int, str, str]] = []
        for entity in entities:
            if entity.type in SPEAKER_TYPES:
                mentions.extend((m.start, m.end, entity.name, entity.type) for m in entity.mentions)
        mentions.sort()
        self.mentions = mentions
        self._mention_starts = [m[0] for m in mentions]
        self.subjects = [
            _Cand(m[0], m[1], m[2], m[3]) for m in mentions if self._is_main_subject(m[0], m[1])
        ]
        self._subject_starts = [c.pos for c in self.subjects]
        self.references = References(ctx, mentions)
        self._said: dict[str, str] = {}  # "he"/"she" -> the entity it last stood for

    def _token_at(self, pos: int) -> Token | None:
        pb = self.ctx.parsed[self.ctx.block_at(pos)]
        span = pb.doc.char_span(pos - pb.offset, pos - pb.offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _is_main_subject(self, start: int, end: int) -> bool:
        pb = self.ctx.parsed[self.ctx.block_at(start)]
        span = pb.doc.char_span(start - pb.offset, end - pb.offset, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span.root
        for _ in range(4):
            if (token.dep_ in ("appos", "flat", "compound") and token.head.pos_ == "PROPN") or (
                token.dep_ == "appos"
            ):
                token = token.head
            else:
                break
        if token.dep_ not in SUBJECT_DEPS:
            return False
        verb = token.head
        return verb.dep_ in ("ROOT", "conj") or verb.head.i == verb.i

    def link(self, start: int, end: int, head: int | None) -> tuple[str | None, str | None]:
        """The entity whose mention lies in the speaker span, preferring the head's."""
        i = max(bisect_left(self._mention_starts, start) - 1, 0)
        inside = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            m = self.mentions[i]
            if m[1] > start and m[0] >= start - 1:
                inside.append(m)
            i += 1
        if not inside:
            return None, None
        if head is not None:
            for m in inside:
                if m[0] <= head < m[1]:
                    return m[2], m[3]
        # "Netanyahu’s office", "the UN agency" speak for a named person or body;
        # "a U.S. official" or "Israeli officials" are not their country
        named = [m for m in inside if m[3] == "PERSON"] or [m for m in inside if m[3] == "ORG"]
        if not named:
            return None, None
        return named[0][2], named[0][3]

    def resolve(self, raws: list[Raw]) -> list[Attribution]:
        ctx = self.ctx
        out: list[Attribution] = []
        spoken: list[_Cand] = []  # speakers met so far, in order
        previous: tuple[Attribution, int] | None = None  # last statement, its block
        for raw in raws:
            if raw.inherit:
                speaker, entity = self._quote_speaker(raw, previous)
            elif raw.speaker is None:
                speaker, entity = None, None
            else:
                speaker, entity = self._named(ctx.ref(raw.speaker), raw.speaker_head, spoken)
            attribution = Attribution(
                ctx.ref(raw.content),
                speaker,
                None if raw.cue is None else ctx.ref(raw.cue),
                raw.direct,
                entity,
            )
            out.append(attribution)
            previous = (attribution, ctx.block_at(raw.content[1] - 1))
        return out

    def _named(
        self, speaker: TextRef, head_pos: int | None, spoken: list[_Cand]
    ) -> tuple[TextRef | None, str | None]:
        """The speaker as written and the entity it stands for; ``spoken`` grows by it.

        A pronoun that stands for nobody, and a subject that never speaks ("the
        result shows ..."), name nobody: the speaker is then None.
        """
        word = speaker.text.lower()
        word = _POSSESSIVES.get(word, word)  # "his claim": his is he
        if word in PRONOUN_TYPES:
            cand = self._antecedent(speaker.start, word, spoken)
            if cand is None:
                return None, None
            spoken.append(_Cand(speaker.start, speaker.end, cand.entity, cand.type))
            if cand.entity is not None and word in ("he", "she"):
                self._said[word] = cand.entity
                self.references.gender.setdefault(cand.entity, word)
            return speaker, cand.entity
        head = self._token_at(speaker.start if head_pos is None else head_pos)
        if head is not None and head.lower_ in NOT_SPEAKERS:
            return None, None
        entity, etype = self.link(speaker.start, speaker.end, head_pos)
        if entity is None:
            entity = self.references.by_role(speaker.text, speaker.start)
        if word not in ("i", "we", "you"):
            plural = head is not None and head.tag_ in ("NNS", "NNPS")
            body = head is not None and head.lower_ in ORGANISATION_NOUNS
            spoken.append(_Cand(speaker.start, speaker.end, entity, etype, plural, body))
        return speaker, entity

    def _quote_speaker(
        self, raw: Raw, previous: tuple[Attribution, int] | None
    ) -> tuple[TextRef | None, str | None]:
        """A quote with no verb near it: the speaker just before, else the person in focus."""
        block = self.ctx.block_at(raw.content[0])
        if previous is not None:
            before, before_block = previous
            if block - before_block <= 2 and before.speaker is not None:
                return before.speaker, before.entity
        floor = self.ctx.parsed[max(block - 2, 0)].offset
        i = bisect_left(self._subject_starts, raw.content[0]) - 1
        while i >= 0 and self.subjects[i].pos >= floor:
            cand = self.subjects[i]
            if cand.type in ("PERSON", "ORG") and self.ctx.block_at(cand.pos) < block:
                return self.ctx.ref((cand.pos, cand.end)), cand.entity
            i -= 1
        return None, None

    def _antecedent(self, pos: int, word: str, spoken: list[_Cand]) -> _Cand | None:
        """What the pronoun ``word`` at ``pos`` stands for.

        The most recent compatible main-clause subject or speaker before it (a
        person already known to be "she" is not "he"); else, for "he" and "she",
        whoever the same pronoun stood for last; else the last person or
        organisation named nearby; else nothing.
        """
        types = PRONOUN_TYPES[word]
        floor = self.ctx.parsed[max(self.ctx.block_at(pos) - WINDOW_BLOCKS, 0)].offset
        best: _Cand | None = None
        i = bisect_left(self._subject_starts, pos) - 1
        while i >= 0 and self.subjects[i].pos >= floor:
            if self.subjects[i].type in types and self._agrees(self.subjects[i], word):
                best = self.subjects[i]
                break
            i -= 1
        for cand in reversed(spoken):
            if cand.pos >= pos or cand.pos < floor:
                if cand.pos < floor:
                    break
                continue
            if (cand.type is None and cand.entity is None and _unnamed_agrees(cand, word)) or (
                cand.type in types and self._agrees(cand, word)
            ):
                if best is None or cand.pos > best.pos:
                    best = cand
                break
        if best is None and word in self._said:
            return _Cand(pos, pos, self._said[word], "PERSON")
        if best is None and word != "they":
            return self._last_named(pos, types, word)
        return best

    def _last_named(self, pos: int, types: frozenset[str], word: str) -> _Cand | None:
        """The last person (for "he", "she") or organisation (for "it") named before
        ``pos`` in any role, within twice the usual window."""
        floor = self.ctx.parsed[max(self.ctx.block_at(pos) - 2 * WINDOW_BLOCKS, 0)].offset
        i = bisect_left(self._mention_starts, pos) - 1
        while i >= 0 and self.mentions[i][0] >= floor:
            start, end, name, etype = self.mentions[i]
            cand = _Cand(start, end, name, etype)
            if etype in types and etype != "GPE" and self._agrees(cand, word):
                return cand
            i -= 1
        return None

    def _agrees(self, cand: _Cand, word: str) -> bool:
        if word not in ("he", "she") or cand.entity is None:
            return True
        return self.references.gender.get(cand.entity, word) == word


def _unnamed_agrees(cand: _Cand, word: str) -> bool:
    """Whether an unnamed speaker can be "he", "it" or "they": "officials" are "they",
    "the company" is "it", "a spokesman" is "he" or "she"."""
    if word == "it":
        return cand.body and not cand.plural
    if word == "they":
        return cand.plural or cand.body
    return not cand.plural and not cand.body
