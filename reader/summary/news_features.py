"""The News summariser's features: one row of numbers per candidate sentence.

The centrality features are the existing rankers' ideas recomputed on one
sparse sentence x word matrix: Reduction's overlap, LexRank's cosine degree,
TextRank's random walk, SumBasic's word probability, Luhn-style keywords.
All are linear in the number of words: cosine degrees and the random walk go
through the factorised similarity ``Xn (Xn^T v)``, never an n x n matrix, so
a book costs about what one stock algorithm costs.

Features are grouped (``GROUPS``) so that a sentence's score, a sum of
per-feature contributions, can say what raised it: its position, its
centrality, the keywords it covers, its likeness to the title, its length
and its form. The weights (``news.py``) are tied to this list and its order.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

import numpy
from scipy import sparse

from ..models import Document, Sentence
from .coherence import leans_on_context
from .prose import capitalised_share, is_prose
from .words import STOP_WORDS, stem, to_words

#: Feature families, for the explanation ("what raised it").
GROUPS: dict[str, tuple[str, ...]] = {
    "position": (
        *("lead_inv", "pos_rel", "first", "second", "third"),
        *("para_first", "para_last", "para_rel", "para_single", "para_inv"),
    ),
    "centrality": (
        *("cos_deg", "stem_deg", "cos_pr", "centroid_cos", "overlap_rel", "mean_prob"),
        *("rk_cos_deg", "rk_stem_deg", "rk_cos_pr", "rk_centroid_cos", "rk_overlap_rel"),
        *("rk_mean_prob", "lead_cos", "repeat_mass", "repeat_log", "rk_repeat_log"),
    ),
    "keywords": ("keywords", "bg_rep_frac", "bg_rep_log", "bg_cos", "rk_keywords", "rk_bg_cos"),
    "title": ("title_recall", "title_prec", "rk_title_recall"),
    "length": ("log_words", "rel_words", "short", "rk_log_words"),
    "form": (
        *("content_ratio", "quote_start", "quote_any", "leans", "digits"),
        *("caps", "said", "question", "mean_wlen", "commas"),
    ),
}
FEATURES: tuple[str, ...] = tuple(name for names in GROUPS.values() for name in names)
#: Features also given as a within-document rank (``rk_<name>``: 1 best, 0 worst).
_RANKED = (
    *("cos_deg", "stem_deg", "cos_pr", "centroid_cos", "overlap_rel", "mean_prob"),
    *("keywords", "bg_cos", "title_recall", "log_words", "repeat_log"),
)
#: How many of the most frequent stems are the article's keywords.
KEYWORDS = 10
#: Below this a sum of cosines is rounding error: 0.
ROUNDING = 1e-9
#: Up to this many candidates the random walk multiplies one dense similarity matrix.
DENSE_WALK_LIMIT = 1000
#: Feature values that agree to this many decimals rank as ties (``_rank_score``).
TIE_DECIMALS = 9
#: A count matrix of at most this many cells is a dense NumPy array, not a SciPy sparse
#: one. An article's or a book section's few ten thousand cells cost microseconds an
#: operation either way, plus tens for each sparse matrix SciPy builds (a book's 139
#: section summaries built 7,000 of them); a dense matrix costs every cell, so a long
#: article's (250 sentences, 400,000 cells) stays sparse: measured, 1.6 ms for a BBC
#: article instead of 3.3-4.9 ms, and 10 ms for the long one either way (21-26 ms dense).
DENSE_CELLS = 1 << 18

_NOT_CANDIDATES = ("title", "heading")
_HAS_CONTENT = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_SAID = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
_OPEN_QUOTES = '"“«„'
_DOUBLE_QUOTES = re.compile(r"[\"“”«»„]")


#: Candidates x terms: dense for an article or a section, sparse for a book (``DENSE_CELLS``).
Matrix: TypeAlias = numpy.ndarray | sparse.csr_matrix


@dataclass
class Table:
    """The candidates of one document with their features and what selection needs."""

    sentences: list[Sentence]
    texts: list[str]
    words: numpy.ndarray  # word count per candidate
    matrix: numpy.ndarray  # candidates x FEATURES
    unit_vectors: Matrix  # l2-normalised content-stem counts, for redundancy
    has_title: bool
    prose: numpy.ndarray  # bool: may be picked (see ``prose.is_prose``)
    leans: numpy.ndarray  # bool: opens by pointing back (``leans_on_context``)
    keywords: tuple[str, ...]  # the article's most frequent content words, most frequent first
    keyword_rows: sparse.csr_matrix  # candidates x keywords, 1 where a candidate has one
    title_words: frozenset[str]  # stems of the headline's content words


def candidates(document: Document, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Body sentences with some letter or digit, as ``summarize`` takes them."""
    out = []
    for s in sentences:
        if not 0 <= s.block < len(document.blocks):
            continue
        if document.blocks[s.block].kind in _NOT_CANDIDATES:
            continue
        if _HAS_CONTENT.search(document.text, s.start, s.end):
            out.append(s)
    return out


