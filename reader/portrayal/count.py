"""How the article portrays each person, organisation and place.

Every sentence that names an entity is asked how it portrays that entity
(``judge``); the answers are counted per entity as positive, neutral and
negative. An entity named in more than ``SAMPLE_PER_ENTITY`` sentences is
judged on that many, spread evenly over the text: the shares stay true to the
whole. A whole document is judged on at most ``BUDGET`` sentences: a book
names a thousand people and places, and judging them all would take a minute.
When it would take more, the samples shrink (to ``MIN_SAMPLE``), then only the
names mentioned most get judged; the others keep a portrayal with nothing
judged. ``Portrayal.sentences`` keeps the full count, so a sample is never
mistaken for all of it. An article is always judged whole.
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
MIN_SAMPLE = 20
#: Sentences judged in one document at most: about two seconds of the parse workers.
BUDGET = 1200


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
    budget: int = BUDGET,
) -> PortrayalPlan:
    """One question per (entity, sentence naming it), at most ``sample`` per entity and
    ``budget`` in all (see the module docstring)."""
    starts = [s.start for s in sentences]
    named: dict[str, dict[int, tuple[int, int]]] = {}  # name -> sentence -> first mention
    for entity in entities:
        if entity.type not in PORTRAYED_TYPES:
            continue
        first_in: dict[int, tuple[int, int]] = {}
        for mention in entity.mentions:
            i = bisect_right(starts, mention.start) - 1
            if i >= 0 and mention.end <= sentences[i].end:
                first_in.setdefault(i, (mention.start, mention.end))
        if first_in:
            named[entity.name] = first_in
    cap, least = fit_budget([len(v) for v in named.values()], sample, budget)
    queries: list[TargetQuery] = []
    owners: list[str] = []
    for name, first_in in named.items():
        if len(first_in) < least:
            continue
        for i in _spread(sorted(first_in), cap):
            s = sentences[i]
            queries.append(TargetQuery((s.start, s.end), first_in[i]))
            owners.append(name)
    mentioned = {name: len(v) for name, v in named.items()}
    return PortrayalPlan(tuple(queries), tuple(owners), mentioned)


def fit_budget(counts: Sequence[int], sample: int, budget: int) -> tuple[int, int]:
    """``(cap, least)``: judge at most ``cap`` sentences of each entity named in at
    least ``least``, so that no more than ``budget`` are judged in all."""

    def cost(cap: int, least: int) -> int:
        return sum(min(n, cap) for n in counts if n >= least)

    cap = sample
    while cap > MIN_SAMPLE and cost(cap, 1) > budget:
        cap = max(MIN_SAMPLE, cap * 2 // 3)
    least = 1
    while cost(cap, least) > budget:
        least += 1
    return cap, least


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
