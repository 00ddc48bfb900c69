"""Article Reader's Qt-free core: load an article, analyse it, render reports.

>>> import reader
>>> doc = reader.load_document("article.html")
>>> analysis = reader.analyze(doc, reader.AnalysisOptions(algorithm="textrank", length="20%"))
"""

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
