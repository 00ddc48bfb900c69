"""The entity sidebar: who and what the article mentions, grouped by kind, most mentioned first.

A small two-level model (group rows, entity rows below them) answers the view
from plain Python lists: showing or filtering thousands of entities (a book)
is one model reset, with no Qt call per row. (It also keeps clear of a
PySide6 6.12 / Python 3.11 bug where every call of a ``void`` Qt method drops
a reference to ``None``, which a model of 10,000 ``QStandardItem`` s would hit
tens of thousands of times.)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader import Entity, Portrayal

from .entity_delegate import BAR_WIDTH, EntityDelegate
from .entity_details import EntityDetails
from .entity_model import (
    ENTITY_ROLE,
    PORTRAYAL_COLUMN,
    EntityGroup,
    EntityTreeModel,
    entity_key,
    filter_groups,
    group_entities,
)
from .placeholder import placeholder_label

NO_DOCUMENT = "Open an article to see who and what it mentions."
NO_ENTITIES = "No names, places or dates found in this article."
NO_MATCH = "No entity matches the filter."


class _EntityTree(QTreeView):
    """A tree that remembers which row was selected before a press, and reports Enter."""

    returnPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row_before_press: QPersistentModelIndex | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        self.row_before_press = QPersistentModelIndex(rows[0]) if rows else None
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class EntitySidebar(QWidget):
    """The article's entities, grouped by kind, with a filter and mention stepping.

    The filter keeps the list truthful: each group's header counts what is shown
    ("People  (3 of 12)"), and an entity it hides is not selected (so Next and
    Previous never step through it) until it shows it again. The selected entity
    is explained under the list (``EntityDetails``), each row in its tooltip.

    Signals:
        entitySelected(object): the selected ``Entity``, or ``None`` when cleared.
        mentionActivated(int, int): ``(start, end)`` of the mention to reveal.
    """

    entitySelected = Signal(object)
    mentionActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: tuple[Entity, ...] = ()
        self._groups: list[EntityGroup] = []  # all of them, grouped once
        self._entity: Entity | None = None
        self._mention = 0
        # The entity the filter hid while it was selected: selected again when the
        # filter shows it, unless the reader has chosen another one meanwhile.
        self._hidden: Entity | None = None
        self._syncing = False  # set while the view's selection follows the state

        self._filter = QLineEdit()
        self._filter.setObjectName("entityFilter")
        self._filter.setPlaceholderText("Filter entities")
        self._filter.setClearButtonEnabled(True)
        self._filter.setAccessibleName("Filter entities")
        self._filter.setToolTip(
            "Show only the entities whose name or another spelling contains this"
            " (each group then says how many of its entities are shown)"
        )
        self._filter.textChanged.connect(self._apply_filter)
        self._filter.installEventFilter(self)

        self._model = EntityTreeModel(self)
        self._tree = _EntityTree()
        self._tree.setObjectName("entityTree")
        self._tree.setAccessibleName("Entities")
        self._tree.setModel(self._model)
        self._tree.setHeaderHidden(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setItemDelegate(EntityDelegate(self._tree))
        self._tree.setAnimated(False)
        self._tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.setFrameShape(QTreeView.Shape.NoFrame)
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(PORTRAYAL_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PORTRAYAL_COLUMN, BAR_WIDTH + 12)
        self._tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._tree.clicked.connect(self._on_clicked)
        self._tree.returnPressed.connect(self._reveal_current)

        self._message = placeholder_label("entityMessage")

        self._stack = QStackedWidget()
        self._stack.addWidget(self._message)
        self._stack.addWidget(self._tree)

        self._details = EntityDetails()
        self._details.setObjectName("entityDetailsPane")

        self._previous = self._nav_button(
            "previousMention",
            "Previous",
            "Previous mention (Shift+F3)",
            QStyle.StandardPixmap.SP_ArrowUp,
        )
        self._previous.clicked.connect(self.previous_mention)
        self._next = self._nav_button(
            "nextMention", "Next", "Next mention (F3)", QStyle.StandardPixmap.SP_ArrowDown
        )
        self._next.clicked.connect(self.next_mention)
        self._position = QLabel()
        self._position.setObjectName("mentionPosition")
        self._position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._position.setToolTip("Which mention of the selected entity is shown")

        nav = QHBoxLayout()
        nav.setContentsMargins(4, 2, 4, 4)
        nav.addWidget(self._previous)
        nav.addWidget(self._position, 1)
        nav.addWidget(self._next)

        top = QVBoxLayout()
        top.setContentsMargins(6, 6, 6, 6)
        top.addWidget(self._filter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._details)
        layout.addLayout(nav)
        self.show_message(NO_DOCUMENT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The details never take more than two fifths of the sidebar from the list.
        self._details.set_height_limit(event.size().height() * 2 // 5)

    def _nav_button(
        self, name: str, text: str, tooltip: str, icon: QStyle.StandardPixmap
    ) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setIcon(self.style().standardIcon(icon))
        button.setText(text)
        button.setToolTip(tooltip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    # -- public API ---------------------------------------------------------------

    def show_entities(self, entities: Sequence[Entity], text: str = "") -> None:
        """Show ``entities`` grouped by kind; keeps the selection if it is still there.

        ``text`` is the article's text, for each entity's first mention in context
        (its tooltip and details); without it they leave the context out.
        """
        had = self._entity is not None
        previous = self._entity or self._hidden
        wanted = entity_key(previous) if previous is not None else None
        self._model.set_portrayals(())  # they belong to the analysis these came from
        self._model.set_text(text)
        self._all = tuple(entities)
        self._groups = group_entities(self._all)
        kept = next((e for e in self._all if entity_key(e) == wanted), None)
        self._hidden = None
        if kept is None:
            self._drop_selection(emit=had)
        elif self._entity is not None:
            # The same entity in the new analysis: follow it without moving the article.
            self._entity = kept
            self._mention = min(self._mention, kept.count - 1)
            self.entitySelected.emit(kept)
        else:
            self._hidden = kept  # still filtered out: the filter may bring it back
        self._apply_filter(self._filter.text())

    def show_portrayals(self, portrayals: Sequence[Portrayal]) -> None:
        """How the article portrays each entity shown: a bar beside its count."""
        self._model.set_portrayals(portrayals)
        self._update_details()

    def portrayal_of(self, entity: Entity) -> Portrayal | None:
        return self._model.portrayal_of(entity)

    def show_message(self, text: str) -> None:
        """Replace the tree with a message ("Finding names…", "Open an article…")."""
        had = self._entity is not None
        self._hidden = None
        self._all = ()
        self._groups = []
        self._show_groups([])
        self._set_message(text)
        self._drop_selection(emit=had)

    def selected_entity(self) -> Entity | None:
        return self._entity

    def current_mention_index(self) -> int | None:
        """0-based index of the current mention of the selected entity."""
        return self._mention if self._entity is not None else None

    def entities(self) -> tuple[Entity, ...]:
        return self._all

    def select_entity(self, entity: Entity) -> None:
        """Select ``entity`` as a click would: emits entitySelected and its first mention.

        The filter is cleared when it hides ``entity``: what is selected is seen.
        """
        if self._filter.text() and not self._model.index_of(entity).isValid():
            self._filter.clear()
        self._choose(entity)
        self._select_in_view(entity)

    @Slot()
    def next_mention(self) -> None:
        self._step(+1)

    @Slot()
    def previous_mention(self) -> None:
        self._step(-1)

    @Slot()
    def clear_selection(self) -> None:
        self._drop_selection(emit=self._entity is not None)

    def filter_edit(self) -> QLineEdit:
        return self._filter

    def tree(self) -> QTreeView:
        return self._tree

    def details(self) -> EntityDetails:
        return self._details

    # -- showing ------------------------------------------------------------------

    def _show_groups(self, groups: list[EntityGroup]) -> None:
        self._syncing = True
        try:
            self._model.set_groups(groups)
            # Group rows only: expandAll would also ask each of thousands of entities.
            for row in range(len(groups)):
                self._tree.expand(self._model.index(row, 0))
            # Sized from the largest number, not by measuring every row.
            widest = max((g.mentions for g in groups), default=0)
            digits = self._tree.fontMetrics().horizontalAdvance(f"{widest}0")
            self._tree.header().resizeSection(1, digits + 12)
        finally:
            self._syncing = False

    def message(self) -> str | None:
        """The message shown instead of the tree, else None."""
        if self._stack.currentWidget() is self._message:
            return self._message.text()
        return None

    def _set_message(self, text: str) -> None:
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        if not self._all:
            self._show_groups([])
            self._set_message(NO_ENTITIES)
            return
        groups = filter_groups(self._groups, text)
        if not groups:
            self._show_groups(groups)
            self._set_message(NO_MATCH)
        else:
            # Shown before it is filled: a visible view lays thousands of rows out on a
            # later turn of the event loop, a hidden one at once when it is shown.
            self._stack.setCurrentWidget(self._tree)
            self._show_groups(groups)
        self._follow_filter()

    def _follow_filter(self) -> None:
        """The selection is what can be seen: an entity the filter hides is no longer
        selected (its mentions are not stepped through nor highlighted); when the
        filter shows it again, it is selected again, at the same mention."""
        if self._entity is not None:
            if self._model.index_of(self._entity).isValid():
                self._select_in_view(self._entity)
                return
            hidden, mention = self._entity, self._mention
            self._drop_selection(emit=True)
            self._hidden, self._mention = hidden, mention
        elif self._hidden is not None and self._model.index_of(self._hidden).isValid():
            entity, self._hidden = self._hidden, None
            self._entity = entity
            self._mention = min(self._mention, entity.count - 1)
            self._select_in_view(entity)
            self.entitySelected.emit(entity)  # highlighted again; the article stays put

    # -- selection and mentions ---------------------------------------------------

    def _choose(self, entity: Entity) -> None:
        self._entity = entity
        self._hidden = None
        self._mention = 0
        self._update_nav()
        self.entitySelected.emit(entity)
        self._emit_mention()

    def _drop_selection(self, *, emit: bool) -> None:
        self._entity = None
        self._hidden = None
        self._mention = 0
        self._syncing = True
        try:
            self._tree.selectionModel().clearSelection()
        finally:
            self._syncing = False
        self._update_nav()
        if emit:
            self.entitySelected.emit(None)

    def _select_in_view(self, entity: Entity) -> None:
        """Show ``entity`` as the selected row (it is shown: the filter lets it be seen)."""
        index = self._model.index_of(entity)
        if not index.isValid():
            return
        self._syncing = True
        try:
            self._tree.setCurrentIndex(index)
            self._tree.scrollTo(index)
        finally:
            self._syncing = False
        self._update_nav()

    def _step(self, delta: int) -> None:
        if self._entity is None or not self._entity.mentions:
            return
        self._mention = (self._mention + delta) % self._entity.count
        self._update_nav()
        self._emit_mention()

    def _emit_mention(self) -> None:
        if self._entity is None or not self._entity.mentions:
            return
        mention = self._entity.mentions[self._mention]
        self.mentionActivated.emit(mention.start, mention.end)

    def _update_nav(self) -> None:
        count = self._entity.count if self._entity is not None else 0
        self._previous.setEnabled(count > 0)
        self._next.setEnabled(count > 0)
        self._position.setText(f"{self._mention + 1} / {count}" if count else "")
        self._update_details()

    def _update_details(self) -> None:
        entity = self._entity
        if entity is None:
            self._details.show_explanation(None)
            return
        self._details.show_explanation(self._model.explanation(entity))

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing or not selected.indexes():
            return  # a filter hiding the row keeps the entity selected
        entity = selected.indexes()[0].siblingAtColumn(0).data(ENTITY_ROLE)
        if entity is not None and (
            self._entity is None or entity_key(entity) != entity_key(self._entity)
        ):
            self._choose(entity)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        # A click on the entity that was already selected shows its current mention again.
        before = self._tree.row_before_press
        row = index.siblingAtColumn(0)
        if before is not None and before.isValid() and before == row:
            self._reveal_current()

    @Slot()
    def _reveal_current(self) -> None:
        index = self._tree.currentIndex().siblingAtColumn(0)
        entity = index.data(ENTITY_ROLE) if index.isValid() else None
        if entity is None:
            return
        if self._entity is None or entity_key(entity) != entity_key(self._entity):
            self._choose(entity)
        else:
            self._emit_mention()

    # -- keyboard in the filter box -------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._filter and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape and self._filter.text():
                self._filter.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._focus_first_entity(select=key != Qt.Key.Key_Down)
                return True
        return super().eventFilter(watched, event)

    def _focus_first_entity(self, *, select: bool) -> None:
        first = self._model.index(0, 0, self._model.index(0, 0))
        if not first.isValid():
            return
        self._tree.setFocus()
        if select:
            self._tree.setCurrentIndex(first)  # the selection change chooses the entity
        else:
            self._tree.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
