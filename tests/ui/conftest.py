"""Fixtures for every UI test."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.app import release_offscreen_clipboard


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test(qapp: QApplication):
    """Qt's offscreen clipboard crashes the interpreter at exit if it still holds
    mime data made in Python (real platforms do not), so each test leaves it empty."""
    yield
    release_offscreen_clipboard()
