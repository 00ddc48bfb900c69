"""A book's table of contents and transcriber's notes, set apart as asides.

A table of contents is a run of short lines ("CHAPTER 1. Loomings.",
"Nantucket.", "The Ship.") before the text begins. Read as prose, its lines
would become summary sentences and names; as ``"aside"`` blocks they stay in
the text, shown muted, and no analysis reads them. This runs on the blocks of
every format, after its loader: plain text, but also a contents page inside an
EPUB's reading order or a Markdown list of chapter links.

A run of short lines counts as contents when it follows a "Contents" line
(two entries or more), or, without one, when at least ``MIN_UNLABELLED`` of
its lines are chapter lines or come back further on as headings (so a poem's
short lines, or a list of names, never count). It ends at the first block
that is not a short line, or at the first line that repeats an earlier entry:
the first chapter's own heading ("CHAPTER I." after "CHAPTER I.  Down the
Rabbit-Hole") starts the text. The lines of the text that a contents lists
become headings when the loader did not see them as such ("ETYMOLOGY."), and
a transcriber's note up to the next heading is set apart too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import Block
from .text import CHAPTER, CHAPTER_MAX_CHARS

#: An entry of the contents: at most this many words and characters (a chapter line may be
#: longer: "CHAPTER 57. Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in Stone...").
ENTRY_MAX_WORDS, ENTRY_MAX_CHARS = 12, 80
#: Lines that make a contents without a "Contents" line above them (see ``_unlabelled``).
MIN_UNLABELLED = 3
#: Paragraphs of a transcriber's note, at most, before the next heading.
MAX_NOTE_BLOCKS = 6

_LABEL = re.compile(r"\s*(?:table\s+of\s+)?contents\s*[.:]?\s*", re.IGNORECASE)
_NOTE = re.compile(r"\s*(?:original\s+)?transcriber['’]?s?\s+notes?\b", re.IGNORECASE)
_KINDS = ("paragraph", "heading", "list_item")
#: What follows an entry's title: dot leaders, a page number.
_PAGE = re.compile(r"(?:[\s.·…_-]*\d{1,4})?\s*$")
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w\s]")


def mark_contents(text: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """``blocks``, with a book's tables of contents and transcriber's notes as asides, and
    the lines of the text that the contents lists ("ETYMOLOGY.") as headings."""
    asides: set[int] = set()
    listed: dict[str, int] = {}  # key of each entry -> the block after its contents
    last_heading = {_key(text[b.start : b.end]): i for i, b in enumerate(blocks) if _heads(b)}
    index = 0
    while index < len(blocks):
        block = blocks[index]
        line = text[block.start : block.end]
        if block.kind not in _KINDS or not _is_entry(line):
            index += 1
            continue
        labelled = _LABEL.fullmatch(line) is not None
        run = _entries(text, blocks, index + 1 if labelled else index)
        contents = run if labelled else _unlabelled(text, blocks, run, last_heading)
        if labelled and len(contents) < 2:
            contents = []
        if contents:
            asides.update([index, *contents] if labelled else contents)
            for entry in contents:
                key = _key(text[blocks[entry].start : blocks[entry].end])
                listed.setdefault(key, contents[-1] + 1)
        index = max(index + 1, run[-1] + 1 if run else 0)
    headings = _listed_headings(text, blocks, listed, asides) if listed else {}
    marked = [
        replace(block, kind="heading", level=headings[index]) if index in headings else block
        for index, block in enumerate(blocks)
    ]
    for index, block in enumerate(marked):
        line = text[block.start : block.end]
        if block.kind in _KINDS and _NOTE.match(line) and len(line.split()) <= ENTRY_MAX_WORDS:
            asides.update(_note(marked, index))
    if not asides and not headings:
        return blocks
    return tuple(
        replace(block, kind="aside") if index in asides else block
        for index, block in enumerate(marked)
    )


def _heads(block: Block) -> bool:
    return block.kind == "heading" and block.end - block.start <= CHAPTER_MAX_CHARS


def _unlabelled(
    text: str, blocks: tuple[Block, ...], run: list[int], last_heading: dict[str, int]
) -> list[int]:
    """The part of a run of short lines that is a contents with no "Contents" line above it.

    An entry *counts* when it is a chapter line or when the text has a heading
    like it further on. The contents starts at the first entry that counts; it
    needs ``MIN_UNLABELLED`` entries that count, half of its entries at least.
    """
    if len(run) < MIN_UNLABELLED:
        return []
    after = run[-1]

    def counts(entry: int) -> bool:
        line = text[blocks[entry].start : blocks[entry].end]
        return CHAPTER.match(line) is not None or last_heading.get(_key(line), -1) > after

    flags = [counts(entry) for entry in run]
    if True not in flags:
        return []
    part = run[flags.index(True) :]
    counted = sum(flags)
    return part if counted >= MIN_UNLABELLED and 2 * counted >= len(part) else []


def _listed_headings(
    text: str, blocks: tuple[Block, ...], listed: dict[str, int], asides: set[int]
) -> dict[int, int]:
    """The paragraphs after a contents that repeat one of its entries (the first time each),
    with the heading level the text's other listed headings have (1 when none)."""
    found: dict[int, str] = {}
    levels: list[int] = []
    for index, block in enumerate(blocks):
        if index in asides or block.kind not in ("paragraph", "heading"):
            continue
        if block.end - block.start > CHAPTER_MAX_CHARS:
            continue
        key = _key(text[block.start : block.end])
        after = listed.get(key)
        if after is None or index < after or key in found.values():
            continue
        found[index] = key
        if block.kind == "heading":
            levels.append(block.level)
    level = max(set(levels), key=levels.count) if levels else 1
    return {index: level for index in found if blocks[index].kind == "paragraph"}


