"""Each entity can be explained: its row's tooltip and the details pane under the list
say its kind, its other names, its first mention in context, how the article portrays
it and why its names were merged. Real analysis where the core gives the facts; an
Entity built by hand for merge reasons."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

import reader
from reader.models import Entity, Mention
from ui.main_window import MainWindow
from ui.panels.entity_explain import (
    ELLIPSIS,
    explain,
    explanation_html,
    explanation_text,
    mention_context,
)
from ui.panels.entity_sidebar import EntitySidebar
from ui.settings import Settings
from ui.tasks import AnalysisController

from .entity_article import FERRY, named, row_of

TOOLTIP = Qt.ItemDataRole.ToolTipRole
DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("ferry") / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    document = reader.load_document(path)
    return document, reader.analyze(document)


@pytest.fixture
def sidebar(qtbot, analysed):
    document, analysis = analysed
    widget = EntitySidebar()
    qtbot.addWidget(widget)
    widget.resize(340, 700)
    widget.show_entities(analysis.entities, document.text)
    widget.show_portrayals(analysis.portrayals)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _squash(text: str) -> str:
    return " ".join(text.split())


def _plain(html: str) -> str:
    inline = re.sub(r"</?(?:b|i|em|strong)>", "", html)  # no space where emphasis ends
    return _squash(re.sub(r"<[^>]+>", " ", inline).replace("&amp;", "&"))


def test_the_tooltip_explains_a_real_entity(sidebar, analysed):
    document, analysis = analysed
    vella = named(analysis.entities, "Clara Vella")
    tip = row_of(sidebar, vella).data(TOOLTIP)
    assert "Person (PERSON)" in tip and f"{vella.count} mentions" in tip
    assert "Also written as" in tip and all(alias in tip for alias in vella.aliases)
    # The first mention, emphasised, in its sentence as spaCy cut it.
    first = vella.mentions[0]
    sentence = next(s for s in analysis.sentences if s.start <= first.start < s.end)
    context = mention_context(document.text, first)
    assert context is not None and context.name == first.text
    assert context.text == _squash(document.text[sentence.start : sentence.end])
    assert f"<b>{first.text}</b>" in tip
    assert "First mention" in tip
    # How the article portrays her, in the words the report uses.
    portrayal = analysis.portrayal_of(vella.name)
    assert portrayal is not None
    assert reader.portrayal_phrase(portrayal) in tip
    # Nothing was merged with a reason here: no such line.
    assert ("Merged because" in tip) == bool(vella.merge_reasons)


def test_the_row_describes_itself_to_screen_readers(sidebar, analysed):
    vella = named(analysed[1].entities, "Clara Vella")
    row = row_of(sidebar, vella)
    description = row.data(DESCRIPTION)
    assert description == explanation_text(
        explain(vella, sidebar.portrayal_of(vella), analysed[0].text), title=False
    )
    # The same facts as the tooltip, in plain text.
    assert _plain(row.data(TOOLTIP)).startswith(vella.name)
    for line in description.splitlines():
        fact = line.split(": ", 1)[-1].strip("“”")
        assert _squash(fact) in _plain(row.data(TOOLTIP)), fact


def test_the_details_pane_follows_the_keyboard(qtbot, sidebar, analysed):
    zammit = named(analysed[1].entities, "Mark Zammit")
    details = sidebar.details()
    assert not details.isVisibleTo(sidebar)  # nothing selected
    sidebar.activateWindow()
    edit = sidebar.filter_edit()
    edit.setFocus()
    qtbot.keyClicks(edit, "zammit")
    qtbot.keyClick(edit, Qt.Key.Key_Down)  # to the first entity shown
    qtbot.keyClick(sidebar.tree(), Qt.Key.Key_Return)  # picks it
    assert sidebar.selected_entity() is zammit
    assert details.isVisibleTo(sidebar)
    assert details.text() == explanation_text(
        explain(zammit, sidebar.portrayal_of(zammit), analysed[0].text)
    )
    assert details.toggle_button().text() == zammit.name
    assert "Zammit" in details.browser().toPlainText()
    # Tab reaches the text (through the header that folds it), so it can be read.
    reached = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert details.browser() in reached
    # Space on the header folds the details away; they stay folded for the next one.
    details.toggle_button().setFocus()
    qtbot.keyClick(details.toggle_button(), Qt.Key.Key_Space)
    assert not details.is_expanded() and not details.browser().isVisibleTo(sidebar)
    edit.clear()
    sidebar.select_entity(named(analysed[1].entities, "Clara Vella"))
    assert details.toggle_button().text() == "Clara Vella"
    assert not details.browser().isVisibleTo(sidebar)
    details.set_expanded(True)
    assert details.browser().isVisibleTo(sidebar)
    sidebar.clear_selection()
    assert not details.isVisibleTo(sidebar)


TALKS = (
    "Israeli Prime Minister Benjamin Netanyahu met envoys in Jerusalem on Monday.\n"
    "Later, Netanyahu said the talks with Mr. Hochstein would go on.\n"
)


def _netanyahu(reasons: tuple[str, ...]) -> Entity:
    full, short = TALKS.index("Benjamin Netanyahu"), TALKS.index("Netanyahu said")
    return Entity(
        "Benjamin Netanyahu",
        "PERSON",
        (
            Mention(full, full + 18, "Benjamin Netanyahu"),
            Mention(short, short + 9, "Netanyahu"),
        ),
        aliases=("Netanyahu",),
        merge_reasons=reasons,
    )


def test_why_names_were_merged_is_shown_when_the_core_says(qtbot):
    reason = "Netanyahu: surname of Benjamin Netanyahu, mentioned before"
    entity = _netanyahu((reason,))
    sidebar = EntitySidebar()
    qtbot.addWidget(sidebar)
    sidebar.show_entities([entity], TALKS)
    tip = row_of(sidebar, entity).data(TOOLTIP)
    assert "Merged because" in tip
    assert "<b>Netanyahu</b>: surname of Benjamin Netanyahu, mentioned before" in tip
    assert "Israeli Prime Minister <b>Benjamin Netanyahu</b> met envoys in Jerusalem" in tip
    sidebar.select_entity(entity)
    lines = sidebar.details().text().splitlines()
    assert f"Merged because: {reason}" in lines
    assert reason in sidebar.details().browser().toPlainText()
    # Without reasons (or without the article's text) those lines are left out.
    bare = _netanyahu(())
    sidebar.show_entities([bare])
    tip = row_of(sidebar, bare).data(TOOLTIP)
    assert "Merged because" not in tip and "First mention" not in tip
    assert "Also written as" in tip


def test_a_mention_in_context():
    entity = _netanyahu(())
    second = entity.mentions[1]
    # The sentence, from its start ("Later, ..."), past "Mr." to its end; never the next block.
    context = mention_context(TALKS, second)
    assert context is not None
    assert (context.before, context.name) == ("Later, ", "Netanyahu")
    assert context.after == " said the talks with Mr. Hochstein would go on."
    # A long sentence is cut at words, and says so.
    words = " ".join(["word"] * 60)
    text = f"{words} Mikati {words}."
    start = text.index("Mikati")
    cut = mention_context(text, Mention(start, start + 6, "Mikati"))
    assert cut is not None
    assert cut.before.startswith(ELLIPSIS) and cut.after.endswith(ELLIPSIS)
    assert cut.before.endswith("word ") and cut.after.startswith(" word")
    assert len(cut.text) < len(text) // 2
    # Text of another version of the article: no context rather than a wrong one.
    assert mention_context(TALKS.replace("Later", "Then"), second) is None
    assert mention_context("", second) is None


def test_names_are_escaped_in_rich_text():
    text = "AT&T said <b> was fine."
    entity = Entity("AT&T", "ORG", (Mention(0, 4, "AT&T"),), aliases=("A<T",))
    html = explanation_html(explain(entity, None, text))
    assert "AT&amp;T" in html and "A&lt;T" in html and "&lt;b&gt;" in html
    assert "AT&T" not in html


def test_the_details_leave_the_list_its_room(qtbot):
    reasons = tuple(
        f"Netanyahu: reason number {i} why the two names are one person" for i in range(30)
    )
    entity = _netanyahu(reasons)
    sidebar = EntitySidebar()
    qtbot.addWidget(sidebar)
    sidebar.resize(300, 420)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    sidebar.show_entities([entity], TALKS)
    sidebar.select_entity(entity)
    details = sidebar.details()
    qtbot.waitUntil(lambda: details.height() > 0)
    assert details.height() <= sidebar.height() * 2 // 5 + 1
    assert details.browser().verticalScrollBar().maximum() > 0  # the rest scrolls
    assert sidebar.tree().height() >= sidebar.height() // 3


def test_the_window_gives_the_sidebar_the_text_for_first_mentions(qtbot, tmp_path, spacy_model):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, AnalysisController(cache=None))
    qtbot.addWidget(window)
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    window.show()
    with qtbot.waitSignal(window.controller.finished, timeout=60_000):
        window.open_file(path)
    person = next(e for e in window.analysis.entities if e.type == "PERSON")
    tip = _plain(row_of(window.entity_sidebar, person).data(TOOLTIP))
    first = person.mentions[0]
    assert "First mention" in tip
    assert first.text in tip.split("First mention", 1)[1]
    window.close()
