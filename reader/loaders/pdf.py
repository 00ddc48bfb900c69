"""PDF: the text layer (pypdf), rebuilt into paragraphs.

pypdf gives the text of each page line by line, with the position and size of
each piece. From those:

* running headers and footers (a line that comes back at the top or bottom of
  most pages, numbers aside) and bare page numbers are dropped;
* a paragraph ends at a vertical gap wider than the usual line spacing, at an
  indented first line, at a change of font size, or after a short line that
  ends a sentence; it goes on across a page break when the page ends mid-sentence;
* "exam-" at a line end followed by "ple" is joined to "example";
* lines clearly larger than the body text are headings; the title is the
  document's metadata title, else the largest line at the top of page one.

A PDF without a text layer (a scan) and one locked with a password are refused
with their own message: they are not empty or broken, just unreadable here.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from io import BytesIO
from itertools import pairwise
from typing import Any

from ..errors import CorruptFile, DocumentTooLarge, EncryptedDocument, GarbledText, NoTextLayer
from ..models import BlockKind
from .build import Parsed, Part, assemble, clean_inline, place_title
from .garbled import is_garbled
from .notices import notice
from .sniff import looks_like_pdf

MAX_PAGES = 5000  # pages read from one PDF

PARAGRAPH_GAP = 1.4  # a gap wider than this many times the usual line spacing ends a paragraph
SHORT_LINE = 0.75  # a sentence-ending line shorter than this share of a full line ends one
HEADING_SIZE = 1.15  # font size, relative to the body text, from which a short line is a heading
TITLE_SIZE = 1.3
HEADING_MAX_WORDS = 20
EDGE_LINES = 3  # lines at the top and bottom of a page where running heads are looked for
RUNNING_SHARE = 0.5  # of the pages a line must appear on (at an edge) to be a running head
RUNNING_WORDS = 15  # a running head is short
RUNNING_DRIFT = 6.0  # points a running head may move up or down from page to page

_SENTENCE_END = ".!?…:;\"'”’)»"
_PAGE_NUMBER = re.compile(
    r"(?:[Pp]age\s+)?[-–—(\[]?\s*(?:\d{1,4}|[ivx]{1,5}|[IVX]{1,5})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?",
)
_LIST_MARKER = re.compile(r"(?:[•◦▪‣●○■□*–-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+(?=\S)")
_DIGITS = re.compile(r"\d+")
_BAD_TITLE = re.compile(
    r"(?:untitled|microsoft word|document\d*\b|.*\.(?:docx?|pdf|odt|rtf)$).*", re.IGNORECASE
)
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\xa0": " "}
)
_PYPDF_LOGGER = "pypdf"


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int


def parse_pdf(data: bytes, name: str) -> Parsed:
    if not looks_like_pdf(data):
        raise CorruptFile(f'"{name}" is not a valid PDF file: it does not start like one.')
    raw_pages, info = _extract(data, name)
    pages = [_lines(fragments, number) for number, fragments in enumerate(raw_pages)]
    readable = [[line for line in page if not is_garbled(line.text)] for page in pages]
    if not _has_text(readable):
        if _has_text(pages):
            raise GarbledText(
                f'"{name}" cannot be read: its fonts do not say which letters they draw, '
                "so its text comes out as random characters."
            )
        raise NoTextLayer(
            f'"{name}" has no text layer (it is a scanned image); Article Reader cannot read it.'
        )
    if sum(map(len, readable)) < sum(map(len, pages)):
        notice(
            f'Some lines of "{name}" were left out: their fonts do not say which letters '
            "they draw, so they came out as random characters."
        )
    pages = readable
    body = _body_size([line for page in pages for line in page])
    pages = _drop_running_lines(pages, body)
    lines = [line for page in pages for line in page]
    parts, big_title = _parts(lines, body)
    title = info.get("title", "")
    if not title or _BAD_TITLE.fullmatch(title):
        title = big_title
    metadata = {key: value for key, value in info.items() if key != "title"}
    return assemble(place_title(parts, title), title, metadata)


def _has_text(pages: list[list[_Line]]) -> bool:
    return any(any(c.isalnum() for line in page for c in line.text) for page in pages)


# --- pypdf: everything that calls into the library is here ---------------------------

# (text, x, y, size) of each piece pypdf shows; "\n" pieces break lines.
_Fragment = tuple[str, float, float, float]


def _extract(data: bytes, name: str) -> tuple[list[list[_Fragment]], dict[str, str]]:
    """The pieces of text of each page, and the metadata (title, author, date)."""
    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError

    pages: list[list[_Fragment]] = []
    try:
        with _quiet():
            reader = pypdf.PdfReader(BytesIO(data), strict=False)
            if reader.is_encrypted and not _decrypt(reader):
                raise EncryptedDocument(
                    f'"{name}" is protected by a password, so Article Reader cannot read it.'
                )
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise DocumentTooLarge(
                    f'"{name}" has {count} pages, more than the limit of {MAX_PAGES} for a PDF.'
                )
            failed = 0
            for page in reader.pages:
                fragments: list[_Fragment] = []
                try:
                    page.extract_text(visitor_text=_visitor(fragments))
                except LimitReachedError:
                    raise
                except Exception:  # one damaged page: read the others
                    failed += 1
                pages.append(fragments)
            if count and failed == count:
                raise CorruptFile(f'"{name}" is not a valid PDF file: no page could be read.')
            info = _metadata(reader)
    except (EncryptedDocument, DocumentTooLarge, CorruptFile):
        raise
    except FileNotDecryptedError as error:
        raise EncryptedDocument(
            f'"{name}" is protected by a password, so Article Reader cannot read it.'
        ) from error
    except LimitReachedError as error:
        raise DocumentTooLarge(
            f'"{name}" holds a stream that unpacks beyond the limits of the PDF reader.'
        ) from error
    except RecursionError as error:
        raise CorruptFile(f'"{name}" is not a valid PDF file: its structure loops.') from error
    except Exception as error:  # pypdf raises many types on broken files
        raise CorruptFile(
            f'"{name}" is not a valid PDF file: it is damaged or truncated.'
        ) from error
    if not pages:
        raise CorruptFile(f'"{name}" is not a valid PDF file: it has no pages.')
    return pages, info


def _decrypt(reader: Any) -> bool:
    """Many PDFs are encrypted with an empty user password (only printing is locked)."""
    from pypdf import PasswordType

    try:
        return reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:  # an unsupported or broken security handler
        return False


def _visitor(fragments: list[_Fragment]) -> Any:
    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not text:
            return
        try:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            height = float(size) * (scale or 1.0)
        except (TypeError, ValueError, IndexError, AttributeError):
            x = y = height = 0.0
        if not all(math.isfinite(v) for v in (x, y, height)):
            x = y = height = 0.0
        fragments.append((text, float(x), float(y), abs(height)))

    return visit


def _metadata(reader: Any) -> dict[str, str]:
    try:
        meta = reader.metadata
    except Exception:
        return {}
    if meta is None:
        return {}
    info: dict[str, str] = {}
    for key, field in (("title", "/Title"), ("author", "/Author")):
        try:
            value = clean_inline(str(meta.get(field) or ""))
        except Exception:
            continue
        if value and value.isprintable():
            info[key] = value
    return info


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs and warns about every flaw of a broken file; the reader reports one error."""
    logger = logging.getLogger(_PYPDF_LOGGER)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# --- lines, running heads, paragraphs --------------------------------------------


