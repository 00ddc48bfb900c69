"""Getting about a long text: scrollbar marks, contents, the reading position, progress, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui import theme
from ui.actions import action_specs

from .article_samples import short_article
from .reading_samples import book, show, shown_window, windows
from .window_helpers import TIMEOUT


@pytest.fixture
def make_window(qtbot, tmp_path):
    yield from windows(qtbot, tmp_path)


def test_scrollbar_marks_stand_where_their_spans_are_and_a_click_goes_there(
    make_window, qtbot
) -> None:
    document = book(chapters=30)
    window = shown_window(make_window, qtbot, document)
    view, strip = window.article_view, window.article_view.overview
    start = document.text.index("Paragraph 3 of chapter 27")
    span = (start, start + 9)
    early = document.text.index("Paragraph 3 of chapter 2:")
    view.set_layer("entity", [(early, early + 9), span], theme.colours().entity)
    qtbot.waitUntil(lambda: len(strip.marks("entity")) == 2)
    fractions = strip.marks("entity")
    assert fractions[0] < 0.1 and 0.85 < fractions[1] < 0.95
    assert view.verticalScrollBar().value() == 0
    top, height = strip._track()
    QTest.mouseClick(
        strip, Qt.MouseButton.LeftButton, pos=QPoint(5, round(top + fractions[1] * height))
    )
    # The span clicked is in view now.
    first, last = view._visible_range()
    assert first <= view.positions.to_qt(span[0]) <= last
    # A click away from every mark scrolls to that place.
    QTest.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, round(top + 0.5 * height)))
    bar = view.verticalScrollBar()
    middle = (bar.value() + bar.pageStep() / 2) / (bar.maximum() + bar.pageStep())
    assert abs(middle - 0.5) < 0.05


def test_find_hits_are_marked_on_the_strip(make_window, qtbot) -> None:
    window = shown_window(make_window, qtbot, book(chapters=10))
    window.show_find()
    window.find_bar.case_box.setChecked(True)
    QTest.keyClicks(window.find_bar.edit, "CHAPTER")
    strip = window.article_view.overview
    qtbot.waitUntil(lambda: len(strip.marks("find")) == 10)
    assert strip.marks("find") == sorted(strip.marks("find"))


def test_contents_list_the_headings_and_jump_and_follow_the_reader(make_window, qtbot) -> None:
    document = book(chapters=8)
    window = shown_window(make_window, qtbot, document)
    window.contents_action.trigger()
    assert window.contents_dock.isVisible() and window.settings.show_contents
    panel = window.contents_panel
    headings = panel.headings()
    assert [text for text, _ in headings if text.startswith("CHAPTER")] == [
        f"CHAPTER {n}. The Harbour at Dawn" for n in range(1, 9)
    ]
    # Sections nest under their chapter.
    assert panel.tree.topLevelItemCount() == 8
    assert panel.tree.topLevelItem(5).child(0).text(0) == "Part 6.15"
    item = panel.tree.topLevelItem(5)
    rect = panel.tree.visualItemRect(item)
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    offset = document.text.index("CHAPTER 6.")
    view = window.article_view
    assert abs(view.top_offset() - offset) < 3
    assert panel.tree.currentItem() is item
    view.scroll_to_offset(document.text.index("Paragraph 20 of chapter 3"))
    qtbot.waitUntil(lambda: panel.tree.currentItem().text(0) == "Part 3.15")  # in the next turn
    assert window.status.reading.isVisible() and "%" in window.status.reading.text()


def test_the_last_part_chosen_is_the_one_marked_at_the_end(make_window, qtbot) -> None:
    document = book(chapters=12, paragraphs=4)  # the last part: two short paragraphs
    window = shown_window(make_window, qtbot, document)
    window.contents_action.trigger()
    panel, view = window.contents_panel, window.article_view
    last = panel.tree.topLevelItem(11).child(0)
    assert last.text(0) == "Part 12.2"
    panel.tree.scrollToItem(last)
    rect = panel.tree.visualItemRect(last)
    QTest.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    qtbot.wait(20)
    assert view.top_offset() < document.text.index("Part 12.2")  # it cannot reach the top
    assert panel.tree.currentItem() is last


def test_a_document_without_headings_says_so(make_window, qtbot) -> None:
    from .reading_samples import EMOJI_DOC

    window = make_window()
    show(window, EMOJI_DOC)
    assert window.contents_panel.currentWidget() is window.contents_panel.empty


def test_the_reading_position_comes_back_when_the_file_opens_again(
    make_window, qtbot, write_file, spacy_model
) -> None:
    text = short_article() + "\n".join(
        f"\nParagraph {i}: the bridge works went on through the winter and the spring.\n"
        for i in range(200)
    )
    path = write_file("long.txt", text)
    window = make_window()
    window.resize(900, 500)
    window.show()
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_file(path)
    target = text.index("Paragraph 120:")
    window.article_view.scroll_to_offset(target)

    def read_share() -> int:
        reading = window.status.reading.text()
        return int(reading.split("%")[0]) if reading.endswith("left") else -1

    qtbot.waitUntil(lambda: 40 < read_share() < 80)  # the status follows in the next turn
    window.close()

    again = make_window()
    again.resize(900, 500)
    again.show()
    with qtbot.waitSignal(again.controller.finished, timeout=TIMEOUT):
        again.open_file(path)
    assert abs(again.article_view.top_offset() - target) < 3
    # Another text in the same file starts at its top.
    path.write_text("A different text.\n\nIt is short.\n")
    again.close()
    third = make_window()
    third.show()
    with qtbot.waitSignal(third.controller.finished, timeout=TIMEOUT):
        third.open_file(path)
    assert third.article_view.top_offset() == 0


def test_the_shortcuts_dialog_lists_every_command_with_keys(make_window, qtbot) -> None:
    window = make_window()
    before = QApplication.font()
    large = QFont(before)
    large.setPointSize(16)  # a large desktop font: the dialog grows to show every key whole
    QApplication.setFont(large)
    try:
        window.shortcuts_action.trigger()
    finally:
        QApplication.setFont(before)
    dialog = window._shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    commands = {command for _, command, _ in rows}
    expected = {
        spec.text.replace("&", "").rstrip("…") for spec in action_specs() if spec.key_sequences()
    }
    assert commands == expected and "Find" in commands and "Zoom In" in commands
    keys = dict((command, key) for _, command, key in rows)
    assert keys["Zoom In"].split(", ") == ["Ctrl++", "Ctrl+="]
    assert keys["Keyboard Shortcuts"] == "F1, Ctrl+/"
    qtbot.waitExposed(dialog)
    table = dialog.table  # no column cut off: not the keys, nor the commands
    metrics = table.fontMetrics()
    for column in range(table.columnCount()):
        widest = max(metrics.horizontalAdvance(row[column]) for row in rows)
        assert table.horizontalHeader().sectionSize(column) > widest
    assert table.horizontalScrollBar().maximum() == 0
    room = int(dialog.screen().availableGeometry().height() * 0.85)
    assert table.verticalScrollBar().maximum() == 0 or dialog.height() >= room, dialog.height()
    # Every action that has keys is reachable from the menus or the window.
    for key, action in window.commands.items():
        if action.shortcuts():
            assert action.text().replace("&", "").rstrip("…") in commands, key
