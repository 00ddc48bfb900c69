"""Why a summary sentence was picked (tooltip and accessible description), and the
"Compare summarisers" dialog, with a real analysis of a small article."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QPushButton

import reader
from ui.panels.summary_compare import COMPARING, PICKED
from ui.panels.summary_panel import SummaryPanel

ARTICLE = """\
Harbour Town Votes to Rebuild Its Sea Wall

The town council of Porthallow voted on Wednesday to rebuild the harbour sea wall at a cost \
of nine million pounds.
The old wall was badly damaged in the winter storms, when waves flooded forty homes on the \
seafront.
Council leader Ann Trevail said the new wall would protect the harbour for at least fifty years.
Fishermen welcomed the vote but asked that the harbour stay open while the work goes on.
Engineers expect the rebuilding of the sea wall to take two years and to begin in the spring.
The council will pay for part of the work with a loan and ask the government for the rest.
Residents of the flooded homes said they hoped the new wall would come in time for next winter.
A public meeting about the plans will be held in the town hall next month.
"""


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("why") / "seawall.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = reader.load_document(path)
    analysis = reader.analyze(document, reader.AnalysisOptions(length="3"), stages=("summary",))
    assert analysis.summary is not None and len(analysis.summary.sentences) == 3
    return document, analysis


@pytest.fixture
def panel(qtbot, analysed):
    document, analysis = analysed
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show_summary(document, analysis.summary, len(analysis.sentences), analysis.sentences)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_each_sentence_says_why_it_was_picked(panel, analysed):
    _, analysis = analysed
    for row, sentence in enumerate(analysis.summary.sentences):
        why = sentence.why
        assert why is not None and why.phrases
        item = panel.sentence_item(row)
        tip = QTextDocumentFragment.fromHtml(item.toolTip()).toPlainText()
        assert f"Rank {why.rank} of {why.candidates} it could pick" in tip
        assert why.how in tip
        assert why.phrases[0] in tip
        # The same, without a mouse: the item's accessible description.
        described = item.data(Qt.ItemDataRole.AccessibleDescriptionRole)
        assert f"Rank {why.rank} of {why.candidates} it could pick" in described
        assert why.phrases[-1] in described


def test_the_compare_dialog_agrees_with_the_core(qtbot, panel, analysed):
    document, analysis = analysed
    button = panel.findChild(QPushButton, "compareSummarisers")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = panel.comparison_dialog()
    assert dialog is not None and dialog.isVisible()
    # The result comes back through the event loop: until then the dialog says so.
    assert dialog.message() == COMPARING
    qtbot.waitUntil(lambda: dialog.comparison is not None, timeout=30_000)
    assert dialog.message() is None

    expected = reader.compare_summaries(document, analysis.sentences, analysis.summary.length)
    table = dialog.table()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[1:] == [reader.algorithm_name(a) for a in expected.algorithms]
    assert headers[1:] == list(reader.ALGORITHMS.values())
    by_index = {s.index: s for s in analysis.sentences}
    rows = expected.agreement()
    assert table.rowCount() == len(rows)
    for row, (index, chosen) in enumerate(rows):
        sentence = by_index[index]
        assert table.item(row, 0).text() == " ".join(
            document.text[sentence.start : sentence.end].split()
        )
        checks = [table.item(row, c).text() == PICKED for c in range(1, table.columnCount())]
        assert checks == [a in chosen for a in expected.algorithms]

    # A click on a row shows its sentence, through the panel's own signal.
    last = len(rows) - 1
    index = rows[last][0]
    table.scrollToItem(table.item(last, 0))
    rect = table.visualItemRect(table.item(last, 1))
    with qtbot.waitSignal(panel.sentenceActivated, timeout=2000) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [by_index[index].start, by_index[index].end]
    dialog.close()


def test_compare_is_off_without_a_summary(qtbot):
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    assert not widget.findChild(QPushButton, "compareSummarisers").isEnabled()
    assert widget.open_comparison() is None
