"""SummaryPanel with a real analysis: sentences in article order, click and Enter emit spans."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton

import reader
from reader.models import Summary
from ui.summary_panel import EMPTY_SUMMARY, NO_DOCUMENT, SummaryPanel

ARTICLE = """\
City Council Approves New Library Budget

The city council voted on Tuesday to approve a budget of twelve million dollars for a new \
central library in Riverton.
Mayor Helen Ortiz said the library would open in 2027 and would include a children's wing, \
a digital archive and study rooms for students.
Opponents on the council argued that the money should instead repair the city's ageing roads.
Council member David Kim said that residents had waited long enough for safer streets.
The library plan passed by seven votes to four after a debate that lasted almost three hours.
Construction is expected to begin next spring on a site near the old railway station.
Local booksellers welcomed the decision and promised to host reading events at the new building.
The council will review the road repair programme separately at its meeting in March.
"""


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("summary") / "library.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = reader.load_document(path)
    analysis = reader.analyze(document, reader.AnalysisOptions(length="3"))
    assert analysis.summary is not None and len(analysis.summary.sentences) == 3
    return document, analysis


@pytest.fixture
def panel(qtbot, analysed):
    document, analysis = analysed
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show_summary(document, analysis.summary, len(analysis.sentences))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _item_texts(panel: SummaryPanel) -> list[str]:
    return [panel.sentence_item(row).text() for row in range(panel.sentence_count())]


def test_lists_the_summary_sentences_in_article_order(panel, analysed):
    document, analysis = analysed
    sentences = analysis.summary.sentences
    assert panel.current_summary() is analysis.summary
    assert _item_texts(panel) == [" ".join(s.text.split()) for s in sentences]
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)
    # Every item is a real piece of the article.
    for text in _item_texts(panel):
        assert text in " ".join(document.text.split())


def test_header_names_the_algorithm_and_counts_sentences(panel, analysed):
    _, analysis = analysed
    header = panel.findChild(QLabel, "summaryHeader").text()
    assert f"3 of {len(analysis.sentences)} sentences" in header


def test_clicking_a_sentence_emits_its_span(qtbot, panel, analysed):
    document, analysis = analysed
    wanted = analysis.summary.sentences[1]
    view = panel.sentence_list()
    rect = view.visualItemRect(panel.sentence_item(1))
    with qtbot.waitSignal(panel.sentenceActivated, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [wanted.start, wanted.end]
    assert document.text[wanted.start : wanted.end] == wanted.text


def test_enter_on_the_selected_sentence_emits_its_span(qtbot, panel, analysed):
    _, analysis = analysed
    wanted = analysis.summary.sentences[2]
    view = panel.sentence_list()
    view.setFocus()
    view.setCurrentRow(2)
    with qtbot.waitSignal(panel.sentenceActivated, timeout=2000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [wanted.start, wanted.end]


def test_long_sentences_wrap_instead_of_being_cut(panel):
    view = panel.sentence_list()
    line = view.fontMetrics().lineSpacing()
    heights = [view.visualItemRect(panel.sentence_item(r)).height() for r in range(3)]
    # At 420 px every sentence of this article needs more than one line.
    assert all(h > 1.5 * line for h in heights)
    assert view.horizontalScrollBar().maximum() == 0


def test_copy_button_emits_copy_requested(qtbot, panel):
    button = panel.findChild(QPushButton, "copySummary")
    assert button.isEnabled()
    with qtbot.waitSignal(panel.copyRequested, timeout=2000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_messages_replace_the_list(qtbot, panel, analysed):
    document, analysis = analysed
    panel.show_message("Summarising…")
    assert panel.sentence_count() == 0
    assert panel.current_summary() is None
    assert not panel.findChild(QPushButton, "copySummary").isEnabled()
    assert panel.findChild(QLabel, "summaryPlaceholder").text() == "Summarising…"

    placeholder = panel.findChild(QLabel, "summaryPlaceholder")
    panel.show_summary(None, None)
    assert placeholder.text() == NO_DOCUMENT

    empty = Summary(analysis.summary.algorithm, "3", ())
    panel.show_summary(document, empty)
    assert panel.sentence_count() == 0
    assert placeholder.text() == EMPTY_SUMMARY

    panel.show_summary(document, analysis.summary)
    assert panel.sentence_count() == 3


def test_pointer_cursor_over_sentences_only(qtbot, panel):
    view = panel.sentence_list()
    rect = view.visualItemRect(panel.sentence_item(0))
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.waitUntil(
        lambda: view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor,
        timeout=2000,
    )
    below = view.visualItemRect(panel.sentence_item(panel.sentence_count() - 1)).bottom() + 20
    assert below < view.viewport().height()
    qtbot.mouseMove(view.viewport(), QPoint(rect.center().x(), below))
    qtbot.waitUntil(
        lambda: view.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor, timeout=2000
    )
