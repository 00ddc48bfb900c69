"""Worker processes that run the staged parse of long documents on every core.

spaCy holds the GIL for most of its work, so threads cannot share it out, and a
parse running in the window's process takes time from the window. Here each
worker process loads the model once and stays warm. A document is cut into
chunks of blocks (``nlp.chunk_pieces``), dealt out in turn; each worker splits
its chunks into sentences, then tags them (tags and entities) a few at a time
as the pool asks, then parses their statements, keeping its docs in between,
and sends back each chunk as soon as a phase is done: sentence spans, then a
``DocBin`` of tags and entities, then the parse as arrays. So sentences come
first for the whole document, then entities, then statements. The tagging,
nine tenths of the work, is balanced: a worker that runs out of its own
chunks takes over another's (``_Schedule``).

The pool starts on first use (its processes spawned; a summary's own sentence
workers are forked from a server that loaded senter, see ``sentence_workers``),
shuts down at exit or through ``stop_workers()``, and is never relied upon: if
the workers cannot start or stop, ``PoolUnavailable`` is raised and
``staged.FallbackParse`` parses in process. Cancelling an analysis tells the
workers to drop its remaining chunks.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import multiprocessing
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .. import nlp
from ..errors import AnalysisCancelled, ReaderError, check_cancelled
from ..models import Document, Sentence
from ..nlp import ParsedBlock
from ..nlp.segment import sentences_from_spans
from .messages import STOP, Call, Drop, FromWorker, Ready, Reply, StartFailed, Work
from .progress import phases_cost, report_parts, weighted
from .sizing import MAX_WORKERS, usable_cores
from .worker import worker_main

if TYPE_CHECKING:
    from multiprocessing.context import ForkServerContext, SpawnContext
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

PHASES = ("sentences", "entities", "statements")
POLL_SECONDS = 0.05
START_TIMEOUT = 120.0  # seconds for the first worker to load the model
#: Chunks each worker has been asked to tag ahead of what it has sent back.
TAG_AHEAD = 3
#: How much lower the shared workers run than the window (Unix ``nice``). On a busy
#: machine (or one with fewer cores than processes wanting them) the window's
#: process then gets a core as soon as it wakes, instead of waiting its turn
#: behind the workers: its GUI thread's stalls came from that wait, not the GIL.
WORKER_NICENESS = 10


class PoolUnavailable(ReaderError):
    """The worker processes cannot start or have stopped: parse in this process."""


def _docs_from_bytes(data: bytes, vocab: Vocab) -> list[Doc]:
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(vocab))


def _apply_parse(docs: list[Doc], payload: tuple[list[Any], list[str]], vocab: Vocab) -> None:
    from spacy.attrs import DEP, HEAD, LEMMA

    arrays, strings = payload
    for string in strings:
        vocab.strings.add(string)
    for doc, values in zip(docs, arrays, strict=True):
        if len(doc):
            doc.from_array([HEAD, DEP, LEMMA], values)


_vocab_lock = threading.Lock()
_blank_vocab: Vocab | None = None


def _vocab() -> Vocab:
    """A vocabulary for the docs that come back: the model's, or a blank English one
    (loading the model here would only compete with the workers)."""
    global _blank_vocab
    if nlp.is_model_loaded():
        return nlp.load_model().vocab
    with _vocab_lock:
        if _blank_vocab is None:
            import spacy

            _blank_vocab = spacy.blank("en").vocab
            nlp.settle_heap()
        return _blank_vocab


# --------------------------------------------------------------------------- the pool


class _Schedule:
    """Which worker holds which chunk of one parse, and which chunks are still to tag.

    Each worker splits the chunks dealt to it (in turn) and tags them when
    asked; a worker that has tagged all of its own takes over the last
    untagged chunk of the worker with the most left (splitting it again is
    cheap). So a worker kept busy by a call, or a slower one, holds fewer
    chunks in the end, and the workers finish within a chunk or so of each
    other (only chunks not yet asked for move). A chunk's statements are
    parsed by the worker that tagged it, which keeps its docs.
    """

    def __init__(self, job: int, texts: list[list[str]], workers: int) -> None:
        self.job = job
        self.texts = texts
        self.owner = [chunk % workers for chunk in range(len(texts))]
        self._untagged = [deque(range(w, len(texts), workers)) for w in range(workers)]

    def next_to_tag(self, worker: int) -> tuple[int, list[str] | None] | None:
        """The chunk ``worker`` tags next, with its texts if it has not split it."""
        if self._untagged[worker]:
            return self._untagged[worker].popleft(), None
        busiest = max(self._untagged, key=len)
        if not busiest:
            return None
        chunk = busiest.pop()
        self.owner[chunk] = worker
        return chunk, self.texts[chunk]

    def all_asked(self) -> bool:
        return not any(self._untagged)


class ParsePool:
    """Worker processes, each with the model loaded, and the jobs running on them."""

    def __init__(
        self,
        processes: int = 2,
        packages: Sequence[str] | None = None,
        components: Sequence[str] | None = None,
        niceness: int = 0,
        context: SpawnContext | ForkServerContext | None = None,
    ) -> None:
        self.processes = max(1, processes)
        #: How the workers start: spawned by default (a fresh interpreter each).
        self.context = context if context is not None else multiprocessing.get_context("spawn")
        self.niceness = niceness
        self.packages = tuple(packages if packages is not None else nlp.MODEL_PACKAGES)
        #: The model's components in each worker (None: all, for every phase).
        self.components = tuple(components) if components is not None else None
        self._lock = threading.RLock()  # pool state; only one thread reads the outbox
        self._procs: list[BaseProcess] = []
        self._inboxes: list[Queue] = []
        self._outbox: Queue | None = None
        self._ids = itertools.count(1)
        self._mail: dict[int, list[Reply]] = {}
        self._schedules: dict[int, _Schedule] = {}
        self._ready: set[int] = set()
        self._started_at = 0.0
        self.broken: str | None = None

    @property
    def running(self) -> bool:
        return bool(self._procs) and self.broken is None

    def pids(self) -> list[int]:
        return [p.pid for p in self._procs if p.pid is not None]

    def start(self) -> None:
        """Start the workers (they load the model in the background)."""
        with self._lock:
            if self.broken is not None:
                raise PoolUnavailable(self.broken)
            if self._procs:
                return
            try:
                ctx = self.context
                self._outbox = ctx.Queue()
                for index in range(self.processes):
                    inbox = ctx.Queue()
                    process = ctx.Process(
                        target=worker_main,
                        args=(
                            self.packages,
                            inbox,
                            self._outbox,
                            self.components,
                            self.niceness,
                        ),
                        name=f"article-reader-parse-{index}",
                        daemon=True,
                    )
                    process.start()
                    self._inboxes.append(inbox)
                    self._procs.append(process)
            except Exception as error:
                self._fail(f"the parse workers could not start ({error})")
                raise PoolUnavailable(self.broken or "") from error
            self._started_at = time.monotonic()

    def submit(self, document: Document, sentences_only: bool = False) -> PooledParse:
        """Start parsing ``document`` on the workers; read the stages from the result.

        ``sentences_only`` asks for the sentences alone (nothing is tagged).
        """
        self.start()
        return PooledParse(self, document, sentences_only)

    def call(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        cancel: threading.Event | None = None,
        worker: int | None = None,
    ) -> Any:
        """``function(*args)`` on a worker, ahead of its parse chunks, and its result.

        ``worker`` picks the worker (modulo their number), so that calls made
        at once from several threads spread over all of them.

        For heavy pure steps that would hold the GIL of this process (SciPy on
        a book's sentences). ``function`` must be importable by the workers;
        its exceptions are raised here. Raises ``PoolUnavailable`` when the
        workers fail and ``AnalysisCancelled`` when ``cancel`` is set.
        """
        self.start()
        with self._lock:
            if self.broken is not None or not self._inboxes:
                raise PoolUnavailable(self.broken or "the parse workers are not running")
            job = next(self._ids)
            self._mail[job] = []
            inbox = self._inboxes[(job if worker is None else worker) % len(self._inboxes)]
            inbox.put(Call(job, function, args))
        try:
            while True:
                check_cancelled(cancel)
                for _, kind, _, payload in self._receive(job):
                    if kind == "result":
                        return payload
                    if kind == "raised":
                        raise payload
                    raise PoolUnavailable(f"a parse worker failed: {payload}")
        finally:
            self._finish(job)

    # --- used by PooledParse ---------------------------------------------------------

    def _start_parse(self, texts: list[list[str]], sentences_only: bool = False) -> _Schedule:
        """Send out the chunks' sentences, and the first chunks to tag to each worker."""
        with self._lock:
            if self.broken is not None:
                raise PoolUnavailable(self.broken)
            job = next(self._ids)
            self._mail[job] = []
            schedule = _Schedule(job, texts, len(self._inboxes))
            self._schedules[job] = schedule
            for chunk, chunk_texts in enumerate(texts):
                self._inboxes[schedule.owner[chunk]].put(Work(job, "sentences", chunk, chunk_texts))
            if sentences_only:
                return schedule
            for _ in range(TAG_AHEAD):
                for worker in range(len(self._inboxes)):
                    self._ask_to_tag(schedule, worker)
            return schedule

    def _ask_to_tag(self, schedule: _Schedule, worker: int) -> None:
        """Give ``worker`` its next chunk to tag; after the last one, every statement parse."""
        item = schedule.next_to_tag(worker)
        if item is None:
            return
        chunk, texts = item
        self._inboxes[worker].put(Work(schedule.job, "entities", chunk, texts))
        if schedule.all_asked():
            for chunk, owner in enumerate(schedule.owner):
                self._inboxes[owner].put(Work(schedule.job, "statements", chunk, None))

    def _receive(self, job: int) -> list[Reply]:
        """The messages for ``job`` so far, waiting up to ``POLL_SECONDS`` for one."""
        with self._lock:
            if self.broken is not None:  # before the mail: a failure clears every job's
                raise PoolUnavailable(self.broken)
            mail = self._mail.get(job)
            if mail is None:
                raise AnalysisCancelled()
            if not mail:
                self._pump()
            if self.broken is not None or self._outbox is None:
                raise PoolUnavailable(self.broken)
            found = list(mail)
            mail.clear()
            return found

    def _pump(self) -> None:
        if self._outbox is None:
            return
        try:
            message = self._outbox.get(timeout=POLL_SECONDS)
        except queue.Empty:
            self._check_health()
            return
        except (EOFError, OSError) as error:
            self._fail(f"the parse workers stopped ({error})")
            return
        while True:
            self._dispatch(message)
            if self._outbox is None:  # a worker failed and the pool shut down
                return
            try:
                message = self._outbox.get_nowait()
            except queue.Empty:
                return
            except (EOFError, OSError) as error:
                self._fail(f"the parse workers stopped ({error})")
                return

    def _dispatch(self, message: FromWorker) -> None:
        if isinstance(message, Ready):
            self._ready.add(message.pid)
        elif isinstance(message, StartFailed):
            self._fail(f"a parse worker could not start: {message.reason}")
        else:
            mail = self._mail.get(message.job)
            if mail is not None:
                mail.append(message)
            schedule = self._schedules.get(message.job)
            if schedule is not None and message.kind == "entities":
                self._ask_to_tag(schedule, schedule.owner[message.chunk])

    def _check_health(self) -> None:
        if any(not p.is_alive() for p in self._procs):
            self._fail("a parse worker stopped")
        elif not self._ready and time.monotonic() - self._started_at > START_TIMEOUT:
            self._fail("the parse workers took too long to start")

    def _finish(self, job: int) -> None:
        """Forget ``job``; the workers drop whatever is left of it."""
        with self._lock:
            self._mail.pop(job, None)
            self._schedules.pop(job, None)
            for inbox in self._inboxes:
                with contextlib.suppress(OSError, ValueError):
                    inbox.put(Drop(job))

    def _fail(self, reason: str) -> None:
        with self._lock:
            if self.broken is None:
                self.broken = reason
        self.shutdown()

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the workers and wait for them (no process is left behind)."""
        with self._lock:
            procs, inboxes, outbox = self._procs, self._inboxes, self._outbox
            self._procs, self._inboxes, self._outbox = [], [], None
            self._mail.clear()
            self._schedules.clear()
            if self.broken is None:
                self.broken = "the parse workers were shut down"
        for inbox in inboxes:
            with contextlib.suppress(OSError, ValueError):
                inbox.put(STOP)
        deadline = time.monotonic() + timeout
        for process in procs:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in procs:
            if process.is_alive():
                process.terminate()
                process.join(1.0)
            if process.is_alive():
                process.kill()
                process.join()
            process.close()
        for q in [*inboxes, *([outbox] if outbox is not None else [])]:
            q.cancel_join_thread()
            q.close()


#: Told the (start, end) of sentences as the workers send them in, before all are in:
#: the process waiting for them can start on them meanwhile (``pipeline``).
Arriving = Callable[[Sequence[tuple[int, int]]], None]


class PooledParse:
    """One document's staged parse on a ``ParsePool`` (see ``staged.StagedParse``)."""

    def __init__(self, pool: ParsePool, document: Document, sentences_only: bool = False) -> None:
        self.pool = pool
        self.document = document
        self.sentences_only = sentences_only
        self.chunks = nlp.chunk_pieces(document)
        self.schedule = pool._start_parse(
            [nlp.piece_texts(document, chunk) for chunk in self.chunks], sentences_only
        )
        self._job = self.schedule.job
        self._done = {phase: 0 for phase in PHASES}
        self._parts = len(self.chunks) * phases_cost(PHASES[:1] if sentences_only else PHASES)
        self._spans: dict[int, list[list[tuple[int, int]]]] = {}
        self._docs: dict[int, list[Doc]] = {}
        self._closed = False
        self._arriving: Arriving | None = None

    def _wait(self, phase: str, cancel: threading.Event | None) -> None:
        if self.sentences_only and phase != "sentences":
            raise PoolUnavailable("this parse splits sentences only")  # parse in process
        while self._done[phase] < len(self.chunks):
            if cancel is not None and cancel.is_set():
                self.close()
            check_cancelled(cancel)
            if self._closed:
                raise AnalysisCancelled()
            for _, kind, chunk, payload in self.pool._receive(self._job):
                if kind == "error":
                    raise PoolUnavailable(f"a parse worker failed: {payload}")
                if kind == "sentences":
                    self._spans[chunk] = payload
                    if self._arriving is not None:
                        self._arriving(
                            [
                                (start + a, start + b)
                                for (_, start, _), spans in zip(
                                    self.chunks[chunk], payload, strict=True
                                )
                                for a, b in spans
                            ]
                        )
                elif kind == "entities":
                    self._docs[chunk] = _docs_from_bytes(payload, _vocab())
                else:
                    _apply_parse(self._docs[chunk], payload, _vocab())
                self._done[kind] += 1
                report_parts(weighted(self._done), self._parts)
        if phase == "statements" or self.sentences_only:
            self.close()

    def load_model(self) -> None:
        """The workers load the model; this process needs none."""

    def _blocks(self) -> list[ParsedBlock]:
        return [
            ParsedBlock(index, start, doc)
            for chunk_id, chunk in enumerate(self.chunks)
            for (index, start, _), doc in zip(chunk, self._docs[chunk_id], strict=True)
        ]

    def sentences(
        self, cancel: threading.Event | None, arriving: Arriving | None = None
    ) -> tuple[Sentence, ...]:
        self._arriving = arriving
        try:
            self._wait("sentences", cancel)
        finally:
            self._arriving = None
        return sentences_from_spans(
            (index, start, spans)
            for chunk_id, chunk in enumerate(self.chunks)
            for (index, start, _), spans in zip(chunk, self._spans[chunk_id], strict=True)
        )

    def entity_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        self._wait("entities", cancel)
        return self._blocks()

    def statement_blocks(self, cancel: threading.Event | None) -> list[ParsedBlock]:
        self._wait("statements", cancel)
        return self._blocks()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.pool._finish(self._job)
        if self.owns_pool:
            self.pool.shutdown()

    owns_pool = False  # a pool started for this parse alone stops with it


# --------------------------------------------------------------------------- the shared pool

_pool_lock = threading.Lock()
_pool: ParsePool | None = None
_pool_failed = False
_atexit_registered = False


def get_pool() -> ParsePool | None:
    """The app's pool, started on first use; None on one core or if it cannot start."""
    global _pool, _pool_failed, _atexit_registered
    with _pool_lock:
        if _pool is not None and _pool.broken is not None:
            _pool, _pool_failed = None, True  # it failed once: parse in process from now on
        if _pool is None and not _pool_failed and usable_cores() >= 2:
            pool = ParsePool(min(usable_cores(), MAX_WORKERS), niceness=WORKER_NICENESS)
            if not _atexit_registered:
                atexit.register(stop_workers)
                _atexit_registered = True
            try:
                pool.start()
            except PoolUnavailable:
                _pool_failed = True
                return None
            _pool = pool
        return _pool


def stop_workers() -> None:
    """Stop the shared pool's workers (at exit, or when the app closes)."""
    global _pool, _pool_failed
    with _pool_lock:
        pool, _pool = _pool, None
        _pool_failed = False
    if pool is not None:
        pool.shutdown()


def running_pool() -> ParsePool | None:
    """The app's pool if it is already running (never starts it)."""
    with _pool_lock:
        return _pool if _pool is not None and _pool.running else None
