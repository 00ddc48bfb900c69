"""The vectorised summarisers pick exactly the sentences stock sumy picks.

Every comparison runs the real sumy code (``engine="stock"``) on the same
sentences; nothing here hard-codes an expected pick.
"""

from __future__ import annotations

import math
import random

import numpy
import pytest

from reader import nlp
from reader.models import Block, Document, Sentence
from reader.nlp.segment import sentences_from
from reader.options import ALGORITHMS, NEWS, parse_length
from reader.summary import fast_summarizers
from reader.summary.fast_summarizers import FAST_RATERS
from reader.summary.summarize import ENGINES, raters, summarize, sumy_document
from reader.summary.sumy_adapter import RATERS

SUMY_ALGORITHMS = [key for key, rater in RATERS.items() if hasattr(rater, "summarizer")]


def make_document(parts: list[tuple[str, str]], title: str | None = None) -> Document:
    text, blocks = "", []
    for kind, part in parts:
        if text:
            text += "\n\n"
        blocks.append(Block(len(text), len(text) + len(part), kind, 1 if kind == "heading" else 0))
        text += part
    if title is None:
        title = next((p for k, p in parts if k == "title"), "")
    return Document("article.txt", text, title, tuple(blocks), "text")


def picks(document, sentences, algorithm, length, engine="fast") -> list[int]:
    summary = summarize(document, sentences, algorithm, length, engine=engine)
    return [s.index for s in summary.sentences]


# ------------------------------------------------------------------ small articles

SMALL = {
    "news with headings": [
        ("title", "Harbour town votes to rebuild its storm-wrecked sea wall"),
        (
            "paragraph",
            "Residents of Port Elling voted on Tuesday to rebuild the sea wall. The council "
            "will borrow four million pounds to pay for the wall. Building starts in March.",
        ),
        ("heading", "Why the vote was close"),
        (
            "paragraph",
            "Some residents wanted the town to give up the lowest streets. They argued that "
            "a new wall would only delay the next flood. Engineers said a higher wall would "
            "protect the harbour for fifty years.",
        ),
        ("heading", "What comes next"),
        ("paragraph", "The result was 612 votes to 540. Work on the design begins next month."),
    ],
    "duplicates": [
        ("title", "Bridge closure"),
        (
            "paragraph",
            "The bridge will close on Friday for repairs. Drivers should use the ring road. "
            "The bridge will close on Friday for repairs.",
        ),
        ("paragraph", "The repairs will take a week. Buses will run to a new timetable."),
        ("paragraph", "Cyclists may still cross. The bridge will close on Friday for repairs."),
        ("paragraph", "Drivers should use the ring road. Drivers should use the ring road."),
    ],
    "very short sentences": [
        (
            "paragraph",
            "Yes. No. Rain fell. Rain stopped. Wind rose. Rain fell again. Stop. Go. Wind "
            "rose again over the town. Snow.",
        ),
    ],
    "stop words in between": [
        (
            "paragraph",
            "It was what it was. The mayor opened the new library on Monday. And so it is. "
            "Then there it was. The library holds forty thousand books. It is what it is.",
        ),
        ("paragraph", "Readers queued outside the library before dawn. And then it was."),
    ],
    "stop words only": [("paragraph", "It was what it was. And so it is. Then there it was.")],
    "one sentence": [("title", "Museum"), ("paragraph", "The museum reopens on Monday.")],
    "no shared words": [
        ("paragraph", "Cats purr loudly. Engines roar today. Violins sing softly. Bells ring.")
    ],
    "permuted words": [
        (
            "paragraph",
            "Farmers sold wheat. Wheat sold farmers. Farmers sold barley. Barley sold "
            "farmers. Markets closed early.",
        ),
        ("paragraph", "Prices rose. Rose prices. Farmers sold wheat."),
    ],
    "capitals and clitics": [
        ("title", "THE STORM'S END"),
        (
            "paragraph",
            "THE STORM ended at dawn. The storm's damage was counted by noon. Officials "
            "said THE DAMAGE was the worst in years. They didn't expect THE STORM to "
            "return. The Storm left the town's roads blocked.",
        ),
    ],
}


