"""ArticleView: the text verbatim, block formats, and highlight layers on the right characters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextBlock, QTextCharFormat, QTextCursor, QTextFormat

from reader import load_document
from reader.models import Block, Document
from ui import theme
from ui.article_view import ArticleView

from .article_samples import spans_of


def make_document(parts: list[tuple[str, str]], path: str = "test.txt") -> Document:
    """A document from ``(kind, text)`` blocks separated by blank lines."""
    text, blocks, position = "", [], 0
    for kind, part in parts:
        if text:
            text += "\n\n"
            position += 2
        blocks.append(Block(position, position + len(part), kind, 1 if kind == "heading" else 0))
        text += part
        position += len(part)
    title = next((p for k, p in parts if k == "title"), "")
    return Document(path, text, title, tuple(blocks), "text")


EMOJI_DOC = make_document(
    [
        ("title", "Launch 🚀 Day"),
        ("paragraph", "The crew 👩‍🚀👨‍🚀 waved at 9:00. Ana Silva 🇧🇷 led the count."),
        ("quote", "“We go 🌕 now,” said Ana Silva."),
        ("paragraph", "Music 𝄞 played; the 𝔐𝔬𝔬𝔫 was bright. Silva smiled 😀."),
    ]
)


@pytest.fixture
def view(qtbot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    return widget


def selections_by_text(view: ArticleView) -> list[str]:
    return [s.cursor.selectedText() for s in view.extraSelections()]


def test_text_is_shown_verbatim(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    assert view.toPlainText() == EMOJI_DOC.text
    assert view.document().characterCount() - 1 == view.positions.qt_length()


def test_layers_select_the_python_substrings_in_text_with_emoji(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    text = EMOJI_DOC.text
    mentions = spans_of(text, "Silva")
    assert len(mentions) == 3  # after several astral characters each
    view.set_layer("entity", mentions, theme.ENTITY)
    assert selections_by_text(view) == ["Silva"] * 3
    for selection, (start, end) in zip(view.extraSelections(), mentions, strict=True):
        cursor = selection.cursor
        assert view.positions.from_qt(cursor.selectionStart()) == start
        assert view.positions.from_qt(cursor.selectionEnd()) == end
    emoji_span = spans_of(text, "😀")[0]
    view.set_layer("mark", [emoji_span], theme.MARK)
    assert selections_by_text(view)[-1] == "😀"


def test_layers_are_independent_and_drawn_in_order(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    text = EMOJI_DOC.text
    sentence = spans_of(text, "Music 𝄞 played;")[0]
    moon = spans_of(text, "𝔐𝔬𝔬𝔫")[0]
    crew = spans_of(text, "crew")[0]
    # Set in an order different from the drawing order.
    view.set_layer("mark", [crew], theme.MARK)
    view.set_layer("entity", [moon], theme.ENTITY)
    view.set_layer("summary", [sentence], theme.SUMMARY)
    assert selections_by_text(view) == ["Music 𝄞 played;", "𝔐𝔬𝔬𝔫", "crew"]
    colors = [s.format.background().color() for s in view.extraSelections()]
    assert colors == [theme.SUMMARY, theme.ENTITY, theme.MARK]

    view.clear_layer("entity")
    assert view.layer_spans("summary") == [sentence]
    assert view.layer_spans("mark") == [crew]
    assert view.layer_spans("entity") == []
    assert selections_by_text(view) == ["Music 𝄞 played;", "crew"]

    view.set_layer("summary", [moon], QColor("yellow"))
    assert view.layer_spans("mark") == [crew]
    assert selections_by_text(view) == ["𝔐𝔬𝔬𝔫", "crew"]


def test_layers_changed_together_reach_qt_once_at_the_end(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    text = EMOJI_DOC.text
    crew, moon = spans_of(text, "crew")[0], spans_of(text, "𝔐𝔬𝔬𝔫")[0]
    view.set_layer("mark", [crew], theme.MARK)
    with view.changing_layers():
        view.set_layer("entity", [moon], theme.ENTITY)
        view.clear_layer("mark")
        assert selections_by_text(view) == ["crew"]  # not yet handed to Qt
        with view.changing_layers():  # nested: still waiting
            view.set_layer("summary", [crew], theme.SUMMARY)
        assert selections_by_text(view) == ["crew"]
    assert selections_by_text(view) == ["crew", "𝔐𝔬𝔬𝔫"]
    assert [s.format.background().color() for s in view.extraSelections()] == [
        theme.SUMMARY,
        theme.ENTITY,
    ]


def test_stance_layers_sit_between_summary_and_entity(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    text = EMOJI_DOC.text
    paragraph = spans_of(text, "The crew 👩‍🚀👨‍🚀 waved at 9:00. Ana Silva 🇧🇷 led the count.")[0]
    quote = spans_of(text, "We go 🌕 now,")[0]
    silva = spans_of(text, "Silva")
    view.set_layer("entity", silva, theme.ENTITY)
    view.set_layer("stance-neutral", [quote], theme.STANCE["neutral"], "underline")
    view.set_layer("stance-critical", [paragraph], theme.STANCE["critical"], "tint")
    view.set_layer("summary", [quote], theme.SUMMARY)
    selections = view.extraSelections()
    names = [s.format.property(QTextFormat.Property.UserProperty) for s in selections]
    assert names == ["summary", "stance-neutral", "stance-critical"] + ["entity"] * 3
    neutral = QTextCharFormat(selections[1].format)
    assert neutral.background().style() == Qt.BrushStyle.NoBrush  # a line, no fill
    assert neutral.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline


def test_a_tint_fills_only_where_no_lower_layer_has(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    text = EMOJI_DOC.text
    paragraph = spans_of(text, "The crew 👩‍🚀👨‍🚀 waved at 9:00. Ana Silva 🇧🇷 led the count.")[0]
    sentence = spans_of(text, "Ana Silva 🇧🇷 led the count.")[0]
    view.set_layer("summary", [sentence], theme.SUMMARY)
    view.set_layer("stance-supportive", [paragraph], theme.STANCE["supportive"], "tint")
    assert view.layer_spans("stance-supportive") == [paragraph]  # the span as given
    selections = view.extraSelections()
    pieces = selections[1:]
    assert [s.cursor.selectedText() for s in pieces] == [
        text[paragraph[0] : sentence[0]],
        text[sentence[0] : sentence[1]],
    ]
    outside, inside = (QTextCharFormat(s.format) for s in pieces)
    assert outside.background().color() == theme.STANCE["supportive"]
    assert inside.background().style() == Qt.BrushStyle.NoBrush  # the summary shows through
    for fmt in (outside, inside):
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        assert fmt.underlineColor().rgb() == theme.STANCE["supportive"].rgb()

    view.clear_layer("summary")
    selections = view.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectedText() == text[paragraph[0] : paragraph[1]]
    assert QTextCharFormat(selections[0].format).background().color() == theme.STANCE["supportive"]


def test_spans_outside_the_text_are_clipped(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    end = len(EMOJI_DOC.text)
    view.set_layer("summary", [(end - 3, end + 50), (end + 1, end + 9), (5, 5)], theme.SUMMARY)
    assert view.layer_spans("summary") == [(end - 3, end)]
    assert selections_by_text(view) == [EMOJI_DOC.text[end - 3 :]]


def test_new_document_clears_layers(view: ArticleView) -> None:
    view.show_document(EMOJI_DOC)
    view.set_layer("summary", [(0, 6)], theme.SUMMARY)
    other = make_document([("paragraph", "Another article entirely.")])
    view.show_document(other)
    assert view.layer_spans("summary") == []
    assert view.extraSelections() == []
    assert view.current_document() is other


def first_block_of(view: ArticleView, doc: Document, kind: str) -> QTextBlock:
    """The Qt block where ``doc``'s first block of ``kind`` starts."""
    block = next(b for b in doc.blocks if b.kind == kind)
    return view.document().findBlock(view.positions.to_qt(block.start))


