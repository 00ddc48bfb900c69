"""Fit the News summariser's weights on articles with reference summaries.

    python -m reader.summary.news_train \\
        --extractive ../shared/dev/summarization/bbc_dev.jsonl \\
        --abstractive ../shared/dev/summarization/xsum_dev.jsonl \\
        --out reader/summary/news_weights.json [--cv]

Each input line is ``{"id", "title", "text", "reference"}`` (the reference's
sentences one per line). Every article goes through the app's own loader and
sentence split, written as the scorer writes its inputs (title line, blank
line, body), so the features are the ones the app computes. No text is kept:
the weights file holds numbers only.

* ``--extractive``: references made of the article's own sentences. A
  sentence's label is 1 if it is one of them. These articles show their
  headline, so they train the "headline" regime; ``--abstractive``: one-line
  summaries written by a person; a sentence's label is its unigram precision
  plus twice its bigram precision against the summary (soft, at most 1), and
  the articles, written without a title, train the "flat" regime.
* Per regime, an L2-regularised logistic regression on standardised features
  (L-BFGS-B from zeros), with signs fixed where the meaning is clear: an
  earlier place, more centrality, more keywords and more of the headline
  never lower a score, so an explanation never says "lowered by being first".
* The selection parameters (length bias and the share at which it fades,
  redundancy penalty) come from a fixed grid, by the ROUGE of the summaries
  the real selection makes: R-2 at 3 sentences and at the reference's length
  for extractive references, R-1 + 8 R-2 at 3 sentences for abstracts (R-2 is
  about an eighth of R-1 there). ``LEAN_PENALTY`` is a product choice, not
  tuned (ROUGE would always want it at 0).

Deterministic: fixed folds, fits from zeros, one BLAS thread, a fixed grid,
numbers rounded to 6 places; two runs write identical files. ``--cv`` also
reports 5-fold cross-validated figures (each fold's selection chosen on its
training folds).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy
from scipy import optimize
from threadpoolctl import threadpool_limits

from .news import FORMAT, Options, Regime, length_term, prepare_options, select, weights_from
from .news_features import FEATURES, GROUPS, Table, feature_table
from .prose import quote_units

FOLDS = 5
L2 = {"headline": 1.0, "flat": 10.0}
LEAN_PENALTY = 1.0
#: Weight of bigram precision in an abstract's soft labels (``_overlap_label``).
BIGRAM_WEIGHT = 2.0
#: The selection grid: (length bias, length fraction, redundancy).
GRID = tuple(
    (bias, fraction, redundancy)
    for bias in (-0.5, -0.25, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    for fraction in (0.0, 0.4, 0.5, 1.0)
    for redundancy in (0.0, 1.0, 2.0)
    if not (bias <= 0 and fraction > 0)
)
#: Coefficients whose sign is fixed (+1: never negative, -1: never positive).
SIGNS: dict[str, int] = {
    **dict.fromkeys(("lead_inv", "first", "para_first", "para_inv"), 1),
    "pos_rel": -1,
    **dict.fromkeys(GROUPS["centrality"], 1),
    **dict.fromkeys(("keywords", "rk_keywords", "bg_rep_frac", "bg_rep_log", "bg_cos"), 1),
    **dict.fromkeys(GROUPS["title"], 1),
}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass
class Article:
    """One training article: its candidates' features, label and what scoring needs."""

    id: str
    regime: str  # "headline" or "flat"
    table: Table
    label: numpy.ndarray
    tokens: list[list[str]]  # ROUGE tokens of each candidate
    reference: list[str]  # ROUGE tokens of the reference
    ref_count: int  # sentences in the reference
    options: Options  # what the selection may pick


# ----------------------------------------------------------------- data


