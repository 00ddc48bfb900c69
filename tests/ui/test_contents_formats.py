"""View ▸ Contents for each format's headings: files built here, loaded as the window
loads them, their headings listed and each one where its text is."""

from __future__ import annotations

from pathlib import Path

import pytest

import reader
from tests.reader.format_samples import (
    CHAPTERS,
    HEADING,
    PARAGRAPHS,
    TITLE,
    docx_bytes,
    epub_bytes,
    odt_bytes,
)

from .reading_samples import show, windows

MARKDOWN = f"# {TITLE}\n\n{PARAGRAPHS[0]}\n\n## {HEADING}\n\n{PARAGRAPHS[1]}\n"
HTML = (
    f"<!DOCTYPE html><html><head><title>{TITLE}</title></head><body><article>"
    f"<h1>{TITLE}</h1><p>{PARAGRAPHS[0]}</p><h2>{HEADING}</h2><p>{PARAGRAPHS[1]}</p>"
    "</article></body></html>"
)
TEXT = f"{TITLE}\n\n" + "".join(
    f"CHAPTER {n}. {name}\n\n{PARAGRAPHS[n - 1]}\n\n{PARAGRAPHS[n]}\n\n"
    for n, name in enumerate(["The Storm", "The Pier"], 1)
)

#: (file name, its bytes, headings the contents must list)
SAMPLES = [
    ("book.epub", epub_bytes, [name for name, _ in CHAPTERS]),
    ("report.docx", docx_bytes, [HEADING]),
    ("report.odt", odt_bytes, [HEADING]),
    ("notes.md", lambda: MARKDOWN.encode(), [HEADING]),
    ("page.html", lambda: HTML.encode(), [HEADING]),
    ("book.txt", lambda: TEXT.encode(), ["CHAPTER 1. The Storm", "CHAPTER 2. The Pier"]),
]


@pytest.fixture
def make_window(qtbot, tmp_path):
    yield from windows(qtbot, tmp_path)


@pytest.mark.parametrize(("name", "build", "wanted"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_each_format_gives_its_headings_to_the_contents(
    make_window, tmp_path: Path, name, build, wanted
) -> None:
    path = tmp_path / name
    path.write_bytes(build())
    document = reader.load_document(path)
    window = make_window()
    show(window, document)
    headings = window.contents_panel.headings()
    texts = [text for text, _ in headings]
    for heading in wanted:
        assert any(heading in text for text in texts), (name, texts)
    for text, offset in headings:
        # Each entry goes where its heading stands in the text.
        assert " ".join(document.text[offset:].split())[: len(text)] == text.rstrip("…")
    assert window.contents_panel.currentWidget() is window.contents_panel.tree
