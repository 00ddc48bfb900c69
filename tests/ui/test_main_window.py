"""The main window end to end: real files, real analysis, temporary settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reader.summarize import ALGORITHMS
from ui.main_window import MainWindow, file_url_mime
from ui.settings import Settings

from .article_samples import short_article

TIMEOUT = 60_000


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "article-reader.ini"


@pytest.fixture
def make_window(qtbot, settings_file, spacy_model) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        assert window.controller.pool.activeThreadCount() == 0


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def open_and_wait(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_file(path)


def test_open_shows_article_summary_and_entities(qtbot, window, write_file) -> None:
    path = write_file("bridge.txt", short_article())
    open_and_wait(qtbot, window, path)
    document = window.document
    assert document is not None and document.path == str(path)
    assert window.is_complete()
    assert window.article_view.toPlainText() == document.text
    assert window.windowTitle() == f"{document.title} — Article Reader"
    has_title_block = any(b.kind == "title" for b in document.blocks)
    assert window.title_label.isHidden() == has_title_block
    summary = window.summary
    assert summary is not None and summary.sentences
    assert window.summary_panel.current_summary() == summary
    assert window.article_view.layer_spans("summary") == [
        (s.start, s.end) for s in summary.sentences
    ]
    names = {e.name for e in window.entity_sidebar.entities()}
    assert "Maria Lopez" in names
    sentences = len(window.analysis.sentences)
    entities = len(window.entity_sidebar.entities())
    assert window.status_label.text() == f"Ready — {sentences} sentences, {entities} entities"
    assert window.cancel_button.isHidden()


@pytest.mark.parametrize(
    ("name", "content"),
    [("missing.txt", None), ("empty.txt", b""), ("binary.bin", bytes(range(256)) * 64)],
)
def test_bad_file_shows_message_bar_and_keeps_article(
    qtbot, window, write_file, tmp_path, name, content
) -> None:
    good = write_file("bridge.txt", short_article())
    open_and_wait(qtbot, window, good)
    before = window.document
    title = window.windowTitle()
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    with qtbot.waitSignal(window.controller.failed, timeout=TIMEOUT):
        window.open_file(bad)
    qtbot.waitUntil(lambda: not window.controller.is_busy(), timeout=TIMEOUT)
    assert not window.message_bar.isHidden()
    assert window.message_bar.text().strip()
    assert window.document is before
    assert window.article_view.toPlainText() == before.text
    assert window.windowTitle() == title
    assert window.summary is not None
    assert window.recent_paths_in_menu() == [str(good)]
    # The bar is dismissable and never blocks.
    window.message_bar._close.click()
    assert window.message_bar.isHidden()


def test_bad_file_while_analysing_still_finishes_the_shown_article(
    qtbot, window, write_file, tmp_path
) -> None:
    good = write_file("bridge.txt", short_article())
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=TIMEOUT):
        window.open_file(good)
    with qtbot.waitSignal(window.controller.failed, timeout=TIMEOUT):
        window.open_file(tmp_path / "nothing-here.txt")
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT)
    assert window.document.path == str(good)
    assert window.summary is not None
    assert window.entity_sidebar.entities()


def test_recent_files_menu(qtbot, window, write_file) -> None:
    first = write_file("first.txt", short_article("First"))
    second = write_file("second.txt", short_article("Second"))
    open_and_wait(qtbot, window, first)
    open_and_wait(qtbot, window, second)
    assert window.recent_paths_in_menu() == [str(second), str(first)]
    open_and_wait(qtbot, window, first)
    assert window.recent_paths_in_menu() == [str(first), str(second)]
    # Opening from the menu opens that file.
    action = next(a for a in window.recent_menu.actions() if a.data() == str(second))
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        action.trigger()
    assert window.document.path == str(second)
    window.clear_recent_action.trigger()
    assert window.recent_paths_in_menu() == []
    assert not window.clear_recent_action.isEnabled()


def test_recent_files_keep_at_most_ten(qtbot, window, write_file) -> None:
    paths = [write_file(f"a{i}.txt", short_article(f"Article {i}")) for i in range(12)]
    for path in paths:
        window.settings.add_recent_file(str(path))
    window._rebuild_recent_menu()
    assert window.recent_paths_in_menu() == [str(p) for p in reversed(paths)][:10]


def drag_enter_event(mime) -> QDragEnterEvent:
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:  # PySide6 >= 6.12 takes a QPointF and deprecates the QPoint form
        return QDragEnterEvent(QPointF(50, 50), *args)
    except TypeError:
        return QDragEnterEvent(QPoint(50, 50), *args)


def test_drop_a_file_opens_it(qtbot, window, write_file) -> None:
    path = write_file("dropped.txt", short_article("Dropped Article"))
    mime = file_url_mime(path)
    enter = drag_enter_event(mime)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert window.document is not None and window.document.path == str(path)


def test_drop_without_files_is_refused(window) -> None:
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setText("just some text")
    assert not window.handle_drop(mime)
    assert not window.controller.is_busy()


def test_changing_algorithm_resummarises_without_reparsing(qtbot, window, write_file) -> None:
    path = write_file("bridge.txt", short_article())
    open_and_wait(qtbot, window, path)
    loaded, analysed = [], []
    window.controller.documentLoaded.connect(loaded.append)
    window.controller.analysisUpdated.connect(analysed.append)
    sentences = window.analysis.sentences
    combo = window.algorithm_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(ALGORITHMS)
    with qtbot.waitSignal(window.controller.summaryUpdated, timeout=TIMEOUT):
        combo.setCurrentIndex(combo.findData("lead"))
    qtbot.waitUntil(lambda: window.summary.algorithm == "lead", timeout=TIMEOUT)
    with qtbot.waitSignal(window.controller.summaryUpdated, timeout=TIMEOUT):
        window.length_spin.setValue(2)
    qtbot.waitUntil(lambda: len(window.summary.sentences) == 2, timeout=TIMEOUT)
    assert window.summary.algorithm == "lead" and window.summary.length == "2"
    assert loaded == [] and analysed == []
    assert window.analysis.sentences == sentences
    spans = {(s.start, s.end) for s in sentences}
    assert {(s.start, s.end) for s in window.summary.sentences} <= spans
    assert window.article_view.layer_spans("summary") == [
        (s.start, s.end) for s in window.summary.sentences
    ]
    assert window.summary_panel.current_summary() == window.summary


def test_highlight_toggle(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    assert window.article_view.layer_spans("summary")
    window.highlight_action.trigger()
    assert not window.highlight_action.isChecked()
    assert window.article_view.layer_spans("summary") == []
    window.highlight_action.trigger()
    assert window.article_view.layer_spans("summary") == [
        (s.start, s.end) for s in window.summary.sentences
    ]


def test_entity_selection_highlights_mentions_and_f3_steps(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    entity = next(e for e in window.entity_sidebar.entities() if e.count >= 2)
    mentions = [(m.start, m.end) for m in entity.mentions]
    window.entity_sidebar.select_entity(entity)
    view = window.article_view
    assert view.layer_spans("entity") == mentions
    assert view.layer_spans("mark") == [mentions[0]]
    window.next_mention_action.trigger()
    assert view.layer_spans("mark") == [mentions[1]]
    window.previous_mention_action.trigger()
    assert view.layer_spans("mark") == [mentions[0]]
    text = window.document.text
    assert all(text[s:e] for s, e in mentions)


def test_summary_sentence_click_reveals_it(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    window.show()
    qtbot.waitExposed(window)
    sentence = window.summary.sentences[-1]
    listing = window.summary_panel.sentence_list()
    item = window.summary_panel.sentence_item(len(window.summary.sentences) - 1)
    rect = listing.visualItemRect(item)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article_view.layer_spans("mark") == [(sentence.start, sentence.end)]


def test_copy_summary(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    QApplication.clipboard().clear()
    window.copy_action.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasHtml()
    copied = " ".join(mime.text().split())
    for sentence in window.summary.sentences:
        assert " ".join(sentence.text.split()) in copied


def test_export_pdf(qtbot, window, write_file, tmp_path) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    target = tmp_path / "report.pdf"
    assert window.export_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_settings_are_remembered_across_windows(qtbot, make_window, write_file) -> None:
    first = make_window()
    path = write_file("bridge.txt", short_article())
    open_and_wait(qtbot, first, path)
    first.algorithm_combo.setCurrentIndex(first.algorithm_combo.findData("textrank"))
    first.length_unit_combo.setCurrentIndex(first.length_unit_combo.findData("%"))
    first.length_spin.setValue(35)
    first.highlight_action.trigger()
    first.resize(760, 560)
    first.main_splitter.setSizes([500, 260])
    sizes = first.main_splitter.sizes()
    first.close()
    assert first.controller.pool.activeThreadCount() == 0

    second = make_window()
    assert second.current_algorithm() == "textrank"
    assert second.current_length() == "35%"
    assert not second.highlight_action.isChecked()
    assert (second.width(), second.height()) == (760, 560)
    assert second.main_splitter.sizes() == sizes
    assert second.recent_paths_in_menu() == [str(path)]
    # Sentences and percent are remembered apart.
    second.length_unit_combo.setCurrentIndex(second.length_unit_combo.findData("sentences"))
    assert second.current_length() == "5"


def test_close_during_analysis_exits_cleanly(qtbot, make_window, write_file) -> None:
    from .article_samples import long_article

    window = make_window()
    with qtbot.waitSignal(window.controller.documentLoaded, timeout=TIMEOUT):
        window.open_file(write_file("long.txt", long_article(200)))
    assert window.controller.is_busy()
    assert window.close()
    assert window.controller.pool.activeThreadCount() == 0


def test_cancel_button(qtbot, window, write_file) -> None:
    from .article_samples import long_article

    with qtbot.waitSignal(window.controller.documentLoaded, timeout=TIMEOUT):
        window.open_file(write_file("long.txt", long_article(200)))
    assert not window.cancel_button.isHidden()
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.cancel_button.click()
    assert window.cancel_button.isHidden()
    assert window.status_label.text() == "Cancelled."
    assert window.document is not None  # the text stays readable


def test_excepthook_shows_unexpected_errors_in_the_window(window, monkeypatch) -> None:
    import sys

    from ui.app import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(window)
    try:
        raise ValueError("the widget fell over")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert not window.message_bar.isHidden()
    assert "the widget fell over" in window.message_bar.text()


def test_open_sample(qtbot, window) -> None:
    import resources

    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_sample()
    assert window.document is not None
    assert Path(window.document.path) == Path(resources.sample_article()).resolve()
    assert window.summary is not None and window.summary.sentences
