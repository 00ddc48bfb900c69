"""Extractive summaries: the best body sentences, by one of sumy's algorithms.

Only sentences of body blocks (paragraphs, quotes, list items) are ever
chosen; the title and the headings go to sumy as headings, where Edmundson's
title method uses their words. A "sentence" of punctuation only (a ``* * *``
divider) is never chosen either.

Every ``SummarySentence.score`` is the algorithm's own rating of the sentence
(higher is better); what it measures is in the docstring of its rater in
``reader.sumy_adapter``. For Lead, KL-Sum and SumBasic, which pick in an
order rather than rate, it is ``1 - rank / n``: 1 for the first pick, 1/n for
the last of n candidates. Equal ratings are broken in favour of the earlier
sentence.

Two engines compute the ratings. ``"fast"`` (the default) runs the
vectorised versions of ``reader.fast_summarizers``, which take seconds on a
whole book; ``"stock"`` runs sumy's own code through the same adapter, which
takes minutes on a book. Both pick the same sentences: benchmarks and tests
compare them with ``summarize(..., engine="stock")``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sumy.models.dom import ObjectDocumentModel

from ..models import Document, Sentence, Summary, SummarySentence
from ..options import (
    DEFAULT_ALGORITHM,
    DEFAULT_LENGTH,
    algorithm_key,
    parse_length,
)
from .fast_summarizers import FAST_RATERS
from .sumy_adapter import RATERS, Rater, build_dom

#: The rating engines: vectorised (default) or sumy's own code (for comparison).
ENGINES: dict[str, dict[str, Rater]] = {"fast": FAST_RATERS, "stock": RATERS}

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
    (same picks, much slower on long texts): the hook for benchmarks.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    key = algorithm_key(algorithm)
    size = parse_length(length)
    candidates = [s for s in sentences if _is_candidate(document, s)]
    count = size.count(len(candidates))
    if count == 0:
        return Summary(key, str(size), ())
    ratings = ENGINES[engine][key].rate(sumy_document(document, sentences), count)
    position = {s.index: p for p, s in enumerate(candidates)}
    best = sorted(candidates, key=lambda s: (-ratings.get(s.index, 0.0), position[s.index]))
    chosen = sorted(best[:count], key=lambda s: s.index)
    return Summary(
        key,
        str(size),
        tuple(
            SummarySentence(
                s.index, s.start, s.end, document.text[s.start : s.end], ratings.get(s.index, 0.0)
            )
            for s in chosen
        ),
    )


def sumy_document(document: Document, sentences: Sequence[Sentence]) -> ObjectDocumentModel:
    """sumy's model of ``document``: candidates as sentences, title and headings as headings."""
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
