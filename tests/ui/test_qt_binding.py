"""Guards against a Qt binding that would crash the app after long use."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_references_to_none(qtbot):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call,
    and the interpreter aborts ("none_dealloc") after some tens of thousands."""
    label = QLabel()
    qtbot.addWidget(label)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    gc.collect()
    assert sys.getrefcount(None) - before > -100
