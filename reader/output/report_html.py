"""The printed report, as HTML for Qt's rich text (the window prints it, the command line
writes it as HTML or, through the window's printing code, as PDF).

Laid out for paper: a first block saying what the report is of (title, source,
date, summariser and length), then the summary, the entities by group and who
says what. Table headers never wrap inside a word, the stance column fits
"supportive", and every table has a ``<thead>`` so Qt repeats it on the next
page; the printing code keeps each heading with the table it introduces. The
HTML keeps to the subset Qt understands (tables, simple CSS, no flexbox).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from ..entities.groups import ENTITY_GROUPS, group_of
from ..models import Analysis, Document, Entity, Statement, Summary
from .palette import STANCE_COLOURS
from .report import made_with, source_line, speaker_name

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
p.meta {{ color: #5f6368; font-size: 9pt; margin-top: 0; }}
li {{ margin-bottom: 5pt; }}
th {{ text-align: left; background-color: {HEADER_BACKGROUND}; font-family: sans-serif;
      font-size: 8.5pt; white-space: nowrap; }}
td {{ font-size: 9.5pt; vertical-align: top; }}
td.num {{ text-align: right; white-space: nowrap; }}
td.label {{ white-space: nowrap; font-family: sans-serif; font-size: 8.5pt; }}
td.key {{ white-space: nowrap; color: #5f6368; font-family: sans-serif; font-size: 8.5pt; }}
span.muted {{ color: #5f6368; }}
"""


def report_html(document: Document, analysis: Analysis, generated: datetime | None = None) -> str:
    """The printable report: what it is of, the summary, the entities, who says what."""
    generated = generated or datetime.now()
    return (
        "<html><head><meta charset='utf-8'/>"
        f"<title>{escape(document.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(document.title)}</h1>"
        + _first_block(document, analysis, generated)
        + _summary_section(analysis)
        + _entities_section(analysis.entities)
        + _statements_section(analysis.statements)
        + "<p class='meta'><br/>Made with Article Reader, offline: "
        "nothing of this article left the computer.</p></body></html>"
    )


def summary_html(document: Document, summary: Summary) -> str:
    """The summary as it is copied: title, source, the sentences as a list."""
    items = "".join(f"<li>{escape(s.text)}</li>" for s in summary.sentences)
    return (
        f"<h2>{escape(document.title)}</h2>"
        f"<p><i>{escape(source_line(document))}</i></p>"
        f"<ul>{items}</ul>"
    )


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
    items = "".join(f"<li>{escape(s.text)}</li>" for s in analysis.summary.sentences)
    return _heading(2, "Summary") + f"<ol>{items}</ol>"


def _entities_section(entities: Sequence[Entity]) -> str:
    """One table per group, most mentioned first, long tails cut."""
    if not entities:
        return _heading(2, "Entities") + "<p class='meta'>No entities found.</p>"
    parts = [_heading(2, "Entities")]
    for group in ENTITY_GROUPS:
        members = [e for e in entities if group_of(e.type) == group]
        if not members:
            continue
        limit = REPORT_GROUP_LIMITS.get(group, REPORT_GROUP_LIMIT)
        rows = [
            _row(
                [
                    f"<td>{escape(e.name)}</td>",
                    f"<td class='num'>{e.count}</td>",
                    f"<td>{escape(', '.join(e.aliases))}</td>",
                ],
                i,
            )
            for i, e in enumerate(members[:limit])
        ]
        more = len(members) - limit
        tail = f"<p class='meta'>…and {more} more.</p>" if more > 0 else ""
        headers = [("Name", "42%"), ("Mentions", "12%"), ("Also written as", "")]
        parts.append(_heading(3, group) + _table(headers, rows) + tail)
    return "".join(parts)


def _statements_section(statements: Sequence[Statement]) -> str:
    if not statements:
        return ""
    rows = []
    for i, s in enumerate(statements):
        colour = STANCE_COLOURS[s.label].ink
        cue = f"<br/><span class='muted'>{escape(s.cue.text)}</span>" if s.cue else ""
        rows.append(
            _row(
                [
                    f"<td><b>{escape(speaker_name(s))}</b>{cue}</td>",
                    f"<td class='label'><span style='color:{colour}'><b>"
                    f"{escape(s.label)}</b></span></td>",
                    f"<td>{escape(' '.join(s.content.text.split()))}</td>",
                    f"<td>{escape(', '.join(s.targets))}</td>",
                ],
                i,
            )
        )
    headers = [("Speaker", "19%"), ("Stance", "11%"), ("Statement", ""), ("About", "17%")]
    return _heading(2, "Who says what") + _table(headers, rows)
