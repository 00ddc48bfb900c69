"""The summary panel: the summary's sentences in article order, each a link into the text.

A sentence that opens by pointing back at text the summary left out ("He
said", "However,") gets a muted "…" before it and a tooltip with the sentence
it continues from (``reader.coherence``). The copied and printed summary come
from ``reader.report`` and carry no such marker.

A long document's section summaries follow the whole summary, under a "By
section" caption: each section's title (a click or Enter folds or unfolds its
sentences), then its sentences, numbered from 1 and linked like the others.
A percentage length capped at what a person reads says so under the header.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

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
    Slot,
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
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader import (
    SECTIONS_HEADING,
    Document,
    Sentence,
    Summary,
    SummarySentence,
    algorithm_name,
    cap_note,
    context_for,
    snippet,
)

from .placeholder import placeholder_label
from .summary_compare import CompareDialog
from .summary_why import why_html, why_text

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

NO_DOCUMENT = "Open an article to see its summary."
NO_SUMMARY = "No summary yet."
EMPTY_SUMMARY = "This article is too short to summarise."


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

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _gutter(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.horizontalAdvance("00.") + self.PAD_H

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        width = self._view.viewport().width() - 2 * self.PAD_H - self._gutter(option)
        return max(width, 80)

    #: Space above a section title and above the "By section" caption.
    TITLE_GAP = 10

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        kind = index.data(KIND_ROLE)
        if kind is not None:
            font, width = _title_font(option.font, kind), self._title_width()
            _, height = _wrapped(_title_text(index), font, width)
            return QSize(self._view.viewport().width(), math.ceil(height) + self._title_pad())
        marker = QColor() if index.data(CONTEXT_ROLE) else None
        _, height = _wrapped(text, option.font, self._text_width(option), marker)
        return QSize(self._view.viewport().width(), math.ceil(height) + 2 * self.PAD_V)

    def _title_width(self) -> int:
        return max(self._view.viewport().width() - 2 * self.PAD_H, 80)

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
        layout, _ = _wrapped(_title_text(index), font, rect.width())
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
        layout, _ = _wrapped(text, opt.font, rect.width() - gutter, marker)
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


class _SentenceList(QListWidget):
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Wrapped heights depend on the width: ask the delegate again.
        self.scheduleDelayedItemsLayout()


class SummaryPanel(QWidget):
    """The summary of the open article.

    Signals:
        sentenceActivated(int, int): a sentence was clicked or Enter was pressed
            on it; ``(start, end)`` in ``Document.text``.
        copyRequested(): the Copy button was pressed.
    """

    sentenceActivated = Signal(int, int)
    copyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._summary: Summary | None = None
        self._sentences: Sequence[Sentence] = ()

        self._header = QLabel()
        self._header.setObjectName("summaryHeader")
        self._header.setTextFormat(Qt.TextFormat.PlainText)
        self._copy = QPushButton("Copy")
        self._copy.setObjectName("copySummary")
        self._copy.setToolTip("Copy the summary as text and formatted text (Ctrl+Shift+C)")
        self._copy.clicked.connect(self.copyRequested)
        self._compare = QPushButton("Compare…")
        self._compare.setObjectName("compareSummarisers")
        self._compare.setToolTip("Which sentences every summariser picks, side by side")
        self._compare.clicked.connect(self.open_comparison)
        self._dialog: CompareDialog | None = None

        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 6, 6)
        header.addWidget(self._header, 1)
        header.addWidget(self._compare)
        header.addWidget(self._copy)

        self._note = QLabel()
        self._note.setObjectName("summaryNote")
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        self._note.setWordWrap(True)
        self._note.setContentsMargins(8, 0, 8, 6)
        self._note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._note.hide()

        self._list = _SentenceList()
        self._list.setObjectName("summarySentences")
        self._list.setAccessibleName("Summary sentences")
        self._list.itemClicked.connect(self._activate)
        self._list.returnPressed.connect(self._activate)

        self._placeholder = placeholder_label("summaryPlaceholder")

        self._stack = QStackedWidget()
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self._list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self._note)
        layout.addWidget(self._stack, 1)
        self.show_message(NO_DOCUMENT)

    # -- public API ---------------------------------------------------------------

    def show_summary(
        self,
        document: Document | None,
        summary: Summary | None,
        total_sentences: int | None = None,
        sentences: Sequence[Sentence] | None = None,
    ) -> None:
        """Show ``summary`` (sentences in article order); ``None`` shows a placeholder.

        ``total_sentences`` (the article's sentence count), when given, adds
        "N of M sentences" to the header. ``sentences`` (the analysis's), when
        given, mark the summary sentences that continue from one left out.
        """
        self._document = document
        self._summary = summary
        self._sentences = sentences or ()
        if document is None:
            self.show_message(NO_DOCUMENT)
            return
        if summary is None:
            self._show_placeholder(NO_SUMMARY, header="")
            return
        count = len(summary.sentences)
        if total_sentences:
            detail = f"{count} of {total_sentences} sentences"
        else:
            detail = f"{count} sentence" if count == 1 else f"{count} sentences"
        header = f"{algorithm_name(summary.algorithm)} · {detail}"
        if summary.sections:
            header += f" · {len(summary.sections)} sections"
        if not summary.sentences:
            self._show_placeholder(EMPTY_SUMMARY, header=header)
            return

        context = context_for(document, sentences, _all_sentences(summary)) if sentences else {}
        self._list.setUpdatesEnabled(False)
        try:
            self._list.clear()
            self._add_sentences(document, summary.sentences, context)
            if summary.sections:
                self._add_title(GROUP, f"{SECTIONS_HEADING} · {len(summary.sections)}")
            for section in summary.sections:
                self._add_title(SECTION, " ".join(section.title.split()))
                self._add_sentences(document, section.sentences, context)
        finally:
            self._list.setUpdatesEnabled(True)
        self._header.setText(header)
        self._header.setToolTip(f"Summary length asked for: {summary.length}")
        note = cap_note(summary)
        self._note.setText(note)
        self._note.setVisible(bool(note))
        self._copy.setEnabled(True)
        self._compare.setEnabled(bool(self._sentences))
        self._stack.setCurrentWidget(self._list)

    def show_message(self, text: str) -> None:
        """Replace the list with a message ("Summarising…", "Open an article…")."""
        self._show_placeholder(text, header="")
        self._summary = None

    def message(self) -> str | None:
        """The message shown instead of the summary, else None."""
        if self._stack.currentWidget() is self._placeholder:
            return self._placeholder.text()
        return None

    def current_summary(self) -> Summary | None:
        return self._summary

    def current_document(self) -> Document | None:
        return self._document

    def sentence_count(self) -> int:
        """How many sentences of the whole summary the list shows (0 while a message is
        shown); they are its first rows, before any section summaries."""
        if self._stack.currentWidget() is not self._list or self._summary is None:
            return 0
        return len(self._summary.sentences)

    def note(self) -> str:
        """The note under the header (a percentage capped), or ""."""
        return self._note.text() if self._note.isVisible() else ""

    def section_rows(self) -> list[tuple[int, list[int]]]:
        """Each section title's row and the rows of its sentences, in order."""
        sections: list[tuple[int, list[int]]] = []
        for row in range(self._list.count()):
            kind = self._list.item(row).data(KIND_ROLE)
            if kind == SECTION:
                sections.append((row, []))
            elif kind is None and sections:
                sections[-1][1].append(row)
        return sections

    def set_section_folded(self, row: int, folded: bool) -> None:
        """Fold (hide) or unfold the sentences of the section whose title is at ``row``."""
        title = self._list.item(row)
        if title is None or title.data(KIND_ROLE) != SECTION:
            return
        title.setData(FOLDED_ROLE, folded)
        below = row + 1
        while below < self._list.count() and self._list.item(below).data(KIND_ROLE) is None:
            self._list.item(below).setHidden(folded)
            below += 1

    def sentence_item(self, row: int) -> QListWidgetItem:
        return self._list.item(row)

    def sentence_list(self) -> QListWidget:
        return self._list

    def comparison_dialog(self) -> CompareDialog | None:
        """The "Compare summarisers" dialog last opened, if any."""
        return self._dialog

    @Slot()
    def open_comparison(self) -> CompareDialog | None:
        """Open the "Compare summarisers" dialog on the shown summary (computed off the
        GUI thread); a click on one of its rows shows the sentence like a click here."""
        document, summary = self._document, self._summary
        if document is None or summary is None or not self._sentences:
            return None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        dialog = CompareDialog(document, self._sentences, summary.length, summary.algorithm, self)
        dialog.sentenceActivated.connect(self.sentenceActivated)
        self._dialog = dialog
        dialog.show()
        return dialog

    # -- internals ----------------------------------------------------------------

    def _add_sentences(
        self,
        document: Document,
        sentences: Sequence[SummarySentence],
        context: dict[int, Sentence],
    ) -> None:
        for number, sentence in enumerate(sentences, start=1):
            item = QListWidgetItem(" ".join(sentence.text.split()))
            item.setData(SPAN_ROLE, (sentence.start, sentence.end))
            item.setData(NUMBER_ROLE, number)
            previous = context.get(sentence.index)
            _explain(
                item, sentence, document.text[previous.start : previous.end] if previous else ""
            )
            self._list.addItem(item)

    def _add_title(self, kind: str, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(KIND_ROLE, kind)
        if kind == GROUP:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        else:
            item.setData(FOLDED_ROLE, False)
            item.setToolTip(FOLD_HINT)
        self._list.addItem(item)

    def _show_placeholder(self, text: str, *, header: str) -> None:
        self._list.clear()
        self._note.hide()
        self._placeholder.setText(text)
        self._header.setText(header or "Summary")
        self._header.setToolTip("")
        self._copy.setEnabled(False)
        self._compare.setEnabled(False)
        self._stack.setCurrentWidget(self._placeholder)

    @Slot(QListWidgetItem)
    def _activate(self, item: QListWidgetItem) -> None:
        kind = item.data(KIND_ROLE)
        if kind == SECTION:
            self.set_section_folded(self._list.row(item), not item.data(FOLDED_ROLE))
            return
        if kind is not None:
            return
        start, end = item.data(SPAN_ROLE)
        self.sentenceActivated.emit(int(start), int(end))


def _all_sentences(summary: Summary) -> Summary:
    """``summary`` with its sections' sentences too, so their context is found in one pass."""
    extra = tuple(s for section in summary.sections for s in section.sentences)
    if not extra:
        return summary
    return Summary(summary.algorithm, summary.length, summary.sentences + extra)


def _explain(item: QListWidgetItem, sentence: SummarySentence, previous: str) -> None:
    """The tooltip and accessible description of a sentence: why it was picked and, when
    it continues from ``previous`` (a sentence the summary left out), that sentence."""
    paragraphs, described = [why_html(sentence)], [why_text(sentence)]
    if previous:
        shown = snippet(previous, CONTEXT_LIMIT)
        item.setData(CONTEXT_ROLE, shown)
        paragraphs.append(f"<p>Continues from: <i>{html.escape(shown)}</i></p>")
        described.append(f"Continues from: {shown}")
    if any(paragraphs):
        # Rich text, so that Qt wraps a long sentence instead of one very wide line.
        item.setToolTip("".join(paragraphs) + f"<p>{html.escape(CLICK_HINT)}</p>")
    else:
        item.setToolTip(CLICK_HINT)
    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, ". ".join(d for d in described if d))