def first_char_format(view: ArticleView, doc: Document, kind: str) -> QTextCharFormat:
    """The character format of the first character of ``doc``'s first block of ``kind``."""
    cursor = QTextCursor(first_block_of(view, doc, kind))
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    return cursor.charFormat()


def test_title_and_headings_are_larger_and_quotes_indented(view: ArticleView) -> None:
    doc = make_document(
        [
            ("title", "The Title"),
            ("paragraph", "Body text of the article."),
            ("heading", "A Section"),
            ("quote", "A quoted passage."),
            ("list_item", "First point"),
            ("list_item", "Second point"),
        ]
    )
    view.show_document(doc)

    def block_at(kind: str):
        return first_block_of(view, doc, kind)

    def point_size(kind: str) -> float:
        return first_char_format(view, doc, kind).fontPointSize() or view.font().pointSizeF()

    body = point_size("paragraph")
    assert point_size("title") > point_size("heading") > body
    assert (
        block_at("quote").blockFormat().leftMargin()
        > block_at("paragraph").blockFormat().leftMargin()
    )
    first, second = block_at("list_item"), block_at("list_item").next().next()
    assert first.textList() is not None and first.textList() == second.textList()
    assert view.toPlainText() == doc.text  # formatting never changes the text


def test_page_furniture_is_shown_muted_and_smaller(view: ArticleView) -> None:
    doc = make_document(
        [
            ("paragraph", "Body text of the article."),
            ("aside", "READ ALSO: Another Story Entirely"),
            ("paragraph", "More body text."),
        ]
    )
    view.show_document(doc)
    aside = first_char_format(view, doc, "aside")
    body = first_char_format(view, doc, "paragraph")
    muted = view.palette().color(QPalette.ColorRole.PlaceholderText)
    assert aside.foreground().color() == muted != body.foreground().color()
    assert 0 < aside.fontPointSize() < view.font().pointSizeF()
    assert view.toPlainText() == doc.text


