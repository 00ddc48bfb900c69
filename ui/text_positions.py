"""Python ``str`` offsets (code points) ⇄ Qt text positions (UTF-16 units).

The only place in the UI that knows Qt counts a character outside the Basic
Multilingual Plane (an emoji, most CJK extensions) as two positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Convert positions in one text in O(log k), k = characters beyond U+FFFF.

    Texts made only of BMP characters (nearly all articles) take a fast path
    where both conversions are the identity.
    """

    __slots__ = ("_astral", "_astral_qt", "_length")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Counting UTF-16 units (encoding a book takes 0.4 ms) tells whether there is any
        # astral character; only then does a regular expression find them (4 ms).
        self._astral = (
            [m.start() for m in _ASTRAL.finditer(text)]
            if not text.isascii()
            and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
            else []
        )
        # Qt position of the k-th astral character: every earlier one adds a unit.
        self._astral_qt = [i + k for k, i in enumerate(self._astral)]

    @property
    def is_identity(self) -> bool:
        return not self._astral

    def to_qt(self, i: int) -> int:
        """Qt position of Python index ``i`` (0 ≤ i ≤ len(text), clamped)."""
        i = min(max(i, 0), self._length)
        if not self._astral:
            return i
        return i + bisect_left(self._astral, i)

    def from_qt(self, p: int) -> int:
        """Python index of Qt position ``p``; inside a surrogate pair, the character's start."""
        p = max(p, 0)
        if not self._astral:
            return min(p, self._length)
        # Astral characters starting before p each contributed one extra unit.
        return min(p - bisect_left(self._astral_qt, p), self._length)

    def qt_length(self) -> int:
        return self._length + len(self._astral)
