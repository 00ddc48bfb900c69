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
_CHAPTER = re.compile(
    r"(?:chapter|part|book|section|act|scene|volume)\s+"
    r"(?:\d+|[ivxlcdm]+|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last)"
    r"\b[.:]?",
    re.IGNORECASE,
)


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


@dataclass(slots=True)
class _Run:
    """Consecutive lines that form one block."""

    start: int
    end: int
    lines: int
    opens_group: bool  # first block after a blank line (or of the text)
    kind: BlockKind = "paragraph"
    level: int = 0


def structure(text: str) -> Parsed:
    """Blocks, title and headings of ``text`` (whose newlines are all LF)."""
    groups = _line_groups(text)
    width = _wrap_width(groups)
    runs: list[_Run] = []
    joins: list[int] = []  # positions of newlines that become spaces
    for group in groups:
        runs.extend(_split_group(text, group, width, joins))
    if joins:
        text = _replace_newlines(text, joins)
    _mark_list_items(text, runs)
    title = ""
    if len(runs) > 1 and _is_title(text, runs[0], groups):
        runs[0].kind = "title"
        title = text[runs[0].start : runs[0].end]
    _mark_headings(text, runs)
    blocks = tuple(Block(r.start, r.end, r.kind, r.level) for r in runs)
    return Parsed(text, blocks, title)


def _line_groups(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines, separated by blank lines."""
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = position + lead
            end = start + len(stripped)
            current.append(_Line(start, end, end - position, position + len(raw)))
        elif current:
            groups.append(current)
            current = []
        position += len(raw) + 1
    if current:
        groups.append(current)
    return groups


def _wrap_width(groups: list[list[_Line]]) -> int | None:
    """The column at which the document is hard-wrapped, or None if it is not."""
    inner = sorted(line.width for group in groups for line in group[:-1])
    if len(inner) < MIN_INNER_LINES:
        return None
    # The longest inner line; in a long text, the 95th percentile (a few lines may stick out).
    width = inner[int(0.95 * (len(inner) - 1))] if len(inner) >= 20 else inner[-1]
    return width if MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH else None


def _is_full(text: str, line: _Line, following: _Line, width: int) -> bool:
    """The first word of ``following`` would not have fit at the end of ``line``."""
    word = _WORD.match(text, following.start, following.end)
    return line.width + 1 + (word.end() - word.start() if word else 0) > width


def _split_group(text: str, group: list[_Line], width: int | None, joins: list[int]) -> list[_Run]:
    inner = group[:-1]
    wrapped = False
    full: list[bool] = []  # full[k]: line k is full, given line k + 1
    if width is not None and inner:
        full = [_is_full(text, a, b, width) for a, b in pairwise(group)]
        endings = sum(1 for line in inner if text[line.end - 1] in _SENTENCE_END + _QUOTES)
        wrapped = sum(full) >= MIN_WRAPPED_SHARE * len(inner) and endings <= MAX_ENDING_SHARE * len(
            inner
        )
    runs: list[_Run] = []
    for index, line in enumerate(group):
        joined = (
            wrapped
            and index > 0
            and full[index - 1]
            and not _LIST_MARKER.match(text, line.start)
            and line.indent <= group[index - 1].indent  # an indented line starts a paragraph
        )
        if joined:
            joins.append(group[index - 1].newline)
            runs[-1].end = line.end
            runs[-1].lines += 1
        else:
            runs.append(_Run(line.start, line.end, 1, index == 0))
    return runs


def _replace_newlines(text: str, positions: list[int]) -> str:
    pieces: list[str] = []
    previous = 0
    for position in positions:
        pieces.append(text[previous:position])
        pieces.append(" ")
        previous = position + 1
    pieces.append(text[previous:])
    return "".join(pieces)


def _mark_list_items(text: str, runs: list[_Run]) -> None:
    for run in runs:
        marker = _LIST_MARKER.match(text, run.start, run.end)
        if marker and text[marker.end()] not in "*-•+" and not _CHAPTER.match(text, run.start):
            run.kind = "list_item"
            run.start = marker.end()


def _is_title(text: str, run: _Run, groups: list[list[_Line]]) -> bool:
    """A first line that reads like a headline: short, not a sentence (or in title case)."""
    line = text[run.start : run.end]
    words = line.split()
    if run.lines > 1 or run.kind != "paragraph":
        return False
    if not (len(words) <= TITLE_MAX_WORDS and len(line) <= TITLE_MAX_CHARS):
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
    alone = len(groups[0]) == 1  # followed by a blank line
    return core[-1] in "!?" and alone


def _title_case(words: list[str]) -> bool:
    """Most longer words start with a capital, as in "Stealth Over Health: Clinton Was..."."""
    long_words = [w.strip("\"'“”‘’(") for w in words]
    long_words = [w for w in long_words if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 2:
        return False
    capitals = sum(1 for w in long_words if w[0].isupper())
    return capitals >= 0.7 * len(long_words)


def _heading_level(text: str, run: _Run) -> int:
    """1 for a chapter line, 2 for another heading, 0 when the run is not a heading."""
    if run.kind != "paragraph" or run.lines > 1:
        return 0
    line = text[run.start : run.end]
    words = line.split()
    if len(words) > HEADING_MAX_WORDS or len(line) > HEADING_MAX_CHARS:
        return 0
    chapter = _CHAPTER.match(line)
    if chapter and (
        chapter.end() == len(line)
        or chapter.group().endswith((".", ":"))  # "CHAPTER 29. Enter Ahab; to Him, Stubb."
        or (len(words) <= 6 and line[-1] not in _SENTENCE_END)
    ):
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
    if _CHAPTER.match(content):  # a table of contents line
        return False
    core = content.rstrip(_CLOSING)
    return bool(core) and core[-1] in _SENTENCE_END


def _mark_headings(text: str, runs: list[_Run]) -> None:
    """Short unpunctuated lines between running text (at most two in a row).

    A heading follows a blank line, the title or running text (so the short
    lines of a poem are not taken for headings) and precedes running text. A
    chapter line ("CHAPTER 3. The Spouter-Inn.") needs only to be followed by
    something other than another chapter line (as in a table of contents).
    """
    levels = [_heading_level(text, run) for run in runs]

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
        if level == 1:
            ok = not _CHAPTER.match(text, following.start)
        elif following.kind == "heading":  # two headings in a row, then the text
            after = runs[index + 2]  # exists: ``following`` is a heading only before a block
            ok = after.kind == "paragraph" and _is_body(text, after, length)
        else:
            ok = _is_body(text, following, length)
        if ok:
            runs[index].kind = "heading"
            runs[index].level = level
