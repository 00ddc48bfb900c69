"""Summaries from the real sumy summarisers over spaCy's real sentences."""

from __future__ import annotations

import math

import pytest

from reader import load_document, nlp
from reader.errors import InvalidOption
from reader.models import Block, Document, Sentence, Summary
from reader.nlp.segment import sentences_from
from reader.options import ALGORITHMS, DEFAULT_ALGORITHM, DEFAULT_LENGTH, parse_length
from reader.summary.summarize import summarize, sumy_document
from reader.summary.sumy_adapter import RATERS, to_words

TITLE = "Harbour town votes to rebuild its storm-wrecked sea wall"

ARTICLE = [
    ("title", TITLE),
    (
        "paragraph",
        "Residents of Port Elling voted on Tuesday to rebuild the sea wall that storms "
        "destroyed last winter. The council will borrow four million pounds to pay for "
        "the work. Building is due to start in March.",
    ),
    (
        "paragraph",
        "The old wall stood for ninety years before the January storm broke it in three "
        "places. Sea water flooded forty homes along the harbour front. Many families "
        "are still living with relatives while their houses dry out.",
    ),
    ("heading", "Why the vote was close"),
    (
        "paragraph",
        "Some residents wanted the town to give up the lowest streets instead. They "
        "argued that a new wall would only delay the next flood. Engineers told the "
        "meeting that a higher wall would protect the harbour for at least fifty years.",
    ),
    (
        "paragraph",
        "The result was 612 votes to 540. The mayor said the town had chosen to stay "
        "and fight for its harbour. Work on the design begins next month.",
    ),
]


def make_document(parts: list[tuple[str, str]], title: str | None = None) -> Document:
    """A document whose blocks are ``parts``, one per line, as a loader builds it."""
    text = ""
    blocks = []
    for kind, part in parts:
        if text:
            text += "\n\n"
        level = 1 if kind == "heading" else 0
        blocks.append(Block(len(text), len(text) + len(part), kind, level))
        text += part
    if title is None:
        title = next((p for k, p in parts if k == "title"), "")
    return Document("article.txt", text, title, tuple(blocks), "text")


def analysed(parts: list[tuple[str, str]], title: str | None = None):
    document = make_document(parts, title)
    return document, sentences_from(nlp.parse(document))


@pytest.fixture(scope="module")
def article(spacy_model):
    return analysed(ARTICLE)


def body_sentences(document: Document, sentences: tuple[Sentence, ...]) -> list[Sentence]:
    return [s for s in sentences if document.blocks[s.block].kind not in ("title", "heading")]


def check_valid(summary: Summary, document: Document, sentences: tuple[Sentence, ...]) -> None:
    by_index = {s.index: s for s in sentences}
    indices = [s.index for s in summary.sentences]
    assert indices == sorted(set(indices)), "article order, no repeats"
    for chosen in summary.sentences:
        source = by_index[chosen.index]
        assert (chosen.start, chosen.end) == (source.start, source.end)
        assert chosen.text == document.text[chosen.start : chosen.end]
        assert chosen.text.strip() == chosen.text and chosen.text
        assert document.blocks[source.block].kind not in ("title", "heading")
        assert math.isfinite(chosen.score)


