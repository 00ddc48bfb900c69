"""Extractive summaries: the best body sentences, by the News summariser
(``reader.summary.news``, the default) or one of sumy's algorithms and Lead.

Only sentences of body blocks (paragraphs, quotes, list items) are ever
chosen; the title and the headings go to sumy as headings, where Edmundson's
title method uses their words. A "sentence" of punctuation only (a ``* * *``
divider) is never chosen either, nor one that is not prose (a byline, a
caption, a contents line, a table row, a list of names), and a quotation is
picked whole or not at all (``reader.summary.prose``): every algorithm rates
the sentences, then the best are taken quotation by quotation.

Every ``SummarySentence.score`` is the algorithm's own rating of the sentence
(higher is better); what it measures is in the docstring of its rater in
``reader.sumy_adapter``. For Lead, KL-Sum and SumBasic, which pick in an
order rather than rate, it is ``1 - rank / n``: 1 for the first pick, 1/n for
the last of n candidates. Equal ratings are broken in favour of the earlier
sentence. ``SummarySentence.why`` holds its rank and what raised it
(``reader.summary.why``).

Two engines compute the ratings. ``"fast"`` (the default) runs the
vectorised versions of ``reader.fast_summarizers``, which take seconds on a
whole book; ``"stock"`` runs sumy's own code through the same adapter, which
takes minutes on a book. Both pick the same sentences: benchmarks and tests
compare them with ``summarize(..., engine="stock")``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Document, Sentence, SentenceWhy, Summary, SummarySentence
from ..options import (
    DEFAULT_ALGORITHM,
    DEFAULT_LENGTH,
    NEWS,
    SummaryLength,
    algorithm_key,
    parse_length,
)
from . import news
from .prose import Units, copies_last, pick_units, prose_mask, units_of
from .why import learned, ranks_among, rated

if TYPE_CHECKING:
    from sumy.models.dom import ObjectDocumentModel

    from .sumy_adapter import Rater

#: The rating engines: vectorised (default) or sumy's own code (for comparison).
ENGINES = ("fast", "stock")


def raters(engine: str) -> dict[str, Rater]:
    """The raters of ``engine``, imported when first asked for: sumy imports all of
    NLTK, which the News summariser never needs."""
    if engine == "stock":
        from .sumy_adapter import RATERS

        return RATERS
    from .fast_summarizers import FAST_RATERS

    return FAST_RATERS


_NOT_CANDIDATES = ("title", "heading")
_HAS_CONTENT = re.compile(r"[^\W_]")


def summarize(
    document: Document,
    sentences: Sequence[Sentence],
    algorithm: str = DEFAULT_ALGORITHM,
    length: str = DEFAULT_LENGTH,
    *,
    engine: str = "fast",
) -> Summary:
    """The summary of ``document`` from its ``sentences``, in article order.

    Raises ``InvalidOption`` for an unknown algorithm or a bad length; any
    text, however short or odd, gives a (possibly empty) summary.
    ``engine="stock"`` rates with stock sumy instead of the vectorised code
    (same picks, much slower on long texts): the hook for benchmarks. The
    News summariser has no stock counterpart; both engines run it alike.
    Every sentence carries ``why`` it was picked (rank, what raised it).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    key = algorithm_key(algorithm)
    size = parse_length(length)
    count = pick_count(document, sentences, size)
    if count == 0:
        return Summary(key, str(size), ())
    ranked = rank_candidates(document, sentences, key, count, engine=engine)
    return Summary(
        key,
        str(size),
        tuple(
            SummarySentence(
                s.index,
                s.start,
                s.end,
                document.text[s.start : s.end],
                ranked.scores[p],
                ranked.explain(p),
            )
            for p, s in sorted(
                ((p, ranked.candidates[p]) for p in ranked.picked), key=lambda item: item[1].index
            )
        ),
    )


def pick_count(document: Document, sentences: Sequence[Sentence], size: SummaryLength) -> int:
    """How many sentences a summary of ``size`` picks from ``document``."""
    candidates = [s for s in sentences if _is_candidate(document, s)]
    return size.count(len(sentences), len(candidates))  # a percentage of every sentence


@dataclass(frozen=True)
class Ranked:
    """One algorithm's view of a document's candidates: scores, ranks and picks.

    Lists are in candidate order; ``ranks`` count the candidates that may be
    picked (prose), 1 the best, 0 for the others.
    """

    algorithm: str
    candidates: tuple[Sentence, ...]
    scores: tuple[float, ...]
    ranks: tuple[int, ...]
    picked: tuple[int, ...]  # candidate positions, in the order they were picked
    explain: Callable[[int], SentenceWhy]  # candidate position -> why

    @property
    def ranked(self) -> int:
        """How many candidates were ranked (the prose ones)."""
        return sum(1 for r in self.ranks if r)


@dataclass(frozen=True)
class SumyInput:
    """What every sumy algorithm reads of one document: made once when several rank it
    (``compare``), since sumy's sentences keep their words once split."""

    candidates: list[Sentence]
    prose: list[bool]
    units: Units
    dom: ObjectDocumentModel


def sumy_input(document: Document, sentences: Sequence[Sentence]) -> SumyInput:
    candidates = [s for s in sentences if _is_candidate(document, s)]
    texts = [document.text[s.start : s.end] for s in candidates]
    prose = prose_mask(texts)
    dom = sumy_document(document, sentences, candidates)
    return SumyInput(candidates, prose, units_of(texts, prose), dom)


