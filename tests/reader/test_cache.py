"""The analysis cache: round trips, keys, size bound, and damaged files."""

from __future__ import annotations

import sqlite3

import pytest

import reader
from reader.models import AnalysisOptions
from reader.run.cache import AnalysisCache, analyze_cached, cache_key
from resources import sample_article

MODEL = "en_core_web_sm-3.8.0"


@pytest.fixture(scope="module")
def analysed():
    document = reader.load_document(sample_article())
    return document, reader.analyze(document)


@pytest.fixture
def cache(tmp_path):
    return AnalysisCache(tmp_path / "cache" / "analyses.sqlite3")


def test_a_complete_analysis_round_trips_exactly(cache, analysed):
    document, analysis = analysed
    key = cache_key(document, MODEL)
    assert cache.get(key) is None
    cache.put(key, analysis)
    restored = cache.get(key)
    assert restored == analysis
    assert restored.statements and restored.entities and restored.summary


def test_the_codec_stores_runs_of_dataclasses_by_columns(analysed):
    from reader.models import Analysis, Sentence
    from reader.run.codec import from_plain, to_plain

    _, analysis = analysed
    plain = to_plain(analysis)
    columns = plain["sentences"]["columns"]
    assert columns["start"] == [s.start for s in analysis.sentences]
    assert from_plain(Analysis, plain) == analysis
    # Objects one by one decode too; columns of unequal length do not.
    listed = [to_plain(s) for s in analysis.sentences]
    assert from_plain(tuple[Sentence, ...], listed) == analysis.sentences
    columns["end"].pop()
    with pytest.raises(ValueError):
        from_plain(Analysis, plain)


def test_keys_change_with_content_and_model(analysed):
    document, _ = analysed
    key = cache_key(document, MODEL)
    edited = reader.Document(
        document.path, document.text + " ", document.title, document.blocks, document.format
    )
    assert key != cache_key(document, "en_core_web_md-3.8.0")
    assert key != cache_key(edited, MODEL)
    moved = reader.Document("/elsewhere/x.txt", document.text, "Other", document.blocks, "text")
    assert key == cache_key(moved, MODEL), "same content, same analysis"
    assert cache_key(document) == cache_key(document), "the installed model, found unloaded"


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all",
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
)
def test_a_damaged_file_is_replaced_not_fatal(cache, analysed, damage):
    document, analysis = analysed
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(damage)
    key = cache_key(document, MODEL)
    assert cache.get(key) is None
    cache.put(key, analysis)
    assert cache.get(key) == analysis


def test_a_foreign_database_or_bad_value_is_rebuilt(cache, analysed):
    document, analysis = analysed
    key = cache_key(document, MODEL)
    cache.path.parent.mkdir(parents=True)
    with sqlite3.connect(cache.path) as db:
        db.execute("CREATE TABLE analyses (key TEXT PRIMARY KEY, value BLOB, size INT, used REAL)")
        db.execute("INSERT INTO analyses VALUES (?, ?, 3, 0)", (key, b"bad"))
    db.close()
    assert cache.get(key) is None
    cache.put(key, analysis)
    assert cache.get(key) == analysis


def test_size_bound_evicts_least_recently_used(tmp_path, analysed):
    _, analysis = analysed
    one = AnalysisCache(tmp_path / "probe.sqlite3")
    one.put("probe", analysis)
    entry = one.size_bytes()
    bounded = AnalysisCache(tmp_path / "bounded.sqlite3", max_bytes=int(entry * 2.5))
    for name in ("a", "b", "c"):
        bounded.put(name, analysis)
    assert bounded.get("a") is None, "the oldest entry went first"
    assert bounded.get("c") == analysis
    assert bounded.size_bytes() <= bounded.max_bytes


def test_clear_empties_the_cache(cache, analysed):
    _, analysis = analysed
    cache.put("k", analysis)
    cache.clear()
    assert cache.get("k") is None
    assert cache.size_bytes() == 0


def test_analyze_cached_serves_a_second_open_and_resummarises(cache, write_file):
    path = write_file(
        "council.txt",
        "Council backs ferry plan\n\n"
        "The council of Port Elsworth approved the ferry plan on Tuesday.\n"
        "Mayor Lena Brandt said the route would open in June.\n"
        "Critics warned that the budget was far too small.\n"
        "Brandt said the state had promised more money.\n",
    )
    document = reader.load_document(path)
    options = AnalysisOptions(algorithm="lead", length="1")
    first = list(analyze_cached(document, options, cache))
    assert len(first) > 1, "a miss runs stage by stage"
    second = list(analyze_cached(document, options, cache))
    assert second == [first[-1]], "a hit is one complete analysis"
    other = AnalysisOptions(algorithm="lead", length="2")
    [resummarised] = analyze_cached(document, other, cache)
    assert resummarised.options == other
    assert len(resummarised.summary.sentences) == 2
    assert resummarised.entities == first[-1].entities


def test_partial_analyses_are_not_stored(cache, write_file):
    path = write_file("short.txt", "Mayor Lena Brandt opened the bridge in Harlow on Monday.\n")
    document = reader.load_document(path)
    list(analyze_cached(document, AnalysisOptions(), cache, stages=("summary",)))
    assert cache.get(cache_key(document)) is None


def test_an_analysed_file_reopens_without_being_parsed_again(cache, tmp_path):
    from reader.run.cache import file_content_key, load_document_cached

    original = sample_article()
    first_path = tmp_path / "one" / original.name
    first_path.parent.mkdir()
    first_path.write_bytes(original.read_bytes())

    document, unsaved = load_document_cached(first_path, cache)
    assert document == reader.load_document(first_path)
    assert unsaved == file_content_key(first_path.read_bytes(), original.name)
    options = AnalysisOptions()
    analysis = list(analyze_cached(document, options, cache, document_key=unsaved))[-1]
    assert cache.get_document(unsaved) == document  # kept with its analysis

    # The same content under the same name elsewhere: served from the cache, with its path.
    moved = tmp_path / "two" / original.name
    moved.parent.mkdir()
    moved.write_bytes(original.read_bytes())
    again, unsaved_again = load_document_cached(moved, cache)
    assert unsaved_again is None
    assert again == reader.load_document(moved)
    assert again.path == str(moved)
    assert list(analyze_cached(again, options, cache)) == [analysis]

    # Another name or other bytes: parsed, and offered for storing.
    renamed = tmp_path / "two" / ("other-" + original.name)
    renamed.write_bytes(original.read_bytes())
    assert load_document_cached(renamed, cache)[1] is not None
    moved.write_bytes(original.read_bytes() + b"\nA late paragraph about the tidal vote.\n")
    edited, unsaved_edited = load_document_cached(moved, cache)
    assert unsaved_edited is not None and "late paragraph" in edited.text
    # Without a store it is load_document.
    assert load_document_cached(moved, None) == (reader.load_document(moved), None)
