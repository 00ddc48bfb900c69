"""Article Reader's Qt-free core: load an article, analyse it, render reports.

>>> import reader
>>> doc = reader.load_document("article.html")
>>> analysis = reader.analyze(doc, reader.AnalysisOptions(algorithm="textrank", length="20%"))

The names below are imported on first use (PEP 562), so ``import reader.models``
stays cheap and the window can show before sumy, NumPy and spaCy are loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "ReaderError": "errors",
    "load_document": "loaders",
    "analyze": "pipeline",
    "analyze_progressively": "pipeline",
    **{
        name: "models"
        for name in (
            "Analysis",
            "AnalysisOptions",
            "Block",
            "Document",
            "Entity",
            "Mention",
            "Sentence",
            "Speaker",
            "Statement",
            "Summary",
            "SummarySentence",
            "TextRef",
        )
    },
}

__all__ = [
    "Analysis",
    "AnalysisOptions",
    "Block",
    "Document",
    "Entity",
    "Mention",
    "ReaderError",
    "Sentence",
    "Speaker",
    "Statement",
    "Summary",
    "SummarySentence",
    "TextRef",
    "analyze",
    "analyze_progressively",
    "load_document",
]


def __getattr__(name: str) -> Any:
    """Import an exported name, or a submodule such as ``reader.report``, on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        try:
            return importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError:
            raise AttributeError(f"module 'reader' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .errors import ReaderError
    from .loaders import load_document
    from .models import (
        Analysis,
        AnalysisOptions,
        Block,
        Document,
        Entity,
        Mention,
        Sentence,
        Speaker,
        Statement,
        Summary,
        SummarySentence,
        TextRef,
    )
    from .pipeline import analyze, analyze_progressively
