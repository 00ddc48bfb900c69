"""Sentences as character spans, from spaCy's parse of each block."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models import Sentence
from .docs import ParsedBlock

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: One block's sentences: (block index, block offset, [(start, end) in the block]).
BlockSentences = tuple[int, int, list[tuple[int, int]]]


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The sentences of one block's doc as ``(start, end)`` in its text, trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + len(text) - len(text.lstrip())
        spans.append((start, start + len(stripped)))
    return spans


def sentences_from_spans(blocks: Iterable[BlockSentences]) -> tuple[Sentence, ...]:
    """Number the sentences of every block, in document order."""
    sentences: list[Sentence] = []
    for block_index, offset, spans in blocks:
        for start, end in spans:
            sentences.append(Sentence(len(sentences), offset + start, offset + end, block_index))
    return tuple(sentences)


def sentences_from(parsed: list[ParsedBlock]) -> tuple[Sentence, ...]:
    """Every sentence of every block, in document order, trimmed of spaces."""
    return sentences_from_spans((b.block_index, b.offset, sentence_spans(b.doc)) for b in parsed)
