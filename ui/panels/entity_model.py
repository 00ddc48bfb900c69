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
from dataclasses import dataclass, replace
from functools import cached_property

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QToolTip

import reader
from reader import Entity, Portrayal

from .entity_explain import Explanation, explain, explanation_html, explanation_text

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1  # the Entity of an entity row (None on group rows)
PORTRAYAL_ROLE = Qt.ItemDataRole.UserRole + 2  # its Portrayal, on the portrayal column
NAME_COLUMN, COUNT_COLUMN, PORTRAYAL_COLUMN = range(3)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole
_ROOT = QModelIndex()


def entity_groups() -> tuple[tuple[str, ...], Callable[[str], str]]:
    """Group names in display order and the function that files a label under one.

    Read from the core at call time: the core owns the grouping.
    """
    groups: Mapping[str, object] = reader.ENTITY_GROUPS
    return tuple(groups), reader.group_of


def entity_key(entity: Entity) -> tuple[str, str]:
    return entity.name, entity.type


@dataclass(frozen=True)
class EntityGroup:
    """One kind of entity as the sidebar shows it: with a filter, some of them."""

    name: str
    entities: tuple[Entity, ...]  # shown, most mentioned first
    size: int  # entities in the group before filtering
    mentions: int  # their mentions before filtering

    @property
    def filtered(self) -> bool:
        return len(self.entities) < self.size

    @cached_property
    def shown_mentions(self) -> int:
        return sum(e.count for e in self.entities)

    @property
    def label(self) -> str:
        """ "People  (12)"; while a filter hides some, "People  (3 of 12)"."""
        if self.filtered:
            return f"{self.name}  ({len(self.entities)} of {self.size})"
        return f"{self.name}  ({self.size})"

    @property
    def tooltip(self) -> str:
        if self.filtered:
            return (
                f"{self.name}: {len(self.entities)} of {_plural(self.size, 'entity', 'entities')}"
                f" and {self.shown_mentions} of {_plural(self.mentions, 'mention')}"
                " match the filter"
            )
        return (
            f"{self.name}: {_plural(self.size, 'entity', 'entities')}, "
            f"{_plural(self.mentions, 'mention')}"
        )


def _plural(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


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


def filter_groups(groups: Sequence[EntityGroup], text: str) -> list[EntityGroup]:
    """``groups`` (unfiltered) as the filter ``text`` leaves them; empty ones left out.

    The core's ``filter_entities`` decides (the matching of ``stance --target``, and
    names or spellings that contain what is being typed).
    """
    if not text.strip():
        return list(groups)
    everyone = [entity for group in groups for entity in group.entities]
    kept_ids = {id(entity) for entity in reader.filter_entities(everyone, text)}
    return [
        replace(group, entities=kept)
        for group in groups
        if (kept := tuple(entity for entity in group.entities if id(entity) in kept_ids))
    ]


def _tooltip_width() -> int:
    """About 60 characters of the tooltip font: wide enough for a sentence to read."""
    return QFontMetrics(QToolTip.font()).averageCharWidth() * 60


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
        self._text = ""  # the article's, for each entity's first mention in context
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

    def set_text(self, text: str) -> None:
        """The article's text the entities point into ("" when it is not known)."""
        self._text = text

    def explanation(self, entity: Entity) -> Explanation:
        """What the row's tooltip and the details pane say about ``entity``."""
        return explain(entity, self.portrayal_of(entity), self._text)

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

    def parent(self, child: QModelIndex | QPersistentModelIndex | None = None):
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
                return (group.label, str(group.shown_mentions), "")[column]
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
                return explanation_html(self.explanation(entity), width=_tooltip_width())
            if role == _DESCRIPTION:
                return explanation_text(self.explanation(entity), title=False)
        if role == _ALIGNMENT and column == 1:
            return _COUNT_ALIGNMENT
        return None
