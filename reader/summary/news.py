"""The News summariser: a small learned sentence scorer with reasons, redundancy
control, whole quotations and care for sentences that lean on the one before.

* Every candidate gets the features of ``news_features`` (position,
  centrality, keywords, title, length, form) and a *linear* model adds them
  up: its score is the log-odds that the sentence belongs in a summary. Being
  linear keeps "why this sentence" exact: the score is the sum of per-feature
  contributions, grouped as ``GROUPS``.
* Picks are made of *options*: a whole quotation (``prose.quote_units``), or
  a sentence that leans on the one before ("He said", "However,") together
  with that antecedent. Such a sentence alone loses the regime's
  ``lean_penalty``; if it is still picked, its antecedent is named in
  ``Ranking.context`` (the window shows it with the sentence).
* Selection is greedy by mean utility per new sentence,
  ``score + length_bias * log(1 + words)`` minus a redundancy penalty (MMR:
  the highest cosine with a picked sentence). The length bias fades as the
  summary nears a share of the article: a 3-sentence summary of a long
  article wants long sentences, a long summary has room for short ones.

There are two regimes, each with its own weights and selection: documents
that show a headline (a title block: most news pages, and titled text; and
any text longer than ``FLAT_LIMIT`` sentences, such as a book) and shorter
documents without one (pasted text). They come from ``news_train.py``; the
weights file (``news_weights.json``) holds numbers only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy
from scipy import sparse

from ..models import Document, Sentence
from .blas import one_blas_thread
from .news_features import FEATURES, GROUPS, Matrix, Table, feature_table
from .prose import balanced, first_copies, quote_units

WEIGHTS_FILE = "news_weights.json"
FORMAT = "article-reader news summariser weights, 1"
ANTECEDENT_MODES = ("context", "strict", "off")
#: Above this many candidates a text without a headline is read like one with a headline:
#: the "flat" regime was learned on short articles (126 sentences at most), not on books.
FLAT_LIMIT = 200
#: Words beyond which a longer sentence earns no more of the length term (a book's
#: 400-word sentences are no better summaries for their length).
LENGTH_CAP = 60
#: Fewer words than this (a quotation's or a sentence with its antecedent counted
#: together) are never picked when anything longer can be: "The inquest continues."
MIN_PICK_WORDS = 6


def length_term(words: numpy.ndarray) -> numpy.ndarray:
    """What the length bias multiplies: log(1 + words), words capped at ``LENGTH_CAP``."""
    return numpy.log1p(numpy.minimum(words, LENGTH_CAP))


_GROUP_OF = {name: group for group, names in GROUPS.items() for name in names}
_GROUP_MATRIX = numpy.array([[float(_GROUP_OF[f] == g) for g in GROUPS] for f in FEATURES])
_LENGTH_GROUP = list(GROUPS).index("length")
_LOG_WORDS = FEATURES.index("log_words")


@dataclass(frozen=True)
class Regime:
    """One set of learned numbers: the linear model and the selection parameters."""

    coef: numpy.ndarray
    intercept: float
    length_bias: float  # utility per unit of log(1 + words) in a short summary (> 0: long ones)
    length_fraction: float  # the bias fades to 0 as the summary nears this share (0: never)
    redundancy: float  # MMR penalty per unit of cosine with a picked sentence
    lean_penalty: float  # taken from a sentence that leans on an antecedent left out

    def length_weight(self, count: int, candidates: int) -> float:
        """The length bias for a summary of ``count`` of ``candidates`` sentences."""
        if self.length_fraction <= 0 or candidates <= 0:
            return self.length_bias
        return self.length_bias * max(0.0, 1.0 - count / (self.length_fraction * candidates))


@dataclass(frozen=True)
class Weights:
    """Feature standardisation plus one ``Regime`` per kind of document."""

    mean: numpy.ndarray
    scale: numpy.ndarray
    headline: Regime  # documents with a title block
    flat: Regime  # documents without one

    def regime(self, has_title: bool) -> Regime:
        return self.headline if has_title else self.flat


def weights_from(data: dict) -> Weights:
    """Weights from the parsed JSON ``news_train.py`` writes."""
    if data.get("format") != FORMAT or tuple(data.get("features", ())) != FEATURES:
        raise ValueError("not News weights for these features; run reader.summary.news_train")

    def regime(d: dict) -> Regime:
        return Regime(
            numpy.array([d["coef"][n] for n in FEATURES], dtype=float),
            float(d["intercept"]),
            float(d["length_bias"]),
            float(d["length_fraction"]),
            float(d["redundancy"]),
            float(d["lean_penalty"]),
        )

    return Weights(
        numpy.array([data["mean"][n] for n in FEATURES], dtype=float),
        numpy.array([data["scale"][n] for n in FEATURES], dtype=float),
        regime(data["regimes"]["headline"]),
        regime(data["regimes"]["flat"]),
    )


@cache
def default_weights() -> Weights:
    """The shipped weights, read once."""
    text = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return weights_from(json.loads(text))


@dataclass(frozen=True)
class Ranking:
    """The picks (article order) and, per candidate (arrays in candidate order), the scores.

    ``contributions[i]`` splits ``utility[i] - base`` exactly by ``GROUPS``
    (the length term of the selection included in "length").
    """

    picked: tuple[int, ...]  # Sentence.index, article order
    indices: tuple[int, ...]  # Sentence.index of each candidate
    score: numpy.ndarray  # the model's log-odds
    utility: numpy.ndarray  # what the selection ranks by: score plus the length term
    rank: numpy.ndarray  # 1 = highest utility
    contributions: numpy.ndarray  # candidates x GROUPS
    base: float  # the utility of a sentence with every feature at its training mean
    table: Table
    quoted: numpy.ndarray  # bool: in a quotation over several sentences (picked whole)
    reasons: dict[int, str] = field(default_factory=dict)  # picked index -> how it was picked
    #: picked sentence -> the antecedent it leans on, left out of the summary
    context: dict[int, int] = field(default_factory=dict)

    def position(self, index: int) -> int:
        """The candidate position of the sentence with ``Sentence.index == index``."""
        return self.indices.index(index)


def rank(
    document: Document,
    sentences: Sequence[Sentence],
    count: int,
    weights: Weights | None = None,
    *,
    antecedents: str = "context",
) -> Ranking:
    """Pick ``count`` sentences of ``document`` and keep what explains them.

    ``antecedents`` says what to do with a sentence that leans on the one
    before it: "context" (default) takes the regime's ``lean_penalty`` off
    it when its antecedent is left out (and names the antecedent in
    ``Ranking.context``); "strict" picks it only with its antecedent; "off"
    ignores the question.
    """
    if antecedents not in ANTECEDENT_MODES:
        raise ValueError(f"antecedents must be one of {ANTECEDENT_MODES}, not {antecedents!r}")
    weights = weights or default_weights()
    with one_blas_thread():
        return _rank(document, sentences, count, weights, antecedents)


def _rank(
    document: Document,
    sentences: Sequence[Sentence],
    count: int,
    weights: Weights,
    antecedents: str,
) -> Ranking:
    table = feature_table(document, sentences)
    n = len(table.sentences)
    regime = weights.regime(table.has_title or n > FLAT_LIMIT)
    parts = (table.matrix - weights.mean) / weights.scale * regime.coef
    score = parts.sum(axis=1) + regime.intercept
    bias = regime.length_weight(count, n)
    log_words = length_term(table.words)
    utility = score + bias * log_words
    chosen: list[int] = []
    reasons: dict[int, str] = {}
    context: dict[int, int] = {}
    units = quote_units(table.texts)
    quoted = numpy.zeros(n, dtype=bool)
    for unit in units:
        if len(unit) > 1:
            quoted[list(unit)] = True
    if n and count > 0:
        options = prepare_options(
            units, table.texts, table.prose, table.leans, antecedents, words=table.words
        )
        chosen, reasons, context = select(
            utility, table.unit_vectors, options, count, regime.redundancy, regime.lean_penalty
        )
    mean_log_words = float(weights.mean[_LOG_WORDS])
    contributions = parts @ _GROUP_MATRIX
    contributions[:, _LENGTH_GROUP] += bias * (log_words - mean_log_words)
    order = numpy.lexsort((numpy.arange(n), -utility))
    ranks = numpy.empty(n, dtype=int)
    ranks[order] = numpy.arange(1, n + 1)
    index = tuple(s.index for s in table.sentences)
    return Ranking(
        tuple(sorted(index[i] for i in chosen)),
        index,
        score,
        utility,
        ranks,
        contributions,
        regime.intercept + bias * mean_log_words,
        table,
        quoted,
        {index[i]: r for i, r in reasons.items()},
        {index[i]: index[j] for i, j in context.items()},
    )


@dataclass(frozen=True)
class Options:
    """What the selection may pick in one document: whole units, alone or with an antecedent."""

    members: tuple[tuple[int, ...], ...]  # candidate positions picked together
    lead_in: tuple[int, ...]  # how many leading members are an antecedent brought along
    alone: numpy.ndarray  # bool: a leaning unit without its antecedent ("context" mode)
    heads: numpy.ndarray  # first member of each option
    matrix: sparse.csr_matrix  # options x candidates, 1 where a candidate is a member
    short: numpy.ndarray  # bool: under ``MIN_PICK_WORDS`` words, picked when nothing else fits
    copy_of: numpy.ndarray  # per candidate, the first one that reads the same (``first_copies``)


def prepare_options(
    units: Sequence[tuple[int, ...]],
    texts: Sequence[str],
    prose: numpy.ndarray,
    leans: numpy.ndarray,
    antecedents: str = "context",
    words: numpy.ndarray | None = None,
) -> Options:
    """The options of ``select``.

    Units with a sentence that is not prose, or an unbalanced quotation, are
    left out. With ``words`` (per candidate), options of fewer than
    ``MIN_PICK_WORDS`` words together are ``short`` ("The inquest continues.",
    "Only time will tell.": a summary of them says nothing), picked only when
    no other fits. A unit that opens with a sentence leaning on the previous
    unit can always come *with* that unit; on its own it is an option only in
    "context" mode (where ``select`` lowers it by the lean penalty) or with
    the rule "off".
    """
    usable = [bool(all(prose[i] for i in u) and balanced(texts, u)) for u in units]
    members: list[tuple[int, ...]] = []
    lead_in: list[int] = []
    alone: list[bool] = []
    for k, u in enumerate(units):
        if not usable[k]:
            continue
        leaning = bool(leans[u[0]]) and antecedents != "off"
        if not leaning or antecedents == "context":
            members.append(u)
            lead_in.append(0)
            alone.append(leaning)
        if leaning and k > 0 and usable[k - 1] and not leans[units[k - 1][0]]:
            members.append(units[k - 1] + u)
            lead_in.append(len(units[k - 1]))
            alone.append(False)
    sizes = [len(m) for m in members]
    matrix = sparse.csr_matrix(
        (
            numpy.ones(sum(sizes)),
            numpy.array([i for m in members for i in m], dtype=numpy.int64),
            numpy.concatenate([[0], numpy.cumsum(sizes)]).astype(numpy.int64),
        ),
        shape=(len(members), len(prose)),
    )
    short = (
        matrix @ numpy.asarray(words, dtype=float) < MIN_PICK_WORDS
        if words is not None
        else numpy.zeros(len(members), dtype=bool)
    )
    return Options(
        tuple(members),
        tuple(lead_in),
        numpy.array(alone, dtype=bool),
        numpy.array([m[0] for m in members], dtype=numpy.int64),
        matrix,
        short,
        numpy.array(first_copies(texts), dtype=numpy.int64),
    )


PICKED = "picked"
WITH_ANTECEDENT = "picked with the sentence it follows on from"
ANTECEDENT = "brought along: the next summary sentence follows on from it"


def select(
    utility: numpy.ndarray,
    vectors: Matrix,
    options: Options,
    count: int,
    redundancy: float,
    lean_penalty: float = 0.0,
) -> tuple[list[int], dict[int, str], dict[int, int]]:
    """Greedy picks among ``options``, best mean utility per new sentence first, within ``count``.

    Every sentence's utility is lowered by ``redundancy`` times its highest
    cosine with a sentence already picked (MMR), and a leaning unit picked
    without its antecedent by ``lean_penalty``. A ``short`` option is taken
    only when no other fits, and so is one that repeats the text of a pick. When
    no option fits the remaining budget, it is left unspent rather than break a
    quotation.

    Returns the picked positions, how each was picked, and pick -> antecedent
    for the picks that lean on a sentence left out. Each step is a few vector
    operations over all options, so a book's selection costs milliseconds.
    """
    n = len(utility)
    free = numpy.ones(n)  # 1 for a sentence not picked yet
    taken = numpy.zeros(n)  # 1 for a sentence whose text is picked (at its first copy)
    similarity = numpy.zeros(n)
    picked: list[int] = []
    reasons: dict[int, str] = {}
    context: dict[int, int] = {}
    budget = count
    before = numpy.maximum(options.heads - 1, 0)
    has_before = options.heads > 0
    while budget > 0 and options.members:
        new_counts = options.matrix @ free
        totals = options.matrix @ ((utility - redundancy * similarity) * free)
        orphan = options.alone & has_before & (free[before] > 0)
        value = (totals - lean_penalty * orphan) / numpy.maximum(new_counts, 1)
        value[(new_counts == 0) | (new_counts > budget)] = -numpy.inf
        if options.short.any():  # a short option only when no other fits
            longer = numpy.where(options.short, -numpy.inf, value)
            if numpy.isfinite(longer).any():
                value = longer
        if picked:  # nor one that repeats a sentence picked (a paragraph given twice)
            repeats = options.matrix @ (taken[options.copy_of] * free) > 0
            fresh = numpy.where(repeats, -numpy.inf, value)
            if numpy.isfinite(fresh).any():
                value = fresh
        best = int(numpy.argmax(value))
        if not numpy.isfinite(value[best]):
            break
        chosen, lead_in = options.members[best], options.lead_in[best]
        new = [i for i in chosen if free[i]]
        for place, i in enumerate(chosen):
            if free[i]:
                reasons[i] = (
                    ANTECEDENT if place < lead_in else WITH_ANTECEDENT if lead_in else PICKED
                )
                picked.append(i)
        if orphan[best]:
            context[chosen[0]] = chosen[0] - 1
        free[new] = 0.0
        taken[options.copy_of[new]] = 1.0
        budget -= len(new)
        if redundancy:
            rows = vectors[new]
            dense = rows if isinstance(rows, numpy.ndarray) else rows.toarray()
            sims = vectors @ dense.T  # candidates x new
            similarity = numpy.maximum(similarity, sims.max(axis=1))
    context = {i: j for i, j in context.items() if j not in reasons}  # picked later after all
    return picked, reasons, context
