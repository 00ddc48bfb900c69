"""Worker processes that run the staged parse of long documents on every core.

spaCy holds the GIL for most of its work, so threads cannot share it out, and a
parse running in the window's process takes time from the window. Here each
worker process loads the model once and stays warm. A document is cut into
chunks of blocks (``nlp.chunk_blocks``), dealt out in turn; each worker runs
the three stages over its chunks (sentences, then tags and entities, then the
statement parse), keeping its docs in between, and sends back each chunk as
soon as a stage is done: sentence spans, then a ``DocBin`` of tags and
entities, then the parse as arrays. So sentences come first for the whole
document, then entities, then statements.

The pool starts on first use (spawn context), shuts down at exit or through
``shutdown()``, and is never relied upon: if the workers cannot start or stop,
``PoolUnavailable`` is raised and ``staged.FallbackParse`` parses in process.
Cancelling an analysis tells the workers to drop its remaining chunks.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import nlp
from .errors import AnalysisCancelled, ReaderError
from .models import Document, Sentence
from .nlp import ParsedBlock
from .segment import sentence_spans, sentences_from_spans
from .staged import check

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

PHASES = ("sentences", "entities", "statements")
MAX_WORKERS = 4
POLL_SECONDS = 0.05
START_TIMEOUT = 120.0  # seconds for the first worker to load the model
_DOC_ATTRS = ["TAG", "POS", "ENT_IOB", "ENT_TYPE", "SENT_START"]


class PoolUnavailable(ReaderError):
    """The worker processes cannot start or have stopped: parse in this process."""


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- the worker side


def _worker_main(packages: Sequence[str], inbox: Queue, outbox: Queue) -> None:
    """A worker's life: load the model, then run jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    try:
        nlp.use_model_packages(packages)
        model = nlp.load_model()
        if not nlp.supports_stages(model):
            raise nlp.ModelMissing("The language model lacks the components a staged parse uses.")
        nlp.tag_entities(nlp.split_sentences(["Warm up, said Ishmael."]))
        nlp.cue_forms()
    except BaseException as error:  # report anything, then stop
        outbox.put(("failed", os.getpid(), f"{type(error).__name__}: {error}"))
        return
    outbox.put(("ready", os.getpid(), ""))
    _Worker(inbox, outbox).serve()


class _Worker:
    """Runs the jobs of its inbox in order; between chunks it reads the inbox for
    cancellations and the stop signal (``None``)."""

    def __init__(self, inbox: Queue, outbox: Queue) -> None:
        self.inbox = inbox
        self.outbox = outbox
        self.pending: deque[tuple[int, list[tuple[int, list[str]]]]] = deque()
        self.calls: deque[tuple[int, Callable[..., Any], tuple[Any, ...]]] = deque()
        self.cancelled: set[int] = set()
        self.stopping = False
        self.parent = multiprocessing.parent_process()

    def serve(self) -> None:
        while not self.stopping:
            if self.calls:
                self._serve_calls()
                continue
            if not self.pending:
                self._read(block=True)
                continue
            job, chunks = self.pending.popleft()
            if job in self.cancelled:
                continue
            try:
                self._run(job, chunks)
            except Exception as error:
                self.outbox.put((job, "error", -1, f"{type(error).__name__}: {error}"))

    def _read(self, block: bool) -> None:
        while True:
            try:
                message = self.inbox.get(timeout=1.0) if block else self.inbox.get_nowait()
            except queue.Empty:
                if block and self.parent is not None and not self.parent.is_alive():
                    self.stopping = True  # the app died without shutting us down
                return
            except (EOFError, OSError):
                self.stopping = True
                return
            if message is None:
                self.stopping = True
            elif message[0] == "cancel":
                self.cancelled.add(message[1])
            elif message[0] == "call":
                self.calls.append((message[1], message[2], message[3]))
            else:
                self.pending.append((message[1], message[2]))
            block = False

    def _live(self, job: int) -> bool:
        self._read(block=False)
        self._serve_calls()
        return not self.stopping and job not in self.cancelled

    def _serve_calls(self) -> None:
        """Run the calls waiting, before any further chunk: someone waits for each."""
        while self.calls and not self.stopping:
            job, function, args = self.calls.popleft()
            if job in self.cancelled:
                self.cancelled.discard(job)
                continue
            try:
                self.outbox.put((job, "result", 0, function(*args)))
            except Exception as error:
                self.outbox.put((job, "raised", 0, _picklable(error)))

    def _run(self, job: int, chunks: list[tuple[int, list[str]]]) -> None:
        docs: dict[int, list[Doc]] = {}
        for chunk_id, texts in chunks:
            if not self._live(job):
                return
            docs[chunk_id] = nlp.split_sentences(texts)
            spans = [sentence_spans(doc) for doc in docs[chunk_id]]
            self.outbox.put((job, "sentences", chunk_id, spans))
        for chunk_id, chunk_docs in docs.items():
            if not self._live(job):
                return
            nlp.tag_entities(chunk_docs)
            self.outbox.put((job, "entities", chunk_id, _docs_to_bytes(chunk_docs)))
        for chunk_id, chunk_docs in docs.items():
            if not self._live(job):
                return
            nlp.parse_statements(chunk_docs)
            self.outbox.put((job, "statements", chunk_id, _parse_arrays(chunk_docs)))
        self.cancelled.discard(job)