@pytest.fixture(scope="module")
def small_articles(spacy_model):
    analysed = {}
    for name, parts in SMALL.items():
        document = make_document(parts)
        analysed[name] = (document, sentences_from(nlp.parse(document)))
    return analysed


@pytest.mark.parametrize("algorithm", SUMY_ALGORITHMS)
@pytest.mark.parametrize("name", list(SMALL))
def test_small_articles_get_the_stock_picks(small_articles, name, algorithm):
    document, sentences = small_articles[name]
    for length in ("1", "2", "3", "5", "50%", "100%"):
        expected = picks(document, sentences, algorithm, length, engine="stock")
        assert picks(document, sentences, algorithm, length) == expected, length


@pytest.mark.parametrize("algorithm", SUMY_ALGORITHMS)
def test_scores_match_stock_up_to_rounding(small_articles, algorithm):
    document, sentences = small_articles["news with headings"]
    fast = summarize(document, sentences, algorithm, "100%")
    stock = summarize(document, sentences, algorithm, "100%", engine="stock")
    for ours, theirs in zip(fast.sentences, stock.sentences, strict=True):
        assert ours.index == theirs.index
        assert ours.score == pytest.approx(theirs.score, rel=1e-9, abs=1e-12)


# ------------------------------------------------------------------ a generated document

# fmt: off
WORDS = [
    "harbour", "wall", "storm", "council", "vote", "flood", "river", "bridge", "road", "school",
    "teacher", "pupil", "market", "price", "farmer", "wheat", "barley", "bread", "baker",
    "mayor", "town", "village", "city", "station", "train", "bus", "driver", "doctor", "nurse",
    "hospital", "patient", "court", "judge", "lawyer", "police", "officer", "report",
    "minister", "budget", "tax", "energy", "power", "plant", "factory", "worker", "union",
    "strike", "wage", "company", "profit", "loss", "bank", "loan", "museum", "library", "book",
    "reader", "island", "ferry", "boat", "fisher", "catch", "season", "winter", "summer",
    "rain", "snow", "wind", "sun", "cloud", "forest", "tree", "garden", "park", "bird", "field",
    "cattle", "sheep", "engine", "repair", "plan", "design", "build", "open", "close", "rise",
    "fall", "grow", "shrink", "agree", "refuse", "expect", "warn", "promise", "announce",
]
# fmt: on
STOP = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "it",
    "was",
    "is",
    "that",
    "on",
    "for",
    "with",
    "as",
    "by",
    "at",
]


def generated_document(seed: int = 7, count: int = 200) -> tuple[Document, tuple[Sentence, ...]]:
    """~``count`` body sentences from ``WORDS``, with repeats, stop-word-only lines and headings."""
    rng = random.Random(seed)
    earlier: list[str] = []
    parts: list[tuple[str, list[str]]] = [("title", ["Harbour council plans a new sea wall."])]
    body = 0
    while body < count:
        if rng.random() < 0.15:
            parts.append(("heading", [" ".join(rng.sample(WORDS, 3)).capitalize() + "."]))
        paragraph = []
        for _ in range(rng.randint(2, 8)):
            roll = rng.random()
            if earlier and roll < 0.06:
                sentence = rng.choice(earlier)  # an exact repeat
            elif roll < 0.09:
                sentence = " ".join(rng.choices(STOP, k=rng.randint(1, 5))).capitalize() + "."
            else:
                length = rng.choice((1, 2, 3, 5, 8, 12, 18))
                words = [
                    rng.choice(STOP) if rng.random() < 0.3 else rng.choice(WORDS)
                    for _ in range(length)
                ]
                sentence = " ".join(words).capitalize() + "."
            earlier.append(sentence)
            paragraph.append(sentence)
        parts.append(("paragraph", paragraph))
        body += len(paragraph)

    text, blocks, sentences = "", [], []
    for kind, items in parts:
        if text:
            text += "\n\n"
        start = len(text)
        for k, item in enumerate(items):
            if k:
                text += " "
            sentences.append(
                Sentence(len(sentences), len(text), len(text) + len(item), len(blocks))
            )
            text += item
        blocks.append(Block(start, len(text), kind, 1 if kind == "heading" else 0))
    document = Document("generated.txt", text, parts[0][1][0], tuple(blocks), "text")
    return document, tuple(sentences)