def _entries(text: str, blocks: tuple[Block, ...], first: int) -> list[int]:
    """The blocks from ``first`` on that read as entries of a contents: short lines (asides
    passed over), up to one that repeats an earlier entry or a "Contents" line."""
    seen: set[str] = set()
    entries: list[int] = []
    for index in range(first, len(blocks)):
        block = blocks[index]
        if block.kind == "aside":
            continue
        line = text[block.start : block.end]
        if block.kind not in _KINDS or not _is_entry(line) or _LABEL.fullmatch(line):
            break
        key = _key(line)
        if key in seen:  # the text begins: its first heading repeats the first entry
            break
        seen.add(key)
        entries.append(index)
    return entries


def _is_entry(line: str) -> bool:
    """A short line: a chapter line (up to ``CHAPTER_MAX_CHARS``) or a few words."""
    if CHAPTER.match(line):
        return len(line) <= CHAPTER_MAX_CHARS
    return len(line) <= ENTRY_MAX_CHARS and len(line.split()) <= ENTRY_MAX_WORDS


def _key(line: str) -> str:
    """What two mentions of one chapter share: "chapter i", or the title's words without
    a page number ("extracts supplied by a subsublibrarian")."""
    chapter = CHAPTER.match(line)
    if chapter is not None:
        return _SPACES.sub(" ", chapter.group().rstrip(".:")).casefold()
    return _SPACES.sub(" ", _PUNCTUATION.sub("", _PAGE.sub("", line))).strip().casefold()


def _note(blocks: Sequence[Block], label: int) -> list[int]:
    """A transcriber's note: its label and the paragraphs after it, up to the next heading
    (or the end of the text); only the label when none comes within ``MAX_NOTE_BLOCKS``."""
    note = [label]
    for index in range(label + 1, len(blocks)):
        if blocks[index].kind in ("heading", "title"):
            return note
        if len(note) > MAX_NOTE_BLOCKS:
            return [label]
        note.append(index)
    return note
