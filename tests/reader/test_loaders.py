"""Loading .txt, .md and .html files written into tmp_path, and every error case."""

from __future__ import annotations

import os
import random
import socket
import textwrap
import time
from pathlib import Path

import pytest

from reader import load_document
from reader.errors import (
    DecodeError,
    DocumentTooLarge,
    EmptyDocument,
    FileNotReadable,
    ReaderError,
    UnsupportedFormat,
)
from reader.loaders import Format, Parsed, assemble, registry
from reader.loaders.build import Part
from reader.models import Document
from tests.reader.format_samples import assert_well_formed, blocks_of

HEADLINE = "Ferry operator cancels winter timetable after storm damage"
PARAGRAPHS = [
    "The island ferry service will run a reduced timetable until March after a storm damaged "
    "the pier at Grenmouth on Sunday night, the operator said on Monday.",
    "Engineers from the county council inspected the structure at first light and found that "
    "two of its supporting piles had cracked.",
    '"We cannot put passengers on a pier we do not trust," said Ruth Calloway, the operator\'s '
    "managing director. She added that freight crossings would continue from the harbour slipway.",
]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a connection fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# --- plain text ---------------------------------------------------------------


def test_utf8_text_is_the_file_content_with_a_headline_title(write_file):
    content = HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    doc = load_document(write_file("ferry.txt", content))

    assert doc.format == "text"
    assert doc.text == content
    assert doc.title == HEADLINE
    assert doc.blocks[0].kind == "title"
    assert doc.block_text(doc.blocks[0]) == HEADLINE
    assert blocks_of(doc, "paragraph") == PARAGRAPHS
    assert_well_formed(doc)


def test_one_paragraph_per_line_stays_one_block_per_line(write_file):
    content = "\n".join(PARAGRAPHS)
    doc = load_document(write_file("lines.txt", content))

    assert doc.text == content
    assert blocks_of(doc, "paragraph") == PARAGRAPHS


def test_one_sentence_per_line_with_dateline_is_not_joined(write_file):
    content = (
        "SAILING - LOCAL CREW WINS COASTAL RACE.\n"
        "GRENMOUTH 2024-06-02\n"
        "A crew from Grenmouth won the coastal race on Sunday.\n"
        "The boat finished four minutes ahead of its nearest rival.\n"
        "Results:\n"
        "1. Sea Lark (Grenmouth) 3:12:40\n"
        "2. Osprey (Halden) 3:16:02\n"
    )
    doc = load_document(write_file("race.txt", content))

    assert doc.text == content
    lines = [line for line in content.splitlines() if line]
    assert len(doc.blocks) == len(lines)
    assert blocks_of(doc, "list_item") == [
        "Sea Lark (Grenmouth) 3:12:40",
        "Osprey (Halden) 3:16:02",
    ]


def test_title_comes_from_the_file_name_when_the_text_starts_with_a_sentence(write_file):
    content = "\n".join(PARAGRAPHS)
    doc = load_document(write_file("ferry-storm_damage.txt", content))

    assert doc.title == "Ferry storm damage"
    assert not blocks_of(doc, "title")


def test_short_unpunctuated_line_before_a_paragraph_is_a_heading(write_file):
    content = "\n".join(
        [PARAGRAPHS[0], PARAGRAPHS[1], "Freight Keeps Moving", PARAGRAPHS[2], "See also ferries"]
    )
    doc = load_document(write_file("ferry.txt", content))

    assert blocks_of(doc, "heading") == ["Freight Keeps Moving"]
    heading = next(b for b in doc.blocks if b.kind == "heading")
    assert heading.level >= 1
    # the closing line is not followed by running text, so it stays a paragraph
    assert blocks_of(doc, "paragraph")[-1] == "See also ferries"


def test_short_lines_of_verse_are_not_headings(write_file):
    content = (
        "The harbour master read a poem at the reopening of the pier on Saturday morning.\n\n"
        "Grey water under a grey sky\n"
        "The ferry waits and so do I\n"
        "Until the pier is mended\n\n"
        "The ceremony ended with a minute of silence for the crews who were lost at sea.\n"
    )
    doc = load_document(write_file("poem.txt", content))

    assert blocks_of(doc, "heading") == []
    assert "The ferry waits and so do I" in blocks_of(doc, "paragraph")


