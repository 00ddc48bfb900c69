"""How the entity sidebar's rows are painted: a little air around each, and the
portrayal column as a small bar of the article's positive, neutral and negative
sentences about the entity (the tooltip says it in words)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

import reader
from reader import Portrayal

from .entity_model import PORTRAYAL_COLUMN, PORTRAYAL_ROLE

BAR_WIDTH = 36
BAR_HEIGHT = 7


def portrayal_colour(label: str) -> QColor:
    """The bar colour of a portrayal label: the stance colours, shared with the report."""
    colour = QColor(reader.PORTRAYAL_COLOURS[label].highlight)
    colour.setAlpha(215)
    return colour


def bar_widths(portrayal: Portrayal, width: float) -> list[tuple[str, float]]:
    """Each label's share of ``width``, in ``PORTRAYAL_LABELS`` order (empty ones left out)."""
    total = portrayal.judged
    if total <= 0:
        return []
    counts = portrayal.counts()
    return [
        (label, width * counts[label] / total) for label in reader.PORTRAYAL_LABELS if counts[label]
    ]


class EntityDelegate(QStyledItemDelegate):
    """The default rows with a little air above and below; the portrayal bar."""

    EXTRA = 6

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == PORTRAYAL_COLUMN:
            size.setWidth(BAR_WIDTH + 10)
        return QSize(size.width(), size.height() + self.EXTRA)  # bold group rows too

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        if index.column() != PORTRAYAL_COLUMN:
            return
        portrayal = index.data(PORTRAYAL_ROLE)
        if not isinstance(portrayal, Portrayal) or not portrayal.judged:
            return
        rect = option.rect
        bar = QRectF(
            rect.left() + (rect.width() - BAR_WIDTH) / 2,
            rect.top() + (rect.height() - BAR_HEIGHT) / 2,
            BAR_WIDTH,
            BAR_HEIGHT,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        x = bar.left()
        for label, width in bar_widths(portrayal, bar.width()):
            painter.setBrush(QBrush(portrayal_colour(label)))
            painter.drawRect(QRectF(x, bar.top(), width, bar.height()))
            x += width
        frame = QColor(option.palette.color(QPalette.ColorRole.Mid))
        painter.setPen(QPen(frame, 0.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        painter.restore()
