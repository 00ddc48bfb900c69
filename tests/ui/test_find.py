"""Find in the article: the search, the bar's count and steps, keys, emoji, bad patterns."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextFormat
from PySide6.QtTest import QTest

from ui.article_pane import ArticlePane
from ui.find_text import MAX_HITS, FindOptions, find_all

from .reading_samples import EMOJI_DOC, show, windows


@pytest.fixture
def make_window(qtbot, tmp_path):
    yield from windows(qtbot, tmp_path)


def hits_of(text: str, query: str, **options: bool) -> list[str]:
    result = find_all(text, query, FindOptions(**options))
    return [text[start:end] for start, end in result.spans]


def test_options_case_words_and_regex() -> None:
    text = "Harbour, harbourside and HARBOUR; the harbour-master."
    assert hits_of(text, "harbour") == ["Harbour", "harbour", "HARBOUR", "harbour"]
    assert hits_of(text, "harbour", case=True) == ["harbour", "harbour"]
    assert hits_of(text, "harbour", words=True) == ["Harbour", "HARBOUR", "harbour"]
    assert hits_of(text, r"harbour\w+", regex=True) == ["harbourside"]
    assert hits_of(text, r"h\w+r", regex=True, words=True, case=True) == ["harbour"]  # -master
    assert hits_of("U.S. troops, U.S. ships, U.S.A.", "U.S.", words=True) == ["U.S.", "U.S."]
    assert hits_of(text, "a*", regex=True) == [c for c in text if c in "aA"]  # never empty
    assert hits_of(text, "") == []


def test_a_bad_pattern_says_why_and_finds_nothing() -> None:
    result = find_all("text", "(harbour", FindOptions(regex=True))
    assert result.spans == ()
    assert result.error.startswith("Bad pattern: missing )")
    # Not a pattern, the same query is plain text.
    assert find_all("a (harbour", "(harbour", FindOptions()).spans == ((2, 10),)


def test_hits_stop_at_the_limit_and_say_so() -> None:
    result = find_all("a" * (MAX_HITS + 5), "a", FindOptions())
    assert len(result.spans) == MAX_HITS and result.truncated


@pytest.fixture
def pane(qtbot) -> ArticlePane:
    widget = ArticlePane()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.article_view.show_document(EMOJI_DOC)
    return widget


def find_selections(pane: ArticlePane, layer: str = "find") -> list[str]:
    view = pane.article_view
    return [
        s.cursor.selectedText()
        for s in view.extraSelections()
        if s.format.property(QTextFormat.Property.UserProperty) == layer
    ]


def test_every_hit_is_highlighted_on_its_characters_among_emoji(qtbot, pane) -> None:
    pane.finder.open()
    QTest.keyClicks(pane.find_bar.edit, "harbour")
    text = EMOJI_DOC.text
    expected = [m.group() for m in re.finditer("harbour", text, re.IGNORECASE)]
    assert len(expected) == 4
    # The highlighted text in Qt (UTF-16) is the match in Python (code points).
    assert find_selections(pane) == expected
    assert pane.find_bar.count_label.text() == "1 of 4"
    assert find_selections(pane, "mark") == ["Harbour"]


def test_enter_and_shift_enter_step_and_wrap_and_esc_closes(qtbot, pane) -> None:
    bar = pane.find_bar
    pane.finder.open("harbour")
    spans = pane.finder.hits()
    edit = bar.edit
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 4"
    assert pane.article_view.layer_spans("mark") == [spans[1]]
    QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "4 of 4"  # wrapped round to the last
    last = spans[3]
    assert EMOJI_DOC.text[last[0] : last[1]] == "harbour"  # in "harbourside", after 𝔐𝔬𝔬𝔫
    assert find_selections(pane, "mark") == ["harbour"]
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert pane.article_view.layer_spans("find") == []
    assert pane.article_view.layer_spans("mark") == []


def test_options_refine_the_search_as_they_change(qtbot, pane) -> None:
    bar = pane.find_bar
    pane.finder.open("harbour")
    bar.case_box.setChecked(True)
    assert bar.count_label.text() == "1 of 2"
    bar.words_box.setChecked(True)
    assert bar.count_label.text() == "1 of 1"
    assert find_selections(pane) == ["harbour"]
    bar.edit.setText("quay")
    assert bar.count_label.text() == "No hits"
    assert pane.article_view.layer_spans("find") == []


def test_a_bad_regular_expression_says_so_in_the_bar(qtbot, pane) -> None:
    bar = pane.find_bar
    pane.finder.open()
    bar.regex_box.setChecked(True)
    QTest.keyClicks(bar.edit, "harb(our")
    label = bar.count_label
    assert label.text() == "Bad pattern: missing )"
    assert label.toolTip().startswith("Bad pattern: missing ), unterminated subpattern (at")
    wanted = label.fontMetrics().horizontalAdvance(label.text())
    qtbot.waitUntil(lambda: label.width() >= wanted, timeout=2000)  # shown whole
    assert bar.has_error() and not bar.next_button.isEnabled()
    assert pane.article_view.layer_spans("find") == []
    for _ in "(our":
        QTest.keyClick(bar.edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(bar.edit, r"our\w*")  # "harbour\w*": a fine pattern
    assert not bar.has_error() and not label.toolTip()
    assert find_selections(pane) == ["Harbour", "harbour", "Harbour", "harbourside"]


def test_ctrl_f_finds_and_f3_steps_the_hits_while_the_bar_is_open(make_window, qtbot) -> None:
    window = make_window()
    assert QKeySequence(QKeySequence.StandardKey.Find) in window.commands["find"].shortcuts()
    # The entity filter has a key of its own.
    assert window.commands["filter"].shortcut() == QKeySequence("Ctrl+Shift+F")
    window.show()
    qtbot.waitExposed(window)
    show(window, EMOJI_DOC)
    window.find_action.trigger()
    bar = window.find_bar
    assert bar.isVisible() and window.focusWidget() is bar.edit
    QTest.keyClicks(bar.edit, "ana")
    assert bar.count_label.text() == "1 of 2"
    window.next_mention_action.trigger()  # F3
    assert bar.count_label.text() == "2 of 2"
    window.previous_mention_action.trigger()  # Shift+F3
    assert bar.count_label.text() == "1 of 2"
    # Esc closes the bar even while an analysis could be cancelled by it.
    window.cancel_action.setEnabled(True)
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    window.cancel_action.setEnabled(False)
    # Closed, F3 is the entity sidebar's again: no find hit moves.
    window.next_mention_action.trigger()
    assert window.article_view.layer_spans("find") == []


def test_the_selected_words_are_found(make_window, qtbot) -> None:
    window = make_window()
    show(window, EMOJI_DOC)
    view = window.article_view
    cursor = view.textCursor()
    start, end = view.qt_range(*re.search("gulls|crew", EMOJI_DOC.text).span())
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    window.show_find()
    assert window.find_bar.query() == "crew"
    assert window.finder.hits() == (
        (EMOJI_DOC.text.index("crew"), EMOJI_DOC.text.index("crew") + 4),
    )