def test_hard_wrapped_paragraphs_are_unwrapped_keeping_every_offset(write_file):
    paragraphs = [" ".join(PARAGRAPHS * 2), " ".join(reversed(PARAGRAPHS)), PARAGRAPHS[1]]
    content = "\n\n".join(textwrap.fill(p, width=70) for p in paragraphs) + "\n"
    assert content.count("\n") > 10  # really wrapped

    doc = load_document(write_file("wrapped.txt", content))

    assert len(doc.text) == len(content)
    for index, (original, loaded) in enumerate(zip(content, doc.text, strict=True)):
        if original != loaded:
            assert (original, loaded) == ("\n", " "), index
    assert blocks_of(doc, "paragraph") == paragraphs
    assert_well_formed(doc)


def test_crlf_and_cr_become_lf(write_file):
    content = HEADLINE + "\r\n\r\n" + "\r\n".join(PARAGRAPHS) + "\r\n"
    doc = load_document(write_file("crlf.txt", content))

    assert "\r" not in doc.text
    assert doc.text == content.replace("\r\n", "\n")
    assert blocks_of(doc, "paragraph") == PARAGRAPHS

    old_mac = load_document(write_file("cr.txt", "\r".join(PARAGRAPHS)))
    assert old_mac.text == "\n".join(PARAGRAPHS)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_decide_the_encoding(write_file, encoding):
    content = "Café owners in Zürich say “the 🌊 season” was a success.\nSecond line here."
    data = content.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = load_document(write_file("bom.txt", data))

    assert doc.text == content  # the mark itself is not text


def test_utf16_without_a_byte_order_mark(write_file):
    content = "\n".join(PARAGRAPHS)
    doc = load_document(write_file("plain16.txt", content.encode("utf-16-le")))

    assert doc.text == content


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_western_encodings_are_detected(write_file, encoding):
    content = (
        "The café on the Rue de la Paix served crème brûlée to Señor Muñoz, "
        "who declared it the finest in the whole of Zürich.\n"
        "The garçon, a naïve young man from Besançon, agreed with him at once.\n"
    )
    if encoding == "cp1252":
        content += "Each dessert cost €4 – “a bargain”, said the owner.\n"
    doc = load_document(write_file("cafe.txt", content.encode(encoding)))

    assert doc.text == content


def test_unknown_extension_with_text_is_read_as_text(write_file):
    content = "\n".join(PARAGRAPHS)
    doc = load_document(write_file("article.news", content))

    assert doc.format == "text"
    assert doc.text == content


def test_a_megabyte_of_wrapped_text_loads_quickly(write_file):
    paragraph = textwrap.fill(" ".join(PARAGRAPHS * 3), width=72)
    chapters = []
    for number in range(1, 121):
        chapters.append(f"CHAPTER {number}.\n\n" + "\n\n".join([paragraph] * 8))
    content = "\n\n".join(chapters)
    assert len(content) > 1_000_000
    path = write_file("book.txt", content)

    started = time.perf_counter()
    doc = load_document(path)
    elapsed = time.perf_counter() - started

    assert elapsed < 5.0  # a generous bound (about 0.2 s here), against runaway algorithms
    assert len(blocks_of(doc, "heading")) == 120
    assert len(blocks_of(doc, "paragraph")) == 120 * 8


# --- HTML ---------------------------------------------------------------------

