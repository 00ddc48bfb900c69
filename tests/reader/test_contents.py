"""Book structure in plain text: chapter lines and a book's parts become headings, a table
of contents and a transcriber's note are set apart, and news text keeps its paragraphs."""

from __future__ import annotations

import textwrap

import pytest

from reader import load_document
from reader.models import Document
from reader.summary.sections import sections_of
from tests.reader.book_samples import BOOK_TITLE, TOPICS, chapter_paragraphs


def kinds(document: Document) -> list[tuple[str, str]]:
    return [(b.kind, document.block_text(b)) for b in document.blocks]


def body(paragraph: str = "It was a long and busy day at the quay.") -> str:
    """Running text of a few sentences, wrapped at 70 columns like a Gutenberg book."""
    text = (
        f"{paragraph} The men worked from dawn until the light went, and nobody "
        "complained about the cold or the wet. At night they ate together in the old "
        "sail loft, and talked about the voyage ahead of them."
    )
    return textwrap.fill(text, 70) + "\n"


MOBY_LIKE = f"""\
MOBY-DICK;

or, THE WHALE.

By Herman Melville



CONTENTS

ETYMOLOGY.

EXTRACTS (Supplied by a Sub-Sub-Librarian).

CHAPTER 1. Loomings.

CHAPTER 2. The Carpet-Bag.

CHAPTER 3. Stubb and Flask kill a Right Whale; and Then Have a Talk
over Him.

Epilogue




Original Transcriber’s Notes:





This text is a combination of etexts, one from the now-defunct ERIS
project at Virginia Tech and one from Project Gutenberg’s archives.





  ETYMOLOGY.


  (Supplied by a Late Consumptive Usher to a Grammar School.)

{body("The pale Usher was ever dusting his old lexicons and grammars.")}

  EXTRACTS. (Supplied by a Sub-Sub-Librarian).

{body("It will be seen that this mere painstaking burrower went through the libraries.")}


CHAPTER 1. Loomings.

{body("Call me Ishmael.")}


CHAPTER 2. The Carpet-Bag.

{body("I stuffed a shirt or two into my old carpet-bag.")}


CHAPTER 3. Stubb and Flask kill a Right Whale; and Then Have a Talk
over Him.

{body("It must be borne in mind that all this time we have a head hanging.")}


Epilogue

“AND I ONLY AM ESCAPED ALONE TO TELL THEE” Job.

{body("The drama is done.")}
"""


def test_a_gutenberg_contents_is_set_apart_and_its_entries_are_headings(write_file):
    document = load_document(write_file("moby.txt", MOBY_LIKE))
    blocks = kinds(document)
    front = blocks[blocks.index(("aside", "CONTENTS")) : blocks.index(("heading", "ETYMOLOGY."))]
    # The label, six entries, then the transcriber's note (its label and its paragraph).
    assert [k for k, _ in front] == ["aside"] * 9
    assert front[-2] == ("aside", "Original Transcriber’s Notes:")
    assert front[-1][1].startswith("This text is a combination of etexts")
    headings = [t for k, t in blocks if k == "heading"]
    assert headings == [
        "ETYMOLOGY.",  # listed in the contents, so a heading though the loader missed it
        "EXTRACTS. (Supplied by a Sub-Sub-Librarian).",
        "CHAPTER 1. Loomings.",
        "CHAPTER 2. The Carpet-Bag.",
        # A chapter line wrapped over two lines is one heading.
        "CHAPTER 3. Stubb and Flask kill a Right Whale; and Then Have a Talk over Him.",
        "Epilogue",
    ]
    prose = [t for k, t in blocks if k == "paragraph"]
    assert not any(t in prose for t in ("Loomings.", "CHAPTER 1. Loomings.", "ETYMOLOGY."))


