"""``analyze``: a document in, an ``Analysis`` out, stage by stage.

Inputs and outputs are plain dataclasses, so this runs in a thread or a
process and its results can be cached. The cancel event is checked between
stages (and between blocks while parsing).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator
from dataclasses import replace

from . import nlp
from .entities import extract_entities
from .errors import AnalysisCancelled
from .models import Analysis, AnalysisOptions, Document
from .segment import sentences_from
from .stance import extract_statements
from .summarize import summarize

Progress = Callable[[str], None]

#: What a caller can ask for; stance needs entities, so asking for it runs both.
STAGES = ("summary", "entities", "stance")


def analyze_progressively(
    document: Document,
    options: AnalysisOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    stages: Collection[str] = STAGES,
) -> Iterator[Analysis]:
    """Yield a growing ``Analysis`` after each stage: sentences, summary, entities, stance.

    ``progress`` is called with the name of each stage as it starts
    ("model", "parse", "summary", "entities", "stance").
    """
    options = options or AnalysisOptions()
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stages: {sorted(unknown)}")

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
    if "summary" in stages:
        step("summary")
        summary = summarize(document, analysis.sentences, options.algorithm, options.length)
        analysis = replace(analysis, summary=summary)
        yield analysis
    if "entities" in stages or "stance" in stages:
        step("entities")
        analysis = replace(analysis, entities=extract_entities(document, parsed))
        yield analysis
    if "stance" in stages:
        step("stance")
        statements = extract_statements(document, parsed, analysis.entities)
        analysis = replace(analysis, statements=statements)
        yield analysis


def analyze(
    document: Document,
    options: AnalysisOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    stages: Collection[str] = STAGES,
) -> Analysis:
    """The analysis of ``document`` (all stages unless ``stages`` names fewer)."""
    *_, complete = analyze_progressively(
        document, options, progress=progress, cancel=cancel, stages=stages
    )
    return complete
