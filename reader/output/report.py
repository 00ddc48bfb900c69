"""The analysis as plain text and Markdown: the command line's output, the copied summary,
and the report as a Markdown file; with the wording they share with the printed report
(``report_html``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from ..entities.groups import ENTITY_GROUPS, group_of
from ..models import (
    PORTRAYAL_LABELS,
    UNCERTAIN_BELOW,
    Analysis,
    Document,
    Entity,
    Portrayal,
    Statement,
    Summary,
)

CONTENT_SNIPPET = 220


def algorithm_name(key: str) -> str:
    from ..options import ALGORITHMS

    return ALGORITHMS.get(key, key)


def length_label(length: str) -> str:
    if length.endswith("%"):
        return f"{length} of the sentences"
    return "1 sentence" if length == "1" else f"{length} sentences"


def made_with(summary: Summary) -> str:
    """How a summary was made: "TextRank, 5 sentences"."""
    return f"{algorithm_name(summary.algorithm)}, {length_label(summary.length)}"


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
    lines = [document.title, source_line(document), f"Summary by {made_with(summary)}", ""]
    lines += [f"• {s.text}" for s in summary.sentences]
    return "\n".join(lines) + "\n"


def summary_markdown(document: Document, summary: Summary) -> str:
    lines = [
        f"# {document.title}",
        "",
        f"*{source_line(document)}* — summary by {made_with(summary)}",
        "",
    ]
    lines += [f"- {s.text}" for s in summary.sentences]
    return "\n".join(lines) + "\n"


# --- entities and statements --------------------------------------------------


def stance_phrase(label: str, confidence: float) -> str:
    """ "critical (86 %)"; "critical? (52 %)" when the model is unsure."""
    mark = "?" if confidence < UNCERTAIN_BELOW else ""
    return f"{label}{mark} ({round(100 * confidence)} %)"


def portrayal_phrase(portrayal: Portrayal) -> str:
    """ "2 positive · 5 neutral · 1 negative", and how many sentences that covers."""
    counts = portrayal.counts()
    phrase = " · ".join(f"{counts[label]} {label}" for label in PORTRAYAL_LABELS)
    if portrayal.judged < portrayal.sentences:
        return f"{phrase} (a sample of {portrayal.judged} of its {portrayal.sentences} sentences)"
    return phrase


def entities_text(entities: Sequence[Entity], portrayals: Sequence[Portrayal] = ()) -> str:
    portrayal_of = {p.entity: p for p in portrayals}
    lines = []
    for group in ENTITY_GROUPS:
        members = [e for e in entities if group_of(e.type) == group]
        if not members:
            continue
        lines.append(f"{group}:")
        for e in members:
            also = f"  (also: {', '.join(e.aliases)})" if e.aliases else ""
            lines.append(f"  {e.name} [{e.type}] ×{e.count}{also}")
            if e.name in portrayal_of:
                lines.append(f"    portrayed: {portrayal_phrase(portrayal_of[e.name])}")
    return "\n".join(lines) + "\n" if lines else "No entities found.\n"


def entities_markdown(entities: Sequence[Entity], portrayals: Sequence[Portrayal] = ()) -> str:
    if not entities:
        return "No entities found.\n"
    portrayal_of = {p.entity: p for p in portrayals}
    rows = [
        "| Entity | Type | Mentions | Also written as | Portrayed |",
        "|---|---|---:|---|---|",
    ]
    for e in entities:
        name = e.name.replace("|", "\\|")
        portrayed = portrayal_phrase(portrayal_of[e.name]) if e.name in portrayal_of else ""
        rows.append(f"| {name} | {e.type} | {e.count} | {', '.join(e.aliases)} | {portrayed} |")
    return "\n".join(rows) + "\n"


def target_phrases(statement: Statement) -> str:
    """ "Israel: critical (86 %), Lebanon: neutral (70 %)"."""
    return ", ".join(
        f"{t.target}: {stance_phrase(t.label, t.confidence)}" for t in statement.stances
    )


def speaker_name(statement: Statement) -> str:
    return statement.speaker.entity or statement.speaker.text


def statements_text(statements: Sequence[Statement]) -> str:
    if not statements:
        return "No attributed statements found.\n"
    lines = []
    for s in statements:
        cue = s.cue.text if s.cue else "—"
        targets = f" → {target_phrases(s)}" if s.stances else ""
        content = " ".join(s.content.text.split())  # whole: a script reads what was said
        label = s.label + ("?" if s.uncertain else "")
        lines.append(f"[{label}] {speaker_name(s)} ({cue}): {content}{targets}")
    return "\n".join(lines) + "\n"


def statements_markdown(statements: Sequence[Statement]) -> str:
    if not statements:
        return "No attributed statements found.\n"
    rows = ["| Speaker | Cue | Stance | Statement | Targets |", "|---|---|---|---|---|"]
    for s in statements:
        cells = [
            speaker_name(s),
            s.cue.text if s.cue else "",
            stance_phrase(s.label, s.confidence),
            " ".join(s.content.text.split()),
            target_phrases(s),
        ]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


def report_markdown(
    document: Document, analysis: Analysis, generated: datetime | None = None
) -> str:
    """The whole report as Markdown: what it is of, the summary, entities, who says what."""
    generated = generated or datetime.now()
    lines = [f"# {document.title}", "", f"- Source: {Path(document.path).name}"]
    for key in ("author", "sitename", "date"):
        if document.metadata.get(key):
            lines.append(f"- {key.capitalize()}: {document.metadata[key]}")
    if analysis.summary is not None:
        lines.append(f"- Summariser: {made_with(analysis.summary)}")
    lines += [f"- Report made: {generated.strftime('%Y-%m-%d %H:%M')}", "", "## Summary", ""]
    summary = analysis.summary.sentences if analysis.summary is not None else ()
    lines += [f"{i}. {s.text}" for i, s in enumerate(summary, 1)] or ["No summary."]
    lines += [
        "",
        "## Entities",
        "",
        entities_markdown(analysis.entities, analysis.portrayals).rstrip(),
    ]
    lines += ["", "## Who says what", "", statements_markdown(analysis.statements).rstrip()]
    return "\n".join(lines) + "\n"
