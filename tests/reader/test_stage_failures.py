"""One failing stage never loses the others: in the analysis, the cache and the command line.

A stage is made to fail by replacing its function with one that raises (the
rest of the analysis is the real one, with the real model), as a bug in that
stage would.
"""

from __future__ import annotations

import io
import json

import pytest

from reader.loaders import load_document
from reader.models import AnalysisOptions, Document
from reader.output import cli
from reader.run import batch, pipeline, staged
from reader.run.cache import AnalysisCache, analyze_cached
from reader.run.stages import STAGE_RESULTS

ARTICLE = (
    "Ferry Operator Cuts Winter Timetable\n\n"
    "The island ferry will run a reduced timetable until March, the operator said on Monday.\n"
    "Ruth Calloway, the managing director of Grenmouth Ferries, said the pier was unsafe.\n"
    '"We cannot put passengers on a pier we do not trust," Calloway told reporters.\n'
    "The county council blamed the storm for the damage to the pier at Grenmouth.\n"
)
OPTIONS = AnalysisOptions(algorithm="lead", length="2")


def _broken(*_args: object, **_kwargs: object) -> object:
    raise ValueError("a bug in this stage")


@pytest.fixture
def document(spacy_model, write_file) -> Document:
    return load_document(write_file("ferry.txt", ARTICLE))


@pytest.mark.parametrize(
    ("stage", "function"),
    [
        ("summary", "summarize_aside"),
        ("entities", "extract_entities"),
        ("stance", "extract_statements"),
        ("portrayal", "portray"),
    ],
)
def test_a_failing_stage_leaves_the_others(document, monkeypatch, stage, function):
    monkeypatch.setattr(pipeline, function, _broken)

    analysis = pipeline.analyze(document, OPTIONS)

    assert [note.stage for note in analysis.notes] == [stage]
    note = analysis.notes[0]
    assert note.failed
    assert note.message.startswith(STAGE_RESULTS[stage])
    assert "ValueError" not in note.message and "bug" not in note.message
    assert analysis.sentences
    assert (analysis.summary is None) == (stage == "summary")
    assert bool(analysis.entities) == (stage != "entities")
    # Stance runs without entities too: its speakers are then unlinked, not lost.
    assert bool(analysis.statements) == (stage != "stance")
    assert bool(analysis.portrayals) == (stage not in ("entities", "portrayal"))


def test_a_parse_that_fails_says_so_for_every_stage(document, monkeypatch):
    monkeypatch.setattr(staged.nlp, "parse", _broken)

    analysis = pipeline.analyze(document, OPTIONS, mode="full")

    assert analysis.sentences == ()
    assert [note.stage for note in analysis.notes] == ["summary", "entities", "stance", "portrayal"]


def test_the_cache_keeps_the_stages_that_worked(document, monkeypatch, tmp_path):
    store = AnalysisCache(tmp_path / "cache.sqlite3")
    monkeypatch.setattr(pipeline, "extract_statements", _broken)
    *_, first = analyze_cached(document, OPTIONS, store)
    monkeypatch.undo()

    *_, again = analyze_cached(document, OPTIONS, store)  # served from the cache

    assert again == first
    assert again.entities and again.note("stance") is not None


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.build_parser().parse_args(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_warns_of_another_stage_and_succeeds(document, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_entities", _broken)

    code, out, err = run_cli("stance", document.path, "--format", "jsonl")

    assert code == 0
    data = json.loads(out)
    assert data["statements"]
    assert data["notes"] == [
        {"stage": "entities", "message": data["notes"][0]["message"], "failed": True}
    ]
    lines = err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"article-reader: {document.path}: warning: The names")


@pytest.mark.parametrize("output", ["text", "jsonl"])
def test_the_command_line_fails_when_its_own_stage_fails(document, monkeypatch, output):
    monkeypatch.setattr(pipeline, "summarize_aside", _broken)

    code, out, err = run_cli("summarize", document.path, "--format", output)

    assert code == 1
    assert err.count("\n") == 1 and "warning: The summary could not be computed" in err
    if output == "jsonl":  # a script still gets the file's line, with the note
        assert json.loads(out)["notes"][0]["stage"] == "summary"
    else:
        assert out == ""


def test_an_unexpected_error_while_reading_is_one_human_line(write_file, monkeypatch):
    from reader.loaders import registry

    monkeypatch.setattr(registry, "detect", _broken)
    path = write_file("broken.txt", ARTICLE)
    monkeypatch.setattr("reader.loaders.detect", _broken)

    code, out, err = run_cli("entities", str(path))

    assert code == 1 and out == ""
    assert err == f"article-reader: {path}: {batch.INTERNAL_ERROR}\n"
    assert "ValueError" not in err
