"""The worker pool: same results as in process, cancel, shutdown, fallback."""

from __future__ import annotations

import multiprocessing
import random
import sys
import threading
import time

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, ORTH, POS, TAG

from reader import load_document, nlp
from reader.entities.extract import extract_entities
from reader.errors import AnalysisCancelled
from reader.nlp.cues import cue_forms
from reader.run import parallel
from reader.run.parallel import ParsePool, PoolUnavailable
from reader.run.staged import FallbackParse, LocalParse
from reader.statements.stance import extract_statements

PEOPLE = ["Maria Lopez", "Daniel Okafor", "Ingrid Halvorsen", "Tomas Varga", "Aiko Tanaka"]
GROUPS = ["the Harbour Council", "Northwind Energy", "the Fisheries Board", "Greenline Transit"]
PLACES = ["Porthaven", "Kilmarsh", "the Severn estuary", "Lake Orrin", "Brackwater"]
TOPICS = ["the tidal barrage", "the new ferry route", "the fishing quota", "the sea wall"]


def generated_text(paragraphs: int, seed: int = 7) -> str:
    """A long made-up news story: names, places, reported speech and quotations."""
    rng = random.Random(seed)
    lines = ["Votes, Tides and Ferries in Porthaven", ""]
    for _ in range(paragraphs):
        person, other = rng.sample(PEOPLE, 2)
        group, place, topic = rng.choice(GROUPS), rng.choice(PLACES), rng.choice(TOPICS)
        surname = person.split()[-1]
        kind = rng.randrange(4)
        if kind == 0:
            text = (
                f"{person} said on Tuesday that {group} would vote on {topic} in {place}. "
                f"The meeting ran late into the evening. {surname} left before the end."
            )
        elif kind == 1:
            text = (
                f"“We cannot wait another winter for {topic},” {person} told reporters in "
                f"{place}. {other} disagreed and warned that the cost had doubled since 2019."
            )
        elif kind == 2:
            text = (
                f"According to {group}, about {rng.randrange(2, 90)} families in {place} "
                f"depend on {topic}. The board met {other} in March."
            )
        else:
            text = (
                f"{surname} blasted {group} for its handling of {topic}. "
                f"“It is a disgrace for {place},” she said. Nobody from {group} replied."
            )
        lines += [text, ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def pool():
    pool = ParsePool(2)
    pool.start()
    yield pool
    pool.shutdown()


@pytest.fixture
def long_document(spacy_model, write_file):
    return load_document(write_file("long.txt", generated_text(260)))


def token_rows(blocks) -> list[tuple[int, int, list[list[int]]]]:
    attrs = [ORTH, TAG, POS, ENT_IOB, ENT_TYPE, HEAD, DEP, LEMMA]
    return [(b.block_index, b.offset, b.doc.to_array(attrs).tolist()) for b in blocks]


def test_pool_and_in_process_stages_agree(pool, long_document):
    local = LocalParse(long_document)
    pooled = pool.submit(long_document)
    assert len(local.chunks) >= 3  # the document really is cut into several chunks

    assert pooled.sentences(None) == local.sentences(None)
    local_blocks, pooled_blocks = local.entity_blocks(None), pooled.entity_blocks(None)
    local_entities = extract_entities(long_document, local_blocks)
    pooled_entities = extract_entities(long_document, pooled_blocks)
    assert pooled_entities == local_entities
    assert any(e.name == "Maria Lopez" and e.type == "PERSON" for e in pooled_entities)

    local_blocks, pooled_blocks = local.statement_blocks(None), pooled.statement_blocks(None)
    assert token_rows(pooled_blocks) == token_rows(local_blocks)
    local_statements = extract_statements(long_document, local_blocks, local_entities)
    pooled_statements = extract_statements(long_document, pooled_blocks, pooled_entities)
    assert pooled_statements == local_statements
    speakers = {s.speaker.entity for s in pooled_statements}
    assert set(PEOPLE) & speakers
    assert any(s.direct for s in pooled_statements)


def test_sentences_are_told_as_they_come_in(pool, long_document):
    arrived: list[list[tuple[int, int]]] = []
    pooled = pool.submit(long_document, sentences_only=True)
    sentences = pooled.sentences(None, arrived.append)
    assert len(arrived) == len(pooled.chunks) >= 3  # one call per chunk, before the last
    spans = sorted(span for part in arrived for span in part)
    assert spans == [(s.start, s.end) for s in sentences]


def test_statement_parse_keeps_senter_sentences(long_document):
    """Sentences read from the parsed blocks are those the sentence stage gave."""
    local = LocalParse(long_document)
    first = local.sentences(None)
    local.statement_blocks(None)
    assert local.sentences(None) == first
    spans = {(s.start, s.end) for s in first}
    said = long_document.text.index(" said on Tuesday")
    assert any(start <= said < end for start, end in spans)


def test_cancel_stops_a_pooled_parse(pool, spacy_model, write_file):
    document = load_document(write_file("longer.txt", generated_text(900, seed=3)))
    parse = pool.submit(document)
    cancel = threading.Event()
    parse.sentences(cancel)
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    started = time.monotonic()
    with pytest.raises(AnalysisCancelled):
        parse.statement_blocks(cancel)
    assert time.monotonic() - started < 3.0
    timer.join()
    # The workers dropped the cancelled job: a new one is answered at once.
    small = load_document(write_file("small.txt", generated_text(4, seed=5)))
    started = time.monotonic()
    assert pool.submit(small).sentences(None)
    assert time.monotonic() - started < 10.0


def test_jobs_that_overlap_do_not_disturb_each_other(pool, spacy_model, write_file):
    big = load_document(write_file("big.txt", generated_text(200, seed=1)))
    small = load_document(write_file("small.txt", generated_text(5, seed=2)))
    first = pool.submit(big)
    second = pool.submit(small)
    assert second.statement_blocks(None)
    second.close()  # the later job ends first; the earlier one must still finish
    blocks = first.statement_blocks(None)
    assert token_rows(blocks) == token_rows(LocalParse(big).statement_blocks(None))


def test_a_worker_kept_busy_hands_its_chunks_to_the_other(pool, spacy_model, write_file):
    """The tagging is balanced: while one worker sleeps through a call, the other
    takes over chunks dealt to it, and the results stay those of the in-process parse."""
    document = load_document(write_file("busy.txt", generated_text(1400, seed=6)))
    parse = pool.submit(document)
    dealt = list(parse.schedule.owner)  # before any chunk is taken over
    sleeper = threading.Thread(target=pool.call, args=(time.sleep, (6.0,)))
    sleeper.start()
    try:
        blocks = parse.statement_blocks(None)
    finally:
        sleeper.join()
    owners = parse.schedule.owner
    taken_over = max(owners.count(w) - dealt.count(w) for w in (0, 1))
    assert taken_over >= 2
    assert token_rows(blocks) == token_rows(LocalParse(document).statement_blocks(None))


def test_a_call_runs_on_a_worker_with_its_result_or_its_error(pool, long_document):
    import os

    from reader.errors import InvalidOption
    from reader.summary.summarize import summarize

    parse = pool.submit(long_document)  # the workers are busy with a parse
    sentences = parse.sentences(None)
    assert pool.call(os.getpid, ()) in pool.pids()
    here = summarize(long_document, sentences, "lexrank", "4")
    assert pool.call(summarize, (long_document, sentences, "lexrank", "4")) == here
    with pytest.raises(InvalidOption):
        pool.call(summarize, (long_document, sentences, "no-such-algorithm", "4"))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(AnalysisCancelled):
        pool.call(summarize, (long_document, sentences, "lexrank", "4"), cancel)
    # The parse went on around the calls.
    assert token_rows(parse.statement_blocks(None)) == token_rows(
        LocalParse(long_document).statement_blocks(None)
    )


def test_long_documents_are_summarised_on_the_workers(spacy_model, write_file):
    import os

    from reader.run.offload import summarize_aside
    from reader.run.staged import PARALLEL_MIN_WORDS, word_count
    from reader.summary.summarize import summarize

    document = load_document(write_file("book.txt", generated_text(900, seed=4)))
    assert word_count(document) >= PARALLEL_MIN_WORDS
    sentences = LocalParse(document).sentences(None)
    here = summarize(document, sentences, "textrank", "5")
    parallel.stop_workers()
    # Workers not running and not to be started: summarised here.
    assert summarize_aside(document, sentences, "textrank", "5", start_workers=False) == here
    assert parallel._pool is None
    shared = parallel.get_pool()
    assert shared is not None
    calls: list[int] = []
    original = shared.call
    shared.call = lambda *args: calls.append(os.getpid()) or original(*args)  # type: ignore[method-assign]
    try:
        assert summarize_aside(document, sentences, "textrank", "5") == here
        assert calls  # it went through the workers
    finally:
        parallel.stop_workers()


def test_shutdown_leaves_no_process(spacy_model, write_file):
    document = load_document(write_file("a.txt", generated_text(6)))
    pool = ParsePool(2)
    pool.start()
    pids = pool.pids()
    assert len(pids) == 2
    assert pool.submit(document).entity_blocks(None)
    pool.shutdown()
    alive = {p.pid for p in multiprocessing.active_children()}
    assert not alive & set(pids)
    with pytest.raises(PoolUnavailable):
        pool.submit(document)


def test_shared_pool_starts_lazily_and_shuts_down(spacy_model, write_file):
    document = load_document(write_file("b.txt", generated_text(6)))
    parallel.stop_workers()
    assert parallel._pool is None
    shared = parallel.get_pool()
    assert shared is not None and shared.running
    parse = FallbackParse(document, shared)
    assert parse.pooled
    assert parse.statement_blocks(None)
    pids = set(shared.pids())
    parallel.stop_workers()
    assert not {p.pid for p in multiprocessing.active_children()} & pids


def test_falls_back_to_in_process_when_workers_cannot_start(spacy_model, write_file):
    document = load_document(write_file("c.txt", generated_text(30)))
    broken = ParsePool(2, packages=("no_such_model_package",))
    broken.start()
    parse = FallbackParse(document, broken)
    sentences = parse.sentences(None)
    assert not parse.pooled
    assert broken.broken is not None and not broken.running
    local = LocalParse(document)
    assert sentences == local.sentences(None)
    assert token_rows(parse.statement_blocks(None)) == token_rows(local.statement_blocks(None))
    assert not {p.pid for p in multiprocessing.active_children()} & set(broken.pids())


def test_the_model_multiplies_with_numpy_on_one_thread(spacy_model):
    """thinc's BLIS kernel is slower than NumPy's BLAS on many CPUs (see nlp._load)."""
    from threadpoolctl import threadpool_info

    model = nlp.load_model()
    layers = [
        *model.get_pipe("tok2vec").model.walk(),
        *model.get_pipe("ner").model.get_ref("tok2vec").walk(),  # its own embedding
    ]
    assert len(layers) > 10
    assert not any(getattr(layer.ops, "use_blis", True) for layer in layers)
    numpy_blas = [pool for pool in threadpool_info() if "numpy" in pool["filepath"]]
    assert numpy_blas or sys.platform != "linux"  # NumPy's wheels bundle OpenBLAS there
    assert all(pool["num_threads"] == 1 for pool in numpy_blas)


def test_cue_forms_cover_inflections(spacy_model):
    forms = cue_forms()
    assert {"said", "says", "told", "claimed", "according", "urging", "denies", "wrote"} <= forms
    assert "walked" not in forms
