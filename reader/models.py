"""Plain, frozen, picklable results that flow from loading to the window.

Every position is a ``(start, end)`` pair of Python ``str`` indices into
``Document.text`` (code points, ``end`` exclusive). The UI converts them to
Qt's UTF-16 positions in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .options import DEFAULT_ALGORITHM

#: "aside": page furniture kept in the text but never analysed (see reader.loaders.asides).
BlockKind = Literal["title", "heading", "paragraph", "quote", "list_item", "aside"]
StanceLabel = Literal["supportive", "critical", "neutral"]
#: The stance labels in the order every list, filter and legend shows them.
STANCE_LABELS: tuple[StanceLabel, ...] = ("supportive", "critical", "neutral")
#: A stance whose probability is below this is shown as uncertain, not as a verdict.
UNCERTAIN_BELOW = 0.6
#: How an entity is portrayed, in the order every bar, table and JSON object shows it.
PORTRAYAL_LABELS = ("positive", "neutral", "negative")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like unit of the document: no sentence or entity crosses one."""

    start: int
    end: int
    kind: BlockKind = "paragraph"
    level: int = 0  # heading level (1 = top); 0 for everything else


@dataclass(frozen=True)
class Document:
    """A loaded article. ``text`` is the single source of truth for positions.

    ``text`` holds the title (when the source has one in its body) as the
    first block of kind ``"title"``. Blocks are separated by one or more
    newlines and never contain one: loaders turn the line breaks of hard-wrapped
    paragraphs into spaces (which keeps every offset of a plain-text file).
    """

    path: str
    text: str
    title: str
    blocks: tuple[Block, ...]
    format: str  # "text", "markdown", "html", ...
    metadata: dict[str, str] = field(default_factory=dict)  # author, date, sitename, ...

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @property
    def body_blocks(self) -> tuple[Block, ...]:
        """Blocks that carry running text (no title or headings)."""
        return tuple(b for b in self.blocks if b.kind not in ("title", "heading"))


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # position among all sentences of the document
    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(frozen=True, slots=True)
class SentenceWhy:
    """Why a summary sentence was picked, in short phrases a person reads."""

    rank: int  # 1 = the algorithm's best-rated candidate
    candidates: int  # how many sentences it ranked
    #: What raised (> 0) or lowered (< 0) the score, largest effect first, as
    #: (factor, contribution): "position", "centrality", "keywords", "title",
    #: "length", "form" (the News summariser's linear model; empty for the others).
    factors: tuple[tuple[str, float], ...] = ()
    #: Short phrases: "the article's first sentence", "covers the keywords: wall, vote".
    phrases: tuple[str, ...] = ()
    how: str = "picked"  # or "picked with the sentence it follows on from", ...


@dataclass(frozen=True, slots=True)
class SummarySentence:
    index: int  # Sentence.index
    start: int
    end: int
    text: str
    score: float
    why: SentenceWhy | None = None
    #: Its rank (1 = best) under each other algorithm, in ALGORITHMS order; filled
    #: by ``reader.compare_summaries`` (empty until then).
    ranks: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class SectionSummary:
    """The summary of one section of a long document (a chapter, the text under a heading)."""

    title: str  # the section's heading(s) as written: "CHAPTER 1. Loomings."
    start: int  # the section in Document.text, its heading included
    end: int
    sentences: tuple[SummarySentence, ...]  # in article order


@dataclass(frozen=True)
class Summary:
    algorithm: str  # a key of reader.options.ALGORITHMS
    length: str  # "5" sentences or "20%", written as ``str(SummaryLength)`` writes it
    sentences: tuple[SummarySentence, ...]  # in article order
    #: A long document's sections, each with its own few sentences (reader.summary.sections).
    sections: tuple[SectionSummary, ...] = ()
    #: Set when a percentage came to more sentences than a person reads: the summary
    #: stops at this many (reader.options.PERCENT_CAP).
    capped_at: int | None = None

    @property
    def options(self) -> AnalysisOptions:
        """The options this summary was made with: compare them, never their strings."""
        return AnalysisOptions(self.algorithm, self.length)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    name: str  # the canonical (longest, most complete) form
    type: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, DATE, ...
    mentions: tuple[Mention, ...]  # in article order
    aliases: tuple[str, ...] = ()  # other surface forms, most frequent first
    #: Why each alias joined this entity, one sentence per alias for a person
    #: ("Netanyahu: surname of Benjamin Netanyahu, mentioned before").
    merge_reasons: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass(frozen=True)
class TextRef:
    """A piece of the text a statement is made of (speaker, cue or content)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Speaker:
    start: int | None  # None when the article itself is the source
    end: int | None
    text: str  # as written ("He", "A U.S. official") or "(article)"
    entity: str | None = None  # Entity.name it resolves to, if any


@dataclass(frozen=True)
class TargetStance:
    """How a statement portrays one entity it names."""

    target: str  # Entity.name
    label: StanceLabel
    confidence: float  # the stance model's probability of ``label``


@dataclass(frozen=True)
class Statement:
    """Who said what: the label is the stance toward the main target (the first of
    ``stances``), or the content's overall tone when it names nobody."""

    speaker: Speaker
    cue: TextRef | None
    content: TextRef
    label: StanceLabel
    score: float  # signed: > 0 leans supportive, < 0 critical
    targets: tuple[str, ...] = ()  # Entity.name of entities the content is about
    reasons: tuple[str, ...] = ()  # short human-readable explanations of the label
    direct: bool = False  # content stands in quotation marks
    stances: tuple[TargetStance, ...] = ()  # per target, the main target first
    confidence: float = 1.0  # how sure ``label`` is, 0..1 (see UNCERTAIN_BELOW)

    @property
    def uncertain(self) -> bool:
        return self.confidence < UNCERTAIN_BELOW


@dataclass(frozen=True)
class Portrayal:
    """How the article portrays an entity: the sentences naming it, judged one by one.

    A much-named entity is judged on an even sample of its sentences, so the
    three counts may add up to less than ``sentences``."""

    entity: str  # Entity.name
    positive: int
    neutral: int
    negative: int
    sentences: int  # sentences that name the entity

    @property
    def judged(self) -> int:
        return self.positive + self.neutral + self.negative

    def counts(self) -> dict[str, int]:
        """The counts by ``PORTRAYAL_LABELS``."""
        return {"positive": self.positive, "neutral": self.neutral, "negative": self.negative}


@dataclass(frozen=True)
class AnalysisOptions:
    algorithm: str = DEFAULT_ALGORITHM
    length: str = "5"  # "N" sentences or "N%"


@dataclass(frozen=True)
class StageNote:
    """Why a stage of the analysis gave no result: it failed, or it does not apply.

    ``message`` is one sentence for a person ("Who says what could not be
    worked out for this document: ..."); the other stages' results stand.
    """

    stage: str  # a name of reader.run.stages.STAGES
    message: str
    failed: bool = True  # False: skipped on purpose (text that is not English, ...)


@dataclass(frozen=True)
class Analysis:
    sentences: tuple[Sentence, ...]
    summary: Summary | None = None
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    options: AnalysisOptions = field(default_factory=AnalysisOptions)
    notes: tuple[StageNote, ...] = ()  # stages that failed or were skipped, in stage order
    portrayals: tuple[Portrayal, ...] = ()  # people, organisations and places, as entities

    def portrayal_of(self, entity: str) -> Portrayal | None:
        return next((p for p in self.portrayals if p.entity == entity), None)

    def note(self, stage: str) -> StageNote | None:
        """The note on ``stage``, if it failed or was skipped."""
        return next((n for n in self.notes if n.stage == stage), None)
