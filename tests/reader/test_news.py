"""The News summariser: why each sentence, the comparison, antecedents, training."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy
import pytest
from scipy import sparse

import reader
from reader.options import ALGORITHMS, DEFAULT_ALGORITHM, NEWS
from reader.output.serialize import summary_json
from reader.summary import news, news_train, why
from reader.summary.coherence import leans_on_context
from reader.summary.compare import compare_summaries, ranks_if_cheap, with_ranks
from reader.summary.news_features import FEATURES, GROUPS, feature_table
from reader.summary.prose import quote_units
from reader.summary.summarize import rank_candidates, summarize

from .test_summarize import ARTICLE, analysed, check_valid


@pytest.fixture(scope="module")
def article(spacy_model):
    return analysed(ARTICLE)


def test_news_is_the_default_and_plainly_named():
    assert DEFAULT_ALGORITHM == NEWS
    assert ALGORITHMS[NEWS] == "News"
    assert reader.AnalysisOptions().algorithm == NEWS


def test_the_readme_lists_the_algorithms_as_the_registry_does():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.split("\n- ") if x.startswith("`--algorithm`"))
    listed = re.findall(r"`(\w+)`( \(default\))?", line.split(":", 1)[1].split(".")[0])
    assert [key for key, _ in listed] == list(ALGORITHMS)
    assert [key for key, default in listed if default] == [DEFAULT_ALGORITHM]


@pytest.mark.parametrize("length", ["1", "3", "6", "50%"])
def test_news_gives_valid_summaries(article, length):
    document, sentences = article
    summary = summarize(document, sentences, NEWS, length)
    check_valid(summary, document, sentences)
    assert summary.sentences


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_sentence_says_why_consistently_with_the_ranking(article, algorithm):
    document, sentences = article
    summary = summarize(document, sentences, algorithm, "4")
    ranked = rank_candidates(document, sentences, algorithm, 4)
    rank_of = {s.index: r for s, r in zip(ranked.candidates, ranked.ranks, strict=True)}
    assert len(summary.sentences) == 4
    for chosen in summary.sentences:
        explained = chosen.why
        assert explained is not None
        assert explained.rank == rank_of[chosen.index]
        assert 1 <= explained.rank <= explained.candidates == ranked.ranked
        assert explained.phrases and all(isinstance(p, str) and p for p in explained.phrases)
    # A better score never has a worse rank.
    by_rank = sorted(summary.sentences, key=lambda s: s.why.rank)
    assert [s.score for s in by_rank] == sorted((s.score for s in by_rank), reverse=True)


def test_news_factors_add_up_to_its_score(article):
    document, sentences = article
    ranking = news.rank(document, sentences, 4)
    summary = summarize(document, sentences, NEWS, "4")
    for chosen in summary.sentences:
        factors = dict(chosen.why.factors)
        assert set(factors) == set(GROUPS)
        assert math.isclose(sum(factors.values()) + ranking.base, chosen.score, abs_tol=1e-3)
        assert chosen.why.factors == tuple(sorted(chosen.why.factors, key=lambda f: -abs(f[1])))


@pytest.mark.parametrize("titled", [True, False])
def test_no_sentence_outranks_the_first_on_position(spacy_model, titled):
    parts = ARTICLE if titled else [p for p in ARTICLE if p[0] != "title"]
    document, sentences = analysed(parts)
    ranking = news.rank(document, sentences, 3)
    position = ranking.contributions[:, list(GROUPS).index("position")]
    assert ranking.table.texts[0].startswith("Residents of Port Elling voted")
    assert position[0] > 0
    assert position[0] >= position[3:].max()  # the lead's first sentences count for most
    if not titled:  # no headline: nothing is put down to it
        title = ranking.contributions[:, list(GROUPS).index("title")]
        assert numpy.allclose(title, title[0])


def test_the_comparison_says_who_picks_what(article):
    document, sentences = article
    comparison = compare_summaries(document, sentences, "3")
    assert comparison.algorithms == tuple(ALGORITHMS)
    for algorithm in ALGORITHMS:
        own = summarize(document, sentences, algorithm, "3")
        assert comparison.picks[algorithm] == tuple(s.index for s in own.sentences)
        for chosen in own.sentences:
            assert comparison.rank(algorithm, chosen.index) == chosen.why.rank
            assert algorithm in comparison.chosen_by(chosen.index)
    agreement = comparison.agreement()
    counts = [len(algorithms) for _, algorithms in agreement]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2

    summary = with_ranks(summarize(document, sentences, NEWS, "3"), comparison)
    for chosen in summary.sentences:
        ranks = dict(chosen.ranks)
        assert set(ranks) == set(ALGORITHMS) - {NEWS}
        assert all(rank >= 1 for rank in ranks.values())


def test_json_carries_why_and_ranks(article):
    document, sentences = article
    summary = ranks_if_cheap(document, sentences, summarize(document, sentences, NEWS, "2"))
    data = json.loads(json.dumps(summary_json(summary)))
    for item in data["sentences"]:
        why = item["why"]
        assert set(why) == {"rank", "of", "how", "raised", "lowered", "because"}
        assert all(v > 0 for v in why["raised"].values())
        assert all(v < 0 for v in why["lowered"].values())
        assert set(item["ranks"]) == set(ALGORITHMS) - {NEWS}


# --- antecedents ---------------------------------------------------------------------

LEANING = [
    ("title", "Harbour council approves tidal turbines in the estuary"),
    (
        "paragraph",
        "The harbour council met on Tuesday. However, the harbour council approved forty "
        "tidal turbines in the estuary after a long vote on the turbines, the estuary and "
        "the harbour.",
    ),
    (
        "paragraph",
        "Fishermen gathered outside. They said the tidal turbines in the estuary would ruin "
        "the harbour's fishing grounds and that the council had ignored the harbour.",
    ),
    (
        "paragraph",
        "A company built the first turbine last year. It said the estuary turbines would "
        "power the harbour town and that the harbour council had chosen well.",
    ),
    (
        "paragraph",
        "Work on the turbines starts in spring, the council said in a statement after the "
        "meeting about the harbour and the estuary.",
    ),
    ("paragraph", "The vote was nine to four. Councillors went home late."),
]


def test_a_sentence_too_short_to_say_anything_is_picked_only_when_nothing_else_fits():
    texts = [
        "The inquest continues.",
        "The harbour wall will cost the town four million pounds over ten years.",
        "Councillors voted nine to four for the wall after a long debate.",
    ]
    words = numpy.array([len(t.split()) for t in texts], dtype=float)
    options = news.prepare_options(
        quote_units(texts), texts, numpy.ones(3, bool), numpy.zeros(3, bool), words=words
    )
    assert options.short.tolist() == [True, False, False]
    vectors = sparse.csr_matrix(numpy.eye(3))
    utility = numpy.array([5.0, 2.0, 1.0])  # the short one rated best
    picked, _, _ = news.select(utility, vectors, options, 2, 0.0)
    assert sorted(picked) == [1, 2]
    picked, _, _ = news.select(utility, vectors, options, 3, 0.0)
    assert sorted(picked) == [0, 1, 2]  # asked for every sentence, it comes too
    assert len(texts[0].split()) < news.MIN_PICK_WORDS


def test_the_selection_prefers_a_sentence_that_stands_alone():
    # Candidates: an antecedent, a sentence leaning on it (the best), one standing alone.
    texts = ["The council met.", "However, it voted for the wall.", "The wall will cost a lot."]
    leans = numpy.array([leans_on_context(t) for t in texts])
    assert leans.tolist() == [False, True, False]
    options = news.prepare_options(quote_units(texts), texts, numpy.ones(3, bool), leans)
    vectors = sparse.csr_matrix(numpy.eye(3))
    utility = numpy.array([0.0, 3.0, 2.5])
    penalty = news.default_weights().headline.lean_penalty
    assert penalty > 0.5
    picked, _, context = news.select(utility, vectors, options, 1, 0.0, penalty)
    assert picked == [2] and not context  # the leaning one, alone, loses its lead
    picked, _, context = news.select(utility, vectors, options, 1, 0.0, 0.0)
    assert picked == [1] and context == {1: 0}  # without the rule it wins, leaning
    utility = numpy.array([2.0, 3.0, 1.0])
    picked, reasons, context = news.select(utility, vectors, options, 2, 0.0, penalty)
    assert picked == [0, 1] and not context  # it brings its antecedent along
    assert reasons == {0: news.ANTECEDENT, 1: news.WITH_ANTECEDENT}


def test_a_pick_left_leaning_says_so_and_names_its_antecedent(spacy_model):
    # The leaning sentences are by far the most central here, so some are picked alone.
    document, sentences = analysed(LEANING)
    leaning = {s.index for s in sentences if leans_on_context(document.text[s.start : s.end])}
    assert len(leaning) == 3
    shown = 0
    for count in (2, 3, 4):
        summary = summarize(document, sentences, NEWS, str(count))
        ranking = news.rank(document, sentences, count)
        for chosen in summary.sentences:
            alone = chosen.index in leaning and chosen.index - 1 not in ranking.picked
            assert alone == (chosen.index in ranking.context)
            if alone:
                shown += 1
                assert chosen.why.how == why.FOLLOWS_ON
                assert ranking.context[chosen.index] == chosen.index - 1
    assert shown


def test_a_leaning_sentence_can_come_with_its_antecedent(spacy_model):
    document, sentences = analysed(LEANING)
    ranking = news.rank(document, sentences, 4, antecedents="strict")
    for index in ranking.picked:
        if leans_on_context(document.text[sentences[index].start : sentences[index].end]):
            assert index - 1 in ranking.picked
            assert ranking.reasons[index] == news.WITH_ANTECEDENT


# --- training ------------------------------------------------------------------------

TRAINING = [
    {
        "id": f"e{k}",
        "title": f"Town {k} votes on its new harbour wall",
        "text": (
            f"Residents of town {k} voted on Tuesday to build a harbour wall. The wall will "
            "cost four million pounds. Work starts in March, the council said.\n\n"
            "Some residents argued against the harbour wall. The mayor said the harbour "
            f"wall would protect {k + 40} homes from floods."
        ),
        "reference": (
            f"Residents of town {k} voted on Tuesday to build a harbour wall.\n"
            f"The mayor said the harbour wall would protect {k + 40} homes from floods."
        ),
    }
    for k in range(3)
]
ABSTRACTS = [
    {
        "id": f"a{k}",
        "title": "",
        "text": (
            f"A bakery in village {k} sold its last loaf on Saturday. The owners are retiring "
            "after thirty years. Customers queued round the block to say goodbye."
        ),
        "reference": f"A village {k} bakery has closed after thirty years.",
    }
    for k in range(2)
]


def test_training_is_deterministic_and_writes_weights_the_app_reads(spacy_model, tmp_path):
    articles = news_train.build_articles(TRAINING, True)
    articles += news_train.build_articles(ABSTRACTS, False)
    assert [a.regime for a in articles] == ["headline"] * 3 + ["flat"] * 2
    assert articles[0].label.sum() == 2
    first, figures = news_train.train(articles)
    second, _ = news_train.train(articles)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert set(figures) >= {"headline at 3 R-2", "flat at 3 R-1"}
    weights = news.weights_from(first)
    for name, sign in news_train.SIGNS.items():
        coef = weights.headline.coef[FEATURES.index(name)]
        assert coef * sign >= 0
    document, sentences = analysed(ARTICLE)
    summary = news.rank(document, sentences, 2, weights)
    assert len(summary.picked) == 2


def test_an_abstracts_labels_reward_its_phrases_over_its_scattered_words(spacy_model):
    (article,) = news_train.build_articles(ABSTRACTS[:1], False)
    labels = dict(zip(article.table.texts, article.label, strict=True))
    # "thirty years" is a phrase of the abstract; the first sentence shares single words
    assert labels["The owners are retiring after thirty years."] > 0
    words = article.reference[-3:]  # "after thirty years", as ROUGE's tokens
    other = ["the", "owner", "are", "retir", "on", "saturday", "to", "say", "goodby", "now"]
    phrase = news_train._overlap_label([other + words], article.reference)
    scattered = [other[0], words[0], *other[1:5], words[1], *other[5:], words[2]]
    apart = news_train._overlap_label([scattered], article.reference)
    assert phrase[0] > apart[0] > 0
    assert all(0 <= label <= 1 for label in article.label)


def test_the_shipped_weights_fit_the_features(article):
    document, sentences = article
    weights = news.default_weights()
    table = feature_table(document, sentences)
    assert weights.mean.shape == (len(FEATURES),) == (table.matrix.shape[1],)
    assert news.weights_from(json.loads(json.dumps(_shipped()))) is not None


def _shipped() -> dict:
    from importlib import resources

    text = resources.files("reader.summary").joinpath(news.WEIGHTS_FILE).read_text("utf-8")
    return json.loads(text)


def test_a_book_sized_document_gets_no_ranks(article, monkeypatch):
    from reader.summary import compare

    document, sentences = article
    summary = summarize(document, sentences, NEWS, "2")
    monkeypatch.setattr(compare, "RANKS_LIMIT", 5)  # this article has 12 candidates
    assert compare.ranks_if_cheap(document, sentences, summary) is summary


def test_sparse_and_dense_counts_give_the_same_features_and_picks(article, monkeypatch):
    from reader.summary import news_features

    document, sentences = article
    tables, summaries = [], []
    for cells in (0, 1 << 18):  # every count matrix sparse, then this article's dense
        monkeypatch.setattr(news_features, "DENSE_CELLS", cells)
        tables.append(feature_table(document, sentences))
        summaries.append(summarize(document, sentences, NEWS, "3"))
    sparse_table, dense_table = tables
    assert not isinstance(sparse_table.unit_vectors, numpy.ndarray)
    assert isinstance(dense_table.unit_vectors, numpy.ndarray)
    numpy.testing.assert_allclose(dense_table.matrix, sparse_table.matrix, rtol=1e-9, atol=1e-12)
    assert dense_table.keywords == sparse_table.keywords
    assert (dense_table.keyword_rows != sparse_table.keyword_rows).nnz == 0
    picked = [[s.index for s in summary.sentences] for summary in summaries]
    assert picked[0] == picked[1] and len(picked[0]) == 3
    scores = [[s.score for s in summary.sentences] for summary in summaries]
    assert scores[1] == pytest.approx(scores[0])


@pytest.mark.parametrize("dense_cells", [0, 1 << 18], ids=["sparse", "dense"])
@pytest.mark.parametrize("repeats", range(1, 8))
def test_the_random_walk_leaves_a_sentence_sharing_no_word_its_teleport_share(
    repeats, dense_cells, monkeypatch
):
    from reader.summary import news_features

    monkeypatch.setattr(news_features, "DENSE_CELLS", dense_cells)
    lonely = [f"word{k}" for k in range(7) for _ in range(1 + k % repeats)]
    rows = [["ship", "whale", "sea"], ["whale", "captain"], ["sea", "captain", "ship"], lonely]
    unit, degree = news_features._cosine_degree(news_features._count_matrix(rows))
    assert degree[3] == 0  # not the rounding error of 1 - |row|^2
    walks = []
    for dense_up_to in (0, len(rows)):  # the sparse walk, then the dense one
        monkeypatch.setattr(news_features, "DENSE_WALK_LIMIT", dense_up_to)
        walks.append(news_features._factorised_pagerank(unit, degree))
    numpy.testing.assert_allclose(walks[0], walks[1], rtol=1e-9)
    assert walks[0][3] < walks[0][:3].min()
    assert math.isclose(walks[0].sum(), 1.0, rel_tol=1e-6)


def test_news_multiplies_on_one_blas_thread(article, monkeypatch):
    from threadpoolctl import threadpool_info, threadpool_limits

    document, sentences = article
    seen: list[set[int]] = []
    original = news.feature_table

    def watched(*args, **kwargs):
        seen.append({lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"})
        return original(*args, **kwargs)

    monkeypatch.setattr(news, "feature_table", watched)
    with threadpool_limits(limits=2, user_api="blas"):  # as NumPy starts on two cores
        summarize(document, sentences, NEWS, "3")
    assert seen == [{1}]
