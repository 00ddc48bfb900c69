"""The main window: the article on the left; its summary, entities and statements on the right.

The window lays out its parts and wires them: the commands come from
``actions``, the state of the open article lives in an ``ArticleSession``, the
summary choices in ``SummaryOptions``, the watched file in ``FileWatcher`` and
File ▸ Open Recent in ``RecentFilesMenu``. It owns no analysis: it asks the
``AnalysisController`` for work, and ``AnalysisResults`` (``window_analysis``)
shows what comes back. ``FileEvents`` (``window_files``) answers the file
changing on disk and files dropped on the window.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import reader
from reader import Analysis, AnalysisOptions, Document, Summary

from .actions import build_actions, build_menus, toolbar_actions
from .article_pane import ArticlePane
from .errors import describe
from .file_watcher import FileWatcher
from .highlights import Highlights
from .panels.message_bar import MessageBar
from .recent_files import RecentFilesMenu
from .report_commands import ReportCommands
from .session import ArticleSession
from .settings import Settings
from .side_panels import SidePanels
from .status import StatusParts
from .summary_options import SummaryOptions
from .tasks import AnalysisController
from .window_analysis import AnalysisResults
from .window_files import FileEvents, file_url_mime, local_paths
from .window_parts import APP_NAME
from .window_reading import ReadingCommands

__all__ = ["APP_NAME", "MainWindow", "file_url_mime", "local_paths"]
DEFAULT_SIZE = (1280, 800)
SPLIT = 0.62  # the article's share of the width
CONTENTS_WIDTH = 280  # pixels: the Contents dock, at first


class MainWindow(AnalysisResults, FileEvents, ReadingCommands, QMainWindow):
    """Article Reader's window. Tests pass their own ``Settings`` (a temp INI file)."""

    def __init__(
        self,
        settings: Settings | None = None,
        controller: AnalysisController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.controller = controller or AnalysisController(self)
        self.session = ArticleSession()
        self._closed = False

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_commands()
        self._build_status_bar()
        self._build_reading()
        self._connect()
        self._restore_state()
        self._update_actions()

    # -- construction -------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.message_bar = MessageBar(self)
        self.article_pane = ArticlePane(self)
        self.article_view = self.article_pane.article_view
        self.title_label = self.article_pane.title_label
        self.highlights = Highlights(self.article_view)
        self.reports = ReportCommands(self, self.show_error)

        self.side = SidePanels(self)
        self.side_splitter = self.side
        self.side_tabs = self.side.tabs
        self.summary_panel = self.side.summary_panel
        self.entity_sidebar = self.side.entity_sidebar
        self.stance_panel = self.side.stance_panel
        self.stance_panel.set_highlights_enabled(self.settings.highlight_statements)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.article_pane)
        self.main_splitter.addWidget(self.side_splitter)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.message_bar)
        outer.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)

        self.file_watcher = FileWatcher(self)
        self.summary_options = SummaryOptions(self.settings, self)
        self.algorithm_combo = self.summary_options.algorithm_combo
        self.length_spin = self.summary_options.length_spin
        self.length_unit_combo = self.summary_options.unit_combo

    def _build_commands(self) -> None:
        self.commands = build_actions(self, lambda name: getattr(self, name))
        for key, action in self.commands.items():  # window.open_action, window.copy_action...
            setattr(self, f"{key}_action", action)
        self.commands["highlight"].setChecked(self.settings.highlight_summary)
        self.commands["stance_highlight"].setChecked(self.settings.highlight_statements)
        self.commands["reload"].setChecked(self.settings.reload_on_change)
        self.commands["cancel"].setEnabled(False)  # enabled only while work runs
        self.addAction(self.commands["cancel"])

        self.recent_menu = RecentFilesMenu(self.settings, self)
        self.clear_recent_action = self.recent_menu.clear_action
        build_menus(self.menuBar(), self.commands, {"open": self.recent_menu})

        bar = QToolBar("Main", self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.toolbar = bar
        on_bar = toolbar_actions(self.commands)
        bar.addAction(on_bar[0])  # Open
        bar.addSeparator()
        bar.addWidget(self._toolbar_label("Summariser"))
        bar.addWidget(self.algorithm_combo)
        bar.addWidget(self._toolbar_label("Length"))
        bar.addWidget(self.length_spin)
        bar.addWidget(self.length_unit_combo)
        bar.addSeparator()
        for action in on_bar[1:]:
            bar.addAction(action)

    def _toolbar_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setContentsMargins(8, 0, 4, 0)
        return label

    def _build_status_bar(self) -> None:
        self.status = StatusParts(self.statusBar())
        self.status_label = self.status.label
        self.progress = self.status.progress
        self.cancel_button = self.status.cancel_button
        self.cancel_button.clicked.connect(self.cancel)

    def _connect(self) -> None:
        c = self.controller
        c.documentLoaded.connect(self._on_document_loaded)
        c.analysisUpdated.connect(self._on_analysis_updated)
        c.summaryUpdated.connect(self._on_summary_updated)
        c.stageChanged.connect(self.status_label.setText)
        c.failed.connect(self._on_failed)
        c.finished.connect(self._on_finished)
        self.summary_options.changed.connect(self._options_changed)
        self.summary_panel.sentenceActivated.connect(self.article_view.reveal)
        self.summary_panel.copyRequested.connect(self.copy_summary)
        self.entity_sidebar.entitySelected.connect(self._on_entity_selected)
        self.entity_sidebar.mentionActivated.connect(self.article_view.reveal)
        self.stance_panel.statementActivated.connect(self.article_view.reveal)
        self.side.matrix_panel.statementActivated.connect(self.article_view.reveal)
        self.side.matrix_panel.cellActivated.connect(self.highlights.mark_all)
        self.stance_panel.highlightsChanged.connect(self._on_stance_highlights_changed)
        self.file_watcher.changed.connect(self._on_file_changed)
        self.file_watcher.removed.connect(self._on_file_removed)
        self.file_watcher.restored.connect(self.message_bar.dismiss)
        self.recent_menu.fileChosen.connect(self.open_file)

    # -- state ------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        width = self.width()
        main = self.settings.state("main_splitter")
        if main is None or not self.main_splitter.restoreState(main):
            self.main_splitter.setSizes([round(width * SPLIT), round(width * (1 - SPLIT))])
        side = self.settings.state("side_splitter")
        if side is None or not self.side_splitter.restoreState(side):
            height = self.height()
            self.side_splitter.setSizes([round(height * 0.45), round(height * 0.55)])
        docks = self.settings.state("docks")
        if docks is None or not self.restoreState(docks):
            self.resizeDocks([self.contents_dock], [CONTENTS_WIDTH], Qt.Orientation.Horizontal)
        self.contents_dock.setVisible(self.settings.show_contents)

    def save_state(self) -> None:
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("main_splitter", self.main_splitter.saveState())
        self.settings.set_state("side_splitter", self.side_splitter.saveState())
        self.settings.set_state("docks", self.saveState())
        self.settings.sync()

    def current_options(self) -> AnalysisOptions:
        return self.summary_options.options()

    def current_algorithm(self) -> str:
        return self.summary_options.algorithm()

    def current_length(self) -> str:
        return self.summary_options.length()

    @property
    def document(self) -> Document | None:
        return self.session.document

    @property
    def analysis(self) -> Analysis | None:
        """The latest analysis, carrying the summary currently shown."""
        return self.session.shown_analysis(self.current_options())

    @property
    def summary(self) -> Summary | None:
        return self.session.summary

    def is_complete(self) -> bool:
        return self.session.complete

    def recent_paths_in_menu(self) -> list[str]:
        return self.recent_menu.paths()

    # -- opening --------------------------------------------------------------

    @Slot()
    def ask_open(self) -> None:
        recent = self.settings.recent_files
        start = os.path.dirname(recent[0]) if recent else ""
        dialog_filter = reader.file_dialog_filter()
        path, _ = QFileDialog.getOpenFileName(self, "Open Article", start, dialog_filter)
        if path:
            self.open_file(path)

    @Slot(str)
    def open_file(self, path: str | os.PathLike[str]) -> None:
        """Load and analyse ``path``; the current article stays until the new one loads."""
        self._start_open(os.path.abspath(os.fspath(path)))

    def reload(self) -> None:
        """Read the open article's file again, keeping the reading position roughly."""
        if self.session.document is not None:
            top = self.article_view.top_offset()
            self._start_open(self.session.document.path, reload_top=top)

    def _start_open(self, path: str, reload_top: int | None = None) -> None:
        self.session.begin_open(path, reload_top=reload_top)
        self.message_bar.dismiss()
        self.controller.submit_open(path, self.current_options())
        self._set_busy(True, f"Loading {os.path.basename(path)}…")

    def open_sample(self) -> None:
        try:
            import resources

            sample = resources.sample_article()
        except Exception as error:  # the bundled sample is missing: say so, don't crash
            self.show_error(f"The sample article is not available. {describe(error)}")
            return
        self.open_file(os.fspath(sample))

    def show_error(self, text: str) -> None:
        """Show ``text`` in the message bar (never a blocking dialog)."""
        self.message_bar.show_message(text, "error")

    # -- copy, print, export ----------------------------------------------------

    @Slot()
    def copy_summary(self) -> None:
        self.reports.copy_summary(self.session.document, self.session.summary)

    def report_html(self) -> str | None:
        analysis = self.analysis
        if self.session.document is None or analysis is None:
            return None
        return reader.report_html(self.session.document, analysis)

    @Slot()
    def print_report(self) -> None:
        self.reports.print(self.report_html())

    @Slot()
    def preview(self) -> None:
        self.reports.preview(self.report_html())

    @Slot()
    def ask_export_report(self) -> None:
        path = self.reports.ask_export_path(self.session.document)
        if path:
            self.export_report(path)

    def export_report(self, path: str | os.PathLike[str]) -> bool:
        """Write the report to ``path``: PDF, HTML or Markdown by its extension."""
        analysis = self.analysis
        if self.session.document is None or analysis is None:
            return False
        return self.reports.export(self.session.document, analysis, path)

    # -- small things -----------------------------------------------------------

    @Slot()
    def clear_cache(self) -> None:
        cache = self.controller.cache
        if cache is None:
            return
        freed = cache.size_bytes()
        cache.clear()
        self.status_label.setText(f"Analysis cache cleared ({freed / 1_048_576:.1f} MB freed).")

    @Slot()
    def cancel(self) -> None:
        if not self.controller.is_busy():
            return
        self.session.cancelled = True
        self.controller.cancel()

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self.status.set_busy(busy, text)
        self.commands["cancel"].setEnabled(busy)

    def _update_actions(self) -> None:
        summary = self.session.summary
        has_analysis = self.session.document is not None and self.session.analysis is not None
        self.commands["copy"].setEnabled(summary is not None and bool(summary.sentences))
        for action in (
            self.commands["print"],
            self.commands["preview"],
            self.commands["export_report"],
        ):
            action.setEnabled(has_analysis)

    @Slot()
    def about(self) -> None:
        from .about import show_about

        show_about(self, APP_NAME)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.file_watcher.stop()
            self.remember_position()
            self.save_state()
            self.controller.shutdown()
        event.accept()