@pytest.fixture(scope="module")
def generated():
    return generated_document()


def test_the_generated_document_is_as_intended(generated):
    document, sentences = generated
    body = [s for s in sentences if document.blocks[s.block].kind == "paragraph"]
    texts = [document.text[s.start : s.end] for s in body]
    assert 200 <= len(body) <= 210
    assert len(set(texts)) < len(texts), "repeats"
    assert any(document.blocks[s.block].kind == "heading" for s in sentences)
    assert any(all(w.lower() in STOP for w in t[:-1].split()) for t in texts), "stop words only"


@pytest.mark.parametrize("algorithm", SUMY_ALGORITHMS)
def test_a_longer_document_gets_the_stock_picks(generated, algorithm):
    document, sentences = generated
    lengths = ("1", "5", "10%") if algorithm == "kl" else ("1", "5", "20%", "50%")
    for length in lengths:
        expected = picks(document, sentences, algorithm, length, engine="stock")
        assert picks(document, sentences, algorithm, length) == expected, length


def test_reduction_ratings_are_sumys_to_the_last_bit(generated):
    document, sentences = generated
    dom = sumy_document(document, sentences)
    assert FAST_RATERS["reduction"].rate(dom, 5) == RATERS["reduction"].rate(dom, 5)


# ------------------------------------------------------------------ the large-text paths


def near_tie_picks(ratings: dict[int, float], count: int, rel: float = 1e-9) -> list[int]:
    """The picks under the tie rule (earlier sentence first) when ratings within
    ``rel`` × the largest rating of each other count as equal: stock sumy's own
    order among such near-ties is rounding noise (BLAS sums, an SVD, string-hash
    order), and an SVD's noise scales with the whole matrix."""
    tolerance = rel * max(abs(v) for v in ratings.values())
    order = sorted(ratings, key=lambda i: -ratings[i])
    level, snapped = None, {}
    for i in order:
        if level is None or ratings[i] < level - tolerance:
            level = ratings[i]
        snapped[i] = level
    best = sorted(ratings, key=lambda i: (-snapped[i], i))
    return sorted(best[:count])


@pytest.fixture
def sparse_paths(monkeypatch):
    """Force the paths a book takes (sparse power methods, LSA's column norms)."""
    monkeypatch.setattr(fast_summarizers, "DENSE_LIMIT", 0)
    monkeypatch.setattr(fast_summarizers, "SVD_LIMIT", 0)


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank", "lsa"])
def test_the_large_text_paths_rate_as_sumy_does(generated, sparse_paths, algorithm):
    document, sentences = generated
    dom = sumy_document(document, sentences)
    ours = FAST_RATERS[algorithm].rate(dom, 5)
    theirs = RATERS[algorithm].rate(dom, 5)
    assert ours.keys() == theirs.keys()
    top = max(abs(v) for v in theirs.values())
    for index, value in theirs.items():
        assert ours[index] == pytest.approx(value, rel=1e-9, abs=1e-12 * top)
    for count in (1, 5, 40, 100):
        best = sorted(ours, key=lambda i: (-ours[i], i))[:count]
        assert sorted(best) == near_tie_picks(theirs, count)


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank", "lsa"])
@pytest.mark.parametrize("name", list(SMALL))
def test_small_articles_on_the_large_text_paths_differ_only_in_rounding_ties(
    small_articles, sparse_paths, name, algorithm
):
    document, sentences = small_articles[name]
    dom = sumy_document(document, sentences)
    ours = FAST_RATERS[algorithm].rate(dom, 3)
    theirs = RATERS[algorithm].rate(dom, 3)
    for count in range(1, len(ours) + 1):
        best = sorted(ours, key=lambda i: (-ours[i], i))[:count]
        assert sorted(best) == near_tie_picks(theirs, count)


