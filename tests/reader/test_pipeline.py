"""``analyze_progressively``: stage order, parse modes, cancel."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from reader import analyze, analyze_progressively, load_document
from reader.errors import AnalysisCancelled
from reader.models import AnalysisOptions
from reader.run import parallel, staged

from .test_parallel import PEOPLE, generated_text


@pytest.fixture(scope="module", autouse=True)
def _stop_shared_pool():
    yield
    pids = set(parallel.get_pool().pids()) if parallel._pool is not None else set()
    parallel.stop_workers()
    assert not {p.pid for p in multiprocessing.active_children()} & pids


@pytest.fixture
def document(spacy_model, write_file):
    return load_document(write_file("story.txt", generated_text(120, seed=11)))


def test_stages_come_in_order_and_grow(document):
    seen: list[str] = []
    steps = list(
        analyze_progressively(
            document,
            AnalysisOptions(algorithm="lead", length="3"),
            progress=seen.append,
            mode="parallel",
        )
    )
    assert seen == ["model", "parse", "summary", "entities", "stance", "portrayal"]
    assert len(steps) == 5
    first, with_summary, with_entities, with_statements, complete = steps
    assert first.sentences and first.summary is None and not first.entities
    assert with_summary.summary is not None and len(with_summary.summary.sentences) == 3
    assert with_entities.entities and not with_entities.statements
    assert with_statements.statements and not with_statements.portrayals
    assert complete.statements and complete.portrayals
    assert all(step.sentences == first.sentences for step in steps)


def test_parallel_and_in_process_analyses_are_equal(document):
    options = AnalysisOptions(algorithm="lead", length="3")
    pooled = analyze(document, options, mode="parallel")
    local = analyze(document, options, mode="staged")
    assert pooled == local
    names = {e.name for e in pooled.entities if e.type == "PERSON"}
    assert set(PEOPLE) <= names
    for statement in pooled.statements:
        content = statement.content
        assert document.text[content.start : content.end] == content.text


def test_full_and_staged_parses_find_the_same_people_and_speakers(document):
    full = analyze(document, mode="full")
    light = analyze(document, mode="staged")
    people = {e.name for e in full.entities if e.type == "PERSON"}
    assert people == {e.name for e in light.entities if e.type == "PERSON"}
    speakers = {s.speaker.entity for s in full.statements} - {None}
    light_speakers = {s.speaker.entity for s in light.statements} - {None}
    assert speakers and len(speakers & light_speakers) >= len(speakers) - 1


def test_stages_can_be_left_out(document):
    result = analyze(document, stages=("entities",), mode="parallel")
    assert result.summary is None and result.entities and not result.statements


def test_auto_parses_articles_whole_and_long_documents_in_workers(document, monkeypatch):
    assert isinstance(staged.open_parse(document, "auto"), staged.FullParse)
    monkeypatch.setattr(staged, "PARALLEL_MIN_WORDS", 100)
    parse = staged.open_parse(document, "auto")
    try:
        assert isinstance(parse, staged.FallbackParse) and parse.pooled
    finally:
        parse.close()
    with pytest.raises(ValueError):
        staged.open_parse(document, "turbo")  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["parallel", "staged", "full"])
def test_cancel_during_the_analysis(document, mode):
    cancel = threading.Event()
    steps = analyze_progressively(document, cancel=cancel, mode=mode)
    first = next(steps)
    assert first.sentences
    cancel.set()
    with pytest.raises(AnalysisCancelled):
        list(steps)
    # the pool (if any) still serves the next analysis
    assert analyze(document, stages=("entities",), mode=mode).entities