def _lines(fragments: list[_Fragment], page: int) -> list[_Line]:
    lines: list[_Line] = []
    pieces: list[str] = []
    first: _Fragment | None = None
    biggest = 0.0

    def finish() -> None:
        nonlocal first, biggest
        text = clean_inline("".join(pieces).translate(_LIGATURES))
        if text and first is not None:
            lines.append(_Line(text, first[1], first[2], round(biggest, 1), page))
        pieces.clear()
        first, biggest = None, 0.0

    for fragment in fragments:
        chunks = fragment[0].split("\n")
        for index, chunk in enumerate(chunks):
            if index:
                finish()
            if chunk.strip():
                pieces.append(chunk)
                if first is None:
                    first = fragment
                biggest = max(biggest, fragment[3])
            elif chunk:
                pieces.append(chunk)
    finish()
    return lines


def _key(line: _Line) -> tuple[str, int]:
    """What a running head keeps from page to page: its words (numbers aside) and height."""
    return _DIGITS.sub("#", line.text.casefold()), round(line.y / RUNNING_DRIFT)


def _edges(page: list[_Line]) -> set[int]:
    """Indexes of the lines at the top and bottom of a page (by order and by height)."""
    count = len(page)
    edges = set(range(min(EDGE_LINES, count))) | set(range(max(0, count - EDGE_LINES), count))
    by_height = sorted(range(count), key=lambda i: page[i].y)
    edges |= set(by_height[:2]) | set(by_height[-2:])
    return edges


def _drop_running_lines(pages: list[list[_Line]], body: float) -> list[list[_Line]]:
    """Lines at a page edge that come back on most pages, and bare page numbers.

    Headings (a title at the top of page one that a running foot repeats) stay.
    """

    def candidate(line: _Line) -> bool:
        small = line.size < HEADING_SIZE * body
        return small and len(line.text.split()) <= RUNNING_WORDS

    counts: Counter[tuple[str, int]] = Counter()
    for page in pages:
        counts.update({_key(page[i]) for i in _edges(page) if candidate(page[i])})
    needed = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    running = {key for key, count in counts.items() if count >= needed}
    kept: list[list[_Line]] = []
    for page in pages:
        edges = _edges(page)
        kept.append(
            [
                line
                for index, line in enumerate(page)
                if index not in edges
                or not candidate(line)
                or not (_key(line) in running or _PAGE_NUMBER.fullmatch(line.text))
            ]
        )
    return kept


