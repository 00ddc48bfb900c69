"""``analyze``: a document in, an ``Analysis`` out, stage by stage.

Inputs and outputs are plain dataclasses, so this runs in a thread or a
process and its results can be cached. The cancel event is checked between
stages (and between blocks while parsing).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

from . import nlp
from .entities import extract_entities
from .errors import AnalysisCancelled
from .models import Analysis, AnalysisOptions, Document
from .segment import sentences_from
from .stance import extract_statements
from .summarize import summarize

Progress = Callable[[str], None]

STAGES = ("model", "parse", "summary", "entities", "stance")


def analyze_progressively(
    document: Document,
    options: AnalysisOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[Analysis]:
    """Yield a growing ``Analysis`` after each stage: sentences, summary, entities, stance."""
    options = options or AnalysisOptions()

    def step(stage: str) -> None:
        if cancel is not None and cancel.is_set():
            raise AnalysisCancelled("The analysis was cancelled.")
        if progress is not None:
            progress(stage)

    step("model")
    nlp.load_model()
    step("parse")
    parsed = nlp.parse(document, cancel)
    analysis = Analysis(sentences=sentences_from(parsed), options=options)
    yield analysis
    step("summary")
    analysis = replace(
        analysis, summary=summarize(document, analysis.sentences, options.algorithm, options.length)
    )
    yield analysis
    step("entities")
    analysis = replace(analysis, entities=extract_entities(document, parsed))
    yield analysis
    step("stance")
    analysis = replace(
        analysis, statements=extract_statements(document, parsed, analysis.entities)
    )
    yield analysis


def analyze(
    document: Document,
    options: AnalysisOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Analysis:
    """The complete analysis of ``document``."""
    analysis = None
    for analysis in analyze_progressively(document, options, progress=progress, cancel=cancel):
        pass
    assert analysis is not None
    return analysis