def _picklable(error: Exception) -> Exception:
    """``error`` itself if it can travel back to the parent, else a stand-in."""
    try:
        pickle.dumps(error)
    except Exception:
        return ReaderError(f"{type(error).__name__}: {error}")
    return error


def _docs_to_bytes(docs: list[Doc]) -> bytes:
    from spacy.tokens import DocBin

    return DocBin(attrs=_DOC_ATTRS, docs=docs).to_bytes()


def _docs_from_bytes(data: bytes, vocab: Vocab) -> list[Doc]:
    from spacy.tokens import DocBin

    return list(DocBin().from_bytes(data).get_docs(vocab))


def _parse_arrays(docs: list[Doc]) -> tuple[list[Any], list[str]]:
    """Each doc's (HEAD, DEP, LEMMA) array, and the strings those hashes stand for."""
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA

    arrays = [doc.to_array([HEAD, DEP, LEMMA]) for doc in docs]
    hashes = numpy.unique(numpy.concatenate([a[:, 1:].reshape(-1) for a in arrays] or [[]]))
    store = docs[0].vocab.strings if docs else None
    strings = [store[int(h)] for h in hashes.tolist() if h] if store is not None else []
    return arrays, strings


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


class ParsePool:
    """Worker processes, each with the model loaded, and the jobs running on them."""

    def __init__(self, processes: int = 2, packages: Sequence[str] | None = None) -> None:
        self.processes = max(1, processes)
        self.packages = tuple(packages if packages is not None else nlp.MODEL_PACKAGES)
        self._lock = threading.RLock()  # pool state; only one thread reads the outbox
        self._procs: list[BaseProcess] = []
        self._inboxes: list[Queue] = []
        self._outbox: Queue | None = None
        self._ids = itertools.count(1)
        self._mail: dict[int, list[tuple[str, int, Any]]] = {}
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
                ctx = multiprocessing.get_context("spawn")
                self._outbox = ctx.Queue()
                for index in range(self.processes):
                    inbox = ctx.Queue()
                    process = ctx.Process(
                        target=_worker_main,
                        args=(self.packages, inbox, self._outbox),
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

    def submit(self, document: Document) -> PooledParse:
        """Start parsing ``document`` on the workers; read the stages from the result."""
        self.start()
        return PooledParse(self, document)

    def call(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        cancel: threading.Event | None = None,
    ) -> Any:
        """``function(*args)`` on a worker, ahead of its parse chunks, and its result.

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
            self._inboxes[job % len(self._inboxes)].put(("call", job, function, args))
        answered = False
        try:
            while True:
                check(cancel)
                for kind, _, payload in self._receive(job):
                    if kind == "result":
                        answered = True
                        return payload
                    if kind == "raised":
                        answered = True
                        raise payload
                    raise PoolUnavailable(f"a parse worker failed: {payload}")
        finally:
            self._finish(job, complete=answered)

    # --- used by PooledParse ---------------------------------------------------------

    def _send(self, chunks: list[tuple[int, list[str]]]) -> int:
        with self._lock:
            if self.broken is not None:
                raise PoolUnavailable(self.broken)
            job = next(self._ids)
            self._mail[job] = []
            shares: list[list[tuple[int, list[str]]]] = [[] for _ in self._procs]
            for position, chunk in enumerate(chunks):
                shares[position % len(shares)].append(chunk)
            for inbox, share in zip(self._inboxes, shares, strict=True):
                if share:
                    inbox.put(("job", job, share))
            return job

    def _receive(self, job: int) -> list[tuple[str, int, Any]]:
        """The messages for ``job`` so far, waiting up to ``POLL_SECONDS`` for one."""
        with self._lock:
            mail = self._mail.get(job)
            if mail is None:
                raise AnalysisCancelled("The analysis was cancelled.")
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

    def _dispatch(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            self._ready.add(message[1])
        elif kind == "failed":
            self._fail(f"a parse worker could not start: {message[2]}")
        else:
            job, phase, chunk, payload = message
            mail = self._mail.get(job)
            if mail is not None:
                mail.append((phase, chunk, payload))

    def _check_health(self) -> None:
        if any(not p.is_alive() for p in self._procs):
            self._fail("a parse worker stopped")
        elif not self._ready and time.monotonic() - self._started_at > START_TIMEOUT:
            self._fail("the parse workers took too long to start")

    def _finish(self, job: int, complete: bool) -> None:
        """Forget ``job``; unless it is complete, its workers drop what is left of it."""
        with self._lock:
            self._mail.pop(job, None)
            for inbox in [] if complete else self._inboxes:
                with contextlib.suppress(OSError, ValueError):
                    inbox.put(("cancel", job))

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
            if self.broken is None:
                self.broken = "the parse workers were shut down"
        for inbox in inboxes:
            with contextlib.suppress(OSError, ValueError):
                inbox.put(None)
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


class PooledParse:
    """One document's staged parse on a ``ParsePool`` (see ``staged.StagedParse``)."""

    def __init__(self, pool: ParsePool, document: Document) -> None:
        self.pool = pool
        self.document = document
        self.chunks = nlp.chunk_blocks(document)
        text, blocks = document.text, document.blocks
        self._job = pool._send(
            [
                (chunk_id, [text[blocks[i].start : blocks[i].end] for i in chunk])
                for chunk_id, chunk in enumerate(self.chunks)
            ]
        )
        self._done = {phase: 0 for phase in PHASES}
        self._spans: dict[int, list[list[tuple[int, int]]]] = {}
        self._docs: dict[int, list[Doc]] = {}
        self._closed = False

    def _wait(self, phase: str, cancel: threading.Event | None) -> None:
        while self._done[phase] < len(self.chunks):
            if cancel is not None and cancel.is_set():
                self.close()
            check(cancel)
            if self._closed:
                raise AnalysisCancelled("The analysis was cancelled.")
            for kind, chunk, payload in self.pool._receive(self._job):
                if kind == "error":
                    raise PoolUnavailable(f"a parse worker failed: {payload}")
                if kind == "sentences":
                    self._spans[chunk] = payload
                elif kind == "entities":
                    self._docs[chunk] = _docs_from_bytes(payload, _vocab())
                else:
                    _apply_parse(self._docs[chunk], payload, _vocab())
                self._done[kind] += 1
        if phase == "statements":
            self.close()

    def _blocks(self) -> list[ParsedBlock]:
        blocks = self.document.blocks
        return [
            ParsedBlock(index, blocks[index].start, doc)
            for chunk_id, chunk in enumerate(self.chunks)
            for index, doc in zip(chunk, self._docs[chunk_id], strict=True)
        ]

    def sentences(self, cancel: threading.Event | None) -> tuple[Sentence, ...]:
        self._wait("sentences", cancel)
        blocks = self.document.blocks
        return sentences_from_spans(
            (index, blocks[index].start, spans)
            for chunk_id, chunk in enumerate(self.chunks)
            for index, spans in zip(chunk, self._spans[chunk_id], strict=True)
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
            complete = self._done["statements"] == len(self.chunks)
            self.pool._finish(self._job, complete)


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
            pool = ParsePool(min(usable_cores(), MAX_WORKERS))
            if not _atexit_registered:
                atexit.register(shutdown)
                _atexit_registered = True
            try:
                pool.start()
            except PoolUnavailable:
                _pool_failed = True
                return None
            _pool = pool
        return _pool


def shutdown() -> None:
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
