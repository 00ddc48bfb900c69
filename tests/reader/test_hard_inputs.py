"""Inputs that used to break the reader, each fixed at its depth.

Cue verbs with nothing after them to report, surrogates and control characters,
text past the limits, web pages too big for main-text extraction, Markdown full
of emphasis marks, EPUBs with an internal DTD or text inside SVG, PDFs whose
fonts map glyphs to random characters, and paragraphs too long for spaCy.
"""

from __future__ import annotations

import json

import pytest

import reader
from reader.errors import DocumentTooLarge, GarbledText
from reader.loaders import html, limits, load_document
from reader.models import Block, Document
from reader.nlp import docs as nlp_parse
from reader.output.serialize import statements_json
from tests.reader import format_samples as samples

# --- cue verbs with no content to report ------------------------------------------------

NOTHING_TO_REPORT = [
    # a speech verb whose object is a relative pronoun, with nothing after it
    "She spoke at events she hosted, such as one in Kiev, which John Tefft, then "
    "U.S. ambassador to Ukraine, praised.",
    "The plan, which the minister blasted, was dropped on Friday.",
    "It was the report that she praised.",
    "The law, which he described as a disaster for farmers, passed.",
    "The strike, which union leaders called a last resort, began at dawn.",
    "What the mayor promised, nobody knows.",
    "Those are the rules they condemned.",
]


@pytest.mark.parametrize("sentence", NOTHING_TO_REPORT)
def test_a_cue_verb_with_nothing_after_it_reports_nothing(spacy_model, sentence):
    document = Document("x.txt", sentence, "", (Block(0, len(sentence)),), "text")

    analysis = reader.analyze(document)

    assert analysis.notes == ()
    assert analysis.statements == ()


def test_the_same_verbs_still_report_what_follows_them(spacy_model):
    text = (
        "The mayor praised the crew for their quick work on the pier. "
        "He described the new law as a disaster for farmers."
    )
    document = Document("x.txt", text, "", (Block(0, len(text)),), "text")

    statements = reader.analyze(document).statements

    assert [s.cue.text for s in statements if s.cue] == ["praised", "described"]


# --- surrogates and control characters ------------------------------------------------


def test_an_rtf_emoji_written_as_a_surrogate_pair_is_one_character(spacy_model, write_file):
    body = r"{\rtf1\ansi The ferry is back \u-10179?\u-9047? and the pier \u-10179?holds.\par "
    body += r"Engineers said the piles were sound, and the crossing resumed on Monday.\par}"
    document = load_document(write_file("ferry.rtf", body.encode("ascii")))

    assert "The ferry is back \U0001f4a9 and the pier \ufffdholds." in document.text
    for block in document.blocks:  # offsets moved with the joined pair
        assert document.text[block.start : block.end].strip()
    analysis = reader.analyze(document)
    json.dumps(statements_json(analysis.statements))  # every output encodes
    document.text.encode("utf-8")


def test_control_characters_never_reach_the_article(write_file):
    story = " ".join(samples.PARAGRAPHS)
    text = f"Ferry news\n\n{story} It ran\x07 late\x1b[0m again.\n\n\x01\n\n{story}\n"
    document = load_document(write_file("ferry.txt", text))

    assert not any(c in document.text for c in "\x01\x07\x1b")
    blocks = [document.text[b.start : b.end] for b in document.blocks]
    assert blocks == ["Ferry news", f"{story} It ran  late [0m again.", story]


def test_a_pdf_with_garbled_fonts_is_refused_and_a_garbled_line_dropped(write_file):
    plain = "The ferry ran late on Sunday night after the storm."
    garbled = ["ABCDEFG HIJKLM NOPQRS", "TUVWX YZABC DEFG"]

    document = load_document(write_file("mixed.pdf", samples.garbled_pdf_bytes([plain], garbled)))
    assert document.text == plain
    assert "fonts do not say which letters" in document.metadata["notice"]

    with pytest.raises(GarbledText, match="random characters"):
        load_document(write_file("garbled.pdf", samples.garbled_pdf_bytes([], garbled)))


# --- limits -------------------------------------------------------------------------------


