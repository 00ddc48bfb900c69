"""The article, laid out for reading, with highlight layers drawn from spans.

The view holds ``Document.text`` verbatim as plain text, so every Qt position
maps to a Python offset through one ``Utf16Index``; formatting (title, headings,
quotes, lists, line spacing) is applied afterwards by a ``BlockFormatter``, and
the highlights are ``HighlightLayers``.

A book must not freeze the window. Its text goes in a piece per event-loop
turn: Qt then lays out each piece as it arrives (a few milliseconds) instead of
laying out the whole text in 200,000-character steps. A new reading style
(zoom, font, theme) formats the text again the same way, a piece per turn,
starting where the reader is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader import Document

from . import theme
from .article_format import BlockFormatter
from .article_layers import (
    DRAW_ALL_LIMIT,
    LAYER_ORDER,
    STANCE_LAYERS,
    HighlightLayers,
    LayerStyle,
)
from .overview_strip import OverviewStrip
from .text_positions import Utf16Index

__all__ = [
    "DRAW_ALL_LIMIT",
    "LAYER_ORDER",
    "LOAD_CHUNK",
    "STANCE_LAYERS",
    "ArticleView",
    "LayerStyle",
]

_MARGIN = 28  # pixels around the text when the view is narrow

#: Characters of text added (or formatted again) per event-loop turn (5-25 ms of layout).
LOAD_CHUNK = 24_000
#: Characters shown in the turn a document opens, which also resets the panels: a
#: screen or two of text (a book's first turn took 25 ms of the GUI thread with 24,000).
FIRST_CHUNK = 6_000


class ArticleView(QTextEdit):
    """A read-only, selectable article with named highlight layers.

    A text longer than ``LOAD_CHUNK`` goes in a piece per event-loop turn
    (``is_loading()`` until ``textLoaded``); layers, reveals and scrolls asked
    for meanwhile apply as soon as their text is in.

    Signals:
        measureChanged(int): the left edge of the text column moved (in pixels
            from the widget's left), so a heading above the view can line up.
        textLoaded(): the whole text of the document shown is in the view.
        zoomRequested(int): Ctrl+wheel asked for a step of zoom (+1 in, -1 out).
    """

    measureChanged = Signal(int)
    textLoaded = Signal()
    zoomRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # Drops go to the window, which opens the dropped file.
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self._style = theme.ReadingStyle()
        self.setFont(self._style.font())
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(_MARGIN)
        self.setPlaceholderText("Open an article (Ctrl+O) or drop a file here.")
        self._document: Document | None = None
        self._index = Utf16Index("")
        self._formatter = BlockFormatter(self)
        self._formatter.line_height = self._style.line_height
        self._formatter.muted = self._muted()
        self.layers = HighlightLayers(
            self, lambda: self._index, self._loaded_qt, self._visible_range
        )
        # Loading in pieces: how far the text is in, the ranges still to format again
        # (a new style), the offset to keep at the top meanwhile, and a scroll
        # waiting for its text.
        self._loaded = 0
        self._reformat: list[tuple[int, int]] = []
        self._anchor: int | None = None
        self._pending_scroll: tuple[int, Callable[[], None]] | None = None
        self._loader = QTimer(self)
        self._loader.setObjectName("articleLoaderTimer")
        self._loader.setSingleShot(True)
        self._loader.setInterval(0)
        self._loader.timeout.connect(self._load_step)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.overview = OverviewStrip(self, self)
        self.setViewportMargins(0, 0, self.overview.width(), 0)
        self.layers.changed.connect(self.overview.schedule)
        self.textLoaded.connect(self.overview.schedule)
        self.overview.spanClicked.connect(self.show_span)

    # -- the document -------------------------------------------------------

    def show_document(self, document: Document) -> None:
        """Show ``document`` from its top, without highlights.

        The same text with the same blocks as the one fully shown (the file
        opened again, or reloaded unchanged) keeps its laid-out text: laying
        out a book again takes Qt a tenth of a second.
        """
        same_text = (
            self._document is not None
            and not self.is_loading()
            and document.text == self._document.text
            and document.blocks == self._document.blocks
        )
        self._stop_and_unhighlight()
        self._document = document
        if same_text:
            self.verticalScrollBar().setValue(0)
            self.textLoaded.emit()
            return
        self._index = Utf16Index(document.text)
        self._formatter.start(document, self._index)
        cut = self._cut(0, size=FIRST_CHUNK)
        self.setPlainText(document.text[:cut])
        self._loaded = cut
        self._formatter.format_range(0, cut)
        self._update_measure()
        self.verticalScrollBar().setValue(0)
        if cut < len(document.text):
            self._loader.start()
        else:
            self.textLoaded.emit()

    def clear_document(self) -> None:
        self._stop_and_unhighlight()
        self._document = None
        self._index = Utf16Index("")
        self._loaded = 0
        self.clear()
        self.overview.schedule()

    def _stop_and_unhighlight(self) -> None:
        """Stop adding text and forget every layer and pending scroll."""
        self._loader.stop()
        self._reformat = []
        self._anchor = None
        self._pending_scroll = None
        self.layers.clear_all()

    def current_document(self) -> Document | None:
        return self._document

    def is_loading(self) -> bool:
        """True while part of the document's text is still to be added (or formatted)."""
        if self._document is None:
            return False
        return self._loaded < len(self._document.text) or bool(self._reformat)

    @property
    def positions(self) -> Utf16Index:
        return self._index

    def _loaded_qt(self) -> int:
        return self._index.to_qt(self._loaded)

    def _cut(self, start: int, limit: int | None = None, size: int = LOAD_CHUNK) -> int:
        """Where the piece of text starting at ``start`` ends: after a newline near
        ``size`` characters on, or at ``limit`` (the text's end) when little is left."""
        assert self._document is not None
        text = self._document.text
        end = len(text) if limit is None else limit
        if end - start <= size * 3 // 2:
            return end
        target = start + size
        newline = text.find("\n", target, target + size // 2)
        return newline + 1 if newline >= 0 else target

    @Slot()
    def _load_step(self) -> None:
        document = self._document
        if document is None:
            return
        if self._reformat:
            self._reformat_step()
        elif self._loaded < len(document.text):
            self._insert_step(document)
        if self._reformat or self._loaded < len(document.text):
            self._loader.start()
        else:
            self.textLoaded.emit()

    def _insert_step(self, document: Document) -> None:
        start = self._loaded
        cut = self._cut(start)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(document.text[start:cut], QTextCharFormat())
        self._loaded = cut
        self._formatter.format_range(start, cut)
        cursor.endEditBlock()
        if self.layers.has_pieces():
            self.layers.refresh()
        pending = self._pending_scroll
        if pending is not None and pending[0] <= self._loaded:
            self._pending_scroll = None
            pending[1]()

    def _reformat_step(self) -> None:
        start, end = self._reformat[0]
        cut = self._cut(start, end)
        self._formatter.format_range(start, cut, again=True)
        if cut < end:
            self._reformat[0] = (cut, end)
        else:
            self._reformat.pop(0)
            if self._reformat:
                self._formatter.seek(self._reformat[0][0])
        if self._anchor is not None:
            self._scroll_to_top(self._anchor)
        if not self._reformat:
            self._anchor = None
            self.overview.schedule()

    # -- the reading style ----------------------------------------------------

    def reading_style(self) -> theme.ReadingStyle:
        return self._style

    def set_reading_style(self, style: theme.ReadingStyle) -> None:
        """Show the text in ``style`` (font, size and zoom, line height, line width)."""
        if style == self._style:
            return
        self._style = style
        self._formatter.line_height = style.line_height
        self._restyle(lambda: self.setFont(style.font()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.palette_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.palette_changed()  # a theme chosen while the view was hidden

    def palette_changed(self) -> None:
        """The palette changed (a new theme): asides take its muted colour (once shown)."""
        if not self.isVisible():
            return
        muted = self._muted()
        if muted != self._formatter.muted:
            self._formatter.muted = muted
            self._restyle(lambda: None)

    def _restyle(self, change: Callable[[], None]) -> None:
        """Apply ``change`` and format the text again, starting where the reader is."""
        top = self.top_offset()
        change()
        self._update_measure()
        document = self._document
        if document is None or not self._loaded:
            return
        start = self._line_start(top)
        self._reformat = [(start, self._loaded), (0, start)] if start else [(0, self._loaded)]
        self._formatter.seek(start)
        self._anchor = top
        self._load_step()  # the part in view at once; the rest a piece per turn

    def _line_start(self, offset: int) -> int:
        assert self._document is not None
        return self._document.text.rfind("\n", 0, offset) + 1

    def _muted(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.zoomRequested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    # -- reading measure ----------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A new width lays the text out again: the reader stays at the text they were
        # at, not at the same pixel (another chapter of a book).
        keep = (
            event.oldSize().width() > 0
            and event.oldSize().width() != event.size().width()
            and self.verticalScrollBar().value() > 0
            and self._anchor is None
        )
        top = self.top_offset() if keep else None
        super().resizeEvent(event)
        self._update_measure()
        if top is not None:
            self._scroll_to_top(top)
        self._on_scrolled()
        rect = self.contentsRect()
        viewport = self.viewport().geometry()
        strip = self.overview
        strip.setGeometry(viewport.right() + 1, rect.top(), strip.width(), rect.height())
        strip.schedule()

    def _update_measure(self) -> None:
        """Centre the text in a column no wider than a comfortable line."""
        max_width = self.fontMetrics().averageCharWidth() * 2 * self._style.width_em
        # The scrollbar's width counts even while it is hidden: the column stays put.
        bar = self.verticalScrollBar().sizeHint().width()
        available = self.width() - bar - self.overview.width() - 2 * self.frameWidth()
        side = max(_MARGIN, (available - max_width) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if int(fmt.leftMargin()) != side:
            # The root frame's side margins replace the document margin on those sides.
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)
            self.measureChanged.emit(self.text_left())

    def text_left(self) -> int:
        """Pixels from the widget's left edge to the start of the text column."""
        return int(self.document().rootFrame().frameFormat().leftMargin()) + self.frameWidth()

    # -- layers ---------------------------------------------------------------

    def set_layer(
        self,
        name: str,
        spans: Sequence[tuple[int, int]],
        color: QColor,
        style: LayerStyle = "background",
    ) -> None:
        """Highlight ``spans`` (Python offsets) in ``color``; other layers stay as they are."""
        limit = len(self._document.text) if self._document is not None else 0
        clean = [(max(0, s), min(e, limit)) for s, e in spans if min(e, limit) > max(0, s)]
        self.layers.set(name, clean, color, style)

    @contextmanager
    def changing_layers(self) -> Iterator[None]:
        """Set or clear several layers, handing Qt the result once at the end."""
        with self.layers.changing():
            yield

    def clear_layer(self, name: str) -> None:
        self.layers.clear(name)

    def layer_spans(self, name: str) -> list[tuple[int, int]]:
        return self.layers.spans(name)

    def layer_names(self) -> list[str]:
        return self.layers.names()

    def _visible_range(self) -> tuple[int, int]:
        """Qt positions at the top left and bottom right of the viewport."""
        viewport = self.viewport().rect()
        top = self.cursorForPosition(viewport.topLeft()).position()
        bottom = self.cursorForPosition(viewport.bottomRight()).position()
        return top, max(top, bottom)

    @Slot()
    def _on_scrolled(self) -> None:
        self.layers.scrolled()

    # -- navigation ---------------------------------------------------------

    def reveal(self, start: int, end: int) -> None:
        """Mark the span and scroll it into view, roughly a third down the page."""
        self.set_layer("mark", [(start, end)], theme.colours().mark)
        self.show_span(start, end)

    def show_span(self, start: int, end: int) -> None:
        """Scroll the span into view (unless it is in view already), marking nothing."""
        if self._document is not None:
            self._when_loaded(end, lambda: self._scroll_to_span(start, end))

    def _scroll_to_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(start))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self._index.to_qt(end))
        bottom = self.cursorRect(cursor).bottom()
        height = self.viewport().height()
        margin = min(60, height // 6)
        if top >= margin and bottom <= height - margin:
            return  # already comfortably visible: do not make the page jump
        bar = self.verticalScrollBar()
        span_height = bottom - top
        offset = max(margin, (height - span_height) // 3) if span_height < height else margin
        bar.setValue(bar.value() + top - offset)

    def _when_loaded(self, offset: int, scroll: Callable[[], None]) -> None:
        """Run ``scroll`` now if the text up to ``offset`` is in, else once it is
        (a later scroll replaces one still waiting)."""
        if offset <= self._loaded:
            self._pending_scroll = None
            scroll()
        else:
            self._pending_scroll = (offset, scroll)

    def scroll_pending(self) -> bool:
        """A scroll waits for its text to come in (the view is not where it is going yet)."""
        return self._pending_scroll is not None

    def top_offset(self) -> int:
        """The Python offset of the first character at the top of the viewport."""
        if self._document is None:
            return 0
        position = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        return self._index.from_qt(position)

    def bottom_offset(self) -> int:
        """The Python offset of the last character at the foot of the viewport."""
        if self._document is None:
            return 0
        position = self.cursorForPosition(self.viewport().rect().bottomLeft()).position()
        return self._index.from_qt(position)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding ``offset`` is at the top (clamped to the text)."""
        if self._document is None:
            return
        offset = min(max(0, offset), len(self._document.text))
        self._anchor = None
        self._when_loaded(offset, lambda: self._scroll_to_top(offset))

    def _scroll_to_top(self, offset: int) -> None:
        if offset <= 0:  # the very top, with the page's margin above the text
            self.verticalScrollBar().setValue(0)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(offset))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self._index.to_qt(start), self._index.to_qt(end)