def test_the_registry_lists_every_algorithm_in_order():
    assert list(ALGORITHMS) == [
        "news",
        "lead",
        "lexrank",
        "textrank",
        "lsa",
        "luhn",
        "edmundson",
        "kl",
        "sumbasic",
        "reduction",
    ]
    assert ALGORITHMS["kl"] == "KL-Sum"
    assert DEFAULT_ALGORITHM in ALGORITHMS
    assert parse_length(DEFAULT_LENGTH).count(100) == 5


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_gives_valid_spans_in_article_order(article, algorithm):
    document, sentences = article
    assert len(body_sentences(document, sentences)) >= 10
    summary = summarize(document, sentences, algorithm, "4")
    assert summary.algorithm == algorithm
    assert summary.length == "4"
    assert len(summary.sentences) == 4
    check_valid(summary, document, sentences)


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_percent_is_of_every_sentence(article, algorithm):
    document, sentences = article
    body = body_sentences(document, sentences)
    assert len(body) < len(sentences)  # the title and a heading count too
    quarter = summarize(document, sentences, algorithm, "25%")
    assert len(quarter.sentences) == round(len(sentences) / 4)
    assert len(summarize(document, sentences, algorithm, "1%").sentences) == 1
    everything = summarize(document, sentences, algorithm, "100%")
    assert [s.index for s in everything.sentences] == [s.index for s in body]
    check_valid(everything, document, sentences)


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_asking_for_more_than_there_is_returns_every_body_sentence(article, algorithm):
    document, sentences = article
    summary = summarize(document, sentences, algorithm, "500")
    assert [s.index for s in summary.sentences] == [
        s.index for s in body_sentences(document, sentences)
    ]


SUMY_ALGORITHMS = [key for key, rater in RATERS.items() if hasattr(rater, "summarizer")]


@pytest.mark.parametrize("algorithm", SUMY_ALGORITHMS)
@pytest.mark.parametrize("count", [1, 3, 6])
def test_the_choice_is_the_one_sumy_itself_makes(article, algorithm, count):
    """Capturing the ratings (and stopping KL-Sum early) must not change sumy's picks."""
    document, sentences = article
    dom = sumy_document(document, sentences)
    configured = RATERS[algorithm].make(dom, count)
    sumy_class = next(c for c in type(configured).__mro__ if c.__module__.startswith("sumy."))
    plain = object.__new__(sumy_class)
    plain.__dict__.update(vars(configured))
    expected = [s.index for s in plain(dom, count)]
    assert len(expected) == count
    chosen = summarize(document, sentences, algorithm, str(count))
    assert [s.index for s in chosen.sentences] == expected


def test_lead_takes_the_first_body_sentences(article):
    document, sentences = article
    summary = summarize(document, sentences, "lead", "3")
    assert [s.text for s in summary.sentences] == [
        "Residents of Port Elling voted on Tuesday to rebuild the sea wall that storms "
        "destroyed last winter.",
        "The council will borrow four million pounds to pay for the work.",
        "Building is due to start in March.",
    ]
    assert [s.score for s in summary.sentences] == sorted(
        (s.score for s in summary.sentences), reverse=True
    )


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_title_and_headings_are_never_chosen_even_when_they_say_it_all(spacy_model, algorithm):
    # The heading repeats the article's key words, so a centrality measure
    # would rank it first if it were a candidate.
    parts = [
        ("title", "Sea wall rebuilt. Sea wall vote."),
        ("paragraph", "The sea wall will be rebuilt. The vote on the sea wall was close."),
        ("heading", "The sea wall vote and the sea wall"),
        ("paragraph", "Work on the wall starts in March. The harbour stays open."),
    ]
    document, sentences = analysed(parts)
    summary = summarize(document, sentences, algorithm, "2")
    assert len(summary.sentences) == 2
    check_valid(summary, document, sentences)


def test_edmundson_rewards_sentences_that_share_the_headline_words(spacy_model):
    # Two sentences in the same position (the middle of a middle paragraph);
    # only the first shares words with the title.
    parts = [
        ("paragraph", "Snow fell all night. Roads closed early. Schools shut at noon."),
        ("paragraph", "Buses ran late. Glacier melt threatens alpine villages. Trains stopped."),
        ("paragraph", "Shops opened late. Bakers sold bread quickly. Cafes stayed empty."),
        ("paragraph", "The thaw came on Sunday. Rivers rose fast. Farmers moved cattle."),
    ]
    titled, titled_sentences = analysed(
        [("title", "Glacier melt threatens alpine villages"), *parts]
    )
    untitled, untitled_sentences = analysed(parts)

    def scores(document, sentences):
        summary = summarize(document, sentences, "edmundson", "100%")
        return {s.text: s.score for s in summary.sentences}

    with_title = scores(titled, titled_sentences)
    without_title = scores(untitled, untitled_sentences)
    headline_like = "Glacier melt threatens alpine villages."
    neighbour = "Bakers sold bread quickly."
    assert without_title[headline_like] == without_title[neighbour]
    assert with_title[headline_like] > with_title[neighbour]
    assert summarize(titled, titled_sentences, "edmundson", "1").sentences[0].text == headline_like


