"""The stance panel's label chips: "All 12", "Critical 4"... or only the counts when narrow."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from .stance_delegate import label_color, solid
from .stance_groups import LABELS


def _dot_icon(color: QColor | None, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if color is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(solid(color, 230), 1))
        painter.setBrush(solid(color, 170))
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        painter.end()
    return QIcon(pixmap)


_CHIP_STYLE = """
QToolButton#stanceChip {
    border: 1px solid palette(mid); border-radius: 9px; padding: 1px 5px;
}
QToolButton#stanceChip:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
"""


class ChipBar(QWidget):
    """Exclusive label chips: "Critical 4" when there is room, "4" beside the dot when not."""

    SPACING = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str | None, QToolButton] = {}
        self._counts: dict[str | None, int | None] = {}
        self._compact = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.SPACING)
        for label in (None, *LABELS):
            button = QToolButton()
            button.setObjectName("stanceChip")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(QSize(10, 10))
            if label is not None:
                button.setIcon(_dot_icon(label_color(label)))
            button.setToolTip(
                "Show statements of every label" if label is None else f"Show {label} statements"
            )
            button.setStyleSheet(_CHIP_STYLE)
            self.group.addButton(button)
            self.buttons[label] = button
            self._counts[label] = None
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons[None].setChecked(True)
        self._relabel()

    @staticmethod
    def _text(label: str | None, count: int | None, compact: bool) -> str:
        name = "All" if label is None else label.capitalize()
        if count is None:
            return name
        if compact and label is not None:
            return str(count)
        return f"{name} {count}"

    def set_counts(self, counts: dict[str | None, int | None]) -> None:
        self._counts = dict(counts)
        self._relabel()

    def _full_width(self) -> int:
        width = 0
        for label, button in self.buttons.items():
            hint = button.sizeHint().width()
            current = button.text()
            full = self._text(label, self._counts[label], compact=False)
            hint += button.fontMetrics().horizontalAdvance(full)
            hint -= button.fontMetrics().horizontalAdvance(current)
            width += hint + self.SPACING
        return width

    def _relabel(self) -> None:
        self._compact = self._full_width() > self.width()
        for label, button in self.buttons.items():
            button.setText(self._text(label, self._counts[label], self._compact))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 200), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relabel()
