"""Shared fixtures. Qt runs offscreen; the spaCy model loads once per session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may touch the user's real analysis cache.
os.environ["ARTICLE_READER_CACHE_DIR"] = tempfile.mkdtemp(prefix="article-reader-cache-")

import pytest

from reader import nlp


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
