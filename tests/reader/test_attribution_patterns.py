"""More of what news writing does: parentheticals around a fronted clause, "told a meeting
that ...", names as objects, judgements with "as", findings of polls, what the writer
presents as evident, stance nouns and adjectives, and quotation marks typed the wrong way.

Every text here is hand-written for the test.
"""

from __future__ import annotations

from reader.statements.attribution import Attribution
from reader.statements.quotes import find_quotes

from .test_attribution import attributions, nlp_block, only

__all__ = ["attributions"]  # the fixture, shared with test_attribution


def speaker_of(item: Attribution) -> str | None:
    return None if item.speaker is None else item.speaker.text


def cue_of(item: Attribution) -> str | None:
    return None if item.cue is None else item.cue.text


def by_cue_text(found: list[Attribution], cue: str) -> Attribution:
    items = [a for a in found if cue_of(a) == cue]
    assert len(items) == 1, [(cue_of(a), a.content.text) for a in found]
    return items[0]


# --------------------------------------------------------------------------- said, around


def test_parenthetical_after_a_fronted_clause(attributions):
    _, found, _ = attributions(
        "If the new bridge fails to open on time, the minister argues, there are other ways "
        "across the river.\n"
    )
    item = only(found)
    assert speaker_of(item) == "the minister"
    assert item.content.text.startswith("If the new bridge fails")
    assert item.content.text.endswith("other ways across the river")


def test_parenthetical_that_tells_someone(attributions):
    _, found, _ = attributions(
        "The difference now, the mayor told me on Friday, is that the harbour is finally "
        "safe for ferries.\n"
    )
    item = only(found)
    assert speaker_of(item) == "the mayor" and cue_of(item) == "told"
    assert item.content.text.endswith("the harbour is finally safe for ferries")


def test_said_followed_by_its_clause_is_no_parenthetical(attributions):
    _, found, _ = attributions(
        "The campaign chairman, Phil Lovas, said he cannot comment on the letter because he "
        "has not seen it.\n"
    )
    item = only(found)
    assert cue_of(item) == "said"
    assert item.content.text == "he cannot comment on the letter because he has not seen it"


def test_told_a_meeting_that(attributions):
    _, found, _ = attributions(
        "Anna Berg spoke in Oslo on Monday.\n\n"
        "In Oslo last week, she told a meeting of harbour workers that few people understood "
        "the risks of the new port better than they did.\n"
    )
    item = by_cue_text(found, "told")
    assert item.content.text.startswith("few people understood the risks")


def test_the_clause_after_the_verb_not_the_one_before(attributions):
    _, found, _ = attributions(
        "Writing for a local paper that all agreed the mayor won the debate, Anna Berg noted "
        "that the way the mayor carried herself was critical to her success.\n"
    )
    item = by_cue_text(found, "noted")
    assert speaker_of(item) == "Anna Berg"
    assert item.content.text == "the way the mayor carried herself was critical to her success"


def test_a_semicolon_ends_what_was_said(attributions):
    _, found, _ = attributions(
        "The mayor said the bridge was safe for traffic; engineers in the city disagreed with "
        "her.\n"
    )
    item = only(found)
    assert item.content.text == "the bridge was safe for traffic"


def test_the_writers_participle_after_what_was_shown(attributions):
    _, found, _ = attributions(
        "Video shows the driver had his hands in the air, contradicting the police's earlier "
        "claim that he had refused to keep his hands up.\n"
    )
    shows = by_cue_text(found, "shows")
    assert shows.content.text == "the driver had his hands in the air"
    claim = by_cue_text(found, "claim")
    assert speaker_of(claim) == "the police"


# --------------------------------------------------------------------------- stances


def test_a_name_is_enough_to_take_a_side(attributions):
    _, found, _ = attributions("The dockworkers union backed Clinton.\n")
    item = only(found)
    assert speaker_of(item) == "The dockworkers union" and item.content.text == "Clinton"


def test_a_pronoun_is_not(attributions):
    _, found, _ = attributions("The dockworkers union backed it.\n")
    assert found == []


def test_lauded_for(attributions):
    _, found, _ = attributions("The senator lauded the mayor for her work on the new bridge.\n")
    item = only(found)
    assert cue_of(item) == "lauded"
    assert item.content.text == "the mayor for her work on the new bridge"


def test_every_infinitive_of_a_plan(attributions):
    _, found, _ = attributions(
        "Clinton wants to triple the size of the program, grow the Peace Corps and create a "
        "new national service reserve.\n"
    )
    item = only(found)
    assert item.content.text.endswith("create a new national service reserve")


