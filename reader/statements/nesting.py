"""Statements inside statements: which of the two a reader wants to see.

"The senator said the company planned to close the plant": the plan is part of
what the senator said, not a second statement of the company's. A cue inside
the reported clause of a verb of saying is part of what is reported, so the
statement it makes is dropped. The other way round, "X appeared to suggest that
..." is one statement, made by "suggest": an attitude whose content holds the
cue of a reported clause gives way to it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .spans import Raw


def drop_nested(raws: list[Raw]) -> list[Raw]:
    """``raws`` without the statements that another one's content holds (see above)."""
    speech = sorted(
        (r for r in raws if r.kind == "speech" and not r.direct and r.cue is not None),
        key=lambda r: r.content[0],
    )
    cue_starts = sorted(r.cue[0] for r in speech if r.cue is not None)
    kept = [r for r in raws if not (r.kind == "attitude" and _holds_a_cue(r, cue_starts))]
    covers = _Covers(speech)
    return [r for r in kept if r.cue is None or r.kind == "other" or not covers.covers(r)]


def _holds_a_cue(raw: Raw, cue_starts: list[int]) -> bool:
    start, end = raw.content
    i = bisect_left(cue_starts, start)
    return i < len(cue_starts) and cue_starts[i] < end


class _Covers:
    """Answers "does another statement's content hold this one's cue?" in O(log n).

    Keeps, for each prefix of the contents sorted by start, the two furthest
    ends (with the statements they belong to), so the statement itself can be
    left out of the answer.
    """

    def __init__(self, outer: list[Raw]) -> None:
        self._starts = [r.content[0] for r in outer]
        best: list[tuple[tuple[int, int], tuple[int, int]]] = []
        first, second = (-1, -1), (-1, -1)  # (end, id of the statement)
        for raw in outer:
            item = (raw.content[1], id(raw))
            if item[0] > first[0]:
                first, second = item, first
            elif item[0] > second[0]:
                second = item
            best.append((first, second))
        self._best = best

    def covers(self, raw: Raw) -> bool:
        assert raw.cue is not None
        pos = raw.cue[0]
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return False
        first, second = self._best[i]
        end = second[0] if first[1] == id(raw) else first[0]
        return end > pos
