"""Stance of each statement: how it portrays the people and organisations it names.

For each entity the content names (the speaker excluded), the stance model
(``reader.portrayal``) says how the sentence naming it portrays it, with a
probability. The statement's label is the stance toward its main target, the
one it names most (first named on a tie), nudged by its cue: "blasted" leans
critical, "praised" supportive. A statement that names nobody is labelled by
its tone: VADER's compound sentiment of its content plus the cue's lean.

VADER comes from the ``vaderSentiment`` package, which ships its lexicon; no
data is ever downloaded.
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..models import Entity, Speaker, StanceLabel, Statement, TargetStance
from ..nlp import ParsedBlock
from ..nlp.cues import CUE_LEAN
from ..nlp.segment import sentence_spans
from ..portrayal.judge import Judgement, TargetQuery, judge_targets
from .attribution import Attribution, extract_attributions

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from ..models import Document

#: Answers questions about targets of the document; the pipeline may send them to workers.
Judging = Callable[[Sequence[TargetQuery]], list[Judgement]]

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


#: How far a leaning cue moves the main target's stance, in log-odds: "blasted"
#: makes critical e ** 2.5 = 12 times as likely as before and supportive 12 times
#: less. A leaning cue is the speaker's act ("welcomed the decision"), so it
#: decides the label unless the model is very sure of the other way.
CUE_LOGIT = 2.5


def extract_statements(
    document: Document,
    parsed: list[ParsedBlock],
    entities: tuple[Entity, ...],
    judging: Judging | None = None,
) -> tuple[Statement, ...]:
    """Every statement of ``document`` in article order, with its stance.

    ``judging`` answers the stance questions (by default here, reusing
    ``parsed`` where it carries the full parse); all of them go in one call.
    """
    mentions = _MentionIndex(entities)
    sentences = _Sentences(parsed)
    attributions = extract_attributions(document, parsed, entities)
    targets = [_targets(a, mentions) for a in attributions]
    queries = [
        TargetQuery(sentences.around(*span), span) for found in targets for _, span, _ in found
    ]
    judging = judging or (lambda qs: judge_targets(document.text, qs, parsed))
    it = iter(judging(queries))
    return tuple(
        _statement(a, [(name, count, next(it)) for name, _, count in found])
        for a, found in zip(attributions, targets, strict=True)
    )


Target = tuple[str, tuple[int, int], int]  # entity name, its first mention, mentions in content


def _targets(attribution: Attribution, mentions: _MentionIndex) -> list[Target]:
    """The entities the content names, the speaker left out, main target first."""
    content = attribution.content
    named = mentions.mentions_in(content.start, content.end)
    found = [(name, spans[0], len(spans)) for name, spans in named.items()]
    found = [t for t in found if t[0] != attribution.entity]
    order = {name: k for k, (name, _, _) in enumerate(found)}
    return sorted(found, key=lambda t: (-t[2], order[t[0]]))


def _statement(attribution: Attribution, judged: list[tuple[str, int, Judgement]]) -> Statement:
    if attribution.speaker is None:
        speaker = Speaker(None, None, "(article)")
    else:
        s = attribution.speaker
        speaker = Speaker(s.start, s.end, s.text, attribution.entity)
    content = attribution.content
    cue = attribution.cue.text if attribution.cue else None
    lean = cue_lean(cue) if cue else 0.0
    stances = tuple(TargetStance(name, j.label, j.confidence) for name, _, j in judged)
    if judged:
        main = with_cue(judged[0][2], lean)
        label, confidence = main.label, main.confidence
        score = round(main.supportive - main.critical, 3)
        reasons = _target_reasons(judged, main, cue, lean)
    else:
        score, reasons = score_statement(content.text, cue)
        label = label_of(score, STATEMENT_SUPPORTIVE, STATEMENT_CRITICAL)
        confidence = tone_confidence(score, label)
    return Statement(
        speaker=speaker,
        cue=attribution.cue,
        content=content,
        label=label,
        score=score,
        targets=tuple(name for name, _, _ in judged),
        reasons=reasons,
        direct=attribution.direct,
        stances=stances,
        confidence=confidence,
    )


def with_cue(judgement: Judgement, lean: float) -> Judgement:
    """``judgement`` with a leaning cue's weight added (see ``CUE_LOGIT``)."""
    if not lean:
        return judgement
    factor = math.exp(CUE_LOGIT * lean)
    return Judgement.from_probabilities(
        (judgement.supportive * factor, judgement.neutral, judgement.critical / factor),
        judgement.evidence,
    )


def _target_reasons(
    judged: list[tuple[str, int, Judgement]], main: Judgement, cue: str | None, lean: float
) -> tuple[str, ...]:
    """ "critical toward Israel (86 %): ‘war crimes’", the cue, then the other targets."""
    name, _, first = judged[0]
    words = ", ".join(f"‘{w}’" for w in first.evidence) if main.label == first.label else ""
    reasons = [
        f"{main.label} toward {name} ({_percent(main.confidence)}){': ' + words if words else ''}"
    ]
    if lean and cue:
        reasons.append(f"cue ‘{cue}’ leans {'critical' if lean < 0 else 'supportive'}")
    for other, _, j in judged[1:]:
        reasons.append(f"{j.label} toward {other} ({_percent(j.confidence)})")
    return tuple(reasons)


def _percent(p: float) -> str:
    return f"{round(100 * p)} %"


def tone_confidence(score: float, label: StanceLabel) -> float:
    """How sure a tone label is: how far its score stands from the neighbouring labels."""
    if label == "neutral":
        margin = min(STATEMENT_SUPPORTIVE - score, score - STATEMENT_CRITICAL)
        return round(min(1.0, 0.5 + margin), 3)
    edge = STATEMENT_SUPPORTIVE if label == "supportive" else STATEMENT_CRITICAL
    return round(min(1.0, 0.5 + abs(score - edge)), 3)


class _Sentences:
    """The sentences of the parsed blocks, to find the one around a mention."""

    def __init__(self, parsed: Iterable[ParsedBlock]) -> None:
        spans = sorted(
            (block.offset + start, block.offset + end)
            for block in parsed
            for start, end in sentence_spans(block.doc)
        )
        self._spans = spans
        self._starts = [start for start, _ in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding ``start:end`` (the span itself if none does)."""
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self._spans[i][1]:
            return self._spans[i]
        return (start, end)


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

    def mentions_in(self, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
        """The mentions inside the span by entity name, in order of first mention."""
        found: dict[str, list[tuple[int, int]]] = {}
        i = bisect_left(self._starts, start)
        while i < len(self._rows) and self._rows[i][0] < end:
            m_start, m_end, name = self._rows[i]
            if m_end <= end:
                found.setdefault(name, []).append((m_start, m_end))
            i += 1
        return found
