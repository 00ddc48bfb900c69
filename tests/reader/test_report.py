"""Reports and copied summaries, rendered from a real analysis of the sample."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

import reader
from reader.models import (
    Analysis,
    Document,
    Portrayal,
    Speaker,
    Statement,
    TargetStance,
    TextRef,
)
from reader.output import report, report_html
from reader.output.report_matrix import cell_colour
from reader.statements.matrix import MatrixCell
from resources import sample_article
from tests.reader.test_portrayal import FERRY


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
    made = f"summary by {report.made_with(analysis.summary)}"  # both say how it was made
    assert made.lower() in plain.lower() and made in visible_text(html)


# --- who speaks about whom, portrayals and uncertain stances ------------------------


class Cell:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs = tag, attrs
        self.text = ""
        self.tables: list[Table] = []  # tables nested in the cell


class Table:
    def __init__(self, attrs: dict[str, str | None]) -> None:
        self.attrs = attrs
        self.rows: list[list[Cell]] = []

    def texts(self) -> list[list[str]]:
        return [[" ".join(c.text.split()) for c in row] for row in self.rows]


class Markup(HTMLParser):
    """The tables of a report, with nested ones, and the styled spans of its text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self.spans: list[tuple[str, str, bool]] = []  # class, text, inside <b>
        self._tables: list[Table] = []
        self._cells: list[Cell] = []
        self._spans: list[list[str]] = []
        self._bold = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            table = Table(dict(attrs))
            self.tables.append(table)
            if self._cells:
                self._cells[-1].tables.append(table)
            self._tables.append(table)
        elif tag == "tr":
            self._tables[-1].rows.append([])
        elif tag in ("td", "th"):
            cell = Cell(tag, dict(attrs))
            self._tables[-1].rows[-1].append(cell)
            self._cells.append(cell)
        elif tag == "span":
            self._spans.append([dict(attrs).get("class") or "", "", str(self._bold > 0)])
        elif tag == "b":
            self._bold += 1
        elif tag == "br":
            self.handle_data("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._tables.pop()
        elif tag in ("td", "th"):
            self._cells.pop()
        elif tag == "span":
            css, text, bold = self._spans.pop()
            self.spans.append((css, text, bold == "True"))
        elif tag == "b":
            self._bold -= 1

    def handle_data(self, data: str) -> None:
        for cell in self._cells:
            cell.text += data
        for span in self._spans:
            span[1] += data
            if self._bold:
                span[2] = "True"

    def table_with(self, header: str) -> Table:
        """The (first) table whose header row holds ``header``."""
        return next(t for t in self.tables if t.rows and header in t.texts()[0])

    def tables_with(self, header: str) -> list[Table]:
        return [t for t in self.tables if t.rows and header in t.texts()[0]]


def rgb(colour: str | None) -> tuple[int, int, int]:
    assert colour and colour.startswith("#") and len(colour) == 7, colour
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return red, green, blue


def is_light(colour: str | None) -> bool:
    """Light enough for dark ink to read on it, and not white."""
    channels = rgb(colour)
    return min(channels) >= 0xA0 and channels != (255, 255, 255)


@pytest.fixture(scope="module")
def ferry(tmp_path_factory):
    """Two speakers: Elena Ruiz twice supportive of the Harbour Authority, Tom Becker
    twice critical of it."""
    path = tmp_path_factory.mktemp("ferry") / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    document = reader.load_document(path)
    return document, reader.analyze(document)


def test_the_report_shows_who_speaks_about_whom_with_counts_and_colours(ferry):
    document, analysis = ferry
    html = report_html.report_html(document, analysis)
    text = visible_text(html)
    assert text.index("Who speaks about whom") < text.index("Who says what")
    matrix = Markup(html).table_with("Harbour Authority")
    rows = matrix.texts()
    assert rows[0] == ["Speaker", "Harbour Authority"]
    assert sorted(rows[1:]) == [["Elena Ruiz", "▲2"], ["Tom Becker", "▼2"]]
    cells = {row[0].text.strip(): row[1] for row in matrix.rows[1:]}
    ruiz, becker = (
        rgb(cells["Elena Ruiz"].attrs["bgcolor"]),
        rgb(cells["Tom Becker"].attrs["bgcolor"]),
    )
    assert ruiz[1] > ruiz[0] and ruiz[1] > ruiz[2]  # green: supportive
    assert becker[0] > becker[1] and becker[0] > becker[2]  # red: critical
    assert is_light(cells["Elena Ruiz"].attrs["bgcolor"])
    assert is_light(cells["Tom Becker"].attrs["bgcolor"])
    assert "▲ supportive, ▼ critical, ● neutral" in " ".join(text.split())


def test_a_cell_colour_follows_the_balance_and_deepens_with_it():
    def cell(supportive: int, neutral: int, critical: int) -> MatrixCell:
        return MatrixCell("A", "B", supportive, neutral, critical, ())

    one, three = rgb(cell_colour(cell(0, 0, 1))), rgb(cell_colour(cell(0, 1, 3)))
    assert sum(three) < sum(one)  # more one-sided, deeper
    assert rgb(cell_colour(cell(2, 0, 1)))[1] > rgb(cell_colour(cell(2, 0, 1)))[0]
    even = rgb(cell_colour(cell(1, 1, 1)))
    assert max(even) - min(even) < 8 and is_light(cell_colour(cell(1, 1, 1)))  # grey


def test_the_markdown_report_has_the_matrix(ferry):
    document, analysis = ferry
    markdown = reader.report_markdown(document, analysis)
    section = markdown[markdown.index("## Who speaks about whom") : markdown.index("## Who says")]
    lines = section.splitlines()
    assert "| Speaker | Harbour Authority |" in lines
    assert "| Elena Ruiz | ▲2 |" in lines and "| Tom Becker | ▼2 |" in lines
    assert "▲ supportive, ▼ critical, ● neutral" in section


def test_no_matrix_when_no_speaker_names_anyone(write_file):
    document = reader.load_document(write_file("quiet.txt", "Rain\n\nIt rained all day.\n"))
    analysis = reader.analyze(document)
    assert "Who speaks about whom" not in report_html.report_html(document, analysis)
    assert "Who speaks about whom" not in reader.report_markdown(document, analysis)


def said(speaker: str, *targets: str) -> Statement:
    return Statement(
        speaker=Speaker(0, 1, speaker, speaker),
        cue=None,
        content=TextRef(0, 1, "x"),
        label="critical",
        score=-0.5,
        targets=targets,
        stances=tuple(TargetStance(t, "critical", 0.9) for t in targets),
    )


def bare_document() -> Document:
    return Document("/tmp/x.txt", "x", "X", (), "text")


def test_a_big_matrix_keeps_the_most_active_speakers_and_named_targets_and_says_so():
    targets = [f"T{i}" for i in range(12)]
    statements = [said(f"Speaker {i}", *targets[: 12 - i % 6]) for i in range(14)]
    analysis = Analysis(sentences=(), statements=tuple(statements))
    html = report_html.report_html(bare_document(), analysis)
    rows = Markup(html).table_with("T0").texts()
    assert rows[0] == ["Speaker"] + [f"T{i}" for i in range(10)]
    assert len(rows) == 1 + 12
    assert all(len(row) == 11 for row in rows)
    note = "Shown: the 12 most active of 14 speakers and the 10 most named of 12 targets."
    assert note in " ".join(visible_text(html).split())
    assert note in reader.report_markdown(bare_document(), analysis)


def test_names_too_long_for_the_page_cost_columns_not_words():
    targets = [f"{chr(65 + i)}{'x' * 22}" for i in range(10)]  # 23-letter words
    analysis = Analysis(sentences=(), statements=(said("Ann", *targets),))
    html = report_html.report_html(bare_document(), analysis)
    header = Markup(html).table_with("Speaker").texts()[0]
    assert 2 < len(header) < 11
    assert f"the {len(header) - 1} most named of 10 targets" in visible_text(html)


def test_the_entity_table_shows_how_each_is_portrayed(ferry):
    document, analysis = ferry
    assert analysis.portrayal_of("Harbour Authority") == Portrayal("Harbour Authority", 2, 0, 2, 4)
    kept = tuple(p for p in analysis.portrayals if p.entity != "Elena Ruiz")
    only = dataclasses.replace(analysis, portrayals=kept)
    markup = Markup(report_html.report_html(document, only))
    rows = {
        row[0].text.strip(): row
        for table in markup.tables_with("Portrayed")
        for row in table.rows[1:]
    }
    portrayed = rows["Harbour Authority"][-1]
    assert " ".join(portrayed.text.split()) == "▲2 ▼2"
    (bar,) = portrayed.tables
    segments = [c for c in bar.rows[0] if c.attrs.get("bgcolor")]
    assert [c.attrs["width"] for c in segments] == ["30", "30"]  # two halves
    positive, negative = (rgb(c.attrs["bgcolor"]) for c in segments)
    assert positive[1] > positive[0] and negative[0] > negative[1]
    assert rows["Elena Ruiz"][-1].text.strip() == ""  # no portrayal: blank
    assert "▲ positive, ● neutral, ▼ negative" in visible_text(
        report_html.report_html(document, only)
    )


def test_a_sampled_portrayal_says_so(ferry):
    document, analysis = ferry
    sampled = dataclasses.replace(
        analysis, portrayals=(Portrayal("Harbour Authority", 10, 30, 20, 85),)
    )
    markup = Markup(report_html.report_html(document, sampled))
    row = next(
        row for t in markup.tables_with("Portrayed") for row in t.rows if "Harbour" in row[0].text
    )
    assert " ".join(row[-1].text.split()) == "▲10 ●30 ▼20 a sample: 60 of 85 sentences"
    assert [c.attrs["width"] for c in row[-1].tables[0].rows[0][:3]] == ["10", "30", "20"]


def test_statements_show_each_target_and_an_uncertain_stance_looks_unsure(ferry):
    document, analysis = ferry
    first = analysis.statements[0]
    unsure = dataclasses.replace(
        first, confidence=0.52, stances=(TargetStance("Harbour Authority", "supportive", 0.47),)
    )
    shown = dataclasses.replace(analysis, statements=(unsure, *analysis.statements[1:]))
    html = report_html.report_html(document, shown)
    assert re.search(r"span\.uncertain \{[^}]*font-style: italic", html)
    markup = Markup(html)
    table = markup.table_with("About")
    for row, statement in zip(table.rows[1:], shown.statements, strict=True):
        about = [line.strip() for line in row[3].text.splitlines() if line.strip()]
        assert ", ".join(about) == report.target_phrases(statement)
        stance = " ".join(row[1].text.split())
        assert stance == report.stance_phrase(statement.label, statement.confidence)
    unsure_spans = [(text, bold) for css, text, bold in markup.spans if css == "uncertain"]
    assert unsure_spans == [("supportive?", False), ("supportive? (47 %)", False)]
    # the confident ones stand in bold, in their colour, with no question mark
    assert not any(s.uncertain for s in shown.statements[1:])
    assert all("?" not in row[1].text for row in table.rows[2:])
    bold_labels = [t for _, t, bold in markup.spans if bold and t in ("supportive", "critical")]
    assert len(bold_labels) == len(shown.statements) - 1
