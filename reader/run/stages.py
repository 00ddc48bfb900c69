"""The stages of an analysis, and what happens when one of them raises.

A stage that raises does not take the others with it: its result stays empty
and the analysis carries a ``StageNote`` saying in one sentence what could not
be computed. (Cancelling, a bad option and a missing model still stop the
whole analysis: those are not one stage's fault.) Kept apart from the pipeline
so the window can use it without importing the analysis code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from ..errors import AnalysisCancelled, InvalidOption, ModelMissing
from ..models import StageNote

T = TypeVar("T")

#: What a caller can ask for; stance and portrayal need entities, so asking for
#: either runs that too.
STAGES = ("summary", "entities", "stance", "portrayal")
#: What each stage gives a person, for the sentence that says it failed.
STAGE_RESULTS = {
    "summary": "The summary",
    "entities": "The names (people, organisations, places)",
    "stance": "Who says what",
    "portrayal": "How the article portrays each name",
}

log = logging.getLogger(__name__)


def failure_note(stage: str) -> StageNote:
    """The note for ``stage`` when it raised: one sentence, no exception text."""
    return StageNote(
        stage,
        f"{STAGE_RESULTS[stage]} could not be computed for this document because of an "
        "internal error; the other results are complete.",
    )


def run_stage(stage: str, work: Callable[[], T]) -> tuple[T | None, StageNote | None]:
    """``work()``, or None and a note when it raises (see the module docstring)."""
    try:
        return work(), None
    except (AnalysisCancelled, InvalidOption, ModelMissing):
        raise
    except Exception:
        log.info("The %s stage failed", stage, exc_info=True)
        return None, failure_note(stage)
