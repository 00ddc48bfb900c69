"""What the main window's parts share: its name, and (for the type checker) the
attributes and methods that each of its mixins may use.

``WindowParts`` is only read by mypy: at run time the mixins derive from
``object`` and ``MainWindow`` brings them together with ``QMainWindow``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

APP_NAME = "Article Reader"

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

    from reader import AnalysisOptions, Document

    from .article_pane import ArticlePane
    from .article_view import ArticleView
    from .file_watcher import FileWatcher
    from .highlights import Highlights
    from .panels.entity_sidebar import EntitySidebar
    from .panels.message_bar import MessageBar
    from .panels.stance_panel import StancePanel
    from .panels.summary_panel import SummaryPanel
    from .recent_files import RecentFilesMenu
    from .session import ArticleSession
    from .settings import Settings
    from .side_panels import SidePanels
    from .status import StatusParts
    from .tasks import AnalysisController

    class WindowParts(QMainWindow):
        settings: Settings
        controller: AnalysisController
        session: ArticleSession
        commands: dict[str, QAction]  # by the key of their row in ui.actions
        article_pane: ArticlePane
        article_view: ArticleView
        highlights: Highlights
        message_bar: MessageBar
        side: SidePanels
        side_tabs: QTabWidget
        summary_panel: SummaryPanel
        entity_sidebar: EntitySidebar
        stance_panel: StancePanel
        file_watcher: FileWatcher
        recent_menu: RecentFilesMenu
        status: StatusParts
        status_label: QLabel

        def current_options(self) -> AnalysisOptions: ...
        def open_file(self, path: str | os.PathLike[str]) -> None: ...
        def reload(self) -> None: ...
        def show_error(self, text: str) -> None: ...
        def _set_busy(self, busy: bool, text: str | None = None) -> None: ...
        def _update_actions(self) -> None: ...
        def remember_position(self) -> None: ...
        def _reading_document_loaded(self, document: Document, reloaded: bool) -> None: ...
