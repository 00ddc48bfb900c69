"""What a loader had to guess or repair, collected for a person to be told.

A loader calls ``notice("...")`` wherever it reads something it is not sure of
(an undeclared encoding, a page too big to search for its article, PDF lines
that came out as random characters); ``load_document`` collects them into the
document's ``metadata["notice"]``, which the window shows in its message bar and
the command line prints as a ``warning:`` line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_notices: ContextVar[list[str] | None] = ContextVar("loader_notices", default=None)


@contextmanager
def collecting_notices() -> Iterator[list[str]]:
    """Collect the notices given while the block runs."""
    found: list[str] = []
    token = _notices.set(found)
    try:
        yield found
    finally:
        _notices.reset(token)


def notice(text: str) -> None:
    """Tell the person reading what had to be guessed or repaired (once per text)."""
    found = _notices.get()
    if found is not None and text not in found:
        found.append(text)
