"""The summary panel with a long document: its section summaries under their titles (each
title folds its sentences), a click on a section's sentence jumps to it, and a capped
percentage says so."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

import reader
from reader.models import Sentence, Summary, SummarySentence
from reader.options import PERCENT_CAP
from reader.summary.coherence import context_for, leans_on_context
from tests.reader.book_samples import book_text
from ui.panels.summary_list import CONTEXT_ROLE
from ui.panels.summary_panel import SECTIONS_PER_TURN, SummaryPanel

CHAPTERS = 20  # 20 % of its sentences is more than PERCENT_CAP


@pytest.fixture(scope="module")
def book(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("book") / "calderby.txt"
    path.write_text(book_text(CHAPTERS), encoding="utf-8")
    document = reader.load_document(path)
    options = reader.AnalysisOptions("textrank", "20%")
    analysis = reader.analyze(document, options, stages=("summary",))
    summary = analysis.summary
    assert summary is not None and len(summary.sections) == CHAPTERS
    return document, analysis


@pytest.fixture
def panel(qtbot, book):
    document, analysis = book
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show_summary(document, analysis.summary, len(analysis.sentences), analysis.sentences)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.sections_pending())
    return widget


def _text(panel: SummaryPanel, row: int) -> str:
    return panel.sentence_list().item(row).text()


def test_each_section_is_listed_under_its_title_after_the_whole_summary(panel, book):
    _, analysis = book
    summary = analysis.summary
    assert panel.sentence_count() == len(summary.sentences) == PERCENT_CAP
    whole = [_text(panel, row) for row in range(panel.sentence_count())]
    assert whole == [" ".join(s.text.split()) for s in summary.sentences]
    rows = panel.section_rows()
    assert [_text(panel, row) for row, _ in rows] == [s.title for s in summary.sections]
    assert rows[0][0] > panel.sentence_count()  # after the whole summary and a caption
    for (_, sentence_rows), section in zip(rows, summary.sections, strict=True):
        shown = [_text(panel, row) for row in sentence_rows]
        assert shown == [" ".join(s.text.split()) for s in section.sentences]
    header = panel.findChild(QLabel, "summaryHeader").text()
    assert f"{CHAPTERS} sections" in header


def test_clicking_a_section_sentence_jumps_to_it_and_a_title_folds(qtbot, panel, book):
    _, analysis = book
    section = analysis.summary.sections[3]
    title_row, sentence_rows = panel.section_rows()[3]
    view = panel.sentence_list()
    item = view.item(sentence_rows[1])
    view.scrollToItem(item)
    rect = view.visualItemRect(item)
    with qtbot.waitSignal(panel.sentenceActivated, timeout=2000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wanted = section.sentences[1]
    assert blocker.args == [wanted.start, wanted.end]

    title = view.item(title_row)
    view.scrollToItem(title)
    with qtbot.assertNotEmitted(panel.sentenceActivated):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(title).center()
        )
    assert all(view.item(row).isHidden() for row in sentence_rows)
    assert not view.item(panel.section_rows()[4][1][0]).isHidden()  # the next one stays
    view.setCurrentItem(title)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not any(view.item(row).isHidden() for row in sentence_rows)


def test_a_capped_percentage_is_said_and_a_plain_summary_has_no_note(qtbot, panel, book):
    document, analysis = book
    note = panel.note()
    assert note == reader.cap_note(analysis.summary)
    assert f"stops at {PERCENT_CAP} sentences" in note
    assert panel.findChild(QLabel, "summaryNote").isVisible()

    five = reader.resummarize(document, analysis.sentences, reader.AnalysisOptions("textrank", "5"))
    panel.show_summary(document, five, len(analysis.sentences), analysis.sentences)
    assert panel.note() == ""
    qtbot.waitUntil(lambda: not panel.sections_pending())
    assert len(panel.section_rows()) == CHAPTERS  # the sections come with any length
    panel.show_summary(document, reader.Summary("textrank", "5", five.sentences))
    assert panel.section_rows() == []
    assert panel.sentence_count() == 5


def test_a_books_sections_join_the_list_a_few_at_a_time(qtbot, book):
    document, analysis = book
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.show_summary(document, analysis.summary, len(analysis.sentences), analysis.sentences)
    assert widget.section_rows() == [] and widget.sections_pending()
    assert widget.sentence_count() == len(analysis.summary.sentences)  # the whole one at once
    seen = []  # how many section rows the list holds at each turn of the event loop
    spy = QTimer(widget)
    spy.timeout.connect(lambda: seen.append(len(widget.section_rows())))
    spy.start(0)
    qtbot.waitUntil(lambda: not widget.sections_pending())
    spy.stop()
    steps = [b - a for a, b in itertools.pairwise(seen) if b != a]
    assert steps and max(steps) <= SECTIONS_PER_TURN < CHAPTERS
    assert len(widget.section_rows()) == CHAPTERS
    widget.show_summary(document, analysis.summary, len(analysis.sentences), analysis.sentences)
    widget.show_message("Summarising…")  # a new document: what was still to come is dropped
    assert not widget.sections_pending() and widget.section_rows() == []


def test_section_sentences_that_lean_on_a_left_out_one_are_marked(qtbot, book):
    """Marked a few sections at a time as in one pass over the whole summary: an
    antecedent shown anywhere in it (here, in the whole summary) is not left out."""
    document, analysis = book
    sentences = analysis.sentences

    def shown(*picked: Sentence) -> tuple[SummarySentence, ...]:
        text = document.text
        return tuple(
            SummarySentence(s.index, s.start, s.end, text[s.start : s.end], 1.0) for s in picked
        )

    leaning = [s for s in sentences if leans_on_context(document.text[s.start : s.end])]
    first, second = leaning[:2]
    (antecedent,) = context_for(document, sentences, Summary("lead", "1", shown(second))).values()
    base = analysis.summary
    sections = tuple(
        replace(section, sentences=shown(s))
        for section, s in zip(base.sections, leaning, strict=False)
    )
    summary = replace(base, sentences=shown(antecedent), sections=sections)
    everything = Summary("lead", "all", shown(antecedent, *leaning[: len(sections)]))
    expected = [
        s.text
        for section in sections
        for s in section.sentences
        if s.index in context_for(document, sentences, everything)
    ]
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.show_summary(document, summary, len(sentences), sentences)
    qtbot.waitUntil(lambda: not widget.sections_pending())

    marked = [
        widget.sentence_list().item(row).text()
        for _, rows in widget.section_rows()
        for row in rows
        if widget.sentence_list().item(row).data(CONTEXT_ROLE)
    ]
    assert marked == [" ".join(text.split()) for text in expected]
    assert first.index in {s.index for s in sections[0].sentences} and marked
    assert " ".join(document.text[second.start : second.end].split()) not in marked
