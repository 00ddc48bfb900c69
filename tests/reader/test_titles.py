"""Titles from the text when the file names none; Project Gutenberg's header and footer."""

from __future__ import annotations

import reader
from reader.loaders import load_document

STORY = (
    "The ferry left the harbour at dawn and the crew watched the storm gather over the "
    "islands, while the captain said nothing at all about the weather ahead."
)
HEADER = """The Project Gutenberg eBook of The Harbour at Dawn

This ebook is for the use of anyone anywhere at no cost and with almost no
restrictions whatsoever. You may copy it, give it away or re-use it under the
terms of the licence included with this ebook.

Title: The Harbour at Dawn

Author: Ruth Calloway

Release date: March 1, 2001 [eBook #99999]

Language: English

*** START OF THE PROJECT GUTENBERG EBOOK THE HARBOUR AT DAWN ***
"""
FOOTER = """
*** END OF THE PROJECT GUTENBERG EBOOK THE HARBOUR AT DAWN ***

Updated editions will replace the previous one, and the old editions will be
renamed. Creating the works from print editions means that no one owns a
copyright in these works, so the Foundation can copy and distribute it.
"""


def book(chapters: int = 3) -> str:
    body = "\n\n".join(f"CHAPTER {n}.\n\n{STORY} {STORY}" for n in range(1, chapters + 1))
    return f"{HEADER}\n\n{body}\n{FOOTER}"


def test_a_gutenberg_book_takes_its_title_and_author_from_its_header(write_file):
    document = load_document(write_file("pg99999.txt", book()))

    assert document.title == "The Harbour at Dawn"
    assert document.metadata["author"] == "Ruth Calloway"
    asides = [document.block_text(b) for b in document.blocks if b.kind == "aside"]
    assert asides[0].startswith("The Project Gutenberg eBook of")
    assert any(text.startswith("*** END OF") for text in asides)
    assert any("Updated editions" in text for text in asides)
    assert not any("CHAPTER" in text or STORY in text for text in asides)


def test_the_licence_is_never_analysed(write_file, spacy_model):
    document = load_document(write_file("pg99999.txt", book()))
    analysis = reader.analyze(document, reader.AnalysisOptions("lead", "3"))
    assert all("Gutenberg" not in s.text for s in analysis.summary.sentences)
    assert "Project Gutenberg" not in {e.name for e in analysis.entities}


def test_a_book_whose_header_was_cut_takes_the_title_of_its_start_line(write_file):
    text = book().split("Language: English\n\n")[1]
    document = load_document(write_file("pg99999.txt", text))
    assert document.title == "The Harbour At Dawn"  # from capitals: title case


def test_a_short_first_line_is_the_title_and_placeholders_and_bylines_are_passed(write_file):
    text = f"[Illustration]\n\n\n\nMOBY-DICK;\n\nBy Herman Melville\n\n\n\n{STORY}\n\n{STORY}\n"
    assert load_document(write_file("pg2701.txt", text)).title == "Moby-Dick"


def test_text_that_starts_with_a_sentence_keeps_the_file_name(write_file):
    document = load_document(write_file("harbour-news.txt", f"{STORY}\n\n{STORY}\n"))
    assert document.title == "Harbour news"
