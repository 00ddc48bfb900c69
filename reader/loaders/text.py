"""Plain text: paragraphs, a headline and section headings, every offset kept.

For a UTF-8 file with LF line ends ``text`` is the file's content, except that
the line breaks inside a hard-wrapped paragraph become spaces (same length).
CRLF and lone CR become LF; other Unicode line separators become LF too.

Paragraphs are runs of lines between blank lines. A run whose lines look
hard-wrapped (each line is "full": the next line's first word would not have
fit within the document's wrap width) is one paragraph; otherwise each line is
its own block, as in news text with one paragraph per line or CoNLL-style text
with one sentence per line. Headings are recognised conservatively, because a
block taken for a heading is left out of the summary.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..models import Block, BlockKind
from .build import Parsed
from .decode import decode_text
from .limits import check_lines, check_text

# Hard wrapping happens at 60-80 columns; text whose inner lines run longer is not wrapped.
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 40, 100
MIN_INNER_LINES = 3  # to estimate a wrap width at all
MIN_WRAPPED_SHARE = 0.6  # of a run's inner lines that must be full for the run to be wrapped
MAX_ENDING_SHARE = 0.5  # of inner lines ending a sentence, beyond which lines are sentences

TITLE_MAX_WORDS, TITLE_MAX_CHARS = 20, 150
HEADING_MAX_WORDS, HEADING_MAX_CHARS = 12, 80
BODY_MIN_CHARS = 60

_SEPARATOR_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_SEPARATORS = str.maketrans(dict.fromkeys(_SEPARATOR_CHARS, "\n"))
_HAS_SEPARATOR = re.compile(f"[{_SEPARATOR_CHARS}]")
_WORD = re.compile(r"\S+")
_LIST_MARKER = re.compile(r"(?:[-*•‣◦+]|\d{1,3}[.)])\s+(?=\S)")
_CLOSING = "\"'”’»)]"
_QUOTES = "\"'”’»"
_SENTENCE_END = ".!?…"
_NO_HEADING_END = _SENTENCE_END + ",;:-–—"
_INNER_SENTENCE_BREAK = re.compile(r"\w[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")
_QUOTED_SENTENCE = re.compile(r"[.!?…][\"”’]")
#: A chapter line's opening: "CHAPTER 12.", "Chapter XII", "BOOK I", "Part Two:".
CHAPTER = re.compile(
    r"(?:chapter|part|book|section|act|scene|volume)\s+"
    r"(?:\d+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last)"
    r"\b[.:]?",
    re.IGNORECASE,
)
#: A book's other parts, alone on their line: "Epilogue", "PREFACE.", "Introduction".
BOOK_PART = re.compile(
    r"(?:prologue|epilogue|preface|foreword|afterword|introduction|appendix|postscript"
    r"|interlude)\.?",
    re.IGNORECASE,
)
#: A chapter line wrapped over two lines ("CHAPTER 73. Stubb and Flask kill a Right Whale;
#: and Then Have a Talk / over Him.") is still one, up to this length.
CHAPTER_MAX_CHARS = 160


def parse_text(data: bytes, name: str) -> Parsed:
    return structure(checked(normalize_newlines(decode_text(data, name)), name))


def checked(text: str, name: str) -> str:
    """``text``, refused before its lines are laid out if it is beyond the limits."""
    check_text(len(text), name)
    check_lines(text, name)
    return text


def normalize_newlines(text: str) -> str:
    """CRLF and CR to LF; other line separators to LF (length-preserving).

    Each step runs only when needed: ``str.translate`` over a book is one C call
    that holds the GIL for tens of milliseconds, which the window would feel.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _HAS_SEPARATOR.search(text):
        text = text.translate(_LINE_SEPARATORS)
    return text


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # first non-space character
    end: int  # after the last non-space character
    width: int  # length from the line's first column to ``end``
    newline: int  # position of the line's newline (or of the end of the text)

    @property
    def indent(self) -> int:
        return self.width - (self.end - self.start)


_KINDS: tuple[BlockKind, ...] = ("paragraph", "list_item", "title", "heading")