def test_reveal_scrolls_to_the_span_and_marks_it(view: ArticleView, qtbot) -> None:
    paragraphs = [
        ("paragraph", f"Paragraph {i} says something about item {i}.") for i in range(120)
    ]
    paragraphs.append(("paragraph", "The hidden 🦉 owl is at the very end."))
    doc = make_document(paragraphs)
    view.show()
    qtbot.waitExposed(view)
    view.show_document(doc)
    assert view.verticalScrollBar().value() == 0
    owl = spans_of(doc.text, "🦉 owl")[0]
    view.reveal(*owl)
    assert view.layer_spans("mark") == [owl]
    assert view.verticalScrollBar().value() > 0
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(owl[0]))
    rect = view.cursorRect(cursor)
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    # Revealing a span already in view does not move the page.
    value = view.verticalScrollBar().value()
    near = spans_of(doc.text, "the very end")[0]
    view.reveal(*near)
    assert view.verticalScrollBar().value() == value
    assert view.layer_spans("mark") == [near]


def test_loaded_file_with_emoji_maps_sentences_exactly(view: ArticleView, write_file) -> None:
    path = write_file(
        "emoji.txt",
        "Space Notes 🚀\n\nThe probe 🛰️ sent data. Scientists 👩‍🔬 cheered loudly.\n\n"
        "Next week 📅 the team meets again.\n",
    )
    document = load_document(path)
    view.show_document(document)
    assert view.toPlainText() == document.text
    words = [w for w in ("data", "cheered", "again") if w in document.text]
    spans = [spans_of(document.text, w)[0] for w in words]
    view.set_layer("entity", spans, theme.ENTITY)
    assert selections_by_text(view) == words