def title_of(document: Document) -> str:
    """The headline when the document shows one (a title block), else ""."""
    for block in document.blocks:
        if block.kind == "title":
            return document.block_text(block)
    return ""


def content_stems(text: str) -> list[str]:
    """Stemmed, lower-cased words of ``text`` without stop words (``words``: sumy's word
    rules, Snowball stems)."""
    return [stem(w) for w in (w.lower() for w in to_words(text)) if w not in STOP_WORDS]


@dataclass(frozen=True, slots=True)
class _TextFacts:
    """What the features read off one sentence's text alone (see ``_facts``)."""

    words: tuple[str, ...]
    content: tuple[str, ...]  # lower-cased, without stop words
    shown: tuple[str, ...]  # ``content`` as written, for naming the keywords
    stems: tuple[str, ...]  # of ``content``
    pairs: tuple[str, ...]  # stemmed two-word phrases (``_phrases``)
    caps: float
    prose: bool
    form: tuple[float, ...]  # ``_FORM`` in order


@functools.lru_cache(maxsize=1 << 15)
def _facts(text: str) -> _TextFacts:
    """The facts of one sentence, kept for the next summary: a book's section summaries,
    and a summary of another length, read the same sentences again."""
    words = to_words(text)
    lowered = list(map(str.lower, words))
    tokens = list(map(stem, lowered))
    kept = [w not in STOP_WORDS for w in lowered]
    pairs = tuple(
        [
            f"{a} {b}"
            for a, b in itertools.pairwise(tokens)
            if not (a in STOP_WORDS and b in STOP_WORDS)
        ]
    )
    caps = capitalised_share(words)
    return _TextFacts(
        words,
        tuple(itertools.compress(lowered, kept)),
        tuple(itertools.compress(words, kept)),
        tuple(itertools.compress(tokens, kept)),
        pairs,
        caps,
        is_prose(text, words, caps),
        _form_of(text, words, caps),
    )


def read_ahead(texts: Iterable[str]) -> None:
    """Read ``texts`` now for a News summary to come: a process waiting for a book's
    sentences from the workers reads each part as it comes in."""
    for text in texts:
        _facts(text)


