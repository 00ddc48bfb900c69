"""Summary sentences that lean on the text before them ("He said", "However,").

An extractive summary lifts sentences out of their paragraphs; one that opens
with a pronoun or a connective then points at something the reader never saw.
The summariser keeps its picks (they must match stock sumy), so the window
shows such sentences with the sentence they continue from instead.

The test is a cheap look at the first words, no parse: it runs on every
summary sentence each time the summary changes. It is deliberately
conservative: a word that can also open a self-contained sentence ("That
evening", "This year", "It is unclear whether", "So far") is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from ..models import Document, SectionSummary, Sentence, Summary

#: Opening quotation marks, brackets and spaces skipped before the first word.
_OPENERS = " \t\u00a0\"'“”‘’«»‹›„‚([{"
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+|'[^\W\d_]+")
_HAS_CONTENT = re.compile(r"[^\W_]")
_CLAUSE_END = frozenset(",.;:!?)—–")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TIME_WORDS = _words(
    "morning afternoon evening night week weekend month year decade century season "
    "spring summer autumn fall winter time days weeks months years christmas easter quarter term "
    "monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december"
)

#: Pronouns that open a sentence about someone or something named earlier.
_PERSONAL = frozenset({"he", "she", "they", "his", "her", "their", "its"})
#: Demonstratives: flagged both as pronouns ("This is") and determiners ("These
#: measures"), except before a time word ("This year") or a relative ("Those who").
_DEMONSTRATIVE = frozenset({"this", "these", "those", "such"})
_NOT_AFTER_DEMONSTRATIVE = _TIME_WORDS | {"who", "whose"}
_TITLES = frozenset({"majesty", "highness", "holiness", "excellency", "royal", "honour"})

#: "That" only as a pronoun: before a verb, a contraction or a clause break.
_THAT_VERBS = _words(
    "is was 's 'll 'd has had have will would could can may might should must "
    "does did do means meant made makes leaves left included includes came comes "
    "followed follows seems seemed remains remained prompted led sparked said "
    "also alone too itself just marked marks put puts brought brings gives gave took takes "
    "shows showed"
)

#: "It" is a dummy subject in "It is unclear whether ...", "It is understood ...".
_BE = (
    r"(?:is|was|'s|has been|had been|will be|would be|could be|may be|might be"
    r"|remains|remained|seems|seemed|appears|appeared)"
)
_DUMMY_IT = re.compile(
    rf"it {_BE}(?: (?:not|now|also|still|widely|yet|already|too|very|so|increasingly))*"
    r" (?:[^\W\d_]+ (?:that|whether|if|how|why|when|what|who)\b"
    r"|(?:unclear|clear|possible|impossible|important|necessary|true|hard|difficult|easy|"
    r"time|worth|thought|believed|understood|reported|estimated|feared|hoped|claimed|alleged|"
    r"rumoured|rumored)\b"
    # "It is expected to open": the subject is a thing named earlier.
    r"|(?:expected|said|known|likely|unlikely)\b(?! to\b))"
)

#: Connectives, with the next words that turn them into something self-contained
#: ("Instead of X, Y", "As a result of X", "So far").
_CONNECTIVES: Mapping[tuple[str, ...], frozenset[str]] = {
    tuple(phrase.split()): _words(unless)
    for phrase, unless in {
        "however": "much many hard long often far big small large",
        "but": "",
        "and": "",
        "or": "",
        "nor": "",
        "also": "known",
        "still": "",
        "meanwhile": "",
        "instead": "of",
        "moreover": "",
        "furthermore": "",
        "further": "",
        "nevertheless": "",
        "nonetheless": "",
        "yet": "",
        "so": "far much many long",
        "then": "",
        "thus": "",
        "therefore": "",
        "hence": "",
        "consequently": "",
        "accordingly": "",
        "likewise": "",
        "similarly": "",
        "otherwise": "",
        "besides": "",
        "indeed": "",
        "additionally": "",
        "conversely": "",
        "regardless": "of",
        "again": "",
        "afterwards": "",
        "in addition": "to",
        "even so": "",
        "even then": "",
        "by contrast": "with to",
        "in contrast": "with to",
        "on the other hand": "",
        "as a result": "of",
        "in fact": "",
        "in turn": "",
        "in other words": "",
        "at the same time": "as",
        "since then": "",
        "by then": "",
        "until then": "",
        "after that": "",
        "despite this": "",
        "despite that": "",
        "because of this": "",
        "because of that": "",
        "for this reason": "",
        "either way": "",
        "on top of that": "",
        "the latter": "",
        "the former": "",
        "as such": "",
        "all the same": "",
    }.items()
}
_LONGEST = max(len(phrase) for phrase in _CONNECTIVES)
#: The words a sentence that leans on the one before can open with.
_LEADS = frozenset(
    {*_PERSONAL, "it", *_DEMONSTRATIVE, "that", *(phrase[0] for phrase in _CONNECTIVES)}
)


def leans_on_context(text: str) -> bool:
    """Whether ``text`` opens with a word that points back at earlier text.

    A personal or demonstrative pronoun ("He said", "They", "This is",
    "These measures", "That was") or a connective ("However,", "But",
    "In addition,"), after any opening quotation marks or brackets.
    """
    head = text[:200].lstrip(_OPENERS)
    first = _FIRST_WORD.match(head)
    if first is None:
        return False
    word = first.group()
    # "IT", "SO": an acronym or a shouted headline, not a pronoun.
    if len(word) > 1 and not word[1:].islower():
        return False
    after = head[first.end() : first.end() + 1]
    if after == "-" or after.isalnum() or after == "_":  # "Then-mayor", "So-called"
        return False
    if word.lower() not in _LEADS:  # most sentences: no need to read on
        return False
    words = _WORDS.findall(head.lower().replace("’", "'"))
    following = words[1] if len(words) > 1 else ""
    lead = words[0]

    if lead in _PERSONAL:
        return not (lead in ("his", "her") and following in _TITLES)
    if lead == "it":
        return _DUMMY_IT.match(" ".join(words[:8])) is None
    if lead in _DEMONSTRATIVE:
        return following not in _NOT_AFTER_DEMONSTRATIVE
    if lead == "that":
        past_tense = len(following) >= 6 and following.endswith("ed")  # "That angered"
        return after in _CLAUSE_END or following in _THAT_VERBS or past_tense
    for size in range(min(_LONGEST, len(words)), 0, -1):
        unless = _CONNECTIVES.get(tuple(words[:size]))
        if unless is not None:
            return size == len(words) or words[size] not in unless
    return False


def context_for(
    document: Document,
    sentences: Sequence[Sentence],
    summary: Summary | SectionSummary,
    picked: Collection[int] | None = None,
) -> dict[int, Sentence]:
    """The sentence each summary sentence continues from, when the summary leaves it out.

    Keyed by ``Sentence.index``: for every summary sentence that leans on
    context (see ``leans_on_context``), the body sentence just before it (in
    its block, or the last one of an earlier body block, past any headings),
    unless that sentence is picked too: in ``picked`` (indices), by default
    in ``summary``. Sentences of punctuation only (a ``* * *`` divider) are
    passed over. The cost is the summary's, not the document's: a book's
    section summaries are looked at a few at a time.
    """
    place = _Places(sentences)
    if picked is None:
        picked = {s.index for s in summary.sentences}
    found: dict[int, Sentence] = {}
    for chosen in summary.sentences:
        position = place.of(chosen.index)
        if position is None:
            continue
        own = sentences[position]
        if (own.start, own.end) != (chosen.start, chosen.end):
            continue  # the summary belongs to another segmentation
        if not leans_on_context(document.text[own.start : own.end]):
            continue
        previous = _previous_body_sentence(document, sentences, position)
        if previous is not None and previous.index not in picked:
            found[own.index] = previous
    return found


class _Places:
    """Where the sentence of a given ``Sentence.index`` is in ``sentences``: at that index
    when they are a document's sentences in order, else looked up."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = sentences
        self._lookup: dict[int, int] | None = None

    def of(self, index: int) -> int | None:
        if 0 <= index < len(self._sentences) and self._sentences[index].index == index:
            return index
        if self._lookup is None:
            self._lookup = {s.index: p for p, s in enumerate(self._sentences)}
        return self._lookup.get(index)


def _previous_body_sentence(
    document: Document, sentences: Sequence[Sentence], position: int
) -> Sentence | None:
    for k in range(position - 1, -1, -1):
        candidate = sentences[k]
        if not 0 <= candidate.block < len(document.blocks):
            continue
        if document.blocks[candidate.block].kind in ("title", "heading"):
            continue
        if _HAS_CONTENT.search(document.text, candidate.start, candidate.end) is None:
            continue  # a divider, not a sentence
        return candidate
    return None
