"""PLACEHOLDER (being replaced): Lead only."""
from __future__ import annotations

from .models import Document, Sentence, Summary, SummarySentence

ALGORITHMS = {"lead": "Lead"}


def summarize(document: Document, sentences, algorithm: str = "lead", length: str = "5") -> Summary:
    n = int(length) if length.isdigit() else 5
    chosen = [s for s in sentences if document.blocks[s.block].kind not in ("title", "heading")][:n]
    return Summary(algorithm, length, tuple(
        SummarySentence(s.index, s.start, s.end, document.text[s.start:s.end], 1.0) for s in chosen))
