"""sumy's summarisers without sumy's quadratic Python: the same picks, in seconds on a book.

Each class here subclasses the stock ``Rater`` of ``reader.sumy_adapter`` (so
the configuration, stop words, stemmer and word lists are sumy's own, taken
from the configured sumy summariser) and replaces only ``raw_ratings``:

* LexRank, TextRank, Reduction: every sentence-to-sentence overlap is one
  sparse product ``C @ C.T`` of the sentence × stem count matrix. sumy's
  quirks are kept: LexRank's ``cosine > threshold`` edges (cosines within
  rounding of the threshold are recomputed with sumy's own function), its
  degree normalisation, its loose ``epsilon = 0.1`` stop and its normalised
  power step (0/0 when no sentence has an edge: NaN, which the adapter turns
  into 0); TextRank's ``log(len) + log(len)`` edge norm (the raw overlap when
  both sentences have one word), its ``1e-7`` row guard and its damping with
  the teleport term divided by n; Reduction's edge formula (0 when both have
  one word), summed in sumy's order, so its ratings are sumy's bit for bit.
  Up to ``DENSE_LIMIT`` sentences the power methods are sumy's own, on sumy's
  dense matrix built without its loops: ratings that are equal in exact
  arithmetic then keep sumy's BLAS rounding, which decides sumy's picks among
  them. Above it, sparse power methods (no BLAS); exact ties go to the
  earlier sentence.
* LSA: sumy keeps *every* singular value (``max(3, len(sigma) * 1/1)``), so
  its rating ``sqrt(sum(sigma_i**2 * v_ij**2))`` is the Euclidean norm of
  column j of its smoothed term-sentence matrix (A^T A = V S^2 V^T). Above
  ``SVD_LIMIT`` that norm is computed without the dense matrix or an SVD, and
  equal norms are bit-equal (ties to the earlier sentence); below it, sumy's
  SVD runs, because sentences of equal norm (common: the norm depends only on
  the counts in the column) are ordered by its rounding, which even changes
  from run to run with Python's string hashing.
* KL-Sum: the greedy search of the adapter's ``_KL`` (stopped after the
  requested count), all KL divergences of a pass computed at once from count
  vectors and updated only where the picked sentence's words change the
  summary; near-equal divergences are recomputed float for float as sumy
  does (``_ExactKL``). sumy's inconsistencies are kept: the document
  distribution filters stop words before lower-casing, candidates after; the
  summary contributes its raw, unfiltered, case-preserved words.
* SumBasic: the same greedy order with a lazy priority queue (a sentence's
  mean word probability never rises, so a stale value is an upper bound), each
  mean computed by sumy's own function: bit for bit sumy's picks. Stops after
  the requested count; the rest rate below every pick.
* Luhn: sumy's own code with its significant words in a set instead of a
  tuple (membership was a linear scan per word).
* Edmundson: sumy's code is already linear; it is used as it is.

Scores may differ from stock sumy's in the last digits; the picks are the
same. ``reader.summarize.summarize(..., engine="stock")`` still runs stock
sumy, for comparisons and benchmarks.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

import numpy
from scipy import sparse
from sumy.models.dom import ObjectDocumentModel

from .sumy_adapter import RATERS as STOCK_RATERS
from .sumy_adapter import (
    KLSum,
    LexRank,
    Lsa,
    Luhn,
    Rater,
    Reduction,
    SumBasic,
    TextRank,
    _finite,
    _Luhn,
)

#: Up to this many sentences, LexRank and TextRank run sumy's own power method
#: on sumy's dense matrix (built here without the Python loops), so that
#: ratings that are equal in exact arithmetic keep sumy's BLAS rounding and
#: its tie-breaks: the picks are then sumy's to the last sentence. Above it a
#: sparse power method keeps a book within memory and seconds; exact ties then
#: go to the earlier sentence.
DENSE_LIMIT = 2000

#: Up to this many (sentences × words × the smaller of both, ~flops), LSA runs
#: sumy's SVD, whose rounding decides between sentences of equal column norm
#: (and varies with Python's string hashing from run to run); above it, the
#: column norms themselves, ties to the earlier sentence.
SVD_LIMIT = 300_000_000

_NEAR = 1e-9  # relative gap below which two vectorised values may round either way in sumy

# ------------------------------------------------------------------ helpers


def _count_matrix(word_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Sentence × word count matrix (float64, canonical: sorted, summed indices)."""
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(w, len(vocabulary)) for words in word_lists for w in words]
    indptr = numpy.zeros(len(word_lists) + 1, dtype=numpy.int64)
    numpy.cumsum([len(words) for words in word_lists], out=indptr[1:])
    matrix = sparse.csr_matrix(
        (numpy.ones(len(ids)), numpy.asarray(ids, dtype=numpy.int64), indptr),
        shape=(len(word_lists), max(len(vocabulary), 1)),
    )
    matrix.sum_duplicates()
    return matrix


