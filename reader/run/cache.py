"""Analyses kept in SQLite, so reopening an analysed file is instant.

One entry per document content, keyed also by the language model and a
fingerprint of this package's own source (so a new version, or a developer's
edit, never serves an old result). A hit made with other summary options only
re-runs the summariser. The parsed document of an analysed file is kept too,
keyed by the file's bytes and name, so reopening it skips parsing a book
(``load_document_cached``). Values are compressed JSON (see ``codec``). A damaged
or foreign database file is replaced, never fatal; the total size is bounded
and the least recently used entries go first.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

from ..models import Analysis, AnalysisOptions, Document
from ..nlp.model import MODEL_PACKAGES
from .codec import from_plain, to_plain

SCHEMA = 1
DOCUMENT_PREFIX = "document:"  # keys of parsed documents, beside those of analyses
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
CACHE_DIR_ENV = "ARTICLE_READER_CACHE_DIR"
FILE_NAME = "analyses.sqlite3"

T = TypeVar("T")


@cache
def code_fingerprint() -> str:
    """A hash of the whole reader package's source (every stage folder, not only this one's)
    and of the weights it ships: any change to the analysis code or a model changes it."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.npz"), *package.rglob("*.json")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def model_identity() -> str:
    """The model that would be loaded, found without loading it."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            try:
                return f"{name}-{version(name)}"
            except PackageNotFoundError:
                return name
    return "none"


def default_cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("article-reader", appauthor=False))


def cache_key(document: Document, model: str | None = None) -> str:
    """The key of ``document``'s analysis: its text and structure, model and code."""
    digest = hashlib.sha256()
    for part in (
        f"schema={SCHEMA}",
        f"code={code_fingerprint()}",
        f"model={model or model_identity()}",
        f"format={document.format}",
        json.dumps(to_plain(document.blocks)),
        document.text,
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class AnalysisCache:
    """A size-bounded, thread-safe store of complete analyses."""

    def __init__(self, path: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = path or default_cache_dir() / FILE_NAME
        self.max_bytes = max_bytes
        self._lock = threading.Lock()

    # --- public -------------------------------------------------------------

    def get(self, key: str) -> Analysis | None:
        return self._get(key, Analysis)

    def put(self, key: str, analysis: Analysis) -> None:
        self._put(key, analysis)

    def get_document(self, key: str) -> Document | None:
        return self._get(DOCUMENT_PREFIX + key, Document)

    def put_document(self, key: str, document: Document) -> None:
        self._put(DOCUMENT_PREFIX + key, document)

    def _get(self, key: str, kind: type[T]) -> T | None:
        with self._lock:
            try:
                with closing(self._connect()) as db, db:
                    row = db.execute("SELECT value FROM analyses WHERE key = ?", (key,)).fetchone()
                    if row is None:
                        return None
                    db.execute("UPDATE analyses SET used = ? WHERE key = ?", (time.time(), key))
                return from_plain(kind, json.loads(zlib.decompress(row[0])))
            except (sqlite3.Error, zlib.error, ValueError, TypeError, KeyError, AttributeError):
                self._reset()
                return None

    def _put(self, key: str, item: Analysis | Document) -> None:
        value = zlib.compress(json.dumps(to_plain(item)).encode("utf-8", "surrogatepass"))
        if len(value) > self.max_bytes:
            return
        with self._lock:
            try:
                with closing(self._connect()) as db, db:
                    db.execute(
                        "INSERT OR REPLACE INTO analyses (key, value, size, used) "
                        "VALUES (?, ?, ?, ?)",
                        (key, value, len(value), time.time()),
                    )
                    self._evict(db)
            except sqlite3.Error:
                self._reset()

    def clear(self) -> None:
        with self._lock:
            self._reset()

    def size_bytes(self) -> int:
        with self._lock:
            try:
                with closing(self._connect()) as db:
                    row = db.execute("SELECT COALESCE(SUM(size), 0) FROM analyses").fetchone()
                    return int(row[0])
            except sqlite3.Error:
                return 0

    # --- internals ------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=5)
        db.execute(
            "CREATE TABLE IF NOT EXISTS analyses ("
            "key TEXT PRIMARY KEY, value BLOB NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL)"
        )
        return db

    def _evict(self, db: sqlite3.Connection) -> None:
        total = db.execute("SELECT COALESCE(SUM(size), 0) FROM analyses").fetchone()[0]
        if total <= self.max_bytes:
            return
        for key, size in db.execute("SELECT key, size FROM analyses ORDER BY used").fetchall():
            db.execute("DELETE FROM analyses WHERE key = ?", (key,))
            total -= size
            if total <= self.max_bytes:
                break

    def _reset(self) -> None:
        """Throw away a damaged or foreign file and start an empty one."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                Path(str(self.path) + suffix).unlink()
            except FileNotFoundError:
                pass
            except OSError:
                return


def file_content_key(data: bytes, name: str) -> str:
    """The key of the document parsed from file content ``data`` named ``name``."""
    digest = hashlib.sha256(f"schema={SCHEMA}\0code={code_fingerprint()}\0{name}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def load_document_cached(
    path: str | os.PathLike[str], store: AnalysisCache | None
) -> tuple[Document, str | None]:
    """``load_document``, served from ``store`` when this file content was parsed before.

    Returns the document and, when ``store`` does not hold it yet, its key:
    pass that to ``analyze_cached``, which keeps the document with its analysis.
    """
    from ..loaders import parse_document, read_bytes  # here: the HTML loader is heavy to import

    path = Path(path)
    data = read_bytes(path)
    if store is None:
        return parse_document(data, path), None
    key = file_content_key(data, path.name)
    hit = store.get_document(key)
    if hit is not None:
        return replace(hit, path=str(path)), None
    return parse_document(data, path), key


def analyze_cached(
    document: Document,
    options: AnalysisOptions,
    store: AnalysisCache | None,
    *,
    document_key: str | None = None,
    **pipeline_args: object,
) -> Iterator[Analysis]:
    """``analyze_progressively`` served from ``store`` when it can be.

    A hit yields one complete analysis at once (re-summarised if it was made
    with other summary options); a miss runs every stage and stores the result.
    With ``document_key`` (from ``load_document_cached``) the document is
    stored too, once its analysis is.
    """
    from .pipeline import analyze_progressively

    key = cache_key(document) if store is not None else ""
    hit = store.get(key) if store is not None else None
    if hit is not None:
        if hit.options != options:
            from .offload import summarize_aside

            summary = summarize_aside(
                document, hit.sentences, options.algorithm, options.length, start_workers=False
            )
            hit = replace(hit, summary=summary, options=options)
        yield hit
        if document_key is not None and store is not None:
            store.put_document(document_key, document)
        return
    complete: Analysis | None = None
    for complete in analyze_progressively(document, options, **pipeline_args):  # type: ignore[arg-type]
        yield complete
    if store is not None and complete is not None and "stages" not in pipeline_args:
        store.put(key, complete)  # only complete analyses are kept
        if document_key is not None:
            store.put_document(document_key, document)
