"""Imported by the sentence workers' forkserver (``sentence_workers``) before it forks
them: spaCy imported and senter loaded once for all of them, with the worker's code.

Any failure is left for each worker to meet again and report when it loads the
model itself (the forkserver ignores only an ImportError in what it preloads).
"""

import contextlib

from .. import nlp
from . import worker  # noqa: F401  (what each forked worker runs)

with contextlib.suppress(Exception):
    nlp.load_model(nlp.SENTENCE_PIPES)
