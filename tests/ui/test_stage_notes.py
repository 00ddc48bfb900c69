"""A stage that fails or does not apply is said in its panel and the message bar;
the other panels show their results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from reader.run import pipeline
from reader.run.cache import AnalysisCache
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.tasks import AnalysisController

from .article_samples import short_article
from .window_helpers import TIMEOUT


@pytest.fixture
def window(qtbot, tmp_path, spacy_model) -> Iterator[MainWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    cache = AnalysisCache(tmp_path / "cache.sqlite3")
    window = MainWindow(settings, AnalysisController(cache=cache))
    qtbot.addWidget(window)
    yield window
    window.close()


def _broken(*_args: object) -> object:
    raise ValueError("a bug in the statement stage")


def test_a_failed_stage_is_said_where_its_results_would_be(qtbot, window, write_file, monkeypatch):
    monkeypatch.setattr(pipeline, "extract_statements", _broken)
    path = write_file("bridge.txt", short_article())

    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_file(path)

    message = "Who says what could not be computed for this document because of an internal error"
    assert window.stance_panel.message().startswith(message)
    assert window.message_bar.text().startswith(message)
    assert window.message_bar.level() == "error"
    assert "ValueError" not in window.message_bar.text()
    assert window.summary is not None and window.summary_panel.message() is None
    assert "Maria Lopez" in {e.name for e in window.entity_sidebar.entities()}
    assert window.is_complete()


def test_a_text_in_another_language_says_why_it_has_no_names(qtbot, window, write_file):
    text = (
        "Le maire a déclaré aujourd'hui que le ferry reprendra son service lundi. Les "
        "ingénieurs ont examiné la jetée et ont trouvé deux piliers fissurés. Les habitants "
        "disent qu'ils attendent une solution rapide, et le conseil a promis un nouveau "
        "budget pour la réparation de la jetée avant l'hiver prochain."
    )
    with qtbot.waitSignal(window.controller.finished, timeout=TIMEOUT):
        window.open_file(write_file("jetee.txt", text))

    notice = "This article looks like French; names, statements and stance are only computed"
    assert window.message_bar.text().startswith(notice)
    assert window.message_bar.level() == "info"
    assert window.entity_sidebar.message().startswith(notice)
    assert window.stance_panel.message().startswith(notice)
    assert window.summary is not None and window.summary.sentences
