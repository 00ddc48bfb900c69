"""Long documents summarised by section, and a percentage's base and cap: a hand-made book
as plain text and as EPUB, read by the real loaders, spaCy's sentences and every algorithm."""

from __future__ import annotations

import json

import pytest

from reader import load_document, nlp, run_cli
from reader.models import Block, Document, Sentence
from reader.nlp.segment import sentences_from
from reader.options import ALGORITHMS, PERCENT_CAP, SummaryLength, parse_length
from reader.output.report import cap_note, made_with, summary_markdown, summary_text
from reader.output.serialize import summary_json
from reader.summary.sections import (
    OPENING,
    SECTION_SENTENCES,
    SECTIONS_FROM,
    section_summaries,
    sections_of,
    summarize_by_section,
)
from reader.summary.summarize import summarize
from tests.reader.book_samples import (
    SENTENCES_PER_CHAPTER,
    TOPICS,
    book_epub,
    book_text,
    chapter_line,
)


def read(path) -> tuple[Document, tuple[Sentence, ...]]:
    document = load_document(path)
    return document, sentences_from(nlp.parse(document))


@pytest.fixture(scope="module")
def book(spacy_model, tmp_path_factory):
    path = tmp_path_factory.mktemp("book") / "calderby.txt"
    path.write_text(book_text(), encoding="utf-8")
    return read(path)


@pytest.fixture(scope="module")
def epub_book(spacy_model, tmp_path_factory):
    path = tmp_path_factory.mktemp("book") / "calderby.epub"
    path.write_bytes(book_epub())
    return read(path)


def block_of(document: Document, sentences, index: int) -> Block:
    return document.blocks[next(s.block for s in sentences if s.index == index)]


def check_sections(document, sentences, summary, titles) -> None:
    """One section per title, each with its own sentences: inside it, body text, in order."""
    assert [s.title for s in summary.sections] == titles
    for section in summary.sections:
        assert len(section.sentences) == SECTION_SENTENCES  # 18 body sentences each
        assert document.text[section.start :].startswith(section.title.split(".")[0])
        indices = [s.index for s in section.sentences]
        assert indices == sorted(set(indices))
        for chosen in section.sentences:
            assert section.start <= chosen.start < chosen.end <= section.end
            assert chosen.text == document.text[chosen.start : chosen.end]
            assert block_of(document, sentences, chosen.index).kind == "paragraph"


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_a_text_with_chapter_lines_gets_a_summary_per_chapter(book, algorithm):
    document, sentences = book
    assert len(sentences) >= SECTIONS_FROM
    summary = summarize_by_section(document, sentences, algorithm, "5")
    titles = [chapter_line(n, t[0]) for n, t in enumerate(TOPICS, 1)]
    check_sections(document, sentences, summary, titles)
    # The whole summary is the one summarize makes; the sections come on top.
    plain = summarize(document, sentences, algorithm, "5")
    assert [s.index for s in summary.sentences] == [s.index for s in plain.sentences]
    # Each section is summarised on its own: its picks are what the algorithm picks there.
    harbour = summary.sections[0]
    assert all(s.end <= summary.sections[1].start for s in harbour.sentences)


@pytest.mark.parametrize("algorithm", ["news", "textrank", "lead"])
def test_a_hand_made_epub_gets_a_summary_per_chapter(epub_book, algorithm):
    document, sentences = epub_book
    summary = summarize_by_section(document, sentences, algorithm, "5")
    check_sections(document, sentences, summary, [t[0] for t in TOPICS])


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_the_contents_is_never_picked(book, algorithm):
    document, sentences = book
    entries = {chapter_line(n, t[0]) for n, t in enumerate(TOPICS, 1)}
    contents = [b for b in document.blocks if b.kind == "aside"]
    assert {document.block_text(b) for b in contents} == entries | {"CONTENTS"}
    summary = summarize_by_section(document, sentences, algorithm, "60")
    picked = list(summary.sentences) + [s for x in summary.sections for s in x.sentences]
    assert len(summary.sentences) == 60  # asked for more than a chapter: still no contents
    for chosen in picked:
        assert block_of(document, sentences, chosen.index).kind == "paragraph"
        assert not any(b.start <= chosen.start < b.end for b in contents)
        assert not any(title in chosen.text for title in ("The Harbour.", "The School."))


