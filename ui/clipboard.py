"""Copy the summary: plain text and HTML in one QMimeData, both rendered by ``reader.report``."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from reader import Document, Summary, summary_html, summary_text


def summary_mime_data(document: Document, summary: Summary) -> QMimeData:
    """The summary as ``text/plain`` and ``text/html`` (rich editors take the HTML)."""
    mime = QMimeData()
    mime.setText(summary_text(document, summary))
    mime.setHtml(summary_html(document, summary))
    return mime


def copy_summary(document: Document, summary: Summary, clipboard: QClipboard | None = None) -> None:
    """Put the summary on ``clipboard`` (the application's clipboard by default)."""
    clipboard = clipboard or QGuiApplication.clipboard()
    clipboard.setMimeData(summary_mime_data(document, summary))