def rank_candidates(
    document: Document,
    sentences: Sequence[Sentence],
    algorithm: str,
    count: int,
    *,
    engine: str = "fast",
    shared: SumyInput | None = None,
) -> Ranked:
    """Rate every candidate of ``document`` with ``algorithm`` and pick ``count`` of them.

    Only prose is picked, and quotations whole (``reader.summary.prose``):
    the sumy algorithms rate the prose sentences and the best are taken unit
    by unit; the News summariser selects with its own rules. ``shared``: the
    document's ``sumy_input``, when the caller ranks it with several algorithms.
    """
    key = algorithm_key(algorithm)
    if key == NEWS:
        return _rank_news(document, sentences, count)
    given = shared or sumy_input(document, sentences)
    candidates, prose, units, dom = given.candidates, given.prose, given.units, given.dom
    texts = [document.text[s.start : s.end] for s in candidates]
    from .sumy_adapter import RankedRater

    rater = raters(engine)[key]
    rating_count = min(len(candidates), 4 * count + 20)  # ample: each rating is a pass
    for attempt in range(2):
        ratings = rater.rate(dom, rating_count)
        scores = tuple(ratings.get(s.index, 0.0) for s in candidates)
        ranks = ranks_among(scores, prose)
        order = sorted((p for p in range(len(candidates)) if prose[p]), key=ranks.__getitem__)
        picked = pick_units(copies_last(order, texts), units, count)
        # KL-Sum and SumBasic order only the sentences they would pick (the rest
        # follow in article order): when the picking went past those, passing over
        # what is not prose or quotations that do not fit, ask them once to order
        # more (on a book of dialogue, SumBasic's favourites are mostly passed over).
        depth = _depth(scores, order, picked, count)
        if attempt or not isinstance(rater, RankedRater) or depth <= rating_count:
            break
        rating_count = min(len(candidates), 2 * depth + 20, 8 * rating_count)
    quoted = {p for p in picked if len(units.members[units.of[p]]) > 1}
    total = sum(prose)

    def explain(position: int) -> SentenceWhy:
        return rated(key, ranks[position], total, position in quoted)

    return Ranked(key, tuple(candidates), scores, tuple(ranks), tuple(picked), explain)


def _rank_news(document: Document, sentences: Sequence[Sentence], count: int) -> Ranked:
    ranking = news.rank(document, sentences, count)
    table = ranking.table
    scores = tuple(ranking.utility.tolist())
    ranks = ranks_among(scores, table.prose.tolist())
    total = int(table.prose.sum())
    position = {index: p for p, index in enumerate(ranking.indices)}
    picked = tuple(position[i] for i in ranking.picked)

    def explain(p: int) -> SentenceWhy:
        return learned(ranking, p, ranks[p], total)

    return Ranked(NEWS, tuple(table.sentences), scores, tuple(ranks), picked, explain)


def _depth(scores: Sequence[float], order: Sequence[int], picked: Sequence[int], count: int) -> int:
    """How far down the rating of every candidate the picking looked (ties all counted)."""
    looked = list(order)
    if len(picked) == count and picked:
        where = {p: k for k, p in enumerate(order)}
        looked = looked[: max(where[p] for p in picked) + 1]
    if not looked:
        return 0
    worst = min(scores[p] for p in looked)
    return sum(1 for value in scores if value >= worst)


def sumy_document(
    document: Document,
    sentences: Sequence[Sentence],
    candidates: Sequence[Sentence] | None = None,
) -> ObjectDocumentModel:
    """sumy's model of ``document``: candidates as sentences, title and headings as headings
    (``candidates``: the document's, when the caller has them already).

    Every candidate is rated, prose or not, so that the ratings stay stock
    sumy's; only the picking passes over what is not prose.
    """
    from .sumy_adapter import build_dom

    if candidates is None:
        candidates = [s for s in sentences if _is_candidate(document, s)]
    return build_dom(_paragraphs(document, sentences, candidates))


def _is_candidate(document: Document, sentence: Sentence) -> bool:
    if not 0 <= sentence.block < len(document.blocks):
        return False
    if document.blocks[sentence.block].kind in _NOT_CANDIDATES:
        return False
    return bool(_HAS_CONTENT.search(document.text, sentence.start, sentence.end))


def _paragraphs(
    document: Document, sentences: Sequence[Sentence], candidates: Sequence[Sentence]
) -> list[tuple[list[str], list[tuple[int, str]]]]:
    """Per body block: the headings above it and its candidate sentences.

    A heading joins the paragraph that follows it, as in sumy's own parsers,
    so Edmundson's location method still sees the first body paragraph first.
    The document title goes first when no block holds it.
    """
    text = document.text
    chosen = {s.index for s in candidates}
    by_block: dict[int, list[Sentence]] = {}
    for s in sentences:
        by_block.setdefault(s.block, []).append(s)

    has_title_block = any(b.kind == "title" for b in document.blocks)
    pending: list[str] = [] if has_title_block or not document.title.strip() else [document.title]
    paragraphs: list[tuple[list[str], list[tuple[int, str]]]] = []
    for index, block in enumerate(document.blocks):
        if block.kind in _NOT_CANDIDATES:
            parts = by_block.get(index)
            if parts:
                pending += [text[s.start : s.end] for s in parts]
            elif document.block_text(block).strip():
                pending.append(document.block_text(block))
            continue
        body = [
            (s.index, text[s.start : s.end]) for s in by_block.get(index, ()) if s.index in chosen
        ]
        if body:
            paragraphs.append((pending, body))
            pending = []
    if pending and paragraphs:  # trailing headings: no paragraph of their own
        paragraphs[-1][0].extend(pending)
    return paragraphs