def read_records(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def rouge_tokens(text: str, stemmer: Callable[[str], str]) -> list[str]:
    """ROUGE's tokens: lower-cased letters and digits, words over 3 letters stemmed (Porter)."""
    return [stemmer(t) if len(t) > 3 else t for t in _NON_ALNUM.split(text.lower()) if t]


def rouge_n(reference: Sequence[str], predicted: Sequence[str], n: int) -> float:
    """ROUGE-N F1."""
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    pred = Counter(tuple(predicted[i : i + n]) for i in range(len(predicted) - n + 1))
    hits = sum((ref & pred).values())
    p = hits / max(sum(pred.values()), 1)
    r = hits / max(sum(ref.values()), 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def build_articles(records: Sequence[dict], extractive: bool) -> list[Article]:
    """Load and parse every record with the app's own loader and sentence split."""
    from nltk.stem.porter import PorterStemmer  # type: ignore[import-untyped]

    from .. import nlp
    from ..loaders import load_document
    from ..nlp.segment import sentences_from

    stem = PorterStemmer().stem
    out = []
    with tempfile.TemporaryDirectory(prefix="news-train-") as folder:
        for record in records:
            path = Path(folder) / "article.txt"
            path.write_text(
                f"{record.get('title', '').strip()}\n\n{record['text'].strip()}\n", encoding="utf-8"
            )
            document = load_document(str(path))
            sentences = sentences_from(nlp.parse_sentences(document))
            table = feature_table(document, sentences)
            lines = [line for line in record["reference"].split("\n") if line.strip()]
            reference = rouge_tokens("\n".join(lines), stem)
            tokens = [rouge_tokens(t, stem) for t in table.texts]
            if extractive:
                label = _in_reference(table.texts, lines)
            else:
                label = _overlap_label(tokens, reference)
            out.append(
                Article(
                    str(record["id"]),
                    "headline" if extractive else "flat",
                    table,
                    label,
                    tokens,
                    reference,
                    len(lines),
                    prepare_options(
                        quote_units(table.texts),
                        table.texts,
                        table.prose,
                        table.leans,
                        words=table.words,
                    ),
                )
            )
    return out


def _overlap_label(tokens: Sequence[Sequence[str]], reference: Sequence[str]) -> numpy.ndarray:
    """Soft labels against an abstract: unigram precision plus ``BIGRAM_WEIGHT`` times
    bigram precision, at most 1 (a sentence sharing the abstract's phrases, not only its
    words, is the better pick for a reader and for ROUGE-2)."""
    words, pairs = set(reference), set(itertools.pairwise(reference))
    out = []
    for t in tokens:
        unigram = sum(w in words for w in t) / max(len(t), 1)
        bigram = sum(p in pairs for p in itertools.pairwise(t)) / max(len(t) - 1, 1)
        out.append(min(1.0, unigram + BIGRAM_WEIGHT * bigram))
    return numpy.array(out)


def _in_reference(texts: Sequence[str], lines: Sequence[str]) -> numpy.ndarray:
    """1 where the candidate is (or contains, or is contained in) a reference sentence."""
    wanted = [tuple(t for t in _NON_ALNUM.split(line.lower()) if t) for line in lines]
    out = numpy.zeros(len(texts))
    for i, text in enumerate(texts):
        own = tuple(t for t in _NON_ALNUM.split(text.lower()) if t)
        if own and any(
            own == line
            or (len(own) > 3 and _contains(line, own))
            or (len(line) > 3 and _contains(own, line))
            for line in wanted
        ):
            out[i] = 1.0
    return out


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


# ----------------------------------------------------------------- fitting


def fit_logistic(x: numpy.ndarray, y: numpy.ndarray, l2: float) -> tuple[numpy.ndarray, float]:
    """L2-regularised logistic regression (soft labels allowed), signs fixed by ``SIGNS``."""
    n, f = x.shape

    def loss(theta: numpy.ndarray) -> tuple[float, numpy.ndarray]:
        z = x @ theta[:-1] + theta[-1]
        g = 1.0 / (1.0 + numpy.exp(-z)) - y
        w = theta[:-1]
        value = (numpy.logaddexp(0, z) - y * z).sum() / n + 0.5 * l2 * (w @ w) / n
        grad = numpy.concatenate([x.T @ g / n + l2 * w / n, [g.sum() / n]])
        return float(value), grad

    bounds: list[tuple[float | None, float | None]] = [
        (0.0, None)
        if SIGNS.get(name) == 1
        else (None, 0.0)
        if SIGNS.get(name) == -1
        else (None, None)
        for name in FEATURES
    ]
    bounds.append((None, None))
    result = optimize.minimize(
        loss,
        numpy.zeros(f + 1),
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        options={"maxiter": 5000},
    )
    return result.x[:-1], float(result.x[-1])


def standardisation(articles: Sequence[Article]) -> tuple[numpy.ndarray, numpy.ndarray]:
    x = numpy.vstack([a.table.matrix for a in articles])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


Model = tuple[numpy.ndarray, float]


def fit_models(
    articles: Sequence[Article], mean: numpy.ndarray, scale: numpy.ndarray
) -> dict[str, Model]:
    """Coefficients and intercept per regime (a regime with no articles gets zeros)."""
    out: dict[str, Model] = {}
    for regime in ("headline", "flat"):
        members = [a for a in articles if a.regime == regime]
        if not members:
            out[regime] = (numpy.zeros(len(FEATURES)), 0.0)
            continue
        x = (numpy.vstack([a.table.matrix for a in members]) - mean) / scale
        y = numpy.concatenate([a.label for a in members])
        out[regime] = fit_logistic(x, y, L2[regime])
    return out


def scores_of(
    article: Article, model: Model, mean: numpy.ndarray, scale: numpy.ndarray
) -> numpy.ndarray:
    coef, intercept = model
    return ((article.table.matrix - mean) / scale) @ coef + intercept


# ----------------------------------------------------------------- selection

Selection = tuple[float, float, float]  # length bias, length fraction, redundancy


def summary_rouge(
    article: Article, score: numpy.ndarray, count: int, selection: Selection
) -> tuple[float, float]:
    """R-1 and R-2 of the summary the real selection makes from ``score``."""
    bias, fraction, redundancy = selection
    regime = Regime(numpy.zeros(0), 0.0, bias, fraction, redundancy, LEAN_PENALTY)
    table = article.table
    utility = score + regime.length_weight(count, len(score)) * length_term(table.words)
    picked, _, _ = select(
        utility, table.unit_vectors, article.options, count, redundancy, LEAN_PENALTY
    )
    predicted = [w for i in sorted(picked) for w in article.tokens[i]]
    return rouge_n(article.reference, predicted, 1), rouge_n(article.reference, predicted, 2)


def settings(article: Article) -> tuple[tuple[str, int], ...]:
    """The summary lengths an article is judged at."""
    if article.regime == "headline":
        return (("at 3", 3), ("at reference length", article.ref_count))
    return (("at 3", 3),)


def objective(
    articles: Sequence[Article], scores: Sequence[numpy.ndarray], point: Selection
) -> float:
    total = 0.0
    for article, score in zip(articles, scores, strict=True):
        for _, count in settings(article):
            r1, r2 = summary_rouge(article, score, count, point)
            total += r2 if article.regime == "headline" else r1 + 8 * r2
    return total / max(len(articles), 1)


def choose_selection(
    articles: Sequence[Article], scores: Sequence[numpy.ndarray]
) -> dict[str, Selection]:
    """The grid point with the best objective, per regime."""
    chosen: dict[str, Selection] = {}
    for regime in ("headline", "flat"):
        members = [k for k, a in enumerate(articles) if a.regime == regime]
        group = [articles[k] for k in members]
        group_scores = [scores[k] for k in members]
        chosen[regime] = max(GRID, key=lambda p: objective(group, group_scores, p))
    return chosen


def figures(
    articles: Sequence[Article],
    scores: Sequence[numpy.ndarray],
    selection_of: Callable[[int, Article], Selection],
) -> dict[str, float]:
    """Mean R-1 and R-2 (x 100) per regime and length."""
    acc: dict[str, list[float]] = {}
    for k, (article, score) in enumerate(zip(articles, scores, strict=True)):
        for name, count in settings(article):
            r1, r2 = summary_rouge(article, score, count, selection_of(k, article))
            acc.setdefault(f"{article.regime} {name} R-1", []).append(100 * r1)
            acc.setdefault(f"{article.regime} {name} R-2", []).append(100 * r2)
    return {k: round(float(numpy.mean(v)), 2) for k, v in acc.items()}


def folds(count: int, k: int = FOLDS, seed: int = 0) -> numpy.ndarray:
    """Fold of each article: a fixed permutation, then round robin."""
    permutation = numpy.random.RandomState(seed).permutation(count)
    fold = numpy.empty(count, dtype=int)
    fold[permutation] = numpy.arange(count) % k
    return fold


def cross_validate(articles: Sequence[Article]) -> dict[str, float]:
    """Figures with every article scored by weights (and a selection) that never saw it."""
    fold = folds(len(articles))
    scores: list[numpy.ndarray] = [numpy.zeros(0)] * len(articles)
    chosen: dict[int, dict[str, Selection]] = {}
    for f in range(FOLDS):
        train = [a for a, g in zip(articles, fold, strict=True) if g != f]
        mean, scale = standardisation(train)
        models = fit_models(train, mean, scale)
        chosen[f] = choose_selection(
            train, [scores_of(a, models[a.regime], mean, scale) for a in train]
        )
        for k, a in enumerate(articles):
            if fold[k] == f:
                scores[k] = scores_of(a, models[a.regime], mean, scale)
    return figures(articles, scores, lambda k, a: chosen[int(fold[k])][a.regime])


# ----------------------------------------------------------------- weights


def weights_json(
    mean: numpy.ndarray,
    scale: numpy.ndarray,
    models: dict[str, Model],
    selection: dict[str, Selection],
) -> dict:
    def numbers(values: numpy.ndarray) -> dict[str, float]:
        return {n: round(float(v), 6) for n, v in zip(FEATURES, values, strict=True)}

    return {
        "format": FORMAT,
        "features": list(FEATURES),
        "mean": numbers(mean),
        "scale": numbers(scale),
        "regimes": {
            regime: {
                "coef": numbers(models[regime][0]),
                "intercept": round(models[regime][1], 6),
                "length_bias": selection[regime][0],
                "length_fraction": selection[regime][1],
                "redundancy": selection[regime][2],
                "lean_penalty": LEAN_PENALTY,
            }
            for regime in ("headline", "flat")
        },
    }


def train(articles: Sequence[Article]) -> tuple[dict, dict[str, float]]:
    """The weights (as JSON data) and their in-sample figures."""
    with threadpool_limits(limits=1, user_api="blas"):
        mean, scale = standardisation(articles)
        models = fit_models(articles, mean, scale)
        scores = [scores_of(a, models[a.regime], mean, scale) for a in articles]
        selection = choose_selection(articles, scores)
        data = weights_json(mean, scale, models, selection)
        weights_from(data)  # the app can read it
        return data, figures(articles, scores, lambda k, a: selection[a.regime])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--extractive", type=Path, action="append", default=[])
    parser.add_argument("--abstractive", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cv", action="store_true", help="also report 5-fold CV figures")
    args = parser.parse_args(argv)
    articles = [a for p in args.extractive for a in build_articles(read_records(p), True)]
    articles += [a for p in args.abstractive for a in build_articles(read_records(p), False)]
    if not articles:
        parser.error("give --extractive and/or --abstractive reference files")
    data, insample = train(articles)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    report = {"articles": len(articles), "in-sample": insample}
    if args.cv:
        with threadpool_limits(limits=1, user_api="blas"):
            report["cross-validated"] = cross_validate(articles)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
