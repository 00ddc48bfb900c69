"""Where what was said stops: the writer's asides after it (an apposition or a relative
clause glossing a name, "on Wednesday", "during the debate"), "called X a Y" told
apart from "called a meeting", a participle of saying as a statement of its own, and
a reported clause the parse reads as a clause of time.

Every text here is hand-written for the test.
"""

from __future__ import annotations

from .test_attribution import attributions, only
from .test_attribution_patterns import by_cue_text, speaker_of

__all__ = ["attributions"]  # the fixture, shared with test_attribution


def test_an_apposition_after_a_name_is_the_writers(attributions):
    _, found, _ = attributions(
        "Mr. Schultz said he did not support Mr. Trump, the presumed favourite of the Kremlin.\n"
    )
    assert only(found).content.text == "he did not support Mr. Trump"


def test_a_relative_clause_on_a_name_is_the_writers(attributions):
    _, found, _ = attributions(
        "Aides said the mayor would campaign for Ruiz, who has never faced a close race.\n"
    )
    assert only(found).content.text == "the mayor would campaign for Ruiz"


def test_a_relative_clause_on_a_thing_stays_with_the_speaker(attributions):
    _, found, _ = attributions(
        "The senator said the bank had punished its tellers for the fraud, which was "
        "widespread throughout the bank.\n"
    )
    assert only(found).content.text.endswith("which was widespread throughout the bank")


def test_called_a_name_without_when_and_where(attributions):
    _, found, _ = attributions(
        "Governor Hale called the mayor a disgrace on Wednesday during a radio interview.\n"
    )
    item = only(found)
    assert speaker_of(item) == "Governor Hale"
    assert item.content.text == "the mayor a disgrace"


def test_called_names_the_parse_misreads(attributions):
    _, found, _ = attributions("One of the doctors called Oz a quack, a fake and a charlatan.\n")
    assert by_cue_text(found, "called").content.text.startswith("Oz a quack")


def test_calling_a_meeting_says_nothing(attributions):
    _, found, _ = attributions(
        "The mayor called a meeting of the harbour board. The band leader called the "
        "singers to the stage.\n"
    )
    assert found == []


def test_a_reported_clause_read_as_a_clause_of_time(attributions):
    _, found, _ = attributions(
        "Trump said after the convention he would not accept the senator's endorsement.\n"
    )
    item = only(found)
    assert speaker_of(item) == "Trump"
    assert item.content.text.endswith("he would not accept the senator's endorsement")


def test_a_participle_of_saying_is_a_statement_of_its_own(attributions):
    _, found, _ = attributions(
        "Foreign policy analysts said geopolitical factors have raised the country's "
        "appeal, citing the strategic importance of its long border with China.\n"
    )
    said = by_cue_text(found, "said")
    assert said.content.text == "geopolitical factors have raised the country's appeal"
    citing = by_cue_text(found, "citing")
    assert speaker_of(citing) == "Foreign policy analysts"
    assert citing.content.text.startswith("the strategic importance")