ARTICLE_PAGE = (
    """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ferry operator cancels winter timetable | The Grenmouth Gazette</title>
<meta name="author" content="Ruth Calloway">
<meta property="og:site_name" content="The Grenmouth Gazette">
<meta property="article:published_time" content="2024-11-18">
<link rel="canonical" href="https://gazette.example.com/news/ferry">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://cdn.example.com/tracker.js"></script>
<style>.nav { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<header><div class="masthead">The Grenmouth Gazette</div></header>
<main><article>
<h1>Ferry operator cancels winter timetable</h1>
<p>{p0}</p>
<p>{p1}</p>
<h2>Freight keeps moving</h2>
<p>{p2}</p>
<ul><li>Foot passengers will be carried by the relief boat.</li>
<li>Cars will be booked onto the Thursday sailings only.</li></ul>
<blockquote><p>It is the worst damage the pier has seen in forty years.</p></blockquote>
<p>The council expects repairs to take until the end of February, weather permitting.</p>
<img src="https://images.example.com/pier.jpg" alt="The damaged pier">
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Cat rescued from lighthouse</a></li>
<li><a href="/b">Bakery wins national prize</a></li></ul></aside>
<footer><p>Copyright 2024 The Grenmouth Gazette. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
<script>window.tracker = "should never appear";</script>
</body></html>
""".replace("{p0}", PARAGRAPHS[0])
    .replace("{p1}", PARAGRAPHS[1])
    .replace("{p2}", PARAGRAPHS[2])
)


def test_html_article_keeps_the_text_and_drops_the_page_around_it(write_file, no_network):
    doc = load_document(write_file("ferry.html", ARTICLE_PAGE))

    assert doc.format == "html"
    assert doc.title == "Ferry operator cancels winter timetable"
    assert doc.blocks[0].kind == "title"
    assert doc.block_text(doc.blocks[0]) == doc.title
    assert doc.text.count(doc.title) == 1
    for paragraph in PARAGRAPHS:
        assert paragraph in blocks_of(doc, "paragraph")
    assert blocks_of(doc, "heading") == ["Freight keeps moving"]
    assert blocks_of(doc, "list_item") == [
        "Foot passengers will be carried by the relief boat.",
        "Cars will be booked onto the Thursday sailings only.",
    ]
    assert blocks_of(doc, "quote") == ["It is the worst damage the pier has seen in forty years."]
    for boilerplate in ("Home", "Most read", "Cat rescued", "Copyright", "Privacy", "tracker"):
        assert boilerplate not in doc.text
    assert "<" not in doc.text
    assert doc.metadata["author"] == "Ruth Calloway"
    assert doc.metadata["date"] == "2024-11-18"
    assert doc.metadata["sitename"] == "The Grenmouth Gazette"
    assert_well_formed(doc)


def test_a_page_without_a_date_gets_none_made_up(write_file, no_network):
    """Its footer's "Copyright 2024" and a year in its text are not its date."""
    undated = ARTICLE_PAGE.replace(
        '<meta property="article:published_time" content="2024-11-18">', ""
    )
    undated = undated.replace(PARAGRAPHS[1], PARAGRAPHS[1] + " The pier has stood since 1921.")
    doc = load_document(write_file("undated.html", undated))

    assert PARAGRAPHS[0] in doc.text
    assert "date" not in doc.metadata
    assert doc.metadata["author"] == "Ruth Calloway"


def test_html_saved_as_txt_is_read_as_html(write_file, no_network):
    doc = load_document(write_file("ferry.txt", ARTICLE_PAGE))

    assert doc.format == "html"
    assert "<p>" not in doc.text
    assert PARAGRAPHS[0] in doc.text


def test_small_hand_written_page_falls_back_to_its_visible_text(write_file, no_network):
    page = (
        "<html><head><title>Pier notes</title><style>p {margin: 0}</style></head><body>"
        "<h1>Pier notes</h1><p>The pier is <b>closed</b> until March.</p>"
        "<ul><li>Relief boat at nine</li><li>Last sailing at four</li></ul>"
        "<p style='display:none'>hidden text</p><script>var x = 1;</script>"
        "</body></html>"
    )
    doc = load_document(write_file("notes.htm", page))

    assert doc.title == "Pier notes"
    assert [doc.block_text(b) for b in doc.blocks] == [
        "Pier notes",
        "The pier is closed until March.",
        "Relief boat at nine",
        "Last sailing at four",
    ]
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "list_item", "list_item"]


def test_html_fragment_without_html_tags_is_read(write_file, no_network):
    doc = load_document(write_file("fragment.html", f"<p>{PARAGRAPHS[0]}</p>"))

    assert blocks_of(doc, "paragraph") == [PARAGRAPHS[0]]
    assert doc.title == "Fragment"