def feature_table(document: Document, sentences: Sequence[Sentence]) -> Table:
    """Every candidate's features (columns in ``FEATURES`` order)."""
    cands = candidates(document, sentences)
    texts = [document.text[s.start : s.end] for s in cands]
    title = title_of(document)
    facts = [_facts(t) for t in texts]
    words = [x.words for x in facts]
    content = [x.content for x in facts]
    stems = [x.stems for x in facts]
    n = len(cands)
    f: dict[str, numpy.ndarray] = {}
    prose_list = [x.prose for x in facts]
    # all prose when none is (better a summary of what there is), as ``prose.prose_mask``
    prose = numpy.array(prose_list if any(prose_list) else [True] * n, dtype=bool)
    f.update(_position(cands, prose))
    f.update(_length(words, content))
    content_counts = _count_matrix(content)
    stem_counts, stem_vocabulary = _count_matrix_with(stems)
    xn, cos_deg = _cosine_degree(content_counts)
    stem_xn, stem_deg = _cosine_degree(stem_counts)
    f["cos_deg"] = _doc_max(cos_deg)
    f["stem_deg"] = _doc_max(stem_deg)
    f["cos_pr"] = _doc_max(_factorised_pagerank(xn, cos_deg))
    frequency, key_ids = _frequency(stem_counts)
    f.update(frequency)
    f.update(_phrases([x.pairs for x in facts]))
    title_words = frozenset(content_stems(title))
    f.update(_title(stems, title_words))
    f["lead_cos"] = _lead_similarity(stem_xn)
    f.update(_form(facts))
    for name in _RANKED:
        f[f"rk_{name}"] = _rank_score(f[name])
    matrix = numpy.column_stack([f[k] for k in FEATURES]) if n else numpy.zeros((0, len(FEATURES)))
    return Table(
        cands,
        texts,
        numpy.array([len(w) for w in words], float),
        matrix,
        stem_xn,
        bool(title),
        prose,
        f["leans"] > 0 if n else numpy.zeros(0, dtype=bool),
        _keyword_names(key_ids, stem_vocabulary, stems, [x.shown for x in facts]),
        sparse.csr_matrix((stem_counts[:, key_ids] > 0).astype(float)),
        title_words,
    )


def _keyword_names(
    key_ids: numpy.ndarray,
    vocabulary: dict[str, int],
    stems: Sequence[Sequence[str]],
    shown: Sequence[Sequence[str]],
) -> tuple[str, ...]:
    """Each keyword stem as a word a person reads: its most frequent form in the article
    (``shown``: each candidate's content words as written, one for each of its ``stems``)."""
    wanted: dict[int, dict[str, int]] = {i: {} for i in key_ids.tolist()}
    by_stem = {s: i for s, i in vocabulary.items() if i in wanted}
    for row_stems, row_words in zip(stems, shown, strict=True):
        for s, w in zip(row_stems, row_words, strict=True):
            i = by_stem.get(s)
            if i is not None:
                forms = wanted[i]
                forms[w] = forms.get(w, 0) + 1
    return tuple(max(sorted(forms), key=forms.__getitem__) for forms in wanted.values())


def _position(cands: Sequence[Sentence], prose: numpy.ndarray) -> dict[str, numpy.ndarray]:
    """Place in the article and in the paragraph: news puts its point first.

    Counted over prose only, so a byline, a caption or a contents line above
    the story does not push its first sentence down. A line that is not prose
    gets the place of the prose that follows it (it is never picked anyway).
    """
    p = (numpy.cumsum(prose) - prose).astype(float)  # prose sentences before each candidate
    order: dict[int, int] = {}
    seen: dict[int, int] = {}
    within = []
    for s, in_prose in zip(cands, prose, strict=True):
        if in_prose:
            order.setdefault(s.block, len(order))
        within.append(seen.get(s.block, 0))
        if in_prose:
            seen[s.block] = within[-1] + 1
    q = numpy.array(within, dtype=float)
    size = numpy.array([max(seen.get(s.block, 0), 1) for s in cands], dtype=float)
    b = numpy.array([order.get(s.block, len(order)) for s in cands], dtype=float)
    count = max(int(prose.sum()), 1)
    return {
        "lead_inv": 1.0 / (1.0 + p),
        "pos_rel": p / max(count - 1, 1),
        "first": (p == 0).astype(float),
        "second": (p == 1).astype(float),
        "third": (p == 2).astype(float),
        "para_first": (q == 0).astype(float),
        "para_last": ((q == size - 1) & (size > 1)).astype(float),
        "para_rel": q / numpy.maximum(size - 1, 1),
        "para_single": (size == 1).astype(float),
        "para_inv": 1.0 / (1.0 + b),
    }


