"""Reports written to files: the command line's ``report`` and the formats the window exports."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QColor, QFont

import reader
from tests.reader.test_portrayal import FERRY
from ui.printing import report_document
from ui.report_files import REPORT_FORMATS, dialog_filter, format_of, report_name

from .article_samples import quoted_article

ROOT = Path(__file__).resolve().parents[2]


def run_report(*argv: str) -> subprocess.CompletedProcess[str]:
    """``article-reader report ...`` in a process with no display at all."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses the offscreen platform itself
    code = "import sys; from ui.launch import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, "report", *argv],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_a_pdf_report_without_a_display_has_every_section_and_whole_headers(tmp_path, write_file):
    article = write_file("harbour.txt", quoted_article())
    result = run_report(str(article), "--output", str(tmp_path / "harbour.pdf"))
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "harbour.pdf")
    for words in (
        "Summary",
        "Entities",
        "Who says what",
        "Summariser",
        "Mentions",
        "Also written as",
        "Speaker",
        "Stance",
        "Statement",
    ):
        assert words in text, words
    assert "Mention s" not in text and "support ive" not in text


def test_several_reports_go_into_a_folder_and_a_bad_file_is_one_line(tmp_path, write_file):
    first = write_file("harbour.txt", quoted_article())
    second = write_file("empty.txt", "")
    third = write_file("ferry.txt", FERRY)
    folder = tmp_path / "reports"
    files = (str(first), str(second), str(third))
    result = run_report(*files, "--output", str(folder), "--format", "md")
    assert result.returncode == 1
    expected = f'article-reader: {second}: "empty.txt" is empty.'
    assert result.stderr.strip().splitlines() == [expected]
    written = sorted(folder.iterdir())
    assert [p.suffix for p in written] == [".md", ".md"]
    assert "Harbour Town Splits Over Ferry Plan - report.md" in [p.name for p in written]
    for report in written:
        markdown = report.read_text(encoding="utf-8")
        assert markdown.startswith("# ") and "## Who says what" in markdown


def test_a_report_name_that_is_no_format_is_a_one_line_mistake(tmp_path, write_file):
    result = run_report(str(write_file("a.txt", quoted_article())), "--output", "a.docx")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_mistakes_in_the_output_are_one_line_each_before_any_work(tmp_path, write_file):
    article = str(write_file("a.txt", quoted_article()))
    for argv, says in (
        ((article, "-o", str(tmp_path / "none" / "a.pdf")), "there is no folder"),
        ((article, article, "-o", str(tmp_path / "one.pdf")), "need a folder to go in"),
        ((article, "-o", str(tmp_path / "a.pdf"), "--format", "html"), "--format html but"),
    ):
        result = run_report(*argv)
        assert result.returncode == 2
        (line,) = result.stderr.strip().splitlines()
        assert says in line and ".report-" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # nothing written


def test_html_and_markdown_reports_read_back(tmp_path, write_file, spacy_model):
    document = reader.load_document(write_file("harbour.txt", quoted_article()))
    analysis = reader.analyze(document)
    html = reader.report_html(document, analysis)
    assert "<thead>" in html and "white-space: nowrap" in html
    markdown = reader.report_markdown(document, analysis)
    for statement in analysis.statements:
        assert " ".join(statement.content.text.split()) in markdown


def test_the_formats_table_drives_names_and_the_dialog(spacy_model, write_file):
    assert [format_of(f"x{f.extensions[0]}") for f in REPORT_FORMATS] == list(REPORT_FORMATS)
    assert format_of("x.docx") is None
    assert dialog_filter().split(";;")[0] == "PDF (*.pdf)"
    document = reader.load_document(write_file("a.txt", "Harbour: news / views?\n\nThe pier."))
    assert report_name(document) == "Harbour news views - report.pdf"


def test_a_pdf_report_shows_who_speaks_about_whom(tmp_path, write_file):
    result = run_report(str(write_file("ferry.txt", FERRY)), "--output", str(tmp_path / "f.pdf"))
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "f.pdf")
    matrix = text[text.index("Who speaks about whom") : text.index("Who says what")]
    for words in ("Speaker", "Harbour Authority", "Elena Ruiz ▲2", "Tom Becker ▼2", "▼ critical"):
        assert words in matrix, words
    assert "Portrayed" in text


def test_qt_lays_out_the_matrix_colours_and_the_unsure_stance(qapp, write_file, spacy_model):
    """What Qt's rich text makes of the report's HTML: the window prints this document."""
    document = reader.load_document(write_file("ferry.txt", FERRY))
    analysis = reader.analyze(document)
    first = analysis.statements[0]
    unsure = dataclasses.replace(
        first,
        confidence=0.52,
        stances=(reader.TargetStance("Harbour Authority", "supportive", 0.47),),
    )
    analysis = dataclasses.replace(analysis, statements=(unsure, *analysis.statements[1:]))
    rendered = report_document(reader.report_html(document, analysis))

    def cell_background(text: str) -> QColor:
        cursor = rendered.find(text, rendered.find("Who speaks about whom"))
        assert not cursor.isNull(), text
        table = cursor.currentTable()
        return table.cellAt(cursor).format().background().color()

    green, red = cell_background("▲2"), cell_background("▼2")
    assert green.green() > green.red() and red.red() > red.green()
    assert min(green.red(), green.green(), green.blue()) >= 0xA0  # a light tint
    unsure_label = rendered.find("supportive?")
    assert unsure_label.charFormat().fontItalic()
    assert unsure_label.charFormat().fontWeight() < QFont.Weight.Bold
    confident = rendered.find("critical", rendered.find("Who says what"))
    assert not confident.charFormat().fontItalic()
    assert confident.charFormat().fontWeight() >= QFont.Weight.Bold
