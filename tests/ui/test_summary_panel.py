"""SummaryPanel with a real analysis: sentences in article order, click and Enter emit spans,
sentences that continue from a left-out one marked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QLabel, QPushButton

import reader
from reader.models import Summary, SummarySentence
from ui.clipboard import summary_mime_data
from ui.panels.summary_panel import (
    CLICK_HINT,
    CONTEXT_ROLE,
    EMPTY_SUMMARY,
    NO_DOCUMENT,
    SummaryPanel,
)

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


def test_rows_are_measured_again_for_a_new_width_or_font(qtbot, panel):
    view = panel.sentence_list()

    def heights() -> list[int]:
        return [view.visualItemRect(panel.sentence_item(r)).height() for r in range(3)]

    before = heights()
    panel.resize(260, 600)
    qtbot.waitUntil(lambda: sum(heights()) > sum(before))  # narrower: more lines
    narrow = heights()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    qtbot.waitUntil(lambda: sum(heights()) > sum(narrow))  # bigger letters: more lines


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


# -- sentences that continue from one the summary left out ------------------------

FERRY = """\
Ferry Service to Resume After Storm

The island ferry between Carrow and Inchmore will resume sailing on Thursday after a week \
of storms.
Harbour master Tom Reid inspected the damaged pier on Monday morning.
He said the repairs had gone faster than anyone had expected.
Passengers have been stranded on the island since the storm struck last Sunday.
However, the operator warned that timetables would stay reduced until the end of the month.
Local shops have run short of fresh bread and milk.
"""


@pytest.fixture(scope="module")
def ferry(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("ferry") / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    document = reader.load_document(path)
    analysis = reader.analyze(document, stages=("summary",))
    return document, analysis.sentences


def _sentence(document, sentences, opening):
    (found,) = [s for s in sentences if document.text[s.start : s.end].startswith(opening)]
    return found


def _picked(document, sentences, *openings):
    """A summary of the real sentences that open with ``openings`` (as a summariser might pick)."""
    chosen = sorted((_sentence(document, sentences, o) for o in openings), key=lambda s: s.index)
    return Summary(
        "textrank",
        str(len(chosen)),
        tuple(
            SummarySentence(s.index, s.start, s.end, document.text[s.start : s.end], 1.0)
            for s in chosen
        ),
    )


@pytest.fixture
def ferry_panel(qtbot, ferry):
    document, sentences = ferry
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    summary = _picked(document, sentences, "The island ferry", "He said", "However, the")
    widget.show_summary(document, summary, len(sentences), sentences=sentences)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _tooltip_text(item) -> str:
    return QTextDocumentFragment.fromHtml(item.toolTip()).toPlainText()


def test_a_sentence_that_leans_on_a_left_out_one_is_marked(ferry_panel, ferry):
    document, sentences = ferry
    harbour = _sentence(document, sentences, "Harbour master")
    stranded = _sentence(document, sentences, "Passengers have")
    first, he_said, however = (ferry_panel.sentence_item(r) for r in range(3))

    assert he_said.text().startswith("He said")  # the text itself is unchanged
    assert he_said.data(CONTEXT_ROLE) == document.text[harbour.start : harbour.end]
    assert _tooltip_text(he_said).startswith(
        "Continues from: " + document.text[harbour.start : harbour.end]
    )
    assert however.data(CONTEXT_ROLE) == document.text[stranded.start : stranded.end]
    assert _tooltip_text(however).startswith("Continues from: Passengers have been stranded")

    assert first.data(CONTEXT_ROLE) is None
    assert first.toolTip() == CLICK_HINT


def test_no_marker_when_the_previous_sentence_is_in_the_summary(qtbot, ferry):
    document, sentences = ferry
    panel = SummaryPanel()
    qtbot.addWidget(panel)
    summary = _picked(document, sentences, "Harbour master", "He said")
    panel.show_summary(document, summary, len(sentences), sentences=sentences)
    assert [panel.sentence_item(r).data(CONTEXT_ROLE) for r in range(2)] == [None, None]
    # Without the sentences (the old call) nothing is marked either.
    panel.show_summary(document, _picked(document, sentences, "He said"), len(sentences))
    assert panel.sentence_item(0).data(CONTEXT_ROLE) is None
    assert panel.sentence_item(0).toolTip() == CLICK_HINT


def test_clicking_a_marked_sentence_reveals_the_sentence_itself(qtbot, ferry_panel, ferry):
    document, sentences = ferry
    he_said = _sentence(document, sentences, "He said")
    view = ferry_panel.sentence_list()
    rect = view.visualItemRect(ferry_panel.sentence_item(1))
    with qtbot.waitSignal(ferry_panel.sentenceActivated, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [he_said.start, he_said.end]


def _darkest(image, rect) -> int:
    return min(
        image.pixelColor(x, y).lightness()
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def _ellipsis_in_text_colour(view, size) -> QImage:
    """The marker glyph as the sentence's own text colour would paint it."""
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(view.palette().color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    painter.setFont(view.font())
    painter.setPen(view.palette().color(QPalette.ColorRole.Text))
    painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), "…")
    painter.end()
    return image


def test_the_marker_is_painted_muted_before_the_text(ferry_panel):
    view = ferry_panel.sentence_list()
    image = view.viewport().grab().toImage()
    metrics = view.fontMetrics()
    delegate = view.itemDelegate()
    text_left = delegate.PAD_H + metrics.horizontalAdvance("00.") + delegate.PAD_H
    marker_width = metrics.horizontalAdvance("…")

    def first_line(row, left, width):
        rect = view.visualItemRect(ferry_panel.sentence_item(row))
        return QRect(left, rect.top() + delegate.PAD_V, width, metrics.height())

    marked = first_line(1, text_left, marker_width)
    text = first_line(1, text_left + 2 * marker_width, 6 * marker_width)
    unmarked = first_line(0, text_left, marker_width)
    in_text_colour = _ellipsis_in_text_colour(view, marked.size())

    # The marker has ink, clearly lighter than the same glyph in the text colour.
    assert _darkest(image, marked) < 250
    assert _darkest(image, marked) > _darkest(in_text_colour, in_text_colour.rect()) + 30
    # The sentence itself, and an unmarked row's first letter, are in the text colour.
    assert _darkest(image, text) < 60
    assert _darkest(image, unmarked) < 60


def test_copied_summary_carries_no_marker(ferry_panel, ferry):
    document, sentences = ferry
    he_said = _sentence(document, sentences, "He said")
    summary = ferry_panel.current_summary()
    text = summary_mime_data(document, summary).text()
    assert f"• {document.text[he_said.start : he_said.end]}" in text.splitlines()
    assert "Continues from" not in text
