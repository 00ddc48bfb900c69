"""The per-article session decides what the window shows, without any widget."""

from __future__ import annotations

from reader import Analysis, AnalysisOptions, Document, Sentence, StageNote, Summary
from reader.models import Block, Entity, Mention
from ui.session import ArticleSession, file_signature

TEXT = "The ferry ran late. Ruth Calloway said so."
DOCUMENT = Document("/tmp/ferry.txt", TEXT, "Ferry", (Block(0, len(TEXT)),), "text")
SENTENCES = (Sentence(0, 0, 19, 0), Sentence(1, 20, len(TEXT), 0))
LEAD_1 = AnalysisOptions("lead", "1")
PERSON = Entity("Ruth Calloway", "PERSON", (Mention(20, 33, "Ruth Calloway"),))


def summary(options: AnalysisOptions) -> Summary:
    return Summary(options.algorithm, options.length, ())


def loaded() -> ArticleSession:
    session = ArticleSession()
    session.begin_open(DOCUMENT.path)
    assert session.take_document(DOCUMENT) is False
    return session


def test_a_summary_made_with_the_chosen_options_is_shown():
    session = loaded()
    update = session.take_analysis(Analysis(SENTENCES, summary(LEAD_1)), LEAD_1)
    assert update.summary == summary(LEAD_1) and not update.resummarize
    assert session.shows_summary(LEAD_1)


def test_a_summary_of_other_options_asks_for_a_new_one():
    session = loaded()
    chosen = AnalysisOptions("textrank", "20%")
    update = session.take_analysis(Analysis(SENTENCES, summary(LEAD_1)), chosen)
    assert update.summary is None and update.resummarize
    assert session.take_summary(summary(LEAD_1), chosen) is False  # a late, older one
    assert session.take_summary(summary(chosen), chosen) is True
    assert session.shows_summary(chosen)


def test_results_are_passed_on_once_and_notes_stand_for_empty_results():
    session = loaded()
    first = Analysis(SENTENCES, entities=(PERSON,))
    assert session.take_analysis(first, LEAD_1).entities == (PERSON,)
    assert session.take_analysis(first, LEAD_1).entities is None  # already shown
    note = StageNote("stance", "Who says what could not be computed.")
    update = session.take_analysis(Analysis(SENTENCES, entities=(PERSON,), notes=(note,)), LEAD_1)
    assert update.notes == (note,)
    assert session.statements == ()
    again = session.take_analysis(Analysis(SENTENCES, notes=(note,)), LEAD_1)
    assert again.notes == ()


def test_options_changed_while_the_first_analysis_runs_wait_for_its_summary():
    session = loaded()
    chosen = AnalysisOptions("textrank", "3")
    session.take_analysis(Analysis(SENTENCES), LEAD_1)  # sentences only, so far
    assert session.needs_summary(chosen, busy=True) is False
    assert session.needs_summary(chosen, busy=False) is True
    session.take_analysis(Analysis(SENTENCES, summary(LEAD_1)), LEAD_1)
    assert session.needs_summary(chosen, busy=True) is True


def test_a_finished_session_is_complete_unless_cut_short(tmp_path):
    session = loaded()
    session.take_analysis(Analysis(SENTENCES, entities=(PERSON,)), LEAD_1)
    session.cancelled = True
    session.finish()
    assert not session.complete
    session.cancelled = False
    session.finish()
    assert session.complete
    assert session.ready_text() == "Ready — 2 sentences, 1 entity, 0 statements"


def test_a_reread_file_is_known_as_a_reload(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(TEXT, encoding="utf-8")
    session = ArticleSession()
    session.begin_open(str(path), reload_top=120)
    assert session.take_document(DOCUMENT.__class__(str(path), TEXT, "", (), "text")) is True
    assert session.reload_top == 120
    assert session.signature == file_signature(str(path)) is not None
