"""Words, stop words and stems for every summariser: sumy's rules without sumy's imports.

The News summariser needs only these, and sumy's stemmer module imports all of
NLTK (and through it SciPy's statistics), a second before the first summary.
So the words are split here the way sumy's tokenizer splits them, its English
stop-word list is read from its package data, and words are stemmed with the
Snowball English stemmer of ``snowballstemmer`` (PyStemmer's C code when it is
installed). sumy's own algorithms get the same ``stem`` (``sumy_adapter``), so
every summariser sees the same stems.
"""

from __future__ import annotations

import functools
import pkgutil
import re

import snowballstemmer

LANGUAGE = "english"


def _stop_words() -> frozenset[str]:
    data = pkgutil.get_data("sumy", f"data/stopwords/{LANGUAGE}.txt") or b""
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


STOP_WORDS: frozenset[str] = _stop_words()

_STEMMER = snowballstemmer.stemmer(LANGUAGE)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The Snowball stem of ``word``, lower-cased (a book stems the same words often)."""
    return _STEMMER.stemWord(word.lower())


# Words as sumy's ``Tokenizer.to_words`` keeps them: NLTK's Treebank tokens
# that start with a letter and hold only letters, apostrophes and hyphens.
# Numbers and punctuation are dropped; dotted acronyms ("U.S.") become "US".
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['\-][^\W\d_]+)*")
_CLITIC = re.compile(r"'(?:s|d|m|ll|re|ve)$", re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def to_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, split like sumy's NLTK tokenizer splits them.

    Clitics go as the Treebank rules cut them off ("Smith's" → "Smith",
    "we'll" → "we"); negated auxiliaries ("don't") stay whole because sumy's
    English stop-word list holds them whole.
    """
    words = _WORD.findall(text.translate(_APOSTROPHES))
    return tuple(_plain(w) if w[-1] == "." or "'" in w else w for w in words)


def _plain(word: str) -> str:
    return word.replace(".", "") if word.endswith(".") else _CLITIC.sub("", word)