ALICE_LIKE = f"""\
Alice’s Adventures in Wonderland

by Lewis Carroll

Contents

 CHAPTER I.     Down the Rabbit-Hole
 CHAPTER II.    The Pool of Tears
 CHAPTER III.   A Caucus-Race and a Long Tale




CHAPTER I.
Down the Rabbit-Hole


{body()}



CHAPTER II.
The Pool of Tears


{body("“Curiouser and curiouser!” cried Alice.")}
“How doth the little crocodile
    Improve his shining tail,
And pour the waters of the Nile
    On every golden scale!”

{body()}



CHAPTER III.
A Caucus-Race and a Long Tale


They were indeed a queer-looking party that assembled on the bank:—

{body()}
"""


def test_a_contents_of_chapter_lines_stops_where_the_first_chapter_begins(write_file):
    document = load_document(write_file("alice.txt", ALICE_LIKE))
    blocks = kinds(document)
    assert [k for k, t in blocks if "CHAPTER" in t] == ["aside"] * 3 + ["heading"] * 3
    assert ("aside", "Contents") in blocks
    # The chapter's title under its bare number is a heading, whatever follows it.
    assert ("heading", "A Caucus-Race and a Long Tale") in blocks
    assert ("heading", "Down the Rabbit-Hole") in blocks
    # A poem's short lines stay text.
    assert ("paragraph", "Improve his shining tail,") in blocks


@pytest.mark.parametrize("line", ["Chapter XII", "BOOK I", "CHAPTER 12.", "Part Two:", "PREFACE"])
def test_chapter_lines_and_book_parts_are_headings(write_file, line):
    text = f"The Book\n\n{body()}\n\n{line}\n\n{body()}"
    document = load_document(write_file("book.txt", text))
    assert ("heading", line) in kinds(document)


def test_a_contents_without_a_label_is_found_by_its_headings(write_file):
    titles = ["The Harbour", "The School", "The Station", "The Market"]
    chapters = "\n\n".join(f"{t}\n\n{body()}" for t in titles)
    text = "A Year in Calderby\n\nby Ada Lindqvist\n\n" + "\n\n".join(titles) + "\n\n" + chapters
    document = load_document(write_file("calderby.txt", text))
    blocks = kinds(document)
    assert [k for k, t in blocks if t in titles] == ["aside"] * 4 + ["heading"] * 4
    assert ("paragraph", "by Ada Lindqvist") in blocks  # the author line is no entry


def test_lines_that_merely_look_like_a_contents_stay_text(write_file):
    # Short lines of names (a team sheet) come back nowhere as headings: not a contents.
    names = ["Arsenal", "Lehmann", "Lauren", "Cole", "Campbell"]
    text = (
        "Cup final report\n\n" + body() + "\n" + "\n\n".join(names) + "\n\n" + body() + "\n"
        "Contents of the report were leaked on Monday, the minister said in a statement.\n"
    )
    document = load_document(write_file("report.txt", text))
    assert not any(kind == "aside" for kind, _ in kinds(document))


def test_a_book_saved_as_one_web_page_keeps_its_chapter_headings(write_file):
    # trafilatura drops headings that sit right in <body>; the loader puts them back.
    chapters = "".join(
        f"<h2>{topic[0]}</h2>" + "".join(f"<p>{p}</p>" for p in chapter_paragraphs(topic))
        for topic in TOPICS
    )
    page = f"<html><head><title>{BOOK_TITLE}</title></head><body>{chapters}</body></html>"
    document = load_document(write_file("calderby.html", page))
    assert [t for k, t in kinds(document) if k == "heading"] == [t[0] for t in TOPICS]
    assert [s.title for s in sections_of(document)] == [t[0] for t in TOPICS]


def test_a_markdown_contents_of_links_is_set_apart(write_file):
    links = "\n".join(f"- [{t[0]}](#part-{n})" for n, t in enumerate(TOPICS, 1))
    chapters = "\n\n".join(f"## {t[0]}\n\n" + "\n\n".join(chapter_paragraphs(t)) for t in TOPICS)
    text = f"# {BOOK_TITLE}\n\n## Contents\n\n{links}\n\n{chapters}\n"
    document = load_document(write_file("calderby.md", text))
    blocks = kinds(document)
    assert [k for k, t in blocks if t in {x[0] for x in TOPICS}] == ["aside"] * 5 + ["heading"] * 5
    assert ("aside", "Contents") in blocks
