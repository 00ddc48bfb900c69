"""The main window: the article on the left; its summary, entities and statements on the right.

The window lays out its parts and wires them: the commands come from
``actions``, the open articles are tabs (``ArticleTabs``; ``TabCommands`` in
``window_tabs``), each with its ``ArticleSession`` and its own
``AnalysisController``; the summary choices are in ``SummaryOptions``, the
watched file in ``FileWatcher`` and File ▸ Open Recent in ``RecentFilesMenu``.
``AnalysisResults`` (``window_analysis``) shows what the analyses bring,
``FileEvents`` (``window_files``) answers the file changing on disk and files
dropped on the window, ``ReadingCommands`` (``window_reading``) find, zoom,
themes, contents and the reading position. ``session``, ``controller``,
``article_view`` and the like are the current tab's.
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
from .errors import describe
from .file_watcher import FileWatcher
from .panels.message_bar import MessageBar
from .recent_files import RecentFilesMenu
from .report_commands import ReportCommands
from .settings import Settings
from .side_panels import SidePanels
from .status import StatusParts
from .summary_options import SummaryOptions
from .tasks import AnalysisController
from .window_analysis import AnalysisResults
from .window_files import FileEvents, file_url_mime, local_paths
from .window_parts import APP_NAME
from .window_reading import ReadingCommands
from .window_tabs import TabCommands

__all__ = ["APP_NAME", "MainWindow", "file_url_mime", "local_paths"]
DEFAULT_SIZE = (1280, 800)
SPLIT = 0.62  # the article's share of the width
CONTENTS_WIDTH = 280  # pixels: the Contents dock, at first


class MainWindow(TabCommands, AnalysisResults, FileEvents, ReadingCommands, QMainWindow):
    """Article Reader's window. Tests pass their own ``Settings`` (a temp INI file) and
    ``AnalysisController`` (the first tab's; the other tabs' share its pool and cache)."""

    def __init__(
        self,
        settings: Settings | None = None,
        controller: AnalysisController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self._closed = False

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._build_widgets(controller or AnalysisController(self))
        self._build_commands()
        self._build_status_bar()
        self._build_reading()
        self._connect()
        self._restore_state()
        self._update_actions()

    # -- construction -------------------------------------------------------------

    def _build_widgets(self, controller: AnalysisController) -> None:
        self.message_bar = MessageBar(self)
        self.summary_options = SummaryOptions(self.settings, self)
        self.algorithm_combo = self.summary_options.algorithm_combo
        self.length_spin = self.summary_options.length_spin
        self.length_unit_combo = self.summary_options.unit_combo
        self._build_tabs(controller)
        self.reports = ReportCommands(self, self.settings, self.show_error)

        self.side = SidePanels(self)
        self.side_splitter = self.side
        self.side_tabs = self.side.tabs
        self.summary_panel = self.side.summary_panel
        self.entity_sidebar = self.side.entity_sidebar
        self.stance_panel = self.side.stance_panel
        self.stance_panel.set_highlights_enabled(self.settings.highlight_statements)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.article_tabs)
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

    def _build_commands(self) -> None:
        self.commands = build_actions(self, lambda name: getattr(self, name))
        for key, action in self.commands.items():  # window.open_action, window.copy_action...
            setattr(self, f"{key}_action", action)
        self.commands["highlight"].setChecked(self.settings.highlight_summary)
        self.commands["stance_highlight"].setChecked(self.settings.highlight_statements)
        self.commands["reload"].setChecked(self.settings.reload_on_change)
        self.commands["restore_tabs"].setChecked(self.settings.restore_tabs)
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
        # The panels act on the article on screen, whichever tab that is.
        self.summary_options.changed.connect(self._options_changed)
        self.summary_panel.sentenceActivated.connect(self._reveal)
        self.summary_panel.copyRequested.connect(self.copy_summary)
        self.entity_sidebar.entitySelected.connect(self._on_entity_selected)
        self.entity_sidebar.mentionActivated.connect(self._reveal)
        self.stance_panel.statementActivated.connect(self._reveal)
        self.side.matrix_panel.statementActivated.connect(self._reveal)
        self.side.matrix_panel.cellActivated.connect(self._mark_all)
        self.stance_panel.highlightsChanged.connect(self._on_stance_highlights_changed)
        self.file_watcher.changed.connect(self._on_file_changed)
        self.file_watcher.removed.connect(self._on_file_removed)
        self.file_watcher.restored.connect(self.message_bar.dismiss)
        self.recent_menu.fileChosen.connect(self.open_path)

    @Slot(int, int)
    def _reveal(self, start: int, end: int) -> None:
        self.article_view.reveal(start, end)

    @Slot(object)
    def _mark_all(self, spans: list[tuple[int, int]]) -> None:
        self.highlights.mark_all(spans)

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
        """The current tab's."""
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
            self.open_path(path)

    @Slot(str)
    def open_file(self, path: str | os.PathLike[str]) -> None:
        """Load and analyse ``path`` in the current tab (the article there stays until the
        new one loads); when another tab shows ``path``, that tab is shown instead."""
        path = os.path.abspath(os.fspath(path))
        other = self.article_tabs.tab_for(path)
        if other is not None and other is not self.tab:
            self.article_tabs.show_tab(other)
            return
        self._start_open(path)

    def reload(self) -> None:
        """Read the open article's file again, keeping the reading position roughly."""
        if self.session.document is not None:
            top = self.article_view.top_offset()
            self._start_open(self.session.document.path, reload_top=top)

    def _start_open(self, path: str, reload_top: int | None = None) -> None:
        self.session.begin_open(path, reload_top=reload_top)
        if self.session.document is None:
            self.article_tabs.set_title(self.tab, os.path.basename(path), path)
        self.message_bar.dismiss()
        self.controller.submit_open(path, self.tab.options)
        self._set_busy(True, f"Loading {os.path.basename(path)}…")

    def open_sample(self) -> None:
        try:
            import resources

            sample = resources.sample_article()
        except Exception as error:  # the bundled sample is missing: say so, don't crash
            self.show_error(f"The sample article is not available. {describe(error)}")
            return
        self.open_path(os.fspath(sample))

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
            for tab in self.article_tabs.tabs():
                self.remember_position(tab)
            self.save_tabs()
            self.save_state()
            self.shutdown_work()
        event.accept()
