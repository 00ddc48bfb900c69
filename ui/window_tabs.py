"""The window's tabs: opening into them, switching, closing, and the tabs of the last session.

Each tab has its own analysis controller (sharing one thread pool and cache),
so a tab in the back goes on with its analysis and a closed tab's work is
cancelled without touching the others. A controller's results come here with
their tab; a closed tab's never reach a handler. The side panels show the
current tab's results: they are shown again from its session when it comes
to the front.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Slot

from .article_pane import ArticlePane
from .article_tabs import ArticleTab, ArticleTabs
from .window_parts import APP_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

    from .article_find import ArticleFind
    from .article_view import ArticleView
    from .highlights import Highlights
    from .panels.find_bar import FindBar
    from .session import ArticleSession
    from .tasks import AnalysisController
    from .window_parts import WindowParts as _Base
else:
    _Base = object


class TabCommands(_Base):
    """The main window's tabs (a mixin); ``tab`` is the one on screen."""

    def _build_tabs(self, controller: AnalysisController) -> None:
        self.article_tabs = ArticleTabs(self)
        controller.pool.setParent(self)  # shared by every tab's controller; the window's
        self._shown_tab: ArticleTab | None = None
        # the reading position's status and contents mark, once a turn: opening or
        # laying out a book moves its scroll bar a dozen times in one
        self._scroll_shown = QTimer(self)
        self._scroll_shown.setSingleShot(True)
        self._scroll_shown.setInterval(0)
        self._scroll_shown.timeout.connect(self._on_scrolled)
        self._new_tab(controller)
        self.article_tabs.tabShown.connect(self._on_tab_shown)
        self.article_tabs.closeRequested.connect(self.close_tab)

    def _new_tab(self, controller: AnalysisController | None = None) -> ArticleTab:
        if controller is None:
            controller = self.tab.controller.sibling(self)
        pane = ArticlePane(self)
        if self._shown_tab is not None:
            pane.set_reading_style(self.article_view.reading_style())
        tab = ArticleTab(pane, controller, self.summary_options.options())
        self._connect_tab(tab)
        first = self._shown_tab is None
        if first:
            self._shown_tab = tab
            controller.priority = 1
        self.article_tabs.add(tab, select=not first)
        return tab

    def _connect_tab(self, tab: ArticleTab) -> None:
        def routed(handler: Callable[..., None]) -> Callable[..., None]:
            def slot(*args: Any) -> None:
                if not tab.closed:  # a closed tab's late result reaches nothing
                    handler(tab, *args)

            return slot

        c = tab.controller
        c.documentLoaded.connect(routed(self._on_document_loaded))
        c.analysisUpdated.connect(routed(self._on_analysis_updated))
        c.summaryUpdated.connect(routed(self._on_summary_updated))
        c.stageChanged.connect(routed(self._on_stage))
        c.partsDone.connect(routed(self._on_parts))
        c.failed.connect(routed(self._on_failed))
        c.finished.connect(routed(self._on_finished))
        view = tab.article_view
        view.zoomRequested.connect(self._zoom_by)
        shown = routed(lambda t, *_: self._scroll_shown.start() if t is self.tab else None)
        view.verticalScrollBar().valueChanged.connect(shown)
        view.verticalScrollBar().rangeChanged.connect(shown)

    # -- the tab on screen ----------------------------------------------------------

    @property
    def tab(self) -> ArticleTab:
        assert self._shown_tab is not None
        return self._shown_tab

    @property
    def session(self) -> ArticleSession:
        return self.tab.session

    @property
    def controller(self) -> AnalysisController:
        return self.tab.controller

    @property
    def article_pane(self) -> ArticlePane:
        return self.tab.pane

    @property
    def article_view(self) -> ArticleView:
        return self.tab.pane.article_view

    @property
    def highlights(self) -> Highlights:
        return self.tab.highlights

    @property
    def title_label(self) -> QLabel:
        return self.tab.pane.title_label

    @property
    def finder(self) -> ArticleFind:
        return self.tab.pane.finder

    @property
    def find_bar(self) -> FindBar:
        return self.tab.pane.find_bar

    @Slot(object)
    def _on_tab_shown(self, tab: ArticleTab) -> None:
        old = self._shown_tab
        if old is tab:
            return
        if old is not None:
            old.status_text = self.status_label.text()
            old.controller.priority = 0
        self._shown_tab = tab
        tab.controller.priority = 1
        self._show_tab_results(tab)

    def _show_tab_results(self, tab: ArticleTab) -> None:
        """Put ``tab``'s article, results, choices and status on the window."""
        session = tab.session
        self.summary_options.show_options(tab.options)
        self.message_bar.dismiss()
        document = session.document
        if document is None:
            self.setWindowTitle(APP_NAME)
            self.side.show_empty()
            self.file_watcher.stop()
        else:
            self.setWindowTitle(f"{tab.title} — {APP_NAME}")
            self.side.show_loading(False)
            if session.summary is not None:
                self._set_summary(session.summary)
            if session.entities is not None:
                self._show_entities(session.entities)
            if session.portrayals:
                self.entity_sidebar.show_portrayals(session.portrayals)
            if session.statements is not None:
                self._show_statements(session.statements)
            self._show_notes(tuple(session.notes))
            if not tab.controller.is_busy() and session.interrupted:
                why = "was cancelled" if session.cancelled else "failed"
                self.side.explain_missing(session, f"the analysis {why}")
            self.file_watcher.watch(document.path, session.signature)
            self.file_watcher.check_soon()  # it may have changed while in the back
        if tab.message is not None:
            self.message_bar.show_message(*tab.message)
            tab.message = None
        self._reading_tab_shown(tab)
        busy = tab.controller.is_busy()
        self._set_busy(busy, tab.status_text)
        if busy and tab.parts.total:
            self.status.show_parts(tab.parts.done, tab.parts.total, tab.parts.seconds_left())
        self._update_actions()

    def _on_stage(self, tab: ArticleTab, text: str) -> None:
        tab.status_text = text
        if tab is self.tab:
            self.status_label.setText(text)

    def _on_parts(self, tab: ArticleTab, done: int, total: int) -> None:
        tab.parts.update(done, total)
        if tab is self.tab:
            self.status.show_parts(done, total, tab.parts.seconds_left())

    # -- opening into tabs ------------------------------------------------------------

    def open_path(self, path: str | os.PathLike[str]) -> ArticleTab:
        """Open ``path`` as the person asked: its tab if it is open already, else the
        current tab when it is empty, else a new tab."""
        path = os.path.abspath(os.fspath(path))
        tab = self.article_tabs.tab_for(path)
        if tab is not None:
            self.article_tabs.show_tab(tab)
            return tab
        if not self.tab.is_empty():
            self.article_tabs.show_tab(self._new_tab())
        self.open_file(path)
        return self.tab

    def open_paths(self, paths: list[str]) -> None:
        """Open each of ``paths`` (the command line, a drop of several files)."""
        for path in paths:
            self.open_path(path)

    # -- closing and switching --------------------------------------------------------

    @Slot()
    def close_tab(self, tab: ArticleTab | None = None) -> None:
        """Close ``tab`` (the current one by default): its work is cancelled. The last
        tab leaves an empty one behind."""
        tab = tab if isinstance(tab, ArticleTab) else self.tab
        if tab.closed:
            return
        self.remember_position(tab)
        tab.closed = True
        tab.controller.close()
        if self.article_tabs.count() == 1:
            self.article_tabs.show_tab(self._new_tab())
        self.article_tabs.remove(tab)
        tab.controller.deleteLater()

    @Slot()
    def next_tab(self) -> None:
        self.article_tabs.step(+1)

    @Slot()
    def previous_tab(self) -> None:
        self.article_tabs.step(-1)

    # -- the tabs of the last session ---------------------------------------------------

    @Slot(bool)
    def set_restore_tabs(self, checked: bool) -> None:
        self.settings.restore_tabs = checked

    def restore_tabs(self) -> int:
        """Open the files of the last session's tabs (when the setting is on) that are
        still there; the tab that was shown is opened first and shown. How many opened."""
        if not self.settings.restore_tabs:
            return 0
        saved, current = self.settings.open_tabs()
        paths = [path for path in saved if os.path.isfile(path)]
        if not paths:
            return 0
        shown = saved[current] if saved[current] in paths else paths[0]
        tabs: dict[str, ArticleTab] = {}
        for path in paths:
            tab = self.tab if not tabs and self.tab.is_empty() else self._new_tab()
            tabs[path] = tab
        self.article_tabs.show_tab(tabs[shown])
        # The shown tab's analysis first: the others wait for a thread of the pool.
        for path in sorted(paths, key=lambda p: p != shown):
            self._open_in(tabs[path], path)
        self.article_tabs.show_tab(tabs[shown])
        return len(paths)

    def _open_in(self, tab: ArticleTab, path: str) -> None:
        """Open ``path`` in ``tab``, shown or not."""
        if tab is self.tab:
            self.open_file(path)
            return
        tab.session.begin_open(path)
        tab.controller.submit_open(path, tab.options)
        tab.status_text = f"Loading {os.path.basename(path)}…"
        self.article_tabs.set_title(tab, os.path.basename(path), path)

    def save_tabs(self) -> None:
        tabs = [tab for tab in self.article_tabs.tabs() if tab.path() is not None]
        paths = [tab.path() or "" for tab in tabs]
        current = tabs.index(self.tab) if self.tab in tabs else 0
        self.settings.set_open_tabs(paths, current)

    def shutdown_work(self) -> bool:
        """Cancel every tab's work and wait for the pool (the window is closing)."""
        for tab in self.article_tabs.tabs():
            tab.controller.close()
        return self.tab.controller.shutdown()
