"""Copying the summary, printing the report and saving it (PDF, HTML, Markdown): the
window's commands.

The report's HTML comes from the core (``reader.report_html``); this part only
puts it on the clipboard, the printer or a file, and says how it went.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMainWindow

from reader import Analysis, Document, Summary

from .errors import describe
from .report_files import REPORT_FORMATS, dialog_filter, format_of, report_name, write_report
from .settings import Settings

Status = Callable[[str, int], None]  # (text, milliseconds)


class ReportCommands:
    """Carries out copy, print, preview and export for ``window``."""

    def __init__(
        self, window: QMainWindow, settings: Settings, show_error: Callable[[str], None]
    ) -> None:
        self._window = window
        self._settings = settings
        self._show_error = show_error

    def _status(self, text: str, milliseconds: int) -> None:
        self._window.statusBar().showMessage(text, milliseconds)

    def copy_summary(self, document: Document | None, summary: Summary | None) -> None:
        if document is None or summary is None:
            self._status("There is no summary to copy yet.", 4000)
            return
        from .clipboard import copy_summary

        copy_summary(document, summary)
        self._status("Summary copied.", 3000)

    def print(self, html: str | None) -> None:
        if html is not None:
            from .printing import print_report

            print_report(self._window, html)

    def preview(self, html: str | None) -> None:
        if html is not None:
            from .printing import preview_report

            preview_report(self._window, html)

    def ask_export_path(self, document: Document | None) -> str:
        """The report file the person chose ("" when cancelled): named after the
        article, as PDF, HTML or Markdown, in the folder of the last report saved (else
        their documents folder, else their home)."""
        if document is None:
            return ""
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = next(
            (f for f in (self._settings.report_folder, documents) if f and Path(f).is_dir()),
            str(Path.home()),
        )
        start = str(Path(folder) / report_name(document))
        path, chosen = QFileDialog.getSaveFileName(
            self._window, "Export Report", start, dialog_filter()
        )
        if path and format_of(path) is None:  # no extension typed: the chosen filter's
            extension = next(
                (f.extensions[0] for f in REPORT_FORMATS if chosen.startswith(f.name)), ".pdf"
            )
            path += extension
        return path

    def export(self, document: Document, analysis: Analysis, path: str | os.PathLike[str]) -> bool:
        try:
            written = write_report(document, analysis, path)
        except (OSError, ValueError) as error:
            self._show_error(describe(error) if isinstance(error, OSError) else str(error))
            return False
        self._status(f"Saved {written.name}.", 4000)
        self._settings.report_folder = str(written.parent)
        return True
