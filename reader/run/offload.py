"""Heavy steps of long documents, run in the parse workers instead of this process.

A summary of a book multiplies SciPy matrices of 10,000 sentences; each such
call holds the GIL for a tenth of a second or more, and in the window's
process that freezes the window. For long documents (those parsed in worker
processes, see ``reader.staged``) the summariser therefore runs on a worker,
which gets the document and its sentences and sends back the ``Summary``.
Articles, and any document when the workers are not there, are summarised
here: the results are the same either way.
"""

from __future__ import annotations

import dataclasses
import itertools
import threading
from array import array
from collections.abc import Sequence
from importlib import import_module
from operator import attrgetter

from ..models import Document, Sentence, Summary
from .staged import PARALLEL_MIN_WORDS, word_count


def summarize_aside(
    document: Document,
    sentences: Sequence[Sentence],
    algorithm: str,
    length: str,
    *,
    cancel: threading.Event | None = None,
    start_workers: bool = True,
) -> Summary:
    """``reader.summarize.summarize``, on a worker process when ``document`` is long.

    ``start_workers=False`` uses the workers only if they are already running
    (starting them loads the model, which takes longer than summarising).
    """
    if word_count(document) >= PARALLEL_MIN_WORDS:
        from .parallel import PoolUnavailable, get_pool, running_pool

        pool = get_pool() if start_workers else running_pool()
        if pool is not None:
            try:
                args = (document, _packed(sentences), algorithm, length)
                return pool.call(_summarize_packed, args, cancel)
            except PoolUnavailable:
                pass  # the workers failed: summarise here
    return summarize_here(document, sentences, algorithm, length)


def _packed(sentences: Sequence[Sentence]) -> array:
    """The sentences' fields in one flat array of integers. Pickled on the way to a
    worker in a millisecond, where a book's 10,000 dataclasses took 30-90 ms of this
    process's time (the window's)."""
    return array("q", itertools.chain.from_iterable(map(_fields_of, sentences)))


_FIELDS = tuple(field.name for field in dataclasses.fields(Sentence))
_fields_of = attrgetter(*_FIELDS)


def _summarize_packed(document: Document, packed: array, algorithm: str, length: str) -> Summary:
    """``summarize_here`` on the sentences ``_packed`` gave, on a worker."""
    rows = zip(*[iter(packed)] * len(_FIELDS), strict=True)
    sentences = [Sentence(*row) for row in rows]
    return summarize_here(document, sentences, algorithm, length)


def summary_runs_here(document: Document, start_workers: bool) -> bool:
    """Whether ``summarize_aside`` would summarise ``document`` in this process."""
    if word_count(document) < PARALLEL_MIN_WORDS:
        return True
    from .parallel import running_pool
    from .sizing import usable_cores

    return running_pool() is None and not (start_workers and usable_cores() >= 2)


def prepare_summary() -> None:
    """Import the summariser now (a third of a second: NumPy, SciPy's sparse matrices and
    the News features), e.g. while workers parse."""
    import_module("reader.summary.summarize")


def summarize_here(
    document: Document, sentences: Sequence[Sentence], algorithm: str, length: str
) -> Summary:
    """``reader.summarize.summarize`` with a long document's section summaries
    (``reader.summary.sections``), imported only where it runs: a window handing its
    summaries to the workers never needs the summarisers' imports."""
    from ..summary.sections import summarize_by_section

    return summarize_by_section(document, sentences, algorithm, length)
