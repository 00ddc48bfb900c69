"""Reports and copied summaries, rendered from a real analysis of the sample."""

from __future__ import annotations

from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reader
from reader.output import report, report_html
from resources import sample_article


@pytest.fixture(scope="module")
def analysed():
    document = reader.load_document(sample_article())
    analysis = reader.analyze(document, reader.AnalysisOptions(algorithm="textrank", length="4"))
    return document, analysis


class TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(html: str) -> str:
    parser = TextOf()
    parser.feed(html)
    return " ".join(parser.parts)


def test_report_holds_everything_the_issue_names(analysed):
    document, analysis = analysed
    html = report_html.report_html(document, analysis, generated=datetime(2026, 11, 24, 9, 30))
    text = visible_text(html)
    assert document.title in text
    assert Path(document.path).name in text
    assert "2026-11-24 09:30" in text
    assert "TextRank" in text and "4 sentences" in text
    for sentence in analysis.summary.sentences:
        assert sentence.text in text
    for entity in analysis.entities[:10]:
        assert entity.name in text
    assert "Who says what" in text


def test_report_escapes_markup_in_the_article(write_file):
    path = write_file("x.txt", "A <b>bold</b> & odd title\n\nThe <script>x</script> council met.\n")
    document = reader.load_document(path)
    analysis = reader.analyze(document)
    html = report_html.report_html(document, analysis)
    assert "<script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; odd title" in html


def test_copied_summary_text_and_html_agree(analysed):
    document, analysis = analysed
    plain = report.summary_text(document, analysis.summary)
    html = report_html.summary_html(document, analysis.summary)
    assert plain.splitlines()[0] == document.title
    for sentence in analysis.summary.sentences:
        assert f"• {sentence.text}" in plain
        assert sentence.text in visible_text(html)
    assert html.count("<li>") == len(analysis.summary.sentences)
