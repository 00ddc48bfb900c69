"""How a document gets parsed: all at once, or stage by stage, here or in workers.

``open_parse`` picks one of three ways that answer the same three questions
(``sentences``, ``entity_blocks``, ``statement_blocks``), each as soon as it
can:

* ``FullParse``: the whole spaCy pipeline over every block, in this process.
  Articles use it: the model is warm and it keeps every component's quality.
* ``LocalParse``: the staged parse of ``reader.nlp`` (sentences from senter,
  then tags and entities, then the parser over the sentences that can hold a
  statement), in this process.
* ``reader.parallel.PooledParse``: the same stages in worker processes, one
  chunk of blocks at a time. Long documents use it; when the workers cannot
  start or stop working, ``FallbackParse`` carries on with ``LocalParse``,
  which gives the same results (the same chunks go through the same code).

An analysis that wants the sentences alone (a summary) says so
(``sentences_only``), and only what sentence boundaries need runs, with the
same sentences: an article's tok2vec and parser (``nlp.parse_sentences``), a
long document's senter, on workers of its own that load nothing else
(``sentence_workers.split_on_workers``) unless the shared workers already run. Asked
for more later, such a parse computes the rest as a full one would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Protocol

from .. import nlp
from ..errors import check_cancelled
from ..models import Document, Sentence
from ..nlp import ParsedBlock
from ..nlp.segment import sentence_spans, sentences_from, sentences_from_spans
from .progress import PHASE_COST, report_parts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .parallel import Arriving, ParsePool

Mode = Literal["auto", "local", "full", "staged", "parallel"]
MODES: tuple[Mode, ...] = ("auto", "local", "full", "staged", "parallel")
#: Documents with fewer words are parsed whole, in this process ("auto").
PARALLEL_MIN_WORDS = 20_000


class StagedParse(Protocol):
    def load_model(self) -> object:
        """Load what this process needs for the parse (nothing when workers parse)."""
        ...

    def sentences(
        self, cancel: threading.Event | None, arriving: Arriving | None = None
    ) -> tuple[Sentence, ...]: ...

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]: ...

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]: ...

    def close(self) -> None: ...


def word_count(document: Document) -> int:
    return sum(document.text.count(" ", b.start, b.end) + 1 for b in document.blocks)


def open_parse(
    document: Document, mode: Mode = "auto", *, sentences_only: bool = False
) -> StagedParse:
    """The parse for ``document``: see the module docstring for the modes.

    "local" is "auto" without worker processes (for code already running in one).
    """
    if mode not in MODES:
        raise ValueError(f"unknown parse mode: {mode!r}")
    if mode in ("auto", "local"):
        long = word_count(document) >= PARALLEL_MIN_WORDS
        mode = "full" if not long else "parallel" if mode == "auto" else "staged"
    if mode == "full":
        return FullParse(document, sentences_only)
    if mode == "parallel":
        if sentences_only:
            return _sentence_parse(document)
        from .parallel import get_pool

        pool = get_pool()
        if pool is not None:
            return FallbackParse(document, pool)
    return LocalParse(document, sentences_only)


def _sentence_parse(document: Document) -> StagedParse:
    """A long document's sentences alone: on the shared workers if they run, else on
    workers of its own when they pay for their start, else here."""
    from .parallel import running_pool
    from .sentence_workers import sentence_workers, split_on_workers

    pool = running_pool()
    if pool is not None:
        return FallbackParse(document, pool, sentences_only=True)
    workers = sentence_workers(word_count(document))
    if workers:
        return FallbackParse(
            document, None, sentences_only=True, start=lambda: split_on_workers(document, workers)
        )
    return LocalParse(document, sentences_only=True)


class FullParse:
    """Every component over every block, in this process, on first use (only the
    tok2vec and the parser when the sentences are all that is wanted)."""

    def __init__(self, document: Document, sentences_only: bool = False) -> None:
        self.document = document
        self.sentences_only = sentences_only
        self._parsed: list[ParsedBlock] | None = None
        self._sentences: tuple[Sentence, ...] | None = None

    def load_model(self) -> None:
        nlp.load_model(nlp.SENTENCE_PARSE if self.sentences_only else None)

    def _parse(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        if self._parsed is None:
            self._parsed = nlp.parse(self.document, cancel)
        return self._parsed

    def sentences(
        self, cancel: threading.Event | None, arriving: Arriving | None = None
    ) -> tuple[Sentence, ...]:
        if self._sentences is None:
            if self.sentences_only and self._parsed is None:
                self._sentences = sentences_from(nlp.parse_sentences(self.document, cancel))
            else:
                self._sentences = sentences_from(self._parse(cancel))
        return self._sentences

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._parse(cancel)

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._parse(cancel)

    def close(self) -> None:
        self._parsed = None


class LocalParse:
    """The staged parse in this process, chunk by chunk, each stage when asked."""

    def __init__(self, document: Document, sentences_only: bool = False) -> None:
        self.document = document
        self.sentences_only = sentences_only
        self.chunks = nlp.chunk_pieces(document)
        self._docs: list[list[Doc]] = []
        self._stage = 0  # stages done: 1 sentences, 2 entities, 3 statements
        self._model: Language | None = None

    def load_model(self) -> Language:
        """The model the docs come from: senter alone for the sentences, else all."""
        if self._model is None:
            self._model = nlp.load_model(nlp.SENTENCE_PIPES if self.sentences_only else None)
        return self._model

    def _texts(self, chunk: list[nlp.Piece]) -> list[str]:
        return nlp.piece_texts(self.document, chunk)

    def _blocks(self) -> list[ParsedBlock]:
        return [
            ParsedBlock(index, start, doc)
            for chunk, docs in zip(self.chunks, self._docs, strict=True)
            for (index, start, _), doc in zip(chunk, docs, strict=True)
        ]

    def sentences(
        self, cancel: threading.Event | None, arriving: Arriving | None = None
    ) -> tuple[Sentence, ...]:
        if self._stage < 1:
            model = self.load_model()
            for chunk in self.chunks[len(self._docs) :]:
                check_cancelled(cancel)
                self._docs.append(nlp.split_sentences(self._texts(chunk), model))
                self._report(len(self._docs), 0)
            self._stage = 1
        return sentences_from_spans(
            (b.block_index, b.offset, sentence_spans(b.doc)) for b in self._blocks()
        )

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        if self._stage < 2:
            if self.sentences_only:  # asked for more after all: start again with every part
                self.sentences_only, self._model, self._docs, self._stage = False, None, [], 0
            self.sentences(cancel)
            for done, docs in enumerate(self._docs, 1):
                check_cancelled(cancel)
                nlp.tag_entities(docs)
                self._report(done, 1)
            self._stage = 2
        return self._blocks()

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        if self._stage < 3:
            self.entity_blocks(cancel)
            for done, docs in enumerate(self._docs, 1):
                check_cancelled(cancel)
                nlp.parse_statements(docs)
                self._report(done, 2)
            self._stage = 3
        return self._blocks()

    def _report(self, done: int, stage: int) -> None:
        """``done`` chunks of the ``stage`` (0 sentences, 1 entities, 2 statements) are done."""
        costs = list(PHASE_COST.values())[: 1 if self.sentences_only else 3]
        before = sum(costs[:stage]) * len(self.chunks)
        report_parts(before + costs[stage] * done, sum(costs) * len(self.chunks))

    def close(self) -> None:
        self._docs = []
        self._stage = 0


class FallbackParse:
    """The pooled parse; if the workers fail, the same stages in this process.

    ``pooled`` says whether it runs on the shared pool (whose workers also take
    a long document's summary and stance questions); ``start`` makes the parse
    on workers of its own instead of ``pool``.
    """

    def __init__(
        self,
        document: Document,
        pool: ParsePool | None,
        *,
        sentences_only: bool = False,
        start: Callable[[], StagedParse] | None = None,
    ) -> None:
        from .parallel import PoolUnavailable

        self.document = document
        self.sentences_only = sentences_only
        self._unavailable = PoolUnavailable
        self._shared = pool is not None and start is None
        self._current: StagedParse
        try:
            if start is not None:
                self._current = start()
            else:
                assert pool is not None
                self._current = pool.submit(document, sentences_only)
        except PoolUnavailable:
            self._current = LocalParse(document, sentences_only)

    @property
    def pooled(self) -> bool:
        return self._shared and not isinstance(self._current, LocalParse)

    def load_model(self) -> object:
        return self._current.load_model()

    def _run(self, stage: str, cancel: threading.Event | None, *args: object) -> object:
        try:
            return getattr(self._current, stage)(cancel, *args)
        except self._unavailable:
            self._current.close()
            self._current = LocalParse(self.document, self.sentences_only)
            return getattr(self._current, stage)(cancel)

    def sentences(
        self, cancel: threading.Event | None, arriving: Arriving | None = None
    ) -> tuple[Sentence, ...]:
        return self._run("sentences", cancel, arriving)  # type: ignore[return-value]

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._run("entity_blocks", cancel)  # type: ignore[return-value]

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._run("statement_blocks", cancel)  # type: ignore[return-value]

    def close(self) -> None:
        self._current.close()
