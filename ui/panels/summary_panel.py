"""The summary panel: the summary's sentences in article order, each a link into the text.

A sentence that opens by pointing back at text the summary left out ("He
said", "However,") gets a muted "…" before it and a tooltip with the sentence
it continues from (``reader.coherence``). The copied and printed summary come
from ``reader.report`` and carry no such marker.

A long document's section summaries follow the whole summary, under a "By
section" caption: each section's title (a click or Enter folds or unfolds its
sentences), then its sentences, numbered from 1 and linked like the others; they
join the list a dozen sections per turn of the event loop, so a book's hundreds of
rows never hold the window.
A percentage length capped at what a person reads says so under the header.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QPalette,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader import (
    SECTIONS_HEADING,
    Document,
    SectionSummary,
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
from .summary_list import (
    CLICK_HINT,
    CONTEXT_LIMIT,
    CONTEXT_ROLE,
    FOLD_HINT,
    FOLDED_ROLE,
    GROUP,
    KIND_ROLE,
    NUMBER_ROLE,
    SECTION,
    SPAN_ROLE,
    SentenceList,
)
from .summary_why import why_html, why_text

NO_DOCUMENT = "Open an article to see its summary."
NO_SUMMARY = "No summary yet."
EMPTY_SUMMARY = "This article is too short to summarise."
#: Section summaries added to the list per turn of the event loop: each row takes some
#: forty calls into Qt, each a wait for the GIL while the analysis thread runs Python.
SECTIONS_PER_TURN = 3


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

        self._list = SentenceList()
        # a book's section summaries join the list a few at a time (``SECTIONS_PER_TURN``)
        self._sections_left: list[SectionSummary] = []
        self._picked: set[int] = set()  # every sentence the summary and its sections show
        self._filling = QTimer(self)
        self._filling.setSingleShot(True)
        self._filling.setInterval(0)
        self._filling.timeout.connect(self._add_some_sections)
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

        self._stop_filling()
        # sections' sentences count as picked: their antecedents are not "left out"
        self._picked = {s.index for s in summary.sentences}
        self._picked.update(s.index for section in summary.sections for s in section.sentences)
        context = self._context_of(document, summary)
        self._list.setUpdatesEnabled(False)
        try:
            self._list.clear()
            self._add_sentences(document, summary.sentences, context)
            if summary.sections:
                self._add_title(GROUP, f"{SECTIONS_HEADING} · {len(summary.sections)}")
        finally:
            self._list.setUpdatesEnabled(True)
        self._sections_left = list(summary.sections)
        if self._sections_left:
            self._filling.start()  # the whole summary shows first
        self._header.setText(header)
        self._header.setToolTip(f"Summary length asked for: {summary.length}")
        note = cap_note(summary)
        self._note.setText(note)
        self._note.setVisible(bool(note))
        self._copy.setEnabled(True)
        self._compare.setEnabled(bool(self._sentences))
        self._stack.setCurrentWidget(self._list)

    def sections_pending(self) -> bool:
        """Whether section summaries are still joining the list."""
        return bool(self._sections_left)

    @Slot()
    def _add_some_sections(self) -> None:
        """The next ``SECTIONS_PER_TURN`` section summaries, then back to the event loop:
        laying out a book's hundreds of wrapped rows at once would hold the window."""
        document, batch = self._document, self._sections_left[:SECTIONS_PER_TURN]
        del self._sections_left[:SECTIONS_PER_TURN]
        if document is None:
            return
        self._list.setUpdatesEnabled(False)
        try:
            for section in batch:
                self._add_title(SECTION, " ".join(section.title.split()))
                context = self._context_of(document, section)
                self._add_sentences(document, section.sentences, context)
        finally:
            self._list.setUpdatesEnabled(True)
        if self._sections_left:
            self._filling.start()

    def _context_of(
        self, document: Document, part: Summary | SectionSummary
    ) -> dict[int, Sentence]:
        """The left-out sentence each of ``part``'s sentences continues from, if any."""
        if not self._sentences:
            return {}
        return context_for(document, self._sentences, part, self._picked)

    def _stop_filling(self) -> None:
        self._filling.stop()
        self._sections_left, self._picked = [], set()

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
        self._stop_filling()
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
