"""sumy, fed with our own sentences and asked for its ratings, not its picks.

sumy's own ``Tokenizer`` needs NLTK's punkt data, which cannot be downloaded
here, and its parsers lose every position. So we build sumy's document model
ourselves from spaCy's sentence spans: a ``Paragraph`` per body block, headings
and the title as ``is_heading`` sentences, each body sentence an
``IndexedSentence`` that carries its ``reader.models.Sentence.index``.

sumy's ``Sentence`` compares and hashes by its text, so two identical
sentences would share one rating and one dict slot. ``IndexedSentence``
compares by identity instead, so every sentence of ours is rated on its own
and maps back to exactly one index.

Each algorithm is a small ``Rater`` class in ``RATERS``: ``rate(dom, count)``
returns a rating for every candidate. These run stock sumy (slow on a book:
several of its algorithms compare every sentence with every other in pure
Python); ``reader.fast_summarizers.FAST_RATERS`` subclasses them and replaces
``raw_ratings`` with NumPy/SciPy versions that pick the same sentences.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import numpy
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.edmundson_cue import EdmundsonCueMethod
from sumy.summarizers.edmundson_location import EdmundsonLocationMethod
from sumy.summarizers.edmundson_title import EdmundsonTitleMethod
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from ..options import ALGORITHMS, NEWS
from .blas import one_blas_thread
from .words import LANGUAGE, STOP_WORDS, stem, to_words

# Hedges and fillers mark opinion or padding rather than the article's news,
# and the web-page leftovers that survive extraction ("click", "subscribe")
# are never summary material. Edmundson's cue method subtracts one per hit.
STIGMA_WORDS = frozenset(
    {
        *("perhaps", "maybe", "possibly", "apparently", "seemingly", "arguably"),
        *("supposedly", "somewhat", "somehow", "anyway", "incidentally", "basically"),
        *("actually", "literally", "honestly", "frankly"),
        *("click", "subscribe", "subscription", "newsletter", "advertisement"),
        *("sponsored", "cookies", "copyright"),
    }
)


class WordTokenizer:
    """The tokenizer object sumy's document model asks for words.

    ``to_sentences`` exists for sumy's interface only: sentences are cut
    upstream by spaCy, so a text is taken as one sentence.
    """

    language = LANGUAGE

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:
        text = text.strip()
        return (text,) if text else ()

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return to_words(sentence)


TOKENIZER = WordTokenizer()


class IndexedSentence(SumySentence):
    """A sumy sentence that knows its ``Sentence.index`` and is equal only to itself."""

    __slots__ = ("index",)

    def __init__(self, text: str, index: int, is_heading: bool = False) -> None:
        super().__init__(text, TOKENIZER, is_heading)
        self.index = index

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)


def build_dom(
    paragraphs: Sequence[tuple[Sequence[str], Sequence[tuple[int, str]]]],
) -> ObjectDocumentModel:
    """sumy's document from ``(headings, [(index, text), ...])`` per paragraph."""
    built = []
    for headings, sentences in paragraphs:
        items = [IndexedSentence(text, -1, is_heading=True) for text in headings]
        items += [IndexedSentence(text, index) for index, text in sentences]
        if items:
            built.append(Paragraph(items))
    return ObjectDocumentModel(built)


def content_words(texts: Iterable[str]) -> list[str]:
    """Lower-cased words of ``texts`` that are not stop words, in order."""
    words = (w.lower() for text in texts for w in to_words(text))
    return [w for w in words if w not in STOP_WORDS]


# ------------------------------------------------------------------ raters


class _Capture:
    """Mixin: ``_get_best_sentences`` records every rating and picks nothing.

    All sumy summarisers end in this one method with a rating dict or
    function; we keep the ratings and leave the choice to ``reader.summarize``.
    The sentences are rated in document order, which LSA's rating iterator
    relies on. A fresh instance is made per call, so this state is never shared.
    """

    ratings: dict[int, float]

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
        if isinstance(rating, dict):
            rate = rating.__getitem__
        else:

            def rate(s: IndexedSentence) -> Any:
                return rating(s, *args, **kwargs)

        self.ratings = {s.index: _finite(rate(s)) for s in sentences}
        return ()


def _finite(value: Any) -> float:
    value = float(value)
    return value if math.isfinite(value) else 0.0


