"""Stance of each statement: supportive, critical or neutral, with its reasons.

A statement's score is VADER's compound sentiment of its content plus the lean
of its cue ("blasted" leans critical, "praised" supportive). Its targets are the
entities its content mentions (the speaker excluded). ``stance_toward`` gives
the sentiment a sentence carries toward one span of it: VADER word valences
weighted by their distance to the target in the dependency tree, the target's
role and quotation marks, combined by a 33-number logistic regression.

VADER comes from the ``vaderSentiment`` package, which ships its lexicon; no
data is ever downloaded.
"""

from __future__ import annotations

import heapq
import re
import threading
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..models import Block, Document, Entity, Speaker, StanceLabel, Statement
from ..nlp import ParsedBlock, load_model
from ..nlp.cues import CUE_LEAN
from .attribution import Attribution, extract_attributions
from .quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

CUE_WEIGHT = 0.35  # how far a leaning cue moves the score
# News prose reads mildly positive to VADER, hence the asymmetric thresholds; chosen
# for whole-sentence VADER by macro F1 on NewsMTSC's train split (53.5 vs 52.0 at ±0.05).
STATEMENT_SUPPORTIVE = 0.3  # score above this is supportive
STATEMENT_CRITICAL = -0.1  # score below this is critical
TARGET_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)


_lock = threading.Lock()
_analyzer: SentimentIntensityAnalyzer | None = None


def analyzer() -> SentimentIntensityAnalyzer:
    global _analyzer
    with _lock:
        if _analyzer is None:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            _analyzer = SentimentIntensityAnalyzer()
        return _analyzer


def extract_statements(
    document: Document, parsed: list[ParsedBlock], entities: tuple[Entity, ...]
) -> tuple[Statement, ...]:
    """Every statement of ``document`` in article order, with its stance."""
    mentions = _MentionIndex(entities)
    return tuple(_statement(a, mentions) for a in extract_attributions(document, parsed, entities))


def _statement(attribution: Attribution, mentions: _MentionIndex) -> Statement:
    if attribution.speaker is None:
        speaker = Speaker(None, None, "(article)")
    else:
        s = attribution.speaker
        speaker = Speaker(s.start, s.end, s.text, attribution.entity)
    content = attribution.content
    cue = attribution.cue.text if attribution.cue else None
    score, reasons = score_statement(content.text, cue)
    targets = tuple(
        name for name in mentions.names_in(content.start, content.end) if name != attribution.entity
    )
    return Statement(
        speaker=speaker,
        cue=attribution.cue,
        content=content,
        label=label_of(score, STATEMENT_SUPPORTIVE, STATEMENT_CRITICAL),
        score=score,
        targets=targets,
        reasons=reasons,
        direct=attribution.direct,
    )


def score_statement(content: str, cue: str | None) -> tuple[float, tuple[str, ...]]:
    """Signed score of a statement and the reasons for it, for people to read."""
    compound = content_sentiment(content)
    reasons: list[str] = []
    lean = 0.0
    if cue:
        lean = cue_lean(cue)
        if lean:
            side = "critical" if lean < 0 else "supportive"
            reasons.append(f"cue ‘{cue}’ leans {side}")
    words = _sentiment_words(content, compound)
    if abs(compound) >= 0.05:
        detail = f" ({', '.join(words)})" if words else ""
        reasons.append(f"content sentiment {_signed(compound)}{detail}")
    else:
        reasons.append("content sentiment neutral")
    score = max(-1.0, min(1.0, compound + CUE_WEIGHT * lean))
    return round(score, 3), tuple(reasons)


#: Contents longer than this many words are scored piece by piece: VADER's time
#: grows much faster than linearly with the length of one text.
LONG_CONTENT_WORDS = 80
_PIECE_END = re.compile(r"(?<=[.!?;])\s+")


def content_sentiment(content: str) -> float:
    """VADER's compound score; a long content is the word-weighted mean of its pieces."""
    vader = analyzer()
    if len(content.split()) <= LONG_CONTENT_WORDS:
        return vader.polarity_scores(content)["compound"]
    pieces = [p for p in _PIECE_END.split(content) if p.strip()]
    weights = [len(p.split()) for p in pieces]
    total = sum(weights)
    scores = (vader.polarity_scores(p)["compound"] for p in pieces)
    return sum(w * s for w, s in zip(weights, scores, strict=True)) / total if total else 0.0


