"""The window's theme: light, sepia, dark, or following the desktop's colour scheme.

A theme is a palette for the whole application (menus and dialogs too) and a
paper for the article's highlight colours (``theme.colours``). "Follow the
system" reads ``QStyleHints.colorScheme`` and switches live when the desktop
does (``colorSchemeChanged``), as calibre does; the desktop's own palette is
kept when it already matches the scheme.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from . import theme

_original: list[QPalette] = []  # the application's palette before any theme: the desktop's


def system_palette() -> QPalette:
    """The palette the application started with (the desktop's)."""
    if not _original:
        _original.append(QPalette(QGuiApplication.palette()))
    return QPalette(_original[0])


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(name: str) -> tuple[str, QPalette]:
    """The paper (``"light"``, ``"sepia"``, ``"dark"``) and the palette of theme ``name``."""
    if name == "system":
        desktop = system_palette()
        dark = system_is_dark()
        if theme.is_dark(desktop) == dark:
            return ("dark" if dark else "light"), desktop
        name = "dark" if dark else "light"
    if name == "dark":
        return "dark", theme.dark_palette()
    if name == "sepia":
        return "sepia", theme.sepia_palette()
    return "light", theme.light_palette()


class ThemeController(QObject):
    """Applies the chosen theme and follows the desktop while "system" is chosen.

    Signals:
        changed(str): the paper now shown ("light", "sepia" or "dark").
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        system_palette()  # remember the desktop's palette before changing it
        self._name: str = theme.DEFAULT_THEME
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    def name(self) -> str:
        return self._name

    def apply(self, name: str) -> None:
        self._name = name if name in theme.THEMES else theme.DEFAULT_THEME
        paper, palette = resolve(self._name)
        changed = paper != theme.paper() or palette != QGuiApplication.palette()
        theme.set_paper(paper)
        if palette != QGuiApplication.palette():
            QApplication.setPalette(palette)
        if changed:
            self.changed.emit(paper)

    @Slot(Qt.ColorScheme)
    def _on_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._name == "system":
            self.apply("system")
