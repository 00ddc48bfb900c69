"""Everything a person reads outside the window: copied summaries and reports.

All renderers take the same ``Document`` and ``Analysis``; the UI only hands
the HTML to Qt (clipboard, printing), the CLI prints text or Markdown. The
HTML keeps to the subset Qt's rich text understands (no flexbox, simple CSS).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from ..entities.groups import ENTITY_GROUPS, group_of
from ..models import Analysis, Document, Entity, Statement, Summary
from .palette import STANCE_COLOURS

#: How many entities of each group the printed report lists (most mentioned first).
REPORT_GROUP_LIMITS = {"Dates": 6, "Other": 6}
REPORT_GROUP_LIMIT = 15
ZEBRA = "#f4f6f9"
CONTENT_SNIPPET = 220


def algorithm_name(key: str) -> str:
    from ..options import ALGORITHMS

    return ALGORITHMS.get(key, key)


def length_label(length: str) -> str:
    if length.endswith("%"):
        return f"{length} of the sentences"
    return "1 sentence" if length == "1" else f"{length} sentences"


def source_line(document: Document) -> str:
    parts = [Path(document.path).name]
    for key in ("author", "sitename", "date"):
        if document.metadata.get(key):
            parts.append(document.metadata[key])
    return " · ".join(parts)


def snippet(text: str, limit: int = CONTENT_SNIPPET) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(",;:") + "…"


# --- the summary, as copied -------------------------------------------------


def summary_text(document: Document, summary: Summary) -> str:
    lines = [document.title, source_line(document), ""]
    lines += [f"• {s.text}" for s in summary.sentences]
    return "\n".join(lines) + "\n"


def summary_markdown(document: Document, summary: Summary) -> str:
    lines = [
        f"# {document.title}",
        "",
        f"*{source_line(document)}* — summary by {algorithm_name(summary.algorithm)}, "
        f"{length_label(summary.length)}",
        "",
    ]
    lines += [f"- {s.text}" for s in summary.sentences]
    return "\n".join(lines) + "\n"


def summary_html(document: Document, summary: Summary) -> str:
    items = "".join(f"<li>{escape(s.text)}</li>" for s in summary.sentences)
    return (
        f"<h2>{escape(document.title)}</h2>"
        f"<p><i>{escape(source_line(document))}</i></p>"
        f"<ul>{items}</ul>"
    )


# --- entities and statements --------------------------------------------------


def entities_text(entities: Sequence[Entity]) -> str:
    lines = []
    for group in ENTITY_GROUPS:
        members = [e for e in entities if group_of(e.type) == group]
        if not members:
            continue
        lines.append(f"{group}:")
        for e in members:
            also = f"  (also: {', '.join(e.aliases)})" if e.aliases else ""
            lines.append(f"  {e.name} [{e.type}] ×{e.count}{also}")
    return "\n".join(lines) + "\n" if lines else "No entities found.\n"


def entities_markdown(entities: Sequence[Entity]) -> str:
    if not entities:
        return "No entities found.\n"
    rows = ["| Entity | Type | Mentions | Also written as |", "|---|---|---:|---|"]
    for e in entities:
        name = e.name.replace("|", "\\|")
        rows.append(f"| {name} | {e.type} | {e.count} | {', '.join(e.aliases)} |")
    return "\n".join(rows) + "\n"


def speaker_name(statement: Statement) -> str:
    return statement.speaker.entity or statement.speaker.text


def statements_text(statements: Sequence[Statement]) -> str:
    if not statements:
        return "No attributed statements found.\n"
    lines = []
    for s in statements:
        cue = s.cue.text if s.cue else "—"
        targets = f" → {', '.join(s.targets)}" if s.targets else ""
        lines.append(f"[{s.label}] {speaker_name(s)} ({cue}): {snippet(s.content.text)}{targets}")
    return "\n".join(lines) + "\n"


def statements_markdown(statements: Sequence[Statement]) -> str:
    if not statements:
        return "No attributed statements found.\n"
    rows = ["| Speaker | Cue | Stance | Statement | Targets |", "|---|---|---|---|---|"]
    for s in statements:
        cells = [
            speaker_name(s),
            s.cue.text if s.cue else "",
            s.label,
            snippet(s.content.text),
            ", ".join(s.targets),
        ]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


# --- the printed report --------------------------------------------------------

_STYLE = """
body { font-family: 'Georgia', serif; font-size: 10.5pt; color: #202124; }
h1 { font-size: 19pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; color: #1a4d8f; margin-top: 16pt; }
h3 { font-size: 10.5pt; color: #3c4043; margin-top: 8pt; margin-bottom: 2pt; }
p.meta { color: #5f6368; font-size: 9pt; margin-top: 0; }
li { margin-bottom: 5pt; }
th { text-align: left; background-color: #eef2f7; font-family: sans-serif; font-size: 9pt; }
td { font-size: 9.5pt; vertical-align: top; }
td.num { text-align: right; }
span.muted { color: #5f6368; }
"""


def _meta_rows(document: Document, analysis: Analysis, generated: datetime) -> str:
    rows = [("Source", Path(document.path).name)]
    for key in ("author", "sitename", "date"):
        if document.metadata.get(key):
            rows.append((key.capitalize(), document.metadata[key]))
    if analysis.summary is not None:
        rows.append(
            (
                "Summary",
                f"{algorithm_name(analysis.summary.algorithm)}, "
                f"{length_label(analysis.summary.length)}",
            )
        )
    rows.append(("Report date", generated.strftime("%Y-%m-%d %H:%M")))
    return "<br/>".join(f"<b>{escape(k)}:</b> {escape(v)}" for k, v in rows)


def _summary_section(analysis: Analysis) -> str:
    if analysis.summary is None or not analysis.summary.sentences:
        return "<h2>Summary</h2><p class='meta'>No summary.</p>"
    items = "".join(f"<li>{escape(s.text)}</li>" for s in analysis.summary.sentences)
    return f"<h2>Summary</h2><ol>{items}</ol>"


def _entities_section(entities: Sequence[Entity]) -> str:
    """One small table per group, most mentioned first, long tails cut."""
    if not entities:
        return "<h2>Entities</h2><p class='meta'>No entities found.</p>"
    parts = ["<h2>Entities</h2>"]
    for group in ENTITY_GROUPS:
        members = [e for e in entities if group_of(e.type) == group]
        if not members:
            continue
        limit = REPORT_GROUP_LIMITS.get(group, REPORT_GROUP_LIMIT)
        rows = "".join(
            f"<tr{' bgcolor=' + repr(ZEBRA) if i % 2 else ''}><td>{escape(e.name)}</td>"
            f"<td class='num'>{e.count}</td><td>{escape(', '.join(e.aliases))}</td></tr>"
            for i, e in enumerate(members[:limit])
        )
        more = len(members) - limit
        tail = f"<p class='meta'>…and {more} more.</p>" if more > 0 else ""
        parts.append(
            f"<h3>{escape(group)}</h3>"
            "<table width='100%' cellspacing='0' cellpadding='3'>"
            "<thead><tr><th width='45%'>Name</th><th width='10%'>Mentions</th>"
            "<th>Also written as</th></tr></thead>" + rows + "</table>" + tail
        )
    return "".join(parts)


def _statements_section(statements: Sequence[Statement]) -> str:
    if not statements:
        return ""
    rows = []
    for i, s in enumerate(statements):
        colour = STANCE_COLOURS[s.label].ink
        shade = f" bgcolor='{ZEBRA}'" if i % 2 else ""
        rows.append(
            f"<tr{shade}><td><b>{escape(speaker_name(s))}</b><br/>"
            f"<span class='muted'>{escape(s.cue.text if s.cue else '')}</span></td>"
            f"<td><span style='color:{colour}'><b>{escape(s.label)}</b></span></td>"
            f"<td>{escape(snippet(s.content.text))}</td>"
            f"<td>{escape(', '.join(s.targets))}</td></tr>"
        )
    return (
        "<h2>Who says what</h2>"
        "<table width='100%' cellspacing='0' cellpadding='3'>"
        "<thead><tr><th width='20%'>Speaker</th><th width='10%'>Stance</th>"
        "<th>Statement</th><th width='18%'>Targets</th></tr></thead>" + "".join(rows) + "</table>"
    )


def report_html(document: Document, analysis: Analysis, generated: datetime | None = None) -> str:
    """The printable report: title, source, date, settings, summary, entities, stance."""
    generated = generated or datetime.now()
    return (
        "<html><head><meta charset='utf-8'/>"
        f"<title>{escape(document.title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(document.title)}</h1>"
        f"<p class='meta'>{_meta_rows(document, analysis, generated)}</p>"
        + _summary_section(analysis)
        + _entities_section(analysis.entities)
        + _statements_section(analysis.statements)
        + "<p class='meta'><br/>Made with Article Reader, offline.</p></body></html>"
    )
