"""The printed report, as HTML for Qt's rich text (the window prints it, the command line
writes it as HTML or, through the window's printing code, as PDF).

Laid out for paper: a first block saying what the report is of (title, source,
date, summariser and length), then the summary, the entities by group (with how
the article portrays each), who speaks about whom (``report_matrix``) and who
says what, each statement with its stance toward each target. Table headers
never wrap inside a word, the stance column fits "supportive", an uncertain
stance is grey, italic and marked "?", and every table has a ``<thead>`` so Qt
repeats it on the next page; the printing code keeps each heading with the table
it introduces. Counts carry marks (▲ ● ▼) as well as colours, so that a greyscale
print reads. The HTML keeps to the subset Qt understands (tables, simple CSS, no
flexbox).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from ..entities.groups import ENTITY_GROUPS, group_of
from ..models import (
    PORTRAYAL_LABELS,
    UNCERTAIN_BELOW,
    Analysis,
    Document,
    Portrayal,
    StanceLabel,
    Statement,
    Summary,
    TargetStance,
)
from .palette import PORTRAYAL_COLOURS, STANCE_COLOURS
from .report import (
    MATRIX_HEADING,
    PORTRAYAL_MARKS,
    SECTIONS_HEADING,
    cap_note,
    made_with,
    marks_legend,
    source_line,
    speaker_name,
    stance_phrase,
)
from .report_matrix import MATRIX_STYLE, matrix_html, tint

#: How many entities of each group the printed report lists (most mentioned first).
REPORT_GROUP_LIMITS = {"Dates": 6, "Other": 6}
REPORT_GROUP_LIMIT = 15
ZEBRA = "#f4f6f9"
HEADER_BACKGROUND = "#e8edf4"
#: Marks a heading the printing code keeps on the page of what follows it.
KEEP_WITH_NEXT = "keep-with-next"

_STYLE = f"""
body {{ font-family: 'Georgia', 'DejaVu Serif', serif; font-size: 10.5pt; color: #202124; }}
h1 {{ font-size: 20pt; margin-bottom: 4pt; }}
h2 {{ font-size: 13pt; color: #1a4d8f; margin-top: 18pt; margin-bottom: 4pt; }}
h3 {{ font-size: 10.5pt; color: #3c4043; margin-top: 10pt; margin-bottom: 3pt; }}
h4 {{ font-size: 10pt; margin-top: 8pt; margin-bottom: 2pt; }}
p.meta {{ color: #5f6368; font-size: 9pt; margin-top: 0; }}
li {{ margin-bottom: 5pt; }}
th {{ text-align: left; background-color: {HEADER_BACKGROUND}; font-family: sans-serif;
      font-size: 8.5pt; white-space: nowrap; }}
td {{ font-size: 9.5pt; vertical-align: top; }}
td.num {{ text-align: right; white-space: nowrap; }}
td.label {{ white-space: nowrap; font-family: sans-serif; font-size: 8.5pt; }}
td.key {{ white-space: nowrap; color: #5f6368; font-family: sans-serif; font-size: 8.5pt; }}
span.muted {{ color: #5f6368; }}
span.uncertain {{ color: #5f6368; font-style: italic; }}
span.nowrap {{ white-space: nowrap; }}
td.portrayed {{ white-space: nowrap; font-family: sans-serif; font-size: 8.5pt; }}
{MATRIX_STYLE}"""
#: The width of an entity's portrayal bar, in pixels of the page's text.
PORTRAYAL_BAR_WIDTH = 60
PORTRAYAL_BAR_TINT = 0.65  # how far its colours go from white toward the palette's


def report_html(document: Document, analysis: Analysis, generated: datetime | None = None) -> str:
    """The printable report: what it is of, the summary, the entities, who says what."""
    generated = generated or datetime.now()
    return (
        "<html><head><meta charset='utf-8'/>"
        f"<title>{escape(document.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(document.title)}</h1>"
        + _first_block(document, analysis, generated)
        + _summary_section(analysis)
        + _entities_section(analysis)
        + _matrix_section(analysis.statements)
        + _statements_section(analysis.statements)
        + "<p class='meta'><br/>Made with Article Reader, offline: "
        "nothing of this article left the computer.</p></body></html>"
    )


def summary_html(document: Document, summary: Summary) -> str:
    """The summary as it is copied: title, source, the sentences as a list; then each
    section's sentences under its title."""
    items = "".join(f"<li>{escape(s.text)}</li>" for s in summary.sentences)
    note = f"<p>{escape(cap_note(summary))}</p>" if summary.capped_at is not None else ""
    return (
        f"<h2>{escape(document.title)}</h2>"
        f"<p><i>{escape(source_line(document))}</i> — summary by "
        f"{escape(made_with(summary))}</p>"
        f"{note}<ul>{items}</ul>" + _sections_html(summary, 3)
    )


def _sections_html(summary: Summary, level: int) -> str:
    """Each section's title and its sentences as a short list, under ``SECTIONS_HEADING``."""
    if not summary.sections:
        return ""
    parts = [_heading(level, SECTIONS_HEADING)]
    for section in summary.sections:
        items = "".join(f"<li>{escape(s.text)}</li>" for s in section.sentences)
        parts.append(_heading(level + 1, section.title))
        parts.append(f"<ul>{items}</ul>")
    return "".join(parts)


def _heading(level: int, text: str) -> str:
    return f"<h{level} class='{KEEP_WITH_NEXT}'>{escape(text)}</h{level}>"


def _table(headers: Sequence[tuple[str, str]], rows: Sequence[str]) -> str:
    """A full-width table; ``headers`` are (text, width) pairs ("" lets Qt decide)."""
    head = "".join(
        f"<th{f' width={width!r}' if width else ''}>{escape(text)}</th>" for text, width in headers
    )
    return (
        "<table width='100%' cellspacing='0' cellpadding='4'>"
        f"<thead><tr>{head}</tr></thead>" + "".join(rows) + "</table>"
    )


def _row(cells: Sequence[str], index: int) -> str:
    shade = f" bgcolor='{ZEBRA}'" if index % 2 else ""
    return f"<tr{shade}>{''.join(cells)}</tr>"


def _first_block(document: Document, analysis: Analysis, generated: datetime) -> str:
    rows = [("Source", Path(document.path).name)]
    for key in ("author", "sitename", "date"):
        if document.metadata.get(key):
            rows.append((key.capitalize(), document.metadata[key]))
    if analysis.summary is not None:
        rows.append(("Summariser", made_with(analysis.summary)))
    counts = (
        f"{len(analysis.sentences)} sentences, {len(analysis.entities)} names, "
        f"{len(analysis.statements)} statements"
    )
    rows += [("Analysed", counts), ("Report made", generated.strftime("%Y-%m-%d %H:%M"))]
    cells = "".join(
        f"<tr><td class='key'>{escape(key)}</td><td>{escape(value)}</td></tr>"
        for key, value in rows
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def _summary_section(analysis: Analysis) -> str:
    if analysis.summary is None or not analysis.summary.sentences:
        return _heading(2, "Summary") + "<p class='meta'>No summary.</p>"
    summary = analysis.summary
    items = "".join(f"<li>{escape(s.text)}</li>" for s in summary.sentences)
    note = f"<p class='meta'>{escape(cap_note(summary))}</p>" if summary.capped_at else ""
    return _heading(2, "Summary") + f"{note}<ol>{items}</ol>" + _sections_html(summary, 3)


def _entities_section(analysis: Analysis) -> str:
    """One table per group, most mentioned first, long tails cut; how each is portrayed."""
    entities = analysis.entities
    if not entities:
        return _heading(2, "Entities") + "<p class='meta'>No entities found.</p>"
    portrayals = {p.entity: p for p in analysis.portrayals}
    parts = [_heading(2, "Entities")]
    if portrayals:
        legend = marks_legend(PORTRAYAL_MARKS)
        parts.append(
            "<p class='meta'>Portrayed: how the sentences naming a person, organisation or "
            f"place present it, as the stance model judges them ({escape(legend)}).</p>"
        )
    for group in ENTITY_GROUPS:
        members = [e for e in entities if group_of(e.type) == group]
        if not members:
            continue
        limit = REPORT_GROUP_LIMITS.get(group, REPORT_GROUP_LIMIT)
        shown = members[:limit]
        portrayed = any(e.name in portrayals for e in shown)
        rows = []
        for i, e in enumerate(shown):
            cells = [
                f"<td>{escape(e.name)}</td>",
                f"<td class='num'>{e.count}</td>",
                f"<td>{escape(', '.join(e.aliases))}</td>",
            ]
            if portrayed:
                portrayal = portrayals.get(e.name)
                cells.append(_portrayal_cell(portrayal) if portrayal else "<td></td>")
            rows.append(_row(cells, i))
        more = len(members) - limit
        tail = f"<p class='meta'>…and {more} more.</p>" if more > 0 else ""
        headers = [("Name", "34%" if portrayed else "42%"), ("Mentions", "10%")]
        headers.append(("Also written as", ""))
        if portrayed:
            headers.append(("Portrayed", "22%"))
        parts.append(_heading(3, group) + _table(headers, rows) + tail)
    return "".join(parts)


def _portrayal_cell(portrayal: Portrayal) -> str:
    """A bar of the three shares, then the counts in marks; a sample says so."""
    if not portrayal.judged:
        return "<td class='portrayed'><span class='muted'>not judged</span></td>"
    counts = portrayal.counts()
    judged = max(portrayal.judged, 1)
    segments = "".join(
        f"<td width='{max(1, round(PORTRAYAL_BAR_WIDTH * counts[label] / judged))}' "
        f"bgcolor='{tint(PORTRAYAL_COLOURS[label].highlight, PORTRAYAL_BAR_TINT)}'></td>"
        for label in PORTRAYAL_LABELS
        if counts[label]
    )
    marks = " ".join(
        f"<span style='color:{PORTRAYAL_COLOURS[label].ink}'>"
        f"{PORTRAYAL_MARKS[label]}{counts[label]}</span>"
        for label in PORTRAYAL_LABELS
        if counts[label]
    )
    sample = ""
    if portrayal.judged < portrayal.sentences:
        sample = (
            f"<br/><span class='muted'>a sample: {portrayal.judged} of "
            f"{portrayal.sentences} sentences</span>"
        )
    bar = (
        "<table cellspacing='0' cellpadding='0'><tr>"
        f"{segments}<td>&nbsp;&nbsp;{marks}</td></tr></table>"
    )
    return f"<td class='portrayed'>{bar}{sample}</td>"


def _matrix_section(statements: Sequence[Statement]) -> str:
    table = matrix_html(statements)
    return _heading(2, MATRIX_HEADING) + table if table else ""


def _statements_section(statements: Sequence[Statement]) -> str:
    if not statements:
        return ""
    rows = []
    for i, s in enumerate(statements):
        cue = f"<br/><span class='muted'>{escape(s.cue.text)}</span>" if s.cue else ""
        label, _, probability = stance_phrase(s.label, s.confidence).partition(" ")
        about = "<br/>".join(_target_html(t) for t in s.stances) or escape(", ".join(s.targets))
        rows.append(
            _row(
                [
                    f"<td><b>{escape(speaker_name(s))}</b>{cue}</td>",
                    f"<td class='label'>{_stance_html(s.label, s.confidence, label)}"
                    f"<br/><span class='muted'>{escape(probability)}</span></td>",
                    f"<td>{escape(' '.join(s.content.text.split()))}</td>",
                    f"<td>{about}</td>",
                ],
                i,
            )
        )
    headers = [("Speaker", "17%"), ("Stance", "11%"), ("Statement", ""), ("About", "25%")]
    return _heading(2, "Who says what") + _table(headers, rows)


def _stance_html(label: StanceLabel, confidence: float, text: str, bold: bool = True) -> str:
    """A stance in its colour; an uncertain one grey and italic (its text ends in "?")."""
    if confidence < UNCERTAIN_BELOW:
        return f"<span class='uncertain'>{escape(text)}</span>"
    text = f"<b>{escape(text)}</b>" if bold else escape(text)
    return f"<span style='color:{STANCE_COLOURS[label].ink}'>{text}</span>"


def _target_html(stance: TargetStance) -> str:
    """ "Israel: critical (81 %)", the stance in its colour (as ``report.target_phrases``)."""
    phrase = stance_phrase(stance.label, stance.confidence)
    styled = _stance_html(stance.label, stance.confidence, phrase, bold=False)
    return f"{escape(stance.target)}: <span class='nowrap'>{styled}</span>"
