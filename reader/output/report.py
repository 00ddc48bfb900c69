"""The analysis as plain text and Markdown: the command line's output, the copied summary,
and the report as a Markdown file; with the wording they share with the printed report
(``report_html``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from ..entities.groups import ENTITY_GROUPS, group_of
from ..models import (
    PORTRAYAL_LABELS,
    STANCE_LABELS,
    UNCERTAIN_BELOW,
    Analysis,
    Document,
    Entity,
    Portrayal,
    StanceLabel,
    Statement,
    Summary,
)
from ..statements.matrix import MatrixCell, StanceMatrix, speaker_target_matrix

CONTENT_SNIPPET = 220


def algorithm_name(key: str) -> str:
    from ..options import ALGORITHMS

    return ALGORITHMS.get(key, key)


def length_label(length: str) -> str:
    if length.endswith("%"):
        return f"{length} of the sentences"
    return "1 sentence" if length == "1" else f"{length} sentences"


def made_with(summary: Summary) -> str:
    """How a summary was made: "TextRank, 5 sentences"; "News, 20% of the sentences
    (at most 50)" when the percentage was capped; "Lead, 22 sentences (30 asked)" when
    the article has fewer to pick than were asked for."""
    name, given = algorithm_name(summary.algorithm), len(summary.sentences)
    if summary.length.isdigit() and given < int(summary.length):
        return f"{name}, {length_label(str(given))} ({summary.length} asked)"
    made = f"{name}, {length_label(summary.length)}"
    return made if summary.capped_at is None else f"{made} (at most {summary.capped_at})"


def cap_note(summary: Summary) -> str:
    """One sentence on a percentage capped at what a person reads; "" when it was not."""
    if summary.capped_at is None:
        return ""
    also = " Each section has its own summary too." if summary.sections else ""
    return (
        f"{summary.length} of this document is more than a person reads: the summary "
        f"stops at {summary.capped_at} sentences.{also}"
    )


#: What the section summaries are listed under.
SECTIONS_HEADING = "By section"


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
    lines = [document.title, source_line(document), f"Summary by {made_with(summary)}"]
    lines += [cap_note(summary)] if summary.capped_at is not None else []
    lines += ["", *(f"• {s.text}" for s in summary.sentences)]
    if summary.sections:
        lines += ["", f"{SECTIONS_HEADING}:"]
    for section in summary.sections:
        lines += ["", section.title, *(f"• {s.text}" for s in section.sentences)]
    return "\n".join(lines) + "\n"


def summary_markdown(document: Document, summary: Summary) -> str:
    lines = [
        f"# {document.title}",
        "",
        f"*{source_line(document)}* — summary by {made_with(summary)}",
        "",
    ]
    lines += [cap_note(summary), ""] if summary.capped_at is not None else []
    lines += [f"- {s.text}" for s in summary.sentences]
    lines += sections_markdown(summary, level=2)
    return "\n".join(lines) + "\n"


def sections_markdown(summary: Summary, level: int) -> list[str]:
    """The section summaries as Markdown lines: a heading of ``level``, then each section's
    title in bold and its sentences as a list; [] when there are none."""
    if not summary.sections:
        return []
    lines = ["", f"{'#' * level} {SECTIONS_HEADING}"]
    for section in summary.sections:
        lines += ["", f"**{section.title}**", ""]
        lines += [f"- {s.text}" for s in section.sentences]
    return lines


# --- entities and statements --------------------------------------------------


def stance_phrase(label: str, confidence: float) -> str:
    """ "critical (86 %)"; "critical? (52 %)" when the model is unsure."""
    mark = "?" if confidence < UNCERTAIN_BELOW else ""
    return f"{label}{mark} ({round(100 * confidence)} %)"


def portrayal_phrase(portrayal: Portrayal) -> str:
    """ "2 positive · 5 neutral · 1 negative", and how many sentences that covers."""
    if not portrayal.judged:
        return "not judged (in a long text only the most named are)"
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
    if analysis.summary is not None and analysis.summary.capped_at is not None:
        lines += [cap_note(analysis.summary), ""]
    lines += [f"{i}. {s.text}" for i, s in enumerate(summary, 1)] or ["No summary."]
    if analysis.summary is not None:
        lines += sections_markdown(analysis.summary, level=3)
    lines += [
        "",
        "## Entities",
        "",
        entities_markdown(analysis.entities, analysis.portrayals).rstrip(),
    ]
    matrix = matrix_markdown(analysis.statements)
    if matrix:
        lines += ["", f"## {MATRIX_HEADING}", "", matrix.rstrip()]
    lines += ["", "## Who says what", "", statements_markdown(analysis.statements).rstrip()]
    return "\n".join(lines) + "\n"


# --- who speaks about whom: the speaker × target matrix in the report ---------------

_Label = TypeVar("_Label", bound=str)
MATRIX_HEADING = "Who speaks about whom"
#: The most a report's matrix shows: the most active speakers, the most named targets.
MATRIX_SPEAKERS = 12
MATRIX_TARGETS = 10
#: A mark for each stance, so that counts read without colour (a greyscale print).
STANCE_MARKS: dict[StanceLabel, str] = {"supportive": "▲", "critical": "▼", "neutral": "●"}
assert tuple(STANCE_MARKS) == STANCE_LABELS
#: An entity's portrayal in the same marks: positive as supportive, negative as critical.
PORTRAYAL_MARKS = {"positive": "▲", "neutral": "●", "negative": "▼"}
assert tuple(PORTRAYAL_MARKS) == PORTRAYAL_LABELS


def report_matrix(
    statements: Sequence[Statement], max_targets: int = MATRIX_TARGETS
) -> tuple[StanceMatrix, str]:
    """The matrix a report shows (at most ``MATRIX_SPEAKERS`` × ``max_targets``, no
    empty row or column) and, when it leaves some out, a sentence saying so."""
    whole = speaker_target_matrix(statements)
    kept = speaker_target_matrix(statements, MATRIX_SPEAKERS, max_targets)
    speakers = tuple(p for p in kept.speakers if any(c.speaker == p for c in kept.cells))
    targets = tuple(t for t in kept.targets if any(c.target == t for c in kept.cells))
    shown = StanceMatrix(speakers, targets, kept.cells)
    cut = []
    if len(speakers) < len(whole.speakers):
        cut.append(f"the {len(speakers)} most active of {len(whole.speakers)} speakers")
    if len(targets) < len(whole.targets):
        cut.append(f"the {len(targets)} most named of {len(whole.targets)} targets")
    return shown, f"Shown: {' and '.join(cut)}." if cut else ""


def cell_phrase(cell: MatrixCell) -> str:
    """ "▲2 ▼1": a cell's statements by stance, in ``STANCE_LABELS`` order, none left 0."""
    counts = {"supportive": cell.supportive, "critical": cell.critical, "neutral": cell.neutral}
    return " ".join(f"{STANCE_MARKS[k]}{counts[k]}" for k in STANCE_LABELS if counts[k])


