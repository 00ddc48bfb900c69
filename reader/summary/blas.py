"""One BLAS thread for the summarisers' dense products.

Their matrices are small (an article's or a book section's sentences, LSA's SVD),
and OpenBLAS's default pool of a thread per core only costs there: its threads
spin after each call, so a book's summary from the command line, 140 small
summaries, took a second more CPU time with two of them, and on a busy machine
a 0.2 s SVD took seconds. The thread count also changes the rounding of a
product, hence the order of sentences that tie: one thread, the same order.
"""

from __future__ import annotations

import functools
from contextlib import AbstractContextManager

from threadpoolctl import ThreadpoolController


def one_blas_thread() -> AbstractContextManager[object]:
    """A context in which NumPy's BLAS runs on one thread (12 µs to enter and leave)."""
    return _controller().limit(limits=1, user_api="blas")


@functools.cache
def _controller() -> ThreadpoolController:
    """The BLAS libraries loaded by now (NumPy's), found once: a search costs milliseconds."""
    return ThreadpoolController()
