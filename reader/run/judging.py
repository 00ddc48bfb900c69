"""Stance questions about a document, answered here or on the parse workers.

The stance model reads a full parse of each sentence it is asked about. An
article's full parse carries it, so its questions are answered here in a blink.
A long document's staged parse does not (see ``reader.staged``): its sentences
are parsed again, a batch at a time, on every worker at once when the workers
run, so a book's stance and portrayals hold neither the window's process nor
only one core. Results are the same either way.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from ..models import Document, Entity, Portrayal, Sentence
from ..nlp import ParsedBlock
from ..portrayal.count import count_portrayals, plan_portrayals
from ..portrayal.judge import (
    Judgement,
    SentenceTargets,
    TargetQuery,
    judge_sentences,
    judge_targets,
)
from ..statements.stance import Judging

if TYPE_CHECKING:
    from .parallel import ParsePool

#: Sentences per call to a worker: about a second of work, so a cancel waits no longer.
BATCH_SENTENCES = 96


def judging_for(
    document: Document,
    parsed: Sequence[ParsedBlock],
    cancel: threading.Event | None,
    pooled: bool,
) -> Judging:
    """Something that answers stance questions about ``document``."""

    def here(queries: Sequence[TargetQuery]) -> list[Judgement]:
        return judge_targets(document.text, queries, parsed, cancel)

    if not pooled:
        return here

    def on_workers(queries: Sequence[TargetQuery]) -> list[Judgement]:
        from .parallel import PoolUnavailable, running_pool

        pool = running_pool()
        if pool is None or not queries:
            return here(queries)
        try:
            return _on_workers(pool, document.text, queries, cancel)
        except PoolUnavailable:
            return here(queries)

    return on_workers


def portray(
    document: Document,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    judging: Judging,
) -> tuple[Portrayal, ...]:
    """How the document portrays each person, organisation and place."""
    plan = plan_portrayals(sentences, entities)
    return count_portrayals(plan, judging(plan.queries))


def _on_workers(
    pool: ParsePool, text: str, queries: Sequence[TargetQuery], cancel: threading.Event | None
) -> list[Judgement]:
    """The queries grouped by sentence, in batches spread over the workers."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k, query in enumerate(queries):
        by_sentence.setdefault(query.sentence, []).append(k)
    workers = max(1, pool.processes)
    # A sentence always goes to the same worker, which keeps its parse for the next stage.
    routed: list[list[tuple[int, int]]] = [[] for _ in range(workers)]
    for a, b in by_sentence:
        routed[zlib.crc32(text[a:b].encode("utf-8", "surrogatepass")) % workers].append((a, b))
    batches = [
        (worker, lane[i : i + BATCH_SENTENCES])
        for worker, lane in enumerate(routed)
        for i in range(0, len(lane), BATCH_SENTENCES)
    ]

    def items(batch: list[tuple[int, int]]) -> list[SentenceTargets]:
        out = []
        for a, b in batch:
            targets = tuple(
                (queries[k].target[0] - a, queries[k].target[1] - a) for k in by_sentence[(a, b)]
            )
            out.append((text[a:b], targets))
        return out

    def lane(worker: int) -> list[tuple[int, list[list[Judgement]]]]:
        done = []
        for n, (owner, batch) in enumerate(batches):
            if owner == worker:
                result = pool.call(judge_sentences, (items(batch),), cancel, worker=worker)
                done.append((n, result))
        return done

    answers: list[Judgement | None] = [None] * len(queries)
    with ThreadPoolExecutor(workers, thread_name_prefix="stance-lane") as lanes:
        for finished in lanes.map(lane, range(workers)):
            for n, result in finished:
                for key, judged in zip(batches[n][1], result, strict=True):
                    for k, judgement in zip(by_sentence[key], judged, strict=True):
                        answers[k] = judgement
    return [a for a in answers if a is not None]
