"""Text that came out of a PDF as random characters, told from text in any real script.

A PDF font may draw its glyphs without saying which letters they are (no
usable ``ToUnicode`` map); the text layer then yields code points from all over
Unicode: "ੋఠ࠭ ഘੋഌ" where the page shows Korean. Real text in any language
keeps to one script within a word (Japanese mixes kana and Han, which count as
one family here), never starts a word with a combining sign and uses no
private-use or unassigned code points; garbled text breaks those rules in most
of its words.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

GARBLED_WORD_SHARE = 0.5  # of a line's words, from which the line is garbled
_COMMON = "common"
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "HALFWIDTH"})
# Letters of these alphabets meet inside words of real text ("Δx", "β-blocker").
_ALPHABETS = frozenset({"LATIN", "GREEK", "CYRILLIC"})
# First words of the names of letters that belong to no script: signs, styled letters.
_NOT_A_SCRIPT = frozenset(
    {
        "COMBINING",
        "MODIFIER",
        "FULLWIDTH",
        "SUPERSCRIPT",
        "SUBSCRIPT",
        "MATHEMATICAL",
        "ZERO",
        "MICRO",
        "FEMININE",
        "MASCULINE",
        "DOUBLE-STRUCK",
        "SCRIPT",
        "BLACK-LETTER",
        "ANGSTROM",
        "KELVIN",
        "OHM",
        "PLANCK",
        "TURNED",
        "ROMAN",
        "SMALL",
        "CIRCLED",
        "PARENTHESIZED",
    }
)


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """The script family of a letter or mark; ``"common"`` for anything else; None when
    the code point is private-use, unassigned or a surrogate (no real text has it)."""
    category = unicodedata.category(char)
    if category in ("Co", "Cn", "Cs"):
        return None
    if category[0] not in "LM":
        return _COMMON
    first = unicodedata.name(char, "").split(" ", 1)[0]
    if not first or first in _NOT_A_SCRIPT:
        return _COMMON
    return "EAST ASIAN" if first in _EAST_ASIAN else first


def is_garbled_word(word: str) -> bool:
    if unicodedata.category(word[0]).startswith("M"):  # a vowel sign with nothing to sit on
        return True
    scripts: set[str] = set()
    for char in word:
        script = script_of(char)
        if script is None:
            return True
        if script != _COMMON:
            scripts.add(script)
    return len(scripts) > 1 and not scripts <= _ALPHABETS


def is_garbled(line: str) -> bool:
    """Most words of ``line`` could be no language's (see the module docstring)."""
    words = [word for word in line.split() if not word.isascii()]
    if not words:
        return False
    garbled = sum(1 for word in words if is_garbled_word(word))
    return garbled >= GARBLED_WORD_SHARE * len(line.split())
