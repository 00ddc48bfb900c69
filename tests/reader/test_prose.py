"""Only prose is summarised, and quotations whole, by every algorithm (hand-made texts)."""

from __future__ import annotations

import random

import pytest

from reader import analyze, load_document
from reader.models import Summary
from reader.options import ALGORITHMS
from reader.summary.prose import (
    MAX_QUOTE_UNIT,
    balanced,
    is_prose,
    not_prose_reason,
    pick_units,
    quote_marks,
    quote_units,
    units_of,
)
from reader.summary.summarize import summarize
from resources import sample_article

from .test_summarize import analysed


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("By Jane Smith, Political editor", "a byline"),
        ("By JANE SMITH and Tom Brown", "a byline"),
        ("Reporting by Tom Brown; Editing by Ann Lee", "a byline"),
        ("Photo: Harbour workers at dawn on Tuesday", "a caption"),
        ("Image copyright Getty Images", "a caption"),
        ("Fishermen unload their catch at Port Elling. (AP Photo/Jane Doe)", "a caption"),
        ("Share this article on Facebook and Twitter", "page furniture"),
        ("Sign up for our morning newsletter", "page furniture"),
        ("Last updated at 10:32 GMT on 3 June", "page furniture"),
        ("The Harbour Wall .......... 12", "a contents line"),
        ("Chapter Two: The Storm      27", "a contents line"),
        ("Arsenal\t10\t7\t2\t1\t23", "a table row"),
        ("Revenue | 1.2bn | 1.1bn | 9%", "a table row"),
        ("Arsenal: Lehmann, Lauren, Cole, Campbell, Toure, Vieira.", "a list of names"),
        ("Tom Hanks, Meryl Streep, Julia Roberts, Denzel Washington", "a list of names"),
        ("The Ship.", "too short"),
    ],
)
def test_what_is_not_prose_says_what_it_is(text, reason):
    assert not_prose_reason(text) == reason
    assert not is_prose(text)


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the year, the council hopes to have rebuilt the wall.",
        "Tom Hanks, Meryl Streep and Julia Roberts were nominated for the award.",
        "Published figures show that 3% more homes flooded this year.",
        "Roads closed early.",
        "Share prices rose 4% on Tuesday after the vote.",
        "Subscribers will pay £2 more a month from June, the company said.",
    ],
)
def test_sentences_of_running_text_are_prose(text):
    assert not_prose_reason(text) is None


def test_quotation_marks_are_read_as_opening_or_closing():
    assert quote_marks('He said: "We will stay." Then he left.') == ["open", "close"]
    assert quote_marks("“Curly,” she said, “marks say so.”") == ["open", "close"] * 2
    assert quote_marks("A 5'10\" man") == ["close"]  # a stray inch mark closes nothing open


def test_a_quotation_over_several_sentences_is_one_unit():
    texts = [
        "The mayor spoke first.",
        '"We will rebuild.',
        "We will not leave.",
        'The sea is ours," she said.',
        "The vote followed.",
    ]
    assert quote_units(texts) == [(0,), (1, 2, 3), (4,)]
    assert balanced(texts, (1, 2, 3))
    assert not balanced(texts, (1, 2))
    assert not balanced(texts, (2, 3))


def test_a_continued_quotation_reopens_without_closing():
    # News style: a quotation that runs on into the next paragraph opens it again.
    texts = ['"We will rebuild the wall.', '"And we will do it this year," she said.', "Next."]
    assert quote_units(texts) == [(0, 1), (2,)]
    assert balanced(texts, (0, 1))


def test_units_too_long_or_never_closed_are_never_picked():
    long_quote = ['"One.'] + ["More words here."] * MAX_QUOTE_UNIT + ['End," he said.']
    texts = ["A plain sentence here.", *long_quote, '"Never closed at all.']
    units = units_of(texts, [True] * len(texts))
    picked = pick_units(range(len(texts))[::-1], units, 3)
    assert picked == [0]


def test_picks_take_a_quotation_whole_and_never_exceed_the_count():
    texts = ["First one here.", '"Open the quote.', 'Close it," he said.', "Last one here."]
    units = units_of(texts, [True] * 4)
    assert pick_units([2, 0, 3], units, 3) == [1, 2, 0]
    assert pick_units([2, 0, 3], units, 1) == [0]


# --- every algorithm, on hand-made documents -------------------------------------------

