"""The main window end to end: real files, real analysis, temporary settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

import reader
from reader.options import ALGORITHMS, DEFAULT_ALGORITHM
from ui.main_window import MainWindow, file_url_mime

from .article_samples import quoted_article, short_article
from .window_helpers import TIMEOUT, drag_enter_event, open_and_wait


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
    statements = len(window.analysis.statements)
    assert window.status_label.text() == (
        f"Ready — {sentences} sentences, {entities} entities, {statements} statements"
    )
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
    # Opening from the menu opens that file, in a new tab: the current one holds an article.
    action = next(a for a in window.recent_menu.actions() if a.data() == str(second))
    action.trigger()
    assert window.article_tabs.count() == 2
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT)
    assert window.document.path == str(second)
    window.clear_recent_action.trigger()
    assert window.recent_paths_in_menu() == []
    assert not window.clear_recent_action.isEnabled()


def test_recent_files_keep_at_most_ten(qtbot, window, write_file) -> None:
    paths = [write_file(f"a{i}.txt", short_article(f"Article {i}")) for i in range(12)]
    for path in paths:
        window.settings.add_recent_file(str(path))
    window.recent_menu.rebuild()
    assert window.recent_paths_in_menu() == [str(p) for p in reversed(paths)][:10]


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
    # another summariser's summary: the sentence clicked in the last one is no longer marked
    with qtbot.waitSignal(window.controller.summaryUpdated, timeout=TIMEOUT):
        window.algorithm_combo.setCurrentIndex(window.algorithm_combo.findData("lead"))
    assert window.article_view.layer_spans("mark") == []
    assert window.article_view.layer_spans("summary")


def test_copy_summary(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    QApplication.clipboard().clear()
    window.copy_action.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasHtml()
    copied = " ".join(mime.text().split())
    for sentence in window.summary.sentences:
        assert " ".join(sentence.text.split()) in copied


@pytest.mark.parametrize(
    ("name", "start"), [("report.pdf", b"%PDF"), ("report.html", b"<html>"), ("report.md", b"# ")]
)
def test_export_report_in_each_format(qtbot, window, write_file, tmp_path, name, start) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    target = tmp_path / name
    assert window.export_report(target)
    assert target.read_bytes().startswith(start)
    assert window.statusBar().currentMessage() == f"Saved {name}."


def test_the_export_dialog_opens_where_the_last_report_went(
    qtbot, window, write_file, tmp_path, monkeypatch
) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    offered: list[str] = []

    def chosen(parent, caption, start, filters):  # the person presses Cancel
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    window.commands["export_report"].trigger()
    folder = tmp_path / "reports"
    folder.mkdir()
    assert window.export_report(folder / "first.md")
    window.commands["export_report"].trigger()
    assert Path(offered[0]).parent != folder
    assert Path(offered[1]).parent == folder and offered[1].endswith(" - report.pdf")
    assert window.settings.report_folder == str(folder)  # kept for the next start


def test_export_report_refuses_another_extension(qtbot, window, write_file, tmp_path) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    assert not window.export_report(tmp_path / "report.docx")
    assert "not a report file name" in window.message_bar.text()


def test_settings_are_remembered_across_windows(qtbot, make_window, write_file) -> None:
    first = make_window()
    path = write_file("bridge.txt", short_article())
    open_and_wait(qtbot, first, path)
    other = next(key for key in ALGORITHMS if key != DEFAULT_ALGORITHM)
    first.algorithm_combo.setCurrentIndex(first.algorithm_combo.findData(other))
    first.length_unit_combo.setCurrentIndex(first.length_unit_combo.findData("%"))
    first.length_spin.setValue(35)
    first.highlight_action.trigger()
    first.resize(760, 560)
    first.main_splitter.setSizes([500, 260])
    sizes = first.main_splitter.sizes()
    first.close()
    assert first.controller.pool.activeThreadCount() == 0

    second = make_window()
    assert second.current_algorithm() == other
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
    from ui.errors import UNEXPECTED

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(window)
    try:
        raise ValueError("the widget fell over")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert not window.message_bar.isHidden()
    assert window.message_bar.text() == UNEXPECTED  # one human sentence, not the exception


def test_open_sample(qtbot, window) -> None:
    import resources

    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_sample()
    assert window.document is not None
    assert Path(window.document.path) == Path(resources.sample_article()).resolve()
    assert window.summary is not None and window.summary.sentences


def test_new_window_uses_the_default_summariser(window) -> None:
    assert window.current_algorithm() == DEFAULT_ALGORITHM
    assert window.settings.algorithm == DEFAULT_ALGORITHM
    assert window.current_options().algorithm == DEFAULT_ALGORITHM


# -- the file on disk ------------------------------------------------------------------


def wait_for_text(qtbot, window: MainWindow, needle: str) -> None:
    def shown() -> bool:
        return (
            window.document is not None
            and needle in window.document.text
            and needle in window.article_view.toPlainText()
            and window.is_complete()
        )

    qtbot.waitUntil(shown, timeout=TIMEOUT)


def replace_file(path: Path, text: str) -> None:
    """Save as many editors do: write a new file beside it, then rename it over the old."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def test_changing_the_file_reloads_it(qtbot, window, write_file) -> None:
    path = write_file("harbour.txt", quoted_article())
    open_and_wait(qtbot, window, path)
    reeves = next(e for e in window.entity_sidebar.entities() if e.name == "Tom Reeves")
    window.entity_sidebar.select_entity(reeves)

    path.write_text(quoted_article(closing="Reeves later apologised to the mayor."), "utf-8")
    wait_for_text(qtbot, window, "apologised to the mayor")
    assert window.article_view.toPlainText() == path.read_text("utf-8")
    assert window.message_bar.isHidden()
    kept = window.entity_sidebar.selected_entity()
    assert kept is not None and kept.name == "Tom Reeves"
    assert kept.count > reeves.count  # the new text's mentions, not the old ones
    assert window.article_view.layer_spans("entity") == [(m.start, m.end) for m in kept.mentions]

    # Replaced by a new file (a rename over it): still watched, reloaded again.
    replace_file(path, quoted_article(closing="The vote will be held again in May."))
    wait_for_text(qtbot, window, "held again in May")
    assert "apologised" not in window.document.text
    assert window.stance_panel.statements() == window.analysis.statements
    # The new file is watched in its turn: saving it in place reloads it too.
    path.write_text(quoted_article(closing="The mayor called a second meeting."), "utf-8")
    wait_for_text(qtbot, window, "second meeting")
    assert window.recent_paths_in_menu() == [str(path)]