def marks_legend(marks: Mapping[_Label, str]) -> str:
    """ "▲ supportive, ▼ critical, ● neutral": ``STANCE_MARKS`` or ``PORTRAYAL_MARKS``."""
    return ", ".join(f"{mark} {label}" for label, mark in marks.items())


def matrix_legend() -> str:
    return (
        "Each cell counts a speaker's statements about a target by how they portray it: "
        f"{marks_legend(STANCE_MARKS)}."
    )


def matrix_markdown(statements: Sequence[Statement]) -> str:
    """The matrix as a Markdown table, its legend and what it leaves out; "" when empty."""
    matrix, left_out = report_matrix(statements)
    if not matrix:
        return ""
    rows = ["| Speaker | " + " | ".join(map(_cell_text, matrix.targets)) + " |"]
    rows.append("|---|" + ":---:|" * len(matrix.targets))
    for speaker in matrix.speakers:
        cells = [matrix.cell(speaker, target) for target in matrix.targets]
        phrases = [cell_phrase(cell) if cell else "" for cell in cells]
        rows.append(f"| {_cell_text(speaker)} | " + " | ".join(phrases) + " |")
    notes = [matrix_legend()] + ([left_out] if left_out else [])
    return "\n".join(rows) + "\n\n" + " ".join(notes) + "\n"


def _cell_text(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
