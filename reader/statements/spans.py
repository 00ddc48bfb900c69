"""The pieces attribution works with: parsed blocks with position lookups, and raw statements.

Shared by the finders of reported speech (``reported``), of quotations
(``quoted``) and the speaker resolver (``speakers``).
"""

from __future__ import annotations

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

    def off(self, token: Token) -> int:
        return self._offset[id(token.doc)] + token.idx

    def end(self, token: Token) -> int:
        return self.off(token) + len(token.text)

    def block_at(self, pos: int) -> int:
        """Index into ``parsed`` of the block holding ``pos`` (or the one before it)."""
        return max(bisect_right(self._block_starts, pos) - 1, 0)

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
