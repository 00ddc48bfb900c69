"""A small hand-written book for the tests of book structure and section summaries.

Each chapter tells the same kind of year in another part of a town, in 18
sentences of five paragraphs, so that every summariser has something to choose
from in each. ``book_text`` lays it out as Project Gutenberg does (a contents,
chapters as "CHAPTER 1. The Harbour." lines, paragraphs wrapped at 70 columns);
``book_epub`` puts the same chapters in an EPUB.
"""

from __future__ import annotations

import textwrap

from tests.reader import format_samples as samples

BOOK_TITLE = "A Year in Calderby"
#: (chapter title, place, people, thing, event)
TOPICS = [
    ("The Harbour", "harbour", "fishermen", "sea wall", "flooding"),
    ("The School", "school", "teachers", "roof", "fire"),
    ("The Station", "railway station", "porters", "signal box", "strike"),
    ("The Market", "market square", "traders", "clock tower", "drought"),
    ("The Hospital", "hospital", "nurses", "boiler", "epidemic"),
]
_SENTENCES = [
    [
        "The {place} had been quiet for most of the winter, and the {people} were glad of it.",
        "Early in March the {people} noticed that the {thing} was beginning to change.",
        "Nobody in the town could say exactly when the trouble with the {thing} had started.",
        "Old Martha, who had watched the {place} for fifty years, said it reminded her of "
        "her childhood.",
    ],
    [
        "By April the {people} were meeting every evening to talk about the {thing}.",
        "Some of them wanted to ask the council for help before the {event} came back.",
        "Others said the {place} had always looked after itself and would do so again.",
        "The argument went on for weeks, and the {people} grew tired of it.",
    ],
    [
        "Then a letter arrived from the city about the {event} of the year before.",
        "It said that the {thing} would be inspected before the summer.",
        "The {people} read the letter aloud in the {place} on a Sunday afternoon.",
        "A few of them laughed, but most of them were worried about the {thing}.",
    ],
    [
        "The inspector came in June and spent three days at the {place}.",
        "He asked the {people} many questions about the {event} and wrote down every answer.",
        "When he left, he promised that the {thing} would be repaired by the autumn.",
    ],
    [
        "The repairs to the {thing} began in August and were finished before the first storms.",
        "Everyone agreed that the {place} had never looked better.",
        "That winter the {people} held a party to celebrate the end of the {event}.",
    ],
]
SENTENCES_PER_CHAPTER = sum(len(p) for p in _SENTENCES)


def chapter_paragraphs(topic: tuple[str, str, str, str, str]) -> list[str]:
    _, place, people, thing, event = topic
    return [
        " ".join(s.format(place=place, people=people, thing=thing, event=event) for s in p)
        for p in _SENTENCES
    ]


def chapter_line(number: int, title: str) -> str:
    return f"CHAPTER {number}. {title}."


def book_text(chapters: int = len(TOPICS), *, contents: bool = True, lines: bool = True) -> str:
    """The book as plain text: a title, an author line, a contents, then the chapters
    (``chapters`` of them, the topics repeated when more are asked for); ``lines=False``
    leaves out the contents and the chapter lines."""
    topics = [TOPICS[i % len(TOPICS)] for i in range(chapters)]
    parts = [BOOK_TITLE, "by Ada Lindqvist"]
    if contents and lines:
        parts += ["CONTENTS"] + [chapter_line(n, t[0]) for n, t in enumerate(topics, 1)]
    for number, topic in enumerate(topics, 1):
        if lines:
            parts.append("\n\n" + chapter_line(number, topic[0]))
        parts += [textwrap.fill(p, 70) for p in chapter_paragraphs(topic)]
    return "\n\n".join(parts) + "\n"


def book_epub() -> bytes:
    """The book as an EPUB: one chapter file per topic, its title an <h2>."""
    chapters = [
        (f"ch{n}.xhtml", samples.xhtml(topic[0], chapter_paragraphs(topic)))
        for n, topic in enumerate(TOPICS, 1)
    ]
    return samples.epub_bytes(chapters)
