"""The article's named highlight layers, handed to Qt as extra selections.

A layer is a list of spans (Python offsets into ``Document.text``) with a
colour and a style. Layers are drawn bottom to top in ``LAYER_ORDER``. Layers
with many pieces are handed to Qt only around the part of the text in view,
again as it scrolls: Qt walks every extra selection on each paint and each
change, so tens of them are cheap where tens of thousands froze the window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from .text_positions import Utf16Index

# Layers are drawn bottom to top in this order; unknown names go below "mark".
# The stance layers sit between the summary's sentences and the entity mentions,
# so a selected name stays visible inside a highlighted statement; the find hits
# sit above them all, under the current span ("mark").
STANCE_LAYERS = ("stance-neutral", "stance-supportive", "stance-critical")
LAYER_ORDER = ("summary", "stance", *STANCE_LAYERS, "entity", "find", "mark")

#: How a layer paints its spans: ``"background"`` fills them with the colour;
#: ``"tint"`` draws a line under them in the colour made opaque and fills them
#: lightly, but only where no lower layer has filled the text already (two
#: translucent fills would blend into a third colour that means nothing);
#: ``"underline"`` only draws a dashed line (findable without shouting).
LayerStyle = Literal["background", "tint", "underline"]

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


class HighlightLayers(QObject):
    """The layers of one text edit.

    ``index()`` gives the current text's positions, ``loaded()`` the Qt position
    up to which text is in, ``visible()`` the Qt range in view.

    Signals:
        changed(): a layer was set or cleared (the scrollbar's marks follow it).
    """

    changed = Signal()

    def __init__(
        self,
        edit: QTextEdit,
        index: Callable[[], Utf16Index],
        loaded: Callable[[], int],
        visible: Callable[[], tuple[int, int]],
    ) -> None:
        super().__init__(edit)
        self._edit = edit
        self._index = index
        self._loaded = loaded
        self._visible = visible
        self._layers: dict[str, tuple[list[tuple[int, int]], QColor, LayerStyle]] = {}
        self._pieces: dict[str, _Pieces] = {}
        self._window: tuple[int, int] | None = None  # Qt range drawn; None: everything
        self._batching = 0  # inside ``changing``: what is drawn waits until the end
        self._refresh_due = False

    def clear_all(self) -> None:
        self._layers.clear()
        self._pieces.clear()
        self._window = None
        self._edit.setExtraSelections([])
        self.changed.emit()

    def set(
        self, name: str, spans: Sequence[tuple[int, int]], color: QColor, style: LayerStyle
    ) -> None:
        """Draw ``spans`` (Python offsets, inside the text) as layer ``name``."""
        old = self._layers.get(name)
        self._layers[name] = (list(spans), QColor(color), style)
        self._layer_changed(name, fills=style == "background" or _fills(old))

    def clear(self, name: str) -> None:
        old = self._layers.pop(name, None)
        if old is not None:
            self._pieces.pop(name, None)
            self._layer_changed(name, fills=_fills(old))

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Set or clear several layers, handing Qt the result once at the end."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._refresh_due:
                self.refresh()

    def recolour(self, colour_of: Callable[[str], QColor | None]) -> None:
        """Give each layer ``colour_of(name)`` (None: keep its colour), drawn once."""
        for name, (spans, colour, style) in list(self._layers.items()):
            self._layers[name] = (spans, QColor(colour_of(name) or colour), style)
        order = self.names()
        self._pieces = {name: self._build_pieces(name, order) for name in order}
        self.refresh()
        self.changed.emit()

    def spans(self, name: str) -> list[tuple[int, int]]:
        layer = self._layers.get(name)
        return list(layer[0]) if layer is not None else []

    def colour(self, name: str) -> QColor | None:
        layer = self._layers.get(name)
        return QColor(layer[1]) if layer is not None else None

    def names(self) -> list[str]:
        """The layers set now, bottom to top."""
        known = [n for n in LAYER_ORDER if n in self._layers and n != "mark"]
        unknown = [n for n in self._layers if n not in LAYER_ORDER]
        top = ["mark"] if "mark" in self._layers else []
        return known + unknown + top

    def has_pieces(self) -> bool:
        return bool(self._pieces)

    def _layer_changed(self, name: str, *, fills: bool) -> None:
        """Rebuild the pieces of ``name`` and, when it fills text, of the tints above it."""
        order = self.names()
        if name in self._layers:
            self._pieces[name] = self._build_pieces(name, order)
        if fills:
            below = order.index(name) if name in order else -1  # gone: every tint
            for position, other in enumerate(order):
                if position > below and self._layers[other][2] == "tint":
                    self._pieces[other] = self._build_pieces(other, order)
        self.refresh()
        self.changed.emit()

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
        to_qt = self._index().to_qt
        return _Pieces([(to_qt(s), to_qt(e), fmt) for s, e, fmt in pieces])

    def refresh(self) -> None:
        """Hand Qt the pieces that can be seen: all of them when there are few,
        else those near the visible part of the text."""
        if self._batching:
            self._refresh_due = True
            return
        self._refresh_due = False
        loaded = self._loaded()
        if sum(len(p) for p in self._pieces.values()) <= DRAW_ALL_LIMIT:
            self._window = None
            low, high = 0, loaded
        else:
            self._window = self._visible_window()
            low, high = self._window
        document = self._edit.document()
        selections = []
        for name in self.names():
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
        self._edit.setExtraSelections(selections)

    def _visible_window(self) -> tuple[int, int]:
        """The visible range widened by two of its lengths each way (scrolling stays
        inside it for a while), clamped to the text that is in."""
        top, bottom = self._visible()
        margin = 2 * (bottom - top) + WINDOW_SLACK
        return max(0, top - margin), min(self._loaded(), bottom + margin) + 1

    def scrolled(self) -> None:
        """The view scrolled: hand Qt the pieces near the new range if it left the drawn one."""
        if self._window is None or not self._pieces:
            return
        top, bottom = self._visible()
        low, high = self._window
        if top < low or bottom >= high:
            self.refresh()


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
