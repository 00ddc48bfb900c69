"""The summary panel's list: wrapped sentences with a numbered gutter and section titles.

``SentenceList`` is a ``QListWidget`` whose rows carry the roles below; its
delegate paints "1." in a gutter beside the wrapped sentence (a hanging
indent), a muted marker before a sentence that continues from one left out,
and section titles in bold with a fold mark. Row heights are measured once per
text and width: a book's summary has hundreds of rows.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end) of the sentence in Document.text
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2  # 1-based position in the summary
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 3  # the sentence it continues from, or None
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # None for a sentence, GROUP or SECTION
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 5  # a section title: its sentences are hidden
GROUP, SECTION = "group", "section"

#: Painted before a sentence that continues from one the summary left out.
CONTEXT_MARKER = "…\u00a0"
CLICK_HINT = "Click or press Enter to show this sentence in the article"
FOLD_HINT = "Click or press Enter to fold or unfold this section's sentences"
#: Painted before a section title, unfolded and folded.
UNFOLDED_MARK, FOLDED_MARK = "▾\u00a0", "▸\u00a0"
CONTEXT_LIMIT = 400  # characters of the previous sentence shown in the tooltip


def _wrapped(
    text: str, font: QFont, width: int, marker_color: QColor | None = None
) -> tuple[QTextLayout, float]:
    """``text`` laid out in lines of ``width``, and its height.

    With ``marker_color`` the text begins with ``CONTEXT_MARKER`` in that colour.
    """
    layout = QTextLayout(CONTEXT_MARKER + text if marker_color is not None else text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if marker_color is not None:
        marker = QTextLayout.FormatRange()
        marker.start, marker.length = 0, len(CONTEXT_MARKER)
        muted = QTextCharFormat()
        muted.setForeground(marker_color)
        marker.format = muted
        layout.setFormats([marker])
    leading = QFontMetrics(font).leading()
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        if line.lineNumber() > 0:
            height += leading
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height


class _SentenceDelegate(QStyledItemDelegate):
    """Paints "1." in a gutter and the sentence wrapped beside it (a hanging indent).

    A sentence that continues from a left-out one starts with a muted marker.
    """

    PAD_V = 7
    PAD_H = 8

    def __init__(self, view: SentenceList) -> None:
        super().__init__(view)
        self._view = view
        # heights by (text, font, width, marker): the same rows are measured again at
        # each width the list takes
        self._heights: dict[tuple[str, str, int, bool], float] = {}

    def _height(self, text: str, font: QFont, width: int, marker: bool) -> float:
        key = (text, font.key(), width, marker)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 4096:
                self._heights.clear()
            _, height = _wrapped(text, font, width, QColor() if marker else None)
            self._heights[key] = height
        return height

    def _gutter(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.horizontalAdvance("00.") + self.PAD_H

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = self._view.row_width() - 2 * self.PAD_H - self._gutter(option)
        return max(width, 80)

    #: Space above a section title and above the "By section" caption.
    TITLE_GAP = 10

    def measure(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The row's size at the list's width. The list stores it as the row's size hint
        (``SentenceList``), so that laying out its hundreds of rows runs no Python."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        kind = index.data(KIND_ROLE)
        if kind is not None:
            font, width = _title_font(option.font, kind), self._title_width()
            height = self._height(_title_text(index), font, width, False)
            return QSize(self._view.row_width(), math.ceil(height) + self._title_pad())
        marker = bool(index.data(CONTEXT_ROLE))
        height = self._height(text, option.font, self._text_width(option), marker)
        return QSize(self._view.row_width(), math.ceil(height) + 2 * self.PAD_V)

    def _title_width(self) -> int:
        return max(self._view.row_width() - 2 * self.PAD_H, 80)

    def _title_pad(self) -> int:
        return self.TITLE_GAP + 2 * self.PAD_V

    def _paint_title(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        color: QColor,
    ) -> None:
        """A section title in bold, or the muted "By section" caption, after a gap."""
        rect = opt.rect.adjusted(self.PAD_H, self.PAD_V + self.TITLE_GAP, -self.PAD_H, 0)
        font = _title_font(opt.font, index.data(KIND_ROLE))
        layout, _ = _wrapped(_title_text(index), font, self._title_width())
        painter.save()
        painter.setPen(color)
        layout.draw(painter, QPointF(rect.left(), rect.top()))
        painter.restore()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        active = bool(opt.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        number_role = text_role if selected else QPalette.ColorRole.PlaceholderText
        kind = index.data(KIND_ROLE)
        if kind is not None:
            role = number_role if kind == GROUP else text_role
            self._paint_title(painter, opt, index, opt.palette.color(group, role))
            return

        rect = opt.rect.adjusted(self.PAD_H, self.PAD_V, -self.PAD_H, -self.PAD_V)
        gutter = self._gutter(opt)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, number_role))
        number_rect = QRect(rect.left(), rect.top(), gutter - self.PAD_H, rect.height())
        painter.drawText(
            number_rect,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            f"{index.data(NUMBER_ROLE)}.",
        )
        marker = opt.palette.color(group, number_role) if index.data(CONTEXT_ROLE) else None
        layout, _ = _wrapped(text, opt.font, self._text_width(opt), marker)
        painter.setPen(opt.palette.color(group, text_role))
        layout.draw(painter, QPointF(rect.left() + gutter, rect.top()))
        painter.restore()


def _title_font(font: QFont, kind: str) -> QFont:
    """Bold for a section title; smaller, bold and in capitals for the caption."""
    titled = QFont(font)
    titled.setBold(True)
    if kind == GROUP:
        titled.setCapitalization(QFont.Capitalization.AllUppercase)
        titled.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
    return titled


def _title_text(index: QModelIndex | QPersistentModelIndex) -> str:
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    if index.data(KIND_ROLE) != SECTION:
        return text
    return (FOLDED_MARK if index.data(FOLDED_ROLE) else UNFOLDED_MARK) + text


class SentenceList(QListWidget):
    """A list of wrapped sentences; Enter activates the current one like a click."""

    returnPressed = Signal(QListWidgetItem)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setItemDelegate(_SentenceDelegate(self))
        self._measured_width = 0
        self.setMouseTracking(True)
        self.viewport().installEventFilter(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.returnPressed.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A pointing hand over a sentence, the normal arrow over empty space.
        if watched is self.viewport() and isinstance(event, QMouseEvent):
            over_item = self.indexAt(event.position().toPoint()).isValid()
            shape = Qt.CursorShape.PointingHandCursor if over_item else Qt.CursorShape.ArrowCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(QCursor(shape))
        return super().eventFilter(watched, event)

    def row_width(self) -> int:
        """The width rows are wrapped to: the viewport's, less a scroll bar's even while
        none shows, so that one appearing as rows come in does not change every row."""
        width = self.viewport().width()
        if not self.verticalScrollBar().isVisible():
            width -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return max(width, 1)

    def rowsInserted(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        self._measure(start, end)
        super().rowsInserted(parent, start, end)

    def _measure(self, start: int, end: int) -> None:
        """Store the size of rows ``start``..``end`` as their size hints."""
        delegate = self.itemDelegate()
        if not isinstance(delegate, _SentenceDelegate):
            return
        self._measured_width = self.row_width()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        model = self.model()
        for row in range(start, end + 1):
            index = model.index(row, 0)
            model.setData(index, delegate.measure(option, index), Qt.ItemDataRole.SizeHintRole)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.count() and self.row_width() != self._measured_width:
            self._measure(0, self.count() - 1)  # wrapped heights depend on the width

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self.count():
            self._measure(0, self.count() - 1)  # and on the font