class _Runs:
    """The runs of lines that become blocks, kept in arrays.

    A text of short lines has hundreds of thousands of them: as objects they
    took ten times the memory of the text itself. ``runs[i]`` is a view that
    reads and writes the arrays, so the rules below read like plain attributes.
    """

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.line_counts = array("l")
        self.opens = bytearray()  # 1: the first block after a blank line (or of the text)
        self.kinds = bytearray()  # index into _KINDS
        self.levels = bytearray()

    def append(self, start: int, end: int, opens_group: bool) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.line_counts.append(1)
        self.opens.append(opens_group)
        self.kinds.append(0)
        self.levels.append(0)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> _Run:
        return _Run(self, index if index >= 0 else len(self) + index)

    def blocks(self) -> tuple[Block, ...]:
        kinds = [_KINDS[k] for k in self.kinds]
        return tuple(map(Block, self.starts, self.ends, kinds, self.levels))


class _Run:
    """Consecutive lines that form one block: a view of one entry of ``_Runs``."""

    __slots__ = ("_i", "_runs")

    def __init__(self, runs: _Runs, index: int) -> None:
        self._runs, self._i = runs, index

    start = property(lambda self: self._runs.starts[self._i])
    end = property(lambda self: self._runs.ends[self._i])
    lines = property(lambda self: self._runs.line_counts[self._i])
    opens_group = property(lambda self: bool(self._runs.opens[self._i]))
    level = property(lambda self: self._runs.levels[self._i])

    @property
    def kind(self) -> BlockKind:
        return _KINDS[self._runs.kinds[self._i]]

    def mark(self, kind: BlockKind, level: int = 0, start: int | None = None) -> None:
        self._runs.kinds[self._i] = _KINDS.index(kind)
        self._runs.levels[self._i] = level
        if start is not None:
            self._runs.starts[self._i] = start

    def join(self, end: int) -> None:
        self._runs.ends[self._i] = end
        self._runs.line_counts[self._i] += 1


def structure(text: str) -> Parsed:
    """Blocks, title and headings of ``text`` (whose newlines are all LF)."""
    groups, inner_widths = _scan(text)
    width = _wrap_width(inner_widths)
    runs = _Runs()
    joins = array("q")  # positions of newlines that become spaces
    for lo, hi in zip(groups[0::2], groups[1::2], strict=True):
        _split_group(text, lo, hi, width, runs, joins)
    if joins:
        text = _replace_newlines(text, joins)
    _mark_list_items(text, runs)
    title = ""
    first_alone = len(runs) > 1 and runs.opens[1] == 1  # the first line stands alone
    if len(runs) > 1 and _is_title(text, runs[0], first_alone):
        runs[0].mark("title")
        title = text[runs[0].start : runs[0].end]
    _mark_headings(text, runs)
    return Parsed(text, runs.blocks(), title)


def _lines(text: str, start: int = 0, stop: int | None = None) -> Iterator[_Line | None]:
    """Each line from ``start`` to ``stop`` (the start of a line and its end); None if blank."""
    stop = len(text) if stop is None else stop
    position = start
    while position <= stop:
        newline = text.find("\n", position, stop)
        if newline < 0:
            newline = stop
        raw = text[position:newline]
        stripped = raw.strip()
        if stripped:
            first = position + len(raw) - len(raw.lstrip())
            end = first + len(stripped)
            yield _Line(first, end, end - position, newline)
        else:
            yield None
        position = newline + 1


def _scan(text: str) -> tuple[array[int], array[int]]:
    """The groups of non-blank lines (start and stop of each, flat) and their inner widths."""
    groups = array("q")
    widths = array("l")  # of every line but the last of its group
    previous: _Line | None = None
    for line in _lines(text):
        if line is None:
            if previous is not None:
                groups.append(previous.newline)
            previous = None
            continue
        if previous is None:
            groups.append(line.end - line.width)  # where the line begins, its indent with it
        else:
            widths.append(previous.width)
        previous = line
    if previous is not None:
        groups.append(previous.newline)
    return groups, widths