def _length(
    words: Sequence[Sequence[str]], content: Sequence[Sequence[str]]
) -> dict[str, numpy.ndarray]:
    """Length in words: longer sentences carry more of the story."""
    nw = numpy.array([len(w) for w in words], dtype=float)
    nc = numpy.array([len(c) for c in content], dtype=float)
    mean = max(float(nw.mean()), 1.0) if len(nw) else 1.0
    return {
        "log_words": numpy.log1p(nw),
        "rel_words": nw / mean,
        "short": (nw < 8).astype(float),
        "content_ratio": nc / numpy.maximum(nw, 1),
    }


def _count_matrix_with(rows: Sequence[Sequence[str]]) -> tuple[Matrix, dict[str, int]]:
    """Sentence x term counts (terms numbered in order of first use), and the numbering."""
    vocabulary: dict[str, int] = {}
    ids = numpy.asarray(
        [vocabulary.setdefault(w, len(vocabulary)) for r in rows for w in r], dtype=numpy.int64
    )
    n, width = len(rows), max(len(vocabulary), 1)
    lengths = [len(r) for r in rows]
    if n * width <= DENSE_CELLS:
        cells = numpy.repeat(numpy.arange(n, dtype=numpy.int64), lengths) * width + ids
        counts = numpy.bincount(cells, minlength=n * width).reshape(n, width)
        return counts.astype(float), vocabulary
    indptr = numpy.zeros(n + 1, dtype=numpy.int64)
    numpy.cumsum(lengths, out=indptr[1:])
    matrix = sparse.csr_matrix((numpy.ones(len(ids)), ids, indptr), shape=(n, width))
    matrix.sum_duplicates()
    return matrix, vocabulary


def _count_matrix(rows: Sequence[Sequence[str]]) -> Matrix:
    return _count_matrix_with(rows)[0]


def _column_sums(matrix: Matrix) -> numpy.ndarray:
    return numpy.asarray(matrix.sum(axis=0)).ravel()


def _row_sums(matrix: Matrix) -> numpy.ndarray:
    return numpy.asarray(matrix.sum(axis=1)).ravel()


def _scaled(
    matrix: Matrix, rows: numpy.ndarray | None = None, columns: numpy.ndarray | None = None
) -> Matrix:
    """``matrix`` with each row (and column) multiplied by its factor."""
    if isinstance(matrix, numpy.ndarray):
        if rows is not None:
            matrix = matrix * rows[:, None]
        return matrix * columns[None, :] if columns is not None else matrix
    if rows is not None:
        matrix = sparse.diags(rows) @ matrix
    if columns is not None:
        matrix = matrix @ sparse.diags(columns)
    return matrix.tocsr()


def _present(counts: Matrix) -> Matrix:
    """1 where a count is above 0."""
    if isinstance(counts, numpy.ndarray):
        return (counts > 0).astype(float)
    binary = counts.copy()
    binary.data[:] = 1.0
    return binary


def _row_norms(matrix: Matrix) -> numpy.ndarray:
    squares = matrix * matrix if isinstance(matrix, numpy.ndarray) else matrix.multiply(matrix)
    return numpy.sqrt(_row_sums(squares))


def _cosine_degree(counts: Matrix) -> tuple[Matrix, numpy.ndarray]:
    """LexRank-style degree without the n x n matrix: sum of cosines with every other sentence.

    With unit rows ``Xn``, ``sum_j cos(i, j) = Xn_i . sum_j Xn_j - 1``.
    """
    norms = _row_norms(counts)
    unit = _scaled(counts, rows=1.0 / numpy.maximum(norms, 1e-12))
    total = _column_sums(unit)
    degree = unit @ total - (norms > 0)
    # a sentence sharing no word is left with rounding error, not 0: as a random walk's
    # out-degree that error would send it all the walk's weight
    degree[degree < ROUNDING] = 0.0
    return unit, degree


