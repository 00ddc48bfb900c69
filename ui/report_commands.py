"""Copying the summary, printing the report and saving it as PDF, for the window's commands.

The report's HTML comes from the core (``reader.report_html``); this part only
puts it on the clipboard, the printer or a file, and says how it went.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow

from reader import Document, Summary

from .errors import describe

Status = Callable[[str, int], None]  # (text, milliseconds)


class ReportCommands:
    """Carries out copy, print, preview and export for ``window``."""

    def __init__(self, window: QMainWindow, show_error: Callable[[str], None]) -> None:
        self._window = window
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
        """The PDF file the person chose ("" when cancelled)."""
        if document is None:
            return ""
        source = Path(document.path)
        start = str(source.with_name(f"{source.stem or 'article'} - report.pdf"))
        path, _ = QFileDialog.getSaveFileName(self._window, "Export PDF", start, "PDF (*.pdf)")
        return path

    def export_pdf(self, html: str | None, path: str | os.PathLike[str]) -> bool:
        if html is None:
            return False
        from .printing import export_pdf

        try:
            export_pdf(html, path)
        except OSError as error:
            self._show_error(describe(error))
            return False
        self._status(f"Saved {os.path.basename(os.fspath(path))}.", 4000)
        return True
