"""``analyze``: a document in, an ``Analysis`` out, stage by stage.

Inputs and outputs are plain dataclasses, so this runs in a thread or a
process and its results can be cached. The cancel event is checked between
stages (and between blocks or chunks while parsing).

Each stage asks the parse (``reader.staged``) only for what it needs: the
sentences, then blocks with entities, then blocks with the statement parse.
Articles are parsed whole in this process; long documents stage by stage in
worker processes (``reader.parallel``), so their sentences come within a
second or two and the rest follows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator
from dataclasses import replace

from . import nlp
from .entities import extract_entities
from .errors import AnalysisCancelled
from .models import Analysis, AnalysisOptions, Document
from .offload import summarize_aside
from .staged import Mode, open_parse
from .stance import extract_statements

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
    mode: Mode = "auto",
) -> Iterator[Analysis]:
    """Yield a growing ``Analysis`` after each stage: sentences, summary, entities, stance.

    ``progress`` is called with the name of each stage as it starts
    ("model", "parse", "summary", "entities", "stance"). ``mode`` says how to
    parse (see ``reader.staged``); "auto" parses articles whole in this
    process and long documents in worker processes.
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
    parse = open_parse(document, mode)
    try:
        if not _pooled(parse):
            nlp.load_model()
        step("parse")
        analysis = Analysis(sentences=parse.sentences(cancel), options=options)
        yield analysis
        if "summary" in stages:
            step("summary")
            summary = summarize_aside(
                document,
                analysis.sentences,
                options.algorithm,
                options.length,
                cancel=cancel,
                start_workers=_pooled(parse),
            )
            analysis = replace(analysis, summary=summary)
            yield analysis
        if "entities" in stages or "stance" in stages:
            step("entities")
            blocks = parse.entity_blocks(cancel)
            analysis = replace(analysis, entities=extract_entities(document, blocks))
            yield analysis
        if "stance" in stages:
            step("stance")
            blocks = parse.statement_blocks(cancel)
            statements = extract_statements(document, blocks, analysis.entities)
            analysis = replace(analysis, statements=statements)
            yield analysis
    finally:
        parse.close()


def _pooled(parse: object) -> bool:
    return bool(getattr(parse, "pooled", False))


def analyze(
    document: Document,
    options: AnalysisOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    stages: Collection[str] = STAGES,
    mode: Mode = "auto",
) -> Analysis:
    """The analysis of ``document`` (all stages unless ``stages`` names fewer)."""
    *_, complete = analyze_progressively(
        document, options, progress=progress, cancel=cancel, stages=stages, mode=mode
    )
    return complete
