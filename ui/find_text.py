"""Finding a word, a phrase or a pattern in the article's text (no Qt here).

Spans are Python offsets into ``Document.text``, as every other highlight's
are; the article view turns them into Qt positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Hits kept at most (a one-letter search in a book stops here and says so).
MAX_HITS = 50_000


@dataclass(frozen=True)
class FindOptions:
    case: bool = False  # match case
    words: bool = False  # whole words only
    regex: bool = False  # the query is a regular expression


@dataclass(frozen=True)
class FindResult:
    spans: tuple[tuple[int, int], ...] = ()
    error: str = ""  # why the pattern is bad; "" when it is fine
    truncated: bool = False  # more than MAX_HITS: only the first are kept


def pattern(query: str, options: FindOptions) -> re.Pattern[str]:
    """The compiled search; raises ``re.error`` for a bad regular expression."""
    body = query if options.regex else re.escape(query)
    if options.words:
        # Not \b: after a query that ends in a non-word character ("U.S."), \b would
        # ask for a word character next. Whole means no word character either side.
        body = rf"(?<!\w)(?:{body})(?!\w)"
    flags = re.UNICODE if options.case else re.UNICODE | re.IGNORECASE
    return re.compile(body, flags)


def find_all(text: str, query: str, options: FindOptions, limit: int = MAX_HITS) -> FindResult:
    """Every non-empty match of ``query`` in ``text``, in order (at most ``limit``)."""
    if not query:
        return FindResult()
    try:
        compiled = pattern(query, options)
    except re.error as error:
        return FindResult(error=describe_error(error))
    spans: list[tuple[int, int]] = []
    for match in compiled.finditer(text):
        start, end = match.span()
        if end > start:  # "a*" matches nothing everywhere: not a hit
            spans.append((start, end))
            if len(spans) >= limit:
                return FindResult(tuple(spans), truncated=True)
    return FindResult(tuple(spans))


def describe_error(error: re.error) -> str:
    """``re``'s message as a sentence: "Bad pattern: missing ), unterminated subpattern"."""
    message = str(error.msg) if error.msg else str(error)
    where = f" (at character {error.pos + 1})" if error.pos is not None else ""
    return f"Bad pattern: {message}{where}"
