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

    from reader import Analysis, AnalysisOptions, Document, Entity, StageNote, Statement, Summary

    from .article_find import ArticleFind
    from .article_pane import ArticlePane
    from .article_tabs import ArticleTab, ArticleTabs
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
    from .summary_options import SummaryOptions
    from .tasks import AnalysisController

    class WindowParts(QMainWindow):
        settings: Settings
        commands: dict[str, QAction]  # by the key of their row in ui.actions
        article_tabs: ArticleTabs
        summary_options: SummaryOptions
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

        # The current tab's (``window_tabs``).
        @property
        def tab(self) -> ArticleTab: ...
        @property
        def session(self) -> ArticleSession: ...
        @property
        def controller(self) -> AnalysisController: ...
        @property
        def article_pane(self) -> ArticlePane: ...
        @property
        def article_view(self) -> ArticleView: ...
        @property
        def highlights(self) -> Highlights: ...
        @property
        def finder(self) -> ArticleFind: ...

        def current_options(self) -> AnalysisOptions: ...
        def open_file(self, path: str | os.PathLike[str]) -> None: ...
        def open_paths(self, paths: list[str]) -> None: ...
        def reload(self) -> None: ...
        def show_error(self, text: str) -> None: ...
        def _set_busy(self, busy: bool, text: str | None = None) -> None: ...
        def _update_actions(self) -> None: ...
        def remember_position(self, tab: ArticleTab | None = None) -> None: ...
        def _reading_document_loaded(
            self, document: Document, reloaded: bool, tab: ArticleTab | None = None
        ) -> None: ...
        def _reading_tab_shown(self, tab: ArticleTab) -> None: ...
        def _on_scrolled(self) -> None: ...
        def _zoom_by(self, steps: int) -> None: ...
        # Results (``window_analysis``), each for a tab.
        def _on_document_loaded(self, tab: ArticleTab, document: Document) -> None: ...
        def _on_analysis_updated(self, tab: ArticleTab, analysis: Analysis) -> None: ...
        def _on_summary_updated(self, tab: ArticleTab, summary: Summary) -> None: ...
        def _on_failed(self, tab: ArticleTab, message: str) -> None: ...
        def _on_finished(self, tab: ArticleTab) -> None: ...
        def _set_summary(self, summary: Summary) -> None: ...
        def _show_entities(self, entities: tuple[Entity, ...]) -> None: ...
        def _show_statements(self, statements: tuple[Statement, ...]) -> None: ...
        def _show_notes(self, fresh: tuple[StageNote, ...]) -> None: ...