def test_lsa_ties_are_exact_on_the_large_text_path(generated, sparse_paths):
    """Sentences whose columns hold the same counts have equal norms, bit for bit."""
    document, sentences = generated
    dom = sumy_document(document, sentences)
    ratings = FAST_RATERS["lsa"].rate(dom, 5)
    texts = {s.index: document.text[s.start : s.end] for s in sentences}
    repeated = {}
    for index in ratings:
        repeated.setdefault(texts[index], []).append(ratings[index])
    groups = [v for v in repeated.values() if len(v) > 1]
    assert groups
    assert all(len(set(v)) == 1 for v in groups)


@pytest.mark.parametrize("algorithm", SUMY_ALGORITHMS)
def test_the_large_text_paths_give_valid_summaries(generated, sparse_paths, algorithm):
    document, sentences = generated
    summary = summarize(document, sentences, algorithm, "30%")
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(set(indices))
    assert all(math.isfinite(s.score) for s in summary.sentences)
    body = [s for s in sentences if document.blocks[s.block].kind == "paragraph"]
    assert len(indices) == parse_length("30%").count(len(body))


def test_lexrank_without_any_edge_rates_every_sentence_zero(sparse_paths):
    # One stop word per sentence: no sentence has a word, so no edge at all
    # and sumy's power step divides 0 by 0.
    document = make_document([("paragraph", "It. Was. The. And.")])
    sentences = tuple(
        Sentence(i, start, start + len(word), 0)
        for i, (start, word) in enumerate([(0, "It."), (4, "Was."), (9, "The."), (14, "And.")])
    )
    dom = sumy_document(document, sentences)
    for engine in map(raters, ENGINES):
        assert engine["lexrank"].rate(dom, 2) == dict.fromkeys(range(4), 0.0)


# ------------------------------------------------------------------ the engine switch


def test_both_engines_cover_every_sumy_algorithm():
    assert set(ENGINES) == {"fast", "stock"}
    sumy = [key for key in ALGORITHMS if key != NEWS]  # News has no sumy counterpart
    assert list(FAST_RATERS) == list(RATERS) == sumy  # one rater per sumy algorithm


def test_an_unknown_engine_is_refused(generated):
    document, sentences = generated
    with pytest.raises(ValueError, match="engine"):
        summarize(document, sentences, "lexrank", "3", engine="turbo")


def test_kl_ranks_the_picks_in_sumys_order(generated):
    document, sentences = generated
    fast = summarize(document, sentences, "kl", "8")
    stock = summarize(document, sentences, "kl", "8", engine="stock")
    assert [(s.index, s.score) for s in fast.sentences] == [
        (s.index, s.score) for s in stock.sentences
    ]
    assert len({s.score for s in fast.sentences}) == 8


def test_fast_engine_needs_no_blas_for_a_long_text(generated, sparse_paths, monkeypatch):
    """The large-text paths use sparse products only: no dense SVD or dot."""

    def refuse(*args, **kwargs):
        raise AssertionError("dense linear algebra on the large-text path")

    monkeypatch.setattr(numpy.linalg, "svd", refuse)
    monkeypatch.setattr(numpy, "dot", refuse)
    document, sentences = generated
    for algorithm in SUMY_ALGORITHMS:
        assert summarize(document, sentences, algorithm, "5").sentences


def test_lsa_rates_by_column_norms_when_lapacks_svd_fails_to_converge(generated, monkeypatch):
    """numpy's SVD (LAPACK's gesdd) now and then raises "SVD did not converge"; a summary
    then still comes, rated as the SVD would have rated it."""
    import numpy
    from sumy.summarizers import lsa

    document, sentences = generated
    dom = sumy_document(document, sentences)
    theirs = RATERS["lsa"].rate(dom, 5)

    def no_convergence(*args, **kwargs):
        raise numpy.linalg.LinAlgError("SVD did not converge")

    monkeypatch.setattr(lsa, "singular_value_decomposition", no_convergence)
    ours = FAST_RATERS["lsa"].rate(dom, 5)
    assert ours.keys() == theirs.keys()
    top = max(abs(v) for v in theirs.values())
    for index, value in theirs.items():
        assert ours[index] == pytest.approx(value, rel=1e-9, abs=1e-12 * top)
