"""Workers of a summary's own, which split a long document into sentences and stop.

A summary needs sentence boundaries alone: senter, not the tagger, the
recogniser or the parser. A long document's are split on workers of its own
(``split_on_workers``) that load senter alone, unless the shared workers of
``parallel`` already run.

Where the system has it (Linux, macOS), the workers are forked from one server
process (multiprocessing's forkserver) that imported spaCy and loaded senter
once (``sentence_preload``), instead of being spawned each as a fresh
interpreter that does so itself: a second of CPU for each worker, on every core
at once, before the first sentence. Forked, they start in milliseconds and
share the model's memory. The server is started as soon as a long document is
expected (``warm_up_for``, from a file's size, before it is read), so that its
load overlaps this process's own start and the reading of the file; a wrong
guess costs the other core a second and the server's memory until the command
ends. Elsewhere (Windows, a bundled app) the workers are spawned.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from .sizing import MAX_WORKERS, guessed_words, usable_cores

if TYPE_CHECKING:
    from multiprocessing.context import ForkServerContext, SpawnContext

    from ..models import Document
    from .parallel import PooledParse

log = logging.getLogger(__name__)
#: Words a worker of its own must have to split into sentences for its start to
#: pay for itself (spawned: a second or so for Python, spaCy and senter); it also
#: leaves this process free to import the summariser meanwhile.
SENTENCE_WORKER_WORDS = 20_000
#: The module the forkserver imports before it forks a worker.
PRELOAD = "reader.run.sentence_preload"


def sentence_workers(words: int) -> int:
    """How many workers of their own should split a text of ``words`` words (0: none)."""
    if usable_cores() < 2:
        return 0
    return min(usable_cores(), MAX_WORKERS, words // SENTENCE_WORKER_WORDS)


def worker_context() -> SpawnContext | ForkServerContext:
    """How sentence workers start: forked from the preloaded server where there is one."""
    frozen = getattr(sys, "frozen", False)  # a bundled app starts its helpers by spawning
    if frozen or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    return context


def preloaded() -> bool:
    """Whether this process came from the server with senter loaded (a worker asks)."""
    return PRELOAD in sys.modules


def warm_up_for(paths: Sequence[str], stages: Collection[str]) -> bool:
    """Start the forkserver now if ``stages`` of ``paths`` will want sentence workers (a
    summary alone of one long file), and say whether they will. It loads senter in a
    process of its own, in about a second; nothing here waits for it.

    Light to import and to call, so that the command line calls it first thing.
    """
    if set(stages) != {"summary"} or len(paths) != 1:
        return False
    if not sentence_workers(guessed_words(paths)):
        return False
    if worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        try:
            forkserver.ensure_running()
        except Exception:  # only a head start: the workers will say what is wrong
            log.info("The sentence workers' server did not start", exc_info=True)
    return True


def split_on_workers(document: Document, processes: int) -> PooledParse:
    """``document``'s sentences split by ``processes`` workers of their own, which load
    senter alone and stop when the sentences are in (a summary needs nothing else).

    Raises ``PoolUnavailable`` when they cannot start.
    """
    from .. import nlp
    from .parallel import ParsePool  # not before it is needed: see ``warm_up_for``

    pool = ParsePool(processes, components=nlp.SENTENCE_PIPES, context=worker_context())
    try:
        parse = pool.submit(document, sentences_only=True)
    except BaseException:
        pool.shutdown()
        raise
    parse.owns_pool = True
    return parse
