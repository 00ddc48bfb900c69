"""A parse worker process: loads the model once, then runs the pool's work items.

Each worker splits the chunks dealt to it into sentences, tags them (tags and
entities) when asked, then parses their statements, keeping its docs in
between, and sends back each chunk as soon as a phase is done: sentence spans,
then a ``DocBin`` of tags and entities, then the parse as arrays. Calls (a
book's summary) run ahead of any parse work. See ``parallel`` for the pool.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import pickle
import queue
import signal
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .. import nlp
from ..errors import ModelMissing, ReaderError
from ..nlp.cues import cue_forms
from ..nlp.segment import sentence_spans
from .messages import STOP, Call, Drop, Ready, Reply, StartFailed, Work

if TYPE_CHECKING:
    from multiprocessing.queues import Queue

    from spacy.language import Language
    from spacy.tokens import Doc

DOC_ATTRS = ["TAG", "POS", "ENT_IOB", "ENT_TYPE", "SENT_START"]


def worker_main(
    packages: Sequence[str],
    inbox: Queue,
    outbox: Queue,
    components: Sequence[str] | None = None,
    niceness: int = 0,
) -> None:
    """A worker's life: load the model, then run jobs until told to stop.

    ``components`` limits the model to those (a worker that only splits
    sentences loads senter alone, and nothing for the later stages).
    ``niceness`` lowers its priority, so that the window's process gets a core
    as soon as it needs one (see ``parallel.WORKER_NICENESS``).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    if niceness:
        with contextlib.suppress(AttributeError, OSError):  # os.nice: Unix only
            os.nice(niceness)
    try:
        nlp.use_model_packages(packages)
        model = nlp.load_model(components)
        if components is None:
            if not nlp.supports_stages(model):
                raise ModelMissing("The language model lacks the components a staged parse uses.")
            nlp.tag_entities(nlp.split_sentences(["Warm up, said Ishmael."], model))
            cue_forms()
            importlib.import_module("reader.summary.summarize")  # books are summarised here
    except BaseException as error:  # report anything, then stop
        outbox.put(StartFailed(os.getpid(), f"{type(error).__name__}: {error}"))
        return
    outbox.put(Ready(os.getpid()))
    _Worker(inbox, outbox, model).serve()


class _Worker:
    """Runs the work items and calls of its inbox; reads the inbox between items.

    A ``Call`` runs ahead of any ``Work``; a ``Drop`` forgets a job's work, calls
    and docs; ``STOP`` ends the worker (see ``messages``).
    """

    def __init__(self, inbox: Queue, outbox: Queue, model: Language) -> None:
        self.model = model
        self.inbox = inbox
        self.outbox = outbox
        self.work: deque[Work] = deque()
        self.calls: deque[Call] = deque()
        self.docs: dict[tuple[int, int], list[Doc]] = {}
        self.stopping = False
        self.parent = multiprocessing.parent_process()

    def serve(self) -> None:
        while not self.stopping:
            self._read(block=not (self.work or self.calls))
            if self.stopping:
                return
            if self.calls:
                self._serve_call()
            elif self.work:
                work = self.work.popleft()
                try:
                    payload = self._do(work)
                except Exception as error:
                    reason = f"{type(error).__name__}: {error}"
                    self.outbox.put(Reply(work.job, "error", work.chunk, reason))
                else:
                    self.outbox.put(Reply(work.job, work.phase, work.chunk, payload))

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
            if message is STOP:
                self.stopping = True
                return
            if isinstance(message, Drop):
                self._drop(message.job)
            elif isinstance(message, Call):
                self.calls.append(message)
            else:
                self.work.append(message)
            block = False

    def _drop(self, job: int) -> None:
        self.work = deque(item for item in self.work if item.job != job)
        self.calls = deque(call for call in self.calls if call.job != job)
        for key in [key for key in self.docs if key[0] == job]:
            del self.docs[key]

    def _serve_call(self) -> None:
        call = self.calls.popleft()
        try:
            self.outbox.put(Reply(call.job, "result", 0, call.function(*call.args)))
        except Exception as error:
            self.outbox.put(Reply(call.job, "raised", 0, _picklable(error)))

    def _do(self, work: Work) -> Any:
        key = (work.job, work.chunk)
        if work.texts is not None:  # the sentences, or the tags of a chunk taken over
            self.docs[key] = nlp.split_sentences(work.texts, self.model)
        if work.phase == "sentences":
            return [sentence_spans(doc) for doc in self.docs[key]]
        if work.phase == "entities":
            nlp.tag_entities(self.docs[key])
            return _docs_to_bytes(self.docs[key])
        docs = self.docs.pop(key)
        nlp.parse_statements(docs)
        return _parse_arrays(docs)


def _picklable(error: Exception) -> Exception:
    """``error`` itself if it can travel back to the parent, else a stand-in."""
    try:
        pickle.dumps(error)
    except Exception:
        return ReaderError(f"{type(error).__name__}: {error}")
    return error


def _docs_to_bytes(docs: list[Doc]) -> bytes:
    from spacy.tokens import DocBin

    return DocBin(attrs=DOC_ATTRS, docs=docs).to_bytes()


def _parse_arrays(docs: list[Doc]) -> tuple[list[Any], list[str]]:
    """Each doc's (HEAD, DEP, LEMMA) array, and the strings those hashes stand for."""
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA

    arrays = [doc.to_array([HEAD, DEP, LEMMA]) for doc in docs]
    flat = [a[:, 1:].reshape(-1) for a in arrays] or [numpy.zeros(0, dtype="uint64")]
    hashes = numpy.unique(numpy.concatenate(flat))
    store = docs[0].vocab.strings if docs else None
    strings = [store[int(h)] for h in hashes.tolist() if h] if store is not None else []
    return arrays, strings
