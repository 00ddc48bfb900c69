"""PDF, EPUB, DOCX, ODT and RTF: fixtures built here, their text and structure checked.

Also every kind of bad input (truncated, corrupt, encrypted, empty, binary,
wrong extension, mixed encoding), through ``load_document`` and the CLI.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from reader import load_document
from reader.errors import (
    CorruptFile,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    ReaderError,
    UnsupportedFormat,
)
from reader.output.cli import run_cli as cli_main
from tests.reader import format_samples as samples
from tests.reader.format_samples import (
    AUTHOR,
    HEADING,
    ITEMS,
    PARAGRAPHS,
    QUOTE,
    TITLE,
    assert_well_formed,
    blocks_of,
)

MAIN = Path(__file__).resolve().parents[2]


def assert_one_sentence_naming(error: ReaderError, name: str) -> None:
    message = str(error)
    assert name in message
    assert message.endswith(".")
    assert "\n" not in message


# --- each format's fixture ------------------------------------------------------------


def test_pdf_text_title_author_and_paragraphs(write_file):
    doc = load_document(write_file("ferry.pdf", samples.pdf_bytes()))

    assert doc.format == "pdf"
    assert doc.title == TITLE
    assert doc.metadata == {"author": AUTHOR}
    assert doc.blocks[0].kind == "title"
    assert doc.text.count(TITLE) == 1
    # each paragraph comes back whole (its line breaks gone), as one block
    assert [p for p in blocks_of(doc, "paragraph") if p in PARAGRAPHS] == PARAGRAPHS
    assert_well_formed(doc)


def test_pdf_running_headers_and_page_numbers_are_dropped(write_file):
    doc = load_document(write_file("long.pdf", samples.pdf_bytes(repeat=14)))

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(samples.pdf_bytes(repeat=14))).pages)
    assert pages >= 3
    assert "Grenmouth Gazette" not in doc.text
    assert not any(doc.block_text(b).isdigit() for b in doc.blocks)
    # a paragraph cut by a page break is joined again; every block is one of ours
    assert blocks_of(doc, "paragraph") == PARAGRAPHS * 14


def test_pdf_hyphenation_at_line_ends_is_joined(write_file):
    paragraph = (
        "The harbour master said the repairs were a fine exam-\nple of the council's "
        "work, and that the well-\nknown pier would reopen in spring."
    )
    doc = load_document(write_file("hyphen.pdf", samples.pdf_bytes([paragraph])))

    body = blocks_of(doc, "paragraph")
    assert any("a fine example of the council's work" in p for p in body)
    assert "exam-" not in doc.text


def test_pdf_without_metadata_title_takes_its_first_big_line(write_file):
    data = samples.pdf_bytes(metadata_title=None, title="Storm closes the Grenmouth pier")
    doc = load_document(write_file("untitled.pdf", data))

    assert doc.title == "Storm closes the Grenmouth pier"
    assert doc.blocks[0].kind == "title"


def test_pdf_locked_only_for_its_owner_opens(write_file):
    data = samples.encrypted_pdf_bytes(user_password="")
    doc = load_document(write_file("owner-only.pdf", data))

    assert PARAGRAPHS[0] in blocks_of(doc, "paragraph")


#: What the DOCX and ODT fixtures (the same document) must come back as.
WORD_PROCESSOR_BLOCKS = [
    ("title", TITLE),
    ("paragraph", PARAGRAPHS[0]),
    ("paragraph", PARAGRAPHS[1]),
    ("heading", HEADING),
    ("paragraph", PARAGRAPHS[2]),
    ("list_item", ITEMS[0]),
    ("list_item", ITEMS[1]),
    ("quote", QUOTE),
    ("paragraph", "Day | Sailings"),
    ("paragraph", "Monday | 2"),
]


def test_docx_styles_become_structure(write_file):
    doc = load_document(write_file("ferry.docx", samples.docx_bytes()))

    assert doc.format == "docx"
    assert doc.title == TITLE
    assert doc.metadata == {"author": AUTHOR}
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == WORD_PROCESSOR_BLOCKS
    assert_well_formed(doc)


def test_odt_structure_without_footnotes(write_file):
    doc = load_document(write_file("ferry.odt", samples.odt_bytes()))

    assert doc.format == "odt"
    assert doc.title == TITLE
    assert doc.metadata == {"author": AUTHOR}
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == WORD_PROCESSOR_BLOCKS
    assert "footnote" not in doc.text


def test_epub_chapters_in_spine_order(write_file):
    doc = load_document(write_file("ferry.epub", samples.epub_bytes()))

    assert doc.format == "epub"
    assert doc.title == TITLE
    assert doc.metadata == {"author": AUTHOR}
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("title", TITLE),
        ("heading", "One"),
        ("paragraph", PARAGRAPHS[0]),
        ("paragraph", PARAGRAPHS[1]),
        ("heading", "Two"),
        ("paragraph", PARAGRAPHS[2]),
        ("paragraph", QUOTE),
    ]
    # the table of contents (nav) and the non-linear notes are not part of the reading
    assert "Contents" not in doc.text
    assert "outside the reading order" not in doc.text
    assert_well_formed(doc)


def test_epub_chapter_that_is_not_well_formed_xml_is_read_as_html(write_file):
    chapter = "<html><body><h1>Broken</h1><p>First &nbsp; line<br>second line<p>Next</body>"
    doc = load_document(write_file("loose.epub", samples.epub_bytes([("c.xhtml", chapter)])))

    assert blocks_of(doc, "paragraph") == ["First line", "second line", "Next"]


def test_rtf_paragraphs_title_and_escapes(write_file):
    doc = load_document(write_file("ferry.rtf", samples.rtf_bytes()))

    assert doc.format == "rtf"
    assert doc.title == TITLE
    assert doc.metadata == {"author": AUTHOR}
    assert doc.blocks[0].kind == "title"
    assert blocks_of(doc, "heading") == [HEADING]
    assert blocks_of(doc, "paragraph") == [*PARAGRAPHS, "Café owners said “fine”."]
    assert_well_formed(doc)


# --- detection by content -------------------------------------------------------------


@pytest.mark.parametrize(
    "name, builder, expected",
    [
        ("report.txt", samples.pdf_bytes, "pdf"),
        ("book.zip", samples.epub_bytes, "epub"),
        ("letter.doc", samples.docx_bytes, "docx"),
        ("notes.bin", samples.odt_bytes, "odt"),
        ("memo.txt", samples.rtf_bytes, "rtf"),
        ("ferry.pdf", samples.docx_bytes, "docx"),  # content wins over a wrong extension
    ],
)
def test_format_comes_from_the_content(write_file, name, builder, expected):
    doc = load_document(write_file(name, builder()))
    assert doc.format == expected
    assert PARAGRAPHS[0] in doc.text


def test_mixed_utf8_and_windows_1252_text_reads_both(write_file):
    data = (
        "Café owners in Zürich said the season was a success.\n".encode()
        + b"The gar\xe7on called it \x93a bargain\x94 and left.\n"
    )
    doc = load_document(write_file("mixed.txt", data))

    assert doc.text == (
        "Café owners in Zürich said the season was a success.\n"
        "The garçon called it “a bargain” and left.\n"
    )
    assert "not UTF-8" in doc.metadata["notice"], "the person is told what was repaired"
    assert "mixed.txt" in doc.metadata["notice"]


def test_a_clean_file_carries_no_notice(write_file):
    doc = load_document(write_file("clean.txt", "Café owners in Zürich were pleased.\n"))
    assert "notice" not in doc.metadata


def test_the_command_line_warns_about_a_mixed_encoding_in_one_line(write_file, capsys):
    from reader.output import cli

    data = (
        "Café owners in Zürich said the season was a success.\n".encode()
        + b"The gar\xe7on called it \x93a bargain\x94 and left.\n"
    )
    path = write_file("mixed.txt", data)
    assert cli.run_cli(["summarize", str(path), "--algorithm", "lead", "-n", "1"]) == 0
    captured = capsys.readouterr()
    [warning] = captured.err.splitlines()
    assert warning.startswith(f"article-reader: {path}: warning: ")
    assert "garçon" not in captured.err and "Café owners" in captured.out


# --- size -------------------------------------------------------------------------


@pytest.mark.slow
def test_a_book_sized_epub_opens(write_file):
    chapters = []
    for number in range(1, 121):
        paragraphs = [
            f"{p} (chapter {number}, paragraph {k})" for k in range(80) for p in PARAGRAPHS
        ]
        chapters.append((f"c{number}.xhtml", samples.xhtml(f"Chapter {number}", paragraphs)))
    data = samples.epub_bytes(chapters)
    path = write_file("book.epub", data)

    doc = load_document(path)

    assert len(doc.text) > 5_000_000
    assert len(blocks_of(doc, "heading")) == 120
    assert len(blocks_of(doc, "paragraph")) == 120 * 80 * 3


@pytest.mark.slow
def test_a_hundred_page_pdf_opens(write_file):
    data = samples.pdf_bytes(repeat=60)
    path = write_file("long.pdf", data)

    started = time.perf_counter()
    doc = load_document(path)
    elapsed = time.perf_counter() - started

    assert blocks_of(doc, "paragraph") == PARAGRAPHS * 60
    assert elapsed < 30


def test_over_the_limit_every_format_is_refused_with_the_limit(write_file):
    path = write_file("ferry.epub", samples.epub_bytes())
    with pytest.raises(DocumentTooLarge) as caught:
        load_document(path, max_bytes=1000)
    assert "limit of 1000 bytes" in str(caught.value)


# --- bad input: a specific message each, one line on the command line ---------------


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flipped(data: bytes) -> bytes:
    middle = bytearray(data)
    for index in range(len(middle) // 3, len(middle) // 3 + 200):
        middle[index] ^= 0x5A
    return bytes(middle)


def _jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(256)) * 20


def bad_cases() -> list[tuple[str, bytes, type[ReaderError], str]]:
    """(file name, content, error type, words the message must hold)."""
    return [
        ("truncated.pdf", _truncated(samples.pdf_bytes()), CorruptFile, "PDF"),
        ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8, CorruptFile, "PDF"),
        ("locked.pdf", samples.encrypted_pdf_bytes(), EncryptedDocument, "password"),
        ("scan.pdf", samples.image_only_pdf_bytes(), NoTextLayer, "no text layer"),
        ("truncated.docx", _truncated(samples.docx_bytes()), CorruptFile, "DOCX"),
        ("flipped.docx", _flipped(samples.docx_bytes()), CorruptFile, "DOCX"),
        ("truncated.epub", _truncated(samples.epub_bytes()), CorruptFile, "EPUB"),
        ("truncated.odt", _truncated(samples.odt_bytes()), CorruptFile, "ODT"),
        ("truncated.rtf", samples.rtf_bytes()[:40], EmptyDocument, "no readable text"),
        ("empty.docx", b"", EmptyDocument, "empty"),
        ("photo.epub", _jpeg(), CorruptFile, "not a zip archive"),
        ("article.pdf", " ".join(PARAGRAPHS).encode(), CorruptFile, "not a valid PDF"),
        ("spreadsheet.docx", samples.zip_bytes([("xl/workbook.xml", "<x/>")]), CorruptFile, "DOCX"),
        ("program.txt", b"\x7fELF\x02\x01\x01" + bytes(300), UnsupportedFormat, "binary"),
    ]


@pytest.mark.parametrize("name, content, error, words", bad_cases(), ids=lambda v: str(v)[:20])
def test_bad_input_gets_a_specific_message(write_file, name, content, error, words):
    with pytest.raises(error) as caught:
        load_document(write_file(name, content))
    assert_one_sentence_naming(caught.value, name)
    assert words in str(caught.value)


@pytest.mark.parametrize("name, content, error, words", bad_cases(), ids=lambda v: str(v)[:20])
def test_cli_prints_one_line_and_fails(write_file, capsys, name, content, error, words):
    path = write_file(name, content)
    status = cli_main(["summarize", str(path)])
    captured = capsys.readouterr()

    assert status == 1
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"article-reader: {path}: ")
    assert words in lines[0]
    assert "unexpected error" not in lines[0]


def test_cli_subprocess_for_a_locked_pdf(write_file):
    path = write_file("locked.pdf", samples.encrypted_pdf_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "reader.output.cli", "summarize", str(path)],
        capture_output=True,
        text=True,
        cwd=MAIN,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "is protected by a password" in result.stderr


def test_a_zip_that_is_no_document(write_file):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("photo.jpg", _jpeg())
    with pytest.raises(UnsupportedFormat) as caught:
        load_document(write_file("photos.zip", data.getvalue()))
    assert_one_sentence_naming(caught.value, "photos.zip")
