"""A dismissable bar at the top of the window for errors and notices.

Unlike a dialog it never blocks: the user keeps reading, and tests never hang.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QWidget,
)

from .. import theme

Level = Literal["error", "warning", "info"]

_COLORS: dict[str, tuple[QColor, QColor]] = {  # (light palette, dark palette) backgrounds
    "error": (QColor("#fbe3e1"), QColor("#5a2523")),
    "warning": (QColor("#fdf1d6"), QColor("#584420")),
    "info": (QColor("#e3eefb"), QColor("#22384f")),
}
_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class MessageBar(QFrame):
    """Shows one message at a time; hidden until ``show_message``.

    Signals:
        dismissed(): the user closed the bar.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.setSpacing(10)
        self._icon = QLabel(self)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._close = QToolButton(self)
        self._close.setAutoRaise(True)
        self._close.setIcon(
            theme.icon("window-close", QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self._close.setToolTip("Dismiss")
        self._close.setAccessibleName("Dismiss message")
        self._close.clicked.connect(self._on_close)
        layout.addWidget(self._icon)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._close)
        self._level: Level = "info"
        self.hide()

    def show_message(self, text: str, level: Level = "error") -> None:
        self._level = level
        self._label.setText(text)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._icon.setPixmap(self.style().standardIcon(_ICONS[level]).pixmap(size, size))
        self.restyle()
        self.show()

    def restyle(self) -> None:
        """Take the background of the level on the application's palette (a new theme)."""
        palette = QPalette(QApplication.palette())
        light, dark = _COLORS[self._level]
        palette.setColor(QPalette.ColorRole.Window, dark if theme.is_dark(palette) else light)
        self.setPalette(palette)

    def text(self) -> str:
        return "" if self.isHidden() else self._label.text()

    def level(self) -> Level:
        return self._level

    def dismiss(self) -> None:
        self.hide()
        self._label.clear()

    def _on_close(self) -> None:
        self.dismiss()
        self.dismissed.emit()
