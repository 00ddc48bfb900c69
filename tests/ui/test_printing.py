"""The printed report: PDF export read back with pypdf, the print dialog and the preview."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

import reader
from reader.output.report_html import report_html
from reader.summary.summarize import summarize
from ui.printing import (
    export_pdf,
    new_printer,
    paginated,
    preview_dialog,
    print_report,
    report_document,
)

ARTICLE = """\
Rail Strike Halts Trains Across the North

Train drivers in northern England walked out on Wednesday in a dispute over pay and working hours.
The union said its members had not received a fair offer from Northern Rail in more than a year.
Northern Rail said it had offered a four per cent rise and called the strike disappointing.
Commuters in Leeds and Manchester faced long queues for replacement buses during the morning.
Transport Secretary Mark Hale urged both sides to return to talks before the weekend.
The union warned that further strikes could follow in December if no agreement was reached.
Business groups in Manchester said the walkout would cost shops and cafes millions of pounds.
"""


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("printing") / "strike.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = reader.load_document(path)
    analysis = reader.analyze(document, reader.AnalysisOptions(length="3"))
    assert analysis.summary is not None and analysis.summary.sentences
    assert analysis.entities
    return document, analysis


def _pdf_text(path) -> str:
    pages = PdfReader(str(path)).pages
    text = " ".join(page.extract_text() for page in pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())  # ligatures back to letters


def _words(text: str) -> str:
    return " ".join(text.split())


def test_export_pdf_holds_title_summary_and_entities(qapp, tmp_path, analysed):
    document, analysis = analysed
    target = tmp_path / "report.pdf"
    assert export_pdf(report_html(document, analysis), target) == target

    reader_pdf = PdfReader(str(target))
    box = reader_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = _pdf_text(target)
    assert _words(document.title) in text
    for sentence in analysis.summary.sentences:
        assert _words(sentence.text) in text
    for entity in sorted(analysis.entities, key=lambda e: -e.count)[:5]:
        assert entity.name in text
    assert "Page 1 of" in text
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_export_pdf_to_a_missing_folder_raises_oserror(qapp, tmp_path, analysed):
    document, analysis = analysed
    with pytest.raises(OSError):
        export_pdf(report_html(document, analysis), tmp_path / "missing" / "report.pdf")


def test_report_document_keeps_the_title(qapp, analysed):
    document, analysis = analysed
    rendered = report_document(report_html(document, analysis))
    assert _words(document.title) in _words(rendered.toPlainText())


def _answer_dialog(accept: bool) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not shown yet
            QTimer.singleShot(20, answer)
            return
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, answer)


def test_print_report_prints_when_the_dialog_is_accepted(qapp, tmp_path, analysed):
    document, analysis = analysed
    target = tmp_path / "printed.pdf"
    printer = new_printer("report")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    _answer_dialog(accept=True)
    assert print_report(None, report_html(document, analysis), printer) is True
    assert _words(analysis.summary.sentences[0].text) in _pdf_text(target)


def test_print_report_does_nothing_when_cancelled(qapp, tmp_path, analysed):
    document, analysis = analysed
    target = tmp_path / "cancelled.pdf"
    printer = new_printer("report")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    _answer_dialog(accept=False)
    assert print_report(None, report_html(document, analysis), printer) is False
    assert not target.exists()


def test_preview_lays_the_report_out_on_pages(qtbot, analysed):
    document, analysis = analysed
    dialog = preview_dialog(None, report_html(document, analysis))
    qtbot.addWidget(dialog)
    painted = []
    dialog.paintRequested.connect(lambda printer: painted.append(printer))
    dialog.show()
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 1, timeout=3000)
    assert painted


def test_every_part_of_a_long_report_is_printed(qapp, tmp_path, spacy_model):
    """The bundled sample's report moves headings to keep them with what follows
    (with this machine's fonts); what comes after a moved heading must still be
    drawn, which Qt does not do unless told to lay the document out again."""
    from resources import sample_article

    document = reader.load_document(sample_article())
    analysis = reader.analyze(document)
    target = export_pdf(report_html(document, analysis), tmp_path / "sample.pdf")
    text = _pdf_text(target)
    for heading in ("Summary", "Entities", "People", "Places", "Who says what"):
        assert heading in text
    last = analysis.statements[-1].content.text.split()
    assert " ".join(last[:4]) in text
    assert f"Page {len(PdfReader(str(target)).pages)} of" in text


@pytest.mark.parametrize(("algorithm", "count"), [("news", 7), ("news", 18), ("lexrank", 21)])
def test_no_page_is_left_blank_by_a_heading_moved_on(qapp, spacy_model, algorithm, count):
    """A heading that ends a page goes to the top of the next one with what follows it.
    A page break before such a heading once put it two pages on, a page left blank
    (the bundled sample's report at these lengths, with this machine's fonts)."""
    from resources import sample_article

    document = reader.load_document(sample_article())
    analysis = reader.analyze(document)
    summary = summarize(document, analysis.sentences, algorithm, str(count))
    source = report_document(report_html(document, replace(analysis, summary=summary)))
    copy, body, _ = paginated(source, new_printer())
    layout, height = copy.documentLayout(), body.height()
    starts, block = set(), copy.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        starts.add(int(rect.top() // height))
        if block.blockFormat().headingLevel() and block.next().isValid():
            follows = layout.blockBoundingRect(block.next()).top()
            assert int(rect.top() // height) == int(follows // height), block.text()
        block = block.next()
    assert starts == set(range(copy.pageCount()))  # every page holds something
