"""``analyze``: a document in, an ``Analysis`` out, stage by stage.

Inputs and outputs are plain dataclasses, so this runs in a thread or a
process and its results can be cached. The cancel event is checked between
stages (and between blocks or chunks while parsing).

Each stage asks the parse (``reader.staged``) only for what it needs: the
sentences, then blocks with entities, then blocks with the statement parse.
Articles are parsed whole in this process; long documents stage by stage in
worker processes (``reader.parallel``), so their sentences come within a
second or two and the rest follows.

A stage that raises does not take the others with it (``reader.stages``).
Text that is not English prose gets its summary, and a note instead of names
and statements (``reader.language``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..entities.extract import extract_entities
from ..errors import check_cancelled
from ..models import Analysis, AnalysisOptions, Document, Sentence, StageNote, Summary
from ..nlp.language import reading_of
from ..options import NEWS, algorithm_key
from ..statements.stance import extract_statements
from .judging import judging_for, portray
from .offload import prepare_summary, summarize_aside, summary_runs_here
from .staged import FullParse, Mode, open_parse
from .stages import STAGES, failure_note, run_stage

if TYPE_CHECKING:
    from .parallel import Arriving

Progress = Callable[[str], None]

__all__ = ["analyze", "analyze_progressively", "resummarize"]


def analyze_progressively(
    document: Document,
    options: AnalysisOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    stages: Collection[str] = STAGES,
    mode: Mode = "auto",
) -> Iterator[Analysis]:
    """Yield a growing ``Analysis`` after each stage: sentences, summary, entities,
    stance, portrayal.

    ``progress`` is called with the name of each stage as it starts
    ("model", "parse", "summary", "entities", "stance", "portrayal"). ``mode`` says how to
    parse (see ``reader.staged``); "auto" parses articles whole in this
    process and long documents in worker processes.
    """
    options = options or AnalysisOptions()
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stages: {sorted(unknown)}")

    def step(stage: str) -> None:
        check_cancelled(cancel)
        if progress is not None:
            progress(stage)

    reading = reading_of(document)
    step("model")
    parse = open_parse(document, mode, sentences_only=not _wanted("entities", stages))
    try:
        parse.load_model()  # in this process, only what the parse needs (none for workers)
        summary_here = "summary" in stages and summary_runs_here(document, _pooled(parse))
        if summary_here:
            prepare_summary()  # while the workers, if any, split the sentences
        step("parse")
        arriving = _reading_ahead(document, options) if summary_here else None
        sentences, note = run_stage("summary", lambda: parse.sentences(cancel, arriving))
        if sentences is None:  # no sentences: nothing else can be computed either
            notes = tuple(failure_note(stage) for stage in STAGES if _wanted(stage, stages))
            yield Analysis(sentences=(), options=options, notes=notes)
            return
        analysis = Analysis(sentences=sentences, options=options)
        yield analysis
        if "summary" in stages:
            step("summary")
            summary, note = run_stage(
                "summary",
                lambda: summarize_aside(
                    document,
                    sentences,
                    options.algorithm,
                    options.length,
                    cancel=cancel,
                    start_workers=_pooled(parse),
                ),
            )
            analysis = _with(analysis, note, summary=summary)
            yield analysis
        if not _wanted("entities", stages):
            return
        if not reading.english_prose:
            skipped = tuple(
                StageNote(stage, reading.notice, failed=False)
                for stage in ("entities", "stance", "portrayal")
                if _wanted(stage, stages)
            )
            yield replace(analysis, notes=analysis.notes + skipped)
            return
        step("entities")
        entities, note = run_stage(
            "entities", lambda: extract_entities(document, parse.entity_blocks(cancel))
        )
        analysis = _with(analysis, note, entities=entities or ())
        yield analysis
        # only an article's full parse carries what the stance model reads
        full = parse.entity_blocks(cancel) if isinstance(parse, FullParse) else []
        judging = judging_for(document, full, cancel, _pooled(parse))
        if "stance" in stages:
            step("stance")
            statements, note = run_stage(
                "stance",
                lambda: extract_statements(
                    document, parse.statement_blocks(cancel), analysis.entities, judging
                ),
            )
            analysis = _with(analysis, note, statements=statements or ())
            yield analysis
        if "portrayal" in stages and analysis.entities:
            step("portrayal")
            portrayals, note = run_stage(
                "portrayal",
                lambda: portray(document, analysis.sentences, analysis.entities, judging),
            )
            analysis = _with(analysis, note, portrayals=portrayals or ())
            yield analysis
    finally:
        parse.close()


def resummarize(
    document: Document,
    sentences: Sequence[Sentence],
    options: AnalysisOptions,
    *,
    cancel: threading.Event | None = None,
) -> Summary:
    """A new summary of an analysed document with other options (its sentences are kept).

    Runs on a parse worker when the document is long and the workers are
    already running (see ``offload``); raises ``InvalidOption`` for bad options.
    """
    return summarize_aside(
        document, sentences, options.algorithm, options.length, cancel=cancel, start_workers=False
    )


def _reading_ahead(document: Document, options: AnalysisOptions) -> Arriving | None:
    """For a News summary made here of sentences workers split: read each part of them
    as it comes in, on a core that would otherwise wait (the window's workers summarise
    a book themselves)."""
    if algorithm_key(options.algorithm) != NEWS:
        return None
    from ..summary.news_features import read_ahead

    text = document.text
    return lambda spans: read_ahead(text[start:end] for start, end in spans)


def _wanted(stage: str, stages: Collection[str]) -> bool:
    return stage in stages or (stage == "entities" and bool({"stance", "portrayal"} & set(stages)))


def _with(analysis: Analysis, note: StageNote | None, **results: object) -> Analysis:
    """``analysis`` with a stage's results, and its note when it failed."""
    if note is not None:
        results["notes"] = (*analysis.notes, note)
    return replace(analysis, **results)  # type: ignore[arg-type]


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
