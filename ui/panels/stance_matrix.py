"""Who speaks about whom: the speaker × target matrix of the statements.

Rows are speakers, columns the people, organisations and places they name;
each cell shows how many statements one speaker makes about one name, tinted
by their net stance (deeper the more one-sided). A click on a cell lists those
statements below and marks them all in the article; a click on one of them
shows it. The matrix itself comes from the core (``reader.speaker_target_matrix``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import reader
from reader import MatrixCell, StanceMatrix, Statement

from .placeholder import placeholder_label
from .stance_groups import escape, label_line, pill_text, plural, snippet

MAX_SPEAKERS = 25
MAX_TARGETS = 25
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the MatrixCell of a cell
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2  # (start, end) of a listed statement's content

NO_DOCUMENT = "Open an article to see who speaks about whom."
NO_MATRIX = "Nobody in this article speaks about a named person, organisation or place."
HINT = "Pick a cell to list its statements and mark them in the article."
LEGEND = (
    "Rows: who speaks. Columns: whom they name. Each cell counts the statements, "
    "tinted by their net stance: {supportive}, {critical}, {neutral}."
)


def cell_colour(cell: MatrixCell) -> QColor:
    """The cell's tint: its net stance's colour, deeper the more one-sided it is."""
    colour = QColor(reader.STANCE_COLOURS[cell.label].highlight)
    strength = abs(cell.net) / cell.count if cell.count else 0.0
    colour.setAlpha(int(55 + 150 * strength) if cell.net else 45)
    return colour


def cell_summary(cell: MatrixCell) -> str:
    """ "Najib Mikati on Israel: 4 statements, 3 critical, 1 neutral"."""
    parts = [
        f"{n} {label}"
        for label, n in (
            ("supportive", cell.supportive),
            ("critical", cell.critical),
            ("neutral", cell.neutral),
        )
        if n
    ]
    return f"{cell.speaker} on {cell.target}: {plural(cell.count, 'statement')}, {', '.join(parts)}"


class _RotatedHeader(QHeaderView):
    """Column headers written upwards, so that many names fit a narrow panel."""

    MAX_HEIGHT = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        fm = self.fontMetrics()
        model = self.model()
        widest = 0
        if model is not None:
            for column in range(model.columnCount()):
                text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                widest = max(widest, fm.horizontalAdvance(text))
        return QSize(base.width(), min(self.MAX_HEIGHT, widest + 14))

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Button))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        model = self.model()
        if model is None:
            return
        text = str(model.headerData(logical_index, Qt.Orientation.Horizontal) or "")
        painter.save()
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        fm = self.fontMetrics()
        painter.translate(
            rect.left() + (rect.width() + fm.ascent() - fm.descent()) / 2, rect.bottom() - 6
        )
        painter.rotate(-90)
        room = rect.height() - 10
        elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.drawText(0, 0, elided)
        painter.restore()


class _CellDelegate(QStyledItemDelegate):
    """Cells keep their tint when chosen: the choice is a frame, not a fill."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        if brush is not None:
            painter.fillRect(option.rect, brush)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            painter.save()
            font = index.data(Qt.ItemDataRole.FontRole)
            if isinstance(font, QFont):
                painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
            painter.drawText(option.rect, int(Qt.AlignmentFlag.AlignCenter), str(text))
            painter.restore()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