def _logs(lengths: numpy.ndarray) -> numpy.ndarray:
    """``math.log`` of each length (0 for 0), as sumy computes it (libm, not NumPy's SIMD log)."""
    top = int(lengths.max()) if lengths.size else 0
    table = numpy.array([0.0] + [math.log(k) for k in range(1, top + 1)])
    return table[lengths]


def _pairs(matrix: sparse.csr_matrix) -> tuple[sparse.csr_matrix, numpy.ndarray]:
    """``matrix @ matrix.T`` with sorted indices, and the row of each stored entry.

    Only the pairs of sentences that share a word are stored. For count
    matrices the values are the shared-word counts sumy's loops compute,
    ``sum(words2.count(w) for w in words1)``: integers, so exact.
    """
    product = (matrix @ matrix.T).tocsr()
    product.sort_indices()
    rows = numpy.repeat(numpy.arange(product.shape[0]), numpy.diff(product.indptr))
    return product, rows


def _row_sums(matrix: sparse.csr_matrix) -> numpy.ndarray:
    """Row sums added one by one in column order (SciPy's CSR mat-vec), like a Python loop."""
    return matrix @ numpy.ones(matrix.shape[1])


def _by_index(
    dom: ObjectDocumentModel, values: Sequence[float] | numpy.ndarray
) -> dict[int, float]:
    return {s.index: _finite(v) for s, v in zip(dom.sentences, values, strict=True)}


def _stock_cosine(summarizer, words, i: int, j: int, idf: dict[str, float]) -> float:
    """sumy's ``cosine_similarity`` of sentences i and j, with its own tf and idf dicts."""
    tf1, tf2 = summarizer._compute_tf([words[i], words[j]])
    idf_metrics = {w: idf[w] for w in (*words[i], *words[j])}
    return summarizer.cosine_similarity(words[i], words[j], tf1, tf2, idf_metrics)


def _like(matrix: sparse.csr_matrix, data: numpy.ndarray) -> sparse.csr_matrix:
    """A matrix with the sparsity of ``matrix`` and other values."""
    return sparse.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)


# ------------------------------------------------------------------ graph methods


