"""The pieces attribution works with: parsed blocks with position lookups, and raw statements.

Shared by the finders of reported speech (``reported``), of quotations
(``quoted``) and the speaker resolver (``speakers``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Document, TextRef
from ..nlp import ParsedBlock

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PRONOUN_TYPES: dict[str, frozenset[str]] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE", "NORP"}),
    "they": frozenset({"ORG", "GPE", "NORP", "PERSON"}),
}
RELATIVE_WORDS = frozenset({"who", "that", "which", "whom"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DROP_FROM_SPEAKER = frozenset({"relcl", "acl", "advcl", "parataxis", "punct", "cc", "prep"})
EDGE_PUNCT = " \t\n,;:—–-"
MIN_QUOTE_WORDS = 4  # shorter quotes are scare quotes unless a verb reports them
MIN_CONTENT_TOKENS = 3
WINDOW_BLOCKS = 4  # how far back a pronoun or a bare quote looks for its speaker
# "By Jane Doe", "BY JANE DOE AND JOHN ROE, Reuters": a byline, not a sentence.
_BYLINE = re.compile(
    r"""\s*(?:By|BY)\s+[A-Z][^\s,]*          # By Jane
        (?:\s+(?:[A-Z][^\s,]*|and|AND|&|de|van|von))*  # Doe and John Roe
        \s*(?:[,|/].{0,60})?                 # , Reuters""",
    re.VERBOSE,
)
_BYLINE_WORDS = 12


@dataclass(frozen=True)
class Attribution:
    """One statement before stance: where its parts are and who the speaker is."""

    content: TextRef
    speaker: TextRef | None  # None: no speaker in the text (the article itself)
    cue: TextRef | None
    direct: bool  # the content stands (mostly) in quotation marks
    entity: str | None = None  # Entity.name the speaker resolves to


@dataclass
class Raw:
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    speaker_head: int | None  # document offset of the speaker's head token
    cue: tuple[int, int] | None
    direct: bool
    inherit: bool = False  # a bare quote: same speaker as the statement before
    bare: bool = False  # made from a quotation alone (no reported clause around it)
    fixed: bool = False  # its content is exact: a quotation around it does not widen it
    tail_only: bool = False  # too short to stand alone: only the second half of a split quote
    # "speech": a clause reported by a verb of saying or thinking ("said that ...");
    # "attitude": what someone wants, backs, cites... ("wants to ...", "cited X");
    # "other": quotations, "according to", labelled lines.
    kind: str = "other"


class Context:
    """The document, its parsed blocks and position lookups over them."""

    def __init__(self, document: Document, parsed: list[ParsedBlock]) -> None:
        self.document = document
        self.text = document.text
        self.parsed = parsed
        self._offset = {id(pb.doc): pb.offset for pb in parsed}
        self._block_starts = [pb.offset for pb in parsed]
        sents: list[tuple[int, int, int, SpacySpan]] = []  # start, end, parsed index, span
        for index, pb in enumerate(parsed):
            for sent in pb.doc.sents:
                sents.append((pb.offset + sent.start_char, pb.offset + sent.end_char, index, sent))
        self.sents = sents
        self._sent_starts = [s[0] for s in sents]
        # where each parsed block's text ends (``doc.text`` is rebuilt on every access)
        self._ends = [
            pb.offset + (pb.doc[-1].idx + len(pb.doc[-1]) if len(pb.doc) else 0) for pb in parsed
        ]
        self._furniture = [self._is_furniture(i, pb) for i, pb in enumerate(parsed)]

    def off(self, token: Token) -> int:
        return self._offset[id(token.doc)] + token.idx

    def end(self, token: Token) -> int:
        return self.off(token) + len(token.text)

    def block_at(self, pos: int) -> int:
        """Index into ``parsed`` of the block holding ``pos`` (or the one before it)."""
        return max(bisect_right(self._block_starts, pos) - 1, 0)

    def _is_furniture(self, index: int, pb: ParsedBlock) -> bool:
        """Headlines, headings and bylines: they name or announce, nobody says them."""
        blocks = self.document.blocks
        kind = blocks[pb.block_index].kind if pb.block_index < len(blocks) else "paragraph"
        if kind in ("title", "heading"):
            return True
        if len(pb.doc) > 3 * _BYLINE_WORDS:
            return False
        line = self.text[pb.offset : self._ends[index]]
        return len(line.split()) <= _BYLINE_WORDS and _BYLINE.fullmatch(line.rstrip()) is not None

    def block_end(self, index: int) -> int:
        """Where the text of ``parsed[index]`` ends in the document."""
        return self._ends[index]

    def is_furniture(self, pos: int) -> bool:
        """Whether ``pos`` lies in a headline, a heading or a byline."""
        return bool(self._furniture) and self._furniture[self.block_at(pos)]

    def sent_at(self, pos: int) -> int | None:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sents[i][0] <= pos < self.sents[i][1]:
            return i
        return None

    def tokens_in(self, start: int, end: int) -> Iterator[Token]:
        """Tokens that start inside ``[start, end)``."""
        first = self.block_at(start)
        for pb in self.parsed[first:]:
            if pb.offset >= end:
                break
            doc = pb.doc
            for token in doc:
                pos = pb.offset + token.idx
                if pos >= end:
                    break
                if pos >= start:
                    yield token

    def trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCT:
            end -= 1
        return start, end

    def ref(self, span: tuple[int, int]) -> TextRef:
        return TextRef(span[0], span[1], self.text[span[0] : span[1]])