def test_sections_cut_at_the_highest_level_that_repeats():
    def doc(parts: list[tuple[str, int, str]]) -> Document:
        text, blocks = "", []
        for kind, level, part in parts:
            text += "\n\n" if text else ""
            blocks.append(Block(len(text), len(text) + len(part), kind, level))
            text += part
        return Document("b.txt", text, "B", tuple(blocks), "text")

    body = ("paragraph", 0, "Some text of the section.")
    document = doc(
        [
            ("title", 0, "The Book"),
            body,
            ("heading", 1, "BOOK ONE"),
            ("heading", 1, "CHAPTER I."),
            ("heading", 2, "The Beginning"),
            body,
            ("heading", 3, "A part of it"),
            body,
            ("heading", 1, "CHAPTER II."),
            ("aside", 0, "Advertisement"),
            ("heading", 2, "The Middle"),
            body,
        ]
    )
    sections = sections_of(document)
    assert [s.title for s in sections] == [
        OPENING,
        "BOOK ONE: CHAPTER I. The Beginning",  # a heading with no text of its own goes first
        "CHAPTER II. The Middle",
    ]
    assert [(s.first, s.stop) for s in sections] == [(0, 2), (3, 8), (8, 12)]
    # One heading of a level is no cut: a lone subheading of an article.
    lone = doc([("title", 0, "T"), body, ("heading", 2, "Only one"), body])
    assert sections_of(lone) == []


def test_short_documents_get_no_sections(spacy_model, write_file):
    # The bundled sample has subheadings but is an article, not a long document.
    from resources import sample_article

    document, sentences = read(sample_article())
    assert len(sentences) < SECTIONS_FROM
    assert summarize_by_section(document, sentences, "textrank", "5").sections == ()
    # A long text without headings has none either.
    document, sentences = read(write_file("flat.txt", book_text(lines=False)))
    assert len(sentences) >= SECTIONS_FROM
    assert not any(b.kind == "heading" for b in document.blocks)
    assert section_summaries(document, sentences, "textrank") == ()


@pytest.mark.parametrize(
    ("length", "sentences", "candidates", "expected"),
    [
        ("20%", 100, 90, 20),  # of every sentence, not of the 90 that may be picked
        ("50%", 100, 30, 30),  # never more than may be picked
        ("20%", 10_000, 9_000, PERCENT_CAP),  # a book: capped
        ("100%", PERCENT_CAP, PERCENT_CAP, PERCENT_CAP),
        ("5", 100, 90, 5),
        ("80", 100, 90, 80),  # a number of sentences is never capped
        ("1%", 10, None, 1),
    ],
)
def test_a_percentage_counts_every_sentence_and_is_capped(length, sentences, candidates, expected):
    size = parse_length(length)
    assert size.count(sentences, candidates) == expected
    capped = size.percent and size.wanted(sentences) > PERCENT_CAP
    assert size.capped_at(sentences) == (PERCENT_CAP if capped else None)
    assert SummaryLength(5).capped_at(10_000) is None


@pytest.mark.parametrize("algorithm", ["news", "textrank"])
def test_the_percentage_base_is_every_sentence_of_the_article(book, algorithm):
    document, sentences = book
    body = [s for s in sentences if document.blocks[s.block].kind == "paragraph"]
    assert len(body) < len(sentences)  # the title, the author line, the chapter lines
    summary = summarize_by_section(document, sentences, algorithm, "40%")
    assert len(summary.sentences) == round(0.4 * len(sentences))
    assert summary.capped_at is None and cap_note(summary) == ""


def test_a_percentage_of_a_long_book_is_capped_and_says_so(spacy_model, write_file):
    chapters = 20  # 360 body sentences: 20 % would be 76
    document, sentences = read(write_file("long.txt", book_text(chapters)))
    assert parse_length("20%").wanted(len(sentences)) > PERCENT_CAP
    summary = summarize_by_section(document, sentences, "textrank", "20%")
    assert len(summary.sentences) == PERCENT_CAP
    assert summary.capped_at == PERCENT_CAP
    assert len(summary.sections) == chapters
    assert f"at most {PERCENT_CAP}" in made_with(summary)
    note = cap_note(summary)
    assert f"stops at {PERCENT_CAP} sentences" in note and "20%" in note
    assert note in summary_text(document, summary) and note in summary_markdown(document, summary)
    data = summary_json(summary)
    assert data["capped_at"] == PERCENT_CAP
    assert len(data["sections"]) == chapters
    first = data["sections"][0]
    assert first["title"] == chapter_line(1, TOPICS[0][0])
    assert [s["index"] for s in first["sentences"]] == [
        s.index for s in summary.sections[0].sentences
    ]
    json.dumps(data)


def test_the_command_line_prints_the_sections_and_the_cap(spacy_model, write_file, capsys):
    path = write_file("long.txt", book_text(20))
    assert run_cli(["summarize", str(path), "--ratio", "20%"]) == 0
    out = capsys.readouterr().out
    assert f"the summary stops at {PERCENT_CAP} sentences" in out
    assert chapter_line(20, TOPICS[4][0]) in out
    assert run_cli(["summarize", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)[0]
    assert data["capped_at"] is None
    assert len(data["sections"]) == 20
    assert all(len(s["sentences"]) == SECTION_SENTENCES for s in data["sections"])
    assert SENTENCES_PER_CHAPTER >= 15
