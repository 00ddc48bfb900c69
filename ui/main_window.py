"""The main window: the article on the left; its summary, entities and statements on the right.

The window owns no analysis: it asks the ``AnalysisController`` for work and
shows what comes back. A summary is shown only when it was made with the
options currently chosen in the toolbar, so a late result of an older choice is
never shown. The open file is watched: when it changes on disk the article is
read again (never written).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QMimeData, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import reader
from reader import (
    Analysis,
    AnalysisOptions,
    Document,
    Entity,
    StageNote,
    Statement,
    Summary,
)

from . import theme
from .article_view import ArticleView
from .entity_sidebar import EntitySidebar
from .message_bar import MessageBar
from .settings import MAX_RECENT, Settings
from .stance_panel import LABELS, StancePanel
from .summary_panel import SummaryPanel
from .tasks import AnalysisController

APP_NAME = "Article Reader"
DEFAULT_SIZE = (1280, 800)
SPLIT = 0.62  # the article's share of the width
# Editors save in steps (truncate, write, rename): wait for the file to settle.
RELOAD_DELAY_MS = 350
STANCE_TAB = "Stance"

Sp = QStyle.StandardPixmap


def algorithm_choices() -> list[tuple[str, str]]:
    """``(key, display name)`` of every summariser, read from the core at runtime."""
    return [(key, str(name)) for key, name in reader.ALGORITHMS.items()]


class MainWindow(QMainWindow):
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
        self._document: Document | None = None
        self._analysis: Analysis | None = None
        self._summary: Summary | None = None
        self._seen_summary: Summary | None = None  # last summary an analysis brought
        self._shown_entities: tuple[Entity, ...] | None = None
        self._pending_path: str | None = None
        self._complete = False
        self._cancelled = False
        self._failed = False
        self._closed = False
        self._shown_statements: tuple[Statement, ...] | None = None  # None until stance ran
        self._shown_notes: set[StageNote] = set()  # stages that failed or were skipped
        # The stance spans last drawn, and in which document (the view drops layers on a new one).
        self._stance_spans: dict[str, list[tuple[int, int]]] = {}
        self._stance_document: Document | None = None
        self._reloading: str | None = None  # the path being read again after a change
        self._reload_top = 0  # the offset at the top of the view when the reload began
        self._watched_path: str | None = None
        self._file_signature: tuple[int, int, int] | None = None  # of the file on screen
        self._pending_signature: tuple[int, int, int] | None = None  # of the file loading
        self._file_missing = False

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self._restore_state()
        self._update_actions()

    # -- construction -------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.message_bar = MessageBar(self)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("articleTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(theme.reading_font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setBackgroundRole(QPalette.ColorRole.Base)
        self.title_label.setAutoFillBackground(True)
        self.title_label.hide()
        # A header above the scrolling text, not a line of it: a rule keeps them apart.
        self.title_rule = QFrame(self)
        self.title_rule.setFrameShape(QFrame.Shape.HLine)
        self.title_rule.setFrameShadow(QFrame.Shadow.Plain)
        self.title_rule.setForegroundRole(QPalette.ColorRole.Mid)
        self.title_rule.hide()

        self.article_view = ArticleView(self)
        self.article_view.setObjectName("articleView")
        self.article_view.setAccessibleName("Article")

        article_pane = QWidget(self)
        layout = QVBoxLayout(article_pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.title_rule)
        layout.addWidget(self.article_view, 1)

        self.summary_panel = SummaryPanel(self)
        self.summary_panel.setObjectName("summaryPanel")
        self.entity_sidebar = EntitySidebar(self)
        self.entity_sidebar.setObjectName("entitySidebar")
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.entity_sidebar, "Entities")
        self.stance_panel = StancePanel(self)
        self.stance_panel.setObjectName("stancePanel")
        self.stance_panel.set_highlights_enabled(self.settings.highlight_statements)
        self.side_tabs.addTab(self.stance_panel, STANCE_TAB)

        self.watcher = QFileSystemWatcher(self)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)

        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.side_splitter.setObjectName("sideSplitter")
        self.side_splitter.addWidget(self.summary_panel)
        self.side_splitter.addWidget(self.side_tabs)
        self.side_splitter.setChildrenCollapsible(False)
        self.side_splitter.setStretchFactor(0, 4)
        self.side_splitter.setStretchFactor(1, 5)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(article_pane)
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

    def _action(
        self,
        text: str,
        slot,
        shortcut: QKeySequence | str | None = None,
        icon: tuple[str, Sp | None] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(theme.icon(*icon))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            "&Open…",
            self.ask_open,
            "Ctrl+O",
            ("document-open", Sp.SP_DialogOpenButton),
            "Open an article: " + reader.format_summary(),
        )
        self.export_pdf_action = self._action(
            "&Export PDF…",
            self.ask_export_pdf,
            None,
            ("document-export", None),
            "Save the summary, entities and statements as a PDF",
        )
        self.preview_action = self._action(
            "Print Pre&view…",
            self.preview,
            None,
            ("document-print-preview", None),
            "See the printed report before printing",
        )
        self.print_action = self._action(
            "&Print…",
            self.print_report,
            "Ctrl+P",
            ("document-print", None),
            "Print the summary, entities and statements",
        )
        self.quit_action = self._action(
            "&Quit", self.close, "Ctrl+Q", ("application-exit", None), "Quit Article Reader"
        )
        self.copy_action = self._action(
            "&Copy Summary",
            self.copy_summary,
            "Ctrl+Shift+C",
            ("edit-copy", None),
            "Copy the summary as plain and formatted text",
        )
        self.next_mention_action = self._action(
            "Find &Next Mention",
            self.next_mention,
            "F3",
            ("go-down", Sp.SP_ArrowDown),
            "Show the selected entity's next mention",
        )
        self.previous_mention_action = self._action(
            "Find Pre&vious Mention",
            self.previous_mention,
            "Shift+F3",
            ("go-up", Sp.SP_ArrowUp),
            "Show the selected entity's previous mention",
        )
        self.filter_action = self._action(
            "&Filter Entities",
            self.focus_entity_filter,
            "Ctrl+F",
            ("edit-find", None),
            "Type to filter the entity list",
        )
        self.highlight_action = self._action(
            "&Highlight Summary",
            self._on_highlight_toggled,
            None,
            ("format-text-highlight", None),
            "Mark the summary's sentences in the article",
        )
        self.highlight_action.setCheckable(True)
        self.highlight_action.setChecked(self.settings.highlight_summary)
        self.stance_highlight_action = self._action(
            "Highlight &Statements",
            self._on_stance_highlight_toggled,
            None,
            None,
            "Colour who-says-what statements in the article by their stance",
        )
        self.stance_highlight_action.setCheckable(True)
        self.stance_highlight_action.setChecked(self.settings.highlight_statements)
        self.reload_action = self._action(
            "&Reload When File Changes",
            self._on_reload_toggled,
            None,
            None,
            "Read the article again when its file is changed by another program",
        )
        self.reload_action.setCheckable(True)
        self.reload_action.setChecked(self.settings.reload_on_change)
        self.about_action = self._action(
            "&About Article Reader",
            self.about,
            None,
            ("help-about", Sp.SP_MessageBoxInformation),
        )
        self.clear_cache_action = self._action(
            "Clear Analysis &Cache",
            self.clear_cache,
            None,
            ("edit-clear", None),
            "Forget the saved analyses of files opened before",
        )
        self.clear_recent_action = self._action(
            "&Clear Menu", self.clear_recent_files, None, ("edit-clear-history", None)
        )
        self.cancel_action = self._action(
            "Cancel",
            self.cancel,
            "Esc",
            ("process-stop", Sp.SP_BrowserStop),
            "Stop the analysis",
        )
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.cancel_action.setEnabled(False)  # enabled only while work runs

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.export_pdf_action)
        file_menu.addAction(self.preview_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.clear_cache_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.copy_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.next_mention_action)
        edit_menu.addAction(self.previous_mention_action)
        edit_menu.addAction(self.filter_action)

        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.highlight_action)
        view_menu.addAction(self.stance_highlight_action)
        view_menu.addSeparator()
        view_menu.addAction(self.reload_action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)
        self._rebuild_recent_menu()

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main", self)
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.toolbar = bar
        bar.addAction(self.open_action)
        bar.addSeparator()

        bar.addWidget(self._toolbar_label("Summariser"))
        self.algorithm_combo = QComboBox(self)
        self.algorithm_combo.setObjectName("algorithmCombo")
        self.algorithm_combo.setToolTip("The method that picks the summary's sentences")
        self.algorithm_combo.setAccessibleName("Summariser")
        for key, name in algorithm_choices():
            self.algorithm_combo.addItem(name, key)
        index = self.algorithm_combo.findData(self.settings.algorithm)
        if index < 0:
            index = max(0, self.algorithm_combo.findData(reader.DEFAULT_ALGORITHM))
        self.algorithm_combo.setCurrentIndex(index)
        bar.addWidget(self.algorithm_combo)

        bar.addWidget(self._toolbar_label("Length"))
        self.length_spin = QSpinBox(self)
        self.length_spin.setObjectName("lengthSpin")
        self.length_spin.setAccessibleName("Summary length")
        self.length_spin.setToolTip("How long the summary is")
        self.length_unit_combo = QComboBox(self)
        self.length_unit_combo.setObjectName("lengthUnitCombo")
        self.length_unit_combo.setAccessibleName("Summary length unit")
        self.length_unit_combo.addItem("sentences", "sentences")
        self.length_unit_combo.addItem("% of the article", "%")
        unit = self.settings.length_unit
        self.length_unit_combo.setCurrentIndex(self.length_unit_combo.findData(unit))
        self._configure_spin(unit)
        bar.addWidget(self.length_spin)
        bar.addWidget(self.length_unit_combo)
        bar.addSeparator()
        bar.addAction(self.highlight_action)
        bar.addAction(self.copy_action)
        bar.addAction(self.print_action)

    def _toolbar_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setContentsMargins(8, 0, 4, 0)
        return label

    def _configure_spin(self, unit: str) -> None:
        self.length_spin.blockSignals(True)
        if unit == "%":
            self.length_spin.setRange(1, 100)
        else:
            self.length_spin.setRange(1, 50)
        self.length_spin.setValue(self.settings.length_value(unit))
        self.length_spin.blockSignals(False)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.status_label = QLabel("Open an article to begin.", self)
        self.status_label.setObjectName("statusLabel")
        status.addWidget(self.status_label, 1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy indicator
        self.progress.setMaximumWidth(120)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        status.addPermanentWidget(self.progress)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Stop the analysis (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        status.addPermanentWidget(self.cancel_button)

    def _connect(self) -> None:
        c = self.controller
        c.documentLoaded.connect(self._on_document_loaded)
        c.analysisUpdated.connect(self._on_analysis_updated)
        c.summaryUpdated.connect(self._on_summary_updated)
        c.stageChanged.connect(self._on_stage)
        c.failed.connect(self._on_failed)
        c.finished.connect(self._on_finished)

        self.algorithm_combo.currentIndexChanged.connect(self._on_algorithm_changed)
        self.length_spin.valueChanged.connect(self._on_length_changed)
        self.length_unit_combo.currentIndexChanged.connect(self._on_unit_changed)

        self.summary_panel.sentenceActivated.connect(self.article_view.reveal)
        self.summary_panel.copyRequested.connect(self.copy_summary)
        self.entity_sidebar.entitySelected.connect(self._on_entity_selected)
        self.entity_sidebar.mentionActivated.connect(self.article_view.reveal)
        self.stance_panel.statementActivated.connect(self.article_view.reveal)
        self.stance_panel.highlightsChanged.connect(self._on_stance_highlights_changed)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self.watcher.directoryChanged.connect(self._on_directory_changed)
        self._reload_timer.timeout.connect(self._check_file)
        self.article_view.measureChanged.connect(self._align_title)
        self.addAction(self.cancel_action)

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

    def save_state(self) -> None:
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("main_splitter", self.main_splitter.saveState())
        self.settings.set_state("side_splitter", self.side_splitter.saveState())
        self.settings.sync()

    def current_options(self) -> AnalysisOptions:
        return AnalysisOptions(algorithm=self.current_algorithm(), length=self.current_length())

    def current_algorithm(self) -> str:
        return str(self.algorithm_combo.currentData() or reader.DEFAULT_ALGORITHM)

    def current_length(self) -> str:
        value = self.length_spin.value()
        return f"{value}%" if self.length_unit_combo.currentData() == "%" else str(value)

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def analysis(self) -> Analysis | None:
        """The latest analysis, carrying the summary currently shown."""
        if self._analysis is None:
            return None
        return replace(self._analysis, summary=self._summary, options=self.current_options())

    @property
    def summary(self) -> Summary | None:
        return self._summary

    def is_complete(self) -> bool:
        return self._complete

    # -- opening --------------------------------------------------------------

    @Slot()
    def ask_open(self) -> None:
        start = os.path.dirname(self.settings.recent_files[0]) if self.settings.recent_files else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Article", start, reader.file_dialog_filter()
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str | os.PathLike[str]) -> None:
        """Load and analyse ``path``; the current article stays until the new one loads."""
        self._reloading = None
        self._start_open(os.path.abspath(os.fspath(path)))

    def reload(self) -> None:
        """Read the open article's file again, keeping the reading position roughly."""
        if self._document is None:
            return
        self._reloading = self._document.path
        self._reload_top = self.article_view.top_offset()
        self._start_open(self._document.path)

    def _start_open(self, path: str) -> None:
        self._pending_signature = file_signature(path)
        self._pending_path = path
        self._cancelled = False
        self._failed = False
        self.message_bar.dismiss()
        self.controller.submit_open(path, self.current_options())
        self._set_busy(True, f"Loading {os.path.basename(path)}…")

    def open_sample(self) -> None:
        try:
            import resources

            sample = resources.sample_article()
        except Exception as error:  # the bundled sample is missing: say so, don't crash
            from .errors import describe

            self.show_error(f"The sample article is not available. {describe(error)}")
            return
        self.open_file(os.fspath(sample))

    def show_error(self, text: str) -> None:
        """Show ``text`` in the message bar (never a blocking dialog)."""
        self.message_bar.show_message(text, "error")

    # -- controller results -------------------------------------------------------

    @Slot(object)
    def _on_document_loaded(self, document: Document) -> None:
        reloaded = self._reloading is not None and self._reloading == document.path
        self._reloading = None
        self._pending_path = None
        self._document = document
        self._analysis = None
        self._summary = None
        self._seen_summary = None
        self._shown_entities = None
        self._shown_statements = None
        self._shown_notes = set()
        self._complete = False
        self.article_view.show_document(document)
        self._show_title(document)
        if document.metadata.get("notice"):
            self.message_bar.show_message(document.metadata["notice"], "warning")
        self.summary_panel.show_message("Summarising…")
        if reloaded:
            # Keep the entity list (and its selection) until the new one replaces it;
            # greyed out, because its positions belong to the old text.
            self.article_view.scroll_to_offset(self._reload_top)
            self.entity_sidebar.setEnabled(False)
        else:
            self.entity_sidebar.show_message("Finding entities…")
            self.stance_panel.clear()
        self.stance_panel.show_message("Finding who says what…")
        self._set_stance_count(None)
        self._file_signature = self._pending_signature
        self._watch(document.path)
        self._add_recent(document.path)
        self._update_actions()

    @Slot(object)
    def _on_analysis_updated(self, analysis: Analysis) -> None:
        if self._document is None:
            return
        self._analysis = analysis
        summary = analysis.summary
        if summary is not None and summary is not self._seen_summary:
            self._seen_summary = summary
            if self._matches(summary):
                self._set_summary(summary)
            elif not self._matches(self._summary):
                self._request_summary()
        if analysis.entities and analysis.entities is not self._shown_entities:
            self._show_entities(analysis.entities)
        if analysis.statements and analysis.statements is not self._shown_statements:
            self._show_statements(analysis.statements)
        self._show_notes(analysis.notes)
        self._update_actions()

    def _show_notes(self, notes: tuple[StageNote, ...]) -> None:
        """Stages that failed or do not apply: said in their panel and in the message bar."""
        fresh = [note for note in notes if note not in self._shown_notes]
        if not fresh:
            return
        self._shown_notes.update(fresh)
        for note in fresh:
            if note.stage == "summary":
                self.summary_panel.show_message(note.message)
            elif note.stage == "entities":
                self._shown_entities = ()
                self._show_no_entities(note.message)
            elif note.stage == "stance":
                self._shown_statements = ()
                self.stance_panel.show_message(note.message)
                self._set_stance_count(None)
        messages = dict.fromkeys(note.message for note in self._shown_notes)
        failed = any(note.failed for note in self._shown_notes)
        self.message_bar.show_message(" ".join(messages), "error" if failed else "info")

    @Slot(object)
    def _on_summary_updated(self, summary: Summary) -> None:
        if self._matches(summary):
            self._set_summary(summary)

    @Slot(str)
    def _on_stage(self, text: str) -> None:
        self.status_label.setText(text)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.show_error(message)
        self._failed = True
        self._reloading = None
        failed_path, self._pending_path = self._pending_path, None
        if failed_path is not None:
            # The file did not load: the article on screen stays. Forget a recent
            # file that has gone, and finish the on-screen article if it was cut short.
            if not os.path.exists(failed_path):
                self.settings.remove_recent_file(failed_path)
                self._rebuild_recent_menu()
            if self._document is not None and not self._complete:
                self._failed = False
                self.controller.submit_analysis(self._document, self.current_options())
                return
        else:
            if self._summary is None:
                self.summary_panel.show_message("No summary: the analysis failed.")
            if self._shown_entities is None:
                self._show_no_entities("No entities: the analysis failed.")
            if self._shown_statements is None:
                self.stance_panel.show_message("No statements: the analysis failed.")

    @Slot()
    def _on_finished(self) -> None:
        self._set_busy(False)
        if self._pending_path is not None:  # cancelled while loading
            self._pending_path = None
            self._reloading = None
        if self._document is None:
            self.status_label.setText(
                "Cancelled." if self._cancelled else "Open an article to begin."
            )
            return
        if self._analysis is not None and not self._cancelled and not self._failed:
            self._complete = True
        interrupted = self._cancelled or self._failed
        if self._analysis is not None and not interrupted:
            # The last stage has run: empty results are results too.
            if self._shown_entities is None:
                self._show_entities(self._analysis.entities)
            if self._shown_statements is None:
                self._show_statements(self._analysis.statements)
        if self._cancelled:
            if self._summary is None:
                self.summary_panel.show_message("The analysis was cancelled.")
            if self._shown_entities is None:
                self._show_no_entities("The analysis was cancelled.")
            if self._shown_statements is None:
                self.stance_panel.show_message("The analysis was cancelled.")
            self.status_label.setText("Cancelled.")
        else:
            self.status_label.setText(self._ready_text())
        self._update_actions()

    def _ready_text(self) -> str:
        sentences = len(self._analysis.sentences) if self._analysis else 0
        entities = len(self._shown_entities or ())
        statements = len(self._shown_statements or ())
        s = "sentence" if sentences == 1 else "sentences"
        e = "entity" if entities == 1 else "entities"
        t = "statement" if statements == 1 else "statements"
        return f"Ready — {sentences} {s}, {entities} {e}, {statements} {t}"

    # -- summary ----------------------------------------------------------------

    def _matches(self, summary: Summary | None) -> bool:
        return summary is not None and summary.options == self.current_options()

    def _set_summary(self, summary: Summary) -> None:
        self._summary = summary
        total = len(self._analysis.sentences) if self._analysis is not None else None
        self.summary_panel.show_summary(
            self._document, summary, total, self._analysis.sentences if self._analysis else None
        )
        self._update_summary_layer()
        self._update_actions()

    def _request_summary(self) -> None:
        if self._document is None or self._analysis is None:
            return
        self._cancelled = self._failed = False
        self.summary_panel.show_message("Summarising…")
        self.article_view.clear_layer("summary")
        self.controller.submit_summary(
            self._document, self._analysis.sentences, self.current_options()
        )
        self._set_busy(True, "Summarising…")

    def _options_changed(self) -> None:
        if self._matches(self._summary) or self._analysis is None:
            return  # nothing shown yet: the running analysis will be checked on arrival
        summary_stage_done = self._analysis.summary is not None
        if summary_stage_done or not self.controller.is_busy():
            self._request_summary()

    @Slot(int)
    def _on_algorithm_changed(self, _index: int) -> None:
        self.settings.algorithm = self.current_algorithm()
        self._options_changed()

    @Slot(int)
    def _on_length_changed(self, value: int) -> None:
        self.settings.set_length_value(str(self.length_unit_combo.currentData()), value)
        self._options_changed()

    @Slot(int)
    def _on_unit_changed(self, _index: int) -> None:
        unit = str(self.length_unit_combo.currentData())
        self.settings.length_unit = unit
        self._configure_spin(unit)
        self._options_changed()

    @Slot(bool)
    def _on_highlight_toggled(self, checked: bool) -> None:
        self.settings.highlight_summary = checked
        self._update_summary_layer()

    def _update_summary_layer(self) -> None:
        if self.highlight_action.isChecked() and self._summary is not None:
            spans = [(s.start, s.end) for s in self._summary.sentences]
            self.article_view.set_layer("summary", spans, theme.SUMMARY)
        else:
            self.article_view.clear_layer("summary")

    # -- entities ---------------------------------------------------------------

    def _show_entities(self, entities: tuple[Entity, ...]) -> None:
        self._shown_entities = entities
        self.article_view.clear_layer("entity")
        self.entity_sidebar.setEnabled(True)
        # Keeps the selected entity when it is still there (after a reload).
        self.entity_sidebar.show_entities(entities)

    def _show_no_entities(self, text: str) -> None:
        self.entity_sidebar.setEnabled(True)
        self.entity_sidebar.show_message(text)

    @Slot(object)
    def _on_entity_selected(self, entity: Entity | None) -> None:
        # A click also sends the first mention (mentionActivated), which is revealed;
        # an entity kept across a new analysis only has its mentions redrawn.
        if entity is None:
            self.article_view.clear_layer("entity")
            self.article_view.clear_layer("mark")
            return
        spans = [(m.start, m.end) for m in entity.mentions]
        self.article_view.set_layer("entity", spans, theme.ENTITY)

    # -- statements -------------------------------------------------------------

    def _show_statements(self, statements: tuple[Statement, ...]) -> None:
        self._shown_statements = statements
        self.stance_panel.show_statements(statements)  # emits highlightsChanged
        self._set_stance_count(len(statements))
        self._update_stance_layers()

    def _set_stance_count(self, count: int | None) -> None:
        index = self.side_tabs.indexOf(self.stance_panel)
        self.side_tabs.setTabText(index, f"{STANCE_TAB} ({count})" if count else STANCE_TAB)

    @Slot()
    def _on_stance_highlights_changed(self) -> None:
        # The panel's checkbox mirrors the action, which is the one source of truth.
        enabled = self.stance_panel.highlights_enabled()
        if enabled != self.stance_highlight_action.isChecked():
            self.stance_highlight_action.setChecked(enabled)
            self.settings.highlight_statements = enabled
        self._update_stance_layers()

    @Slot(bool)
    def _on_stance_highlight_toggled(self, checked: bool) -> None:
        self.settings.highlight_statements = checked
        self.stance_panel.set_highlights_enabled(checked)  # emits highlightsChanged
        self._update_stance_layers()

    def _update_stance_layers(self) -> None:
        view = self.article_view
        on = self.stance_highlight_action.isChecked() and self._shown_statements is not None
        spans = self.stance_panel.label_spans() if on else {}
        if spans == self._stance_spans and view.current_document() is self._stance_document:
            return  # the panel's signal and the window both ask after new statements
        self._stance_spans = spans
        self._stance_document = view.current_document()
        with view.changing_layers():
            for label in LABELS:
                name = f"stance-{label}"
                if spans.get(label):
                    style = "underline" if label == "neutral" else "tint"
                    view.set_layer(name, spans[label], theme.STANCE[label], style)
                else:
                    view.clear_layer(name)

    @Slot()
    def next_mention(self) -> None:
        self.entity_sidebar.next_mention()

    @Slot()
    def previous_mention(self) -> None:
        self.entity_sidebar.previous_mention()

    @Slot()
    def focus_entity_filter(self) -> None:
        edit = self.entity_sidebar.filter_edit()
        self.side_tabs.setCurrentWidget(self.entity_sidebar)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    # -- copy, print, export ----------------------------------------------------

    @Slot()
    def copy_summary(self) -> None:
        if self._document is None or self._summary is None:
            self.statusBar().showMessage("There is no summary to copy yet.", 4000)
            return
        from .clipboard import copy_summary

        copy_summary(self._document, self._summary)
        self.statusBar().showMessage("Summary copied.", 3000)

    def report_html(self) -> str | None:
        if self._document is None or self._analysis is None:
            return None
        analysis = self.analysis
        assert analysis is not None
        return reader.report_html(self._document, analysis)

    @Slot()
    def print_report(self) -> None:
        html = self.report_html()
        if html is not None:
            from .printing import print_report

            print_report(self, html)

    @Slot()
    def preview(self) -> None:
        html = self.report_html()
        if html is not None:
            from .printing import preview_report

            preview_report(self, html)

    @Slot()
    def ask_export_pdf(self) -> None:
        if self._document is None:
            return
        stem = Path(self._document.path).stem or "article"
        start = str(Path(self._document.path).with_name(f"{stem} - report.pdf"))
        path, _ = QFileDialog.getSaveFileName(self, "Export PDF", start, "PDF (*.pdf)")
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str | os.PathLike[str]) -> bool:
        html = self.report_html()
        if html is None:
            return False
        from .printing import export_pdf

        try:
            export_pdf(html, path)
        except OSError as error:
            from .errors import describe

            self.show_error(describe(error))
            return False
        self.statusBar().showMessage(f"Saved {os.path.basename(os.fspath(path))}.", 4000)
        return True

    # -- the file on disk ---------------------------------------------------------

    def _watch(self, path: str) -> None:
        """Watch ``path`` and its folder (to see it come back after a delete or rename)."""
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        self._watched_path = path
        self._file_missing = False
        self.watcher.addPath(path)
        folder = os.path.dirname(path)
        if os.path.isdir(folder):
            self.watcher.addPath(folder)

    @Slot(str)
    def _on_file_changed(self, path: str) -> None:
        if path == self._watched_path:
            self._reload_timer.start()  # restarted by every step of a save

    @Slot(str)
    def _on_directory_changed(self, folder: str) -> None:
        if self._watched_path is not None and folder == os.path.dirname(self._watched_path):
            self._reload_timer.start()  # cheap: _check_file compares the file's signature

    @Slot()
    def _check_file(self) -> None:
        """After the file settled: note that it is gone, reload it, or do nothing.

        Removal is reported even when reloading is off; the toggle governs reloads only.
        """
        path = self._watched_path
        if path is None or self._document is None:
            return
        signature = file_signature(path)
        if signature is None:
            if not self._file_missing:
                self._file_missing = True
                self.message_bar.show_message(
                    f"“{os.path.basename(path)}” was removed or renamed. The article stays "
                    "as it was last read; it is read again if the file comes back.",
                    "warning",
                )
            return
        if path not in self.watcher.files():
            self.watcher.addPath(path)  # replaced by a new file: watch the new one
        if self._file_missing:
            self._file_missing = False
            self.message_bar.dismiss()
        if signature == self._file_signature or not self.reload_action.isChecked():
            return
        loading = self._pending_path
        if loading is not None and (loading != path or signature == self._pending_signature):
            return  # another file is opening, or this version is being read already
        self.reload()

    @Slot(bool)
    def _on_reload_toggled(self, checked: bool) -> None:
        self.settings.reload_on_change = checked
        if checked:
            self._reload_timer.start()  # catch up with changes made while it was off

    # -- recent files -----------------------------------------------------------

    def _add_recent(self, path: str) -> None:
        self.settings.add_recent_file(path)
        self._rebuild_recent_menu()

    @Slot()
    def clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.settings.recent_files[:MAX_RECENT]
        for number, path in enumerate(paths, start=1):
            label = os.path.basename(path).replace("&", "&&")
            action = menu.addAction(f"&{number % 10} {label}" if number <= 10 else label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.triggered.connect(self._open_recent)
        if paths:
            menu.addSeparator()
        menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))
        menu.setEnabled(True)

    @Slot()
    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data():
            self.open_file(str(action.data()))

    def recent_paths_in_menu(self) -> list[str]:
        return [str(a.data()) for a in self.recent_menu.actions() if a.data()]

    # -- drag and drop ------------------------------------------------------------

    @staticmethod
    def local_paths(mime: QMimeData) -> list[str]:
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def handle_drop(self, mime: QMimeData) -> bool:
        """Open the first local file in ``mime``; True when there was one."""
        paths = [p for p in self.local_paths(mime) if p]
        if not paths:
            return False
        self.open_file(paths[0])
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.handle_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

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
        self._cancelled = True
        self.controller.cancel()

    def _set_busy(self, busy: bool, text: str | None = None) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_action.setEnabled(busy)
        if text is not None:
            self.status_label.setText(text)

    def _show_title(self, document: Document) -> None:
        has_title_block = any(b.kind == "title" for b in document.blocks)
        title = document.title.strip() or Path(document.path).stem or "Untitled"
        if has_title_block:
            self.title_label.hide()
            self.title_rule.hide()
        else:
            self.title_label.setText(title)
            self.title_label.show()
            self.title_rule.show()
            self._align_title(self.article_view.text_left())
        self.setWindowTitle(f"{title} — {APP_NAME}")

    @Slot(int)
    def _align_title(self, left: int) -> None:
        self.title_label.setContentsMargins(left, 18, left, 14)

    def _update_actions(self) -> None:
        has_summary = self._summary is not None and bool(self._summary.sentences)
        has_analysis = self._document is not None and self._analysis is not None
        self.copy_action.setEnabled(has_summary)
        for action in (self.print_action, self.preview_action, self.export_pdf_action):
            action.setEnabled(has_analysis)

    @Slot()
    def about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME}</h3>"
            "<p>Read a local news article beside its extractive summary, the people, "
            "places and organisations it mentions, and who says what.</p>"
            "<p>Everything runs on this computer: nothing is sent anywhere.</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self._reload_timer.stop()
            watched = self.watcher.files() + self.watcher.directories()
            if watched:
                self.watcher.removePaths(watched)
            self.save_state()
            self.controller.shutdown()
        event.accept()


def file_signature(path: str) -> tuple[int, int, int] | None:
    """``(mtime_ns, size, inode)`` of ``path``: changes when a program saves it; None if gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def file_url_mime(*paths: str | os.PathLike[str]) -> QMimeData:
    """A ``QMimeData`` holding file URLs, as a file manager's drag carries."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(os.fspath(p)) for p in paths])
    return mime
