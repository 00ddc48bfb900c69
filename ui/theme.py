"""Colours, fonts and icons shared by the window and its panels; the themes.

Highlight colours are translucent so that the text keeps the palette's own
foreground colour. Each theme (light, sepia, dark) has its own set, tuned so
that every layer stays legible on its paper: on a dark page a translucent
yellow turns to mud unless it is stronger and lighter. The stance hues are the
core's (``reader.STANCE_COLOURS``), shared with the printed report; only their
strength changes with the theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

import reader

ThemeName = Literal["light", "sepia", "dark", "system"]
#: The themes, in menu order, with their menu text.
THEMES: MappingProxyType[ThemeName, str] = MappingProxyType(
    {"light": "&Light", "sepia": "&Sepia", "dark": "&Dark", "system": "Follow the S&ystem"}
)
DEFAULT_THEME: ThemeName = "system"


@dataclass(frozen=True)
class LayerColours:
    """The article's highlight colours on one kind of paper."""

    summary: QColor
    entity: QColor
    mark: QColor  # the current span: a clicked sentence, mention or find hit
    find: QColor  # every find hit
    stance: dict[str, QColor] = field(default_factory=dict)  # by stance label


def _stance(alpha: dict[str, int]) -> dict[str, QColor]:
    colours: dict[str, QColor] = {}
    for label in reader.STANCE_LABELS:
        colour = QColor(reader.STANCE_COLOURS[label].highlight)
        colour.setAlpha(alpha.get(label, alpha["default"]))
        colours[label] = colour
    return colours


_LIGHT = LayerColours(
    summary=QColor(255, 200, 40, 95),
    entity=QColor(70, 150, 255, 110),
    mark=QColor(255, 120, 40, 150),
    find=QColor(190, 90, 255, 90),
    # Statements cover much of an article: lighter than the summary, with a line
    # in the label's colour under them (see the "tint" layer style).
    stance=_stance({"neutral": 60, "default": 45}),
)
_SEPIA = LayerColours(
    summary=QColor(240, 170, 20, 90),
    entity=QColor(50, 125, 235, 95),
    mark=QColor(240, 100, 30, 140),
    find=QColor(170, 70, 235, 80),
    stance=_stance({"neutral": 70, "default": 55}),
)
# On dark paper a fill lightens the page under light text: weaker fills keep the
# contrast (4.5 : 1 at least, two layers stacked; tested).
_DARK = LayerColours(
    summary=QColor(255, 200, 50, 58),
    entity=QColor(80, 150, 255, 80),
    mark=QColor(255, 130, 50, 72),
    find=QColor(190, 110, 255, 80),
    stance=_stance({"neutral": 80, "default": 70}),
)
_COLOURS = {"light": _LIGHT, "sepia": _SEPIA, "dark": _DARK}

# The light set under the old names, for panels that draw a stance label's dot.
SUMMARY, ENTITY, MARK = _LIGHT.summary, _LIGHT.entity, _LIGHT.mark
STANCE = _LIGHT.stance

_current: list[str] = ["light"]  # the paper the window shows now: light, sepia or dark


def colours() -> LayerColours:
    """The highlight colours of the theme shown now."""
    return _COLOURS[_current[0]]


def layer_colour(name: str) -> QColor | None:
    """The colour of the article's layer ``name`` in the theme shown now (None: not ours)."""
    current = colours()
    if name.startswith("stance-"):
        return current.stance.get(name.removeprefix("stance-"))
    colour = getattr(current, name, None)
    return colour if isinstance(colour, QColor) else None


def set_paper(paper: str) -> None:
    """Say which paper the window shows (``"light"``, ``"sepia"`` or ``"dark"``)."""
    _current[0] = paper if paper in _COLOURS else "light"


def paper() -> str:
    return _current[0]


def _palette(
    window: str, base: str, text: str, highlight: str, *, dark: bool, alternate: str = ""
) -> QPalette:
    """A whole palette from a few colours (the rest derived the way Qt derives them)."""
    palette = QPalette(QColor(window))  # Qt's own derivation of the 3D shades
    role = QPalette.ColorRole
    ink, paper_colour = QColor(text), QColor(base)
    muted = QColor(ink)
    muted.setAlpha(150)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for r, colour in (
            (role.Window, QColor(window)),
            (role.WindowText, ink),
            (role.Base, paper_colour),
            (role.AlternateBase, QColor(alternate or window)),
            (role.Text, ink),
            (role.Button, QColor(window)),
            (role.ButtonText, ink),
            (role.ToolTipBase, QColor(base)),
            (role.ToolTipText, ink),
            (role.PlaceholderText, muted),
            (role.Highlight, QColor(highlight)),
            (role.HighlightedText, QColor("#ffffff")),
            (role.Link, QColor("#7ab4ff" if dark else "#1a5fb4")),
            (role.BrightText, QColor("#ff6b6b")),
        ):
            palette.setColor(group, r, colour)
    disabled = QColor(ink)
    disabled.setAlpha(110)
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    if dark:  # Qt derives the 3D shades for light windows; on dark ones, set them.
        for r, value in ((role.Light, "#5a5a5a"), (role.Midlight, "#464646"),
                         (role.Mid, "#3a3a3a"), (role.Dark, "#1a1a1a"),
                         (role.Shadow, "#0a0a0a")):  # fmt: skip
            palette.setColor(r, QColor(value))
    return palette


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


def sepia_palette() -> QPalette:
    return _palette("#ece2cc", "#f7f0e0", "#3d3125", "#a86b2d", dark=False, alternate="#f0e6d2")


def dark_palette() -> QPalette:
    return _palette("#2b2b2d", "#1e1f21", "#dadada", "#3d6fb4", dark=True, alternate="#26272a")


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
#: The zoom levels, as factors of the chosen size (browsers use about these).
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


@dataclass(frozen=True)
class ReadingStyle:
    """How the article is set: its font (family, size, zoom), line height and line width."""

    family: str = ""  # "": the first installed reading face
    point_size: float = READING_POINT_SIZE
    line_height: int = READING_LINE_HEIGHT  # percent
    width_em: int = READING_MAX_WIDTH_EM
    zoom: float = 1.0

    def font(self, scale: float = 1.0) -> QFont:
        font = reading_font(self.family)
        font.setPointSizeF(self.point_size * self.zoom * scale)
        return font

    def zoomed(self, steps: int) -> ReadingStyle:
        """This style ``steps`` zoom levels in (or out, when negative), within the levels."""
        if steps == 0:
            return replace(self, zoom=1.0)
        levels = ZOOM_STEPS
        if steps > 0:
            bigger = [z for z in levels if z > self.zoom + 1e-6]
            zoom = bigger[min(steps, len(bigger)) - 1] if bigger else levels[-1]
        else:
            smaller = [z for z in levels if z < self.zoom - 1e-6]
            zoom = smaller[max(steps, -len(smaller))] if smaller else levels[0]
        return replace(self, zoom=zoom)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def error_text(palette: QPalette | None = None) -> QColor:
    """Text that says something went wrong, readable on the palette's window colour."""
    return QColor("#ff8a80" if is_dark(palette) else "#b3261e")


def reading_families() -> tuple[str, ...]:
    """The reading faces this machine has, best first."""
    installed = set(QFontDatabase.families())
    return tuple(family for family in _READING_FAMILIES if family in installed)


def reading_font(family: str = "") -> QFont:
    """``family``, or a serif font for the article, or the system font when none is installed."""
    installed = set(QFontDatabase.families())
    font = QFont(QApplication.font())
    for name in (family, *_READING_FAMILIES):
        if name and name in installed:
            font = QFont(name)
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
