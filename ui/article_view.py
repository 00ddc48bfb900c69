"""The article, laid out for reading, with highlight layers drawn from spans.

The view holds ``Document.text`` verbatim as plain text, so every Qt position
maps to a Python offset through one ``Utf16Index``; formatting (title, headings,
quotes, lists, line spacing) is applied afterwards as block and character
formats, which never change the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.models import Block, Document

from . import theme
from .text_positions import Utf16Index

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
_MARGIN = 28  # pixels around the text when the view is narrow
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value


class ArticleView(QTextEdit):
    """A read-only, selectable article with named highlight layers.

    Signals:
        measureChanged(int): the left edge of the text column moved (in pixels
            from the widget's left), so a heading above the view can line up.
    """

    measureChanged = Signal(int)

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

    # -- the document -------------------------------------------------------

    def show_document(self, document: Document) -> None:
        self._layers.clear()
        self.setExtraSelections([])
        self._document = document
        self._index = Utf16Index(document.text)
        self.setPlainText(document.text)
        self._format_blocks(document)
        self._update_measure()
        self.verticalScrollBar().setValue(0)

    def clear_document(self) -> None:
        self._layers.clear()
        self.setExtraSelections([])
        self._document = None
        self._index = Utf16Index("")
        self.clear()

    def current_document(self) -> Document | None:
        return self._document

    @property
    def positions(self) -> Utf16Index:
        return self._index

    def _format_blocks(self, document: Document) -> None:
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
        block = qdoc.begin()
        while block.isValid():
            cursor.setPosition(block.position())
            cursor.setBlockFormat(body if block.text().strip() else blank)
            block = block.next()

        current_list: QTextList | None = None
        previous: Block | None = None
        for item in document.blocks:
            if item.end <= item.start:
                continue
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
            cursor.setBlockFormat(fmt)
            if char.propertyCount():
                cursor.mergeCharFormat(char)
            if item.kind == "list_item":
                adjacent = previous is not None and previous.kind == "list_item"
                if current_list is not None and adjacent:
                    current_list.add(cursor.block())
                else:
                    list_format = QTextListFormat()
                    list_format.setStyle(QTextListFormat.Style.ListDisc)
                    list_format.setIndent(1)
                    current_list = cursor.createList(list_format)
            else:
                current_list = None
            previous = item
        cursor.endEditBlock()

    # -- reading measure ----------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_measure()

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
        self._layers[name] = (clean, QColor(color), style)
        self._redraw_layers()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._redraw_layers()

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

    def _redraw_layers(self) -> None:
        selections = []
        filled: list[tuple[int, int]] = []  # what the layers drawn so far have filled
        for name in self._ordered_layers():
            spans, color, style = self._layers[name]
            fill = _format(name, color, style, fill=True)
            if style == "tint":
                line_only = _format(name, color, style, fill=False)
                cover = _merged(filled)
                pieces = [
                    (s, e, line_only if covered else fill)
                    for start, end in spans
                    for s, e, covered in _split(start, end, cover)
                ]
            else:
                pieces = [(start, end, fill) for start, end in spans]
            for start, end, fmt in pieces:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(self._index.to_qt(start))
                cursor.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
            if style == "background":
                filled.extend(spans)
        self.setExtraSelections(selections)

    # -- navigation ---------------------------------------------------------

    def reveal(self, start: int, end: int) -> None:
        """Mark the span and scroll it into view, roughly a third down the page."""
        self.set_layer("mark", [(start, end)], theme.MARK)
        if self._document is None:
            return
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
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._index.to_qt(offset))
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self._index.to_qt(start), self._index.to_qt(end)


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
    for c_start, c_end in cover:
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
