"""The open articles, one a tab: each with its own view, session, analysis and choices.

An ``ArticleTab`` holds everything of one article that is not a side panel:
its pane (title, text, find bar), its ``ArticleSession``, its own
``AnalysisController`` (so its work goes on, or is cancelled, by itself), the
summary options chosen for it and the status line it last had. The window
shows the current tab's results in the side panels (``window_tabs``).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTabBar, QTabWidget, QWidget

from reader import AnalysisOptions

from .article_pane import ArticlePane
from .article_view import ArticleView
from .highlights import Highlights
from .panels.message_bar import Level
from .session import ArticleSession
from .tasks import AnalysisController

#: A tab's title is cut to this many pixels (the whole title is in its tooltip).
TAB_TEXT_WIDTH = 220
NEW_TAB_TEXT = "New Tab"
#: The pace of a parse is measured over this long at least before the time left is said.
MIN_PACE_SECONDS = 2.0


@dataclass
class PartsClock:
    """A long parse's parts done out of all, and when the first came: the time left."""

    done: int = 0
    total: int = 0
    started: float = 0.0  # time.monotonic() of the first part
    first: int = 0  # parts done then

    def update(self, done: int, total: int) -> None:
        if self.total != total or done < self.done:  # another parse
            self.started, self.first = time.monotonic(), done
        self.done, self.total = done, total

    def seconds_left(self) -> float | None:
        """At the pace since the first part came (None until there is a pace)."""
        gained = self.done - self.first
        elapsed = time.monotonic() - self.started
        if gained <= 0 or self.total <= 0 or elapsed < MIN_PACE_SECONDS:
            return None
        return elapsed / gained * (self.total - self.done)


class ArticleTab:
    """One open article (or an empty tab, before a file is opened in it)."""

    def __init__(
        self, pane: ArticlePane, controller: AnalysisController, options: AnalysisOptions
    ) -> None:
        self.pane = pane
        self.controller = controller
        self.options = options
        self.session = ArticleSession()
        self.highlights = Highlights(pane.article_view)
        self.title = ""  # the document's, once loaded
        self.status_text = "Open an article to begin."
        self.message: tuple[str, Level] | None = None  # (text, level), said while in the back
        self.parts = PartsClock()
        self.closed = False
        self.chars_per_word = 6.0

    @property
    def article_view(self) -> ArticleView:
        return self.pane.article_view

    def path(self) -> str | None:
        """The file shown, or the one being opened in an empty tab."""
        document = self.session.document
        return document.path if document is not None else self.session.pending_path

    def is_empty(self) -> bool:
        return self.session.document is None and self.session.pending_path is None


class ArticleTabs(QTabWidget):
    """The tabs of the open articles; its bar hides while one article is open.

    Signals:
        tabShown(object): the ``ArticleTab`` now current.
        closeRequested(object): the person asked to close an ``ArticleTab``
            (its × or a middle click).
    """

    tabShown = Signal(object)
    closeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleTabs")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setTabBarAutoHide(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabBar().setAccessibleName("Open articles")
        self.tabBar().installEventFilter(self)
        self._tabs: dict[QWidget, ArticleTab] = {}
        self.tabCloseRequested.connect(self._on_close_requested)
        self.currentChanged.connect(self._on_current_changed)

    # -- the tabs -------------------------------------------------------------------

    def add(self, tab: ArticleTab, *, select: bool = True) -> None:
        self._tabs[tab.pane] = tab
        index = self.addTab(tab.pane, NEW_TAB_TEXT)
        self.setTabToolTip(index, NEW_TAB_TEXT)
        if select:
            self.setCurrentIndex(index)

    def remove(self, tab: ArticleTab) -> None:
        """Take ``tab`` away; its pane is deleted."""
        index = self.indexOf(tab.pane)
        self._tabs.pop(tab.pane, None)
        if index >= 0:
            self.removeTab(index)
        tab.pane.deleteLater()

    def current(self) -> ArticleTab | None:
        widget = self.currentWidget()
        return self._tabs.get(widget) if widget is not None else None

    def tab_at(self, index: int) -> ArticleTab | None:
        widget = self.widget(index)
        return self._tabs.get(widget) if widget is not None else None

    def tabs(self) -> list[ArticleTab]:
        """In the order of the tab bar."""
        found = (self.tab_at(i) for i in range(self.count()))
        return [tab for tab in found if tab is not None]

    def index_of(self, tab: ArticleTab) -> int:
        return self.indexOf(tab.pane)

    def tab_for(self, path: str) -> ArticleTab | None:
        """The tab showing (or opening) ``path``."""
        wanted = os.path.abspath(path)
        return next((tab for tab in self.tabs() if tab.path() == wanted), None)

    def show_tab(self, tab: ArticleTab) -> None:
        self.setCurrentWidget(tab.pane)

    def step(self, delta: int) -> None:
        """Show the next (``+1``) or previous (``-1``) tab, round the end."""
        if self.count() > 1:
            self.setCurrentIndex((self.currentIndex() + delta) % self.count())

    def set_title(self, tab: ArticleTab, title: str, path: str = "") -> None:
        """The tab shows ``title`` cut to fit; its tooltip the whole title and the file."""
        tab.title = title
        index = self.indexOf(tab.pane)
        if index < 0:
            return
        metrics = self.tabBar().fontMetrics()
        text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, TAB_TEXT_WIDTH)
        self.setTabText(index, text.replace("&", "&&"))
        self.setTabToolTip(index, f"{title}\n{path}" if path and path != title else title)

    # -- the tab bar ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A middle click on a tab closes it, as in a browser."""
        if (
            watched is self.tabBar()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.MiddleButton
        ):
            bar = self.tabBar()
            assert isinstance(bar, QTabBar)
            index = bar.tabAt(event.position().toPoint())
            if index >= 0:
                self._on_close_requested(index)
                return True
        return super().eventFilter(watched, event)

    @Slot(int)
    def _on_close_requested(self, index: int) -> None:
        tab = self.tab_at(index)
        if tab is not None:
            self.closeRequested.emit(tab)

    @Slot(int)
    def _on_current_changed(self, index: int) -> None:
        tab = self.tab_at(index)
        if tab is not None:
            self.tabShown.emit(tab)
