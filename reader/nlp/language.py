"""Is this English prose? The one question asked before names and statements are looked for.

The language model is English: on Hebrew, Chinese or French text its entity
recogniser and parser invent names and statements, and on program code or a
device's log they find "speakers" in variable names. So the analysis first
reads a sample of the text:

* the script of its letters (Hebrew, Arabic, Cyrillic, Han...), which names most
  languages outright;
* for Latin letters, the share of each language's commonest function words
  ("the", "of", "and" against "le", "de", "et" or "der", "die", "und");
* the share of its lines that read like code or machine output (``x = f(y);``,
  ``[ 12.5] usb 1-1: ...``, hex dumps).

Only text that is English prose gets names, statements and stance; every text
gets its summary. Deciding takes a few milliseconds on a sample of the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..models import Document

SAMPLE_CHARS = 60_000  # read from evenly spaced places of a long text
SAMPLE_PIECES = 6
MIN_LETTERS = 40  # fewer letters than this: too little to judge, read as English
MIN_WORDS = 30  # fewer words in Latin letters than this: too few to tell the language
FOREIGN_SCRIPT_SHARE = 0.5  # of the letters, in a non-Latin script: not English
FUNCTION_WORD_SHARE = 0.06  # of a language's words in the text, to call it that language
MACHINE_LINE_SHARE = 0.5  # of the lines that read like code or machine output
MIN_LINES = 5
MIN_LETTER_SHARE = 0.3  # of the visible characters: below, numbers and symbols (data)

# Scripts by the code points of their letters; Latin is what is left.
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("Hebrew", "\u0590-\u05ff\ufb1d-\ufb4f"),
    ("Arabic", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"),
    ("Cyrillic", "\u0400-\u052f"),
    ("Greek", "\u0370-\u03ff\u1f00-\u1fff"),
    ("Armenian", "\u0530-\u058f"),
    ("Georgian", "\u10a0-\u10ff"),
    ("Devanagari", "\u0900-\u097f"),
    ("Bengali", "\u0980-\u09ff"),
    ("Tamil", "\u0b80-\u0bff"),
    ("Thai", "\u0e00-\u0e7f"),
    ("Kana", "\u3040-\u30ff\u31f0-\u31ff"),
    ("Hangul", "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"),
    ("Han", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"),
    ("Ethiopic", "\u1200-\u137f"),
)
_SCRIPT_PATTERNS = {name: re.compile(f"[{ranges}]") for name, ranges in _SCRIPTS}
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_VISIBLE = re.compile(r"\S")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# The commonest function words of languages written in Latin letters (each list
# made of words that are rare as words of the others).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(word for word in words.split() if len(word) > 1)  # not initials
    for name, words in {
        "English": "the of and to in is that for was with on as by it be at this are from "
        "have has not but which were been their they would said who will its",
        "French": "le la les des du un une et est dans pour que qui sur au avec pas ne "
        "se ce il elle sont par plus aux été cette leur",
        "German": "der die das und ist nicht den von zu mit sich dem ein eine auf für "
        "auch es im wird sind wurde bei aus nach",
        "Spanish": "el la los las del que y en un una por con para es se al lo como más "
        "pero sus le fue ha este está",
        "Italian": "il la di che e del della per un una non con sono gli le nel alla si "
        "è dei anche come più ha",
        "Portuguese": "o a os as de do da que e em um uma para com não por no na se dos "
        "das mais ao foi são pelo",
        "Dutch": "de het een en van in is dat op te zijn met voor niet aan er ook als "
        "bij door wordt werd",
        "Swedish": "och att det som en på är av för med till den har inte om ett var "
        "jag men från kan",
        "Danish or Norwegian": "og i at det er en til på som med for af ikke den har de "
        "var et jeg fra kan",
        "Polish": "i w na nie się z że do to jest jak co o po ale przez od są tak za dla",
        "Czech": "a v se na je že to s z do o jako ale by jsou jeho také pro které jak",
        "Turkish": "ve bir bu da de için ile olarak daha çok gibi ama olan en ne var kadar",
        "Indonesian": "dan yang di itu dengan untuk tidak ini dari dalam akan pada juga ke "
        "ada mereka",
        "Finnish": "ja on ei että se oli ovat mutta kuin myös hän tai joka sen",
        "Hungarian": "a az és hogy nem is egy ez meg de van volt már csak mint",
        "Romanian": "și în de la cu nu se din pe care este un o ca mai sau fost",
    }.items()
}

# Lines that read like program code or machine output rather than prose.
_MACHINE_LINE = re.compile(
    r"""(?x)
      [{};]\s*$                                   # ends a block or statement
    | ==|!=|=>|->|::|&&|\|\||\+=|\(\)|\)\s*\{     # operators and calls
    | ^\s*(?:def|class|import|return|function|var|let|const|public|private|package
          |using|\#include|\#define|fn|func)\b
    | ^\s*from\s+\S+\s+import\b
    | ^\s*(?:if|elif|else|for|while|try|except|with|raise|yield|assert)\b.*:\s*$
    | ^\s*@[\w.]+                                 # a decorator
    | ^\s*[\w.\[\]'"]+\s*[-+*/|&]?=\s*\S          # an assignment
    | \b(?:self|this)\.\w
    | \w\(                                        # a call: no space before its bracket
    | \b[a-z]+_[a-z_]+\b                          # snake_case names
    | ^\s{4,}\S.*[,(\[]\s*$                        # an indented line that goes on
    | ^\s*(?:\#|//|/\*|\*|--)                      # a comment
    | ^\s*\[\s*\d+\.\d+\]                         # a kernel log's timestamp
    | ^\s*(?:0x)?[0-9a-fA-F]{4,}:?\s+[0-9a-fA-F]{2}  # a hex dump's address and bytes
    | ^\s*\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d)?   # a log line's timestamp
    | (?:\b\w+=\S+.*){2}                          # key=value pairs
    | </?[a-zA-Z][\w:-]*(?:\s[^>]*)?/?>           # markup
    """
)


@dataclass(frozen=True)
class Reading:
    """What kind of text a document holds, as far as the analysis is concerned."""

    language: str  # "English", "Hebrew", "French"...; "" when it is no language at all
    prose: bool  # running text, not code, a log or a table of numbers

    @property
    def english_prose(self) -> bool:
        return self.prose and self.language == "English"

    @property
    def notice(self) -> str:
        """One sentence for a person; empty for English prose."""
        if self.english_prose:
            return ""
        if not self.prose:
            return (
                "This document looks like program code or data rather than prose; names, "
                "statements and stance are only computed for English articles."
            )
        return (
            f"This article looks like {self.language}; names, statements and stance are "
            "only computed for English."
        )


ENGLISH = Reading("English", True)


def reading_of(document: Document) -> Reading:
    """How ``document``'s analysed text reads (see the module docstring)."""
    text = "\n".join(
        document.text[b.start : b.end] for b in document.blocks if b.kind not in ("aside",)
    )
    return read_text(text)


def read_text(text: str) -> Reading:
    sample = _sample(text)
    if _machine_lines(sample):
        return Reading("", False)
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return ENGLISH
    if letters < MIN_LETTER_SHARE * len(_VISIBLE.findall(sample)):
        return Reading("", False)
    scripts = Counter({name: len(p.findall(sample)) for name, p in _SCRIPT_PATTERNS.items()})
    script, count = scripts.most_common(1)[0]
    if count > FOREIGN_SCRIPT_SHARE * letters:
        return Reading(_script_language(script, sample), True)
    if len(_LATIN.findall(sample)) < FOREIGN_SCRIPT_SHARE * letters:
        return Reading("a language other than English", True)
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return ENGLISH
    return Reading(_latin_language(sample), True)


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    piece = SAMPLE_CHARS // SAMPLE_PIECES
    step = (len(text) - piece) // (SAMPLE_PIECES - 1)
    return "\n".join(text[i * step : i * step + piece] for i in range(SAMPLE_PIECES))


def _machine_lines(sample: str) -> bool:
    lines = [line for line in sample.splitlines() if line.strip()]
    if len(lines) < MIN_LINES:
        return False
    machine = sum(1 for line in lines if _MACHINE_LINE.search(line))
    return machine >= MACHINE_LINE_SHARE * len(lines)


def _script_language(script: str, sample: str) -> str:
    if script == "Han":  # Japanese writes Han with kana, Korean sometimes with Hangul
        return "Japanese" if _SCRIPT_PATTERNS["Kana"].search(sample) else "Chinese"
    if script == "Kana":
        return "Japanese"
    if script == "Hangul":
        return "Korean"
    if script == "Cyrillic":
        return "Ukrainian" if re.search("[іїєґ]", sample) else "Russian"
    if script == "Arabic":
        return "Persian" if re.search("[پچژگ]", sample) else "Arabic"
    if script == "Devanagari":
        return "Hindi"
    return script


def _latin_language(sample: str) -> str:
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "English"
    counts = Counter(words)
    shares = {
        name: sum(counts[w] for w in function_words) / len(words)
        for name, function_words in _FUNCTION_WORDS.items()
    }
    best = max(shares, key=lambda name: shares[name])
    if best == "English" or shares[best] < FUNCTION_WORD_SHARE:
        return "English"  # names, headlines and tables of English news have few
    return best if shares[best] > 1.5 * shares["English"] else "English"
