"""The entity sidebar's model: groups and their entities, from plain Python lists.

Two levels (group rows, entity rows below them) and three columns: the name,
the number of mentions, and how the article portrays the entity (drawn as a
small bar by ``PortrayalDelegate``). Showing or filtering thousands of
entities (a book) is one model reset, with no Qt call per row. (It also keeps
clear of a PySide6 6.12 / Python 3.11 bug where every call of a ``void`` Qt
method drops a reference to ``None``, which a model of 10,000
``QStandardItem`` s would hit tens of thousands of times.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

import reader
from reader import Entity, Portrayal

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Entity of an entity row (None on group rows)
PORTRAYAL_ROLE = Qt.ItemDataRole.UserRole + 2  # its Portrayal, on the portrayal column
NAME_COLUMN, COUNT_COLUMN, PORTRAYAL_COLUMN = range(3)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ROOT = QModelIndex()

# Words for spaCy's labels, for tooltips only (grouping comes from reader.entities).
LABEL_WORDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, city or state",
    "LOC": "location",
    "FAC": "building or facility",
    "NORP": "nationality, religious or political group",
    "DATE": "date",
    "TIME": "time",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work of art",
    "LAW": "law",
    "LANGUAGE": "language",
    "MONEY": "amount of money",
    "PERCENT": "percentage",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
    "CARDINAL": "number",
    "MISC": "miscellaneous",
}


def entity_groups() -> tuple[tuple[str, ...], Callable[[str], str]]:
    """Group names in display order and the function that files a label under one.

    Read from the core at call time: the core owns the grouping.
    """
    groups: Mapping[str, object] = reader.ENTITY_GROUPS
    return tuple(groups), reader.group_of


def entity_tooltip(entity: Entity, group: str, portrayal: Portrayal | None = None) -> str:
    kind = LABEL_WORDS.get(entity.type, entity.type.lower().replace("_", " "))
    lines = [entity.name, f"{kind.capitalize()} ({entity.type}) · {group}"]
    count = entity.count
    lines.append("1 mention" if count == 1 else f"{count} mentions")
    if entity.aliases:
        lines.append("Also written as: " + ", ".join(entity.aliases))
    if portrayal is not None:
        lines.append("Portrayed: " + reader.portrayal_phrase(portrayal))
    return "\n".join(lines)


def entity_key(entity: Entity) -> tuple[str, str]:
    return entity.name, entity.type


@dataclass(frozen=True)
class EntityGroup:
    name: str
    entities: tuple[Entity, ...]  # most mentioned first
    size: int  # entities in the group before filtering
    mentions: int  # their mentions before filtering

    @property
    def label(self) -> str:
        return f"{self.name}  ({self.size})"

    @property
    def tooltip(self) -> str:
        entities = "entity" if self.size == 1 else "entities"
        mentions = "mention" if self.mentions == 1 else "mentions"
        return f"{self.name}: {self.size} {entities}, {self.mentions} {mentions}"


def group_entities(entities: Sequence[Entity]) -> list[EntityGroup]:
    """Non-empty groups in ``ENTITY_GROUPS`` order, each sorted by mention count."""
    group_names, group_of = entity_groups()
    members: dict[str, list[Entity]] = {name: [] for name in group_names}
    for entity in entities:
        members.setdefault(group_of(entity.type), []).append(entity)
    groups = []
    for name, found in members.items():
        if found:
            found.sort(key=lambda e: (-e.count, e.name.casefold()))
            groups.append(EntityGroup(name, tuple(found), len(found), sum(e.count for e in found)))
    return groups


def matches(entity: Entity, needle: str) -> bool:
    """Case-insensitive substring match on the name and every other spelling."""
    return any(needle in form.casefold() for form in (entity.name, *entity.aliases))


_TOP = 0  # internalId of group rows; entity rows carry their group's row + 1
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ENTITY_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_COUNT_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class EntityTreeModel(QAbstractItemModel):
    """Groups and their entities; columns: the name, the mentions, the portrayal."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[EntityGroup] = []
        self._portrayals: dict[str, Portrayal] = {}
        self._rows: dict[tuple[str, str], tuple[int, int]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_groups(self, groups: list[EntityGroup]) -> None:
        self.beginResetModel()
        self._groups = groups
        self._rows = {
            entity_key(entity): (g, r)
            for g, group in enumerate(groups)
            for r, entity in enumerate(group.entities)
        }
        self.endResetModel()

    def set_portrayals(self, portrayals: Sequence[Portrayal]) -> None:
        """How each entity is portrayed (they come after the entities): a repaint, no reset."""
        self._portrayals = {p.entity: p for p in portrayals}
        for row in range(len(self._groups)):
            group = self.index(row, 0)
            count = self.rowCount(group)
            if count:
                first = self.index(0, 0, group)
                last = self.index(count - 1, PORTRAYAL_COLUMN, group)
                self.dataChanged.emit(first, last)

    def portrayal_of(self, entity: Entity) -> Portrayal | None:
        return self._portrayals.get(entity.name)

    def index_of(self, entity: Entity) -> QModelIndex:
        """The name cell of ``entity``'s row, or an invalid index when it is not shown."""
        where = self._rows.get(entity_key(entity))
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], 0, where[0] + 1)

    def entity_count(self) -> int:
        return len(self._rows)

    # -- QAbstractItemModel ---------------------------------------------------------

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT
    ) -> QModelIndex:
        if not 0 <= column < 3 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP or row >= len(self._groups[parent.row()].entities):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: QModelIndex | QPersistentModelIndex | None = None):  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()].entities)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 3

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _GROUP_FLAGS if index.internalId() == _TOP else _ENTITY_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        column = index.column()
        if index.internalId() == _TOP:
            group = self._groups[index.row()]
            if role == _DISPLAY:
                return (group.label, str(group.mentions), "")[column]
            if role == _TOOLTIP:
                return group.tooltip
            if role == _FONT:
                return self._bold
        else:
            group = self._groups[index.internalId() - 1]
            entity = group.entities[index.row()]
            if role == _DISPLAY:
                return (entity.name, str(entity.count), "")[column]
            if role == ENTITY_ROLE:
                return entity
            if role == PORTRAYAL_ROLE:
                return self._portrayals.get(entity.name)
            if role == _TOOLTIP:
                return entity_tooltip(entity, group.name, self._portrayals.get(entity.name))
        if role == _ALIGNMENT and column == 1:
            return _COUNT_ALIGNMENT
        return None
