"""How many worker processes a job is worth: the cores this process may use, and the
words of files not read yet (guessed from their size, to start workers early)."""

from __future__ import annotations

import os
from collections.abc import Sequence

#: Worker processes of one pool or batch, at most (each holds a model).
MAX_WORKERS = 4
#: Bytes of a file per word of its text, for a guess before it is read.
BYTES_PER_WORD = 6


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def guessed_words(paths: Sequence[str]) -> int:
    """About how many words ``paths`` hold, from their sizes (before they are read)."""
    size = 0
    for path in paths:
        try:
            size += os.path.getsize(path)
        except OSError:
            continue
    return size // BYTES_PER_WORD