@dataclass
class _Block:
    lines: list[_Line]
    kind: BlockKind = "paragraph"
    level: int = 0

    @property
    def text(self) -> str:
        return _join(line.text for line in self.lines)


def _join(lines: Iterator[str] | list[str]) -> str:
    """Lines of one paragraph as one string, hyphenated words made whole again."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("\xad") or _hyphenated(out, line):
            out = out[:-1] + line
        else:
            out += " " + line
    return out.replace("\xad", "")


def _hyphenated(before: str, after: str) -> bool:
    """A word broken ("exam-" + "ple") at a line end; not "well-" + "Known" or "1990-"."""
    return len(before) > 1 and before[-1] == "-" and before[-2].isalpha() and after[:1].islower()


def _body_size(lines: list[_Line]) -> float:
    """The font size of most of the text."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return (weights.most_common(1)[0][0] if weights else 0.0) or 1.0


def _parts(lines: list[_Line], body: float) -> tuple[list[Part], str]:
    """Blocks of the document's lines, and the title its largest first-page line gives."""
    if not lines:
        return [], ""
    heading_sizes = sorted({line.size for line in lines if _is_heading(line, body)}, reverse=True)
    levels = {size: min(rank, 6) for rank, size in enumerate(heading_sizes, 1)}
    leading = _usual_leading(lines, body)
    lefts = Counter(round(line.x) for line in lines if line.size == body)
    left = lefts.most_common(1)[0][0] if lefts else 0
    full = _full_length(lines, body)

    blocks: list[_Block] = []
    for line in lines:
        heading = _is_heading(line, body)
        previous = blocks[-1] if blocks else None
        if previous is not None and _continues(previous, line, heading, body, leading, left, full):
            previous.lines.append(line)
            continue
        block = _Block([line])
        if heading:
            block.kind, block.level = "heading", levels[line.size]
        elif marker := _LIST_MARKER.match(line.text):
            block.kind = "list_item"
            block.lines[0] = replace(line, text=line.text[marker.end() :])
        blocks.append(block)

    title = ""
    first_page = [b for b in blocks if b.lines[0].page == 0 and b.kind == "heading"][:3]
    if first_page:
        top = max(first_page, key=lambda b: b.lines[0].size)
        if top.lines[0].size >= TITLE_SIZE * body:
            title = top.text
    return [Part(block.text, block.kind, block.level) for block in blocks], title


def _continues(
    block: _Block, line: _Line, heading: bool, body: float, leading: float, left: int, full: float
) -> bool:
    """``line`` goes on the paragraph (or heading) ``block`` ends with."""
    last = block.lines[-1]
    if heading != (block.kind == "heading") or abs(line.size - last.size) > 0.15 * max(
        line.size, 1.0
    ):
        return False
    if heading:
        return line.page == last.page and 0 < last.y - line.y <= 2.0 * max(line.size, 1.0)
    ends_sentence = last.text[-1] in _SENTENCE_END
    short = ends_sentence and len(last.text) < SHORT_LINE * full
    if line.page != last.page or last.y - line.y <= 0:  # a new page or column
        return not short and not _LIST_MARKER.match(line.text)
    if leading and last.y - line.y > PARAGRAPH_GAP * leading:
        return False
    if _LIST_MARKER.match(line.text):
        return False
    indent = max(line.size, 1.0) * 0.8
    if ends_sentence and line.x - last.x > indent and last.x - left <= indent:
        return False  # an indented first line
    return not short


def _is_heading(line: _Line, body: float) -> bool:
    words = len(line.text.split())
    if words > HEADING_MAX_WORDS or not any(c.isalpha() for c in line.text):
        return False
    return line.size >= HEADING_SIZE * body


def _usual_leading(lines: list[_Line], body: float) -> float:
    gaps = [
        a.y - b.y
        for a, b in pairwise(lines)
        if a.page == b.page and a.size == b.size == body and 0 < a.y - b.y < 3 * body
    ]
    return statistics.median(gaps) if gaps else 0.0


def _full_length(lines: list[_Line], body: float) -> float:
    """The length of a full line of body text (a high percentile of line lengths)."""
    lengths = sorted(len(line.text) for line in lines if line.size == body)
    if not lengths:
        return 0.0
    return float(lengths[int(0.9 * (len(lengths) - 1))])
