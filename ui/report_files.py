"""The report written to a file: PDF, HTML or Markdown, chosen by the file's extension.

One table of report formats serves the window's Export dialog and the command
line's ``report`` command. Files are written atomically (a temporary file
renamed into place), so a failed export never leaves half a report.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import reader
from reader import Analysis, Document


@dataclass(frozen=True)
class ReportFormat:
    name: str  # "PDF"
    extensions: tuple[str, ...]  # the first is the one given to new files


REPORT_FORMATS = (
    ReportFormat("PDF", (".pdf",)),
    ReportFormat("Web page", (".html", ".htm")),
    ReportFormat("Markdown", (".md", ".markdown")),
)


def format_of(path: str | os.PathLike[str]) -> ReportFormat | None:
    suffix = Path(path).suffix.lower()
    return next((f for f in REPORT_FORMATS if suffix in f.extensions), None)


def dialog_filter() -> str:
    """``"PDF (*.pdf);;Web page (*.html *.htm);;Markdown (*.md *.markdown)"``."""
    return ";;".join(
        f"{f.name} ({' '.join('*' + e for e in f.extensions)})" for f in REPORT_FORMATS
    )


def report_name(document: Document, extension: str = ".pdf") -> str:
    """A file name for the report of ``document``: its title, made safe for a file system."""
    title = "".join(c if c.isalnum() or c in " -_.,'()" else " " for c in document.title)
    title = " ".join(title.split()).strip(" .") or Path(document.path).stem or "Article"
    return f"{title[:100]} - report{extension}"


def write_report(document: Document, analysis: Analysis, path: str | os.PathLike[str]) -> Path:
    """Write the report to ``path`` in the format its extension names.

    Raises ``ValueError`` for an extension that is no report format and
    ``OSError`` with a readable message when the file cannot be written.
    """
    target = Path(path)
    kind = format_of(target)
    if kind is None:
        known = ", ".join(e for f in REPORT_FORMATS for e in f.extensions)
        raise ValueError(f"{target.name!r} is not a report file name (it must end in {known}).")
    if kind.name == "PDF":
        from .printing import export_pdf  # Qt: only for the format that needs it

        return export_pdf(reader.report_html(document, analysis), target)
    if kind.name == "Web page":
        text = reader.report_html(document, analysis)
    else:
        text = reader.report_markdown(document, analysis)
    _write_atomically(target, text)
    return target


def _write_atomically(target: Path, text: str) -> None:
    try:
        fd, temp_name = tempfile.mkstemp(prefix=".report-", suffix=target.suffix, dir=target.parent)
    except OSError as error:
        raise OSError(f"Could not write the report to {target}: {error.strerror}.") from error
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
