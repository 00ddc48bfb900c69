"""What the window tests share besides fixtures: how long to wait, how to open a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent

from ui.main_window import MainWindow

#: Milliseconds a test waits for an analysis (the model's first load included).
TIMEOUT = 60_000


def open_and_wait(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_file(path)


def drag_enter_event(mime) -> QDragEnterEvent:
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:  # PySide6 >= 6.12 takes a QPointF and deprecates the QPoint form
        return QDragEnterEvent(QPointF(50, 50), *args)
    except TypeError:
        return QDragEnterEvent(QPoint(50, 50), *args)
