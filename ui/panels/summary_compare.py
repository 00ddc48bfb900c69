"""Compare summarisers: which algorithms pick which sentences of the open article.

``reader.compare_summaries`` runs every algorithm, which takes seconds on a
book, so it runs in a ``QThreadPool`` job; the dialog shows "Comparing…"
meanwhile. Each row is a sentence some algorithm picks (the most agreed on
first), each column an algorithm, a check where it picks the sentence; a
click on a row (or Enter) shows the sentence in the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import reader
from reader import Document, Sentence, algorithm_name, snippet

from ..errors import describe

if TYPE_CHECKING:  # the comparison module loads the summarisers: only in the worker
    from reader import SummaryComparison

COMPARING = "Comparing…"
PICKED = "✓"
SENTENCE_LIMIT = 160  # characters of a sentence shown in its cell
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end) of the row's sentence


class _Relay(QObject):
    """Queued from the worker thread to the dialog."""

    done = Signal(object)  # SummaryComparison
    failed = Signal(str)


class _CompareJob(QRunnable):
    def __init__(
        self, relay: _Relay, document: Document, sentences: Sequence[Sentence], length: str
    ) -> None:
        super().__init__()
        self._relay, self._document, self._sentences, self._length = (
            relay,
            document,
            sentences,
            length,
        )

    def run(self) -> None:
        try:
            result = reader.compare_summaries(self._document, self._sentences, self._length)
        except Exception as error:  # shown to the reader, never raised in a worker thread
            self._relay.failed.emit(describe(error))
            return
        self._relay.done.emit(result)


class CompareDialog(QDialog):
    """Every summariser's picks on one document at one length, side by side.

    Signals:
        sentenceActivated(int, int): a row was clicked; its sentence's span.
        compared(object): the ``SummaryComparison`` arrived and fills the table.
    """

    sentenceActivated = Signal(int, int)
    compared = Signal(object)

    def __init__(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        length: str,
        current: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareSummarisers")
        self.setWindowTitle(f"Compare summarisers · {document.title}")
        self.resize(900, 520)
        self._document = document
        self._by_index = {s.index: s for s in sentences}
        self._current = current
        self.comparison: SummaryComparison | None = None

        self._message = QLabel(COMPARING)
        self._message.setObjectName("compareMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._table = QTableWidget()
        self._table.setObjectName("compareTable")
        self._table.setAccessibleName("Sentences picked by each summariser")
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setWordWrap(False)  # one line a sentence; the whole one in its tooltip
        self._table.verticalHeader().hide()
        self._table.cellClicked.connect(self._activate_row)
        self._table.activated.connect(lambda index: self._activate_row(index.row(), 0))
        self._stack = QStackedWidget()
        self._stack.addWidget(self._message)
        self._stack.addWidget(self._table)

        self._note = QLabel(
            f"Length {length}. A check marks the sentences an algorithm picks; hover a cell "
            "for its rank. Click a row to show the sentence in the article."
        )
        self._note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._note)
        layout.addWidget(self._stack, 1)
        layout.addWidget(buttons)

        # Not parented: the job keeps it alive; Qt drops the connections if the dialog goes.
        self._relay = _Relay()
        self._relay.done.connect(self._show)
        self._relay.failed.connect(self._fail)
        QThreadPool.globalInstance().start(_CompareJob(self._relay, document, sentences, length))

    def message(self) -> str | None:
        """ "Comparing…" or an error while the table is not shown, else None."""
        return self._message.text() if self._stack.currentWidget() is self._message else None

    def table(self) -> QTableWidget:
        return self._table

    @Slot(object)
    def _show(self, comparison: SummaryComparison) -> None:
        self.comparison = comparison
        algorithms = comparison.algorithms
        rows = comparison.agreement()
        table = self._table
        table.setColumnCount(1 + len(algorithms))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderItem(0, QTableWidgetItem("Sentence"))
        for column, algorithm in enumerate(algorithms, start=1):
            header = QTableWidgetItem(algorithm_name(algorithm))
            if algorithm == self._current:
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                header.setToolTip("The summariser the panel shows")
            table.setHorizontalHeaderItem(column, header)
        for row, (index, chosen) in enumerate(rows):
            sentence = self._by_index[index]
            text = self._document.text[sentence.start : sentence.end]
            cell = QTableWidgetItem(snippet(" ".join(text.split()), SENTENCE_LIMIT))
            cell.setData(SPAN_ROLE, (sentence.start, sentence.end))
            cell.setToolTip(
                f"{' '.join(text.split())}\n\nPicked by {len(chosen)} of {len(algorithms)}"
            )
            table.setItem(row, 0, cell)
            for column, algorithm in enumerate(algorithms, start=1):
                rank = comparison.rank(algorithm, index)
                mark = QTableWidgetItem(PICKED if algorithm in chosen else "")
                mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                rated = f"rank {rank}" if rank is not None else "may not pick it"
                mark.setToolTip(f"{algorithm_name(algorithm)}: {rated}")
                table.setItem(row, column, mark)
        header_view = table.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, table.columnCount()):
            header_view.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._stack.setCurrentWidget(table)
        self.compared.emit(comparison)

    @Slot(str)
    def _fail(self, text: str) -> None:
        self._message.setText(f"Could not compare the summarisers: {text}")

    @Slot(int, int)
    def _activate_row(self, row: int, _column: int) -> None:
        cell = self._table.item(row, 0)
        if cell is not None:
            start, end = cell.data(SPAN_ROLE)
            self.sentenceActivated.emit(int(start), int(end))
