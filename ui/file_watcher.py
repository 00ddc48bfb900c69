"""The open file, watched: says when it was saved again, removed or brought back.

Editors save in steps (truncate, write, rename), so every notification only
restarts a short timer; when it fires, the file's signature (``mtime``, size,
inode) is compared with the one on screen. The folder is watched too, so a file
that was deleted and comes back (or is replaced by a rename) is seen.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from .session import Signature, file_signature

SETTLE_MS = 350


class FileWatcher(QObject):
    """Watches one file at a time.

    Signals:
        changed(str): the file was saved again (its signature differs from the one given).
        removed(str): the file is gone (removed or renamed away).
        restored(str): a removed file is back.
    """

    changed = Signal(str)
    removed = Signal(str)
    restored = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setObjectName("fileSettleTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._path: str | None = None
        self._signature: Signature | None = None
        self._missing = False
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._watcher.directoryChanged.connect(self._on_directory_changed)
        self._timer.timeout.connect(self.check)

    @property
    def path(self) -> str | None:
        return self._path

    def watch(self, path: str, signature: Signature | None) -> None:
        """Watch ``path`` (and its folder); ``signature`` is that of the version on screen."""
        self.stop()
        self._path, self._signature, self._missing = path, signature, False
        self._watcher.addPath(path)
        folder = os.path.dirname(path)
        if os.path.isdir(folder):
            self._watcher.addPath(folder)

    def stop(self) -> None:
        self._timer.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def check_soon(self) -> None:
        """Look at the file once it has settled (catches up with changes made meanwhile)."""
        if self._path is not None:
            self._timer.start()

    @Slot(str)
    def _on_file_changed(self, path: str) -> None:
        if path == self._path:
            self._timer.start()  # restarted by every step of a save

    @Slot(str)
    def _on_directory_changed(self, folder: str) -> None:
        if self._path is not None and folder == os.path.dirname(self._path):
            self._timer.start()  # cheap: check() compares the file's signature

    @Slot()
    def check(self) -> None:
        path = self._path
        if path is None:
            return
        signature = file_signature(path)
        if signature is None:
            if not self._missing:
                self._missing = True
                self.removed.emit(path)
            return
        if path not in self._watcher.files():
            self._watcher.addPath(path)  # replaced by a new file: watch the new one
        if self._missing:
            self._missing = False
            self.restored.emit(path)
        if signature != self._signature:
            self.changed.emit(path)

    def is_timing(self) -> bool:
        return self._timer.isActive()
