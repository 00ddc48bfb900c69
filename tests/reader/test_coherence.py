"""Which summary sentences lean on the text before them, and what they continue from."""

from __future__ import annotations

import pytest

import reader
from reader.models import Sentence, Summary, SummarySentence
from reader.options import ALGORITHMS
from reader.summary.coherence import context_for, leans_on_context
from reader.summary.summarize import summarize


@pytest.mark.parametrize(
    "text",
    [
        "He said the plan would fail.",
        "She told reporters the vote was close.",
        "It closed its doors in 2001.",
        "They're expected back on Friday.",
        "His remarks drew applause.",
        "Its shares fell by a third.",
        "This is the third delay this year.",
        "These measures will cost twelve million dollars.",
        "Those figures were revised in March.",
        "That is why the council acted.",
        "That's the heart of the matter.",
        "That, he said, was never the plan.",
        "That angered the opposition.",
        "However, the plan was approved.",
        "However the plan was approved.",
        "But the council disagreed.",
        "And the roads still need repair.",
        "Also on the agenda was the bus depot.",
        "Still, the mayor was pleased.",
        "Meanwhile, prices kept rising.",
        "Instead, the money went to the roads.",
        "Moreover, the site is contaminated.",
        "Furthermore, no tender was issued.",
        "Nevertheless, work began in June.",
        "Yet the council went ahead.",
        "So the vote was postponed.",
        "Then the lights went out.",
        "Thus the deal collapsed.",
        "Therefore, the scheme was dropped.",
        "In addition, the library will have a café.",
        "Even so, the budget passed.",
        "By contrast, the suburbs grew.",
        "On the other hand, rents fell.",
        "As a result, the vote was delayed.",
        "the latter won comfortably.",
    ],
)
def test_pronoun_and_connective_openings_lean_on_context(text):
    assert leans_on_context(text)


@pytest.mark.parametrize(
    "text",
    [
        '"He was wrong," said the mayor.',
        "“However, we will not give up,” she said.",
        "‘They left early,’ he said.",
        "'It is over,' the coach said.",
        "(But not before the vote.)",
        "  \u00a0But the council disagreed.",
    ],
)
def test_leading_quotes_and_brackets_are_skipped(text):
    assert leans_on_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "That evening, residents gathered outside the town hall.",
        "That year the harbour froze.",
        "This year the town grew by a tenth.",
        "This week's meeting was cancelled.",
        "Those who voted against were outnumbered.",
        "It is unclear whether the plan will pass.",
        "It's not yet clear how much it will cost.",
        "It is understood the deal was signed.",
        "It is expected that the works will take two years.",
        "So far, twelve people have been evacuated.",
        "Instead of paying, the firm appealed.",
        "In addition to the tax, the plan adds a levy.",
        "As a result of the strike, trains were cancelled.",
        "Her Majesty opened the bridge.",
    ],
)
def test_self_contained_openings_are_not_flagged(text):
    assert not leans_on_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thebes was the capital of Upper Egypt.",
        "Hello, said the sign over the door.",
        "Andrew Kim chairs the committee.",
        "Butler and Sons won the contract.",
        "Sofia hosted the summit.",
        "Heather covered the hills.",
        "Thence the road climbs to the pass.",
        "Alsop designed the library.",
        "Theyre is not a word.",
        "Sheffield voted first.",
        "Theseus slew the Minotaur.",
        "Butterflies filled the garden.",
    ],
)
def test_words_that_merely_start_with_a_pronoun_are_not_flagged(text):
    assert not leans_on_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "Then-mayor Ruth Ellison opened the wall.",
        "So-called green bonds paid for it.",
        "IT spending rose by a fifth.",
        "SO WHAT, the banner read.",
        "2005 was a record year.",
        "The council met on Tuesday.",
        "",
        "   ",
        "* * *",
    ],
)
def test_other_openings_are_not_flagged(text):
    assert not leans_on_context(text)