def test_reload_keeps_the_reading_position(qtbot, window, write_file) -> None:
    from .article_samples import long_article

    text = long_article(40)
    path = write_file("long.txt", text)
    window.show()
    qtbot.waitExposed(window)
    open_and_wait(qtbot, window, path)
    view = window.article_view
    middle = text.index("On day 20 ")
    view.scroll_to_offset(middle)
    top = view.top_offset()
    assert top > 0

    path.write_text(text + "\nA late correction was added at the end.\n", "utf-8")
    wait_for_text(qtbot, window, "late correction")
    assert abs(view.top_offset() - top) < 200


def test_deleted_file_keeps_the_article_and_says_so(qtbot, window, write_file) -> None:
    path = write_file("harbour.txt", quoted_article())
    open_and_wait(qtbot, window, path)
    document = window.document
    path.unlink()
    qtbot.waitUntil(lambda: "removed" in window.message_bar.text(), timeout=TIMEOUT)
    assert window.document is document
    assert window.article_view.toPlainText() == document.text
    assert window.stance_panel.statements() == window.analysis.statements
    assert not window.controller.is_busy()

    # The file comes back: it is read again and the notice goes.
    path.write_text(quoted_article(closing="The wall was finished early."), "utf-8")
    wait_for_text(qtbot, window, "finished early")
    assert window.message_bar.isHidden()


def test_toggles_are_remembered_and_reload_can_be_turned_off(
    qtbot, make_window, write_file
) -> None:
    first = make_window()
    assert first.reload_action.isChecked() and first.stance_highlight_action.isChecked()
    first.reload_action.trigger()
    first.stance_highlight_action.trigger()
    first.close()

    second = make_window()
    assert not second.reload_action.isChecked()
    assert not second.stance_highlight_action.isChecked()
    assert not second.stance_panel.highlights_enabled()
    path = write_file("harbour.txt", quoted_article())
    open_and_wait(qtbot, second, path)
    view = second.article_view
    assert all(view.layer_spans(f"stance-{label}") == [] for label in reader.STANCE_LABELS)
    before = second.document
    path.write_text(quoted_article(closing="Nobody noticed the change."), "utf-8")
    qtbot.wait(1500)
    assert second.document is before and not second.controller.is_busy()

    # Turning it back on catches up with the change made while it was off.
    second.reload_action.trigger()
    wait_for_text(qtbot, second, "Nobody noticed")


def test_reopening_an_analysed_file_comes_from_the_cache(qtbot, window, write_file, cache) -> None:
    path = write_file("bridge.txt", short_article())
    open_and_wait(qtbot, window, path)
    first = window.analysis
    assert cache.size_bytes() > 0
    updates: list[object] = []
    window.controller.analysisUpdated.connect(updates.append)
    open_and_wait(qtbot, window, path)
    assert updates == [first], "one complete analysis at once, equal to the first"
    assert window.is_complete()
    assert window.entity_sidebar.isEnabled()


def test_clear_cache_action_empties_the_cache(qtbot, window, write_file, cache) -> None:
    open_and_wait(qtbot, window, write_file("bridge.txt", short_article()))
    assert cache.size_bytes() > 0
    window.clear_cache_action.trigger()
    assert cache.size_bytes() == 0
    assert "cache cleared" in window.status_label.text()


def test_a_repaired_encoding_is_told_in_the_message_bar(qtbot, window, write_file) -> None:
    data = (
        "Harbour cafe reopens\n\nCafé owners in Zürich said the season was a success.\n".encode()
        + b"The gar\xe7on called it \x93a bargain\x94 and left.\n"
    )
    open_and_wait(qtbot, window, write_file("mixed.txt", data))
    assert not window.message_bar.isHidden()
    assert window.message_bar.level() == "warning"
    assert "not UTF-8" in window.message_bar.text()
    assert "garçon" in window.article_view.toPlainText()


def test_the_open_command_offers_every_format_of_the_registry(window) -> None:
    from reader.loaders import formats

    dialog_filter = reader.file_dialog_filter()
    tip = window.open_action.toolTip()
    for fmt in formats():
        assert f"{fmt.label} ({fmt.patterns()})" in dialog_filter
        assert fmt.label in tip
    assert dialog_filter.startswith("Articles (") and dialog_filter.endswith("All files (*)")
