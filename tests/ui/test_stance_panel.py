"""The stance panel with real widgets, over a real document loaded from disk."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

import reader
from reader.models import Document, Speaker, Statement, TargetStance, TextRef
from ui.panels.stance_delegate import (
    GROUP_ROLE,
    KIND_ROLE,
    SHOWN_ROLE,
    SPEAKER,
    STATEMENT,
    STATEMENT_ROLE,
)
from ui.panels.stance_groups import (
    ARTICLE_KEY,
    ARTICLE_NAME,
    LABELS,
    group_by_speaker,
    leaning,
    pill_text,
    speaker_key,
    targets_text,
)
from ui.panels.stance_panel import ALL_SPEAKERS, NO_MATCH, NO_STATEMENTS, StancePanel

ARTICLE = """Harbour plan splits the council

The city council on Tuesday approved a plan to rebuild the old harbour, after months of debate.

"This plan will bring jobs and life back to the waterfront," said Maria Lopez, the mayor.

Critics were less kind. "It is a reckless waste of public money," said Tom Becker, an opponent.

A city official said the work would begin in the spring. She said she was proud of the council.

A city official added that costs would be reviewed every year. Becker said the plan was a disaster.

Building the harbour will take four years.
"""


def ref(text: str, needle: str, after: int = 0) -> TextRef:
    start = text.index(needle, after)
    return TextRef(start, start + len(needle), needle)


def statement(
    document: Document,
    speaker: str | None,
    cue: str | None,
    content: str,
    label: str,
    score: float,
    *,
    entity: str | None = None,
    targets: tuple[str, ...] = (),
    reasons: tuple[str, ...] = (),
    after: int = 0,
) -> Statement:
    """A Statement whose speaker, cue and content are found in ``document.text``."""
    text = document.text
    body = ref(text, content, after)
    if speaker is None:
        who = Speaker(None, None, "(article)")
        cue_ref = None
    else:
        spoken = ref(text, speaker, max(0, body.start - 200))
        who = Speaker(spoken.start, spoken.end, spoken.text, entity)
        cue_ref = ref(text, cue, min(spoken.start, body.start)) if cue else None
    return Statement(
        speaker=who,
        cue=cue_ref,
        content=body,
        label=label,  # type: ignore[arg-type]
        score=score,
        targets=targets,
        reasons=reasons,
        direct=text[body.start - 1] == '"' if body.start else False,
    )


@pytest.fixture
def document(write_file) -> Document:
    return reader.load_document(str(write_file("harbour.txt", ARTICLE)))


@pytest.fixture
def statements(document: Document) -> list[Statement]:
    t = document.text
    official_2 = t.index("A city official added")
    return [
        statement(
            document,
            "Maria Lopez",
            "said",
            "This plan will bring jobs and life back to the waterfront,",
            "supportive",
            0.6,
            entity="Maria Lopez",
            targets=("harbour plan",),
            reasons=("'bring jobs' leans supportive",),
        ),
        statement(
            document,
            "Tom Becker",
            "said",
            "It is a reckless waste of public money,",
            "critical",
            -0.8,
            entity="Tom Becker",
            reasons=("'reckless' leans critical", "'waste' leans critical"),
        ),
        statement(
            document,
            "A city official",
            "said",
            "the work would begin in the spring",
            "neutral",
            0.0,
        ),
        # "She" resolved to the mayor: grouped under the entity, not as written
        statement(
            document,
            "She",
            "said",
            "she was proud of the council",
            "supportive",
            0.5,
            entity="Maria Lopez",
            targets=("city council",),
        ),
        statement(
            document,
            "A city official",
            "added",
            "costs would be reviewed every year",
            "neutral",
            0.05,
            after=official_2,
        ),
        statement(
            document,
            "Becker",
            "said",
            "the plan was a disaster",
            "critical",
            -0.7,
            entity="Tom Becker",
        ),
        statement(
            document,
            None,
            None,
            "Building the harbour will take four years.",
            "neutral",
            0.0,
        ),
    ]


@pytest.fixture
def panel(qtbot) -> StancePanel:
    widget = StancePanel()
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def top_items(panel: StancePanel):
    tree = panel.tree()
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def statement_rows(panel: StancePanel) -> list[Statement]:
    rows = []
    for top in top_items(panel):
        assert top.data(0, KIND_ROLE) == SPEAKER
        for j in range(top.childCount()):
            child = top.child(j)
            assert child.data(0, KIND_ROLE) == STATEMENT
            rows.append(child.data(0, STATEMENT_ROLE))
    return rows


def test_groups_by_speaker_with_counts(panel, statements):
    panel.show_statements(statements)
    groups = {
        top.data(0, GROUP_ROLE).name: [
            top.child(j).data(0, STATEMENT_ROLE) for j in range(top.childCount())
        ]
        for top in top_items(panel)
    }
    # "She" and "Maria Lopez" resolve to one entity; the unresolved official
    # groups by its text; the unattributed sentence by the article itself
    assert set(groups) == {"Maria Lopez", "Tom Becker", "A city official", ARTICLE_NAME}
    assert [s.speaker.text for s in groups["Maria Lopez"]] == ["Maria Lopez", "She"]
    assert [s.cue.text for s in groups["A city official"]] == ["said", "added"]
    assert len(groups["Tom Becker"]) == 2
    # each group's row knows its count, and groups come most-quoted first
    for top in top_items(panel):
        assert top.data(0, SHOWN_ROLE) == top.childCount() == top.data(0, GROUP_ROLE).count
    counts = [top.childCount() for top in top_items(panel)[:-1]]
    assert counts == sorted(counts, reverse=True)
    # every statement is shown exactly once, in article order within its group
    assert Counter(map(id, statement_rows(panel))) == Counter(map(id, statements))
    for rows in groups.values():
        assert [s.content.start for s in rows] == sorted(s.content.start for s in rows)
    assert panel.message() is None


def test_article_itself_groups_unattributed_statements_last(panel, statements):
    panel.show_statements(statements)
    last = top_items(panel)[-1]
    group = last.data(0, GROUP_ROLE)
    assert group.key == ARTICLE_KEY and group.name == ARTICLE_NAME
    assert [s.speaker.start for s in group.statements] == [None]
    # the article itself still counts as a source in the speaker filter
    combo = panel.speaker_combo()
    assert combo.findData(ARTICLE_KEY) == combo.count() - 1


def test_unresolved_speakers_group_by_text_whatever_the_case(document):
    a = statement(document, "A city official", "said", "the work would begin", "neutral", 0.0)
    b = Statement(
        Speaker(a.speaker.start, a.speaker.end, "a city  official"), None, a.content, "neutral", 0
    )
    assert speaker_key(a)[0] == speaker_key(b)[0]
    assert [g.count for g in group_by_speaker([a, b])] == [2]


def test_label_chips_filter_tree_and_spans(panel, qtbot, statements):
    panel.show_statements(statements)
    everything = panel.label_spans()
    assert set(everything) == set(LABELS)
    assert sum(map(len, everything.values())) == len(statements)

    with qtbot.waitSignal(panel.highlightsChanged):
        qtbot.mouseClick(panel.chip("critical"), Qt.MouseButton.LeftButton)
    assert panel.label_filter() == "critical"
    visible = panel.visible_statements()
    assert visible and {s.label for s in visible} == {"critical"}
    assert statement_rows(panel) == visible
    # groups without a critical statement disappear; the rest say "n of m"
    assert [top.data(0, GROUP_ROLE).name for top in top_items(panel)] == ["Tom Becker"]
    expected = sorted((s.content.start, s.content.end) for s in statements if s.label == "critical")
    assert panel.label_spans() == {"supportive": [], "critical": expected, "neutral": []}

    qtbot.mouseClick(panel.chip("supportive"), Qt.MouseButton.LeftButton)
    maria = top_items(panel)[0]
    assert maria.data(0, GROUP_ROLE).name == "Maria Lopez"
    assert maria.data(0, SHOWN_ROLE) == 2

    qtbot.mouseClick(panel.chip(None), Qt.MouseButton.LeftButton)
    assert panel.label_filter() is None
    assert len(panel.visible_statements()) == len(statements)


def test_speaker_filter_and_combined_filters(panel, qtbot, statements):
    panel.show_statements(statements)
    combo = panel.speaker_combo()
    assert combo.itemData(0) == ALL_SPEAKERS
    keys = [combo.itemData(i) for i in range(1, combo.count())]
    assert keys == [g.key for g in panel.speaker_groups()]

    with qtbot.waitSignal(panel.highlightsChanged):
        combo.setCurrentIndex(combo.findData("text:a city official"))
    assert [s.speaker.text for s in panel.visible_statements()] == ["A city official"] * 2
    assert [top.data(0, GROUP_ROLE).key for top in top_items(panel)] == ["text:a city official"]
    spans = panel.label_spans()
    assert spans["neutral"] == [(s.content.start, s.content.end) for s in statements[2::2][:2]]
    assert spans["supportive"] == spans["critical"] == []

    # the official never speaks critically: nothing matches, the panel says so
    panel.set_label_filter("critical")
    assert panel.visible_statements() == []
    assert panel.message() == NO_MATCH
    assert panel.label_spans() == {label: [] for label in LABELS}

    panel.set_speaker_filter(None)
    assert panel.message() is None
    assert {s.speaker.entity for s in panel.visible_statements()} == {"Tom Becker"}
    # the header counts what the filters let by
    shown = len(panel.visible_statements())
    header = panel.findChild(QLabel, "stanceHeader").text()
    assert header == f"{shown} of {len(statements)} statements · 1 source shown"
    panel.set_label_filter(None)
    assert (
        panel.findChild(QLabel, "stanceHeader").text().startswith(f"{len(statements)} statements")
    )


def test_filters_survive_new_statements_when_they_still_apply(panel, statements):
    panel.show_statements(statements)
    panel.set_label_filter("neutral")
    panel.set_speaker_filter("entity:Tom Becker")
    assert panel.message() == NO_MATCH
    panel.show_statements([s for s in statements if s.speaker.entity != "Tom Becker"])
    assert panel.speaker_filter() is None  # that speaker is gone
    assert panel.label_filter() == "neutral"
    assert {s.label for s in panel.visible_statements()} == {"neutral"}


def test_click_and_enter_emit_the_content_span(panel, qtbot, statements):
    panel.show_statements(statements)
    tree = panel.tree()
    target = statements[1]  # Tom Becker's quote
    item = panel.statement_item(target)
    assert item is not None
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    assert rect.isValid()
    with qtbot.waitSignal(panel.statementActivated) as blocker:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [target.content.start, target.content.end]
    assert tree.currentItem() is item  # the row stays marked

    other = statements[4]
    tree.setCurrentItem(panel.statement_item(other))
    tree.setFocus()
    with qtbot.waitSignal(panel.statementActivated) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == [other.content.start, other.content.end]
    # the marked row is marked again when the tree is rebuilt (new statements, a filter)
    panel.show_statements(statements)
    assert tree.currentItem() is panel.statement_item(other)
    assert tree.currentItem().data(0, STATEMENT_ROLE) is other


def test_speaker_rows_do_not_activate_and_enter_folds_them(panel, qtbot, statements):
    panel.show_statements(statements)
    tree = panel.tree()
    top = top_items(panel)[0]
    with qtbot.assertNotEmitted(panel.statementActivated):
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(top).center()
        )
    assert top.isExpanded()
    tree.setCurrentItem(top)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert not top.isExpanded()
    # a folded speaker stays folded when the filters rebuild the tree
    key = top.data(0, GROUP_ROLE).key
    panel.set_label_filter(None)
    panel.set_label_filter(top.data(0, GROUP_ROLE).statements[0].label)
    assert not panel.speaker_item(key).isExpanded()


def test_tooltip_explains_the_label(panel, statements):
    panel.show_statements(statements)
    becker = statements[1]
    tip = panel.statement_item(becker).toolTip(0)
    assert "Critical (100 % sure)" in tip
    for reason in becker.reasons:
        assert reason in tip
    # What the view and screen readers get, through the model.
    index = panel.tree().indexFromItem(panel.statement_item(becker))
    assert index.data(Qt.ItemDataRole.ToolTipRole) == tip
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Critical (100 % sure): ")
    assert becker.content.text.split()[0] in spoken


def test_an_unsure_label_looks_unsure(panel, statements):
    unsure = replace(
        statements[1],
        confidence=0.45,
        stances=(TargetStance("Harbour Authority", "critical", 0.45),),
        targets=("Harbour Authority",),
    )
    panel.show_statements([statements[0], unsure])
    tip = panel.statement_item(unsure).toolTip(0)
    assert "Perhaps critical (45 % sure: uncertain)" in tip
    assert pill_text(unsure) == "critical?" and pill_text(statements[0]) == "supportive"
    assert targets_text(unsure) == "→ Harbour Authority (critical?)"
    spoken = panel.statement_item(unsure).data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Perhaps critical")


def test_empty_list_and_messages(panel, qtbot, statements):
    panel.show_statements([])
    assert panel.message() == NO_STATEMENTS
    assert panel.visible_statements() == []
    assert panel.label_spans() == {label: [] for label in LABELS}

    panel.show_statements(statements)
    with qtbot.waitSignal(panel.highlightsChanged):
        panel.show_message("Finding statements…")
    assert panel.message() == "Finding statements…"
    assert panel.visible_statements() == []
    assert panel.tree().topLevelItemCount() == 0
    assert not panel.speaker_combo().isEnabled()

    panel.show_statements(statements)
    panel.clear()
    assert panel.message() and panel.statements() == ()


def test_highlight_toggle(panel, qtbot, statements):
    panel.show_statements(statements)
    assert panel.highlights_enabled()
    with qtbot.waitSignal(panel.highlightsChanged):
        panel.set_highlights_enabled(False)
    assert not panel.highlights_enabled()
    # the spans are still there for when the toggle comes back on
    assert sum(map(len, panel.label_spans().values())) == len(statements)


@pytest.mark.parametrize("width", [260, 700])
def test_paints_at_narrow_and_wide_widths(panel, qtbot, statements, width):
    panel.show_statements(statements)
    panel.resize(width, 600)
    qtbot.waitUntil(lambda: panel.width() == width)
    image = panel.grab().toImage()
    assert not image.isNull() and image.width() == width
    chip = panel.chip("critical")
    # narrow panels drop the label names from the chips but keep the counts
    assert chip.text() == ("2" if width < 400 else "Critical 2")
    assert chip.geometry().right() <= panel.width()


@pytest.mark.parametrize(
    ("labels", "words"),
    [
        (["critical"], "critical"),
        (["critical", "critical"], "all critical"),
        (["critical", "critical", "neutral"], "mostly critical"),
        (["critical", "supportive"], "mixed"),
        (["supportive", "supportive", "critical", "critical", "neutral"], "mixed"),
        ([], ""),
    ],
)
def test_leaning_words(labels, words):
    assert leaning(labels) == words


def test_statements_from_the_core(panel, qtbot, write_file, spacy_model):
    """The panel shows what ``reader.analyze`` finds in an article with quotes."""
    document = reader.load_document(str(write_file("harbour.txt", ARTICLE)))
    analysis = reader.analyze(document, stages=("stance",))
    found = analysis.statements
    assert len(found) >= 2  # two quotes with "said" and a name
    panel.show_statements(found)
    assert Counter(map(id, statement_rows(panel))) == Counter(map(id, found))
    for top in top_items(panel):
        group = top.data(0, GROUP_ROLE)
        assert {speaker_key(s)[0] for s in group.statements} == {group.key}
    spans = panel.label_spans()
    assert sorted(p for v in spans.values() for p in v) == sorted(
        (s.content.start, s.content.end) for s in found
    )
    first = top_items(panel)[0].child(0)
    wanted = first.data(0, STATEMENT_ROLE)
    panel.tree().scrollToItem(first)
    with qtbot.waitSignal(panel.statementActivated) as blocker:
        qtbot.mouseClick(
            panel.tree().viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.tree().visualItemRect(first).center(),
        )
    assert blocker.args == [wanted.content.start, wanted.content.end]
    assert document.text[blocker.args[0] : blocker.args[1]] == wanted.content.text
