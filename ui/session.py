"""One open article: its document, analysis, summary and the work pending for it.

No widgets here: the session takes in what the analysis controller sends and
answers what the window should show, so its rules are tested without a
window, and several articles can each have one (a window of tabs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from reader import (
    Analysis,
    AnalysisOptions,
    Document,
    Entity,
    Portrayal,
    StageNote,
    Statement,
    Summary,
)

#: A file's ``(mtime_ns, size, inode)``: it changes when a program saves the file.
Signature = tuple[int, int, int]


def file_signature(path: str) -> Signature | None:
    """The signature of ``path``, or None when it is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


@dataclass(frozen=True)
class Update:
    """What a new analysis changes on screen (None: leave that panel as it is)."""

    summary: Summary | None = None  # a summary made with the current options
    resummarize: bool = False  # the analysis's summary has other options: ask for one
    entities: tuple[Entity, ...] | None = None
    statements: tuple[Statement, ...] | None = None
    notes: tuple[StageNote, ...] = ()  # notes not shown before
    portrayals: tuple[Portrayal, ...] | None = None


@dataclass
class ArticleSession:
    """The state of one article in the window, from opening its file to the last stage."""

    document: Document | None = None
    analysis: Analysis | None = None  # the latest, as the analysis made it
    summary: Summary | None = None  # the summary on screen
    seen_summary: Summary | None = None  # the last summary an analysis brought
    entities: tuple[Entity, ...] | None = None  # on screen; None until that stage ran
    statements: tuple[Statement, ...] | None = None
    portrayals: tuple[Portrayal, ...] | None = None
    notes: set[StageNote] = field(default_factory=set)
    pending_path: str | None = None  # a file being opened
    pending_signature: Signature | None = None
    signature: Signature | None = None  # of the file on screen
    reloading: str | None = None  # the path being read again after a change
    reload_top: int = 0  # the offset at the top of the view when the reload began
    complete: bool = False
    cancelled: bool = False
    failed: bool = False

    # -- opening ---------------------------------------------------------------------

    def begin_open(self, path: str, *, reload_top: int | None = None) -> None:
        """A file is being read (again, when ``reload_top`` says where the reader was)."""
        self.reloading = path if reload_top is not None else None
        self.reload_top = reload_top or 0
        self.pending_path = path
        self.pending_signature = file_signature(path)
        self.cancelled = self.failed = False

    def take_document(self, document: Document) -> bool:
        """The loaded document replaces the old one; True when it is the same file reread."""
        reloaded = self.reloading is not None and self.reloading == document.path
        self.reloading = None
        self.pending_path = None
        self.document = document
        self.analysis = self.summary = self.seen_summary = None
        self.entities = self.statements = self.portrayals = None
        self.notes = set()
        self.complete = False
        self.signature = self.pending_signature
        return reloaded

    # -- results -----------------------------------------------------------------------

    def take_analysis(self, analysis: Analysis, options: AnalysisOptions) -> Update:
        """What ``analysis`` changes, given the summary options chosen now."""
        self.analysis = analysis
        summary: Summary | None = None
        resummarize = False
        if analysis.summary is not None and analysis.summary is not self.seen_summary:
            self.seen_summary = analysis.summary
            if analysis.summary.options == options:
                summary = self.summary = analysis.summary
            elif not self.shows_summary(options):
                resummarize = True
        entities = statements = None
        if analysis.entities and analysis.entities is not self.entities:
            entities = self.entities = analysis.entities
        if analysis.statements and analysis.statements is not self.statements:
            statements = self.statements = analysis.statements
        portrayals = None
        if analysis.portrayals and analysis.portrayals is not self.portrayals:
            portrayals = self.portrayals = analysis.portrayals
        fresh = tuple(note for note in analysis.notes if note not in self.notes)
        self.notes.update(fresh)
        for note in fresh:  # a note stands for the stage's (empty) result
            if note.stage == "entities":
                self.entities = ()
            elif note.stage == "stance":
                self.statements = ()
        return Update(summary, resummarize, entities, statements, fresh, portrayals)

    def take_summary(self, summary: Summary, options: AnalysisOptions) -> bool:
        """A re-made summary: True when it is for the options chosen now (then shown)."""
        if summary.options != options:
            return False
        self.summary = summary
        return True

    def shows_summary(self, options: AnalysisOptions) -> bool:
        return self.summary is not None and self.summary.options == options

    def needs_summary(self, options: AnalysisOptions, busy: bool) -> bool:
        """After the options changed: whether to ask for a summary now.

        Not while the first analysis runs: its summary stage (still to come)
        is checked against the options when it arrives.
        """
        if self.shows_summary(options) or self.analysis is None:
            return False
        return self.analysis.summary is not None or not busy

    def finish(self) -> None:
        """No work is left for this article: it is complete unless cut short."""
        self.pending_path = None
        self.reloading = None
        if self.analysis is not None and not self.cancelled and not self.failed:
            self.complete = True

    @property
    def interrupted(self) -> bool:
        return self.cancelled or self.failed

    def shown_analysis(self, options: AnalysisOptions) -> Analysis | None:
        """The latest analysis, carrying the summary on screen and the options chosen."""
        if self.analysis is None:
            return None
        return replace(self.analysis, summary=self.summary, options=options)

    def ready_text(self) -> str:
        """The status bar's line once the article is analysed."""
        sentences = len(self.analysis.sentences) if self.analysis else 0
        return (
            f"Ready — {_count(sentences, 'sentence')}, {_count(len(self.entities or ()), 'entity')}"
            f", {_count(len(self.statements or ()), 'statement')}"
        )


def _count(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n} {'entities' if word == 'entity' else word + 's'}"