def _factorised_pagerank(
    unit: sparse.csr_matrix, degree: numpy.ndarray, damping: float = 0.85
) -> numpy.ndarray:
    """TextRank's random walk on the cosine graph ``Xn Xn^T - I``: two sparse products a
    step, or for a few hundred sentences one product with the graph made dense."""
    n = unit.shape[0]
    if n == 0:
        return numpy.zeros(0)
    has_words = (_row_norms(unit) > 0).astype(float)
    out = numpy.where(degree > 0, degree, 1.0)
    dangling = degree <= 0
    transposed = unit.T if isinstance(unit, numpy.ndarray) else unit.T.tocsr()
    if n <= DENSE_WALK_LIMIT:
        # a section's or an article's few hundred sentences: their similarities once, as
        # one small dense matrix, costs less than two sparse products a step
        similar = unit @ transposed
        similar = similar if isinstance(similar, numpy.ndarray) else similar.toarray()
        similar[numpy.diag_indices(n)] -= has_words

        def step(q: numpy.ndarray) -> numpy.ndarray:
            return similar @ q
    else:

        def step(q: numpy.ndarray) -> numpy.ndarray:
            return unit @ (transposed @ q) - has_words * q

    p = numpy.full(n, 1.0 / n)
    for _ in range(100):
        q = p / out
        nxt = damping * step(q)
        nxt += (1 - damping) / n + damping * p[dangling].sum() / n
        done = numpy.abs(nxt - p).sum() < 1e-8
        p = nxt
        if done:
            break
    return p


def _frequency(counts: Matrix) -> tuple[dict[str, numpy.ndarray], numpy.ndarray]:
    """Word-frequency centrality: centroid cosine, shared words, SumBasic's mean probability,
    how often the sentence's words come back elsewhere, Luhn-style keywords (and the
    keywords' columns)."""
    n = counts.shape[0]
    binary = _present(counts)
    df = _column_sums(binary)
    tf = _column_sums(counts)
    idf = numpy.log((n + 1) / numpy.maximum(df, 1))
    tfidf = _scaled(counts, columns=idf)
    norms = _row_norms(tfidf)
    centroid = _column_sums(tfidf)
    own = tfidf @ centroid
    rest = numpy.sqrt(numpy.maximum(centroid @ centroid - 2 * own + norms**2, 1e-12))
    lengths = _row_sums(counts)
    prob = tf / max(float(tf.sum()), 1.0)
    keys = numpy.argsort(-tf, kind="stable")[:KEYWORDS]
    keys = keys[tf[keys] >= 2]
    key_mask = numpy.zeros(len(tf))
    key_mask[keys] = 1.0
    centroid_cos = numpy.where(
        norms > 0, (own - norms**2) / numpy.maximum(norms * rest, 1e-12), 0.0
    )
    mean_prob = numpy.where(lengths > 0, (counts @ prob) / numpy.maximum(lengths, 1), 0.0)
    elsewhere = numpy.maximum(tf - 1, 0)  # each word's other occurrences (one is its own)
    return {
        # cosine with the rest of the article (tf-idf), the sentence itself left out
        "centroid_cos": centroid_cos,
        # distinct words shared with other sentences (Reduction's overlap, unnormalised)
        "overlap_rel": _doc_max(binary @ (df - 1)),
        "mean_prob": _doc_max(mean_prob),
        # Luhn's and SumBasic's frequency left unnormalised by length: every word, and each
        # distinct word once
        "repeat_mass": _doc_max(counts @ elsewhere),
        "repeat_log": numpy.log1p(binary @ elsewhere),
        "keywords": (binary @ key_mask) / max(len(keys), 1),
    }, keys


