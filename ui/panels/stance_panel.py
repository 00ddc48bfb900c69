"""The stance panel ("who says what"): statements grouped by speaker, with filters.

Grouping and wording live here because they are presentation, not NLP: the
statements come ready-made from ``reader.stance``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QCursor,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import Statement

from .placeholder import placeholder_label
from .stance_chips import ChipBar
from .stance_delegate import (
    GROUP_ROLE,
    KIND_ROLE,
    SHOWN_ROLE,
    SPEAKER,
    STATEMENT,
    STATEMENT_ROLE,
    StanceDelegate,
)
from .stance_groups import (
    LABELS,
    SpeakerGroup,
    escape,
    group_by_speaker,
    label_line,
    plural,
    snippet,
    tooltip,
)

# The speaker combo's data for "All speakers": PySide6 miscounts references to
# None stored in a QVariant (a crash at exit on Python 3.11), so never store None.
ALL_SPEAKERS = ""

NO_DOCUMENT = "Open an article to see who says what."
NO_STATEMENTS = "No statements found in this article."
NO_MATCH = "No statements match these filters."


class _StatementTree(QTreeWidget):
    """The speaker/statement tree; Enter activates the current row like a click."""

    returnPressed = Signal(QTreeWidgetItem)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(14)
        self.setRootIsDecorated(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.setItemDelegate(StanceDelegate(self))
        self.setMouseTracking(True)
        self.viewport().installEventFilter(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            delegate = self.itemDelegate()
            if isinstance(delegate, StanceDelegate):
                delegate.forget_sizes()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.data(0, KIND_ROLE) == SPEAKER:
                item.setExpanded(not item.isExpanded())
            else:
                self.returnPressed.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A pointing hand over a statement, the normal arrow elsewhere.
        if watched is self.viewport() and event.type() == QEvent.Type.MouseMove:
            item = self.itemAt(event.position().toPoint())
            over = item is not None and item.data(0, KIND_ROLE) == STATEMENT
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(QCursor(shape))
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class _StatementItem(QTreeWidgetItem):
    """A statement row. Its texts for tooltips and screen readers are made when
    asked for: a book has thousands of rows, and building them all at once
    would hold up the window."""

    def __init__(self, statement: Statement) -> None:
        super().__init__()  # added to its speaker's row with its siblings, in one call
        self.statement = statement

    def data(self, column: int, role: int) -> object:
        if role == STATEMENT_ROLE:
            return self.statement
        if role == KIND_ROLE:
            return STATEMENT
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self.statement)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{label_line(self.statement)}: {snippet(self.statement.content.text)}"
        return super().data(column, role)


def _statement_of(item: QTreeWidgetItem | None) -> Statement | None:
    """The statement of a statement row; None for speaker rows.

    Never read a role an item lacks: PySide6 returns None for it with one
    reference too few, and Python 3.11 aborts at exit when None runs out.
    """
    if item is None or item.data(0, KIND_ROLE) != STATEMENT:
        return None
    return item.data(0, STATEMENT_ROLE)


class StancePanel(QWidget):
    """Who says what in the open article.

    Signals:
        statementActivated(int, int): a statement was clicked or Enter was
            pressed on it; ``(start, end)`` of its content in ``Document.text``.
        highlightsChanged(): the visible statements or the highlight toggle
            changed; the window re-reads ``label_spans()`` / ``highlights_enabled()``.
    """

    statementActivated = Signal(int, int)
    highlightsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statements: tuple[Statement, ...] = ()
        self._groups: list[SpeakerGroup] = []
        self._visible: list[Statement] = []
        self._label: str | None = None
        self._speaker: str | None = None
        self._collapsed: set[str] = set()
        self._has_data = False

        self._header = QLabel("Who says what")
        self._header.setObjectName("stanceHeader")
        self._header.setTextFormat(Qt.TextFormat.PlainText)
        self._highlight = QCheckBox("Highlight")
        self._highlight.setObjectName("stanceHighlight")
        self._highlight.setToolTip("Colour the statements in the article by their label")
        self._highlight.setChecked(True)
        self._highlight.toggled.connect(self._highlight_toggled)
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 2)
        header.addWidget(self._header, 1)
        header.addWidget(self._highlight)

        self._chip_bar = ChipBar()
        self._chip_bar.setObjectName("stanceLabelFilter")
        self._chip_buttons = self._chip_bar.buttons
        for button in self._chip_buttons.values():
            button.clicked.connect(self._chip_clicked)
        chips = QHBoxLayout()
        chips.setContentsMargins(8, 2, 8, 2)
        chips.addWidget(self._chip_bar)

        self._speaker_combo = QComboBox()
        self._speaker_combo.setObjectName("stanceSpeaker")
        self._speaker_combo.setAccessibleName("Speaker filter")
        self._speaker_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._speaker_combo.setMinimumContentsLength(12)
        self._speaker_combo.currentIndexChanged.connect(self._speaker_changed)
        speaker_row = QHBoxLayout()
        speaker_row.setContentsMargins(8, 2, 8, 6)
        speaker_row.addWidget(self._speaker_combo, 1)

        self._tree = _StatementTree()
        self._tree.setObjectName("stanceTree")
        self._tree.setAccessibleName("Statements by speaker")
        self._tree.itemClicked.connect(self._activate)
        self._tree.returnPressed.connect(self._activate)
        self._tree.itemExpanded.connect(self._remember_expanded)
        self._tree.itemCollapsed.connect(self._remember_collapsed)

        self._placeholder = placeholder_label("stancePlaceholder")

        self._stack = QStackedWidget()
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self._tree)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addLayout(chips)
        layout.addLayout(speaker_row)
        layout.addWidget(self._stack, 1)
        self._refresh_filters()
        self.show_message(NO_DOCUMENT)

    # -- public API -----------------------------------------------------------------

    def show_statements(self, statements: Sequence[Statement]) -> None:
        """Show ``statements`` grouped by speaker; keeps the filters when they still apply."""
        self._statements = tuple(statements)
        self._groups = group_by_speaker(self._statements)
        self._has_data = True
        if self._speaker is not None and self._speaker not in {g.key for g in self._groups}:
            self._speaker = None
        self._refresh_filters()
        self._rebuild()

    def show_message(self, text: str) -> None:
        """Replace the list with a message ("Finding statements…", "Open an article…")."""
        self._statements = ()
        self._groups = []
        self._has_data = False
        self._refresh_filters()
        self._set_visible([])
        self._header.setText("Who says what")
        self._show_placeholder(text)

    def clear(self) -> None:
        self._speaker = None
        self._collapsed.clear()
        self.show_message(NO_DOCUMENT)

    def statements(self) -> tuple[Statement, ...]:
        return self._statements

    def speaker_groups(self) -> list[SpeakerGroup]:
        """All speakers of the shown statements (filters aside), as the tree orders them."""
        return list(self._groups)

    def visible_statements(self) -> list[Statement]:
        """The statements that pass the filters, in the tree's order."""
        return list(self._visible)

    def label_spans(self) -> dict[str, list[tuple[int, int]]]:
        """Content spans of the visible statements, per label (every label is a key)."""
        spans: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
        for statement in self._visible:
            spans.setdefault(statement.label, []).append(
                (statement.content.start, statement.content.end)
            )
        for values in spans.values():
            values.sort()
        return spans

    def label_filter(self) -> str | None:
        return self._label

    def set_label_filter(self, label: str | None) -> None:
        """Show only ``label`` ("supportive", "critical", "neutral") or every label (None)."""
        if label is not None and label not in LABELS:
            raise ValueError(f"unknown stance label: {label!r}")
        self._chip_buttons[label].setChecked(True)
        if label != self._label:
            self._label = label
            self._rebuild()

    def speaker_filter(self) -> str | None:
        """The ``SpeakerGroup.key`` shown alone, or None for every speaker."""
        return self._speaker

    def set_speaker_filter(self, key: str | None) -> None:
        index = self._speaker_combo.findData(key or ALL_SPEAKERS)
        if index < 0:
            raise ValueError(f"no such speaker: {key!r}")
        self._speaker_combo.setCurrentIndex(index)  # _speaker_changed rebuilds

    def highlights_enabled(self) -> bool:
        return self._highlight.isChecked()

    def set_highlights_enabled(self, enabled: bool) -> None:
        self._highlight.setChecked(enabled)

    def tree(self) -> QTreeWidget:
        return self._tree

    def statement_item(self, statement: Statement) -> QTreeWidgetItem | None:
        for i in range(self._tree.topLevelItemCount()):
            top = self._tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.data(0, STATEMENT_ROLE) is statement:
                    return child
        return None

    def speaker_item(self, key: str) -> QTreeWidgetItem | None:
        for i in range(self._tree.topLevelItemCount()):
            top = self._tree.topLevelItem(i)
            if top.data(0, GROUP_ROLE).key == key:
                return top
        return None

    def message(self) -> str | None:
        """The placeholder text when one is shown, else None."""
        if self._stack.currentWidget() is self._placeholder:
            return self._placeholder.text()
        return None

    def chip(self, label: str | None) -> QToolButton:
        return self._chip_buttons[label]

    def speaker_combo(self) -> QComboBox:
        return self._speaker_combo

    # -- internals --------------------------------------------------------------------

    def _passes(self, statement: Statement) -> bool:
        return self._label is None or statement.label == self._label

    def _rebuild(self) -> None:
        if not self._has_data:
            return
        total = len(self._statements)
        self._header.setText(
            f"{plural(total, 'statement')} · {plural(len(self._groups), 'source')}"
            if total
            else "Who says what"
        )
        self._update_chip_counts()
        if not total:
            self._set_visible([])
            self._show_placeholder(NO_STATEMENTS)
            return

        current = self._tree.currentItem()
        keep = _statement_of(current)
        visible: list[Statement] = []
        self._tree.setUpdatesEnabled(False)
        try:
            self._tree.clear()
            restore: QTreeWidgetItem | None = None
            # Rows are made apart and added a speaker's at a time, then all speakers at
            # once: the tree takes in a book's 2,000 rows in a few calls, not 2,000.
            tops: list[tuple[QTreeWidgetItem, str]] = []
            for group in self._groups:
                if self._speaker is not None and group.key != self._speaker:
                    continue
                shown = [s for s in group.statements if self._passes(s)]
                if not shown:
                    continue
                top = QTreeWidgetItem()
                top.setData(0, KIND_ROLE, SPEAKER)
                top.setData(0, GROUP_ROLE, group)
                top.setData(0, SHOWN_ROLE, len(shown))
                top.setData(0, Qt.ItemDataRole.AccessibleTextRole, group.name)
                top.setToolTip(0, self._group_tooltip(group))
                children = [_StatementItem(statement) for statement in shown]
                top.addChildren(children)
                for statement, child in zip(shown, children, strict=True):
                    if statement is keep:
                        restore = child
                tops.append((top, group.key))
                visible.extend(shown)
            self._tree.addTopLevelItems([top for top, _ in tops])
            for top, key in tops:
                top.setExpanded(key not in self._collapsed)
            if restore is not None:
                self._tree.setCurrentItem(restore)
        finally:
            self._tree.setUpdatesEnabled(True)
        self._set_visible(visible)
        if self._speaker is not None or self._label is not None:  # what the filters let by
            self._header.setText(
                f"{len(visible)} of {plural(total, 'statement')} · "
                f"{plural(len(tops), 'source')} shown"
            )
        if visible:
            self._stack.setCurrentWidget(self._tree)
        else:
            self._show_placeholder(NO_MATCH)

    @staticmethod
    def _group_tooltip(group: SpeakerGroup) -> str:
        counts = group.label_counts()
        parts = [f"{counts[label]} {label}" for label in LABELS if counts[label]]
        return f"<b>{escape(group.name)}</b><br>{plural(group.count, 'statement')}: " + ", ".join(
            parts
        )

    def _set_visible(self, visible: list[Statement]) -> None:
        changed = [id(s) for s in visible] != [id(s) for s in self._visible]
        self._visible = visible
        if changed:
            self.highlightsChanged.emit()

    def _show_placeholder(self, text: str) -> None:
        self._tree.clear()
        self._placeholder.setText(text)
        self._stack.setCurrentWidget(self._placeholder)

    def _scoped(self) -> list[Statement]:
        """The statements the speaker filter lets through (for the chips' counts)."""
        if self._speaker is None:
            return list(self._statements)
        return [s for g in self._groups if g.key == self._speaker for s in g.statements]

    def _update_chip_counts(self) -> None:
        scoped = self._scoped()
        counts = Counter(s.label for s in scoped)
        shown: dict[str | None, int | None] = {None: len(scoped) if self._has_data else None}
        for label in LABELS:
            shown[label] = counts[label] if self._has_data else None
        self._chip_bar.set_counts(shown)

    def _refresh_filters(self) -> None:
        """Refill the speaker combo from the groups and sync the widgets with the state."""
        combo = self._speaker_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(f"All speakers ({len(self._statements)})", ALL_SPEAKERS)
            for group in self._groups:
                combo.addItem(f"{group.name} ({group.count})", group.key)
            combo.setCurrentIndex(max(combo.findData(self._speaker or ALL_SPEAKERS), 0))
            combo.setEnabled(bool(self._groups))
        finally:
            combo.blockSignals(False)
        for button in self._chip_buttons.values():
            button.setEnabled(self._has_data and bool(self._statements))
        self._update_chip_counts()

    @Slot()
    def _chip_clicked(self) -> None:
        for label, button in self._chip_buttons.items():
            if button.isChecked():
                if label != self._label:
                    self._label = label
                    self._rebuild()
                return

    @Slot(int)
    def _speaker_changed(self, index: int) -> None:
        key = self._speaker_combo.itemData(index) or None
        if key != self._speaker:
            self._speaker = key
            self._rebuild()

    @Slot(bool)
    def _highlight_toggled(self, _checked: bool) -> None:
        self.highlightsChanged.emit()

    @Slot(QTreeWidgetItem)
    def _remember_expanded(self, item: QTreeWidgetItem) -> None:
        self._collapsed.discard(item.data(0, GROUP_ROLE).key)

    @Slot(QTreeWidgetItem)
    def _remember_collapsed(self, item: QTreeWidgetItem) -> None:
        self._collapsed.add(item.data(0, GROUP_ROLE).key)

    @Slot(QTreeWidgetItem)
    def _activate(self, item: QTreeWidgetItem) -> None:
        statement = _statement_of(item)
        if statement is None:
            return
        self.statementActivated.emit(statement.content.start, statement.content.end)
