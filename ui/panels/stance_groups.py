"""Statements grouped by speaker, and the words the stance panel uses for them.

Plain Python: grouping and wording are presentation, not NLP (the statements
come ready-made from the core), and are tested without widgets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reader import STANCE_LABELS, UNCERTAIN_BELOW, Statement, stance_phrase

LABELS = STANCE_LABELS
ARTICLE_KEY = "article"
ARTICLE_NAME = "The article itself"


@dataclass(frozen=True)
class SpeakerGroup:
    """The statements of one speaker, in article order."""

    key: str  # stable identity: "entity:<name>", "text:<casefolded text>" or "article"
    name: str  # what the panel shows
    statements: tuple[Statement, ...]

    @property
    def count(self) -> int:
        return len(self.statements)

    @property
    def is_article(self) -> bool:
        return self.key == ARTICLE_KEY

    def label_counts(self) -> Counter[str]:
        return Counter(s.label for s in self.statements)


def speaker_key(statement: Statement) -> tuple[str, str]:
    """``(key, display name)`` of the group a statement belongs to."""
    speaker = statement.speaker
    if speaker.start is None:
        return ARTICLE_KEY, ARTICLE_NAME
    if speaker.entity:
        return f"entity:{speaker.entity}", speaker.entity
    text = " ".join(speaker.text.split()) or "(unnamed)"
    return f"text:{text.casefold()}", text


def group_by_speaker(statements: Iterable[Statement]) -> list[SpeakerGroup]:
    """Groups by count (most first, then first appearance); the article itself last."""
    members: dict[str, list[Statement]] = {}
    names: dict[str, str] = {}
    for statement in sorted(statements, key=lambda s: (s.content.start, s.content.end)):
        key, name = speaker_key(statement)
        members.setdefault(key, []).append(statement)
        names.setdefault(key, name)
    order = {key: i for i, key in enumerate(members)}
    keys = sorted(members, key=lambda k: (k == ARTICLE_KEY, -len(members[k]), order[k]))
    return [SpeakerGroup(k, names[k], tuple(members[k])) for k in keys]


def leaning(labels: Counter[str] | Iterable[str]) -> str:
    """A few words for a mix of labels: "critical", "all neutral", "mostly critical", "mixed"."""
    counts = labels if isinstance(labels, Counter) else Counter(labels)
    total = sum(counts.values())
    if total == 0:
        return ""
    (top, n), *rest = counts.most_common()
    if n == total:
        return top if total == 1 else f"all {top}"
    if n / total >= 0.6 and (not rest or rest[0][1] < n):
        return f"mostly {top}"
    return "mixed"


def speaker_details(group: SpeakerGroup, shown: int) -> tuple[str, ...]:
    """The count and leaning of a speaker row, longest wording first (for narrow panels)."""
    lean = leaning(group.label_counts())
    count = plural(group.count, "statement")
    if shown != group.count:
        return (f"{shown} of {count} · {lean}", f"{shown}/{group.count} · {lean}")
    return (f"{count} · {lean}", f"{group.count} · {lean}")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def snippet(text: str) -> str:
    return " ".join(text.split())


def targets_text(statement: Statement) -> str:
    """ "→ Israel (critical), Lebanon (neutral?)": whom it names, and how."""
    if not statement.stances:
        return "→ " + ", ".join(statement.targets) if statement.targets else ""
    return "→ " + ", ".join(
        f"{t.target} ({t.label}{'?' if t.confidence < UNCERTAIN_BELOW else ''})"
        for t in statement.stances
    )


def pill_text(statement: Statement) -> str:
    """The label as its pill shows it: "critical", or "critical?" when unsure."""
    return statement.label + ("?" if statement.uncertain else "")


def label_line(statement: Statement) -> str:
    """ "Critical (86 % sure)", or "Perhaps critical (52 % sure)"."""
    sure = f"{round(100 * statement.confidence)} % sure"
    if statement.uncertain:
        return f"Perhaps {statement.label} ({sure}: uncertain)"
    return f"{statement.label.capitalize()} ({sure})"


def tooltip(statement: Statement) -> str:
    """Why the statement got its label: the label, how sure, the reasons, each target."""
    lines = [f"<b>{escape(label_line(statement))}</b>"]
    if statement.reasons:
        lines.append("<br>".join(f"• {escape(r)}" for r in statement.reasons))
    if len(statement.stances) > 1:
        toward = (f"{t.target}: {stance_phrase(t.label, t.confidence)}" for t in statement.stances)
        lines.append("Toward each name: " + escape("; ".join(toward)))
    kind = "Quoted directly" if statement.direct else "Reported"
    if statement.speaker.start is None:
        kind = "Said by the article itself"
    lines.append(f"<i>{kind}</i>. Click or press Enter to show it in the article.")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
