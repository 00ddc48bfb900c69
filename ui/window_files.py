"""The window and files from outside: the open file changing on disk, files dropped on it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QUrl, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from .session import file_signature

if TYPE_CHECKING:
    from .window_parts import WindowParts as _Base
else:
    _Base = object


class FileEvents(_Base):
    """The main window's answers to the file watcher and to drops (a mixin)."""

    # -- the file on disk ---------------------------------------------------------

    @Slot(str)
    def _on_file_removed(self, path: str) -> None:
        """Said even when reloading is off: the toggle governs reloads only."""
        self.message_bar.show_message(
            f"“{os.path.basename(path)}” was removed or renamed. The article stays "
            "as it was last read; it is read again if the file comes back.",
            "warning",
        )

    @Slot(str)
    def _on_file_changed(self, path: str) -> None:
        session = self.session
        if session.document is None or not self.commands["reload"].isChecked():
            return
        loading = session.pending_path
        if loading is not None and (
            loading != path or session.pending_signature == file_signature(path)
        ):
            return  # another file is opening, or this version is being read already
        self.reload()

    @Slot(bool)
    def set_reload_on_change(self, checked: bool) -> None:
        self.settings.reload_on_change = checked
        if checked:
            self.file_watcher.check_soon()  # catch up with changes made while it was off

    # -- drag and drop ------------------------------------------------------------

    def handle_drop(self, mime: QMimeData) -> bool:
        """Open the local files in ``mime``, in new tabs when one holds an article (a file
        open already is shown); True when there was one."""
        paths = local_paths(mime)
        self.open_paths(paths)
        return bool(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        if self.handle_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()


def local_paths(mime: QMimeData) -> list[str]:
    """The local files a drag carries."""
    if not mime.hasUrls():
        return []
    return [path for url in mime.urls() if url.isLocalFile() and (path := url.toLocalFile())]


def file_url_mime(*paths: str | os.PathLike[str]) -> QMimeData:
    """A ``QMimeData`` holding file URLs, as a file manager's drag carries."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(os.fspath(p)) for p in paths])
    return mime
