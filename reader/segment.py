"""Sentences as character spans, from spaCy's parse of each block."""

from __future__ import annotations

from .models import Sentence
from .nlp import ParsedBlock


def sentences_from(parsed: list[ParsedBlock]) -> tuple[Sentence, ...]:
    """Every sentence of every block, in document order, trimmed of spaces."""
    sentences: list[Sentence] = []
    for block in parsed:
        for sent in block.doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            lead = len(text) - len(text.lstrip())
            start = block.offset + sent.start_char + lead
            sentences.append(
                Sentence(len(sentences), start, start + len(stripped), block.block_index)
            )
    return tuple(sentences)