def test_a_title_that_is_not_in_the_text_still_counts_as_a_heading(spacy_model):
    parts = [
        ("paragraph", "Snow fell all night. Roads closed early. Schools shut at noon."),
        ("paragraph", "Buses ran late. Glacier melt threatens alpine villages. Trains stopped."),
        ("paragraph", "Shops opened late. Bakers sold bread quickly. Cafes stayed empty."),
    ]
    document, sentences = analysed(parts, title="Glacier melt threatens alpine villages")
    summary = summarize(document, sentences, "edmundson", "100%")
    scores = {s.text: s.score for s in summary.sentences}
    assert scores["Glacier melt threatens alpine villages."] > scores["Buses ran late."]


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_duplicate_sentences_map_to_their_own_positions(spacy_model, algorithm):
    repeated = "The bridge will close on Friday for repairs."
    parts = [
        ("title", "Bridge closure"),
        ("paragraph", f"{repeated} Drivers should use the ring road instead."),
        ("paragraph", "The repairs will take a week. Buses will run to a new timetable."),
        ("paragraph", f"Cyclists may still cross on foot. {repeated}"),
    ]
    document, sentences = analysed(parts)
    copies = [s for s in sentences if document.text[s.start : s.end] == repeated]
    assert len(copies) == 2 and copies[0].start != copies[1].start

    everything = summarize(document, sentences, algorithm, "100%")
    check_valid(everything, document, sentences)
    assert {s.index for s in copies} <= {s.index for s in everything.sentences}

    summary = summarize(document, sentences, algorithm, "3")
    assert len(summary.sentences) == 3
    check_valid(summary, document, sentences)
    # a sentence the page gives twice is picked once while others are left to pick
    for count in range(1, 6):
        texts = [s.text for s in summarize(document, sentences, algorithm, str(count)).sentences]
        assert len(set(texts)) == len(texts) == count


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_a_text_of_identical_sentences_still_gives_distinct_ones(spacy_model, algorithm):
    parts = [("paragraph", "Stop the war. Stop the war. Stop the war. Stop the war.")]
    document, sentences = analysed(parts)
    assert len(sentences) == 4
    summary = summarize(document, sentences, algorithm, "2")
    assert len(summary.sentences) == 2
    check_valid(summary, document, sentences)


DEGENERATE = {
    "empty": [],
    "title only": [("title", "Nothing to see here")],
    "headings only": [("title", "Results"), ("heading", "Tables follow")],
    "one sentence": [("paragraph", "The museum reopens on Monday.")],
    "one word": [("paragraph", "Closed.")],
    "stop words only": [("paragraph", "It was what it was. And so it is. Then there it was.")],
    "no shared words": [("paragraph", "Cats purr loudly. Engines roar today.")],
    "two sentences": [("title", "A"), ("paragraph", "Rain fell. Rain stopped.")],
    "numbers and symbols": [
        ("paragraph", "2-1. 3-0! * * * The final score was 4-2."),
        ("paragraph", "— … —"),
    ],
    "one long word run": [("paragraph", "Well-well-well-well.")],
}


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
@pytest.mark.parametrize("name", list(DEGENERATE))
def test_degenerate_texts_give_a_short_summary_without_error(spacy_model, algorithm, name):
    document, sentences = analysed(DEGENERATE[name])
    body = body_sentences(document, sentences)
    summary = summarize(document, sentences, algorithm, "3")
    check_valid(summary, document, sentences)
    assert len(summary.sentences) <= min(3, len(body))
    if any(c.isalpha() for s in body for c in document.text[s.start : s.end]):
        assert summary.sentences, "a text with words gets at least one sentence"


