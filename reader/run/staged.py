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
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Literal, Protocol

from .. import nlp
from ..errors import check_cancelled
from ..models import Document, Sentence
from ..nlp import ParsedBlock
from ..nlp.segment import sentence_spans, sentences_from, sentences_from_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .parallel import ParsePool

Mode = Literal["auto", "full", "staged", "parallel"]
MODES: tuple[Mode, ...] = ("auto", "full", "staged", "parallel")
#: Documents with fewer words are parsed whole, in this process ("auto").
PARALLEL_MIN_WORDS = 20_000


class StagedParse(Protocol):
    def sentences(self, cancel: threading.Event | None) -> tuple[Sentence, ...]: ...

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]: ...

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]: ...

    def close(self) -> None: ...


def word_count(document: Document) -> int:
    return sum(document.text.count(" ", b.start, b.end) + 1 for b in document.blocks)


def open_parse(document: Document, mode: Mode = "auto") -> StagedParse:
    """The parse for ``document``: see the module docstring for the modes."""
    if mode not in MODES:
        raise ValueError(f"unknown parse mode: {mode!r}")
    if mode == "auto":
        mode = "full" if word_count(document) < PARALLEL_MIN_WORDS else "parallel"
    if mode == "full":
        return FullParse(document)
    if mode == "parallel":
        from .parallel import get_pool

        pool = get_pool()
        if pool is not None:
            return FallbackParse(document, pool)
    return LocalParse(document)


class FullParse:
    """Every component over every block, in this process, on first use."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._parsed: list[ParsedBlock] | None = None

    def _parse(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        if self._parsed is None:
            self._parsed = nlp.parse(self.document, cancel)
        return self._parsed

    def sentences(self, cancel: threading.Event | None) -> tuple[Sentence, ...]:
        return sentences_from(self._parse(cancel))

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._parse(cancel)

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._parse(cancel)

    def close(self) -> None:
        self._parsed = None


class LocalParse:
    """The staged parse in this process, chunk by chunk, each stage when asked."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.chunks = nlp.chunk_pieces(document)
        self._docs: list[list[Doc]] = []
        self._stage = 0  # stages done: 1 sentences, 2 entities, 3 statements

    def _texts(self, chunk: list[nlp.Piece]) -> list[str]:
        return nlp.piece_texts(self.document, chunk)

    def _blocks(self) -> list[ParsedBlock]:
        return [
            ParsedBlock(index, start, doc)
            for chunk, docs in zip(self.chunks, self._docs, strict=True)
            for (index, start, _), doc in zip(chunk, docs, strict=True)
        ]

    def sentences(self, cancel: threading.Event | None) -> tuple[Sentence, ...]:
        if self._stage < 1:
            nlp.load_model()
            for chunk in self.chunks[len(self._docs) :]:
                check_cancelled(cancel)
                self._docs.append(nlp.split_sentences(self._texts(chunk)))
            self._stage = 1
        return sentences_from_spans(
            (b.block_index, b.offset, sentence_spans(b.doc)) for b in self._blocks()
        )

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        if self._stage < 2:
            self.sentences(cancel)
            for docs in self._docs:
                check_cancelled(cancel)
                nlp.tag_entities(docs)
            self._stage = 2
        return self._blocks()

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        if self._stage < 3:
            self.entity_blocks(cancel)
            for docs in self._docs:
                check_cancelled(cancel)
                nlp.parse_statements(docs)
            self._stage = 3
        return self._blocks()

    def close(self) -> None:
        self._docs = []
        self._stage = 0


class FallbackParse:
    """The pooled parse; if the workers fail, the same stages in this process."""

    def __init__(self, document: Document, pool: ParsePool) -> None:
        from .parallel import PoolUnavailable

        self.document = document
        self._unavailable = PoolUnavailable
        self._current: StagedParse
        try:
            self._current = pool.submit(document)
        except PoolUnavailable:
            self._current = LocalParse(document)

    @property
    def pooled(self) -> bool:
        return not isinstance(self._current, LocalParse)

    def _run(self, stage: str, cancel: threading.Event | None) -> object:
        try:
            return getattr(self._current, stage)(cancel)
        except self._unavailable:
            self._current.close()
            self._current = LocalParse(self.document)
            return getattr(self._current, stage)(cancel)

    def sentences(self, cancel: threading.Event | None) -> tuple[Sentence, ...]:
        return self._run("sentences", cancel)  # type: ignore[return-value]

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._run("entity_blocks", cancel)  # type: ignore[return-value]

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        return self._run("statement_blocks", cancel)  # type: ignore[return-value]

    def close(self) -> None:
        self._current.close()
