"""A small hand-written article for the entity sidebar's tests, and helpers to read the
sidebar as it is shown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from reader.models import Entity
from ui.panels.entity_sidebar import ENTITY_ROLE, EntitySidebar

# Two people written in full and by surname, an organisation and a country written
# two ways ("United States", "U.S."): the filter must find each by any of its names.
FERRY = """\
Ferry strike ends after talks

Transport Minister Clara Vella and the union leader Mark Zammit agreed on Monday to end \
the ferry strike in Valletta.
Vella told reporters that the Malta Maritime Authority would review safety rules before \
the summer.
Zammit said his members would return to work on Tuesday, but warned that the Malta \
Maritime Authority had ignored them for years.
The Gozo Channel Line, which runs the ferries, said services between Malta and Gozo \
would resume at dawn.
The United States embassy in Valletta welcomed the agreement, and a U.S. diplomat praised \
Vella for her patience.
Opposition leader Bernard Grech called the deal late and weak, and said Vella had lost \
the trust of the islanders.
Clara Vella rejected the criticism and thanked the crews of the Gozo Channel Line.
"""


def named(entities: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, f"{name!r} in {[e.name for e in entities]}"
    return found[0]


def forms(entity: Entity) -> tuple[str, ...]:
    return (entity.name, *entity.aliases)


def shown_groups(sidebar: EntitySidebar) -> list[tuple[str, str, str, list[Entity]]]:
    """Each group row as shown: its label, its count cell, its tooltip and its entities."""
    model = sidebar.tree().model()
    rows = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        children = [
            model.index(r, 0, group).data(ENTITY_ROLE) for r in range(model.rowCount(group))
        ]
        tooltip = group.data(Qt.ItemDataRole.ToolTipRole)
        rows.append((group.data(), model.index(g, 1).data(), tooltip, children))
    return rows


def shown_entities(sidebar: EntitySidebar) -> list[Entity]:
    return [e for *_, children in shown_groups(sidebar) for e in children]


def row_of(sidebar: EntitySidebar, entity: Entity) -> QModelIndex:
    model = sidebar.tree().model()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            index = model.index(r, 0, group)
            if index.data(ENTITY_ROLE) is entity:
                return index
    raise AssertionError(f"{entity.name} is not shown")
