"""The article, laid out for reading, with highlight layers drawn from spans.

The view holds ``Document.text`` verbatim as plain text, so every Qt position
maps to a Python offset through one ``Utf16Index``; formatting (title, headings,
quotes, lists, line spacing) is applied afterwards as block and character
formats, which never change the text.

A book must not freeze the window. Its text goes in a piece per event-loop
turn: Qt then lays out each piece as it arrives (a few milliseconds) instead of
laying out the whole text in 200,000-character steps. Layers with many pieces
are handed to Qt only around the part of the text in view, again as it scrolls:
Qt walks every extra selection on each paint and each change, so tens of them
are cheap where tens of thousands froze the window.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Literal

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader import Block, Document

from . import theme
from .text_positions import Utf16Index

#: Empty or white-space-only lines; they get a low line height (see ``_format_range``).
_BLANK_LINE = re.compile(r"^[^\S\n]*$", re.MULTILINE)

# Layers are drawn bottom to top in this order; unknown names go below "mark".
# The stance layers sit between the summary's sentences and the entity mentions,
# so a selected name stays visible inside a highlighted statement.
STANCE_LAYERS = ("stance-neutral", "stance-supportive", "stance-critical")
LAYER_ORDER = ("summary", "stance", *STANCE_LAYERS, "entity", "mark")

#: How a layer paints its spans: ``"background"`` fills them with the colour;
#: ``"tint"`` draws a line under them in the colour made opaque and fills them
#: lightly, but only where no lower layer has filled the text already (two
#: translucent fills would blend into a third colour that means nothing);
#: ``"underline"`` only draws a dashed line (findable without shouting).
LayerStyle = Literal["background", "tint", "underline"]

_TITLE_SCALE = 1.75
_HEADING_SCALE = {1: 1.4, 2: 1.25, 3: 1.12}
_INDENT_EM = 1.6
_ASIDE_SCALE = 0.9
_MARGIN = 28  # pixels around the text when the view is narrow
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value

#: Characters of text added per event-loop turn (about 5 ms of layout).
LOAD_CHUNK = 24_000
#: Layers with up to this many pieces in all are handed to Qt whole.
DRAW_ALL_LIMIT = 400
#: Extra Qt positions kept drawn around the visible range.
WINDOW_SLACK = 2_000


class _Pieces:
    """A layer as drawn: pieces sorted by start, in Qt positions, each with its format."""

    __slots__ = ("ends", "formats", "longest", "starts")

    def __init__(self, pieces: list[tuple[int, int, QTextCharFormat]]) -> None:
        pieces.sort(key=lambda piece: piece[0])
        self.starts = [p[0] for p in pieces]
        self.ends = [p[1] for p in pieces]
        self.formats = [p[2] for p in pieces]
        self.longest = max((e - s for s, e, _ in pieces), default=0)

    def __len__(self) -> int:
        return len(self.starts)


class ArticleView(QTextEdit):
    """A read-only, selectable article with named highlight layers.

    A text longer than ``LOAD_CHUNK`` goes in a piece per event-loop turn
    (``is_loading()`` until ``textLoaded``); layers, reveals and scrolls asked
    for meanwhile apply as soon as their text is in.

    Signals:
        measureChanged(int): the left edge of the text column moved (in pixels
            from the widget's left), so a heading above the view can line up.
        textLoaded(): the whole text of the document shown is in the view.
    """

    measureChanged = Signal(int)
    textLoaded = Signal()

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
        self.setFont(theme.reading_font())
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(_MARGIN)
        self.setPlaceholderText("Open an article (Ctrl+O) or drop a file here.")
        self._document: Document | None = None
        self._index = Utf16Index("")
        self._layers: dict[str, tuple[list[tuple[int, int]], QColor, LayerStyle]] = {}
        self._pieces: dict[str, _Pieces] = {}
        self._window: tuple[int, int] | None = None  # Qt range drawn; None: everything
        self._batching = 0  # inside ``changing_layers``: what is drawn waits until the end
        self._refresh_due = False
        # Loading in pieces: how far the text is in, the next Document block to format,
        # the list being continued, and a scroll waiting for its text.
        self._loaded = 0
        self._next_block = 0
        self._current_list: QTextList | None = None
        self._previous_block: Block | None = None
        self._pending_scroll: tuple[int, Callable[[], None]] | None = None
        self._loader = QTimer(self)
        self._loader.setObjectName("articleLoaderTimer")
        self._loader.setSingleShot(True)
        self._loader.setInterval(0)
        self._loader.timeout.connect(self._load_step)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

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
        self._next_block = 0
        self._current_list = None
        self._previous_block = None
        cut = self._cut(0)
        self.setPlainText(document.text[:cut])
        self._loaded = cut
        self._format_range(0, cut)
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

    def _stop_and_unhighlight(self) -> None:
        """Stop adding text and forget every layer and pending scroll."""
        self._loader.stop()
        self._pending_scroll = None
        self._layers.clear()
        self._pieces.clear()
        self._window = None
        self.setExtraSelections([])

    def current_document(self) -> Document | None:
        return self._document

    def is_loading(self) -> bool:
        """True while part of the document's text is still to be added."""
        return self._document is not None and self._loaded < len(self._document.text)

    @property
    def positions(self) -> Utf16Index:
        return self._index

    def _cut(self, start: int) -> int:
        """Where the piece of text starting at ``start`` ends: after a newline near
        ``LOAD_CHUNK`` characters on, or at the end when little is left."""
        assert self._document is not None
        text = self._document.text
        if len(text) - start <= LOAD_CHUNK * 3 // 2:
            return len(text)
        target = start + LOAD_CHUNK
        newline = text.find("\n", target, target + LOAD_CHUNK // 2)
        return newline + 1 if newline >= 0 else target

    @Slot()
    def _load_step(self) -> None:
        document = self._document
        if document is None or self._loaded >= len(document.text):
            return
        start = self._loaded
        cut = self._cut(start)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(document.text[start:cut], QTextCharFormat())
        self._loaded = cut
        self._format_range(start, cut)
        cursor.endEditBlock()
        if self._pieces:
            self._refresh_selections()
        pending = self._pending_scroll
        if pending is not None and pending[0] <= self._loaded:
            self._pending_scroll = None
            pending[1]()
        if cut < len(document.text):
            self._loader.start()
        else:
            self.textLoaded.emit()

    def _format_range(self, start: int, end: int) -> None:
        """Format the lines in ``start:end`` and every Document block that ends by ``end``."""
        assert self._document is not None
        qdoc = self.document()
        line_spacing = self.fontMetrics().lineSpacing()
        em = self.fontMetrics().height()
        cursor = QTextCursor(qdoc)
        cursor.beginEditBlock()

        # Every line first: body paragraphs with air between them; blank lines shrink
        # so that one or two newlines between blocks look the same.
        body = QTextBlockFormat()
        body.setLineHeight(theme.READING_LINE_HEIGHT, _PROPORTIONAL)
        body.setBottomMargin(em * 0.8)
        blank = QTextBlockFormat()
        blank.setLineHeight(max(1, line_spacing // 4), _FIXED)
        # A few calls for the whole range, then one pair per blank line: each call
        # into Qt may wait for the GIL while the analysis runs (see ui.app).
        cursor.setPosition(self._index.to_qt(start))
        cursor.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.setBlockFormat(body)
        for match in _BLANK_LINE.finditer(self._document.text, start, end):
            cursor.setPosition(self._index.to_qt(match.start()))
            cursor.setBlockFormat(blank)

        blocks = self._document.blocks
        while self._next_block < len(blocks) and blocks[self._next_block].end <= end:
            item = blocks[self._next_block]
            self._next_block += 1
            if item.end <= item.start:
                continue
            self._format_block(cursor, item, body, em)
        cursor.endEditBlock()

    def _format_block(self, cursor: QTextCursor, item: Block, body: QTextBlockFormat, em: int):
        if item.kind == "paragraph":  # its lines have the body format already
            self._current_list = None
            self._previous_block = item
            return
        start, end = self._index.to_qt(item.start), self._index.to_qt(item.end)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextBlockFormat(body)
        char = QTextCharFormat()
        if item.kind == "title":
            char.setFontPointSize(self.font().pointSizeF() * _TITLE_SCALE)
            char.setFontWeight(QFont.Weight.Bold)
            fmt.setLineHeight(118, _PROPORTIONAL)
            fmt.setBottomMargin(em * 1.3)
        elif item.kind == "heading":
            scale = _HEADING_SCALE.get(item.level, 1.05)
            char.setFontPointSize(self.font().pointSizeF() * scale)
            char.setFontWeight(QFont.Weight.Bold)
            fmt.setLineHeight(125, _PROPORTIONAL)
            fmt.setTopMargin(em * 0.6)
            fmt.setBottomMargin(em * 0.5)
        elif item.kind == "quote":
            char.setFontItalic(True)
            fmt.setLeftMargin(em * _INDENT_EM)
            fmt.setRightMargin(em * _INDENT_EM)
        elif item.kind == "list_item":
            fmt.setBottomMargin(em * 0.3)
        elif item.kind == "aside":  # page furniture ("Read also: ..."): shown, muted
            char.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
            char.setFontPointSize(self.font().pointSizeF() * _ASIDE_SCALE)
        cursor.setBlockFormat(fmt)
        if char.propertyCount():
            cursor.mergeCharFormat(char)
        if item.kind == "list_item":
            previous = self._previous_block
            adjacent = previous is not None and previous.kind == "list_item"
            if self._current_list is not None and adjacent:
                self._current_list.add(cursor.block())
            else:
                list_format = QTextListFormat()
                list_format.setStyle(QTextListFormat.Style.ListDisc)
                list_format.setIndent(1)
                self._current_list = cursor.createList(list_format)
        else:
            self._current_list = None
        self._previous_block = item

    # -- reading measure ----------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_measure()
        self._on_scrolled()

    def _update_measure(self) -> None:
        """Centre the text in a column no wider than a comfortable line."""
        max_width = self.fontMetrics().averageCharWidth() * 2 * theme.READING_MAX_WIDTH_EM
        available = self.width() - self.verticalScrollBar().sizeHint().width()
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
        old = self._layers.get(name)
        self._layers[name] = (clean, QColor(color), style)
        self._layer_changed(name, fills=style == "background" or _fills(old))

    @contextmanager
    def changing_layers(self) -> Iterator[None]:
        """Set or clear several layers, handing Qt the result once at the end."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._refresh_due:
                self._refresh_selections()

    def clear_layer(self, name: str) -> None:
        old = self._layers.pop(name, None)
        if old is not None:
            self._pieces.pop(name, None)
            self._layer_changed(name, fills=_fills(old))

    def layer_spans(self, name: str) -> list[tuple[int, int]]:
        layer = self._layers.get(name)
        return list(layer[0]) if layer is not None else []

    def layer_names(self) -> list[str]:
        return [name for name in self._ordered_layers()]

    def _ordered_layers(self) -> list[str]:
        known = [n for n in LAYER_ORDER if n in self._layers and n != "mark"]
        unknown = [n for n in self._layers if n not in LAYER_ORDER]
        top = ["mark"] if "mark" in self._layers else []
        return known + unknown + top

    def _layer_changed(self, name: str, *, fills: bool) -> None:
        """Rebuild the pieces of ``name`` and, when it fills text, of the tints above it."""
        order = self._ordered_layers()
        if name in self._layers:
            self._pieces[name] = self._build_pieces(name, order)
        if fills:
            below = order.index(name) if name in order else -1  # gone: every tint
            for position, other in enumerate(order):
                if position > below and self._layers[other][2] == "tint":
                    self._pieces[other] = self._build_pieces(other, order)
        self._refresh_selections()

    def _build_pieces(self, name: str, order: list[str]) -> _Pieces:
        spans, color, style = self._layers[name]
        fill = _format(name, color, style, fill=True)
        if style == "tint":
            line_only = _format(name, color, style, fill=False)
            lower = order[: order.index(name)]
            cover = _merged(
                [s for n in lower if self._layers[n][2] == "background" for s in self._layers[n][0]]
            )
            pieces = [
                (s, e, line_only if covered else fill)
                for start, end in spans
                for s, e, covered in _split(start, end, cover)
            ]
        else:
            pieces = [(start, end, fill) for start, end in spans]
        to_qt = self._index.to_qt
        return _Pieces([(to_qt(s), to_qt(e), fmt) for s, e, fmt in pieces])

    def _refresh_selections(self) -> None:
        """Hand Qt the pieces that can be seen: all of them when there are few,
        else those near the visible part of the text."""
        if self._batching:
            self._refresh_due = True
            return
        self._refresh_due = False
        loaded = self._index.to_qt(self._loaded)
        if sum(len(p) for p in self._pieces.values()) <= DRAW_ALL_LIMIT:
            self._window = None
            low, high = 0, loaded
        else:
            self._window = self._visible_window()
            low, high = self._window
        document = self.document()
        selections = []
        for name in self._ordered_layers():
            pieces = self._pieces.get(name)
            if pieces is None:
                continue
            starts, ends, formats = pieces.starts, pieces.ends, pieces.formats
            for i in range(bisect_left(starts, low - pieces.longest), len(starts)):
                start = starts[i]
                if start >= high:
                    break
                end = min(ends[i], loaded)
                if end <= low or end <= start:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = formats[i]
                selections.append(selection)
        self.setExtraSelections(selections)

    def _visible_range(self) -> tuple[int, int]:
        """Qt positions at the top left and bottom right of the viewport."""
        viewport = self.viewport().rect()
        top = self.cursorForPosition(viewport.topLeft()).position()
        bottom = self.cursorForPosition(viewport.bottomRight()).position()
        return top, max(top, bottom)

    def _visible_window(self) -> tuple[int, int]:
        """The visible range widened by two of its lengths each way (scrolling stays
        inside it for a while), clamped to the text that is in."""
        top, bottom = self._visible_range()
        margin = 2 * (bottom - top) + WINDOW_SLACK
        return max(0, top - margin), min(self._index.to_qt(self._loaded), bottom + margin) + 1

    @Slot()
    def _on_scrolled(self) -> None:
        if self._window is None or not self._pieces:
            return
        top, bottom = self._visible_range()
        low, high = self._window
        if top < low or bottom >= high:
            self._refresh_selections()

    # -- navigation ---------------------------------------------------------

    def reveal(self, start: int, end: int) -> None:
        """Mark the span and scroll it into view, roughly a third down the page."""
        self.set_layer("mark", [(start, end)], theme.MARK)
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

    def top_offset(self) -> int:
        """The Python offset of the first character at the top of the viewport."""
        if self._document is None:
            return 0
        position = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        return self._index.from_qt(position)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding ``offset`` is at the top (clamped to the text)."""
        if self._document is None:
            return
        offset = min(max(0, offset), len(self._document.text))
        self._when_loaded(offset, lambda: self._scroll_to_top(offset))

    def _scroll_to_top(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(offset))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self._index.to_qt(start), self._index.to_qt(end)


def _fills(layer: tuple[object, QColor, LayerStyle] | None) -> bool:
    return layer is not None and layer[2] == "background"


def _format(name: str, color: QColor, style: LayerStyle, *, fill: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if style != "background":
        line = QColor(color)
        line.setAlpha(230)
        fmt.setUnderlineColor(line)
        fmt.setUnderlineStyle(
            QTextCharFormat.UnderlineStyle.DashUnderline
            if style == "underline"
            else QTextCharFormat.UnderlineStyle.SingleUnderline
        )
    if fill and style != "underline":
        fmt.setBackground(color)
    fmt.setProperty(QTextFormat.Property.UserProperty, name)
    return fmt


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, with overlapping and touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _split(start: int, end: int, cover: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """``(start, end)`` cut at the edges of ``cover`` (merged): ``(s, e, covered)`` pieces."""
    pieces: list[tuple[int, int, bool]] = []
    position = start
    # Merged spans are sorted by both ends: skip those ending before ``start``.
    first = bisect_right(cover, (start, start)) - 1
    for c_start, c_end in cover[max(first, 0) :]:
        if c_end <= position:
            continue
        if c_start >= end:
            break
        if c_start > position:
            pieces.append((position, c_start, False))
        pieces.append((max(position, c_start), min(end, c_end), True))
        position = min(end, c_end)
        if position >= end:
            break
    if position < end:
        pieces.append((position, end, False))
    return pieces
