"""How the article portrays each person, organisation and place.

Every sentence that names an entity is asked how it portrays that entity
(``judge``); the answers are counted per entity as positive, neutral and
negative. An entity named in more than ``SAMPLE_PER_ENTITY`` sentences (a
book's hero) is judged on that many, spread evenly over the text: the shares
stay true to the whole while a book costs seconds, not minutes.
``Portrayal.sentences`` keeps the full count, so a sample is never mistaken
for all of it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Entity, Portrayal, Sentence
from .judge import Judgement, TargetQuery

#: The spaCy labels whose entities get a portrayal: people, organisations, places.
PORTRAYED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
SAMPLE_PER_ENTITY = 60


@dataclass(frozen=True)
class PortrayalPlan:
    """The questions to ask, and whose answer each one is."""

    queries: tuple[TargetQuery, ...]
    owners: tuple[str, ...]  # Entity.name, per query
    mentioned: dict[str, int]  # sentences naming each entity


def plan_portrayals(
    sentences: Sequence[Sentence],
    entities: Iterable[Entity],
    sample: int = SAMPLE_PER_ENTITY,
) -> PortrayalPlan:
    """One question per (entity, sentence naming it), at most ``sample`` per entity."""
    starts = [s.start for s in sentences]
    queries: list[TargetQuery] = []
    owners: list[str] = []
    mentioned: dict[str, int] = {}
    for entity in entities:
        if entity.type not in PORTRAYED_TYPES:
            continue
        first_in: dict[int, tuple[int, int]] = {}  # sentence index -> first mention in it
        for mention in entity.mentions:
            i = bisect_right(starts, mention.start) - 1
            if i >= 0 and mention.end <= sentences[i].end:
                first_in.setdefault(i, (mention.start, mention.end))
        if not first_in:
            continue
        mentioned[entity.name] = len(first_in)
        for i in _spread(sorted(first_in), sample):
            s = sentences[i]
            queries.append(TargetQuery((s.start, s.end), first_in[i]))
            owners.append(entity.name)
    return PortrayalPlan(tuple(queries), tuple(owners), mentioned)


def _spread(items: list[int], limit: int) -> list[int]:
    """``items``, or ``limit`` of them evenly spaced from first to last."""
    if len(items) <= limit:
        return items
    step = (len(items) - 1) / (limit - 1)
    return [items[round(k * step)] for k in range(limit)]


def count_portrayals(plan: PortrayalPlan, judgements: Sequence[Judgement]) -> tuple[Portrayal, ...]:
    """The judgements of ``plan``'s queries counted per entity, in the plan's order."""
    counts: dict[str, list[int]] = {name: [0, 0, 0] for name in plan.mentioned}
    column = {"supportive": 0, "neutral": 1, "critical": 2}
    for owner, judgement in zip(plan.owners, judgements, strict=True):
        counts[owner][column[judgement.label]] += 1
    return tuple(
        Portrayal(name, positive, neutral, negative, plan.mentioned[name])
        for name, (positive, neutral, negative) in counts.items()
    )
