"""Article Reader's Qt-free core, and its public API: load, analyse, present.

>>> import reader
>>> document = reader.load_document("article.html")
>>> analysis = reader.analyze(document, reader.AnalysisOptions(algorithm="textrank", length="20%"))
>>> html = reader.report_html(document, analysis)

The core reads like its data flow, one folder a stage: ``loaders`` (a file to a
``Document``), ``nlp`` (the language model and its parses), ``portrayal`` (the
stance model: how a sentence portrays a name), ``summary``, ``entities`` and
``statements`` (the analyses), ``run`` (the pipeline, worker
processes, cache) and ``output`` (report, JSON, command line). The window and
scripts use only the names below; they are imported on first use (PEP 562), so
``import reader`` stays cheap and the window shows before spaCy is loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_MODELS = (
    "Analysis",
    "AnalysisOptions",
    "Block",
    "Document",
    "Entity",
    "Mention",
    "Sentence",
    "SentenceWhy",
    "Speaker",
    "StageNote",
    "Statement",
    "Summary",
    "SummarySentence",
    "TargetStance",
    "Portrayal",
    "SectionSummary",
    "TextRef",
)
_ERRORS = (
    "AnalysisCancelled",
    "DocumentTooLarge",
    "InvalidOption",
    "ModelMissing",
    "ReaderError",
)
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(_MODELS, "models"),
    **dict.fromkeys(_ERRORS, "errors"),
    # loading
    "load_document": "loaders",
    "file_dialog_filter": "loaders",
    "format_summary": "loaders",
    "mime_types": "loaders",
    "supported_extensions": "loaders",
    # options
    "ALGORITHMS": "options",
    "DEFAULT_ALGORITHM": "options",
    "DEFAULT_LENGTH": "options",
    "parse_length": "options",
    # analysing
    "analyze": "run.pipeline",
    "analyze_progressively": "run.pipeline",
    "resummarize": "run.pipeline",
    "analyze_files": "run.batch",
    "FileResult": "run.batch",
    "run_stage": "run.stages",
    "STAGES": "run.stages",
    "AnalysisCache": "run.cache",
    "analyze_cached": "run.cache",
    "load_document_cached": "run.cache",
    "stop_workers": "run.parallel",
    "chunk_progress": "run.progress",
    "is_model_loaded": "nlp.model",
    "settle_heap": "nlp.model",
    "STANCE_LABELS": "models",
    "STANCE_COLOURS": "output.palette",
    "PORTRAYAL_COLOURS": "output.palette",
    "UNCERTAIN_BELOW": "models",
    "PORTRAYAL_LABELS": "models",
    "stance_toward": "portrayal.judge",
    "speaker_target_matrix": "statements.matrix",
    "StanceMatrix": "statements.matrix",
    "MatrixCell": "statements.matrix",
    "matching_entities": "entities.search",
    "filter_entities": "entities.search",
    # presenting
    "ENTITY_GROUPS": "entities.groups",
    "group_of": "entities.groups",
    "context_for": "summary.coherence",
    "compare_summaries": "summary.compare",
    "with_ranks": "summary.compare",
    "SummaryComparison": "summary.compare",
    "run_cli": "output.cli",
    "COMMANDS": "output.commands",
    "PROG": "output.commands",
    "OneLineParser": "output.commands",
    "command_of": "output.commands",
    "version": "output.commands",
    "algorithm_name": "output.report",
    "cap_note": "output.report",
    "SECTIONS_HEADING": "output.report",
    "report_html": "output.report_html",
    "report_markdown": "output.report",
    "snippet": "output.report",
    "stance_phrase": "output.report",
    "portrayal_phrase": "output.report",
    "summary_html": "output.report_html",
    "summary_markdown": "output.report",
    "summary_text": "output.report",
}

__all__ = [
    "ALGORITHMS",
    "COMMANDS",
    "DEFAULT_ALGORITHM",
    "DEFAULT_LENGTH",
    "ENTITY_GROUPS",
    "PORTRAYAL_COLOURS",
    "PORTRAYAL_LABELS",
    "PROG",
    "SECTIONS_HEADING",
    "STAGES",
    "STANCE_COLOURS",
    "STANCE_LABELS",
    "UNCERTAIN_BELOW",
    "Analysis",
    "AnalysisCache",
    "AnalysisCancelled",
    "AnalysisOptions",
    "Block",
    "Document",
    "DocumentTooLarge",
    "Entity",
    "FileResult",
    "InvalidOption",
    "MatrixCell",
    "Mention",
    "ModelMissing",
    "OneLineParser",
    "Portrayal",
    "ReaderError",
    "SectionSummary",
    "Sentence",
    "SentenceWhy",
    "Speaker",
    "StageNote",
    "StanceMatrix",
    "Statement",
    "Summary",
    "SummaryComparison",
    "SummarySentence",
    "TargetStance",
    "TextRef",
    "algorithm_name",
    "analyze",
    "analyze_cached",
    "analyze_files",
    "analyze_progressively",
    "cap_note",
    "chunk_progress",
    "command_of",
    "compare_summaries",
    "context_for",
    "file_dialog_filter",
    "filter_entities",
    "format_summary",
    "group_of",
    "is_model_loaded",
    "load_document",
    "load_document_cached",
    "matching_entities",
    "mime_types",
    "parse_length",
    "portrayal_phrase",
    "report_html",
    "report_markdown",
    "resummarize",
    "run_cli",
    "run_stage",
    "settle_heap",
    "snippet",
    "speaker_target_matrix",
    "stance_phrase",
    "stance_toward",
    "stop_workers",
    "summary_html",
    "summary_markdown",
    "summary_text",
    "supported_extensions",
    "version",
    "with_ranks",
]


def __getattr__(name: str) -> Any:
    """Import an exported name on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reader' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .entities.groups import ENTITY_GROUPS, group_of
    from .entities.search import filter_entities, matching_entities
    from .errors import (
        AnalysisCancelled,
        DocumentTooLarge,
        InvalidOption,
        ModelMissing,
        ReaderError,
    )
    from .loaders import (
        file_dialog_filter,
        format_summary,
        load_document,
        mime_types,
        supported_extensions,
    )
    from .models import (
        PORTRAYAL_LABELS,
        STANCE_LABELS,
        UNCERTAIN_BELOW,
        Analysis,
        AnalysisOptions,
        Block,
        Document,
        Entity,
        Mention,
        Portrayal,
        SectionSummary,
        Sentence,
        SentenceWhy,
        Speaker,
        StageNote,
        Statement,
        Summary,
        SummarySentence,
        TargetStance,
        TextRef,
    )
    from .nlp.model import is_model_loaded, settle_heap
    from .options import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH, parse_length
    from .output.cli import run_cli
    from .output.commands import COMMANDS, PROG, OneLineParser, command_of, version
    from .output.palette import PORTRAYAL_COLOURS, STANCE_COLOURS
    from .output.report import (
        SECTIONS_HEADING,
        algorithm_name,
        cap_note,
        portrayal_phrase,
        report_markdown,
        snippet,
        stance_phrase,
        summary_markdown,
        summary_text,
    )
    from .output.report_html import report_html, summary_html
    from .portrayal.judge import stance_toward
    from .run.batch import FileResult, analyze_files
    from .run.cache import AnalysisCache, analyze_cached, load_document_cached
    from .run.parallel import stop_workers
    from .run.pipeline import analyze, analyze_progressively, resummarize
    from .run.progress import chunk_progress
    from .run.stages import STAGES, run_stage
    from .statements.matrix import MatrixCell, StanceMatrix, speaker_target_matrix
    from .summary.coherence import context_for
    from .summary.compare import SummaryComparison, compare_summaries, with_ranks