class Rater:
    """One algorithm: rates every body sentence of a sumy document."""

    key: ClassVar[str]  # of reader.options.ALGORITHMS, which names it for people
    summarizer: ClassVar[type[AbstractSummarizer]]

    def make(self, dom: ObjectDocumentModel, count: int) -> AbstractSummarizer:
        """A fresh, configured summariser for ``dom``, which will pick ``count``."""
        summarizer = _plain_words(self.summarizer(stem))
        summarizer.stop_words = STOP_WORDS
        return summarizer

    def rate(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        """Index → rating for every body sentence of ``dom`` (higher is better)."""
        if not dom.sentences:
            return {}
        # Both engines run with one BLAS thread, so their roundings, hence their
        # tie-breaks, stay the same (see ``blas``).
        with one_blas_thread():
            return self.raw_ratings(dom, count)

    def raw_ratings(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        """sumy's own rating of every sentence of a non-empty ``dom``.

        This runs stock sumy; ``reader.fast_summarizers`` overrides it with
        vectorised versions that give the same ratings.
        """
        summarizer = self.make(dom, count)
        # Degenerate matrices (no shared words) give 0/0 in sumy's power
        # methods; the resulting NaN ratings are turned into 0 by ``_finite``.
        with numpy.errstate(all="ignore"):
            summarizer(dom, count)
        ratings = getattr(summarizer, "ratings", None)
        if ratings is None:  # sumy returned early (e.g. LSA on a wordless text)
            return dict.fromkeys((s.index for s in dom.sentences), 0.0)
        return ratings


def _plain_words(summarizer: AbstractSummarizer) -> AbstractSummarizer:
    """``summarizer`` with sumy's word functions minus their layers of Python, for words
    that are ``str`` already (sumy's ``to_unicode`` returns those as they are): the same
    words and stems (``stem`` lower-cases), for a few thousand calls an article."""
    summarizer.normalize_word = str.lower
    summarizer.stem_word = stem
    return summarizer


class RankedRater(Rater):
    """For the greedy selectors whose sumy rating is minus the pick order.

    The rating becomes ``1 - rank / n``: 1 for the first pick, 1/n for the last.
    """

    def rate(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        ratings = super().rate(dom, count)
        if not ratings:
            return {}
        order = sorted(ratings, key=lambda i: -ratings[i])  # stable: ties keep article order
        n = len(order)
        return {index: 1.0 - rank / n for rank, index in enumerate(order)}


class _LexRank(_Capture, LexRankSummarizer):
    pass


class _TextRank(_Capture, TextRankSummarizer):
    pass


class _Lsa(_Capture, LsaSummarizer):
    def _create_matrix(self, document, dictionary):
        # sumy's version warns when words < sentences (a UserWarning that
        # pytest turns into an error); a short text is fine for us.
        matrix = numpy.zeros((len(dictionary), len(document.sentences)))
        for col, sentence in enumerate(document.sentences):
            for word in map(self.stem_word, sentence.words):
                row = dictionary.get(word)
                if row is not None:
                    matrix[row, col] += 1
        return matrix

    def _compute_term_frequency(self, matrix, smooth=0.4):
        # The same smoothed max-tf as sumy's double Python loop, vectorised:
        # columns with a zero maximum (no dictionary word) stay as they are.
        maxima = matrix.max(axis=0) if matrix.size else numpy.zeros(matrix.shape[1])
        nonzero = maxima != 0
        matrix[:, nonzero] = smooth + (1.0 - smooth) * matrix[:, nonzero] / maxima[nonzero]
        return matrix


class _Luhn(_Capture, LuhnSummarizer):
    pass


class _KL(_Capture, KLSummarizer):
    """sumy's KL-Sum, stopped once ``limit`` sentences are picked.

    The greedy search never revisits a pick, so its first ``limit`` picks are
    the same as in sumy's full run, which orders every sentence and takes
    minutes on a long text (it is cubic). Unpicked sentences rate below all
    picked ones.
    """

    limit: int | None = None

    def _compute_ratings(self, sentences):
        # sumy 0.13's KLSummarizer._compute_ratings, plus the stop at ``limit``.
        word_freq = self.compute_tf(sentences)
        ratings: dict[SumySentence, float] = {}
        summary: list[SumySentence] = []
        sentences_list = list(sentences)
        sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
        limit = len(sentences_list) if self.limit is None else self.limit
        while sentences_list and len(summary) < limit:
            summary_as_word_list = self._get_all_words_in_doc(summary)
            kls = [
                self._kl_divergence(self._joint_freq(words, summary_as_word_list), word_freq)
                for words in sentences_as_words
            ]
            index_to_remove = self._find_index_of_best_sentence(kls)
            best_sentence = sentences_list.pop(index_to_remove)
            del sentences_as_words[index_to_remove]
            summary.append(best_sentence)
            ratings[best_sentence] = -len(ratings)
        for sentence in sentences_list:
            ratings[sentence] = -len(summary)
        return ratings


class _SumBasic(_Capture, SumBasicSummarizer):
    pass


class _Reduction(_Capture, ReductionSummarizer):
    pass


class _Edmundson(_Capture, EdmundsonSummarizer):
    """Edmundson without sumy's "word set is empty" errors.

    A text without headings has no title words; the method then adds nothing
    rather than failing.
    """

    def _build_cue_method_instance(self):
        return EdmundsonCueMethod(self._stemmer, self._bonus_words, self._stigma_words)

    def _build_title_method_instance(self):
        return EdmundsonTitleMethod(self._stemmer, self._null_words)

    def _build_location_method_instance(self):
        return EdmundsonLocationMethod(self._stemmer, self._null_words)


class LexRank(Rater):
    """LexRank centrality: the sentence's weight in the leading eigenvector of
    the thresholded idf-cosine similarity graph (vector of unit length)."""

    key, summarizer = "lexrank", _LexRank


class TextRank(Rater):
    """TextRank: the sentence's PageRank probability in the word-overlap graph
    (all ratings sum to 1)."""

    key, summarizer = "textrank", _TextRank


class Lsa(Rater):
    """LSA: length of the sentence's vector in the latent topic space of the
    term-sentence matrix (singular values squared times V entries squared)."""

    key, summarizer = "lsa", _Lsa


class Luhn(Rater):
    """Luhn: the best cluster of significant words in the sentence, scored as
    significant words squared over the cluster's length (0 without one)."""

    key, summarizer = "luhn", _Luhn


class Edmundson(Rater):
    """Edmundson: cue + title + location points.

    * cue: +1 per bonus word, -1 per stigma word. Bonus words are the content
      words of the title and headings (news has no fixed cue lexicon, and the
      headline is the editor's own statement of what matters); stigma words are
      ``STIGMA_WORDS``.
    * title: +1 per word shared with the title or a heading, null words (the
      stop words) excluded.
    * location: +1 for the first and for the last paragraph, +1 for the first
      and for the last sentence of a paragraph, plus the heading words again.
    """

    key, summarizer = "edmundson", _Edmundson

    def make(self, dom: ObjectDocumentModel, count: int) -> AbstractSummarizer:
        summarizer = _Edmundson(stem, cue_weight=1.0, key_weight=0.0)
        summarizer.null_words = STOP_WORDS
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.bonus_words = content_words(str(h) for h in dom.headings)
        return summarizer


class KLSum(RankedRater):
    """KL-Sum: rank-based, ``1 - rank / n`` in the order in which the greedy
    search adds sentences (each pick minimises the KL divergence between the
    summary's and the document's word distributions)."""

    key, summarizer = "kl", _KL

    def make(self, dom: ObjectDocumentModel, count: int) -> AbstractSummarizer:
        summarizer = _plain_words(_KL(stem))
        summarizer.limit = count
        # sumy's KL-Sum filters some words before lower-casing them, so it
        # needs every casing of a stop word to drop it.
        summarizer.stop_words = STOP_WORDS | {w.capitalize() for w in STOP_WORDS}
        return summarizer


class SumBasic(RankedRater):
    """SumBasic: rank-based, ``1 - rank / n`` in the order of picking (each
    pick has the highest mean word probability; the picked words' probabilities
    are then squared)."""

    key, summarizer = "sumbasic", _SumBasic


class Reduction(Rater):
    """Reduction: the sum of the sentence's word-overlap edge weights to every
    other sentence (TextRank's edges without the random walk)."""

    key, summarizer = "reduction", _Reduction


class Lead(Rater):
    """Lead: the article's own order, the first sentence first (1 for it, 1/n for the last)."""

    key = "lead"

    def rate(self, dom: ObjectDocumentModel, count: int) -> dict[int, float]:
        n = len(dom.sentences)
        return {s.index: 1.0 - rank / n for rank, s in enumerate(dom.sentences)}


RATERS: dict[str, Rater] = {
    r.key: r
    for r in (
        Lead(),
        LexRank(),
        TextRank(),
        Lsa(),
        Luhn(),
        Edmundson(),
        KLSum(),
        SumBasic(),
        Reduction(),
    )
}
assert set(RATERS) == set(ALGORITHMS) - {NEWS}, "every sumy algorithm offered has its rater"
