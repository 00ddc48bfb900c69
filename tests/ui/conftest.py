"""Fixtures for every UI test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.run.cache import AnalysisCache
from ui.app import release_offscreen_clipboard
from ui.main_window import MainWindow

from .reading_samples import windows


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test(qapp: QApplication):
    """Qt's offscreen clipboard crashes the interpreter at exit if it still holds
    mime data made in Python (real platforms do not), so each test leaves it empty."""
    yield
    release_offscreen_clipboard()


@pytest.fixture(autouse=True)
def _no_dangling_qt_work(qapp: QApplication):
    """Fail a test that leaves a window's analysis running or one of its timers ticking."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            pool = widget.controller.pool
            assert pool.waitForDone(10_000), "a window's analysis is still running"
            # Our own timers carry a name; Qt's (a status message's, say) do not.
            timers = [timer for timer in widget.findChildren(QTimer) if timer.objectName()]
            ticking = [timer.objectName() for timer in timers if timer.isActive()]
            assert not ticking or widget.isVisible(), f"timers left running: {ticking}"


# -- a main window with its own settings and cache (``make_window``, ``window``) --


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "article-reader.ini"


@pytest.fixture
def cache(tmp_path: Path) -> AnalysisCache:
    return AnalysisCache(tmp_path / "cache" / "analyses.sqlite3")


@pytest.fixture
def make_window(qtbot, tmp_path, cache, spacy_model) -> Iterator[Callable[[], MainWindow]]:
    yield from windows(qtbot, tmp_path, cache)


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
