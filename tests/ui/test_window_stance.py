"""The main window's statements: the stance tab, its marks in the article and their order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextFormat

import reader
from ui import window_analysis
from ui.main_window import MainWindow

from .article_samples import quoted_article
from .window_helpers import open_and_wait


def statement_with_cue(window: MainWindow, cue: str):
    return next(s for s in window.analysis.statements if s.cue and s.cue.text == cue)


def stance_tab_text(window: MainWindow) -> str:
    return window.side_tabs.tabText(window.side_tabs.indexOf(window.stance_panel))


def test_stance_tab_fills_after_analysis(qtbot, window, write_file) -> None:
    panel = window.stance_panel
    assert window.side_tabs.indexOf(panel) == window.side_tabs.indexOf(window.entity_sidebar) + 1
    assert panel.message() and stance_tab_text(window) == "Stance"
    messages: list[str | None] = []
    window.controller.documentLoaded.connect(lambda _doc: messages.append(panel.message()))
    open_and_wait(qtbot, window, write_file("harbour.txt", quoted_article()))
    assert messages == ["Finding who says what…"]
    statements = window.analysis.statements
    assert statements and panel.statements() == statements
    assert panel.message() is None
    assert stance_tab_text(window) == f"Stance ({len(statements)})"
    assert statement_with_cue(window, "blasted").label == "critical"
    assert statement_with_cue(window, "welcomed").label == "supportive"


def test_clicking_a_statement_reveals_it(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("harbour.txt", quoted_article()))
    window.show()
    qtbot.waitExposed(window)
    window.side_tabs.setCurrentWidget(window.stance_panel)
    statement = statement_with_cue(window, "blasted")
    tree = window.stance_panel.tree()
    item = window.stance_panel.statement_item(statement)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    span = (statement.content.start, statement.content.end)
    assert window.article_view.layer_spans("mark") == [span]
    assert window.document.text[span[0] : span[1]] == statement.content.text


def expected_stance_spans(window: MainWindow, label: str) -> list[tuple[int, int]]:
    return sorted(
        (s.content.start, s.content.end) for s in window.analysis.statements if s.label == label
    )


def test_stance_layers_follow_labels_and_the_toggle(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("harbour.txt", quoted_article()))
    view, panel, action = window.article_view, window.stance_panel, window.stance_highlight_action
    assert action.isChecked() and panel.highlights_enabled()
    for label in reader.STANCE_LABELS:
        assert view.layer_spans(f"stance-{label}") == expected_stance_spans(window, label)
    assert view.layer_spans("stance-critical") and view.layer_spans("stance-supportive")

    action.trigger()  # View ▸ Highlight Statements off
    assert not panel.highlights_enabled()
    assert all(view.layer_spans(f"stance-{label}") == [] for label in reader.STANCE_LABELS)
    assert view.layer_spans("summary")  # the other layers stay

    panel.set_highlights_enabled(True)  # the panel's own checkbox drives the same toggle
    assert action.isChecked()
    for label in reader.STANCE_LABELS:
        assert view.layer_spans(f"stance-{label}") == expected_stance_spans(window, label)

    panel.set_label_filter("critical")  # only what the panel shows is highlighted
    assert view.layer_spans("stance-critical") == expected_stance_spans(window, "critical")
    assert view.layer_spans("stance-supportive") == []


def test_a_books_many_statements_are_marked_in_the_next_turn(
    qtbot, window, write_file, monkeypatch
) -> None:
    monkeypatch.setattr(window_analysis, "MARKS_APART_FROM", 0)  # as if it were a book
    open_and_wait(qtbot, window, write_file("harbour.txt", quoted_article()))
    view, statements = window.article_view, window.analysis.statements
    for label in reader.STANCE_LABELS:
        assert view.layer_spans(f"stance-{label}") == expected_stance_spans(window, label)
    laid = window._stance_layers_shown
    window._show_statements(statements[:1])
    assert window._stance_layers_shown == laid  # the tree now, the marks next turn
    assert window.stance_panel.statements() == statements[:1]
    window._show_statements(statements)  # a newer update before that turn
    qtbot.waitUntil(lambda: window._stance_layers_shown == laid + 1)
    qtbot.wait(20)
    assert window._stance_layers_shown == laid + 1  # the dropped update laid nothing
    for label in reader.STANCE_LABELS:
        assert view.layer_spans(f"stance-{label}") == expected_stance_spans(window, label)


def test_entity_layer_is_drawn_above_the_stance_layers(qtbot, window, write_file) -> None:
    open_and_wait(qtbot, window, write_file("harbour.txt", quoted_article()))
    statement = statement_with_cue(window, "blasted")
    inside = [
        e
        for e in window.entity_sidebar.entities()
        if any(
            statement.content.start <= m.start and m.end <= statement.content.end
            for m in e.mentions
        )
    ]
    assert inside, "the critical statement names an entity"
    window.entity_sidebar.select_entity(inside[0])
    window.article_view.clear_layer("mark")
    order = [
        s.format.property(QTextFormat.Property.UserProperty)
        for s in window.article_view.extraSelections()
    ]
    stance = [i for i, name in enumerate(order) if str(name).startswith("stance-")]
    entity = [i for i, name in enumerate(order) if name == "entity"]
    summary = [i for i, name in enumerate(order) if name == "summary"]
    assert stance and entity and summary
    assert max(summary) < min(stance) and max(stance) < min(entity)
