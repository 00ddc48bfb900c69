"""Find in the article: search as the query is typed, mark every hit, step through them.

The hits are the article view's ``"find"`` layer; the current one is revealed
(the ``"mark"`` layer, as a clicked summary sentence is). The first hit shown
is the first at or after where the reader was when the search began, as in a
browser. Spans are Python offsets, so emoji and other characters beyond the
Basic Multilingual Plane cost nothing here: the view converts them.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from . import theme
from .article_view import ArticleView
from .find_text import FindResult, find_all
from .panels.find_bar import FindBar

#: Texts longer than this are searched after a pause in the typing.
LONG_TEXT = 200_000
DELAY_MS = 180


class ArticleFind(QObject):
    def __init__(self, bar: FindBar, view: ArticleView) -> None:
        super().__init__(bar)
        self._bar = bar
        self._view = view
        self._result = FindResult()
        self._starts: list[int] = []
        self._current: int | None = None
        self._origin = 0  # where the reader was when the search began
        self._timer = QTimer(self)
        self._timer.setObjectName("findTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.search)
        bar.searchChanged.connect(self._on_search_changed)
        bar.nextRequested.connect(self.next)
        bar.previousRequested.connect(self.previous)
        bar.closed.connect(self._on_closed)

    # -- what the window asks ---------------------------------------------------

    def open(self, text: str = "") -> None:
        """Show the bar (with ``text`` to find, when given) and search at once."""
        self._origin = self._view.top_offset()
        self._bar.open_bar(text)
        self.search()

    def is_active(self) -> bool:
        """The bar is open with a query: F3 steps through its hits."""
        return self._bar.is_open() and bool(self._bar.query())

    def hits(self) -> tuple[tuple[int, int], ...]:
        return self._result.spans

    def current(self) -> int | None:
        return self._current

    def document_changed(self) -> None:
        """A new document is shown: find the query in it, from its top."""
        self._origin = 0
        if self._bar.is_open():
            self.search()

    def restyle(self) -> None:
        """The theme changed: the hits take its colour."""
        if self._result.spans:
            self._view.set_layer("find", self._result.spans, theme.colours().find)

    # -- searching ----------------------------------------------------------------

    @Slot()
    def _on_search_changed(self) -> None:
        document = self._view.current_document()
        if document is not None and len(document.text) > LONG_TEXT:
            self._timer.start()
        else:
            self.search()

    @Slot()
    def search(self) -> None:
        self._timer.stop()
        document = self._view.current_document()
        text = document.text if document is not None else ""
        bar = self._bar
        self._result = find_all(text, bar.query(), bar.options())
        self._starts = [start for start, _ in self._result.spans]
        self._current = None
        if self._result.error:
            self._view.clear_layer("find")
            bar.show_error(self._result.error)
            return
        if not self._result.spans:
            self._view.clear_layer("find")
            self._view.clear_layer("mark")
            bar.show_count(None, 0)
            return
        self._view.set_layer("find", self._result.spans, theme.colours().find)
        self._go(bisect_left(self._starts, self._origin) % len(self._starts))

    # -- stepping ---------------------------------------------------------------

    @Slot()
    def next(self) -> None:
        self._step(1)

    @Slot()
    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self._timer.isActive():
            self.search()  # the query typed last counts
        count = len(self._result.spans)
        if not count:
            return
        if self._current is None:
            self._go(0 if direction > 0 else count - 1)
        else:
            self._go((self._current + direction) % count)

    def _go(self, index: int) -> None:
        self._current = index
        start, end = self._result.spans[index]
        self._origin = start  # a longer query goes on from here
        self._view.reveal(start, end)
        self._bar.show_count(index, len(self._result.spans), truncated=self._result.truncated)

    @Slot()
    def _on_closed(self) -> None:
        self._timer.stop()
        self._result = FindResult()
        self._starts = []
        self._current = None
        with self._view.changing_layers():
            self._view.clear_layer("find")
            self._view.clear_layer("mark")
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