def _phrases(pairs: Sequence[Sequence[str]]) -> dict[str, numpy.ndarray]:
    """Repeated two-word phrases: the names and terms an article keeps coming back to.

    Pairs of stop words ("of the") are left out (``_facts``); a pair with one ("rise
    in") counts.
    """
    counts = _count_matrix(pairs)
    binary = _present(counts)
    df = _column_sums(binary)
    tf = _column_sums(counts)
    size = numpy.array([len(p) for p in pairs], dtype=float)
    repeated = binary @ (df > 1).astype(float)
    norms = _row_norms(counts)
    own = counts @ tf
    rest = numpy.sqrt(numpy.maximum(tf @ tf - 2 * own + norms**2, 1e-12))
    return {
        "bg_rep_frac": repeated / numpy.maximum(size, 1),
        "bg_rep_log": numpy.log1p(repeated),
        "bg_cos": numpy.where(
            norms > 0, (own - norms**2) / numpy.maximum(norms * rest, 1e-12), 0.0
        ),
    }


def _title(stems: Sequence[Sequence[str]], title: frozenset[str]) -> dict[str, numpy.ndarray]:
    """Words shared with the headline (0 when there is none)."""
    n = len(stems)
    if not title:
        return {"title_recall": numpy.zeros(n), "title_prec": numpy.zeros(n)}
    hits = numpy.array([len(title.intersection(s)) for s in stems], dtype=float)
    sizes = numpy.array([len(set(s)) for s in stems], dtype=float)
    return {"title_recall": hits / len(title), "title_prec": hits / numpy.maximum(sizes, 1)}


def _lead_similarity(unit: Matrix) -> numpy.ndarray:
    """Cosine with the opening sentence, which in news states the story."""
    if unit.shape[0] == 0:
        return numpy.zeros(0)
    if isinstance(unit, numpy.ndarray):
        return unit @ unit[0]
    return numpy.asarray((unit @ unit.getrow(0).T).todense()).ravel()


#: Surface form: quotations, back-references, numbers, names, reported speech.
_FORM: tuple[str, ...] = (
    *("quote_start", "quote_any", "leans", "digits", "caps", "said", "question"),
    *("mean_wlen", "commas"),
)


def _form_of(text: str, words: Sequence[str], caps: float) -> tuple[float, ...]:
    """The ``_FORM`` values of one sentence."""
    return (
        float(text.lstrip()[:1] in _OPEN_QUOTES),
        float(_DOUBLE_QUOTES.search(text) is not None),
        float(leans_on_context(text)),
        float(_DIGIT.search(text) is not None),
        caps,
        float(_SAID.search(text) is not None),
        float(text.rstrip("\"'”’» )").endswith("?")),
        sum(map(len, words)) / len(words) if words else 0.0,
        float(text.count(",")),
    )


def _form(facts: Sequence[_TextFacts]) -> dict[str, numpy.ndarray]:
    """The ``_FORM`` columns."""
    rows = numpy.array([x.form for x in facts], dtype=float).reshape(len(facts), len(_FORM))
    return {name: rows[:, k] for k, name in enumerate(_FORM)}


def _doc_max(values: numpy.ndarray) -> numpy.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else numpy.zeros_like(values, dtype=float)


def _rank_score(values: numpy.ndarray) -> numpy.ndarray:
    """1 for the document's highest value down to 0 for its lowest (ties: the earlier first;
    all 0 when every value is the same, so that a rank never stands in for the position).
    Values equal but for rounding error are ties: the order in which sums were taken
    (a sparse or a dense product) never reorders two sentences."""
    values = numpy.round(values, TIE_DECIMALS)
    n = len(values)
    if n <= 1:
        return numpy.ones(n)
    if values.max() == values.min():  # no headline, no keywords: nothing to rank by
        return numpy.zeros(n)
    order = numpy.lexsort((numpy.arange(n), -values))
    rank = numpy.empty(n)
    rank[order] = numpy.arange(n)
    return 1.0 - rank / (n - 1)
