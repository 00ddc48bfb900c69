"""A thin strip beside the article's scrollbar: where its highlights and find hits are.

Each highlight layer becomes marks at the height of its spans, in its colour
made solid: the summary's sentences in the left half, the statements in the
right half, the selected entity's mentions, the find hits and the current span
across. A click on a mark shows its span; elsewhere it scrolls there.

It stays cheap on a book: the heights come from a few hundred sampled block
positions (interpolated between them), worked out again only when the layers,
the text or the size change (after a short pause), and a paint only fills the
rectangles kept from then, one per pixel row and layer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QStyle, QStyleOptionSlider, QTextEdit, QWidget

if TYPE_CHECKING:
    from reader import Document

    from .article_layers import HighlightLayers
    from .text_positions import Utf16Index


class MarkSource(Protocol):
    """Where the marks come from: the article view the strip stands beside."""

    layers: HighlightLayers

    @property
    def positions(self) -> Utf16Index: ...

    def current_document(self) -> Document | None: ...

    def is_loading(self) -> bool: ...


WIDTH = 10
#: Blocks whose heights are measured; the others are interpolated between them.
SAMPLES = 400
#: How close (pixels) a click must come to a mark to show its span.
HIT_SLOP = 4
DELAY_MS = 60
#: Where each layer's marks go across the strip: (left, right) as fractions of its width.
_LEFT, _RIGHT, _ACROSS = (0.0, 0.5), (0.5, 1.0), (0.0, 1.0)


def _place(name: str) -> tuple[float, float]:
    if name == "summary":
        return _LEFT
    if name.startswith("stance"):
        return _RIGHT
    return _ACROSS


class OverviewStrip(QWidget):
    """Marks of the view's layers, beside its scrollbar.

    Signals:
        spanClicked(int, int): a mark was clicked; its span (Python offsets).
    """

    spanClicked = Signal(int, int)

    def __init__(self, view: QTextEdit, source: MarkSource) -> None:
        """``view``: the text the strip stands beside; ``source``: its highlights (the
        same ``ArticleView`` for both, seen as a text widget and as a source of marks)."""
        super().__init__(view)
        self._view = view
        self._source = source
        self.setObjectName("overviewStrip")
        self.setFixedWidth(WIDTH)
        self.setAccessibleName("Overview of highlights")
        self.setToolTip(
            "Where the summary, statements, mentions and find hits are: click to go there"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Per layer, bottom to top: (fractions, spans) sorted by fraction, and its colour.
        self._marks: list[tuple[str, list[float], list[tuple[int, int]], QColor]] = []
        self._rects: list[tuple[QRect, QColor]] = []
        self._rects_for: tuple[int, int] = (-1, -1)  # the track they were made for
        self._timer = QTimer(self)
        self._timer.setObjectName("overviewTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.update_marks)
        self._dirty = False

    @Slot()
    def schedule(self) -> None:
        """Work the marks out again after a short pause (changes come in bursts);
        when the strip is hidden, once it shows."""
        if self.isVisible():
            self._timer.start()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self._timer.isActive():
            self._timer.stop()
            self._dirty = True

    def marks(self, name: str) -> list[float]:
        """The fractions (0 top, 1 bottom) of the marks of layer ``name``."""
        for layer, fractions, _, _ in self._marks:
            if layer == name:
                return list(fractions)
        return []

    @Slot()
    def update_marks(self) -> None:
        self._timer.stop()
        layers = self._source.layers
        marks: list[tuple[str, list[float], list[tuple[int, int]], QColor]] = []
        if self._source.current_document() is not None:
            fraction = self._fraction_of()
            for name in layers.names():
                spans = sorted(layers.spans(name))
                colour = layers.colour(name)
                if not spans or colour is None:
                    continue
                solid = QColor(colour)
                solid.setAlpha(235)
                pairs = sorted((fraction(start), (start, end)) for start, end in spans)
                marks.append((name, [f for f, _ in pairs], [s for _, s in pairs], solid))
        self._marks = marks
        self._rects_for = (-1, -1)
        self.update()

    def _fraction_of(self) -> Callable[[int], float]:
        """A function: Python offset -> height in the document (0 to 1), from samples."""
        index = self._source.positions
        document = self._view.document()
        total = max(1, index.qt_length())
        height = document.size().height()
        if self._source.is_loading() or height <= 0:
            return lambda offset: index.to_qt(offset) / total
        layout = document.documentLayout()
        count = document.blockCount()
        step = max(1, count // SAMPLES)
        positions: list[int] = []
        tops: list[float] = []
        for number in range(0, count, step):
            block = document.findBlockByNumber(number)
            positions.append(block.position())
            tops.append(layout.blockBoundingRect(block).top())
        positions.append(total)
        tops.append(height)

        def fraction(offset: int) -> float:
            qt = index.to_qt(offset)
            i = max(0, min(bisect_right(positions, qt) - 1, len(positions) - 2))
            p0, p1 = positions[i], positions[i + 1]
            share = (qt - p0) / (p1 - p0) if p1 > p0 else 0.0
            return min(1.0, (tops[i] + share * (tops[i + 1] - tops[i])) / height)

        return fraction

    def _track(self) -> tuple[int, int]:
        """The top and height, in this strip, of the part that stands for the whole text:
        the scrollbar's groove when the scrollbar shows, else the strip's height."""
        bar = self._view.verticalScrollBar()
        if not bar.isVisible():
            return 2, max(1, self.height() - 4)
        option = QStyleOptionSlider()
        bar.initStyleOption(option)
        groove = bar.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, bar
        )
        top = bar.mapTo(self._view, groove.topLeft()).y() - self.y()
        return top, max(1, groove.height())

    def _layout_rects(self) -> list[tuple[QRect, QColor]]:
        track = self._track()
        if track == self._rects_for:
            return self._rects
        top, height = track
        width = self.width() - 1
        rects: list[tuple[QRect, QColor]] = []
        for name, fractions, _, colour in self._marks:
            left, right = _place(name)
            x0, x1 = 1 + round(left * width), 1 + round(right * width)
            rows = sorted({top + min(height - 1, int(f * height)) for f in fractions})
            # Neighbouring rows become one rectangle: a long run of hits is one fill.
            run_start = previous = None
            for row in rows:
                if run_start is None or previous is None or row > previous + 1:
                    if run_start is not None and previous is not None:
                        rects.append(
                            (QRect(x0, run_start, x1 - x0, previous - run_start + 2), colour)
                        )
                    run_start = row
                previous = row
            if run_start is not None and previous is not None:
                rects.append((QRect(x0, run_start, x1 - x0, previous - run_start + 2), colour))
        self._rects, self._rects_for = rects, track
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, 0, 0, self.height())
        for rect, colour in self._layout_rects():
            painter.fillRect(rect, colour)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rects_for = (-1, -1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        top, height = self._track()
        y = event.position().y()
        spot = (y - top) / height
        best: tuple[float, tuple[int, int]] | None = None
        for _name, fractions, spans, _colour in reversed(self._marks):  # top layer first
            i = bisect_left(fractions, spot)
            for j in (i - 1, i):
                if 0 <= j < len(fractions):
                    distance = abs(fractions[j] * height - (y - top))
                    if distance <= HIT_SLOP and (best is None or distance < best[0]):
                        best = (distance, spans[j])
        if best is not None:
            self.spanClicked.emit(*best[1])
        else:
            bar = self._view.verticalScrollBar()
            total = bar.maximum() + bar.pageStep()
            bar.setValue(round(min(max(spot, 0.0), 1.0) * total - bar.pageStep() / 2))
        event.accept()
