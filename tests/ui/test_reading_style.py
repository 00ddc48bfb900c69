"""Zoom, reading settings and themes: what they change on screen, and that they are kept."""

from __future__ import annotations

import pytest
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication

from ui import appearance, theme
from ui.theme import ZOOM_STEPS, ReadingStyle

from .reading_samples import EMOJI_DOC, book, show, shown_window, windows


@pytest.fixture
def make_window(qtbot, tmp_path):
    yield from windows(qtbot, tmp_path)


def heading_size(window) -> float:
    view = window.article_view
    block = next(b for b in EMOJI_DOC.blocks if b.kind == "title")
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(block.start) + 1)
    return cursor.charFormat().fontPointSize()


def test_zoom_scales_text_and_title_and_is_kept_across_a_restart(make_window, qtbot) -> None:
    window = make_window()
    keys = window.commands["zoom_in"].shortcuts()
    assert QKeySequence("Ctrl++") in keys and QKeySequence("Ctrl+=") in keys
    assert window.commands["zoom_out"].shortcuts()[0] == QKeySequence("Ctrl+-")
    assert window.commands["zoom_reset"].shortcut() == QKeySequence("Ctrl+0")
    show(window, EMOJI_DOC)
    qtbot.waitUntil(lambda: not window.article_view.is_loading())
    size, title = window.article_view.font().pointSizeF(), heading_size(window)
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: not window.article_view.is_loading())
    zoom = window.article_view.reading_style().zoom
    assert zoom == ZOOM_STEPS[ZOOM_STEPS.index(1.0) + 2]
    assert window.article_view.font().pointSizeF() == pytest.approx(size * zoom)
    # The title (a block of the text) and the title label above the text scale alike.
    assert heading_size(window) == pytest.approx(title * zoom)
    assert window.title_label.font().pointSizeF() == pytest.approx(
        ReadingStyle().font().pointSizeF() * 1.45 * zoom
    )
    window.close()

    again = make_window()  # a restart: the same settings file
    assert again.article_view.reading_style().zoom == zoom
    assert again.article_view.font().pointSizeF() == pytest.approx(size * zoom)
    again.zoom_reset_action.trigger()
    assert again.article_view.font().pointSizeF() == pytest.approx(size)
    for _ in ZOOM_STEPS:
        again.zoom_out_action.trigger()
    assert again.article_view.reading_style().zoom == ZOOM_STEPS[0]
    assert not again.zoom_out_action.isEnabled() and again.zoom_in_action.isEnabled()


def reading_a_book_at(make_window, qtbot, size: tuple[int, int], paragraph: str):
    """A window of ``size`` showing a long book scrolled to ``paragraph``: the window,
    the paragraph's offset and where its line starts."""
    document = book(chapters=40)
    window = shown_window(make_window, qtbot, document, size)
    target = document.text.index(paragraph)
    window.article_view.scroll_to_offset(target)
    return window, target, document.text.rfind("\n", 0, target) + 1


def test_zoom_keeps_the_reader_in_place_in_a_long_text(make_window, qtbot) -> None:
    window, target, line = reading_a_book_at(
        make_window, qtbot, (900, 600), "Paragraph 7 of chapter 23"
    )
    view = window.article_view
    assert abs(view.top_offset() - target) < 5
    window.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    # The paragraph the reader was at is still at the top, in the new size.
    assert line - 5 <= view.top_offset() <= target + 40


def test_a_narrower_or_wider_window_keeps_the_reader_at_their_text(make_window, qtbot) -> None:
    window, target, line = reading_a_book_at(
        make_window, qtbot, (1200, 700), "Paragraph 3 of chapter 27"
    )
    view = window.article_view
    for width in (800, 1400, 1000):
        window.resize(width, 700)
        qtbot.waitUntil(lambda width=width: window.width() == width, timeout=5000)
        qtbot.wait(50)
        assert line - 5 <= view.top_offset() <= target + 60, width


def test_a_new_size_or_theme_leaves_every_line_its_height(make_window, qtbot) -> None:
    """The paragraph at the top, scrolled into its middle, is formatted again last:
    it once took the low height of a blank line and its lines were drawn over each other."""
    document = book(chapters=4)
    window = shown_window(make_window, qtbot, document, (900, 600))
    view = window.article_view
    paragraph = document.text.index("Paragraph 7 of chapter 3")
    view.scroll_to_offset(document.text.index("the gulls", paragraph))
    assert view._line_start(view.top_offset()) == paragraph
    window.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    assert squashed_lines(view) == []
    view.set_reading_style(view.reading_style().zoomed(0))
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    assert squashed_lines(view) == []


