"""Who a statement's speaker is: entities linked by their mentions, pronouns resolved
to the most recent compatible main-clause subject or speaker."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Entity, TextRef
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


@dataclass(frozen=True, slots=True)
class _Cand:
    pos: int
    end: int
    entity: str | None
    type: str | None  # None: an unnamed speaker ("a U.S. official")


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
            entity: str | None = None
            speaker = None if raw.speaker is None else ctx.ref(raw.speaker)
            if raw.inherit:
                speaker, entity = self._quote_speaker(raw, previous)
            elif speaker is not None:
                word = speaker.text.lower()
                if word in PRONOUN_TYPES:
                    cand = self._antecedent(speaker.start, PRONOUN_TYPES[word], spoken)
                    if cand is not None:
                        entity = cand.entity
                        spoken.append(_Cand(speaker.start, speaker.end, entity, cand.type))
                else:
                    entity, etype = self.link(speaker.start, speaker.end, raw.speaker_head)
                    if word not in ("i", "we", "you"):
                        spoken.append(_Cand(speaker.start, speaker.end, entity, etype))
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

    def _antecedent(self, pos: int, types: frozenset[str], spoken: list[_Cand]) -> _Cand | None:
        """The most recent compatible main-clause subject or speaker before ``pos``."""
        floor = self.ctx.parsed[max(self.ctx.block_at(pos) - WINDOW_BLOCKS, 0)].offset
        best: _Cand | None = None
        i = bisect_left(self._subject_starts, pos) - 1
        while i >= 0 and self.subjects[i].pos >= floor:
            if self.subjects[i].type in types:
                best = self.subjects[i]
                break
            i -= 1
        for cand in reversed(spoken):
            if cand.pos >= pos or cand.pos < floor:
                if cand.pos < floor:
                    break
                continue
            if (cand.type is None and cand.entity is None) or cand.type in types:
                if best is None or cand.pos > best.pos:
                    best = cand
                break
        return best
