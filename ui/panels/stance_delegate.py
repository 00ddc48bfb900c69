"""How the stance panel's rows are painted: speakers with a bar of their labels,
statements with a label pill, the cue, the targets and two lines of content."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
)

from reader import UNCERTAIN_BELOW, Statement

from .. import theme
from .stance_groups import (
    LABELS,
    SpeakerGroup,
    pill_text,
    snippet,
    speaker_details,
    targets_text,
)

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "speaker" or "statement"
STATEMENT_ROLE = Qt.ItemDataRole.UserRole + 2  # the Statement of a statement row
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the SpeakerGroup of a speaker row
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 4  # how many of a group's statements are shown

SPEAKER = "speaker"
STATEMENT = "statement"


def label_color(label: str) -> QColor:
    """The article highlight colour of a stance label (translucent)."""
    return QColor(theme.STANCE[label])


def solid(color: QColor, alpha: int = 255) -> QColor:
    opaque = QColor(color)
    opaque.setAlpha(alpha)
    return opaque


class StanceDelegate(QStyledItemDelegate):
    """Speaker rows: bold name, count, leaning and a bar. Statement rows: pill,
    cue in italics, targets, and two lines of content, elided."""

    PAD_V = 6
    PAD_H = 6
    GAP = 3
    BAR_W = 40
    BAR_H = 6

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree
        self._sizes: dict[tuple[object, int], QSize] = {}  # emptied when the font changes

    # Sizes depend only on the kind of row, the font and the width: remembered,
    # because the tree asks for every row's (a book has thousands) on each layout.
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._tree.viewport().width()
        # speakers are the top rows, statements their children: asked of the index
        # itself, not of the row's data (a call back into Python per row)
        kind = STATEMENT if index.parent().isValid() else SPEAKER
        key = (kind, width)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 64:
                self._sizes.clear()
            fm = option.fontMetrics
            if kind == SPEAKER:
                size = QSize(width, fm.height() + 2 * self.PAD_V + 2)
            else:
                first = max(fm.height(), self._pill_metrics(option.font).height() + 4)
                size = QSize(width, self.PAD_V * 2 + first + self.GAP + 2 * fm.lineSpacing())
            self._sizes[key] = size
        return QSize(size)

    def forget_sizes(self) -> None:
        self._sizes.clear()

    @staticmethod
    def _small_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        return small

    def _pill_metrics(self, font: QFont) -> QFontMetrics:
        return QFontMetrics(self._small_font(font))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        active = bool(opt.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        text = opt.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(self.PAD_H, self.PAD_V, -self.PAD_H, -self.PAD_V)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(KIND_ROLE) == SPEAKER:
            self._paint_speaker(painter, opt, index, rect, text, muted)
        else:
            self._paint_statement(painter, opt, index, rect, text, muted)
        painter.restore()

    def _paint_speaker(self, painter, opt, index, rect: QRect, text: QColor, muted: QColor):
        group: SpeakerGroup = index.data(GROUP_ROLE)
        shown = int(index.data(SHOWN_ROLE) or 0)
        counts = group.label_counts()
        bar = QRect(
            rect.right() - self.BAR_W, rect.center().y() - self.BAR_H // 2, self.BAR_W, self.BAR_H
        )
        self._paint_bar(painter, bar, counts, group.count)
        text_rect = rect.adjusted(0, 0, -self.BAR_W - 2 * self.PAD_H, 0)

        bold = QFont(opt.font)
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)
        details = speaker_details(group, shown)
        name = bold_fm.elidedText(
            group.name, Qt.TextElideMode.ElideRight, max(text_rect.width() * 2 // 3, 40)
        )
        name_w = bold_fm.horizontalAdvance(name)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(text_rect, align, name)
        detail_rect = text_rect.adjusted(name_w + 8, 0, 0, 0)
        painter.setFont(opt.font)
        painter.setPen(muted)
        fm = opt.fontMetrics
        detail = next(
            (d for d in details if fm.horizontalAdvance(d) <= detail_rect.width()), details[-1]
        )
        painter.drawText(
            detail_rect,
            align,
            fm.elidedText(detail, Qt.TextElideMode.ElideRight, detail_rect.width()),
        )

    @staticmethod
    def _paint_bar(painter: QPainter, rect: QRect, counts: Counter[str], total: int) -> None:
        if total <= 0:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        x = float(rect.left())
        for label in LABELS:
            n = counts.get(label, 0)
            if not n:
                continue
            w = rect.width() * n / total
            painter.setBrush(QBrush(solid(label_color(label), 210)))
            painter.drawRect(QRectF(x, rect.top(), w, rect.height()))
            x += w

    def _paint_statement(self, painter, opt, index, rect: QRect, text: QColor, muted: QColor):
        statement: Statement = index.data(STATEMENT_ROLE)
        fm = opt.fontMetrics
        small = self._small_font(opt.font)
        pill_fm = QFontMetrics(small)
        first_h = max(fm.height(), pill_fm.height() + 4)

        # line 1: label pill, cue, targets
        label = pill_text(statement)
        pill = QRectF(
            rect.left(),
            rect.top() + (first_h - pill_fm.height() - 4) / 2,
            pill_fm.horizontalAdvance(label) + 14,
            pill_fm.height() + 4,
        )
        color = label_color(statement.label)
        if statement.uncertain:  # an outline only, dashed: a guess, not a verdict
            pen = QPen(solid(color, 230), 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QBrush(solid(color, 25)))
        else:
            painter.setPen(QPen(solid(color, 200), 1))
            painter.setBrush(QBrush(solid(color, min(255, color.alpha() + 60))))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(small)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), label)

        x = int(pill.right()) + 8
        line1 = QRect(x, rect.top(), rect.right() - x, first_h)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if statement.cue is not None:
            italic = QFont(opt.font)
            italic.setItalic(True)
            italic_fm = QFontMetrics(italic)
            cue = italic_fm.elidedText(
                snippet(statement.cue.text), Qt.TextElideMode.ElideRight, line1.width() // 2
            )
            painter.setFont(italic)
            painter.setPen(text)
            painter.drawText(line1, align, cue)
            line1.setLeft(line1.left() + italic_fm.horizontalAdvance(cue) + 10)
        if statement.stances and line1.width() > 20:
            self._paint_targets(painter, opt.font, muted, line1, statement)
        elif statement.targets and line1.width() > 20:
            targets = targets_text(statement)
            painter.setFont(opt.font)
            painter.setPen(muted)
            painter.drawText(
                line1, align, fm.elidedText(targets, Qt.TextElideMode.ElideRight, line1.width())
            )

        # lines 2-3: the content
        top = rect.top() + first_h + self.GAP
        self._paint_two_lines(
            painter,
            opt.font,
            text,
            QRect(rect.left(), top, rect.width(), rect.bottom() - top),
            self._content_text(statement),
        )

    @staticmethod
    def _paint_targets(
        painter: QPainter, font: QFont, muted: QColor, line: QRect, statement: Statement
    ) -> None:
        """ "→ ● Israel ○ Lebanon": each name after a dot of its stance's colour, hollow
        when the model is unsure; what does not fit ends in an ellipsis."""
        fm = QFontMetrics(font)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(font)
        painter.setPen(muted)
        arrow = "→ "
        painter.drawText(line, align, arrow)
        x = line.left() + fm.horizontalAdvance(arrow)
        dot = max(6, fm.height() // 2 - 1)
        for k, stance in enumerate(statement.stances):
            name = stance.target if k == len(statement.stances) - 1 else stance.target + ","
            room = line.right() - x - dot - 4
            if room < fm.horizontalAdvance("…") + 4:
                break
            color = solid(label_color(stance.label), 230)
            circle = QRectF(x, line.center().y() - dot / 2, dot, dot)
            if stance.confidence < UNCERTAIN_BELOW:
                painter.setPen(QPen(color, 1.4))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(color))
            painter.drawEllipse(circle)
            x += dot + 4
            shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, room)
            painter.setPen(muted)
            painter.drawText(QRect(x, line.top(), line.right() - x, line.height()), align, shown)
            x += fm.horizontalAdvance(shown) + 8
            if shown != name:
                break

    @staticmethod
    def _content_text(statement: Statement) -> str:
        return snippet(statement.content.text)

    @staticmethod
    def _paint_two_lines(
        painter: QPainter, font: QFont, color: QColor, rect: QRect, content: str
    ) -> None:
        """Wrap ``content`` into ``rect``: the first line as it wraps, the rest elided."""
        fm = QFontMetrics(font)
        width = max(rect.width(), 20)
        layout = QTextLayout(content, font)
        layout.beginLayout()
        line = layout.createLine()
        first_len = len(content)
        if line.isValid():
            line.setLineWidth(width)
            first_len = line.textLength()
        layout.endLayout()
        first = content[:first_len].rstrip()
        rest = content[first_len:].lstrip()
        painter.setFont(font)
        painter.setPen(color)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        painter.drawText(QRect(rect.left(), rect.top(), width, fm.height()), align, first)
        if rest:
            second = fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRect(rect.left(), rect.top() + fm.lineSpacing(), width, fm.height()),
                align,
                second,
            )


# -- widgets --------------------------------------------------------------------------
