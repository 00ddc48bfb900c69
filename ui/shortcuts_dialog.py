"""Help ▸ Keyboard Shortcuts: every command's keys, read from the actions table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .actions import shortcut_list

#: Keys that belong to one widget rather than to a command.
FIND_BAR_KEYS = "In the find bar: Enter and Shift+Enter step through the hits, Esc closes it."


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_list()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        # Widths from every row's text: a header sized "to contents" reads only the
        # rows in view, and cut "Ctrl+Shift+Tab, Ctrl+PgUp" further down.
        widths = self._column_widths()
        header = self.table.horizontalHeader()
        for column, mode in enumerate(("Fixed", "Stretch", "Fixed")):
            header.setSectionResizeMode(column, getattr(QHeaderView.ResizeMode, mode))
            header.resizeSection(column, widths[column])
        note = QLabel(FIND_BAR_KEYS, self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        table = self.table
        margins = layout.contentsMargins()
        frame = 2 * table.frameWidth()
        scroll_bar = table.verticalScrollBar().sizeHint().width()
        width = sum(widths) + scroll_bar + frame + margins.left() + margins.right()
        # Tall enough for every row when the screen has room, so nothing needs a scroll.
        rows = table.verticalHeader().length() + table.horizontalHeader().sizeHint().height()
        below = note.sizeHint().height() + buttons.sizeHint().height() + 2 * layout.spacing()
        height = rows + frame + below + margins.top() + margins.bottom()
        screen = self.screen().availableGeometry().height() if self.screen() else 700
        self.resize(max(520, width), max(300, min(height, int(screen * 0.85))))

    def _column_widths(self) -> list[int]:
        """Each column as wide as its widest text (or its title), with the cell's padding."""
        table = self.table
        metrics = table.fontMetrics()
        padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        rows = self.rows()
        return [
            max(
                table.horizontalHeader().sectionSizeHint(c),
                *(metrics.horizontalAdvance(row[c]) + padding for row in rows),
            )
            for c in range(table.columnCount())
        ]

    def rows(self) -> list[tuple[str, str, str]]:
        table = self.table
        return [
            tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc, union-attr]
            for row in range(table.rowCount())
        ]
