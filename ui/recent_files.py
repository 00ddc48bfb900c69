"""File ▸ Open Recent: the files opened last, newest first, kept in the settings."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from . import theme
from .settings import MAX_RECENT, Settings


class RecentFilesMenu(QMenu):
    """Numbered entries (Alt+1 … Alt+0 once the menu is open) and "Clear Menu".

    Signals:
        fileChosen(str): the path of the entry the person picked.
    """

    fileChosen = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("recentMenu")
        self._settings = settings
        # Not the menu's own child: QMenu.clear() deletes those, and this one stays.
        self._keeper = QObject(self)
        self.clear_action = QAction("&Clear Menu", self._keeper)
        self.clear_action.setIcon(theme.icon("edit-clear-history"))
        # A lambda, not a method of the menu: a QMenu disconnects an action from itself
        # when the action is removed from it, which rebuild() does each time.
        self.clear_action.triggered.connect(lambda _checked=False: self.clear_files())
        self.rebuild()

    def add(self, path: str) -> None:
        self._settings.add_recent_file(path)
        self.rebuild()

    def remove(self, path: str) -> None:
        self._settings.remove_recent_file(path)
        self.rebuild()

    def clear_files(self) -> None:
        self._settings.clear_recent_files()
        self.rebuild()

    def paths(self) -> list[str]:
        """The paths in the menu, in its order."""
        return [str(action.data()) for action in self.actions() if action.data()]

    def rebuild(self) -> None:
        self.clear()
        paths = self._settings.recent_files[:MAX_RECENT]
        for number, path in enumerate(paths, start=1):
            label = os.path.basename(path).replace("&", "&&")
            action = self.addAction(f"&{number % 10} {label}" if number <= 10 else label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(self._open)
        if paths:
            self.addSeparator()
        self.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(paths))
        self.setEnabled(True)

    @Slot()
    def _open(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.fileChosen.emit(str(action.data()))
