"""Summary options: the algorithms offered and the summary's length.

Kept apart from ``summarize`` (which loads sumy, NLTK's stemmer and SciPy) so
the window can list the algorithms without paying for those imports.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import InvalidOption

#: The learned summariser (``reader.summary.news``); the others are sumy's and Lead.
NEWS = "news"
#: Every summariser offered, key -> the name people see (toolbar, CLI, README).
ALGORITHMS: dict[str, str] = {
    NEWS: "News",
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
DEFAULT_ALGORITHM = NEWS
DEFAULT_LENGTH = "5"


_COUNT = re.compile(r"\d+")
_PERCENT = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*%")


#: The most sentences a percentage length picks: about what a person reads in ten minutes.
#: 20 % of a long read stays whole; 20 % of *Moby-Dick* (10,000 sentences) would be 2,000.
PERCENT_CAP = 50


@dataclass(frozen=True, slots=True)
class SummaryLength:
    """A summary length: ``value`` sentences, or ``value`` % of the article's sentences
    (every sentence, not only those a summary may pick), at most ``PERCENT_CAP``."""

    value: float
    percent: bool = False

    def count(self, sentences: int, candidates: int | None = None) -> int:
        """How many sentences to pick from an article of ``sentences`` sentences, of which
        ``candidates`` (default: all) may be picked; at least one if any may."""
        available = sentences if candidates is None else candidates
        if available <= 0:
            return 0
        wanted = min(self.wanted(sentences), PERCENT_CAP) if self.percent else int(self.value)
        return min(wanted, available)

    def wanted(self, sentences: int) -> int:
        """The sentences a percentage of ``sentences`` comes to, before any cap (at least one)."""
        return max(1, math.floor(sentences * self.value / 100 + 0.5))

    def capped_at(self, sentences: int) -> int | None:
        """``PERCENT_CAP`` when this percentage of ``sentences`` comes to more, else None."""
        if self.percent and self.wanted(sentences) > PERCENT_CAP:
            return PERCENT_CAP
        return None

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
