"""Many files at once: read and analysed on worker processes, one per core, in order.

The command line gives ``analyze_files`` its files and the stages it prints.
Each file is read and analysed by ``read_and_analyze``, the same function
whether it runs here or on a worker, so a batch gives what one file at a time
gives. Workers start only when the batch pays for their start (a second or
two each: Python, spaCy, the model; ``BATCH_MIN_WORDS``), one per core, and
load only the model parts the stages use: a summary needs the sentences alone
(``nlp.SENTENCE_COMPONENTS``). Results come back in the order the files were
given; no more than ``AHEAD`` files per worker are in flight, so memory stays
bounded however long the batch, and a worker is replaced after
``TASKS_PER_WORKER`` files (spaCy's vocabulary grows with every new word).
A file that fails is one result with one line of error; if a worker dies,
the files it had not finished are read here.
"""

from __future__ import annotations

import logging
import signal
from collections import deque
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import nlp
from ..errors import ReaderError
from ..loaders import load_document
from ..models import Analysis, AnalysisOptions, Document
from .offload import prepare_summary
from .pipeline import analyze
from .sentence_workers import warm_up_for
from .sizing import MAX_WORKERS, guessed_words, usable_cores
from .staged import Mode
from .stages import STAGES

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

INTERNAL_ERROR = (
    "the file could not be read because of an internal error in Article Reader "
    "(the other files are not affected)."
)
#: Files a batch must hold, in words (guessed from their size), for workers to pay.
BATCH_MIN_WORDS = 20_000
#: Files handed to each worker ahead of the one being printed.
AHEAD = 2
TASKS_PER_WORKER = 500

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileResult:
    """One file of a batch: its document and analysis, or the one-line reason it failed."""

    path: str
    document: Document | None = None
    analysis: Analysis | None = None
    error: str | None = None

    @property
    def notice(self) -> str | None:
        """What the loader said about the file (repaired, cut short...), if anything."""
        return self.document.metadata.get("notice") if self.document is not None else None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What to warn about, each once: the loader's notice, then the stages' notes."""
        messages = [self.notice] if self.notice else []
        if self.analysis is not None:
            messages += [note.message for note in self.analysis.notes]
        return tuple(dict.fromkeys(messages))


#: A last step on each file's analysis, where it was analysed (it must be picklable:
#: a module's function).
Then = Callable[[Document, Analysis], Analysis]


def read_and_analyze(
    path: str,
    options: AnalysisOptions,
    stages: Collection[str],
    mode: Mode = "auto",
    then: Then | None = None,
) -> FileResult:
    """``path`` read and analysed (``stages`` only), or why it could not be."""
    try:
        document = load_document(path)
        analysis = analyze(document, options, stages=stages, mode=mode)
        if then is not None:
            analysis = then(document, analysis)
    except ReaderError as error:
        return FileResult(path, error=str(error))
    except Exception:  # a bug must not stop the other files
        log.info("Reading %s failed", path, exc_info=True)
        return FileResult(path, error=INTERNAL_ERROR)
    return FileResult(path, document, analysis)


def model_components(stages: Collection[str]) -> tuple[str, ...] | None:
    """The model components ``stages`` run (None: all of them)."""
    return nlp.SENTENCE_COMPONENTS if set(stages) <= {"summary"} else None


def batch_workers(paths: Sequence[str]) -> int:
    """How many workers ``paths`` are worth: one per core, none for a small batch."""
    cores = min(usable_cores(), MAX_WORKERS)
    if cores < 2 or len(paths) < 2:
        return 0
    return min(cores, len(paths)) if guessed_words(paths) >= BATCH_MIN_WORDS else 0


def analyze_files(
    paths: Sequence[str],
    options: AnalysisOptions | None = None,
    stages: Collection[str] = STAGES,
    *,
    workers: int | None = None,
    then: Then | None = None,
) -> Iterator[FileResult]:
    """Each file read and analysed, in the order given (see the module docstring).

    ``workers`` forces their number (0: all here); by default ``batch_workers``.
    ``then`` is applied to each analysis where it was made.
    """
    options = options or AnalysisOptions()
    stages = tuple(stages)
    count = batch_workers(paths) if workers is None else workers
    if count < 1:
        if warm_up_for(paths, stages):
            prepare_summary()  # while the sentence workers' server loads senter
        for path in paths:
            yield read_and_analyze(path, options, stages, then=then)
        return
    yield from _on_workers(list(paths), options, stages, count, then)


def _on_workers(
    paths: list[str],
    options: AnalysisOptions,
    stages: tuple[str, ...],
    count: int,
    then: Then | None,
) -> Iterator[FileResult]:
    import multiprocessing

    executor = ProcessPoolExecutor(
        count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(nlp.MODEL_PACKAGES, model_components(stages), "summary" in stages),
        max_tasks_per_child=TASKS_PER_WORKER,
    )
    pending: deque[tuple[str, Future[FileResult] | None]] = deque()
    upcoming = iter(paths)
    broken = False
    finished = False
    try:
        while True:
            while not broken and len(pending) < count * AHEAD:
                path = next(upcoming, None)
                if path is None:
                    break
                try:
                    future = executor.submit(read_and_analyze, path, options, stages, "local", then)
                except BrokenProcessPool:
                    broken, future = True, None
                pending.append((path, future))
            if broken:  # the rest is read here
                pending.extend((path, None) for path in upcoming)
            if not pending:
                break
            path, future = pending.popleft()
            yield _result(path, future, options, stages, then)
            if future is not None and future.exception() is not None:
                broken = True
        finished = True
    finally:
        # interrupted, or the output closed: no file is worth finishing
        processes = [] if finished else _processes(executor)
        executor.shutdown(wait=finished, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(2.0)


def _result(
    path: str,
    future: Future[FileResult] | None,
    options: AnalysisOptions,
    stages: tuple[str, ...],
    then: Then | None,
) -> FileResult:
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            log.info("A batch worker stopped; reading %s here", path)
    return read_and_analyze(path, options, stages, then=then)


def _start_worker(
    packages: Sequence[str], components: tuple[str, ...] | None, summary: bool
) -> None:
    """A batch worker's start: the model parts the stages need, and the summariser."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    nlp.use_model_packages(packages)
    nlp.load_model(components)
    if summary:
        prepare_summary()


def _processes(executor: ProcessPoolExecutor) -> list[BaseProcess]:
    """The executor's worker processes, to end them now rather than let them finish
    their work in hand (what ``shutdown`` does; Python 3.14 has ``terminate_workers``)."""
    processes = getattr(executor, "_processes", None) or {}
    return [p for p in processes.values() if p.is_alive()]
