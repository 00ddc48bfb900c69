"""Background work: open and analyse an article, re-summarise it, off the GUI thread.

The pattern (see DESIGN.md, "Threads"): the controller lives in the GUI thread
and owns a ``QThreadPool``. Every job gets a ticket from a counter and its own
cancel event; the job never touches a widget, it only emits ``(ticket, payload)``
through a relay whose signals are queued to the controller's slots. A slot
forwards a payload only when its ticket is still the current one, so a result of
an article the user has left can never reach the window.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

import reader
from reader import (
    AnalysisCache,
    AnalysisCancelled,
    AnalysisOptions,
    Document,
    Sentence,
    analyze_cached,
    load_document_cached,
    run_stage,
)

from .errors import describe

log = logging.getLogger(__name__)

STAGE_TEXT = {
    "load": "Loading…",
    "model": "Loading the language model…",
    "parse": "Analysing…",
    "summary": "Summarising…",
    "entities": "Finding entities…",
    "stance": "Finding who says what…",
}

SUMMARY_DELAY_MS = 200
SHUTDOWN_TIMEOUT_MS = 10_000
#: How long a job waits for the window to take in a result before its next stage.
HANDOVER_WAIT_S = 0.25


def stage_text(stage: str) -> str:
    return STAGE_TEXT.get(stage, f"{stage.capitalize()}…")


#: Set once an analysis of this process has brought its first result: until then
#: the language model is still being loaded (here or in the parse workers).
model_ready = threading.Event()


class _Relay(QObject):
    """Signals the jobs emit from worker threads; queued to the controller."""

    stage = Signal(int, str)
    document = Signal(int, object, object)  # ticket, Document, Event set once painted
    analysis = Signal(int, object, object)  # ticket, Analysis, Event set once painted
    summary = Signal(int, object)
    parts = Signal(int, int, int)  # ticket, parts of the parse done, all of them
    error = Signal(int, object)
    done = Signal(int)


class AfterRepaint(QObject):
    """Sets a job's flag once the window has repainted what the last result changed.

    A job waits for that flag before its next stage, so the window lays out and
    paints a new panel without competing for the GIL. The flag is set by an
    event posted at low priority: Qt posts its repaint requests at that
    priority too, and delivers events of one priority in order, so the
    repaints that a slot asked for come first.
    """

    _TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flags: deque[threading.Event] = deque()

    def set_later(self, flag: threading.Event) -> None:
        self._flags.append(flag)
        priority = Qt.EventPriority.LowEventPriority.value
        QCoreApplication.postEvent(self, QEvent(self._TYPE), priority)

    def event(self, event: QEvent) -> bool:
        if event.type() == self._TYPE:
            self._flags.popleft().set()
            return True
        return super().event(event)


class _OpenJob(QRunnable):
    """Load a file, then analyse it stage by stage, emitting each step."""

    def __init__(
        self,
        ticket: int,
        relay: _Relay,
        cancel: threading.Event,
        path: str,
        options: AnalysisOptions,
        document: Document | None = None,
        cache: AnalysisCache | None = None,
    ) -> None:
        super().__init__()
        self._ticket = ticket
        self._relay = relay
        self._cancel = cancel
        self._path = path
        self._options = options
        self._document = document
        self._cache = cache

    def run(self) -> None:
        ticket, relay, cancel = self._ticket, self._relay, self._cancel

        shown: threading.Event | None = None  # set once the window has painted the last result
        loading_said = False  # "Loading the language model…" is on the status bar

        def progress(stage: str) -> None:
            nonlocal loading_said
            # Before a stage's work, let the window take in and paint the previous
            # result (the document; each analysis is waited for where it is
            # emitted): its panels are then built without competing for the GIL.
            if shown is not None:
                shown.wait(HANDOVER_WAIT_S)
            if stage == "model" and reader.is_model_loaded():
                return
            if stage == "parse" and not model_ready.is_set():
                stage = "model"  # the first analysis: the model loads as it parses
            loading_said = stage == "model"
            relay.stage.emit(ticket, stage_text(stage))

        def parts(done: int, total: int) -> None:
            nonlocal loading_said
            model_ready.set()
            if loading_said:  # the first part is parsed: the model is there
                loading_said = False
                relay.stage.emit(ticket, stage_text("parse"))
            relay.parts.emit(ticket, done, total)

        try:
            document, unsaved = self._document, None
            if document is None:
                relay.stage.emit(ticket, stage_text("load"))
                document, unsaved = load_document_cached(self._path, self._cache)
                if cancel.is_set():
                    return
                shown = threading.Event()
                relay.document.emit(ticket, document, shown)
                # not even the cache lookup or the language check while the window lays
                # out the text: a book's took 40 ms of the GIL from it
                shown.wait(HANDOVER_WAIT_S)
            with reader.chunk_progress(parts):
                for analysis in analyze_cached(
                    document,
                    self._options,
                    self._cache,
                    document_key=unsaved,
                    progress=progress,
                    cancel=cancel,
                ):
                    if cancel.is_set():
                        return
                    model_ready.set()
                    shown = threading.Event()
                    relay.analysis.emit(ticket, analysis, shown)
                    # Waited for here, not in progress(): after the last result the
                    # generator goes on to store it, which competes for the GIL too.
                    shown.wait(HANDOVER_WAIT_S)
                    reader.settle_heap()  # a later collection does not walk it again
        except AnalysisCancelled:
            pass
        except Exception as error:
            if not isinstance(error, reader.ReaderError):
                log.exception("Opening %s failed", self._path)
            relay.error.emit(ticket, error)
        finally:
            relay.done.emit(ticket)


@dataclass(frozen=True)
class SummaryRequest:
    """A summary asked for: of ``document``, from its ``sentences``, with ``options``."""

    document: Document
    sentences: tuple[Sentence, ...]
    options: AnalysisOptions


class _SummaryJob(QRunnable):
    """Re-run only the summariser over sentences already found."""

    def __init__(self, ticket: int, relay: _Relay, request: SummaryRequest) -> None:
        super().__init__()
        self._ticket = ticket
        self._relay = relay
        self._request = request

    def run(self) -> None:
        request = self._request
        try:
            self._relay.stage.emit(self._ticket, stage_text("summary"))
            summary, note = run_stage(
                "summary",
                lambda: reader.resummarize(request.document, request.sentences, request.options),
            )
            if note is not None:
                self._relay.error.emit(self._ticket, reader.ReaderError(note.message))
            else:
                self._relay.summary.emit(self._ticket, summary)
        except Exception as error:
            self._relay.error.emit(self._ticket, error)
        finally:
            self._relay.done.emit(self._ticket)


class AnalysisController(QObject):
    """Runs the open/analyse and re-summarise jobs and forwards only current results.

    Complete analyses are kept in ``cache`` (by default in the user's cache
    folder; ``None`` turns caching off), so reopening a file is instant.

    Signals:
        documentLoaded(object): the ``Document`` just loaded (before any analysis).
        analysisUpdated(object): a partial, then the complete, ``Analysis``.
        summaryUpdated(object): a ``Summary`` from ``submit_summary``.
        stageChanged(str): a human progress message ("Summarising…").
        partsDone(int, int): a long document's parse: parts done, out of all.
        failed(str): a human message: the file could not be opened or analysed.
        finished(): no current work is left (done, failed or cancelled).
    """

    documentLoaded = Signal(object)
    analysisUpdated = Signal(object)
    summaryUpdated = Signal(object)
    stageChanged = Signal(str)
    partsDone = Signal(int, int)
    failed = Signal(str)
    finished = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_threads: int = 2,
        cache: AnalysisCache | Literal["user"] | None = "user",
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache = AnalysisCache() if cache == "user" else cache
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(max_threads)
        self._pool = pool
        #: The jobs' place in the pool's queue: the article being read goes first.
        self.priority = 0
        self._relay = _Relay()
        self._after_repaint = AfterRepaint(self)
        self._relay.stage.connect(self._on_stage)
        self._relay.document.connect(self._on_document)
        self._relay.analysis.connect(self._on_analysis)
        self._relay.summary.connect(self._on_summary)
        self._relay.parts.connect(self._on_parts)
        self._relay.error.connect(self._on_error)
        self._relay.done.connect(self._on_done)
        self._counter = 0
        self._open_ticket: int | None = None
        self._summary_ticket: int | None = None
        self._open_cancel = threading.Event()
        self._closed = False
        self._pending_summary: SummaryRequest | None = None
        self._debounce = QTimer(self)
        self._debounce.setObjectName("summaryDebounceTimer")
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SUMMARY_DELAY_MS)
        self._debounce.timeout.connect(self._start_summary)

    # -- public API -----------------------------------------------------------

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    @property
    def generation(self) -> int:
        return self._counter

    def is_busy(self) -> bool:
        return (
            self._open_ticket is not None
            or self._summary_ticket is not None
            or self._debounce.isActive()
        )

    def submit_open(self, path: str, options: AnalysisOptions | None = None) -> int:
        """Open ``path`` and analyse it; whatever ran before is dropped."""
        return self._start_open(str(path), options or AnalysisOptions(), None)

    def submit_analysis(self, document: Document, options: AnalysisOptions | None = None) -> int:
        """Analyse an already loaded document (no ``documentLoaded`` is emitted)."""
        return self._start_open(document.path, options or AnalysisOptions(), document)

    def submit_summary(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        options: AnalysisOptions,
        *,
        delay_ms: int = SUMMARY_DELAY_MS,
    ) -> None:
        """Re-summarise after ``delay_ms`` unless asked again before (debounce)."""
        if self._closed:
            return
        self._summary_ticket = None  # a summary in flight is outdated now
        self._pending_summary = SummaryRequest(document, tuple(sentences), options)
        self._debounce.start(max(0, delay_ms))

    def cancel(self) -> None:
        """Stop the current work; nothing it still produces will be forwarded."""
        was_busy = self.is_busy()
        self._open_cancel.set()
        self._open_ticket = None
        self._summary_ticket = None
        self._pending_summary = None
        self._debounce.stop()
        if was_busy:
            self.finished.emit()

    def sibling(self, parent: QObject | None = None) -> AnalysisController:
        """A controller for another article: the same thread pool and cache, its own work."""
        return AnalysisController(parent, cache=self.cache, pool=self._pool)

    def close(self) -> None:
        """Cancel for good (the article is closed): nothing is forwarded or started again.

        Jobs already running stop at their next check; the pool is not waited for.
        """
        self._closed = True
        self.cancel()

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Cancel, drop queued jobs and wait for running ones; True when all ended."""
        self.close()
        self._pool.clear()
        return self._pool.waitForDone(timeout_ms)

    # -- starting jobs --------------------------------------------------------

    def _next_ticket(self) -> int:
        self._counter += 1
        return self._counter

    def _start_open(self, path: str, options: AnalysisOptions, document: Document | None) -> int:
        if self._closed:
            return -1
        self._open_cancel.set()
        self._summary_ticket = None
        self._pending_summary = None
        self._debounce.stop()
        self._open_cancel = threading.Event()
        ticket = self._next_ticket()
        self._open_ticket = ticket
        job = _OpenJob(ticket, self._relay, self._open_cancel, path, options, document, self.cache)
        # Started on the next turn of the event loop, once the window has laid out and
        # painted its busy state: started at once, the job's first steps competed with
        # that for the GIL and froze the window for ~50 ms when a book was opened.
        QTimer.singleShot(0, self, lambda: self._start_job(ticket, job))
        return ticket

    def _start_job(self, ticket: int, job: QRunnable) -> None:
        if not self._closed and ticket == self._open_ticket:  # else superseded or cancelled
            self._pool.start(job, self.priority)

    @Slot()
    def _start_summary(self) -> None:
        if self._closed or self._pending_summary is None:
            return
        request, self._pending_summary = self._pending_summary, None
        ticket = self._next_ticket()
        self._summary_ticket = ticket
        self._pool.start(_SummaryJob(ticket, self._relay, request), self.priority)

    # -- results (GUI thread) -------------------------------------------------

    def _is_current(self, ticket: int) -> bool:
        return ticket in (self._open_ticket, self._summary_ticket)

    @Slot(int, str)
    def _on_stage(self, ticket: int, text: str) -> None:
        if self._is_current(ticket):
            self.stageChanged.emit(text)

    @Slot(int, object, object)
    def _on_document(self, ticket: int, document: object, shown: threading.Event) -> None:
        try:
            if ticket == self._open_ticket:
                # A summary asked for before this document arrived was for the old one.
                self._summary_ticket = None
                self._pending_summary = None
                self._debounce.stop()
                self.documentLoaded.emit(document)
        finally:
            self._after_repaint.set_later(shown)

    @Slot(int, object, object)
    def _on_analysis(self, ticket: int, analysis: object, shown: threading.Event) -> None:
        try:
            if ticket == self._open_ticket:
                self.analysisUpdated.emit(analysis)
        finally:
            self._after_repaint.set_later(shown)

    @Slot(int, object)
    def _on_summary(self, ticket: int, summary: object) -> None:
        if ticket == self._summary_ticket:
            self.summaryUpdated.emit(summary)

    @Slot(int, int, int)
    def _on_parts(self, ticket: int, done: int, total: int) -> None:
        if ticket == self._open_ticket:
            self.partsDone.emit(done, total)

    @Slot(int, object)
    def _on_error(self, ticket: int, error: object) -> None:
        if self._is_current(ticket):
            assert isinstance(error, BaseException)
            self.failed.emit(describe(error))

    @Slot(int)
    def _on_done(self, ticket: int) -> None:
        if ticket == self._open_ticket:
            self._open_ticket = None
        elif ticket == self._summary_ticket:
            self._summary_ticket = None
        else:
            return
        if not self.is_busy():
            self.finished.emit()
