"""The stance panel ("who says what"): statements grouped by speaker, with filters.

Grouping and wording live here because they are presentation, not NLP: the
statements come ready-made from ``reader.stance``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import Statement

from . import theme
from .placeholder import placeholder_label

LABELS: tuple[str, ...] = ("supportive", "critical", "neutral")
ARTICLE_KEY = "article"
ARTICLE_NAME = "The article itself"
# The speaker combo's data for "All speakers": PySide6 miscounts references to
# None stored in a QVariant (a crash at exit on Python 3.11), so never store None.
ALL_SPEAKERS = ""

NO_DOCUMENT = "Open an article to see who says what."
NO_STATEMENTS = "No statements found in this article."
NO_MATCH = "No statements match these filters."

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "speaker" or "statement"
STATEMENT_ROLE = Qt.ItemDataRole.UserRole + 2  # the Statement of a statement row
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3  # the SpeakerGroup of a speaker row
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 4  # how many of a group's statements are shown

SPEAKER = "speaker"
STATEMENT = "statement"

_FALLBACK_COLORS = {  # used only if the theme lacks a stance colour
    "supportive": QColor(60, 180, 90, 80),
    "critical": QColor(230, 70, 70, 80),
    "neutral": QColor(150, 150, 150, 70),
}


def label_color(label: str) -> QColor:
    """The article highlight colour of a stance label (translucent)."""
    colors = getattr(theme, "STANCE", _FALLBACK_COLORS)
    return QColor(colors.get(label, _FALLBACK_COLORS["neutral"]))


def _solid(color: QColor, alpha: int = 255) -> QColor:
    solid = QColor(color)
    solid.setAlpha(alpha)
    return solid


# -- grouping (plain Python) ---------------------------------------------------------


@dataclass(frozen=True)
class SpeakerGroup:
    """The statements of one speaker, in article order."""

    key: str  # stable identity: "entity:<name>", "text:<casefolded text>" or "article"
    name: str  # what the panel shows
    statements: tuple[Statement, ...]

    @property
    def count(self) -> int:
        return len(self.statements)

    @property
    def is_article(self) -> bool:
        return self.key == ARTICLE_KEY

    def label_counts(self) -> Counter[str]:
        return Counter(s.label for s in self.statements)


def speaker_key(statement: Statement) -> tuple[str, str]:
    """``(key, display name)`` of the group a statement belongs to."""
    speaker = statement.speaker
    if speaker.start is None:
        return ARTICLE_KEY, ARTICLE_NAME
    if speaker.entity:
        return f"entity:{speaker.entity}", speaker.entity
    text = " ".join(speaker.text.split()) or "(unnamed)"
    return f"text:{text.casefold()}", text


def group_by_speaker(statements: Iterable[Statement]) -> list[SpeakerGroup]:
    """Groups by count (most first, then first appearance); the article itself last."""
    members: dict[str, list[Statement]] = {}
    names: dict[str, str] = {}
    for statement in sorted(statements, key=lambda s: (s.content.start, s.content.end)):
        key, name = speaker_key(statement)
        members.setdefault(key, []).append(statement)
        names.setdefault(key, name)
    order = {key: i for i, key in enumerate(members)}
    keys = sorted(members, key=lambda k: (k == ARTICLE_KEY, -len(members[k]), order[k]))
    return [SpeakerGroup(k, names[k], tuple(members[k])) for k in keys]


def leaning(labels: Counter[str] | Iterable[str]) -> str:
    """A few words for a mix of labels: "critical", "all neutral", "mostly critical", "mixed"."""
    counts = labels if isinstance(labels, Counter) else Counter(labels)
    total = sum(counts.values())
    if total == 0:
        return ""
    (top, n), *rest = counts.most_common()
    if n == total:
        return top if total == 1 else f"all {top}"
    if n / total >= 0.6 and (not rest or rest[0][1] < n):
        return f"mostly {top}"
    return "mixed"


def speaker_details(group: SpeakerGroup, shown: int) -> tuple[str, ...]:
    """The count and leaning of a speaker row, longest wording first (for narrow panels)."""
    lean = leaning(group.label_counts())
    count = plural(group.count, "statement")
    if shown != group.count:
        return (f"{shown} of {count} · {lean}", f"{shown}/{group.count} · {lean}")
    return (f"{count} · {lean}", f"{group.count} · {lean}")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def snippet(text: str) -> str:
    return " ".join(text.split())


def targets_text(statement: Statement) -> str:
    return "→ " + ", ".join(statement.targets) if statement.targets else ""


def tooltip(statement: Statement) -> str:
    """Why the statement got its label: the label, its score and the reasons."""
    lines = [f"<b>{statement.label.capitalize()}</b> &nbsp;(score {statement.score:+.2f})"]
    if statement.reasons:
        lines.append("<br>".join(f"• {_escape(r)}" for r in statement.reasons))
    kind = "Quoted directly" if statement.direct else "Reported"
    if statement.speaker.start is None:
        kind = "Said by the article itself"
    lines.append(f"<i>{kind}</i>. Click or press Enter to show it in the article.")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- painting -------------------------------------------------------------------------


class _StanceDelegate(QStyledItemDelegate):
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
        kind = index.data(KIND_ROLE)
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
            painter.setBrush(QBrush(_solid(label_color(label), 210)))
            painter.drawRect(QRectF(x, rect.top(), w, rect.height()))
            x += w

    def _paint_statement(self, painter, opt, index, rect: QRect, text: QColor, muted: QColor):
        statement: Statement = index.data(STATEMENT_ROLE)
        fm = opt.fontMetrics
        small = self._small_font(opt.font)
        pill_fm = QFontMetrics(small)
        first_h = max(fm.height(), pill_fm.height() + 4)

        # line 1: label pill, cue, targets
        pill_text = statement.label
        pill = QRectF(
            rect.left(),
            rect.top() + (first_h - pill_fm.height() - 4) / 2,
            pill_fm.horizontalAdvance(pill_text) + 14,
            pill_fm.height() + 4,
        )
        color = label_color(statement.label)
        painter.setPen(QPen(_solid(color, 200), 1))
        painter.setBrush(QBrush(_solid(color, min(255, color.alpha() + 60))))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(small)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), pill_text)

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
        targets = targets_text(statement)
        if targets and line1.width() > 20:
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


class _StatementTree(QTreeWidget):
    """The speaker/statement tree; Enter activates the current row like a click."""

    returnPressed = Signal(QTreeWidgetItem)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(14)
        self.setRootIsDecorated(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.setItemDelegate(_StanceDelegate(self))
        self.setMouseTracking(True)
        self.viewport().installEventFilter(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            delegate = self.itemDelegate()
            if isinstance(delegate, _StanceDelegate):
                delegate.forget_sizes()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.data(0, KIND_ROLE) == SPEAKER:
                item.setExpanded(not item.isExpanded())
            else:
                self.returnPressed.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A pointing hand over a statement, the normal arrow elsewhere.
        if watched is self.viewport() and event.type() == QEvent.Type.MouseMove:
            item = self.itemAt(event.position().toPoint())
            over = item is not None and item.data(0, KIND_ROLE) == STATEMENT
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(QCursor(shape))
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class _StatementItem(QTreeWidgetItem):
    """A statement row. Its texts for tooltips and screen readers are made when
    asked for: a book has thousands of rows, and building them all at once
    would hold up the window."""

    def __init__(self, parent: QTreeWidgetItem, statement: Statement) -> None:
        super().__init__(parent)
        self.statement = statement

    def data(self, column: int, role: int) -> object:
        if role == STATEMENT_ROLE:
            return self.statement
        if role == KIND_ROLE:
            return STATEMENT
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self.statement)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.statement.label}: {snippet(self.statement.content.text)}"
        return super().data(column, role)


def _statement_of(item: QTreeWidgetItem | None) -> Statement | None:
    """The statement of a statement row; None for speaker rows.

    Never read a role an item lacks: PySide6 returns None for it with one
    reference too few, and Python 3.11 aborts at exit when None runs out.
    """
    if item is None or item.data(0, KIND_ROLE) != STATEMENT:
        return None
    return item.data(0, STATEMENT_ROLE)


def _dot_icon(color: QColor | None, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if color is not None:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_solid(color, 230), 1))
        painter.setBrush(_solid(color, 170))
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        painter.end()
    return QIcon(pixmap)


_CHIP_STYLE = """
QToolButton#stanceChip {
    border: 1px solid palette(mid); border-radius: 9px; padding: 1px 5px;
}
QToolButton#stanceChip:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
"""


class _ChipBar(QWidget):
    """Exclusive label chips: "Critical 4" when there is room, "4" beside the dot when not."""

    SPACING = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str | None, QToolButton] = {}
        self._counts: dict[str | None, int | None] = {}
        self._compact = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.SPACING)
        for label in (None, *LABELS):
            button = QToolButton()
            button.setObjectName("stanceChip")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(QSize(10, 10))
            if label is not None:
                button.setIcon(_dot_icon(label_color(label)))
            button.setToolTip(
                "Show statements of every label" if label is None else f"Show {label} statements"
            )
            button.setStyleSheet(_CHIP_STYLE)
            self.group.addButton(button)
            self.buttons[label] = button
            self._counts[label] = None
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons[None].setChecked(True)
        self._relabel()

    @staticmethod
    def _text(label: str | None, count: int | None, compact: bool) -> str:
        name = "All" if label is None else label.capitalize()
        if count is None:
            return name
        if compact and label is not None:
            return str(count)
        return f"{name} {count}"

    def set_counts(self, counts: dict[str | None, int | None]) -> None:
        self._counts = dict(counts)
        self._relabel()

    def _full_width(self) -> int:
        width = 0
        for label, button in self.buttons.items():
            hint = button.sizeHint().width()
            current = button.text()
            full = self._text(label, self._counts[label], compact=False)
            hint += button.fontMetrics().horizontalAdvance(full)
            hint -= button.fontMetrics().horizontalAdvance(current)
            width += hint + self.SPACING
        return width

    def _relabel(self) -> None:
        self._compact = self._full_width() > self.width()
        for label, button in self.buttons.items():
            button.setText(self._text(label, self._counts[label], self._compact))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 200), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relabel()


class StancePanel(QWidget):
    """Who says what in the open article.

    Signals:
        statementActivated(int, int): a statement was clicked or Enter was
            pressed on it; ``(start, end)`` of its content in ``Document.text``.
        highlightsChanged(): the visible statements or the highlight toggle
            changed; the window re-reads ``label_spans()`` / ``highlights_enabled()``.
    """

    statementActivated = Signal(int, int)
    highlightsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statements: tuple[Statement, ...] = ()
        self._groups: list[SpeakerGroup] = []
        self._visible: list[Statement] = []
        self._label: str | None = None
        self._speaker: str | None = None
        self._collapsed: set[str] = set()
        self._has_data = False

        self._header = QLabel("Who says what")
        self._header.setObjectName("stanceHeader")
        self._header.setTextFormat(Qt.TextFormat.PlainText)
        self._highlight = QCheckBox("Highlight")
        self._highlight.setObjectName("stanceHighlight")
        self._highlight.setToolTip("Colour the statements in the article by their label")
        self._highlight.setChecked(True)
        self._highlight.toggled.connect(self._highlight_toggled)
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 2)
        header.addWidget(self._header, 1)
        header.addWidget(self._highlight)

        self._chip_bar = _ChipBar()
        self._chip_bar.setObjectName("stanceLabelFilter")
        self._chip_buttons = self._chip_bar.buttons
        for button in self._chip_buttons.values():
            button.clicked.connect(self._chip_clicked)
        chips = QHBoxLayout()
        chips.setContentsMargins(8, 2, 8, 2)
        chips.addWidget(self._chip_bar)

        self._speaker_combo = QComboBox()
        self._speaker_combo.setObjectName("stanceSpeaker")
        self._speaker_combo.setAccessibleName("Speaker filter")
        self._speaker_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._speaker_combo.setMinimumContentsLength(12)
        self._speaker_combo.currentIndexChanged.connect(self._speaker_changed)
        speaker_row = QHBoxLayout()
        speaker_row.setContentsMargins(8, 2, 8, 6)
        speaker_row.addWidget(self._speaker_combo, 1)

        self._tree = _StatementTree()
        self._tree.setObjectName("stanceTree")
        self._tree.setAccessibleName("Statements by speaker")
        self._tree.itemClicked.connect(self._activate)
        self._tree.returnPressed.connect(self._activate)
        self._tree.itemExpanded.connect(self._remember_expanded)
        self._tree.itemCollapsed.connect(self._remember_collapsed)

        self._placeholder = placeholder_label("stancePlaceholder")

        self._stack = QStackedWidget()
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self._tree)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addLayout(chips)
        layout.addLayout(speaker_row)
        layout.addWidget(self._stack, 1)
        self._refresh_filters()
        self.show_message(NO_DOCUMENT)

    # -- public API -----------------------------------------------------------------

    def show_statements(self, statements: Sequence[Statement]) -> None:
        """Show ``statements`` grouped by speaker; keeps the filters when they still apply."""
        self._statements = tuple(statements)
        self._groups = group_by_speaker(self._statements)
        self._has_data = True
        if self._speaker is not None and self._speaker not in {g.key for g in self._groups}:
            self._speaker = None
        self._refresh_filters()
        self._rebuild()

    def show_message(self, text: str) -> None:
        """Replace the list with a message ("Finding statements…", "Open an article…")."""
        self._statements = ()
        self._groups = []
        self._has_data = False
        self._refresh_filters()
        self._set_visible([])
        self._header.setText("Who says what")
        self._show_placeholder(text)

    def clear(self) -> None:
        self._speaker = None
        self._collapsed.clear()
        self.show_message(NO_DOCUMENT)

    def statements(self) -> tuple[Statement, ...]:
        return self._statements

    def speaker_groups(self) -> list[SpeakerGroup]:
        """All speakers of the shown statements (filters aside), as the tree orders them."""
        return list(self._groups)

    def visible_statements(self) -> list[Statement]:
        """The statements that pass the filters, in the tree's order."""
        return list(self._visible)

    def label_spans(self) -> dict[str, list[tuple[int, int]]]:
        """Content spans of the visible statements, per label (every label is a key)."""
        spans: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
        for statement in self._visible:
            spans.setdefault(statement.label, []).append(
                (statement.content.start, statement.content.end)
            )
        for values in spans.values():
            values.sort()
        return spans

    def label_filter(self) -> str | None:
        return self._label

    def set_label_filter(self, label: str | None) -> None:
        """Show only ``label`` ("supportive", "critical", "neutral") or every label (None)."""
        if label is not None and label not in LABELS:
            raise ValueError(f"unknown stance label: {label!r}")
        self._chip_buttons[label].setChecked(True)
        if label != self._label:
            self._label = label
            self._rebuild()

    def speaker_filter(self) -> str | None:
        """The ``SpeakerGroup.key`` shown alone, or None for every speaker."""
        return self._speaker

    def set_speaker_filter(self, key: str | None) -> None:
        index = self._speaker_combo.findData(key or ALL_SPEAKERS)
        if index < 0:
            raise ValueError(f"no such speaker: {key!r}")
        self._speaker_combo.setCurrentIndex(index)  # _speaker_changed rebuilds

    def highlights_enabled(self) -> bool:
        return self._highlight.isChecked()

    def set_highlights_enabled(self, enabled: bool) -> None:
        self._highlight.setChecked(enabled)

    def tree(self) -> QTreeWidget:
        return self._tree

    def statement_item(self, statement: Statement) -> QTreeWidgetItem | None:
        for i in range(self._tree.topLevelItemCount()):
            top = self._tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if child.data(0, STATEMENT_ROLE) is statement:
                    return child
        return None

    def speaker_item(self, key: str) -> QTreeWidgetItem | None:
        for i in range(self._tree.topLevelItemCount()):
            top = self._tree.topLevelItem(i)
            if top.data(0, GROUP_ROLE).key == key:
                return top
        return None

    def message(self) -> str | None:
        """The placeholder text when one is shown, else None."""
        if self._stack.currentWidget() is self._placeholder:
            return self._placeholder.text()
        return None

    def chip(self, label: str | None) -> QToolButton:
        return self._chip_buttons[label]

    def speaker_combo(self) -> QComboBox:
        return self._speaker_combo

    # -- internals --------------------------------------------------------------------

    def _passes(self, statement: Statement) -> bool:
        return self._label is None or statement.label == self._label

    def _rebuild(self) -> None:
        if not self._has_data:
            return
        total = len(self._statements)
        self._header.setText(
            f"{plural(total, 'statement')} · {plural(len(self._groups), 'source')}"
            if total
            else "Who says what"
        )
        self._update_chip_counts()
        if not total:
            self._set_visible([])
            self._show_placeholder(NO_STATEMENTS)
            return

        current = self._tree.currentItem()
        keep = _statement_of(current)
        visible: list[Statement] = []
        self._tree.setUpdatesEnabled(False)
        try:
            self._tree.clear()
            restore: QTreeWidgetItem | None = None
            for group in self._groups:
                if self._speaker is not None and group.key != self._speaker:
                    continue
                shown = [s for s in group.statements if self._passes(s)]
                if not shown:
                    continue
                top = QTreeWidgetItem(self._tree)
                top.setData(0, KIND_ROLE, SPEAKER)
                top.setData(0, GROUP_ROLE, group)
                top.setData(0, SHOWN_ROLE, len(shown))
                top.setData(0, Qt.ItemDataRole.AccessibleTextRole, group.name)
                top.setToolTip(0, self._group_tooltip(group))
                for statement in shown:
                    child = _StatementItem(top, statement)
                    if statement is keep:
                        restore = child
                top.setExpanded(group.key not in self._collapsed)
                visible.extend(shown)
            if restore is not None:
                self._tree.setCurrentItem(restore)
        finally:
            self._tree.setUpdatesEnabled(True)
        self._set_visible(visible)
        if visible:
            self._stack.setCurrentWidget(self._tree)
        else:
            self._show_placeholder(NO_MATCH)

    @staticmethod
    def _group_tooltip(group: SpeakerGroup) -> str:
        counts = group.label_counts()
        parts = [f"{counts[label]} {label}" for label in LABELS if counts[label]]
        return f"<b>{_escape(group.name)}</b><br>{plural(group.count, 'statement')}: " + ", ".join(
            parts
        )

    def _set_visible(self, visible: list[Statement]) -> None:
        changed = [id(s) for s in visible] != [id(s) for s in self._visible]
        self._visible = visible
        if changed:
            self.highlightsChanged.emit()

    def _show_placeholder(self, text: str) -> None:
        self._tree.clear()
        self._placeholder.setText(text)
        self._stack.setCurrentWidget(self._placeholder)

    def _scoped(self) -> list[Statement]:
        """The statements the speaker filter lets through (for the chips' counts)."""
        if self._speaker is None:
            return list(self._statements)
        return [s for g in self._groups if g.key == self._speaker for s in g.statements]

    def _update_chip_counts(self) -> None:
        scoped = self._scoped()
        counts = Counter(s.label for s in scoped)
        shown: dict[str | None, int | None] = {None: len(scoped) if self._has_data else None}
        for label in LABELS:
            shown[label] = counts[label] if self._has_data else None
        self._chip_bar.set_counts(shown)

    def _refresh_filters(self) -> None:
        """Refill the speaker combo from the groups and sync the widgets with the state."""
        combo = self._speaker_combo
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(f"All speakers ({len(self._statements)})", ALL_SPEAKERS)
            for group in self._groups:
                combo.addItem(f"{group.name} ({group.count})", group.key)
            combo.setCurrentIndex(max(combo.findData(self._speaker or ALL_SPEAKERS), 0))
            combo.setEnabled(bool(self._groups))
        finally:
            combo.blockSignals(False)
        for button in self._chip_buttons.values():
            button.setEnabled(self._has_data and bool(self._statements))
        self._update_chip_counts()

    @Slot()
    def _chip_clicked(self) -> None:
        for label, button in self._chip_buttons.items():
            if button.isChecked():
                if label != self._label:
                    self._label = label
                    self._rebuild()
                return

    @Slot(int)
    def _speaker_changed(self, index: int) -> None:
        key = self._speaker_combo.itemData(index) or None
        if key != self._speaker:
            self._speaker = key
            self._rebuild()

    @Slot(bool)
    def _highlight_toggled(self, _checked: bool) -> None:
        self.highlightsChanged.emit()

    @Slot(QTreeWidgetItem)
    def _remember_expanded(self, item: QTreeWidgetItem) -> None:
        self._collapsed.discard(item.data(0, GROUP_ROLE).key)

    @Slot(QTreeWidgetItem)
    def _remember_collapsed(self, item: QTreeWidgetItem) -> None:
        self._collapsed.add(item.data(0, GROUP_ROLE).key)

    @Slot(QTreeWidgetItem)
    def _activate(self, item: QTreeWidgetItem) -> None:
        statement = _statement_of(item)
        if statement is None:
            return
        self.statementActivated.emit(statement.content.start, statement.content.end)
