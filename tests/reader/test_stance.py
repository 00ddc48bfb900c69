"""Stance: labels, scores, reasons and targets of statements; stance toward a span."""

from __future__ import annotations

import pytest

from reader import analyze, load_document, nlp
from reader.entities.extract import extract_entities
from reader.models import Statement
from reader.portrayal.judge import stance_toward
from reader.statements.stance import cue_lean, extract_statements, score_statement


@pytest.fixture
def statements(spacy_model, write_file):
    def run(text: str) -> tuple[tuple[Statement, ...], tuple]:
        document = load_document(write_file("article.txt", text))
        parsed = nlp.parse(document)
        entities = extract_entities(document, parsed)
        found = extract_statements(document, parsed, entities)
        for statement in found:
            for ref in (statement.content, statement.cue):
                if ref is not None:
                    assert document.text[ref.start : ref.end] == ref.text
            speaker = statement.speaker
            if speaker.start is not None:
                assert document.text[speaker.start : speaker.end] == speaker.text
        return found, entities

    return run


def one(found: tuple[Statement, ...]) -> Statement:
    assert len(found) == 1, [s.content.text for s in found]
    return found[0]


def test_critical_cue_makes_a_neutral_content_critical(statements):
    found, _ = statements("Maria Lopez blasted the council for its decision on the bridge.\n")
    statement = one(found)
    assert statement.label == "critical"
    assert statement.score < 0
    assert any("‘blasted’" in r and "critical" in r for r in statement.reasons)


def test_supportive_cue(statements):
    found, _ = statements("Maria Lopez praised the council for its decision on the bridge.\n")
    statement = one(found)
    assert statement.label == "supportive"
    assert statement.score > 0
    assert any("‘praised’" in r and "supportive" in r for r in statement.reasons)


@pytest.mark.parametrize(
    ("content", "label"),
    [
        ("the attacks on the villages were horrible war crimes", "critical"),
        ("the new hospital is a wonderful gift to the whole city", "supportive"),
        ("the meeting will take place on Tuesday in the town hall", "neutral"),
    ],
)
def test_content_sentiment_decides_when_the_cue_is_neutral(statements, content, label):
    found, _ = statements(f"John Carter said that {content}.\n")
    statement = one(found)
    assert statement.content.text == content
    assert statement.label == label
    assert any(r.startswith("content sentiment") for r in statement.reasons)


def test_reasons_name_the_words_behind_the_sentiment():
    score, reasons = score_statement("the attacks were war crimes", "said")
    assert score < 0
    assert any("−" in r and "war" in r for r in reasons)


def test_targets_are_the_entities_in_the_content_but_not_the_speaker(statements):
    found, entities = statements(
        "Angela Merkel said that France and Germany had agreed on the plan in Brussels.\n"
    )
    statement = one(found)
    names = {e.name for e in entities}
    assert statement.speaker.entity is not None and "Merkel" in statement.speaker.entity
    assert statement.speaker.entity not in statement.targets
    assert {"France", "Germany"} <= set(statement.targets) <= names


def test_article_is_the_speaker_when_nobody_is_named(statements):
    found, _ = statements("It was reported that the talks had collapsed overnight.\n")
    statement = one(found)
    assert statement.speaker.text == "(article)"
    assert statement.speaker.start is None and statement.speaker.end is None


def test_direct_flag_and_order(statements):
    found, _ = statements(
        "The minister said that the schools would reopen in May.\n"
        "“We will not accept any more delays from the builders,” she said.\n"
    )
    assert [s.direct for s in found] == [False, True]
    assert found[0].content.start < found[1].content.start


def test_cue_lean():
    assert cue_lean("blasted") < 0
    assert cue_lean("has accused") < 0
    assert cue_lean("praises") > 0
    assert cue_lean("welcomed") > 0
    assert cue_lean("said") == 0
    assert cue_lean("according to") == 0


def test_stance_toward_tells_two_targets_of_one_sentence_apart(spacy_model):
    sentence = (
        "Smith thanked the volunteers for their wonderful help, while Jones was arrested for fraud."
    )
    smith = sentence.index("Smith")
    jones = sentence.index("Jones")
    assert stance_toward(sentence, smith, smith + 5)[0] == "supportive"
    assert stance_toward(sentence, jones, jones + 5)[0] == "critical"


def test_stance_toward_a_neutral_sentence(spacy_model):
    sentence = "Smith will travel to Ohio on Tuesday."
    assert stance_toward(sentence, 0, 5)[0] == "neutral"


def test_pipeline_fills_statements(spacy_model, write_file):
    path = write_file(
        "a.txt", "Angela Merkel said that the talks in Brussels had been a great success.\n"
    )
    analysis = analyze(load_document(path))
    statement = one(analysis.statements)
    assert statement.label == "supportive"
    assert "Brussels" in statement.targets


def test_a_long_quotation_is_scored_in_pieces_and_keeps_its_leaning():
    from reader.statements.stance import LONG_CONTENT_WORDS, content_sentiment

    bleak = "The attacks were a terrible crime and the suffering is awful. "
    long_text = bleak * 300
    assert len(long_text.split()) > LONG_CONTENT_WORDS
    assert content_sentiment(long_text) < -0.5
    short = "The new hospital is a wonderful gift to the town."
    from reader.statements.stance import analyzer

    assert content_sentiment(short) == analyzer().polarity_scores(short)["compound"]