ARTICLE = """\
# Harbour Plan Divides Town

Port Alden's council approved a plan on Monday to rebuild the old harbour wall. \
Mayor Ruth Ellison called the vote a turning point for the fishing fleet. \
She said repairs would begin in April and last two years. \
That evening, residents gathered outside the town hall to celebrate.

## Objections

However, several shop owners fear that the works will drive away summer visitors. \
The chamber of commerce asked for a delay until the autumn. \
It argued that the busiest months should be left alone.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("coherence") / "harbour.md"
    path.write_text(ARTICLE, encoding="utf-8")
    document = reader.load_document(path)
    analysis = reader.analyze(document, stages=("summary",))
    return document, analysis.sentences


def _find(document, sentences, opening):
    (found,) = [s for s in sentences if document.text[s.start : s.end].startswith(opening)]
    return found


def _summary(document, picked):
    return Summary(
        "textrank",
        str(len(picked)),
        tuple(
            SummarySentence(s.index, s.start, s.end, document.text[s.start : s.end], 1.0)
            for s in sorted(picked, key=lambda s: s.index)
        ),
    )


def test_context_is_the_sentence_before_when_the_summary_leaves_it_out(harbour):
    document, sentences = harbour
    she = _find(document, sentences, "She said")
    mayor = _find(document, sentences, "Mayor Ruth")
    evening = _find(document, sentences, "That evening")
    first = _find(document, sentences, "Port Alden")

    context = context_for(document, sentences, _summary(document, [first, she, evening]))

    assert context == {she.index: mayor}


def test_no_context_when_the_sentence_before_is_in_the_summary(harbour):
    document, sentences = harbour
    she = _find(document, sentences, "She said")
    mayor = _find(document, sentences, "Mayor Ruth")
    argued = _find(document, sentences, "It argued")
    chamber = _find(document, sentences, "The chamber")

    context = context_for(document, sentences, _summary(document, [mayor, she, chamber, argued]))

    assert context == {}


def test_the_first_sentence_of_a_section_continues_from_the_last_body_sentence(harbour):
    document, sentences = harbour
    however = _find(document, sentences, "However, several")
    evening = _find(document, sentences, "That evening")

    context = context_for(document, sentences, _summary(document, [however]))

    # Past the "Objections" heading, to the paragraph before it.
    assert context == {however.index: evening}


def test_a_leaning_opening_with_nothing_before_it_has_no_context(tmp_path, spacy_model):
    path = tmp_path / "short.txt"
    path.write_text("He arrived late. The meeting had already started.\n", encoding="utf-8")
    document = reader.load_document(path)
    sentences = reader.analyze(document, stages=("summary",)).sentences
    he = _find(document, sentences, "He arrived")
    assert leans_on_context(document.text[he.start : he.end])
    assert context_for(document, sentences, _summary(document, [he])) == {}


def test_a_summary_of_other_sentences_is_ignored(harbour):
    document, sentences = harbour
    she = _find(document, sentences, "She said")
    shifted = SummarySentence(she.index, she.start + 1, she.end, "he said", 1.0)
    summary = Summary("textrank", "1", (shifted,))
    assert context_for(document, sentences, summary) == {}


def test_context_of_real_summaries_points_back_to_left_out_sentences(harbour):
    document, sentences = harbour
    found = 0
    for algorithm in ALGORITHMS:
        summary = summarize(document, sentences, algorithm, "3")
        picked = {s.index for s in summary.sentences}
        context = context_for(document, sentences, summary)
        found += len(context)
        for index, previous in context.items():
            assert index in picked and previous.index not in picked
            assert previous.index < index
            own = sentences[index]
            assert leans_on_context(document.text[own.start : own.end])
        # Every picked sentence that leans on a left-out predecessor is reported.
        for chosen in summary.sentences:
            before = sentences[chosen.index - 1]
            if (
                leans_on_context(chosen.text)
                and document.blocks[before.block].kind == "paragraph"
                and before.index not in picked
            ):
                assert context[chosen.index] == before
    # Three of the article's seven body sentences lean on context: some summary shows it.
    assert found > 0


def test_an_antecedent_picked_elsewhere_is_not_left_out(harbour):
    # a book's section summaries: an antecedent in another part of the summary is shown
    document, sentences = harbour
    she = _find(document, sentences, "She said")
    mayor = _find(document, sentences, "Mayor Ruth")

    assert context_for(document, sentences, _summary(document, [she])) == {she.index: mayor}
    picked = {she.index, mayor.index}
    assert context_for(document, sentences, _summary(document, [she]), picked) == {}


def test_sentences_numbered_apart_from_their_places_are_looked_up(harbour):
    document, sentences = harbour
    moved = [Sentence(s.index + 1000, s.start, s.end, s.block) for s in sentences]
    she = _find(document, moved, "She said")
    mayor = _find(document, moved, "Mayor Ruth")

    assert context_for(document, moved, _summary(document, [she])) == {she.index: mayor}
