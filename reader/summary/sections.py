"""Summaries of a long document's sections: a few sentences per chapter, under its title.

A document of at least ``SECTIONS_FROM`` sentences whose headings cut it into
sections (a book's chapters, an EPUB's chapter files, the headings of a long
web page) gets, besides its whole summary, ``SECTION_SENTENCES`` sentences per
section (two for a short one), picked by the same algorithm from that section
alone: each section is summarised as if it were an article whose headline is
its heading. Sections with fewer than ``MIN_SECTION_SENTENCES`` body sentences
(a chapter of one paragraph, the front matter) get none, and a document needs
at least two summarised sections to have any.

Where the sections are cut: at the headings of the highest level that occurs
at least twice (and at any higher one); headings directly under such a
heading ("CHAPTER I." / "Down the Rabbit-Hole") join its title, and a heading
with no text of its own before the next ("BOOK ONE", then "CHAPTER I") goes
in front of the next section's title. Text before the first heading is a
section of its own, ``OPENING``.

The cost is one summary per section: each on a few hundred sentences, so a
book of 135 chapters takes about as long as its whole summary once more.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import Block, Document, SectionSummary, Sentence, Summary
from ..options import parse_length
from .summarize import summarize

#: Documents with fewer sentences get no section summaries (a news article with subheadings).
SECTIONS_FROM = 80
#: Sentences per section summary; ``SHORT_SECTION_SENTENCES`` for a section of fewer than
#: ``SHORT_SECTION`` body sentences.
SECTION_SENTENCES, SHORT_SECTION_SENTENCES, SHORT_SECTION = 3, 2, 15
#: A section needs this many body sentences to be summarised at all.
MIN_SECTION_SENTENCES = 6
#: Headings in a row that make one section's title, at most.
MAX_TITLE_HEADINGS = 3
#: The title of the text before the first heading.
OPENING = "Opening"

_NOT_BODY = ("title", "heading", "aside")
_JOINED_AFTER = tuple(".:;!?—–-")


@dataclass(frozen=True)
class Section:
    """A run of blocks under one title: ``first`` to ``stop`` (exclusive) in Document.blocks."""

    title: str
    first: int
    stop: int
    headings: tuple[int, ...]  # the blocks of its title (none for the opening)


def summarize_by_section(
    document: Document, sentences: Sequence[Sentence], algorithm: str, length: str
) -> Summary:
    """``summarize``, plus the summary of each section and whether a percentage was capped."""
    summary = summarize(document, sentences, algorithm, length)
    return replace(
        summary,
        sections=section_summaries(document, sentences, summary.algorithm),
        capped_at=parse_length(length).capped_at(len(sentences)),
    )


def section_summaries(
    document: Document, sentences: Sequence[Sentence], algorithm: str
) -> tuple[SectionSummary, ...]:
    """A few sentences of each section of ``document`` by ``algorithm`` (see the module)."""
    if len(sentences) < SECTIONS_FROM:
        return ()
    blocks = [s.block for s in sentences]
    found: list[SectionSummary] = []
    for section in sections_of(document):
        lo, hi = bisect_left(blocks, section.first), bisect_left(blocks, section.stop)
        part = sentences[lo:hi]
        body = sum(1 for s in part if document.blocks[s.block].kind not in _NOT_BODY)
        if body < MIN_SECTION_SENTENCES:
            continue
        count = SECTION_SENTENCES if body >= SHORT_SECTION else SHORT_SECTION_SENTENCES
        view, shifted = section_document(document, section, part)
        picked = summarize(view, shifted, algorithm, str(count)).sentences
        start = document.blocks[section.first].start
        end = document.blocks[section.stop - 1].end
        found.append(SectionSummary(section.title, start, end, picked))
    return tuple(found) if len(found) >= 2 else ()


def sections_of(document: Document) -> list[Section]:
    """The sections of ``document`` by its headings (see the module); [] when it has none."""
    blocks = document.blocks
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    level = _split_level([blocks[i].level for i in headings])
    if level is None:
        return []
    starts = [i for i in headings if blocks[i].level <= level]
    sections: list[Section] = []
    if _has_body(blocks, 0, starts[0]):
        sections.append(Section(OPENING, 0, starts[0], ()))
    pending: list[int] = []  # title blocks of a heading with no text of its own
    for k, first in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        title = _title_blocks(blocks, first, stop)
        if not _has_body(blocks, first, stop):
            pending += title
            continue
        shown = (pending + title)[-MAX_TITLE_HEADINGS:] if pending else title
        sections.append(Section(_join(document, shown), first, stop, tuple(title)))
        pending = []
    return sections


def section_document(
    document: Document, section: Section, sentences: Sequence[Sentence]
) -> tuple[Document, list[Sentence]]:
    """``section`` as a document of its own (same text and positions; its last title heading
    as its headline) and ``sentences`` with their blocks counted in it."""
    blocks = list(document.blocks[section.first : section.stop])
    if section.headings:
        headline = section.headings[-1] - section.first
        blocks[headline] = replace(blocks[headline], kind="title", level=0)
    view = replace(document, title=section.title, blocks=tuple(blocks))
    shifted = [
        Sentence(s.index, s.start, s.end, s.block - section.first)
        for s in sentences
        if section.first <= s.block < section.stop
    ]
    return view, shifted


def _split_level(levels: Sequence[int]) -> int | None:
    """The highest heading level (smallest number) that occurs at least twice."""
    for level in sorted(set(levels)):
        if levels.count(level) >= 2:
            return level
    return None


def _has_body(blocks: Sequence[Block], first: int, stop: int) -> bool:
    return any(blocks[i].kind not in _NOT_BODY for i in range(first, stop))


def _title_blocks(blocks: Sequence[Block], first: int, stop: int) -> list[int]:
    """The heading at ``first`` and the headings right under it (asides passed over)."""
    title = [first]
    for index in range(first + 1, stop):
        kind = blocks[index].kind
        if kind == "aside":
            continue
        if kind != "heading" or len(title) == MAX_TITLE_HEADINGS:
            break
        title.append(index)
    return title


def _join(document: Document, indices: Sequence[int]) -> str:
    """The headings' texts as one title: "CHAPTER I. Down the Rabbit-Hole"."""
    title = ""
    for index in indices:
        text = " ".join(document.block_text(document.blocks[index]).split())
        if not title:
            title = text
        else:
            title += (" " if title.endswith(_JOINED_AFTER) else ": ") + text
    return title
