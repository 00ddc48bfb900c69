"""What the parse pool and its worker processes say to each other: small named types.

To a worker (its inbox): ``Work`` (one phase of one chunk), ``Call`` (a function
to run ahead of any work), ``Drop`` (forget a job) and ``STOP``.
From a worker (the shared outbox): ``Ready`` or ``StartFailed`` once, then a
``Reply`` per work item or call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NamedTuple

Phase = Literal["sentences", "entities", "statements"]
#: A reply's kind: a phase's payload, "error" (a work item raised), "result" or
#: "raised" (a call returned or raised).
ReplyKind = Literal["sentences", "entities", "statements", "error", "result", "raised"]
STOP = None


class Work(NamedTuple):
    """Run ``phase`` of ``chunk``; ``texts`` come with the sentences phase and with the
    entities of a chunk this worker did not split (one taken over from another)."""

    job: int
    phase: Phase
    chunk: int
    texts: list[str] | None


class Call(NamedTuple):
    job: int
    function: Callable[..., Any]
    args: tuple[Any, ...]


class Drop(NamedTuple):
    job: int


class Ready(NamedTuple):
    pid: int


class StartFailed(NamedTuple):
    pid: int
    reason: str


class Reply(NamedTuple):
    job: int
    kind: ReplyKind
    chunk: int
    payload: Any


ToWorker = Work | Call | Drop | None
FromWorker = Ready | StartFailed | Reply
