"""Documents and windows for the reading tests (find, zoom, themes, contents, position)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.models import Block, Document
from reader.run.cache import AnalysisCache
from ui import appearance, theme
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.tasks import AnalysisController


def make_document(parts: list[tuple[str, str]], path: str = "test.txt") -> Document:
    """A document from ``(kind, text)`` blocks separated by blank lines (headings: level 1,
    or the level after a colon: ``"heading:2"``)."""
    text, blocks, position = "", [], 0
    for kind, part in parts:
        if text:
            text += "\n\n"
            position += 2
        name, _, level = kind.partition(":")
        depth = int(level) if level else (1 if name == "heading" else 0)
        blocks.append(Block(position, position + len(part), name, depth))  # type: ignore[arg-type]
        text += part
        position += len(part)
    title = next((p for k, p in parts if k == "title"), "")
    return Document(path, text, title, tuple(blocks), "text")


#: Emoji, a flag, musical and mathematical letters beyond the BMP, around the words found.
EMOJI_DOC = make_document(
    [
        ("title", "Harbour 🚀 Day"),
        ("paragraph", "The crew 👩‍🚀👨‍🚀 waved at the harbour. Ana 🇧🇷 led the count."),
        ("quote", "“We sail 🌕 now,” said Ana at the Harbour wall."),
        ("paragraph", "Music 𝄞 played; the 𝔐𝔬𝔬𝔫 shone on the harbourside 😀 all night."),
    ]
)


def book(chapters: int = 12, paragraphs: int = 30) -> Document:
    """A long document with chapter headings and section headings under them."""
    parts: list[tuple[str, str]] = [("title", "A Book of Harbours")]
    for chapter in range(1, chapters + 1):
        parts.append(("heading:1", f"CHAPTER {chapter}. The Harbour at Dawn"))
        for paragraph in range(paragraphs):
            if paragraph == paragraphs // 2:
                parts.append(("heading:2", f"Part {chapter}.{paragraph}"))
            parts.append(
                (
                    "paragraph",
                    f"Paragraph {paragraph} of chapter {chapter}: the boats came in one by one, "
                    "the gulls wheeled over the quay, and the keeper wrote it all in his log.",
                )
            )
    return make_document(parts, "book.txt")


def settings_at(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def windows(
    qtbot, tmp_path: Path, cache: AnalysisCache | None = None
) -> Iterator[Callable[[], MainWindow]]:
    """Make windows on one temporary settings file (a new window is a restart) and one
    cache; a ``make_window`` fixture yields from it."""
    made: list[MainWindow] = []
    settings_file = tmp_path / "settings" / "article-reader.ini"
    cache = cache or AnalysisCache(tmp_path / "cache" / "analyses.sqlite3")

    def make() -> MainWindow:
        window = MainWindow(settings_at(settings_file), AnalysisController(cache=cache))
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        assert window.controller.pool.activeThreadCount() == 0
    # A theme is the application's palette: the next test starts from the desktop's.
    QApplication.setPalette(appearance.system_palette())
    theme.set_paper("light")


def show(window: MainWindow, document: Document) -> None:
    """Show ``document`` in ``window`` as a loaded file would be, without an analysis."""
    window.article_view.show_document(document)
    window.article_pane.show_title(document)
    window._reading_document_loaded(document, False)


def shown_window(
    make_window: Callable[[], MainWindow],
    qtbot,
    document: Document,
    size: tuple[int, int] = (1000, 650),
) -> MainWindow:
    """A new window of ``size`` on screen, showing ``document`` laid out whole."""
    window = make_window()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    show(window, document)
    qtbot.waitUntil(lambda: not window.article_view.is_loading(), timeout=20_000)
    return window
