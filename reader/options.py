"""Summary options: the algorithms offered and the summary's length.

Kept apart from ``summarize`` (which loads sumy, NLTK's stemmer and SciPy) so
the window can list the algorithms without paying for those imports.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import InvalidOption

ALGORITHMS: dict[str, str] = {
    "lead": "Lead",
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA",
    "luhn": "Luhn",
    "edmundson": "Edmundson",
    "kl": "KL-Sum",
    "sumbasic": "SumBasic",
    "reduction": "Reduction",
}
DEFAULT_ALGORITHM = "textrank"
DEFAULT_LENGTH = "5"


_COUNT = re.compile(r"\d+")
_PERCENT = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*%")


@dataclass(frozen=True, slots=True)
class SummaryLength:
    """A summary length: ``value`` sentences, or ``value`` % of the candidates."""

    value: float
    percent: bool = False

    def count(self, candidates: int) -> int:
        """How many of ``candidates`` sentences to pick (at least one if any)."""
        if candidates <= 0:
            return 0
        if self.percent:
            wanted = max(1, math.floor(candidates * self.value / 100 + 0.5))
        else:
            wanted = int(self.value)
        return min(wanted, candidates)

    def __str__(self) -> str:
        if not self.percent:
            return str(int(self.value))
        return f"{self.value:g}%"


def parse_length(text: str) -> SummaryLength:
    """``"N"`` (N ≥ 1 sentences) or ``"N%"`` (0 < N ≤ 100); else ``InvalidOption``."""
    cleaned = str(text).strip()
    if _COUNT.fullmatch(cleaned):
        value = int(cleaned)
        if value >= 1:
            return SummaryLength(value)
        raise InvalidOption("A summary needs at least one sentence.")
    match = _PERCENT.fullmatch(cleaned)
    if match:
        share = float(match.group(1))
        if 0 < share <= 100:
            return SummaryLength(share, percent=True)
        raise InvalidOption(
            f"A summary length in percent must be above 0 and at most 100, not {cleaned}."
        )
    raise InvalidOption(
        f"The summary length {cleaned!r} is not a number of sentences (like 5) "
        "or a percentage (like 20%)."
    )


def algorithm_key(name: str) -> str:
    """The key of ``name``, given as key or display name in any case; else ``InvalidOption``."""
    wanted = str(name).strip().lower()
    for key, display in ALGORITHMS.items():
        if wanted in (key, display.lower()):
            return key
    known = ", ".join(ALGORITHMS)
    raise InvalidOption(f"There is no summary algorithm {name!r}; choose one of {known}.")