def test_html_charset_declared_in_the_page_is_used(write_file, no_network):
    page = ARTICLE_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "forty years.", "forty years – “a disaster”, said Señor Muñoz."
    )
    doc = load_document(write_file("ferry.html", page.encode("cp1252")))

    assert "forty years – “a disaster”, said Señor Muñoz." in doc.text


@pytest.mark.parametrize(
    "name, content",
    [
        ("blank.html", "<html><body><script>1</script></body></html>"),
        ("titled.html", "<html><head><title>Only a title</title></head><body> </body></html>"),
        ("front.md", "---\ntitle: Only a title\n---\n"),
    ],
)
def test_document_with_nothing_to_read_is_empty(write_file, name, content):
    with pytest.raises(EmptyDocument) as caught:
        load_document(write_file(name, content))
    assert_one_sentence_naming(caught.value, name)


# --- Markdown -----------------------------------------------------------------

MARKDOWN = """---
title: "Ferry timetable cut"
author: Ruth Calloway
date: 2024-11-18
---

# Ferry operator cancels *winter* timetable

The **island ferry** will run a [reduced timetable](https://example.com/t) until March.
It said so on `Monday`.

## Freight keeps moving

> We cannot put passengers on a pier
> we do not trust.

- Foot passengers use the **relief boat**.
- Cars go on Thursdays.
  1. Book ahead.

| Day | Sailings |
|-----|----------|
| Monday | 2 |

![pier](https://example.com/pier.jpg)
"""


def test_markdown_becomes_readable_blocks(write_file, no_network):
    doc = load_document(write_file("ferry.md", MARKDOWN))

    assert doc.format == "markdown"
    assert doc.title == "Ferry timetable cut"
    assert doc.metadata == {"author": "Ruth Calloway", "date": "2024-11-18"}
    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("title", "Ferry operator cancels winter timetable"),
        (
            "paragraph",
            "The island ferry will run a reduced timetable until March. It said so on Monday.",
        ),
        ("heading", "Freight keeps moving"),
        ("quote", "We cannot put passengers on a pier we do not trust."),
        ("list_item", "Foot passengers use the relief boat."),
        ("list_item", "Cars go on Thursdays."),
        ("list_item", "Book ahead."),
        ("paragraph", "Day | Sailings"),
        ("paragraph", "Monday | 2"),
    ]
    assert next(b for b in doc.blocks if b.kind == "heading").level == 2
    for markup in ("#", "**", "](", "`", "---", "> "):
        assert markup not in doc.text
    assert_well_formed(doc)


def test_markdown_title_is_the_first_level_one_heading(write_file):
    doc = load_document(write_file("notes.markdown", "# Pier notes\n\nClosed until March.\n"))

    assert doc.title == "Pier notes"
    assert [b.kind for b in doc.blocks] == ["title", "paragraph"]


def test_markdown_without_heading_takes_the_front_matter_title(write_file):
    doc = load_document(write_file("n.md", "---\ntitle: Pier notes\n---\nClosed until March.\n"))

    assert [(b.kind, doc.block_text(b)) for b in doc.blocks] == [
        ("title", "Pier notes"),
        ("paragraph", "Closed until March."),
    ]


# --- the registry -------------------------------------------------------------


def test_a_new_format_plugs_into_the_registry(write_file, monkeypatch):
    monkeypatch.setattr(registry, "_formats", dict(registry._formats))

    def parse_shout(data: bytes, name: str) -> Parsed:
        words = data.decode("ascii").split("!")
        return assemble([Part(w.strip().capitalize() + ".") for w in words if w.strip()])

    registry.register(
        Format("shout", frozenset({".shout"}), parse_shout, lambda d: d.startswith(b"SHOUT!"))
    )
    by_extension = load_document(write_file("a.shout", "HELLO THERE!GOOD BYE!"))
    by_content = load_document(write_file("b.txt", "SHOUT!HELLO!"))

    assert by_extension.format == by_content.format == "shout"
    assert blocks_of(by_extension, "paragraph") == ["Hello there.", "Good bye."]
    assert by_content.text == "Shout.\n\nHello."


# --- errors -------------------------------------------------------------------


def assert_one_sentence_naming(error: ReaderError, name: str) -> None:
    message = str(error)
    assert name in message
    assert message[0].isupper() or message[0] == '"'
    assert message.endswith(".")
    assert "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(FileNotReadable) as caught:
        load_document(tmp_path / "gone.txt")
    assert_one_sentence_naming(caught.value, "gone.txt")