def test_text_over_the_limit_is_refused_with_the_limit(write_file, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(DocumentTooLarge, match="more than the limit of 1,000 "):
        load_document(write_file("long.txt", "The ferry ran late. " * 100))


def test_too_many_lines_are_refused_before_they_are_laid_out(write_file, monkeypatch):
    monkeypatch.setattr(limits, "MAX_BLOCKS", 100)
    with pytest.raises(DocumentTooLarge, match="limit of 100 paragraphs or lines"):
        load_document(write_file("list.txt", "ferry\n" * 500))
    assert load_document(write_file("short.txt", "ferry\n" * 90)).blocks


def test_an_epub_that_unpacks_past_the_text_limit_is_refused_early(write_file, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 20_000)
    chapter = samples.xhtml("Chapter", ["The ferry ran late on Sunday night. " * 50] * 5)
    data = samples.epub_bytes([(f"c{n}.xhtml", chapter) for n in range(200)])

    with pytest.raises(DocumentTooLarge, match="characters of text"):
        load_document(write_file("book.epub", data))


def test_a_very_large_web_page_is_read_whole_with_a_notice(write_file, monkeypatch):
    monkeypatch.setattr(html, "MAX_EXTRACTED_CHARS", 100)
    page = (
        "<html><head><title>Pier news</title><meta name='author' content='Ruth Calloway'>"
        "<script>var x = 1;</script></head><body><nav>Home | News</nav><article>"
        + "".join(f"<p>{p}</p>" for p in samples.PARAGRAPHS)
        + "</article></body></html>"
    )
    document = load_document(write_file("big.html", page))

    assert "very large web page" in document.metadata["notice"]
    assert document.title == "Pier news"
    assert document.metadata["author"] == "Ruth Calloway"
    assert all(p in document.text for p in samples.PARAGRAPHS)
    assert "var x" not in document.text


def test_markdown_full_of_emphasis_marks_is_read_as_plain_text(write_file):
    text = "# Pier\n\nThe *ferry* ran **late**.\n\n" + "a*" * 6000 + "\n\nThe _end_ of it.\n"
    document = load_document(write_file("marks.md", text))

    blocks = [document.text[b.start : b.end] for b in document.blocks]
    assert blocks == ["Pier", "The ferry ran late.", "a" * 6000, "The end of it."]


# --- EPUB: internal DTDs and SVG text -------------------------------------------------------

DTD_CHAPTER = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>
<h2>Harbour</h2><p>The ferry ran late. &lol9; The pier held &amp; the crew &copy; stayed.</p>
{extra}</body></html>"""


@pytest.mark.parametrize("extra", ["", "<p>An unclosed paragraph"])  # XML, then HTML's way
def test_an_epub_with_an_internal_dtd_shows_no_dtd_and_no_entity(write_file, extra):
    chapter = DTD_CHAPTER.replace("{extra}", extra)
    document = load_document(write_file("dtd.epub", samples.epub_bytes([("c1.xhtml", chapter)])))

    assert "The ferry ran late. The pier held & the crew © stayed." in document.text
    assert "]>" not in document.text and "&lol" not in document.text and "lol" not in document.text


def test_an_epub_whose_text_lives_in_inline_svg_is_read(write_file):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800">'
        '<text x="10" y="20">The ferry ran late</text><text x="10" y="40">on Sunday night.</text>'
        "<g><text><tspan>Engineers</tspan> found cracked piles.</text></g></svg>"
    )
    chapter = samples.xhtml("Harbour", ["After the picture."], extra=svg)
    document = load_document(write_file("svg.epub", samples.epub_bytes([("c1.xhtml", chapter)])))

    assert samples.blocks_of(document, "paragraph")[:3] == [
        "The ferry ran late on Sunday night.",
        "Engineers found cracked piles.",
        "After the picture.",
    ]


# --- paragraphs too long for spaCy -------------------------------------------------------


def test_a_text_without_line_breaks_is_parsed_in_pieces(spacy_model, write_file, monkeypatch):
    monkeypatch.setattr(nlp_parse, "MAX_PIECE_CHARS", 400)
    sentence = "Ruth Calloway said the ferry from Grenmouth would run again on Monday. "
    document = load_document(write_file("one-line.txt", sentence * 40))
    assert len(document.blocks) == 1

    pieces = nlp_parse.pieces(document)
    assert len(pieces) > 5
    assert all(end - start <= 400 for _, start, end in pieces)
    assert all(document.text[end - 1] == "." for _, _, end in pieces)  # cut after sentences

    full = reader.analyze(document, mode="full")
    staged = reader.analyze(document, mode="staged")
    assert len(full.sentences) == len(staged.sentences) == 40
    assert full.entities == staged.entities
    assert {e.name for e in full.entities} >= {"Ruth Calloway", "Grenmouth"}
    assert len(full.statements) == 40
