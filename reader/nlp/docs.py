"""The document's text as spaCy docs: analysed blocks, long ones cut into pieces."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import check_cancelled
from ..models import Block, Document
from .model import load_model, note_run

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ParsedBlock:
    """One block of the document run through spaCy.

    ``doc`` covers ``document.text[offset : offset + len(doc.text)]``, so a
    token's document position is ``offset + token.idx``.
    """

    block_index: int
    offset: int
    doc: Doc


def is_analysed(block: Block) -> bool:
    """Whether the parse reads ``block``: any with text, except page furniture ("aside")."""
    return block.end > block.start and block.kind != "aside"


#: One stretch of analysed text handed to spaCy: (block index, start, end).
Piece = tuple[int, int, int]
#: Longest piece of text spaCy gets at once. A block longer than this (a text
#: with no line breaks) is cut at sentence ends, else at spaces: spaCy refuses
#: texts over a million characters, and its arrays grow with the longest one.
MAX_PIECE_CHARS = 10_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def pieces(document: Document) -> list[Piece]:
    """The analysed text in document order: whole blocks, long ones cut into pieces."""
    out: list[Piece] = []
    for index, block in enumerate(document.blocks):
        if not is_analysed(block):
            continue
        if block.end - block.start <= MAX_PIECE_CHARS:
            out.append((index, block.start, block.end))
        else:
            out.extend((index, start, end) for start, end in _cut(document.text, block))
    return out


def _cut(text: str, block: Block) -> Iterator[tuple[int, int]]:
    """``block`` as stretches of at most ``MAX_PIECE_CHARS``, cut after a sentence if one
    ends in the second half of a stretch, else after a space, else anywhere."""
    start = block.start
    while block.end - start > MAX_PIECE_CHARS:
        limit = start + MAX_PIECE_CHARS
        cut = _last_end(_SENTENCE_END, text, start + MAX_PIECE_CHARS // 2, limit)
        cut = cut or _last_end(_SPACE, text, start + 1, limit) or limit
        yield start, _rstrip(text, start, cut)
        start = cut
        while start < block.end and text[start].isspace():
            start += 1
    if start < block.end:
        yield start, block.end


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    found = None
    for match in pattern.finditer(text, start, end):
        found = match.end()
    return found


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def parse(document: Document, cancel: threading.Event | None = None) -> list[ParsedBlock]:
    """Run the full pipeline over every analysed block (title and headings included).

    Blocks never contain a newline, so no sentence or entity crosses a line.
    Raises ``AnalysisCancelled`` as soon as ``cancel`` is set.
    """
    nlp = load_model()
    note_run(nlp.pipe_names)
    return _parsed(document, _pipe(nlp, _texts(document)), cancel)


#: What an article's sentence boundaries come from: the parser, and the tok2vec it
#: listens to. (The tagger, the recogniser, the lemmatizer and the attribute ruler
#: never move a boundary.)
SENTENCE_PARSE = ("tok2vec", "parser")


def parse_sentences(document: Document, cancel: threading.Event | None = None) -> list[ParsedBlock]:
    """``parse`` with only what sentence boundaries need (``SENTENCE_PARSE``): the same
    blocks, tokens and sentences, without tags, lemmas or entities."""
    nlp: Any = load_model(SENTENCE_PARSE)
    note_run(SENTENCE_PARSE)
    stream: Iterable[Doc] = nlp.tokenizer.pipe(_texts(document), batch_size=PIPE_BATCH)
    for name in SENTENCE_PARSE:
        stream = nlp.get_pipe(name).pipe(stream, batch_size=PIPE_BATCH)
    return _parsed(document, iter(stream), cancel)


def _texts(document: Document) -> Iterator[str]:
    return (document.text[start:end] for _, start, end in pieces(document))


def _parsed(
    document: Document, docs: Iterator[Doc], cancel: threading.Event | None
) -> list[ParsedBlock]:
    parsed: list[ParsedBlock] = []
    for (index, start, _), doc in zip(pieces(document), docs, strict=True):
        check_cancelled(cancel)
        parsed.append(ParsedBlock(index, start, doc))
    return parsed


#: Texts spaCy gets at once (each component batches the same way, so the parse of
#: ``parse_sentences`` is the full parse's, number for number).
PIPE_BATCH = 32


def _pipe(nlp: Language, texts: Iterator[str]) -> Iterator[Doc]:
    return nlp.pipe(texts, batch_size=PIPE_BATCH)
