"""A summary's own sentence workers: forked from one server that loaded senter once.

They must give the sentences a spawned worker gives and the window reads, come
from the server with the model already loaded (where the system can fork
them), and still fail cleanly when told to use a model that is not there. The
command line starts the server early only for a summary of one long file.
"""

from __future__ import annotations

import multiprocessing
import os

import pytest

from reader import load_document, nlp
from reader.run import parallel, sentence_workers, staged
from reader.run.parallel import ParsePool, PoolUnavailable
from reader.run.sentence_workers import preloaded, warm_up_for, worker_context

from .test_parallel import generated_text

FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()


@pytest.fixture
def book(write_file):
    path = write_file("book.txt", generated_text(900, seed=11))
    return str(path)


def test_the_workers_split_what_a_spawned_worker_splits(spacy_model, book):
    document = load_document(book)
    forked = sentence_workers.split_on_workers(document, 2)
    try:
        assert forked.pool.context.get_start_method() == worker_context().get_start_method()
        sentences = forked.sentences(None)
    finally:
        forked.close()
    spawned = ParsePool(2, components=nlp.SENTENCE_PIPES)
    try:
        assert spawned.submit(document, sentences_only=True).sentences(None) == sentences
    finally:
        spawned.shutdown()
    assert sentences == staged.LocalParse(document, sentences_only=True).sentences(None)


@pytest.mark.skipif(not FORKSERVER, reason="no forkserver on this system: workers are spawned")
def test_the_workers_come_from_the_server_with_senter_loaded():
    pool = ParsePool(2, components=nlp.SENTENCE_PIPES, context=worker_context())
    try:
        assert pool.call(preloaded, (), worker=0) and pool.call(preloaded, (), worker=1)
        assert pool.call(nlp.loaded_components, ()) == ("senter",)
        assert pool.call(os.getppid, ()) != os.getpid()  # forked by the server, not by us
    finally:
        pool.shutdown()
    spawned = ParsePool(1, components=nlp.SENTENCE_PIPES)
    try:
        assert not spawned.call(preloaded, ())
    finally:
        spawned.shutdown()


def test_a_worker_told_of_another_model_does_not_keep_the_preloaded_one():
    pool = ParsePool(
        2,
        packages=("no_such_model_package",),
        components=nlp.SENTENCE_PIPES,
        context=worker_context(),
    )
    try:
        with pytest.raises(PoolUnavailable, match="English spaCy model"):
            pool.call(nlp.loaded_components, ())
    finally:
        pool.shutdown()
    assert not {p.pid for p in multiprocessing.active_children()} & set(pool.pids())


def test_only_a_summary_of_one_long_file_warms_the_server_up(book, write_file, monkeypatch):
    monkeypatch.setattr(sentence_workers, "usable_cores", lambda: 2)
    short = str(write_file("short.txt", generated_text(3)))
    assert warm_up_for([book], ("summary",))
    assert not warm_up_for([short], ("summary",))
    assert not warm_up_for([book], ("entities", "portrayal"))  # the shared workers' job
    assert not warm_up_for([book, book], ("summary",))  # a batch has workers of its own
    monkeypatch.setattr(sentence_workers, "usable_cores", lambda: 1)
    assert not warm_up_for([book], ("summary",))
    assert parallel._pool is None  # nothing here starts the shared workers


@pytest.mark.skipif(not FORKSERVER, reason="no forkserver on this system: workers are spawned")
def test_a_server_that_cannot_start_costs_the_summary_its_head_start_only(
    spacy_model, book, monkeypatch
):
    from multiprocessing import forkserver

    def refuse() -> None:
        raise OSError("no room for the server's socket")

    monkeypatch.setattr(forkserver, "ensure_running", refuse)
    monkeypatch.setattr(sentence_workers, "usable_cores", lambda: 2)
    assert warm_up_for([book], ("summary",))  # no exception: the workers will say it
    document = load_document(book)
    parse = staged.FallbackParse(
        document,
        None,
        sentences_only=True,
        start=lambda: sentence_workers.split_on_workers(document, 2),
    )
    try:
        sentences = parse.sentences(None)
    finally:
        parse.close()
    assert sentences == staged.LocalParse(document, sentences_only=True).sentences(None)
