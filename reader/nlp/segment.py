"""Sentences as character spans, from spaCy's parse of each block."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models import Sentence
from .docs import ParsedBlock

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: One block's sentences: (block index, block offset, [(start, end) in the block]).
BlockSentences = tuple[int, int, list[tuple[int, int]]]


#: A sentence that ends in "!" or "?", perhaps inside a quotation or brackets.
_EXCLAIMS = re.compile(r"[!?][\"'”’»)\]]*$")
#: An opening mark cut off from the sentence it opens: "... a bit. _" + "Sure_, ye've".
_OPENS_NEXT = re.compile(r"\s+([_*“‘«(\[]+)$")
_MARKS_ONLY = re.compile(r"[_*“‘«(\[]+")
#: Characters at a sentence's end the two patterns above read: a whole sentence scanned
#: for what stands in its last few characters made every sentence cost its length twice.
_TAIL = 24
#: A sentence that goes on in lower case ("said Alice", "(when she thought it over"),
#: not a name written so ("iPhone sales", "eBay said").
_GOES_ON = re.compile(r"[(\[]?[a-z](?![A-Z])")


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The sentences of one block's doc as ``(start, end)`` in its text, trimmed of spaces.

    A cut after "!" or "?" before a word in lower case is no sentence's end:
    ``“Come, my head’s free at last!” said Alice in a tone of delight.`` is one
    sentence, which spaCy's models cut in two. An opening mark left at the end
    of a sentence ("a bit. _Sure_, ye've") goes with the sentence it opens.
    """
    text = doc.text
    spans: list[tuple[int, int]] = []
    opening: int | None = None  # where a "sentence" of opening marks alone began
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        if _MARKS_ONLY.fullmatch(stripped):
            opening = start if opening is None else opening
            continue
        if opening is not None:
            start, opening = opening, None
        if (
            spans
            and _GOES_ON.match(stripped)
            and _EXCLAIMS.search(text, max(spans[-1][0], spans[-1][1] - _TAIL), spans[-1][1])
        ):
            spans[-1] = (spans[-1][0], end)
            continue
        opener = (
            _OPENS_NEXT.search(text, max(spans[-1][0], spans[-1][1] - _TAIL), spans[-1][1])
            if spans
            else None
        )
        if opener is not None and opener.start() > spans[-1][0]:
            before = text[spans[-1][0] : opener.start()].rstrip()  # the tail began in spaces
            spans[-1] = (spans[-1][0], spans[-1][0] + len(before))
            start = opener.start(1)
        spans.append((start, end))
    if opening is not None:  # marks at the very end close the last sentence ("...”_")
        last = len(text.rstrip())
        spans[-1:] = [(spans[-1][0], last)] if spans else [(opening, last)]
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
