"""Shared fixtures. Qt runs offscreen; the spaCy model loads once per session."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may touch the user's real analysis cache.
os.environ["ARTICLE_READER_CACHE_DIR"] = tempfile.mkdtemp(prefix="article-reader-cache-")

import multiprocessing
import threading
import time

import pytest

from reader import nlp
from reader.run import parallel

_CACHE_DIR = os.environ["ARTICLE_READER_CACHE_DIR"]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Leave no cache directory behind in the system's temporary folder."""
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def spacy_model():
    """The real English pipeline, loaded once for the whole run."""
    return nlp.load_model()


@pytest.fixture
def write_file(tmp_path: Path):
    """Write ``content`` (str or bytes) to ``tmp_path / name`` and return the path."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path

    return write


SETTLE_SECONDS = 5.0  # for threads and processes a test ended on its way out


def _live_threads() -> set[threading.Thread]:
    """Python threads, without the stand-ins Python makes for Qt's own pool threads and
    the feeders of multiprocessing queues (a parse pool's, started on its first message:
    a pool left running is caught by its processes)."""
    return {
        t
        for t in threading.enumerate()
        if not isinstance(t, threading._DummyThread) and t.name != "QueueFeederThread"
    }


def _own_children() -> set[int]:
    """Child processes, but the shared parse pool's (kept warm between tests on purpose)."""
    pool = parallel._pool
    shared = set(pool.pids()) if pool is not None else set()
    return {p.pid for p in multiprocessing.active_children()} - shared


@pytest.fixture(autouse=True)
def _no_dangling_work():
    """Fail a test that leaves a thread or a worker process of its own running.

    (napari's dangling-worker fixtures are the model.) The shared parse pool is
    the one process allowed to outlive a test; it is stopped at the end of the
    session and checked then.
    """
    threads, children = _live_threads(), _own_children()
    yield
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        left_threads = {t for t in _live_threads() - threads if t.is_alive()}
        left_children = _own_children() - children
        if not left_threads and not left_children:
            return
        time.sleep(0.05)
    names = sorted(t.name for t in left_threads)
    pytest.fail(f"the test left threads {names} and processes {sorted(left_children)} running")


@pytest.fixture(autouse=True, scope="session")
def _workers_stop_at_the_end():
    yield
    parallel.stop_workers()
    assert multiprocessing.active_children() == []
