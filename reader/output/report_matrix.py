"""Who speaks about whom, for the printed report: the speaker × target matrix as an HTML
table, and the light tints of the palette's colours that it and the entity table use.

Rows are the most active speakers, columns the most named targets
(``report.report_matrix`` chooses them and says what it leaves out). A cell
shows its statements by stance in marks that read without colour ("▲2 ▼1"),
and its background is the balance, tinted from ``palette.STANCE_COLOURS``:
stronger the more one-sided. The HTML keeps to what Qt's rich text lays out.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..models import StanceLabel, Statement
from ..statements.matrix import MatrixCell, StanceMatrix
from .palette import STANCE_COLOURS
from .report import STANCE_MARKS, cell_phrase, matrix_legend, report_matrix

ZEBRA = "#f4f6f9"  # as the report's other tables
#: How far a tint goes from white toward the colour (0 white, 1 the colour itself).
TINT_LIGHTEST = 0.16
TINT_STEP = 0.08  # stronger by this for each statement of difference, from 1 to 3
#: Column widths, in mm of an A4 page's 174 mm of text: each fits the longest word of
#: its names (so that a header breaks between words, never inside one), and has a floor.
TEXT_WIDTH_MM = 174
HEADER_UNIT_MM = 1.6  # an average letter of the targets' header font (see _units)
SPEAKER_UNIT_MM = 2.4  # of the speakers' font
CELL_PADDING_MM = 4.5  # padding and spacing
TARGET_COLUMN_MM = 15
SPEAKER_COLUMN_MM = 30
_NARROW = frozenset("fijlrtI.,:;'!()-")
_WIDE = frozenset("mwMW")

MATRIX_STYLE = """
th.target { white-space: normal; text-align: center; font-size: 7pt;
            font-family: 'DejaVu Sans Condensed', 'Arial Narrow', sans-serif; }
td.cell { text-align: center; white-space: nowrap; font-family: sans-serif; font-size: 8.5pt; }
td.speaker { font-size: 9pt; }
"""


def tint(colour: str, strength: float) -> str:
    """``colour`` ("#rrggbb") mixed with white: ``strength`` 0 is white, 1 the colour."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in channels)


def cell_colour(cell: MatrixCell) -> str:
    """The background of a cell: its net stance's highlight, lightly tinted."""
    steps = min(max(abs(cell.net), 1), 3)  # an even cell as light as a one-sided one
    return tint(STANCE_COLOURS[cell.label].highlight, TINT_LIGHTEST + TINT_STEP * steps)


def matrix_html(statements: Sequence[Statement]) -> str:
    """The matrix table with its legend; "" when no speaker names anyone."""
    matrix, left_out = report_matrix(statements)
    while len(matrix.targets) > 1 and sum(_least_widths(matrix)) > TEXT_WIDTH_MM:
        # Names too long for the page: fewer columns rather than words cut in two.
        matrix, left_out = report_matrix(statements, len(matrix.targets) - 1)
    if not matrix:
        return ""
    legend = escape(matrix_legend())
    for mark in STANCE_MARKS.values():  # a mark stays on the line of its meaning
        legend = legend.replace(f"{mark} ", f"{mark}&nbsp;")
    legend = f"<p class='meta'>{legend} {_colour_legend()}"
    if left_out:
        legend += f" {escape(left_out)}"
    return _matrix_table(matrix) + legend + "</p>"


def _matrix_table(matrix: StanceMatrix) -> str:
    widths = column_widths(matrix)
    width_mm = sum(widths)
    shares = [round(100 * w / width_mm) for w in widths]
    head = f"<th width='{shares[0]}%'>Speaker</th>" + "".join(
        f"<th class='target' width='{share}%'>{escape(t)}</th>"
        for t, share in zip(matrix.targets, shares[1:], strict=True)
    )
    rows = []
    for i, speaker in enumerate(matrix.speakers):
        blank = f"<td bgcolor='{ZEBRA}'></td>" if i % 2 else "<td></td>"
        cells = [f"<td class='speaker'><b>{escape(speaker)}</b></td>"]
        for target in matrix.targets:
            cell = matrix.cell(speaker, target)
            cells.append(_cell(cell) if cell else blank)
        shade = f" bgcolor='{ZEBRA}'" if i % 2 else ""
        rows.append(f"<tr{shade}>{''.join(cells)}</tr>")
    width = min(100, round(100 * width_mm / TEXT_WIDTH_MM))
    return (
        f"<table class='matrix' width='{width}%' cellspacing='2' cellpadding='3'>"
        f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
    )


def column_widths(matrix: StanceMatrix) -> list[float]:
    """The widths (mm) of the speaker column and each target's. Each column would
    have its floor; on a crowded page it gives that up first, down to the width of its
    longest word, and only then are all squeezed alike."""
    least = _least_widths(matrix)
    floors = [SPEAKER_COLUMN_MM] + [TARGET_COLUMN_MM] * len(matrix.targets)
    wanted = [max(w, floor) for w, floor in zip(least, floors, strict=True)]
    if sum(wanted) <= TEXT_WIDTH_MM:
        return wanted
    if sum(least) <= TEXT_WIDTH_MM:
        give = (sum(wanted) - TEXT_WIDTH_MM) / (sum(wanted) - sum(least))
        return [w - (w - m) * give for w, m in zip(wanted, least, strict=True)]
    return [m * TEXT_WIDTH_MM / sum(least) for m in least]


def _least_widths(matrix: StanceMatrix) -> list[float]:
    """The width (mm) of each column's longest word, speakers first."""
    speaker = max((_units(w) for name in matrix.speakers for w in name.split()), default=0.0)
    return [speaker * SPEAKER_UNIT_MM + CELL_PADDING_MM] + [
        max((_units(w) for w in target.split()), default=0.0) * HEADER_UNIT_MM + CELL_PADDING_MM
        for target in matrix.targets
    ]


def _units(word: str) -> float:
    """A word's width in average letters: narrow letters count less, wide ones more."""
    return sum(
        0.55 if c in _NARROW else 1.45 if c in _WIDE else 1.2 if c.isupper() else 1.0 for c in word
    )


def _cell(cell: MatrixCell) -> str:
    """A coloured cell; each count ("▼1") in its own stance's ink."""
    label_of: dict[str, StanceLabel] = {mark: label for label, mark in STANCE_MARKS.items()}
    parts = (
        f"<span style='color:{STANCE_COLOURS[label_of[part[0]]].ink}'>{escape(part)}</span>"
        for part in cell_phrase(cell).split()
    )
    return f"<td class='cell' bgcolor='{cell_colour(cell)}'>{' '.join(parts)}</td>"


def _colour_legend() -> str:
    """The colours of the balance, as small swatches with their meaning."""
    meanings: dict[StanceLabel, str] = {
        "supportive": "more supportive",
        "critical": "more critical",
        "neutral": "even",
    }
    swatches = []
    for label, meaning in meanings.items():
        colour = tint(STANCE_COLOURS[label].highlight, TINT_LIGHTEST + TINT_STEP * 2)
        swatches.append(
            f"<span style='background-color:{colour}'>&nbsp;&nbsp;&nbsp;</span> {meaning}"
        )
    return "Colour: the balance (" + ", ".join(swatches) + ")."
