"""ArticleView on a book-length text: added in pieces, highlights drawn around the view."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtTest import QTest

from reader.models import Block, Document
from ui import theme
from ui.article_view import DRAW_ALL_LIMIT, LOAD_CHUNK, ArticleView

from .article_samples import spans_of


def long_document(paragraphs: int = 3000) -> Document:
    """Paragraphs naming people, with astral characters scattered through (Qt counts
    each as two positions), headings now and then; several ``LOAD_CHUNK`` s long."""
    parts, blocks, position = [], [], 0
    for i in range(paragraphs):
        if i % 250 == 0:
            part, kind, level = f"Chapter {i // 250 + 1} 📖", "heading", 1
        else:
            emoji = "🐋 " if i % 7 == 0 else ""
            part = f"{emoji}Captain Ahab spoke to Starbuck {i} times; the 𝔐oon rose over Nantucket."
            kind, level = "paragraph", 0
        blocks.append(Block(position, position + len(part), kind, level))
        parts.append(part)
        position += len(part) + 2
    text = "\n\n".join(parts)
    return Document("long.txt", text, "", tuple(blocks), "text")


@pytest.fixture
def view(qtbot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show_and_wait(qtbot, view: ArticleView, document: Document) -> None:
    with qtbot.waitSignal(view.textLoaded, timeout=30_000):
        view.show_document(document)


def check_selections(view: ArticleView, document: Document) -> list[str]:
    """Every extra selection covers exactly the characters its Python span names."""
    texts = []
    for selection in view.extraSelections():
        cursor = selection.cursor
        start = view.positions.from_qt(cursor.selectionStart())
        end = view.positions.from_qt(cursor.selectionEnd())
        assert cursor.selectedText() == document.text[start:end]
        texts.append(document.text[start:end])
    return texts


def visible_python_range(view: ArticleView) -> tuple[int, int]:
    rect = view.viewport().rect()
    top = view.cursorForPosition(rect.topLeft()).position()
    bottom = view.cursorForPosition(rect.bottomRight()).position()
    return view.positions.from_qt(top), view.positions.from_qt(bottom)


def test_long_text_goes_in_pieces_and_ends_verbatim_and_formatted(qtbot, view) -> None:
    document = long_document()
    assert len(document.text) > 4 * LOAD_CHUNK
    view.show_document(document)
    assert view.is_loading()  # the first piece is in; the rest follows turn by turn
    assert 0 < len(view.toPlainText()) < len(document.text)
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=30_000)
    assert view.toPlainText() == document.text
    assert view.document().characterCount() - 1 == view.positions.qt_length()
    # Headings far into the text got their format, like those in the first piece.
    qdoc = view.document()
    headings = [b for b in document.blocks if b.kind == "heading"]
    for block in (headings[0], headings[-1]):
        cursor = QTextCursor(qdoc.findBlock(view.positions.to_qt(block.start)))
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        assert cursor.charFormat().fontPointSize() > view.font().pointSizeF()
    # Every line of every piece: text lines get the reading line height, the blank
    # lines between paragraphs a small fixed one (so one or two look the same).
    kinds: set[tuple[bool, int]] = set()
    block = qdoc.begin()
    while block.isValid():
        line = block.blockFormat().lineHeightType()
        kinds.add((bool(block.text().strip()), line))
        block = block.next()
    fixed = QTextBlockFormat.LineHeightTypes.FixedHeight.value
    proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    assert kinds == {(True, proportional), (False, fixed)}


def test_many_highlights_land_on_their_characters_as_the_view_scrolls(qtbot, view) -> None:
    document = long_document()
    show_and_wait(qtbot, view, document)
    ahab = spans_of(document.text, "Ahab")
    moons = spans_of(document.text, "𝔐oon rose")
    assert len(ahab) > DRAW_ALL_LIMIT
    view.set_layer("summary", moons, theme.SUMMARY)
    view.set_layer("entity", ahab, theme.ENTITY)
    assert view.layer_spans("entity") == ahab  # the layer keeps every span
    drawn = len(view.extraSelections())
    assert 0 < drawn < len(ahab) // 4  # only those near the view are handed to Qt
    view.setFocus()
    for _ in range(3):
        for _ in range(15):
            QTest.keyClick(view, Qt.Key.Key_PageDown)
        low, high = visible_python_range(view)
        texts = check_selections(view, document)
        # Every mention in view is drawn, summary first, then the entity layer on top.
        shown = [s for s in ahab if s[0] < high and s[1] > low]
        assert shown and texts.count("Ahab") >= len(shown)
        assert texts.index("𝔐oon rose") < texts.index("Ahab")
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    low, high = visible_python_range(view)
    assert high >= len(document.text) - 100
    texts = check_selections(view, document)
    last = ahab[-1]
    assert any(
        s.cursor.selectionStart() == view.positions.to_qt(last[0]) for s in view.extraSelections()
    )
    assert "Ahab" in texts


def test_layers_set_while_loading_apply_once_the_text_is_in(qtbot, view) -> None:
    document = long_document()
    view.show_document(document)
    starbuck = spans_of(document.text, "Starbuck")
    view.set_layer("entity", starbuck, theme.ENTITY)
    view.reveal(*starbuck[-1])  # far beyond the first piece: scrolls once it is in
    check_selections(view, document)
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=30_000)
    low, high = visible_python_range(view)
    assert low <= starbuck[-1][0] < high
    texts = check_selections(view, document)
    assert texts[-1] == "Starbuck"  # the mark, drawn last
    assert view.layer_spans("mark") == [starbuck[-1]]


def test_layers_still_toggle_and_tint_under_a_summary_on_a_long_text(qtbot, view) -> None:
    document = long_document()
    show_and_wait(qtbot, view, document)
    sentences = spans_of(document.text, "Captain Ahab spoke to Starbuck")
    names = spans_of(document.text, "Starbuck")  # inside each sentence, at its end
    view.set_layer("summary", names, theme.SUMMARY)
    view.set_layer("stance-critical", sentences, theme.STANCE["critical"], "tint")

    def drawn() -> list[tuple[str, str, bool]]:
        texts = check_selections(view, document)
        return [
            (
                s.format.property(QTextFormat.Property.UserProperty),
                text,
                QTextCharFormat(s.format).background().style() != Qt.BrushStyle.NoBrush,
            )
            for s, text in zip(view.extraSelections(), texts, strict=True)
        ]

    pieces = drawn()
    assert {name for name, _, _ in pieces} == {"summary", "stance-critical"}
    tints = [(text, filled) for name, text, filled in pieces if name == "stance-critical"]
    # Filled where the summary is not, a line only over the summary's fill.
    assert set(tints) == {("Captain Ahab spoke to ", True), ("Starbuck", False)}
    view.clear_layer("summary")
    assert set(drawn()) == {("stance-critical", "Captain Ahab spoke to Starbuck", True)}
    view.set_layer("summary", names, theme.SUMMARY)
    view.clear_layer("stance-critical")
    assert set(drawn()) == {("summary", "Starbuck", True)}
    view.clear_layer("summary")
    assert view.extraSelections() == []


def test_a_new_document_while_loading_replaces_the_old_one(qtbot, view) -> None:
    view.show_document(long_document())
    short = Document("short.txt", "A short text.", "", (Block(0, 13),), "text")
    view.show_document(short)
    assert not view.is_loading()
    qtbot.wait(50)
    assert view.toPlainText() == short.text


def test_the_same_text_shown_again_keeps_its_layout(qtbot, view) -> None:
    document = long_document()
    show_and_wait(qtbot, view, document)
    view.set_layer("entity", spans_of(document.text, "Starbuck")[:50], theme.ENTITY)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    revision = view.document().revision()
    again = replace(document, path="elsewhere/long.txt")
    with qtbot.waitSignal(view.textLoaded, timeout=1000):
        view.show_document(again)
    assert view.document().revision() == revision  # not laid out again
    assert view.current_document() is again and not view.is_loading()
    assert view.toPlainText() == document.text
    assert view.extraSelections() == [] and view.verticalScrollBar().value() == 0
    # Other text: shown afresh.
    other = long_document(paragraphs=400)
    show_and_wait(qtbot, view, other)
    assert view.toPlainText() == other.text and view.document().revision() != revision