def test_directory(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(FileNotReadable) as caught:
        load_document(folder)
    assert_one_sentence_naming(caught.value, "folder.txt")
    assert "folder" in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anyway")
def test_no_permission(write_file):
    path = write_file("secret.txt", "Private notes.")
    path.chmod(0)
    try:
        with pytest.raises(FileNotReadable) as caught:
            load_document(path)
    finally:
        path.chmod(0o600)
    assert_one_sentence_naming(caught.value, "secret.txt")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n", "  \n ".encode("utf-16")])
def test_empty_or_blank_file(write_file, content):
    with pytest.raises(EmptyDocument) as caught:
        load_document(write_file("blank.txt", content))
    assert_one_sentence_naming(caught.value, "blank.txt")


@pytest.mark.parametrize(
    "name, content",
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        ("controls.txt", b"ok " + bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 50),
    ],
)
def test_binary_content_is_unsupported(write_file, name, content):
    with pytest.raises(UnsupportedFormat) as caught:
        load_document(write_file(name, content))
    assert_one_sentence_naming(caught.value, name)
    assert "binary" in str(caught.value)


def test_unknown_extension_with_binary_content(write_file):
    with pytest.raises(UnsupportedFormat) as caught:
        load_document(write_file("archive.xyz", b"\x00\x01\x02\x03" * 100))
    assert_one_sentence_naming(caught.value, "archive.xyz")
    assert ".xyz" in str(caught.value)


def test_undecodable_bytes(write_file):
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(600))
    with pytest.raises(DecodeError) as caught:
        load_document(write_file("garbled.txt", data))
    assert_one_sentence_naming(caught.value, "garbled.txt")


def test_broken_text_after_a_byte_order_mark(write_file):
    with pytest.raises(DecodeError) as caught:
        load_document(write_file("broken.txt", b"\xef\xbb\xbfgood start \xff\xfe\xfd"))
    assert_one_sentence_naming(caught.value, "broken.txt")


def test_file_above_the_limit_is_refused(write_file):
    path = write_file("long.txt", "\n".join(PARAGRAPHS * 10))
    with pytest.raises(DocumentTooLarge) as caught:
        load_document(path, max_bytes=1000)
    assert_one_sentence_naming(caught.value, "long.txt")
    assert "limit of 1000 bytes" in str(caught.value)
    assert load_document(path, max_bytes=path.stat().st_size).text  # at the limit it loads


def test_loading_never_writes_to_the_file_or_its_folder(tmp_path):
    files = {
        "a.txt": "\n".join(PARAGRAPHS),
        "b.html": ARTICLE_PAGE,
        "c.md": MARKDOWN,
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()}

    for name in files:
        load_document(tmp_path / name)

    after = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()}
    assert after == before


def test_path_may_be_a_string(write_file):
    path = write_file("ferry.txt", "\n".join(PARAGRAPHS))
    assert load_document(str(path)).path == str(path)
    assert isinstance(load_document(Path(path)), Document)


def test_indented_first_lines_start_new_paragraphs_in_wrapped_text(write_file):
    paragraphs = [" ".join(PARAGRAPHS), " ".join(reversed(PARAGRAPHS))]
    content = "\n".join(textwrap.fill(p, width=70, initial_indent="    ") for p in paragraphs * 2)
    doc = load_document(write_file("indented.txt", content))

    assert blocks_of(doc, "paragraph") == paragraphs * 2


def test_html_with_control_characters_loads(write_file):
    """Found by fuzzing: lxml refused a vertical tab that reached trafilatura's metadata."""
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
        '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body>'
        "<h2>Pier</h2>\x0b<p>The island ferry will run a reduced timetable until March "
        "after a storm damaged the pier at Grenmouth on Sunday night, the operator said.</p>"
        "<p>Engineers from the county council inspected the structure at first light.\x1f</p>"
        "</body></html>"
    )
    document = load_document(write_file("pier.html", page))
    assert "reduced timetable" in document.text
    assert not any(ch in document.text for ch in "\x0b\x1f")
