"""Several articles at once: tabs, each with its own analysis, choices and position;
and the progress a long analysis shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui import tasks
from ui.article_tabs import NEW_TAB_TEXT
from ui.main_window import MainWindow, file_url_mime
from ui.settings import Settings
from ui.tasks import AnalysisController

from .article_samples import long_article, quoted_article, short_article
from .window_helpers import TIMEOUT, drag_enter_event, open_and_wait

#: Words enough for the parse to go to the worker processes, chunk by chunk.
BOOK_PARAGRAPHS = 600


def choose(window: MainWindow, algorithm: str, length: int) -> None:
    window.algorithm_combo.setCurrentIndex(window.algorithm_combo.findData(algorithm))
    window.length_spin.setValue(length)


def wait_summary(qtbot, window: MainWindow, algorithm: str, length: int) -> None:
    def shown() -> bool:
        summary = window.summary
        return (
            summary is not None
            and summary.algorithm == algorithm
            and len(summary.sentences) == length
            and window.summary_panel.current_summary() == summary
        )

    qtbot.waitUntil(shown, timeout=TIMEOUT)


def test_two_tabs_are_analysed_independently(qtbot, window, write_file) -> None:
    first = write_file("bridge.txt", short_article("Council Approves River Bridge"))
    second = write_file("harbour.txt", quoted_article())
    open_and_wait(qtbot, window, first)
    choose(window, "lead", 2)
    wait_summary(qtbot, window, "lead", 2)
    assert window.article_tabs.tabBar().isHidden()  # one article: no tab bar

    tab = window.open_path(second)  # the current tab holds an article: a new one
    assert window.article_tabs.count() == 2 and window.tab is tab
    assert not window.article_tabs.tabBar().isHidden()
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT)
    choose(window, "textrank", 3)
    wait_summary(qtbot, window, "textrank", 3)
    second_text = window.article_view.toPlainText()
    second_entities = {e.name for e in window.entity_sidebar.entities()}

    window.previous_tab()
    assert window.document.path == str(first)
    assert window.current_algorithm() == "lead" and window.current_length() == "2"
    wait_summary(qtbot, window, "lead", 2)  # shown again from the tab's session
    assert window.article_view.toPlainText() != second_text
    assert window.article_view.layer_spans("summary") == [
        (s.start, s.end) for s in window.summary.sentences
    ]
    assert {e.name for e in window.entity_sidebar.entities()} != second_entities
    assert window.windowTitle().startswith("Council Approves River Bridge")
    bar = window.article_tabs.tabBar()
    assert bar.tabText(0) == "Council Approves River Bridge"
    assert str(first) in bar.tabToolTip(0)

    window.next_tab()
    assert window.document.path == str(second)
    assert window.current_algorithm() == "textrank" and window.current_length() == "3"
    wait_summary(qtbot, window, "textrank", 3)
    assert {e.name for e in window.entity_sidebar.entities()} == second_entities
    assert window.stance_panel.statements()  # the quoted article's statements are back


def test_a_tab_in_the_back_goes_on_with_its_analysis(qtbot, window, write_file) -> None:
    first = write_file("long.txt", long_article(120))
    second = write_file("bridge.txt", short_article())
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=TIMEOUT):
        window.open_file(first)
    back = window.tab
    assert back.controller.is_busy()
    window.open_path(second)  # switch away mid-analysis
    qtbot.waitUntil(lambda: back.session.complete and window.is_complete(), timeout=TIMEOUT)
    assert window.document.path == str(second)
    assert window.summary_panel.current_document().path == str(second)
    window.article_tabs.show_tab(back)
    assert window.summary is back.session.summary is not None
    assert window.summary_panel.current_summary() == back.session.summary
    assert window.entity_sidebar.entities() == back.session.entities
    assert window.status_label.text() == back.session.ready_text()
    assert window.cancel_button.isHidden()


def test_a_closed_tab_is_cancelled_and_its_results_never_shown(qtbot, window, write_file) -> None:
    first = write_file("bridge.txt", short_article())
    book = write_file("long.txt", long_article(400))
    open_and_wait(qtbot, window, first)
    shown = window.tab
    summary = window.summary
    doomed = window.open_path(book)
    with qtbot.waitSignal(doomed.controller.documentLoaded, timeout=TIMEOUT):
        pass
    late: list[object] = []
    doomed.controller.analysisUpdated.connect(late.append)
    doomed.controller.summaryUpdated.connect(late.append)
    assert doomed.controller.is_busy()
    window.close_tab()
    doomed.controller.finished.connect(lambda: late.append("finished"))
    assert window.article_tabs.count() == 1 and window.tab is shown
    assert not doomed.controller.is_busy()
    # The job stops at its next check, long before the book's analysis would end.
    assert window.controller.pool.waitForDone(20_000)
    qtbot.wait(100)  # any queued result would be delivered now
    assert late == []
    assert window.document.path == str(first)
    assert window.summary is summary
    assert window.summary_panel.current_summary() == summary
    assert window.cancel_button.isHidden()


def test_closing_the_last_tab_leaves_an_empty_one(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    window.close_tab_action.trigger()
    assert window.article_tabs.count() == 1
    assert window.document is None
    assert window.article_view.toPlainText() == ""
    assert window.windowTitle() == "Article Reader"
    assert window.entity_sidebar.entities() == ()
    assert window.summary_panel.current_summary() is None


def test_a_file_that_does_not_load_leaves_no_empty_tab(qtbot, window, write_file) -> None:
    bad = write_file("junk.txt", bytes(range(256)) * 64)
    with qtbot.waitSignal(window.controller.failed, timeout=TIMEOUT):
        window.open_path(bad)  # the window's only tab: it stays, new again
    assert window.article_tabs.count() == 1
    assert window.article_tabs.tabText(0) == NEW_TAB_TEXT and window.tab.is_empty()
    good = write_file("bridge.txt", short_article())
    open_and_wait(qtbot, window, good)
    first = window.tab
    window.open_path(bad)  # a new tab for it, which goes when it fails
    assert window.article_tabs.count() == 2
    qtbot.waitUntil(lambda: window.article_tabs.count() == 1, timeout=TIMEOUT)
    assert window.tab is first and window.document.path == str(good)
    assert "junk.txt" in window.message_bar.text() and not window.message_bar.isHidden()


def test_keys_switch_and_close_tabs_and_middle_click_closes(qtbot, window, write_file) -> None:
    paths = [write_file(f"a{i}.txt", short_article(f"Article Number {i}")) for i in range(3)]
    open_and_wait(qtbot, window, paths[0])
    for path in paths[1:]:
        window.open_path(path)
        qtbot.waitUntil(window.is_complete, timeout=TIMEOUT)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # its shortcuts work then
    tabs = window.article_tabs
    assert tabs.currentIndex() == 2
    window.article_view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    QTest.keyClick(window.article_view, Qt.Key.Key_Tab, ctrl)
    assert tabs.currentIndex() == 0  # round the end
    assert window.document.path == str(paths[0])
    QTest.keyClick(
        window.article_view, Qt.Key.Key_Backtab, ctrl | Qt.KeyboardModifier.ShiftModifier
    )
    assert tabs.currentIndex() == 2
    QTest.keyClick(window.article_view, Qt.Key.Key_W, ctrl)
    assert tabs.count() == 2
    assert [tab.path() for tab in tabs.tabs()] == [str(paths[0]), str(paths[1])]
    bar = tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.MiddleButton, pos=bar.tabRect(0).center())
    assert [tab.path() for tab in tabs.tabs()] == [str(paths[1])]
    assert window.document.path == str(paths[1])


def test_drop_opens_a_new_tab_and_an_open_file_switches_to_its_tab(
    qtbot, window, write_file
) -> None:
    first = write_file("bridge.txt", short_article())
    second = write_file("dropped.txt", short_article("Dropped Article"))
    open_and_wait(qtbot, window, first)
    mime = file_url_mime(second)  # kept: the events do not own it
    QApplication.sendEvent(window, drag_enter_event(mime))
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert window.article_tabs.count() == 2
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT)
    assert window.document.path == str(second)
    window.open_path(first)  # open already: its tab is shown, nothing is read again
    assert window.article_tabs.count() == 2
    assert window.document.path == str(first) and not window.controller.is_busy()


def test_tabs_come_back_at_the_next_start(qtbot, make_window, write_file) -> None:
    paths = [write_file(f"a{i}.txt", short_article(f"Article Number {i}")) for i in range(3)]
    first = make_window()
    for path in paths:
        first.open_path(path)
        qtbot.waitUntil(first.is_complete, timeout=TIMEOUT)
    first.article_tabs.setCurrentIndex(1)
    first.close()

    second = make_window()
    assert second.restore_tabs_action.isChecked()  # on by default
    assert second.restore_tabs() == 3
    assert [tab.path() for tab in second.article_tabs.tabs()] == [str(p) for p in paths]
    assert second.article_tabs.currentIndex() == 1
    for tab in second.article_tabs.tabs():
        qtbot.waitUntil(lambda tab=tab: tab.session.complete, timeout=TIMEOUT)
    assert second.document.path == str(paths[1])
    assert second.summary_panel.current_summary() == second.summary
    second.restore_tabs_action.trigger()  # off
    second.close()

    third = make_window()
    assert not third.restore_tabs_action.isChecked()
    assert third.restore_tabs() == 0
    assert third.article_tabs.count() == 1 and third.document is None


def test_a_missing_file_is_not_restored(qtbot, settings_file, cache, write_file) -> None:
    kept = write_file("kept.txt", short_article())
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.set_open_tabs([str(Path(kept).parent / "gone.txt"), str(kept)], 0)
    window = MainWindow(settings, AnalysisController(cache=cache))
    qtbot.addWidget(window)
    assert window.restore_tabs() == 1
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT)
    assert window.document.path == str(kept)
    window.close()


def test_a_long_text_fills_a_progress_bar(qtbot, window, write_file) -> None:
    path = write_file("book.txt", long_article(BOOK_PARAGRAPHS))
    seen: list[tuple[int, int, int, str]] = []

    def look(done: int, total: int) -> None:
        bar = window.progress
        seen.append((bar.minimum(), bar.maximum(), bar.value(), window.status.parts.text()))

    # Queued after the window's own slot: each look sees what that slot showed.
    window.controller.partsDone.connect(look, Qt.ConnectionType.QueuedConnection)
    open_and_wait(qtbot, window, path)
    shown = [entry for entry in seen if entry[1] > 0]
    assert shown, seen
    assert all(0 <= value < maximum for _, maximum, value, _ in shown)
    values = [value for _, _, value, _ in shown]
    assert values == sorted(values) and values[-1] > values[0]
    assert all(re.fullmatch(r"Analysed \d+%( · about \d+ (s|min) left)?", t) for *_, t in shown)
    # The estimate needs 2 s of pace: a fast machine may finish before it shows.
    # Once done, the bar is gone.
    assert window.progress.isHidden() and window.status.parts.isHidden()


@pytest.fixture
def fresh_start():
    """As at the start of the program: no analysis has brought a result yet."""
    was = tasks.model_ready.is_set()
    tasks.model_ready.clear()
    yield
    if was:
        tasks.model_ready.set()


def test_the_first_analysis_says_it_loads_the_model(qtbot, window, write_file, fresh_start) -> None:
    stages: list[str] = []
    window.controller.stageChanged.connect(stages.append)
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    assert tasks.stage_text("model") in stages
    assert stages.index(tasks.stage_text("model")) < stages.index(tasks.stage_text("summary"))
    stages.clear()
    open_and_wait(qtbot, window, write_file("other.txt", short_article("Another Bridge")))
    assert tasks.stage_text("model") not in stages
    assert stages  # it still says what it does


def test_the_status_bar_says_the_time_left(qtbot, window) -> None:
    window.show()
    window.status.set_busy(True, "Analysing…")
    window.status.show_parts(3, 10, 42.0)
    assert window.status.parts.text() == "Analysed 30% · about 40 s left"
    window.status.show_parts(1, 10, 190.0)
    assert window.status.parts.text() == "Analysed 10% · about 3 min left"
    window.status.set_busy(False)