def cue_lean(cue: str) -> float:
    """-1, 0 or 1: the lean of a cue such as "blasted", "has praised", "called for"."""
    for word in reversed(cue.lower().split()):
        for lemma in _lemmas(word):
            if lemma in CUE_LEAN:
                return CUE_LEAN[lemma]
    return 0.0


def _lemmas(word: str) -> Iterable[str]:
    """Cheap lemma candidates of an English verb form (blasted, praises, accusing)."""
    word = word.strip(".,;:!?\"'“”‘’")
    yield word
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ing", "e"),
        ("d", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)] + repl


def _sentiment_words(text: str, compound: float, limit: int = 3) -> list[str]:
    """The lexicon words that push the sentiment the way it went, strongest first."""
    lexicon = analyzer().lexicon
    seen: dict[str, float] = {}
    for raw in text.split():
        word = raw.strip(".,;:!?\"'“”‘’()[]").lower()
        value = lexicon.get(word)
        if value is not None and (value < 0) == (compound < 0) and word not in seen:
            seen[word] = value
    if not seen:  # "do not inspire optimism": the words were turned round by a negation
        for raw in text.split():
            word = raw.strip(".,;:!?\"'“”‘’()[]").lower()
            value = lexicon.get(word)
            if value is not None and word not in seen:
                seen[word] = value
        return [f"negated {w}" for w in sorted(seen, key=lambda w: -abs(seen[w]))[:limit]]
    ranked = sorted(seen, key=lambda w: -abs(seen[w]))
    return ranked[:limit]


def _signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


def label_of(score: float, positive: float, negative: float) -> StanceLabel:
    if score > positive:
        return "supportive"
    if score < negative:
        return "critical"
    return "neutral"