def _wrap_width(widths: array[int]) -> int | None:
    """The column at which the document is hard-wrapped, or None if it is not."""
    if len(widths) < MIN_INNER_LINES:
        return None
    inner = sorted(widths)
    # The longest inner line; in a long text, the 95th percentile (a few lines may stick out).
    width = inner[int(0.95 * (len(inner) - 1))] if len(inner) >= 20 else inner[-1]
    return width if MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH else None


def _is_full(text: str, line: _Line, following: _Line, width: int) -> bool:
    """The first word of ``following`` would not have fit at the end of ``line``."""
    word = _WORD.match(text, following.start, following.end)
    return line.width + 1 + (word.end() - word.start() if word else 0) > width


#: A group of more lines than this is read twice rather than kept (a text of short lines).
KEPT_LINES = 5_000


def _group(text: str, lo: int, hi: int) -> Iterable[_Line]:
    """The lines from ``lo`` to ``hi``: a list, or for a huge group a new iterator each time."""
    if text.count("\n", lo, hi) < KEPT_LINES:
        return [line for line in _lines(text, lo, hi) if line is not None]
    return _Reread(lambda: (line for line in _lines(text, lo, hi) if line is not None))


class _Reread:
    def __init__(self, lines: Callable[[], Iterator[_Line]]) -> None:
        self._lines = lines

    def __iter__(self) -> Iterator[_Line]:
        return self._lines()


def _split_group(
    text: str, lo: int, hi: int, width: int | None, runs: _Runs, joins: array[int]
) -> None:
    """The runs of the group of lines from ``lo`` to ``hi``."""
    group = _group(text, lo, hi)
    wrapped = False
    if width is not None:
        inner = full = endings = 0
        for line, following in pairwise(group):
            inner += 1
            full += _is_full(text, line, following, width)
            endings += text[line.end - 1] in _SENTENCE_END + _QUOTES
        wrapped = inner > 0 and full >= MIN_WRAPPED_SHARE * inner
        wrapped = wrapped and endings <= MAX_ENDING_SHARE * inner
    previous: _Line | None = None
    for line in group:
        joined = (
            wrapped
            and previous is not None
            and _is_full(text, previous, line, width)  # type: ignore[arg-type]
            and not _LIST_MARKER.match(text, line.start)
            and line.indent <= previous.indent  # an indented line starts a paragraph
        )
        if joined:
            assert previous is not None
            joins.append(previous.newline)
            runs[-1].join(line.end)
        else:
            runs.append(line.start, line.end, previous is None)
        previous = line


def _replace_newlines(text: str, positions: array[int]) -> str:
    pieces: list[str] = []
    previous = 0
    for position in positions:
        pieces.append(text[previous:position])
        pieces.append(" ")
        previous = position + 1
    pieces.append(text[previous:])
    return "".join(pieces)


def _mark_list_items(text: str, runs: _Runs) -> None:
    for index in range(len(runs)):
        run = runs[index]
        marker = _LIST_MARKER.match(text, run.start, run.end)
        if marker and text[marker.end()] not in "*-•+" and not CHAPTER.match(text, run.start):
            run.mark("list_item", start=marker.end())


def _is_title(text: str, run: _Run, alone: bool) -> bool:
    """A first line that reads like a headline: short, not a sentence (or in title case)."""
    if run.lines > 1 or run.kind != "paragraph" or run.end - run.start > TITLE_MAX_CHARS:
        return False
    line = text[run.start : run.end]
    words = line.split()
    if len(words) > TITLE_MAX_WORDS:
        return False
    if not any(c.isalpha() for c in line) or line[0] in "[*=#<":  # "[Illustration]", "*** START"
        return False
    core = line.rstrip(_CLOSING)
    if not core or core[-1] in ",;:-–—":
        return False
    if core[-1] not in _SENTENCE_END:
        return True
    if _INNER_SENTENCE_BREAK.search(core[:-1]):
        return False
    if _title_case(words):
        return True
    return core[-1] in "!?" and alone  # followed by a blank line