class FastLexRank(LexRank):
    __doc__ = LexRank.__doc__

    def raw_ratings(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        summarizer = self.make(dom, count)
        words = [summarizer._to_words_set(s) for s in dom.sentences]
        n = len(words)
        counts = _count_matrix(words)
        # tf: count / the sentence's highest count; idf: log(n / (1 + df)).
        rows = numpy.repeat(numpy.arange(n), numpy.diff(counts.indptr))
        row_max = numpy.ones(n)
        numpy.maximum.at(row_max, rows, counts.data)
        tf = counts.data / row_max[rows]
        df = numpy.bincount(counts.indices, minlength=counts.shape[1])
        idf = numpy.array([math.log(n / (1 + d)) for d in df.tolist()])
        weighted = _like(counts, tf * idf[counts.indices])
        norms = numpy.sqrt(_row_sums(_like(counts, weighted.data * weighted.data)))
        dots, pair_rows = _pairs(weighted)
        denominator = norms[pair_rows] * norms[dots.indices]
        with numpy.errstate(all="ignore"):
            cosine = numpy.where(denominator > 0, dots.data / denominator, 0.0)
        threshold = summarizer.threshold
        # Sums in another order may round a cosine of ~threshold to the other
        # side: recompute those few with sumy's own function.
        near = numpy.flatnonzero(numpy.abs(cosine - threshold) <= _NEAR * threshold)
        if near.size:
            # (_count_matrix numbers the words in order of first occurrence.)
            by_word = dict(
                zip(dict.fromkeys(w for ws in words for w in ws), idf.tolist(), strict=False)
            )
            for k in near.tolist():
                i, j = int(pair_rows[k]), int(dots.indices[k])
                cosine[k] = _stock_cosine(summarizer, words, i, j, by_word)
        edge = cosine > threshold
        degrees = numpy.bincount(pair_rows[edge], minlength=n).astype(float)
        degrees[degrees == 0] = 1
        if n <= DENSE_LIMIT:
            # sumy's own matrix (1.0 / degree where connected) and power method.
            matrix = numpy.zeros((n, n))
            matrix[pair_rows[edge], dots.indices[edge]] = 1.0
            matrix /= degrees[:, None]
            with numpy.errstate(all="ignore"):
                return _by_index(dom, summarizer.power_method(matrix, summarizer.epsilon))
        incoming = _like(dots, edge.astype(float)).T  # column i of sumy's 0/1 matrix
        weights = 1.0 / degrees  # every entry of sumy's row i is 1.0 / degree_i
        # sumy's power_method: p ← Mᵀp / |Mᵀp| while |p_new − p| > epsilon.
        p_vector = numpy.array([1.0 / n] * n)
        lambda_val = 1.0
        with numpy.errstate(all="ignore"):
            while lambda_val > summarizer.epsilon:
                next_p = incoming @ (weights * p_vector)
                next_p /= numpy.linalg.norm(next_p)
                lambda_val = float(numpy.linalg.norm(numpy.subtract(next_p, p_vector)))
                p_vector = next_p
        return _by_index(dom, p_vector)


class FastTextRank(TextRank):
    __doc__ = TextRank.__doc__

    def raw_ratings(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        summarizer = self.make(dom, count)
        words = [summarizer._to_words_set(s) for s in dom.sentences]
        n = len(words)
        logs = _logs(numpy.array([len(w) for w in words], dtype=numpy.int64))
        overlap, rows = _pairs(_count_matrix(words))
        norm = logs[rows] + logs[overlap.indices]
        with numpy.errstate(all="ignore"):
            # numpy.isclose(norm, 0.) in sumy: both sentences have a single word.
            edge = numpy.where(numpy.abs(norm) <= 1e-8, overlap.data, overlap.data / norm)
        if n <= DENSE_LIMIT:
            # The rest of sumy's _create_matrix, on the same weights, then its power method.
            weights = _like(overlap, edge).toarray()
            weights /= weights.sum(axis=1)[:, numpy.newaxis] + summarizer._ZERO_DIVISION_PREVENTION
            matrix = (
                numpy.full((n, n), (1.0 - summarizer.damping) / n) + summarizer.damping * weights
            )
            return _by_index(dom, summarizer.power_method(matrix, summarizer.epsilon))
        guard = _row_sums(_like(overlap, edge)) + summarizer._ZERO_DIVISION_PREVENTION
        # sumy's matrix: (1 - d) / n everywhere, plus d × the row-scaled weights.
        damping = summarizer.damping
        incoming = _like(overlap, damping * (edge / guard[rows])).T
        teleport = (1.0 - damping) / n
        p_vector = numpy.array([1.0 / n] * n)
        lambda_val = 1.0
        while lambda_val > summarizer.epsilon:
            next_p = incoming @ p_vector + teleport * p_vector.sum()
            lambda_val = float(numpy.linalg.norm(numpy.subtract(next_p, p_vector)))
            p_vector = next_p
        return _by_index(dom, p_vector)


class FastReduction(Reduction):
    __doc__ = Reduction.__doc__

    def raw_ratings(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        summarizer = self.make(dom, count)
        words = [summarizer._to_words_set(s) for s in dom.sentences]
        logs = _logs(numpy.array([len(w) for w in words], dtype=numpy.int64))
        overlap, rows = _pairs(_count_matrix(words))
        norm = logs[rows] + logs[overlap.indices]
        with numpy.errstate(all="ignore"):
            edge = numpy.where(norm == 0.0, 0.0, overlap.data / norm)
        edge[rows == overlap.indices] = 0.0  # sumy pairs each sentence with the others only
        # Added in sentence order, one edge at a time, as sumy's loop adds them
        # (a 0.0 changes nothing): the same floats as sumy's.
        return _by_index(dom, _row_sums(_like(overlap, edge)))


# ------------------------------------------------------------------ LSA


class FastLsa(Lsa):
    __doc__ = Lsa.__doc__

    SMOOTH = 0.4  # sumy's default for _compute_term_frequency

    def raw_ratings(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        summarizer = self.make(dom, count)
        dictionary = summarizer._create_dictionary(dom)
        if not dictionary:  # sumy returns before rating anything
            return dict.fromkeys((s.index for s in dom.sentences), 0.0)
        n, size = len(dom.sentences), len(dictionary)
        if n * size * min(n, size) <= SVD_LIMIT:
            try:
                return super().raw_ratings(dom, count)  # sumy's SVD, for its very roundings
            except numpy.linalg.LinAlgError:
                pass  # LAPACK's SVD now and then fails to converge: the same norms below
        stem_word = summarizer.stem_word
        # sumy counts every word whose stem is in the dictionary, stop word or not.
        words = [[w for w in map(stem_word, s.words) if w in dictionary] for s in dom.sentences]
        counts = _count_matrix(words)
        smooth = self.SMOOTH
        per_row = numpy.diff(counts.indptr)
        rows = numpy.repeat(numpy.arange(n), per_row)
        row_max = numpy.zeros(n)
        numpy.maximum.at(row_max, rows, counts.data)
        smoothed = smooth + (1.0 - smooth) * (counts.data / row_max[rows])
        squares = smoothed * smoothed
        # Equal multisets of values must give equal sums: add them in sorted order.
        # (bincount adds its weights one by one, in the order given.)
        order = numpy.lexsort((squares, rows))
        summed = numpy.bincount(rows[order], weights=squares[order], minlength=n)
        # Every other cell of a sentence's column is smooth + 0 (sumy smooths zeros too).
        background = (size - per_row) * (smooth * smooth)
        norms = numpy.sqrt(background + summed)
        norms[per_row == 0] = 0.0  # a column without a word stays all zeros in sumy
        return _by_index(dom, norms)


# ------------------------------------------------------------------ greedy selectors


class FastKLSum(KLSum):
    __doc__ = KLSum.__doc__

    def raw_ratings(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        with numpy.errstate(all="ignore"):
            return self._greedy(dom, count)

    def _greedy(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        summarizer = self.make(dom, count)
        sentences = dom.sentences
        n = len(sentences)
        doc_freq = summarizer.compute_tf(sentences)
        vocabulary = {w: k for k, w in enumerate(doc_freq)}
        freq = numpy.array(list(doc_freq.values()) or [0.0])
        content = [summarizer._get_content_words_in_sentence(s) for s in sentences]
        lengths = numpy.array([len(c) for c in content], dtype=float)
        counts = _count_matrix_over(content, vocabulary)
        rows = numpy.repeat(numpy.arange(n), numpy.diff(counts.indptr))
        cols, values = counts.indices, counts.data
        # Positions of each word's entries, to update them when the summary gains it.
        by_word = numpy.argsort(cols, kind="stable")
        word_start = numpy.searchsorted(cols[by_word], numpy.arange(len(freq) + 1))
        f_entry = freq[cols]
        # KL(doc ‖ joint) = Σ_w f_w log(f_w T / x_w), x = candidate + summary counts,
        # T = their total length. Split into the summary's own words (P, Q) and
        # per-candidate entries (d, e): KL = P + D + log(T) (Q + E).
        log_freq = numpy.log(freq)
        d_entry = f_entry * (log_freq[cols] - numpy.log(values))
        e_entry = f_entry.copy()
        in_summary = numpy.zeros(len(freq))  # summary counts per word of the vocabulary
        summary_length = 0
        p_term = q_term = 0.0
        done = numpy.zeros(n, dtype=bool)
        exact = _ExactKL(doc_freq)
        ratings: dict[int, float] = {}
        limit = min(count, n)
        # Per-candidate sums, then updated by differences: rounding drifts by
        # far less than _NEAR, and near-ties are decided exactly anyway.
        d_sum = numpy.bincount(rows, weights=d_entry, minlength=n)
        e_sum = numpy.bincount(rows, weights=e_entry, minlength=n)
        for _ in range(limit):
            total = lengths + summary_length
            kls = p_term + d_sum + numpy.log(total) * (q_term + e_sum)
            kls[total == 0] = 0.0  # nothing to compare: sumy's empty sum
            kls[done] = numpy.inf
            best = int(numpy.argmin(kls))  # the first minimum, as kls.index(min(kls))
            lowest = kls[best]
            close = numpy.flatnonzero(kls <= lowest + _NEAR * max(abs(lowest), 1.0))
            if len(close) > 1:
                # Near-equal divergences: sumy's choice rests on its rounding, so
                # redo these few as sumy computes them (see _ExactKL).
                best = exact.choose(close.tolist(), content)
            done[best] = True
            ratings[sentences[best].index] = -len(ratings)
            # The summary takes the sentence's raw words: unfiltered, case kept.
            raw = sentences[best].words
            exact.add(raw)
            summary_length += len(raw)
            changed = sorted({vocabulary[w] for w in raw if w in vocabulary})
            for w in raw:
                k = vocabulary.get(w)
                if k is not None:
                    in_summary[k] += 1
            if changed:
                held = in_summary > 0
                p_term = float(
                    numpy.sum(freq[held] * (log_freq[held] - numpy.log(in_summary[held])))
                )
                q_term = float(numpy.sum(freq[held]))
                spots = numpy.concatenate(
                    [by_word[word_start[k] : word_start[k + 1]] for k in changed]
                )
                m = in_summary[cols[spots]]
                new_d = f_entry[spots] * (numpy.log(m) - numpy.log(m + values[spots]))
                d_sum += numpy.bincount(rows[spots], weights=new_d - d_entry[spots], minlength=n)
                e_sum -= numpy.bincount(rows[spots], weights=e_entry[spots], minlength=n)
                d_entry[spots] = new_d
                e_entry[spots] = 0.0
        for sentence in sentences:
            ratings.setdefault(sentence.index, -limit)
        return ratings


class _ExactKL:
    """sumy's choice among near-equal KL divergences, float for float.

    ``KLSummarizer._joint_freq`` and ``_kl_divergence`` add their terms
    ``f * log(f / (count / total))`` one after the other: first the candidate's
    words (in order of first occurrence), then the summary's other words (in
    order of first occurrence). The candidates' own parts are computed as sumy
    does; the summary's tail is a non-decreasing function of where it starts,
    given the total length and the words skipped, so within such a group only
    the smallest starts need their tails, and each tail is one sequential
    ``cumsum`` over terms computed with ``math.log`` (NumPy's log may differ by
    an ulp).
    """

    def __init__(self, doc_freq: dict[str, float]) -> None:
        self.doc_freq = doc_freq
        self.summary: dict[str, int] = {}  # word → count, in order of first occurrence
        self.length = 0

    def add(self, words: Sequence[str]) -> None:
        for w in words:
            self.summary[w] = self.summary.get(w, 0) + 1
        self.length += len(words)

    def choose(self, candidates: Sequence[int], content: Sequence[Sequence[str]]) -> int:
        """The candidate sumy picks: the first with the smallest divergence."""
        doc_freq, summary = self.doc_freq, self.summary
        groups: dict[tuple[float, frozenset[str]], dict[float, int]] = {}
        for i in candidates:
            words = content[i]
            total = float(len(words) + self.length)
            own: dict[str, int] = {}
            for w in words:
                own[w] = own.get(w, 0) + 1
            value = 0.0
            for w, c in own.items():
                f = doc_freq.get(w)
                if f:
                    value += f * math.log(f / ((c + summary.get(w, 0)) / total))
            starts = groups.setdefault((total, frozenset(w for w in own if w in summary)), {})
            starts.setdefault(value, i)  # candidates come in document order
        if len(groups) == 1:
            ((_, starts),) = groups.items()
            if len(starts) == 1:
                return next(iter(starts.values()))
        order = [w for w in summary if doc_freq.get(w)]
        position = {w: k for k, w in enumerate(order)}
        counts = [summary[w] for w in order]
        freqs = [doc_freq[w] for w in order]
        best: tuple[float, int] | None = None
        for (total, skipped), starts in groups.items():
            terms = numpy.array(
                [f * math.log(f / (c / total)) for f, c in zip(freqs, counts, strict=True)]
            )
            keep = numpy.ones(len(order), dtype=bool)
            keep[[position[w] for w in skipped if w in position]] = False
            terms = terms[keep]
            lowest: float | None = None
            for value in sorted(starts):
                result = float(numpy.cumsum(numpy.concatenate(([value], terms)))[-1])
                if lowest is not None and result > lowest:
                    break  # the tail never decreases: later starts end higher still
                lowest = result
                candidate = (result, starts[value])
                if best is None or candidate < best:
                    best = candidate
        assert best is not None
        return best[1]


def _count_matrix_over(
    word_lists: Sequence[Sequence[str]], vocabulary: dict[str, int]
) -> sparse.csr_matrix:
    """Count matrix over a fixed vocabulary; words outside it are left out."""
    ids = [[vocabulary[w] for w in words if w in vocabulary] for words in word_lists]
    indptr = numpy.zeros(len(ids) + 1, dtype=numpy.int64)
    numpy.cumsum([len(i) for i in ids], out=indptr[1:])
    flat = numpy.fromiter((k for i in ids for k in i), dtype=numpy.int64, count=int(indptr[-1]))
    matrix = sparse.csr_matrix(
        (numpy.ones(len(flat)), flat, indptr), shape=(len(ids), max(len(vocabulary), 1))
    )
    matrix.sum_duplicates()
    return matrix


class FastSumBasic(SumBasic):
    __doc__ = SumBasic.__doc__

    def raw_ratings(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        summarizer = self.make(dom, count)
        sentences = dom.sentences
        word_freq = summarizer._compute_tf(sentences)
        words = [summarizer._get_content_words_in_sentence(s) for s in sentences]
        distinct = [frozenset(w) for w in words]
        average = summarizer._compute_average_probability_of_words
        # Lazy greedy: squaring probabilities never raises a mean, so a value
        # computed before the last change of one of its words is an upper bound.
        heap = [(-average(word_freq, w), i, 0) for i, w in enumerate(words)]
        heapq.heapify(heap)
        changed_at: dict[str, int] = {}
        ratings: dict[int, float] = {}
        picks = 0
        limit = min(count, len(sentences))
        while picks < limit:
            _, i, stamp = heapq.heappop(heap)
            if any(changed_at.get(w, 0) > stamp for w in distinct[i]):
                heapq.heappush(heap, (-average(word_freq, words[i]), i, picks))
                continue
            ratings[sentences[i].index] = -picks
            picks += 1
            summarizer._update_tf(word_freq, words[i])
            for w in distinct[i]:
                changed_at[w] = picks
        for sentence in sentences:
            ratings.setdefault(sentence.index, -limit)
        return ratings


# ------------------------------------------------------------------ per-sentence methods


class _SetLuhn(_Luhn):
    def _get_significant_words(self, words):
        return frozenset(super()._get_significant_words(words))


class FastLuhn(Luhn):
    __doc__ = Luhn.__doc__
    summarizer = _SetLuhn


_FAST = (
    FastLexRank(),
    FastTextRank(),
    FastLsa(),
    FastLuhn(),
    FastKLSum(),
    FastSumBasic(),
    FastReduction(),
)
FAST_RATERS: dict[str, Rater] = {**STOCK_RATERS, **{r.key: r for r in _FAST}}
"""Every algorithm of ``reader.sumy_adapter.RATERS``, fast where stock sumy is slow."""