def test_punctuation_only_sentences_are_never_chosen(spacy_model):
    parts = [
        ("paragraph", "The match ended in a draw."),
        ("paragraph", "* * *"),
        ("paragraph", "Both teams stay in the league."),
    ]
    document, sentences = analysed(parts)
    summary = summarize(document, sentences, "lead", "100%")
    assert [s.text for s in summary.sentences] == [
        "The match ended in a draw.",
        "Both teams stay in the league.",
    ]


def test_no_sentences_at_all_gives_an_empty_summary():
    document = make_document([("paragraph", "Some text.")])
    for algorithm in ALGORITHMS:
        assert summarize(document, (), algorithm, "5").sentences == ()


@pytest.mark.parametrize("algorithm", ["nope", "", "lex rank", "bert"])
def test_unknown_algorithms_raise_invalid_option(article, algorithm):
    document, sentences = article
    with pytest.raises(InvalidOption, match="algorithm"):
        summarize(document, sentences, algorithm, "3")


def test_algorithms_are_accepted_by_display_name_in_any_case(article):
    document, sentences = article
    assert summarize(document, sentences, "KL-Sum", "2").algorithm == "kl"
    assert summarize(document, sentences, " LexRank ", "2").algorithm == "lexrank"


@pytest.mark.parametrize(
    "length", ["0", "-1", "0%", "101%", "-5%", "abc", "", "5.5", "5 sentences", "%", "1e3", "½"]
)
def test_bad_lengths_raise_invalid_option(article, length):
    document, sentences = article
    with pytest.raises(InvalidOption):
        parse_length(length)
    with pytest.raises(InvalidOption):
        summarize(document, sentences, "lead", length)


@pytest.mark.parametrize(
    ("length", "candidates", "expected"),
    [
        ("5", 100, 5),
        (" 7 ", 3, 3),
        ("20%", 100, 20),
        ("20%", 17, 3),  # 3.4 rounds to 3
        ("50%", 3, 2),  # 1.5 rounds up
        ("12.5%", 80, 10),
        ("1%", 10, 1),  # never less than one sentence
        ("100%", 9, 9),
        ("3", 0, 0),
    ],
)
def test_lengths_count_sentences(length, candidates, expected):
    assert parse_length(length).count(candidates) == expected


def test_summaries_do_not_look_for_nltk_data(article, monkeypatch):
    """punkt and friends cannot be downloaded here: nothing may ask for them."""
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError(f"nltk data lookup: {args}")

    monkeypatch.setattr(nltk.data, "find", refuse)
    monkeypatch.setattr(nltk.data, "load", refuse)
    document, sentences = article
    for algorithm in ALGORITHMS:
        assert summarize(document, sentences, algorithm, "3").sentences


def test_words_are_split_as_sumy_expects():
    assert to_words("Smith's U.S. office didn't open, well-known 42 times!") == (
        "Smith",
        "US",
        "office",
        "didn't",
        "open",
        "well-known",
        "times",
    )
    assert to_words("O’Brien’s café") == ("O'Brien", "café")


def test_a_document_from_a_real_file_summarises(spacy_model, write_file):
    body = "\n\n".join(part for kind, part in ARTICLE if kind == "paragraph")
    document = load_document(write_file("storm.txt", body + "\n"))
    sentences = sentences_from(nlp.parse(document))
    for algorithm in ALGORITHMS:
        summary = summarize(document, sentences, algorithm, "3")
        assert len(summary.sentences) == 3
        check_valid(summary, document, sentences)
