"""The application: names for QSettings, an excepthook, a clean shutdown."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from resources import APP_ID

from .about import app_icon
from .errors import describe
from .main_window import MainWindow

ORGANIZATION = "ArticleReader"
APPLICATION = "Article Reader"

#: How long a Python thread may keep the GIL while another waits for it (default 5 ms).
#: Many PySide calls let go of the GIL and take it back; while the analysis thread
#: runs Python, each take-back waits up to this long, so a panel that makes a few
#: hundred such calls froze the window for 50 ms and more at the default.
GIL_SWITCH_SECONDS = 0.0002

log = logging.getLogger(__name__)


def create_application(qt_args: Sequence[str] = ()) -> QApplication:
    """The QApplication (the existing one if any), with the names QSettings uses.

    Also shortens the GIL switch interval of this process (``GIL_SWITCH_SECONDS``).
    """
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "article-reader", *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def release_offscreen_clipboard() -> None:
    """Empty the clipboard on Qt's offscreen platform.

    There, mime data made in Python crashes the interpreter at exit (real
    platforms hand it to the clipboard manager instead), and no other program
    can read that clipboard anyway, so emptying it loses nothing.
    """
    if QGuiApplication.platformName() == "offscreen":
        QGuiApplication.clipboard().clear()


def stop_parse_workers() -> None:
    """End the worker processes that parse books (started only when one is opened)."""
    import reader

    reader.stop_workers()  # cheap when none was started: nothing of spaCy is imported


def install_excepthook(window: MainWindow) -> None:
    """Show unexpected errors in the window's message bar instead of crashing."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        traceback.print_exception(kind, error, tb)
        try:
            window.show_error(describe(error))
        except Exception:  # the window itself is broken: the traceback above is all we have
            log.exception("Could not show the error in the window")

    sys.excepthook = hook


def run(files: Sequence[str] = (), *, sample: bool = False, qt_args: Sequence[str] = ()) -> int:
    """Open the window (with the last session's tabs, then ``files`` or the sample, each
    in a tab) and run the event loop.

    The arguments come from ``ui.launch``, which reads the command line before Qt loads.
    """
    app = create_application(qt_args)
    window = MainWindow()
    app.aboutToQuit.connect(window.shutdown_work)
    app.aboutToQuit.connect(release_offscreen_clipboard)
    app.aboutToQuit.connect(stop_parse_workers)
    install_excepthook(window)
    window.show()

    def open_files() -> None:
        window.restore_tabs()
        if sample:
            window.open_sample()
        window.open_paths(list(files))

    QTimer.singleShot(0, open_files)
    return app.exec()
