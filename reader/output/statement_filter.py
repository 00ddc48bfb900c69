"""The statements ``stance --target`` and ``--speaker`` keep, and what to tell the person
when a name picks none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..entities.search import matching_entities
from ..models import Analysis, Statement


def _names(analysis: Analysis, queries: Sequence[str], unknown: list[str]) -> set[str]:
    """The entity names ``queries`` stand for; a query that names none goes to ``unknown``."""
    wanted: set[str] = set()
    for query in queries:
        found = matching_entities(analysis.entities, query)
        wanted.update(e.name for e in found)
        if not found:
            unknown.append(query)
    return wanted


def _count(statements: Sequence[Statement], word: str) -> str:
    return f"{len(statements)} {word}" + ("" if len(statements) == 1 else "s")


def keep_statements(
    analysis: Analysis, targets: Sequence[str] = (), speakers: Sequence[str] = ()
) -> tuple[Analysis, list[str]]:
    """``analysis`` with only the statements about ``targets`` and by ``speakers`` (both,
    when both are given), and the warnings to print: a name the article never writes,
    or a target who is nobody's target but speaks ("--target mikati" for the prime
    minister whose statements these are)."""
    unknown: list[str] = []
    about = _names(analysis, targets, unknown)
    by = _names(analysis, speakers, unknown)
    kept = tuple(
        s
        for s in analysis.statements
        if (not targets or about & set(s.targets)) and (not speakers or s.speaker.entity in by)
    )
    warnings = [f"no person, organisation or place named {name!r} here" for name in unknown]
    if targets and about and not kept:
        spoken = [s for s in analysis.statements if s.speaker.entity in about]
        if spoken:
            named = ", ".join(sorted(about))
            warnings.append(
                f"no statement is about {named}, who makes {_count(spoken, 'statement')}"
                " here: --speaker keeps those"
            )
    return replace(analysis, statements=kept), warnings