def _title_case(words: list[str]) -> bool:
    """Most longer words start with a capital, as in "Stealth Over Health: Clinton Was..."."""
    long_words = [w.strip("\"'“”‘’(") for w in words]
    long_words = [w for w in long_words if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 2:
        return False
    capitals = sum(1 for w in long_words if w[0].isupper())
    return capitals >= 0.7 * len(long_words)


def _heading_level(text: str, run: _Run) -> int:
    """1 for a chapter line or a book's part, 2 for another heading, 0 for none."""
    if run.kind != "paragraph" or run.lines > 2 or run.end - run.start > CHAPTER_MAX_CHARS:
        return 0
    line = text[run.start : run.end]
    words = line.split()
    chapter = CHAPTER.match(line)
    if chapter and chapter.group().endswith((".", ":")):  # "CHAPTER 29. Enter Ahab; to Him."
        return 1
    if run.lines > 1 or run.end - run.start > HEADING_MAX_CHARS or len(words) > HEADING_MAX_WORDS:
        return 0
    if chapter and (
        chapter.end() == len(line) or (len(words) <= 6 and line[-1] not in _SENTENCE_END)
    ):
        return 1
    if BOOK_PART.fullmatch(line):
        return 1
    if not (line[0].isupper() or line[0].isdigit()):
        return 0
    core = line.rstrip(")]")
    if not core or core[-1] in _NO_HEADING_END or core[-1] in _QUOTES:
        return 0
    if _QUOTED_SENTENCE.search(line):  # '"We will win." ― A. Person' is a statement
        return 0
    return 2


def _is_body(text: str, run: _Run, heading_length: int) -> bool:
    """A block of running text: long, and ending like a sentence."""
    content = text[run.start : run.end]
    if run.kind != "paragraph" or len(content) < max(BODY_MIN_CHARS, 1.5 * heading_length):
        return False
    if CHAPTER.match(content):  # a table of contents line
        return False
    core = content.rstrip(_CLOSING)
    return bool(core) and core[-1] in _SENTENCE_END


def _mark_headings(text: str, runs: _Runs) -> None:
    """Short unpunctuated lines between running text (at most two in a row).

    A heading follows a blank line, the title or running text (so the short
    lines of a poem are not taken for headings) and precedes running text. A
    chapter line ("CHAPTER 3. The Spouter-Inn.") or a book's part ("Epilogue")
    needs only to be followed by something other than another chapter line (as
    in a table of contents, which ``reader.loaders.contents`` sets apart).
    """
    levels = [_heading_level(text, runs[index]) for index in range(len(runs))]

    def after_break(index: int) -> bool:
        if index == 0 or runs[index].opens_group or runs[index - 1].kind == "title":
            return True
        return _is_body(text, runs[index - 1], runs[index].end - runs[index].start)

    for index in range(len(runs) - 2, -1, -1):
        level = levels[index]
        if not level or runs[index].kind != "paragraph":
            continue
        if not (after_break(index) or (levels[index - 1] and after_break(index - 1))):
            continue
        length = runs[index].end - runs[index].start
        following = runs[index + 1]
        if level == 1:  # not followed by another chapter line, as in a table of contents
            ok = not CHAPTER.match(text, following.start)
        elif following.kind == "heading":  # two headings in a row, then the text
            after = runs[index + 2]  # exists: ``following`` is a heading only before a block
            ok = after.kind == "paragraph" and _is_body(text, after, length)
        else:
            ok = _is_body(text, following, length)
        if ok:
            runs[index].mark("heading", level)
    for index in range(len(runs) - 1):
        if _is_subtitle(text, runs[index], runs[index + 1]):
            runs[index + 1].mark("heading", 2)


def _is_subtitle(text: str, chapter: _Run, following: _Run) -> bool:
    """A chapter's title on the line under its bare number ("CHAPTER X." / "The Lobster
    Quadrille"), whatever follows it: the first paragraph may end in a colon."""
    if chapter.kind != "heading" or chapter.level != 1 or following.kind != "paragraph":
        return False
    if following.opens_group or following.lines > 1:
        return False
    if following.end - following.start > HEADING_MAX_CHARS:
        return False
    if not CHAPTER.fullmatch(text, chapter.start, chapter.end):
        return False
    line = text[following.start : following.end]
    core = line.rstrip(_CLOSING)
    if not core or core[-1] in ",;:-–—":
        return False
    return core[-1] not in _SENTENCE_END or _title_case(line.split())
