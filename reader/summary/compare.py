"""Every algorithm's summary of one document side by side: who picks which sentence.

``compare_summaries`` runs each algorithm once on the same sentences and
keeps, for each, its picks and its rank of every sentence it may pick (1
best). It costs the sum of the algorithms: tens of milliseconds on an
article, seconds on a book (about 8 s on *Moby-Dick*), so the window asks
for it when the reader wants it, and the command line's JSON adds a
summary's ``ranks`` only for documents of up to ``RANKS_LIMIT`` sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..models import Document, Sentence, Summary
from ..options import ALGORITHMS, DEFAULT_LENGTH, NEWS, algorithm_key, parse_length
from .summarize import _is_candidate, pick_count, rank_candidates, sumy_input

#: Above this many candidate sentences, ``ranks_if_cheap`` leaves the ranks out.
RANKS_LIMIT = 5000


@dataclass(frozen=True)
class SummaryComparison:
    """Each algorithm's picks and ranks on one document, at one length."""

    length: str
    #: algorithm -> the Sentence.index of its picks, in article order
    picks: dict[str, tuple[int, ...]]
    #: algorithm -> Sentence.index -> its rank (1 = best) among the sentences it may pick
    ranks: dict[str, dict[int, int]]

    @property
    def algorithms(self) -> tuple[str, ...]:
        return tuple(self.picks)

    def chosen_by(self, index: int) -> tuple[str, ...]:
        """The algorithms whose summary holds the sentence ``index``."""
        return tuple(a for a, picked in self.picks.items() if index in picked)

    def rank(self, algorithm: str, index: int) -> int | None:
        """``algorithm``'s rank of sentence ``index`` (None if it may not be picked)."""
        return self.ranks.get(algorithm, {}).get(index)

    def agreement(self) -> list[tuple[int, tuple[str, ...]]]:
        """Every sentence some algorithm picks, with those that pick it: the most agreed on
        first, then in article order."""
        picked = sorted({i for chosen in self.picks.values() for i in chosen})
        rows = [(i, self.chosen_by(i)) for i in picked]
        return sorted(rows, key=lambda row: (-len(row[1]), row[0]))


def compare_summaries(
    document: Document,
    sentences: Sequence[Sentence],
    length: str = DEFAULT_LENGTH,
    algorithms: Iterable[str] | None = None,
) -> SummaryComparison:
    """Run ``algorithms`` (all by default) on ``document`` at ``length`` and compare them."""
    size = parse_length(length)
    keys = [algorithm_key(a) for a in (ALGORITHMS if algorithms is None else algorithms)]
    count = pick_count(document, sentences, size)
    picks: dict[str, tuple[int, ...]] = {}
    ranks: dict[str, dict[int, int]] = {}
    shared = sumy_input(document, sentences) if count and set(keys) - {NEWS} else None
    for key in dict.fromkeys(keys):
        if count == 0:
            picks[key], ranks[key] = (), {}
            continue
        ranked = rank_candidates(document, sentences, key, count, shared=shared)
        picks[key] = tuple(sorted(ranked.candidates[p].index for p in ranked.picked))
        ranks[key] = {s.index: r for s, r in zip(ranked.candidates, ranked.ranks, strict=True) if r}
    return SummaryComparison(str(size), picks, ranks)


def with_ranks(summary: Summary, comparison: SummaryComparison) -> Summary:
    """``summary`` with each sentence's rank under every other compared algorithm."""
    others = [a for a in comparison.algorithms if a != summary.algorithm]
    sentences = tuple(
        replace(
            s,
            ranks=tuple(
                (a, rank) for a in others if (rank := comparison.rank(a, s.index)) is not None
            ),
        )
        for s in summary.sentences
    )
    return replace(summary, sentences=sentences)


def ranks_if_cheap(document: Document, sentences: Sequence[Sentence], summary: Summary) -> Summary:
    """``summary`` with its ``ranks`` filled in, unless the document is a book-sized one
    (over ``RANKS_LIMIT`` candidate sentences), where that would take seconds."""
    candidates = sum(1 for s in sentences if _is_candidate(document, s))
    if not summary.sentences or candidates > RANKS_LIMIT:
        return summary
    others = [key for key in map(algorithm_key, ALGORITHMS) if key != summary.algorithm]
    return with_ranks(summary, compare_summaries(document, sentences, summary.length, others))
