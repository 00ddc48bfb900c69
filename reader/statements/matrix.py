"""Who speaks about whom, and how: the speaker × target view of the statements.

Rows are speakers (the entity a speaker resolves to, else the words that name
them: "A U.S. official"); columns are the entities their statements name.
Each cell counts the statements by their stance toward that target, and its
net stance (supportive minus critical) colours it. Statements the article
makes in its own voice have no speaker and no row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import StanceLabel, Statement


@dataclass(frozen=True)
class MatrixCell:
    speaker: str
    target: str
    supportive: int
    neutral: int
    critical: int
    statements: tuple[int, ...]  # indices into the statements the matrix was made of

    @property
    def count(self) -> int:
        return self.supportive + self.neutral + self.critical

    @property
    def net(self) -> int:
        """Supportive minus critical statements."""
        return self.supportive - self.critical

    @property
    def label(self) -> StanceLabel:
        """The cell's net stance."""
        return "supportive" if self.net > 0 else "critical" if self.net < 0 else "neutral"


@dataclass(frozen=True)
class StanceMatrix:
    speakers: tuple[str, ...]  # rows, most statements first
    targets: tuple[str, ...]  # columns, most statements first
    cells: tuple[MatrixCell, ...]

    def cell(self, speaker: str, target: str) -> MatrixCell | None:
        return next((c for c in self.cells if c.speaker == speaker and c.target == target), None)

    def __bool__(self) -> bool:
        return bool(self.cells)


def speaker_of(statement: Statement) -> str | None:
    """The row a statement belongs to; None when the article speaks itself."""
    if statement.speaker.start is None:
        return None
    return statement.speaker.entity or " ".join(statement.speaker.text.split())


def speaker_target_matrix(
    statements: Sequence[Statement], max_speakers: int = 0, max_targets: int = 0
) -> StanceMatrix:
    """The matrix of ``statements``; with limits, only the most active speakers and
    the most named targets (ties in order of appearance)."""
    tallies: dict[tuple[str, str], list[int]] = {}
    for index, statement in enumerate(statements):
        speaker = speaker_of(statement)
        if speaker is None:
            continue
        for stance in statement.stances:
            if stance.target != speaker:
                tallies.setdefault((speaker, stance.target), []).append(index)
    rows: Counter[str] = Counter()
    columns: Counter[str] = Counter()
    for (speaker, target), indices in tallies.items():
        rows[speaker] += len(indices)
        columns[target] += len(indices)
    speakers = _top(rows, max_speakers)
    targets = _top(columns, max_targets)
    kept_rows, kept_columns = set(speakers), set(targets)
    cells = []
    for (speaker, target), indices in tallies.items():
        if speaker not in kept_rows or target not in kept_columns:
            continue
        labels = Counter(
            next(s.label for s in statements[i].stances if s.target == target) for i in indices
        )
        cells.append(
            MatrixCell(
                speaker,
                target,
                labels["supportive"],
                labels["neutral"],
                labels["critical"],
                tuple(indices),
            )
        )
    return StanceMatrix(speakers, targets, tuple(cells))


def _top(counts: Counter[str], limit: int) -> tuple[str, ...]:
    ranked = [name for name, _ in counts.most_common()]  # stable: first seen wins a tie
    return tuple(ranked[:limit] if limit else ranked)