class _MentionIndex:
    """Entity names by mention position, for "which entities does this span mention"."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        rows = sorted(
            (m.start, m.end, e.name) for e in entities if e.type in TARGET_TYPES for m in e.mentions
        )
        self._rows = rows
        self._starts = [r[0] for r in rows]

    def names_in(self, start: int, end: int) -> list[str]:
        """Names of the entities mentioned inside the span, in order of first mention."""
        names: dict[str, None] = {}
        i = bisect_left(self._starts, start)
        while i < len(self._rows) and self._rows[i][0] < end:
            if self._rows[i][1] <= end:
                names.setdefault(self._rows[i][2])
            i += 1
        return list(names)


# --------------------------------------------------------------------------- target-dependent

# A three-class logistic regression over the features of ``toward_features``,
# fitted on NewsMTSC's train split only (8,733 targets; class-balanced, L2 = 1,
# 3,000 steps of plain gradient descent with numpy, by a script kept outside the
# repository; no corpus text is kept). Rows: supportive, neutral, critical;
# columns: bias then one weight per feature. Only these numbers were learned.
# Macro F1 on the NewsMTSC dev sets: rw 55.1, mt 57.2 (whole-sentence VADER:
# 50.8 and 52.8).
TOWARD_FEATURES = (
    "sentence compound",
    "positive words, weighted 0.5 ** tree distance to the target",
    "negative words, weighted 0.5 ** distance",
    "positive words anywhere in the sentence",
    "negative words anywhere in the sentence",
    "target is the subject of an act (not of a copula)",
    "subject x weighted negative words",
    "subject x weighted positive words",
    "target inside quotation marks",
    "quotation marks elsewhere in the sentence",
)
TOWARD_WEIGHTS: tuple[tuple[float, ...], ...] = (
    (-0.372, 0.698, 2.470, -1.232, 0.429, -0.231, 0.261, -0.217, 0.268, 0.406, -0.200),
    (0.426, -0.022, -1.684, -1.693, -0.520, -0.157, 0.114, -0.866, -0.592, -0.697, 0.216),
    (-0.054, -0.676, -0.786, 2.925, 0.092, 0.388, -0.375, 1.083, 0.324, 0.292, -0.016),
)
_COPULAS = frozenset({"be", "become", "seem", "remain", "appear", "look", "sound", "stay"})
_TOWARD_LABELS: tuple[StanceLabel, ...] = ("supportive", "neutral", "critical")


def stance_toward(sentence: str, start: int, end: int) -> StanceLabel:
    """How ``sentence`` portrays ``sentence[start:end]``: supportive, critical or neutral.

    VADER's word valences (turned round when the parse shows a negation) are
    summed by their distance to the target in the dependency tree, so the
    words about the target count apart from the rest of the sentence; the
    target's role and quotation marks are features too. A small logistic
    regression (``TOWARD_WEIGHTS``) combines them.
    """
    doc = load_model()(sentence)
    return toward_label(toward_features(doc, start, end))


def toward_label(features: list[float]) -> StanceLabel:
    scores = [
        row[0] + sum(w * x for w, x in zip(row[1:], features, strict=True))
        for row in TOWARD_WEIGHTS
    ]
    return _TOWARD_LABELS[scores.index(max(scores))]


def toward_features(doc: Doc, start: int, end: int) -> list[float]:
    """The features of ``TOWARD_FEATURES`` for the target ``doc.text[start:end]``."""
    compound = analyzer().polarity_scores(doc.text)["compound"]
    near = [0.0, 0.0]  # positive, negative; weighted by distance
    anywhere = [0.0, 0.0]
    for value, distance in word_valences(doc, start, end):
        side = 0 if value > 0 else 1
        near[side] += abs(value) / 4 * 0.5**distance
        anywhere[side] += abs(value) / 4
    targets = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    subject = 0.0
    if targets:
        root = min(targets, key=lambda t: len(list(t.ancestors)))
        while root.dep_ in ("compound", "appos", "flat", "poss") and root.head.i != root.i:
            root = root.head
        # the doer of an act ("X attacked Y"); a copula's subject is what is described
        copula = root.head.lemma_ in _COPULAS or any(
            c.dep_ in ("attr", "acomp") for c in root.head.children
        )
        subject = 1.0 if root.dep_ == "nsubj" and not copula else 0.0
    quotes = find_quotes(doc.text, (Block(0, len(doc.text)),))
    inside = any(q.start <= start and end <= q.end for q in quotes)
    return [
        compound,
        *near,
        *anywhere,
        subject,
        subject * near[1],
        subject * near[0],
        1.0 if inside else 0.0,
        1.0 if quotes and not inside else 0.0,
    ]


def word_valences(doc: Doc, start: int, end: int) -> list[tuple[float, int]]:
    """(valence, tree distance to the target) of each sentiment word outside the target."""
    targets = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not targets:
        return []
    distance = _tree_distances(doc, [t.i for t in targets])
    lexicon = analyzer().lexicon
    out: list[tuple[float, int]] = []
    for token in doc:
        if start <= token.idx < end:
            continue
        value = lexicon.get(token.lower_)
        if value is None:
            value = lexicon.get(token.lemma_.lower())
        if value is None:
            continue
        if _negated(token):
            value *= -0.74  # VADER's negation factor
        out.append((value, distance[token.i]))
    return out


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    return head.i != token.i and any(c.dep_ == "neg" for c in head.children)


_CLAUSE_LINKS = frozenset({"conj", "parataxis", "ccomp", "advcl", "relcl", "xcomp"})


def _tree_distances(doc: Doc, sources: list[int]) -> list[int]:
    """Distance of every token from the nearest source over the tree; crossing into
    another clause (conj, ccomp, advcl, ...) costs two steps."""
    far = 2 * len(doc) + 2
    dist = [far] * len(doc)
    heap = [(0, i) for i in sources]
    for i in sources:
        dist[i] = 0
    while heap:
        d, i = heapq.heappop(heap)
        if d > dist[i]:
            continue
        token = doc[i]
        steps = [(c.i, c.dep_) for c in token.children]
        if token.head.i != i:
            steps.append((token.head.i, token.dep_))
        for j, dep in steps:
            nd = d + (2 if dep in _CLAUSE_LINKS else 1)
            if nd < dist[j]:
                dist[j] = nd
                heapq.heappush(heap, (nd, j))
    return dist
