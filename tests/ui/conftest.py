"""Fixtures for every UI test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.app import release_offscreen_clipboard


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
    from ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            pool = widget.controller.pool
            assert pool.waitForDone(10_000), "a window's analysis is still running"
            # Our own timers carry a name; Qt's (a status message's, say) do not.
            timers = [timer for timer in widget.findChildren(QTimer) if timer.objectName()]
            ticking = [timer.objectName() for timer in timers if timer.isActive()]
            assert not ticking or widget.isVisible(), f"timers left running: {ticking}"
