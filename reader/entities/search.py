"""Which entities a name a person typed stands for ("Mikati", "israel", "U.N.")."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Entity


def matching_entities(entities: Iterable[Entity], query: str) -> tuple[Entity, ...]:
    """The entities named ``query``: by their name or an alias, case ignored; if
    none is, those whose name holds ``query`` as whole words ("Mikati" finds
    "Najib Mikati" even when the article never writes him so)."""
    wanted = " ".join(query.split()).casefold()
    if not wanted:
        return ()
    pool = tuple(entities)
    exact = tuple(e for e in pool if any(n.casefold() == wanted for n in (e.name, *e.aliases)))
    if exact:
        return exact
    padded = f" {wanted} "
    return tuple(
        e for e in pool if any(padded in f" {n.casefold()} " for n in (e.name, *e.aliases))
    )


def filter_entities(entities: Iterable[Entity], typed: str) -> tuple[Entity, ...]:
    """The entities a filter box keeps while ``typed`` is being typed: those
    ``matching_entities`` finds, and those whose name or another spelling
    contains ``typed`` ("Mik" keeps Najib Mikati); all of them for nothing typed."""
    pool = tuple(entities)
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return pool
    named = {id(e) for e in matching_entities(pool, wanted)}
    return tuple(
        e
        for e in pool
        if id(e) in named
        or any(wanted in " ".join(n.split()).casefold() for n in (e.name, *e.aliases))
    )