FURNITURE = [
    ("title", "Harbour town votes to rebuild its storm-wrecked sea wall"),
    ("paragraph", "By Jane Smith, Harbour correspondent"),
    ("paragraph", "Photo: The wall of Port Elling wall after the storm of the harbour wall vote"),
    (
        "paragraph",
        "Residents of Port Elling voted on Tuesday to rebuild the sea wall that storms "
        "destroyed last winter. The council will borrow four million pounds to pay for "
        "the sea wall. Building of the wall is due to start in March.",
    ),
    ("paragraph", "Share this article on Facebook and Twitter"),
    (
        "paragraph",
        "The old sea wall stood for ninety years before the January storm broke the wall "
        "in three places. Sea water flooded forty homes along the harbour wall.",
    ),
    ("paragraph", "Port Elling Wall Council: Smith, Jones, Patel, Wall, Harbour, Elling."),
    ("paragraph", "Wall vote | 612 | 540 | 53%"),
    (
        "paragraph",
        "Engineers told the meeting that a higher sea wall would protect the harbour for at "
        "least fifty years. The mayor said the town had chosen to stay and fight for its wall.",
    ),
    ("paragraph", "Reporting by Tom Brown; Editing by Ann Lee"),
]


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_no_algorithm_picks_bylines_captions_furniture_names_or_tables(spacy_model, algorithm):
    document, sentences = analysed(FURNITURE)
    summary = summarize(document, sentences, algorithm, "4")
    assert len(summary.sentences) == 4
    for chosen in summary.sentences:
        assert is_prose(chosen.text), chosen.text
        assert "Jane Smith" not in chosen.text and "|" not in chosen.text


def quotation_heavy_text(seed: int) -> list[tuple[str, str]]:
    """Paragraphs of reported speech with quotations of one to six sentences."""
    rng = random.Random(seed)
    names = ["Marchetti", "Osei", "Raman", "Quayle", "Penrose", "Lindqvist"]
    words = [
        *("harbour", "council", "turbines", "fishing", "vote"),
        *("estuary", "wall", "families", "sea", "energy"),
    ]
    paragraphs = [("title", "Port votes on harbour turbines")]
    for k in range(16):
        name = rng.choice(names)
        parts = [f"{name} spoke about the {rng.choice(words)} on day {k + 1}."]
        quoted = [
            f"The {rng.choice(words)} and the {rng.choice(words)} matter to us all"
            for _ in range(rng.randint(1, 6))
        ]
        if rng.random() < 0.5:
            parts.append(f'{name} told the crowd: "' + ". ".join(quoted) + '."')
        else:
            parts.append('"' + ". ".join(quoted) + f'," {name} said.')
        if rng.random() < 0.3:
            parts.append(f"The {rng.choice(words)} question was left for {rng.choice(names)}.")
        paragraphs.append(("paragraph", " ".join(parts)))
    return paragraphs


def summary_is_balanced(summary: Summary) -> bool:
    """Every quotation a summary sentence opens is closed by it or the very next ones."""
    inside, previous = False, None
    for sentence in summary.sentences:
        if inside and previous is not None and sentence.index != previous + 1:
            return False
        for mark in quote_marks(sentence.text):
            if mark == "close" and not inside:
                return False
            inside = mark == "open"
        previous = sentence.index
    return not inside


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
@pytest.mark.parametrize("length", ["3", "8", "40%"])
def test_no_summary_has_an_unbalanced_quotation(spacy_model, algorithm, length):
    for seed in (1, 2):
        document, sentences = analysed(quotation_heavy_text(seed))
        opened = [
            s
            for s in sentences
            if quote_marks(document.text[s.start : s.end]) in (["open"], ["close"])
        ]
        assert len(opened) >= 6, "the text has quotations over several sentences"
        summary = summarize(document, sentences, algorithm, length)
        assert summary.sentences
        assert summary_is_balanced(summary), [s.text for s in summary.sentences]


@pytest.fixture(scope="module")
def sample(spacy_model):
    document = load_document(sample_article())
    return document, analyze(document, stages=()).sentences


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_the_sample_is_never_cut_inside_a_quotation(sample, algorithm):
    document, sentences = sample
    opening = 'Osei told the crowd: "They have never once come out on a boat with us.'
    assert any(document.text[s.start : s.end] == opening for s in sentences)
    for length in ("3", "5", "8", "20%", "50%"):
        summary = summarize(document, sentences, algorithm, length)
        assert summary_is_balanced(summary), (length, [s.text for s in summary.sentences])
        texts = [s.text for s in summary.sentences]
        if opening in texts:
            assert texts[texts.index(opening) + 1].endswith('empty water."')
