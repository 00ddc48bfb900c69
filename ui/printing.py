"""Print, preview and export as PDF the report that ``reader.report_html`` renders.

Nothing here formats report content: it lays the given HTML out on pages.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

APP_NAME = "Article Reader"
PAGE_MARGINS_MM = QMarginsF(18, 15, 18, 12)  # left, top, right, bottom
FOOTER_MM = 9  # band at the foot of each page's printable area for the page number
FOOTER_COLOUR = "#70757a"


def report_document(html: str, parent: QWidget | None = None) -> QTextDocument:
    """The report as a QTextDocument, ready to print."""
    document = QTextDocument(parent)
    document.setHtml(html)
    return document


def new_printer(title: str = "") -> QPrinter:
    """A high-resolution A4 printer with sensible margins, named after the report."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, title)
    return printer


def configure_printer(printer: QPrinter, title: str = "") -> None:
    """A4 portrait, our margins, and the report's title as the document name."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setCreator(APP_NAME)
    printer.setDocName(title or "Article report")


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Lay ``document`` out on ``printer``'s pages, with "page n of N" at the foot of each.

    QTextDocument.print_ would add its own 2 cm on top of the printer's margins;
    paginating by hand keeps the margins we set and lets us number the pages.
    """
    copy, body, footer_height = paginated(document, printer)

    pages = copy.pageCount()
    footer_font = QFont(copy.defaultFont())
    footer_font.setPointSizeF(8)
    title = _title(copy)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("Could not start printing.")
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        for page in range(pages):
            if page:
                printer.newPage()
            top = page * body.height()
            painter.save()
            painter.translate(0, -top)
            context.clip = QRectF(0, top, body.width(), body.height())
            painter.setClipRect(context.clip)
            copy.documentLayout().draw(painter, context)
            painter.restore()
            _draw_footer(
                painter,
                QRectF(0, body.height(), body.width(), footer_height),
                footer_font,
                title,
                f"Page {page + 1} of {pages}",
            )
    finally:
        painter.end()


def paginated(document: QTextDocument, printer: QPrinter) -> tuple[QTextDocument, QSizeF, int]:
    """A copy of ``document`` laid out on ``printer``'s pages (above the footer), its
    headings kept with what follows; the page body's size and the footer's height."""
    copy = document.clone()
    copy.documentLayout().setPaintDevice(printer)
    paint_rect = printer.pageLayout().paintRectPixels(printer.resolution())
    footer_height = round(printer.resolution() * FOOTER_MM / 25.4)
    body = QSizeF(paint_rect.width(), paint_rect.height() - footer_height)
    copy.setPageSize(body)
    frame = copy.rootFrame().frameFormat()
    frame.setMargin(0)
    copy.rootFrame().setFrameFormat(frame)
    keep_headings_with_next(copy, body.height())
    return copy, body, footer_height


def keep_headings_with_next(document: QTextDocument, page_height: float) -> int:
    """Move to the next page each heading that would end a page alone; how many moved.

    A heading whose following block (a table's first row, a list's first item)
    ends on a later page is pushed to the top of the next one. Done one at a
    time, top down, since each move shifts what follows. Qt does not lay out
    again what follows a changed block by itself (it would keep its old place
    and never be drawn), so the rest of the document is marked for layout.
    """
    moved = 0
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() > 0 and following.isValid():
            top = layout.blockBoundingRect(block).top()
            page = int(top // page_height)
            next_page = int(layout.blockBoundingRect(following).bottom() // page_height)
            if next_page > page and _move_to_page(document, block, page + 1, page_height):
                moved += 1
        block = following
    return moved


def _move_to_page(document: QTextDocument, block: QTextBlock, page: int, height: float) -> bool:
    """Put ``block`` at the top of ``page``: by a page break before it, else by space
    above it; kept only if it lands there (Qt put some headings two pages on, a page
    left blank between), else the block is left as it was."""
    original = block.blockFormat()
    top = document.documentLayout().blockBoundingRect(block).top()
    broken = QTextBlockFormat(original)
    broken.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    spaced = QTextBlockFormat(original)
    spaced.setTopMargin(original.topMargin() + page * height - top)
    for fmt in (broken, spaced, original):
        QTextCursor(block).setBlockFormat(fmt)
        # Qt does not lay out again what follows a changed block by itself.
        document.markContentsDirty(block.position(), document.characterCount())
        landed = document.documentLayout().blockBoundingRect(block).top()
        if fmt is not original and page * height <= landed < (page + 0.1) * height:
            return True
    return False


def _draw_footer(painter: QPainter, rect: QRectF, font: QFont, title: str, page_label: str) -> None:
    painter.setFont(font)
    painter.setPen(QColor(FOOTER_COLOUR))
    metrics = QFontMetricsF(font, painter.device())
    bottom = Qt.AlignmentFlag.AlignBottom
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | bottom), page_label)
    room = rect.width() - metrics.horizontalAdvance(page_label) - metrics.averageCharWidth() * 4
    title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(room, 0.0))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | bottom), title)


def _title(document: QTextDocument) -> str:
    return document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)


def print_report(parent: QWidget | None, html: str, printer: QPrinter | None = None) -> bool:
    """Ask for a printer with QPrintDialog and print; False when the person cancels."""
    document = report_document(html)
    printer = printer or new_printer(_title(document))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print Report")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_document(document, printer)
    return True


def preview_dialog(parent: QWidget | None, html: str) -> QPrintPreviewDialog:
    """A print preview of the report (not yet shown)."""
    document = report_document(html)
    # The dialog's own printer: one made here would be freed by Python under it.
    dialog = QPrintPreviewDialog(parent)
    configure_printer(dialog.printer(), _title(document))
    dialog.setWindowTitle("Report Preview")
    document.setParent(dialog)  # lives as long as the dialog
    dialog.paintRequested.connect(lambda target: print_document(document, target))
    return dialog


def preview_report(parent: QWidget | None, html: str) -> None:
    """Show the report in a modal print preview (print from there if wanted)."""
    dialog = preview_dialog(parent, html)
    dialog.resize(900, 1000)
    dialog.exec()
    dialog.deleteLater()


def export_pdf(html: str, path: str | os.PathLike[str]) -> Path:
    """Write the report to ``path`` as an A4 PDF, atomically; returns the path.

    Raises ``OSError`` with a readable message when the file cannot be written.
    """
    target = Path(path)
    document = report_document(html)
    fd, temp_name = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        printer = new_printer(_title(document))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(temp_name)
        print_document(document, printer)
        if os.path.getsize(temp_name) == 0:
            raise OSError(f"Could not write the PDF to {target}.")
        os.chmod(temp_name, 0o644)  # mkstemp's 0600 suits a temporary file, not a report
        os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target
