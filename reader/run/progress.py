"""How far a long document's parse has come: parts done out of all, for a progress bar.

The parse reports each part (one phase of one chunk) as it comes back; whoever
runs an analysis listens in its own thread (``chunk_progress``), so no stage's
signature carries a callback and other threads' analyses are not heard.

A part counts by what its phase costs (``PHASE_COST``), so that the bar fills
about evenly in time: splitting a chunk into sentences is quick next to
tagging it, which a person waiting would otherwise see as a bar that races
through its first third and then crawls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

#: ``(done, total)``: parts of the parse done, out of all of them.
ChunkListener = Callable[[int, int], None]

#: A chunk's phases, by their rough relative cost on two workers (measured on
#: Moby-Dick's 102 chunks: sentences ~1.6 s, tags and names ~30 s, statements ~10 s).
PHASE_COST = {"sentences": 1, "entities": 20, "statements": 6}

_local = threading.local()


def weighted(done: Mapping[str, int]) -> int:
    """The cost of the parts ``done`` (chunks done, by phase)."""
    return sum(PHASE_COST[phase] * count for phase, count in done.items())


def phases_cost(phases: Iterable[str]) -> int:
    """What one chunk's ``phases`` cost."""
    return sum(PHASE_COST[phase] for phase in phases)


@contextmanager
def chunk_progress(listener: ChunkListener) -> Iterator[None]:
    """Call ``listener(done, total)`` as the parses run in this thread, within the block."""
    before = getattr(_local, "listener", None)
    _local.listener = listener
    try:
        yield
    finally:
        _local.listener = before


def report_parts(done: int, total: int) -> None:
    """A parse in this thread has ``done`` of its ``total`` parts (cheap when nobody listens)."""
    listener: ChunkListener | None = getattr(_local, "listener", None)
    if listener is not None and total > 0:
        listener(min(done, total), total)
