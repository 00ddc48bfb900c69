"""The whole application in a child process: open, analyse, copy, quit, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ui.app import GIL_SWITCH_SECONDS

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from ui.app import create_application, release_offscreen_clipboard
    from ui.main_window import MainWindow

    app = create_application()
    print("switch interval:", sys.getswitchinterval())
    window = MainWindow()
    app.aboutToQuit.connect(window.controller.shutdown)
    app.aboutToQuit.connect(release_offscreen_clipboard)
    window.show()

    def copy_and_quit():
        window.copy_summary()
        print("copied:", bool(app.clipboard().mimeData().html()))
        window.close()
        app.quit()

    window.controller.finished.connect(lambda: QTimer.singleShot(0, copy_and_quit))
    window.open_sample()
    sys.exit(app.exec())
    """
)


def test_copy_then_quit_exits_cleanly(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ARTICLE_READER_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=240
    )
    assert "copied: True" in result.stdout, result.stderr[-2000:]
    # The window's process hands the GIL over quickly (see ui.app.GIL_SWITCH_SECONDS).
    interval = float(result.stdout.split("switch interval:")[1].split()[0])
    assert interval == pytest.approx(GIL_SWITCH_SECONDS)
    assert result.returncode == 0, result.stderr[-2000:]
