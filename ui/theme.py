"""Colours, fonts and icons shared by the window and its panels.

Highlight colours are translucent so that the text keeps the palette's own
foreground colour and stays readable on light and dark backgrounds alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

import reader

# Layer colours: the alpha lets the base colour of either palette show through.
SUMMARY = QColor(255, 200, 40, 95)
ENTITY = QColor(70, 150, 255, 110)
MARK = QColor(255, 120, 40, 150)
# Statements cover much of an article: lighter than the summary, with a line in
# the label's colour under them (see ArticleView's "tint" style). The hues are
# the core's (reader.STANCE_COLOURS), shared with the printed report.
_STANCE_ALPHA = {"neutral": 60}


def _stance_highlight(label: str) -> QColor:
    colour = QColor(reader.STANCE_COLOURS[label].highlight)
    colour.setAlpha(_STANCE_ALPHA.get(label, 45))
    return colour


STANCE = {label: _stance_highlight(label) for label in reader.STANCE_LABELS}

# Serif faces that read well at length, best first; the first one installed wins.
_READING_FAMILIES = (
    "Charter",
    "Source Serif 4",
    "Source Serif Pro",
    "Literata",
    "Noto Serif",
    "Georgia",
    "Cambria",
    "DejaVu Serif",
    "Liberation Serif",
    "Times New Roman",
)

READING_POINT_SIZE = 12.5
READING_LINE_HEIGHT = 155  # percent of the font's line spacing
READING_MAX_WIDTH_EM = 38  # a comfortable measure: about 70 characters a line


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def reading_font() -> QFont:
    """A serif font for the article, or the system font when none is installed."""
    installed = set(QFontDatabase.families())
    font = QFont(QApplication.font())
    for family in _READING_FAMILIES:
        if family in installed:
            font = QFont(family)
            break
    font.setPointSizeF(READING_POINT_SIZE)
    return font


def icon(theme_name: str, fallback: QStyle.StandardPixmap | None = None) -> QIcon:
    """The desktop theme's icon, else a QStyle standard icon, else an empty icon."""
    themed = QIcon.fromTheme(theme_name)
    if not themed.isNull():
        return themed
    if fallback is not None:
        return QApplication.style().standardIcon(fallback)
    return QIcon()
