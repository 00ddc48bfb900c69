"""The entity sidebar tells the truth while filtering: group headers count what is
shown, the selection is what can be seen (Next/Previous never step through a hidden
entity) and the filter finds an entity by any of its names. Real analysis of a
hand-written article, real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton

import reader
from reader.entities.groups import ENTITY_GROUPS, group_of
from ui.panels.entity_sidebar import ENTITY_ROLE, NO_MATCH, EntitySidebar

from .entity_article import FERRY, forms, named, shown_entities, shown_groups


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("ferry") / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    document = reader.load_document(path)
    analysis = reader.analyze(document)
    return document, analysis


@pytest.fixture
def sidebar(qtbot, analysed):
    widget = EntitySidebar()
    qtbot.addWidget(widget)
    widget.resize(340, 700)
    widget.show_entities(analysed[1].entities, analysed[0].text)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _contains(entity, needle: str) -> bool:
    return any(needle.casefold() in form.casefold() for form in forms(entity))


def _expected_headers(entities, shown) -> list[tuple[str, str]]:
    """(label, mentions) of each group that keeps an entity, derived from the analysis."""
    headers = []
    for group in ENTITY_GROUPS:
        everyone = [e for e in entities if group_of(e.type) == group]
        kept = [e for e in shown if group_of(e.type) == group]
        if not kept:
            continue
        count = f"{len(kept)} of {len(everyone)}" if len(kept) < len(everyone) else len(everyone)
        headers.append((f"{group}  ({count})", str(sum(e.count for e in kept))))
    return headers


def test_group_headers_count_what_the_filter_shows(qtbot, sidebar, analysed):
    entities = analysed[1].entities
    vella = named(entities, "Clara Vella")
    qtbot.keyClicks(sidebar.filter_edit(), "vella")
    rows = shown_groups(sidebar)
    shown = [e for e in entities if _contains(e, "vella")]
    assert vella in shown
    assert [(label, count) for label, count, _, _ in rows] == _expected_headers(entities, shown)
    # People is filtered (the article names other people): its header says so.
    people = next(row for row in rows if row[0].startswith("People"))
    assert " of " in people[0] and "match the filter" in people[2]
    # Groups with nothing shown are gone.
    assert all(children for *_, children in rows)
    assert len(rows) < len({group_of(e.type) for e in entities})

    qtbot.keyClick(sidebar.filter_edit(), Qt.Key.Key_Escape)
    rows = shown_groups(sidebar)
    assert [(label, count) for label, count, _, _ in rows] == _expected_headers(entities, entities)
    assert not any(" of " in label for label, *_ in rows)


def test_the_filter_finds_an_entity_by_any_of_its_names(qtbot, sidebar, analysed):
    entities = analysed[1].entities
    usa = named(entities, "United States")
    assert "U.S." in usa.aliases and "U.S." not in usa.name  # found only by its alias
    edit = sidebar.filter_edit()
    for query in ("U.S.", "Zammit", "  mark   zammit ", "Malta", "gozo"):
        edit.setText(query)
        shown = shown_entities(sidebar)
        # Whatever the core says the query names (as ``stance --target`` does) is shown ...
        assert set(map(id, reader.matching_entities(entities, query))) <= set(map(id, shown))
        # ... and, while it is being typed, whatever contains it; nothing else.
        needle = " ".join(query.split())
        expected = [e for e in entities if _contains(e, needle)]
        assert sorted(e.name for e in shown) == sorted(e.name for e in expected), query
    edit.setText("U.S.")
    assert shown_entities(sidebar) == [usa]
    edit.setText("zammit")
    assert shown_entities(sidebar) == [named(entities, "Mark Zammit")]
    edit.setText("no such name")
    assert sidebar.message() == NO_MATCH


def test_a_hidden_selection_is_dropped_and_comes_back_with_the_filter(qtbot, sidebar, analysed):
    vella = named(analysed[1].entities, "Clara Vella")
    assert vella.count >= 3
    sidebar.select_entity(vella)
    sidebar.next_mention()  # at the second mention
    position = sidebar.findChild(QLabel, "mentionPosition")
    next_button = sidebar.findChild(QToolButton, "nextMention")
    assert position.text() == f"2 / {vella.count}"

    with qtbot.waitSignal(sidebar.entitySelected, timeout=2000) as dropped:
        qtbot.keyClicks(sidebar.filter_edit(), "zammit")
    assert dropped.args == [None]
    assert sidebar.selected_entity() is None
    assert sidebar.tree().selectionModel().selectedRows() == []
    assert not next_button.isEnabled() and position.text() == ""
    assert not sidebar.details().isVisibleTo(sidebar)
    # Next and Previous (F3, Shift+F3) never step through the hidden entity.
    with qtbot.assertNotEmitted(sidebar.mentionActivated):
        sidebar.next_mention()
        sidebar.previous_mention()

    # Shown again: selected again, at the same mention, without moving the article.
    with (
        qtbot.assertNotEmitted(sidebar.mentionActivated),
        qtbot.waitSignal(sidebar.entitySelected, timeout=2000) as back,
    ):
        qtbot.keyClick(sidebar.filter_edit(), Qt.Key.Key_Escape)
    assert back.args == [vella]
    assert [r.data(ENTITY_ROLE) for r in sidebar.tree().selectionModel().selectedRows()] == [vella]
    assert position.text() == f"2 / {vella.count}"
    with qtbot.waitSignal(sidebar.mentionActivated, timeout=2000) as stepped:
        sidebar.next_mention()
    assert stepped.args == [vella.mentions[2].start, vella.mentions[2].end]


def test_stepping_follows_the_entity_picked_among_those_shown(qtbot, sidebar, analysed):
    entities = analysed[1].entities
    vella, zammit = named(entities, "Clara Vella"), named(entities, "Mark Zammit")
    sidebar.select_entity(vella)
    edit = sidebar.filter_edit()
    qtbot.keyClicks(edit, "zammit")
    with qtbot.waitSignal(sidebar.mentionActivated, timeout=2000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)  # picks the first one shown
    assert sidebar.selected_entity() is zammit
    spans = []
    sidebar.mentionActivated.connect(lambda start, end: spans.append((start, end)))
    for _ in range(zammit.count):
        sidebar.next_mention()
    assert set(spans) == {(m.start, m.end) for m in zammit.mentions}
    # The filter cleared, the entity picked stays picked (the hidden one is forgotten).
    with qtbot.assertNotEmitted(sidebar.entitySelected):
        edit.clear()
    assert sidebar.selected_entity() is zammit


def test_selecting_an_entity_the_filter_hides_clears_the_filter(qtbot, sidebar, analysed):
    entities = analysed[1].entities
    usa = named(entities, "United States")
    sidebar.filter_edit().setText("zammit")
    with qtbot.waitSignal(sidebar.mentionActivated, timeout=2000):
        sidebar.select_entity(usa)  # from another panel, say
    assert sidebar.filter_edit().text() == ""
    rows = sidebar.tree().selectionModel().selectedRows()
    assert [r.data(ENTITY_ROLE) for r in rows] == [usa]


def test_new_entities_while_the_selection_is_hidden(qtbot, sidebar, analysed):
    """A reload while the filter hides the selection: it comes back when shown."""
    vella = named(analysed[1].entities, "Clara Vella")
    sidebar.select_entity(vella)
    sidebar.filter_edit().setText("zammit")
    with qtbot.assertNotEmitted(sidebar.entitySelected):
        sidebar.show_entities(analysed[1].entities, analysed[0].text)
    assert sidebar.selected_entity() is None
    with qtbot.waitSignal(sidebar.entitySelected, timeout=2000) as back:
        sidebar.filter_edit().clear()
    assert back.args == [vella]
