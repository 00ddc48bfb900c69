"""The speaker × target matrix and the portrayal bars, with real analyses and real widgets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

import reader
from reader import Portrayal
from tests.reader.test_portrayal import FERRY
from ui.main_window import MainWindow
from ui.panels.entity_delegate import bar_widths
from ui.panels.entity_model import PORTRAYAL_COLUMN, PORTRAYAL_ROLE
from ui.panels.entity_sidebar import EntitySidebar
from ui.panels.stance_matrix import (
    CELL_ROLE,
    NO_DOCUMENT,
    NO_MATRIX,
    StanceMatrixPanel,
    cell_colour,
)
from ui.settings import Settings
from ui.tasks import AnalysisController

from .window_helpers import TIMEOUT


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("matrix") / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    document = reader.load_document(path)
    return document, reader.analyze(document)


@pytest.fixture
def panel(qtbot, analysed):
    widget = StanceMatrixPanel()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show_statements(analysed[1].statements)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_cell(qtbot, panel: StanceMatrixPanel, speaker: str, target: str) -> None:
    table = panel.table()
    rect = table.visualRect(panel.cell_index(speaker, target))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_rows_are_speakers_and_columns_the_names_they_speak_about(panel, analysed):
    matrix = panel.matrix()
    assert matrix == reader.speaker_target_matrix(analysed[1].statements, 25, 25)
    table = panel.table()
    assert table.rowCount() == 2 and table.columnCount() == 1
    speakers = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert sorted(speakers) == ["Elena Ruiz", "Tom Becker"]
    assert table.horizontalHeaderItem(0).text() == "Harbour Authority"
    for speaker, label in (("Elena Ruiz", "supportive"), ("Tom Becker", "critical")):
        index = panel.cell_index(speaker, "Harbour Authority")
        cell = index.data(CELL_ROLE)
        assert cell.label == label and index.data() == "2"
        shown = index.data(Qt.ItemDataRole.BackgroundRole).color()
        assert shown == cell_colour(cell)
        assert shown.rgb() == QColor(reader.STANCE_COLOURS[label].highlight).rgb()
        assert f"2 statements, 2 {label}" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_cell_lists_its_statements_and_marks_them(qtbot, panel, analysed):
    statements = analysed[1].statements
    becker = [
        s
        for s in statements
        if s.speaker.entity == "Tom Becker" and "Harbour Authority" in s.targets
    ]
    assert panel.statement_list().count() == 0
    with qtbot.waitSignal(panel.cellActivated) as marked:
        click_cell(qtbot, panel, "Tom Becker", "Harbour Authority")
    assert marked.args == [[(s.content.start, s.content.end) for s in becker]]
    listed = panel.statement_list()
    assert listed.count() == 2
    assert listed.item(0).text().startswith("[critical] blasted: ")
    first = listed.visualItemRect(listed.item(0)).center()
    with qtbot.waitSignal(panel.statementActivated) as shown:
        qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert shown.args == [becker[0].content.start, becker[0].content.end]


def test_enter_on_a_cell_picks_it(qtbot, panel):
    table = panel.table()
    table.setFocus()
    table.setCurrentIndex(panel.cell_index("Elena Ruiz", "Harbour Authority"))
    with qtbot.waitSignal(panel.cellActivated):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert panel.statement_list().count() == 2


def test_column_headers_stand_upright_to_fit_many_names(panel):
    header = panel.table().horizontalHeader()
    width = header.fontMetrics().horizontalAdvance("Harbour Authority")
    assert header.sizeHint().height() >= width
    assert header.sectionSize(0) < width


def test_messages(qtbot, panel):
    assert panel.message() is None
    lonely = reader.Statement(
        speaker=reader.Speaker(None, None, "(article)"),
        cue=None,
        content=reader.TextRef(0, 1, "x"),
        label="neutral",
        score=0.0,
    )
    panel.show_statements([lonely])
    assert panel.message() == NO_MATRIX
    panel.clear()
    assert panel.message() == NO_DOCUMENT


# --- portrayal bars ------------------------------------------------------------------------


@pytest.fixture
def sidebar(qtbot, analysed):
    widget = EntitySidebar()
    qtbot.addWidget(widget)
    widget.resize(320, 500)
    widget.show_entities(analysed[1].entities)
    widget.show_portrayals(analysed[1].portrayals)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def authority_index(sidebar: EntitySidebar, column: int):
    model = sidebar.tree().model()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            if model.index(r, 0, group).data() == "Harbour Authority":
                return model.index(r, column, group)
    raise AssertionError("Harbour Authority is not shown")


def test_each_entity_has_a_bar_of_its_portrayal(qtbot, sidebar, analysed):
    index = authority_index(sidebar, PORTRAYAL_COLUMN)
    portrayal = index.data(PORTRAYAL_ROLE)
    assert portrayal == analysed[1].portrayal_of("Harbour Authority")
    # said in words too: the tooltip (rich text) and the row's description (plain)
    assert reader.portrayal_phrase(portrayal) in index.data(Qt.ItemDataRole.ToolTipRole)
    description = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Portrayed: " + reader.portrayal_phrase(portrayal) in description
    # the bar is painted: both ends of it carry their label's colour
    tree = sidebar.tree()
    rect = tree.visualRect(index)
    image = tree.viewport().grab(rect).toImage()
    colours = {image.pixelColor(x, image.height() // 2).rgb() for x in range(image.width())}
    for label, count in (("positive", portrayal.positive), ("negative", portrayal.negative)):
        expected = QColor(reader.PORTRAYAL_COLOURS[label].highlight)
        near = any(
            abs(QColor(c).red() - expected.red()) < 40
            and abs(QColor(c).green() - expected.green()) < 40
            and abs(QColor(c).blue() - expected.blue()) < 40
            for c in colours
        )
        assert near == bool(count), label


def test_bar_shares_follow_the_counts():
    widths = bar_widths(Portrayal("X", 1, 2, 1, 4), 40)
    assert widths == [("positive", 10), ("neutral", 20), ("negative", 10)]
    assert bar_widths(Portrayal("X", 0, 0, 0, 3), 40) == []


def test_new_entities_drop_the_old_portrayals(sidebar, analysed):
    sidebar.show_entities(analysed[1].entities)
    assert authority_index(sidebar, PORTRAYAL_COLUMN).data(PORTRAYAL_ROLE) is None


# --- in the window ----------------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path, spacy_model) -> Iterator[MainWindow]:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings, AnalysisController(cache=None))
    qtbot.addWidget(win)
    yield win
    win.close()


def test_a_hidden_matrix_fills_itself_when_shown(qtbot, analysed):
    widget = StanceMatrixPanel()
    qtbot.addWidget(widget)
    widget.show_statements(analysed[1].statements)
    assert widget._table.rowCount() == 0  # not built for a tab nobody sees
    widget.show()
    qtbot.waitExposed(widget)
    assert widget._table.rowCount() == 2
    widget.show_message("Finding who says what…")
    widget.hide()
    widget.show_statements(())
    assert widget.message() == NO_MATRIX  # asking brings it up to date


def test_the_window_shows_the_matrix_and_the_bars(qtbot, window, write_file):
    path = write_file("ferry.txt", FERRY)
    window.show()
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_file(path)
    matrix = window.side.matrix_panel
    assert matrix.message() is None
    assert set(matrix.matrix().speakers) == {"Elena Ruiz", "Tom Becker"}
    authority = next(e for e in window.analysis.entities if e.name == "Harbour Authority")
    assert window.entity_sidebar.portrayal_of(authority) == window.analysis.portrayal_of(
        "Harbour Authority"
    )
    window.side.tabs.setCurrentWidget(matrix)
    click_cell(qtbot, matrix, "Elena Ruiz", "Harbour Authority")
    ruiz = [s for s in window.analysis.statements if s.speaker.entity == "Elena Ruiz"]
    assert window.article_view.layer_spans("mark") == sorted(
        (s.content.start, s.content.end) for s in ruiz
    )