def squashed_lines(view) -> list[str]:
    """Lines with text that have the low height of a blank line (drawn on top of each other)."""
    out = []
    block = view.document().begin()
    while block.isValid():
        fixed = (
            block.blockFormat().lineHeightType()
            == QTextBlockFormat.LineHeightTypes.FixedHeight.value
        )
        if fixed and block.text().strip():
            out.append(block.text()[:40])
        block = block.next()
    return out


def test_reading_settings_change_font_spacing_and_width_and_are_kept(make_window, qtbot) -> None:
    window = make_window()
    show(window, EMOJI_DOC)
    window.show_reading_settings()
    dialog = window._reading_dialog
    assert dialog is not None and dialog.isVisible()
    family = theme.reading_families()[-1] if theme.reading_families() else "DejaVu Sans"
    dialog.font_combo.setCurrentFont(family)
    dialog.size_spin.setValue(15)
    dialog.spacing_spin.setValue(180)
    dialog.width_spin.setValue(60)
    qtbot.waitUntil(lambda: not window.article_view.is_loading())
    view = window.article_view
    assert view.font().pointSizeF() == pytest.approx(15)
    block = view.document().findBlock(view.positions.to_qt(EMOJI_DOC.blocks[1].start))
    assert block.blockFormat().lineHeight() == 180
    kept = window.settings.reading_style
    assert (kept.point_size, kept.line_height, kept.width_em) == (15, 180, 30)
    assert kept.family == dialog.font_combo.currentFont().family()
    dialog.close()
    again = make_window()
    assert again.article_view.reading_style() == kept


def test_a_theme_switch_changes_the_palette_and_the_highlights(make_window, qtbot) -> None:
    window = make_window()
    show(window, EMOJI_DOC)
    window.highlights.show_entity(None)
    block = EMOJI_DOC.blocks[1]
    window.article_view.set_layer("summary", [(block.start, block.end)], theme.colours().summary)
    light_base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    window.theme_dark_action.trigger()
    QApplication.processEvents()  # widgets take the application's palette from an event
    dark = QApplication.palette()
    assert theme.is_dark(dark) and not theme.is_dark(QPalette(light_base, light_base))
    assert window.article_view.palette().color(QPalette.ColorRole.Base) == dark.color(
        QPalette.ColorRole.Base
    )
    assert window.article_view.layers.colour("summary") == theme.colours().summary
    assert theme.paper() == "dark"
    window.theme_sepia_action.trigger()
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert base.red() > base.blue() + 10  # warm paper
    assert window.article_view.layers.colour("summary") == theme.colours().summary
    assert window.settings.theme == "sepia"
    window.close()
    again = make_window()
    assert again.theme_sepia_action.isChecked() and theme.paper() == "sepia"


def test_follow_the_system_picks_the_desktop_scheme(make_window, monkeypatch) -> None:
    window = make_window()
    window.theme_system_action.trigger()
    monkeypatch.setattr(appearance, "system_is_dark", lambda: True)
    window.themes._on_scheme_changed(QGuiApplication.styleHints().colorScheme())
    assert theme.is_dark(QApplication.palette()) and theme.paper() == "dark"
    monkeypatch.setattr(appearance, "system_is_dark", lambda: False)
    window.themes._on_scheme_changed(QGuiApplication.styleHints().colorScheme())
    assert not theme.is_dark(QApplication.palette()) and theme.paper() == "light"
    # Another theme chosen: the desktop's scheme no longer counts.
    window.theme_dark_action.trigger()
    window.themes._on_scheme_changed(QGuiApplication.styleHints().colorScheme())
    assert theme.paper() == "dark"


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _over(top: QColor, base: QColor) -> QColor:
    a = top.alphaF()
    return QColor.fromRgbF(*(a * t + (1 - a) * b for t, b in zip(
        (top.redF(), top.greenF(), top.blueF()), (base.redF(), base.greenF(), base.blueF()),
        strict=True)))  # fmt: skip


@pytest.mark.parametrize("paper", ["light", "sepia", "dark"])
def test_every_layer_stays_legible_on_each_paper(paper: str) -> None:
    """Text on each highlight (two stacked, as a mention in a summary sentence) keeps a
    contrast of at least 4.5 : 1 (WCAG AA for body text)."""
    palette = {"light": theme.light_palette, "sepia": theme.sepia_palette,
               "dark": theme.dark_palette}[paper]()  # fmt: skip
    theme.set_paper(paper)
    try:
        colours = theme.colours()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        fills = [
            colours.summary,
            colours.entity,
            colours.mark,
            colours.find,
            *colours.stance.values(),
        ]
        for fill in fills:
            unders = (base,) if fill is colours.summary else (base, _over(colours.summary, base))
            for under in unders:
                background = _over(fill, under)
                lighter, darker = sorted((_luminance(text), _luminance(background)), reverse=True)
                assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (paper, fill.name())
    finally:
        theme.set_paper("light")