class _Table(QTableWidget):
    """The matrix; Enter on a cell activates it like a click."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.activated.emit(index)
                return
        super().keyPressEvent(event)


class StanceMatrixPanel(QWidget):
    """Who speaks about whom, for the open article.

    Signals:
        cellActivated(object): a cell was picked; the ``(start, end)`` spans of its
            statements' contents, in ``Document.text``.
        statementActivated(int, int): a listed statement was picked.
    """

    cellActivated = Signal(object)
    statementActivated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statements: tuple[Statement, ...] = ()
        self._matrix = StanceMatrix((), (), ())
        #: Statements came while the panel was hidden: it fills itself when shown (or
        #: asked), so a book's 2,000 statements do not cost the window 15 ms for a
        #: tab nobody is looking at.
        self._pending = False

        self._legend = QLabel(self)
        self._legend.setWordWrap(True)
        self._legend.setTextFormat(Qt.TextFormat.RichText)
        self._legend.setText(_legend_html())
        self._legend.setObjectName("matrixLegend")

        self._table = _Table(self)
        self._table.setObjectName("stanceMatrix")
        self._table.setHorizontalHeader(_RotatedHeader(self._table))
        self._table.setItemDelegate(_CellDelegate(self._table))
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._table.horizontalHeader().setDefaultSectionSize(34)
        self._table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._table.verticalHeader().setDefaultSectionSize(26)
        self._table.setAccessibleName("Speakers and the names they speak about")
        self._table.clicked.connect(self._activate)
        self._table.activated.connect(self._activate)

        self._list = QListWidget(self)
        self._list.setObjectName("matrixStatements")
        self._list.setWordWrap(True)
        self._list.setAccessibleName("Statements of the chosen cell")
        self._list.itemClicked.connect(self._statement_picked)
        self._list.itemActivated.connect(self._statement_picked)
        self._caption = QLabel(HINT, self)
        self._caption.setWordWrap(True)
        self._caption.setObjectName("matrixCaption")

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self._caption)
        lower_layout.addWidget(self._list, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._table)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(6, 6, 6, 6)
        content_layout.addWidget(self._legend)
        content_layout.addWidget(splitter, 1)

        self._placeholder = placeholder_label("matrixPlaceholder")
        self._placeholder.setText(NO_DOCUMENT)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    # -- what the window calls ----------------------------------------------------

    def show_statements(self, statements: Sequence[Statement]) -> None:
        self._statements = tuple(statements)
        self._pending = True
        if self.isVisible():
            self._bring_up_to_date()

    def showEvent(self, event: QShowEvent) -> None:
        self._bring_up_to_date()
        super().showEvent(event)

    def _bring_up_to_date(self) -> None:
        if not self._pending:
            return
        self._pending = False
        self._matrix = reader.speaker_target_matrix(
            self._statements, max_speakers=MAX_SPEAKERS, max_targets=MAX_TARGETS
        )
        if not self._matrix:
            self.show_message(NO_MATRIX)
            return
        self._fill()
        self._stack.setCurrentIndex(1)

    def show_message(self, text: str) -> None:
        self._pending = False
        self._placeholder.setText(text)
        self._stack.setCurrentIndex(0)

    def clear(self) -> None:
        self._statements = ()
        self._matrix = StanceMatrix((), (), ())
        self._table.clear()
        self._list.clear()
        self.show_message(NO_DOCUMENT)

    # -- for tests and the window -------------------------------------------------

    def matrix(self) -> StanceMatrix:
        self._bring_up_to_date()
        return self._matrix

    def message(self) -> str | None:
        self._bring_up_to_date()
        return self._placeholder.text() if self._stack.currentIndex() == 0 else None

    def table(self) -> QTableWidget:
        self._bring_up_to_date()
        return self._table

    def statement_list(self) -> QListWidget:
        self._bring_up_to_date()
        return self._list

    def cell_index(self, speaker: str, target: str) -> QModelIndex:
        self._bring_up_to_date()
        row = self._matrix.speakers.index(speaker)
        column = self._matrix.targets.index(target)
        return self._table.model().index(row, column)

    # -- inside ---------------------------------------------------------------------

    def _fill(self) -> None:
        matrix, table = self._matrix, self._table
        table.clear()
        self._list.clear()
        self._caption.setText(HINT)
        table.setRowCount(len(matrix.speakers))
        table.setColumnCount(len(matrix.targets))
        table.setVerticalHeaderLabels(list(matrix.speakers))
        table.setHorizontalHeaderLabels(list(matrix.targets))
        for column, target in enumerate(matrix.targets):
            table.horizontalHeaderItem(column).setToolTip(target)
        bold = QFont(table.font())
        bold.setBold(True)
        rows = {name: k for k, name in enumerate(matrix.speakers)}
        columns = {name: k for k, name in enumerate(matrix.targets)}
        for cell in matrix.cells:
            item = QTableWidgetItem(str(cell.count))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(cell_colour(cell))
            item.setFont(bold)
            item.setData(CELL_ROLE, cell)
            item.setToolTip(escape(cell_summary(cell)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, cell_summary(cell))
            table.setItem(rows[cell.speaker], columns[cell.target], item)
        table.horizontalHeader().updateGeometry()

    @Slot(QModelIndex)
    def _activate(self, index: QModelIndex) -> None:
        item = self._table.item(index.row(), index.column())
        cell = item.data(CELL_ROLE) if item is not None else None
        if not isinstance(cell, MatrixCell):
            return
        self._table.setCurrentIndex(index)
        statements = [self._statements[i] for i in cell.statements]
        self._caption.setText(cell_summary(cell) + ":")
        self._list.clear()
        for statement in statements:
            cue = f" {snippet(statement.cue.text)}" if statement.cue else ""
            row = QListWidgetItem(
                f"[{pill_text(statement)}]{cue}: {snippet(statement.content.text)}"
            )
            row.setData(SPAN_ROLE, (statement.content.start, statement.content.end))
            row.setToolTip(escape(label_line(statement)))
            self._list.addItem(row)
        self.cellActivated.emit([(s.content.start, s.content.end) for s in statements])

    @Slot(QListWidgetItem)
    def _statement_picked(self, item: QListWidgetItem) -> None:
        span = item.data(SPAN_ROLE)
        if span:
            self.statementActivated.emit(*span)


def _legend_html() -> str:
    words = {
        label: f"<span style='color:{reader.STANCE_COLOURS[label].ink}'>■</span> {label}"
        for label in reader.STANCE_LABELS
    }
    return f"<small>{LEGEND.format(**words)}</small>"
