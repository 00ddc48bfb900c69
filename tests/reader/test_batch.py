"""Only what is asked, on every core: a summary's parse, and batches of files.

A summary needs sentence boundaries alone; it must read the same sentences as
the window's analysis (which asks for every stage) and never run the model
parts it does not need, checked through the record the model keeps of what ran.
A batch spread over worker processes gives each file's result in the order
given, a failing file as one line, and what one file at a time gives.
"""

from __future__ import annotations

import io
import json

import pytest

from reader import analyze, analyze_progressively, load_document, nlp
from reader.models import AnalysisOptions
from reader.output import cli
from reader.run import batch, parallel, staged

from .test_parallel import generated_text

ARTICLE = (
    "Harbour Council Approves New Ferry Route\n\n"
    "The Harbour Council of Port Elsworth approved a new ferry route on Tuesday. "
    'Mayor Lena Brandt said the route would link the town with Kestrel Island by June. "It '
    'is a good day," she told reporters. Dr. Smith disagreed... He left at 5 p.m. sharp.\n'
    "Critics warned that the budget (about $4.5m.) was too small for the larger boats!\n"
    "Brandt answered that the state of Ostmark had promised extra money; nobody knew how "
    "much. The first ferry, named the Gull, is being built in Harlow — on time?\n"
)


@pytest.fixture(scope="module", autouse=True)
def _stop_shared_pool():
    yield
    parallel.stop_workers()


def test_an_articles_summary_reads_the_windows_sentences_without_tags_or_entities(
    spacy_model, write_file
):
    document = load_document(write_file("ferry.txt", ARTICLE))
    window = next(analyze_progressively(document)).sentences  # every stage asked
    nlp.forget_runs()
    summary_only = analyze(document, stages=("summary",))
    assert summary_only.sentences == window
    assert len(window) >= 8
    assert nlp.components_run() == {"tok2vec", "parser"}  # what sentence boundaries need
    assert summary_only.summary is not None and summary_only.summary.sentences


def test_a_books_summary_never_starts_the_parser_or_the_recogniser(spacy_model, write_file):
    document = load_document(write_file("book.txt", generated_text(900, seed=5)))
    assert staged.word_count(document) >= staged.PARALLEL_MIN_WORDS
    window = next(analyze_progressively(document, mode="parallel")).sentences
    parallel.stop_workers()
    nlp.forget_runs()
    here = analyze(document, AnalysisOptions(algorithm="lead"), stages=("summary",), mode="local")
    assert nlp.components_run() == {"senter"}
    assert here.sentences == window
    # On workers of its own (what the command line does): they load senter alone.
    parse = staged.open_parse(document, "auto", sentences_only=True)
    try:
        assert parse.sentences(None) == window
        pool = parse._current.pool  # type: ignore[attr-defined]
        assert pool.components == nlp.SENTENCE_PIPES
    finally:
        parse.close()
    assert parallel._pool is None  # the shared workers (full model) never started


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(cli.build_parser().parse_args(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def articles(write_file):
    return [str(write_file(f"story-{n}.txt", generated_text(4 + n % 3, seed=n))) for n in range(6)]


def test_a_batch_on_workers_keeps_the_order_and_one_line_for_a_bad_file(
    articles, tmp_path, monkeypatch
):
    monkeypatch.setattr(batch, "BATCH_MIN_WORDS", 0)  # workers, however small the batch
    assert batch.batch_workers(articles) == 2
    missing = str(tmp_path / "missing.txt")
    files = [*articles[:3], missing, *articles[3:]]
    code, out, err = run_cli("summarize", *files, "--format", "jsonl", "-a", "lead")
    assert code == 1
    assert [json.loads(line)["path"] for line in out.splitlines()] == articles
    [line] = err.splitlines()
    assert line.startswith(f"article-reader: {missing}: ")


@pytest.mark.parametrize("stages", [("summary",), ("entities", "stance", "portrayal")])
def test_a_batch_gives_what_one_file_at_a_time_gives(spacy_model, articles, stages):
    options = AnalysisOptions(algorithm="lead", length="2")
    alone = list(batch.analyze_files(articles, options, stages, workers=0))
    together = list(batch.analyze_files(articles, options, stages, workers=2))
    assert together == alone
    assert all(r.analysis is not None and r.error is None for r in alone)
    if "stance" in stages:
        assert any(r.analysis and r.analysis.statements for r in alone)


def test_the_batch_workers_load_only_what_the_command_prints():
    assert batch.model_components(("summary",)) == nlp.SENTENCE_COMPONENTS
    assert batch.model_components(("entities", "portrayal")) is None