def test_asked_about_and_voted_against(attributions):
    _, found, _ = attributions(
        "The reporter asked the senator about the missing harbour funds. Three council "
        "members voted against the new harbour plan.\n"
    )
    asked = by_cue_text(found, "asked")
    assert speaker_of(asked) == "The reporter"
    assert asked.content.text == "the missing harbour funds"
    voted = by_cue_text(found, "voted against")
    assert voted.content.text == "the new harbour plan"


def test_seeing_something_as_something(attributions):
    _, found, _ = attributions("Critics see the plan as a giveaway to wealthy developers.\n")
    item = only(found)
    assert speaker_of(item) == "Critics"
    assert item.content.text == "the plan as a giveaway to wealthy developers"


def test_seeing_alone_is_no_statement(attributions):
    _, found, _ = attributions("Critics saw the plan on Monday.\n")
    assert found == []


def test_critical_of_a_name(attributions):
    _, found, _ = attributions("The mayor has been critical of Clinton.\n")
    item = only(found)
    assert speaker_of(item) == "The mayor" and item.content.text == "Clinton"


def test_stance_nouns_with_their_owner(attributions):
    _, found, _ = attributions(
        "The mayor spoke on Monday. His attacks on the press were relentless. The union's "
        "support for the harbour plan never wavered. The criticism of the plan grew.\n"
    )
    attacks = by_cue_text(found, "attacks on")
    assert attacks.content.text == "the press"
    support = by_cue_text(found, "support for")
    assert speaker_of(support) == "The union" and support.content.text == "the harbour plan"
    assert all(cue_of(a) != "criticism of" for a in found)  # nobody's in particular


def test_who_the_speaker_is_is_not_a_statement(attributions):
    _, found, _ = attributions(
        '"These are strange days," said Peter Morgan, a lawyer who has been challenging the '
        "coal industry over water pollution for years.\n"
    )
    assert [cue_of(a) for a in found] == ["said"]


def test_a_title_is_not_a_cue(attributions):
    _, found, _ = attributions(
        "Kall, the co-editor of Debating The Donald, a book about the debates, spoke on Monday.\n"
    )
    assert all(cue_of(a) != "Debating" for a in found)


# --------------------------------------------------------------------------- sources


def test_according_to_a_source_the_parse_misreads(attributions):
    _, found, _ = attributions("The senator lost the vote, according to harbour insiders.\n")
    item = only(found)
    assert speaker_of(item) == "harbour insiders"
    assert item.content.text == "The senator lost the vote"


def test_according_to_at_the_start(attributions):
    _, found, _ = attributions(
        "According to the harbour master John Doe, the ferry will not run before March.\n"
    )
    item = only(found)
    assert speaker_of(item) == "the harbour master John Doe"
    assert item.content.text == "the ferry will not run before March"


def test_what_a_poll_found(attributions):
    _, found, _ = attributions(
        "In the latest poll, Clinton led Trump by five points among likely voters.\n"
    )
    item = only(found)
    assert speaker_of(item) == "the latest poll"
    assert item.content.text == "Clinton led Trump by five points among likely voters"


def test_in_a_statement_leaves_the_verb_to_report(attributions):
    _, found, _ = attributions("In a statement, the mayor said the bridge would reopen in May.\n")
    item = only(found)
    assert cue_of(item) == "said" and speaker_of(item) == "the mayor"


def test_what_the_writer_presents_as_evident(attributions):
    _, found, _ = attributions(
        "It is clear that the bridge will not reopen this year. It is not clear whether the "
        "ferry will run.\n"
    )
    item = only(found)
    assert item.speaker is None and cue_of(item) == "clear"
    assert item.content.text == "the bridge will not reopen this year"


# --------------------------------------------------------------------------- quotations


def test_a_verb_with_a_clause_of_its_own_does_not_take_a_quote_beside_it(attributions):
    _, found, _ = attributions(
        'Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted '
        "that Pyongyang stop its dangerous missile tests.\n"
    )
    item = only(found)
    assert speaker_of(item) == "Russia" and not item.direct


def test_split_quote_with_an_aside_is_one_statement(attributions):
    _, found, _ = attributions(
        "“This is in their heads. This is in their consciousness,” said Caddell, speaking of "
        "the senator’s health. “It is one of the things worrying them most.”\n"
    )
    quote = by_cue_text(found, "said")
    assert quote.direct and quote.content.text.endswith("worrying them most.”")


def test_closing_mark_typed_to_open_a_paragraph():
    text = "”We will rebuild every school in the valley.” ― Maria Lopez"
    quotes = find_quotes(text, (nlp_block(text),))
    assert [(q.start, q.end) for q in quotes] == [(0, text.index("―") - 1)]
    inside = "He said ”no” twice."
    assert find_quotes(inside, (nlp_block(inside),)) == []
