"""Attribution of what news writing does: colons and dashes, "according to", relative
clauses, "in a statement", noun and adjective cues, passive reports, beliefs and
intentions, roles standing for names, unnamed sources, and what is never a statement.

Every text here is hand-written for the test.
"""

from __future__ import annotations

from reader.statements.attribution import Attribution

from .test_attribution import attributions, by_cue, entity_named, only

__all__ = ["attributions"]  # the fixture, shared with test_attribution


def speaker_of(item: Attribution) -> str | None:
    return None if item.speaker is None else item.speaker.text


# --------------------------------------------------------------------------- punctuation


def test_name_and_colon_before_a_quote(attributions):
    _, found, entities = attributions(
        "The rally ended late.\n\nClinton: “We will win this election and we will win it big.”\n"
    )
    item = only(found)
    assert item.direct and speaker_of(item) == "Clinton"
    assert item.entity == entity_named(entities, "Clinton")


def test_sentence_ending_in_a_colon_names_the_speaker_whatever_its_verb(attributions):
    _, found, _ = attributions(
        "The senator went on: “This bill is dead and everyone in this building knows it.”\n"
    )
    item = only(found)
    assert speaker_of(item) == "The senator"
    assert item.cue is not None and item.cue.text == "went on"


def test_dash_and_name_after_a_quote(attributions):
    _, found, entities = attributions(
        "Quotes of the week\n\n"
        "“We will rebuild every school in the valley before the winter.” ― Maria Lopez\n\n"
        "“The ferries will run again once the storm has passed.” — Tom Baker, harbour master\n"
    )
    lopez, baker = found
    assert speaker_of(lopez) == "Maria Lopez"
    assert lopez.entity == entity_named(entities, "Lopez")
    assert speaker_of(baker) == "Tom Baker"
    assert lopez.direct and baker.direct


def test_said_and_repeated_between_dashes(attributions):
    _, found, _ = attributions(
        "The mayor said — and repeated — that the harbour would reopen before the summer.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The mayor"
    assert item.content.text == "the harbour would reopen before the summer"


# --------------------------------------------------------------------------- according to


def test_according_to_after_the_content(attributions):
    _, found, _ = attributions(
        "The repairs will cost more than forty million dollars, according to the budget office.\n"
    )
    item = only(found)
    assert speaker_of(item) == "the budget office"
    assert item.content.text == "The repairs will cost more than forty million dollars"


def test_according_to_names_the_source_not_what_it_is_in(attributions):
    _, found, _ = attributions(
        "According to two people familiar with the matter, the deal will be signed next week.\n"
    )
    item = only(found)
    assert speaker_of(item) == "two people familiar with the matter"
    assert item.content.text == "the deal will be signed next week"


# --------------------------------------------------------------------------- relative clauses


def test_speaker_before_a_relative_clause(attributions):
    _, found, _ = attributions(
        "Officials, who spoke on condition of anonymity, said the talks had stalled over "
        "fishing rights.\n"
    )
    item = only(found)
    assert speaker_of(item) == "Officials"
    assert item.content.text == "the talks had stalled over fishing rights"


def test_speaker_of_a_relative_clause_is_what_it_describes(attributions):
    _, found, entities = attributions(
        "Maria Lopez, who said the plan was reckless, voted against it on Monday.\n"
    )
    item = only(found)
    assert speaker_of(item) == "Maria Lopez"
    assert item.entity == entity_named(entities, "Lopez")
    assert item.content.text == "the plan was reckless"


# --------------------------------------------------------------------------- where it was said


def test_in_a_statement_and_in_an_interview(attributions):
    _, found, _ = attributions(
        "In a statement, the company said it would appeal the ruling within a week.\n\n"
        "In an interview, the senator said the bill had no chance of passing this year.\n"
    )
    company, senator = found
    assert speaker_of(company) == "the company"
    assert company.content.text == "it would appeal the ruling within a week"
    assert speaker_of(senator) == "the senator"


def test_told_reporters(attributions):
    _, found, _ = attributions(
        "The minister told reporters that the border would stay closed until March.\n"
    )
    item = only(found)
    assert item.cue is not None and item.cue.text == "told"
    assert item.content.text == "the border would stay closed until March"


def test_a_statement_saying(attributions):
    _, found, _ = attributions(
        "The union issued a statement on Tuesday saying that the strike would go on.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The union"
    assert item.content.text == "the strike would go on"


# --------------------------------------------------------------------------- noun cues


def test_possessive_claim_that(attributions):
    _, found, _ = attributions(
        "The governor rejected the senator's claim that the port was badly run.\n"
    )
    item = by_cue(found, "claim")
    assert speaker_of(item) == "the senator"
    assert item.content.text == "the port was badly run"


def test_his_remarks_that(attributions):
    _, found, entities = attributions(
        "Tom Baker spoke to the dock workers on Monday. His remarks that the port would "
        "close for a year angered the union.\n"
    )
    item = by_cue(found, "remarks")
    assert speaker_of(item) == "His"
    assert item.entity == entity_named(entities, "Baker")
    assert item.content.text == "the port would close for a year"


def test_a_spokesmans_comment(attributions):
    _, found, _ = attributions(
        "A spokesman's comment that the strike was illegal drew a sharp reply.\n"
    )
    item = only(found)
    assert speaker_of(item) == "A spokesman"
    assert item.content.text == "the strike was illegal"


def test_the_statement_said(attributions):
    _, found, _ = attributions(
        "The statement said the factory would stop production by the end of the year.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The statement"


def test_a_claim_made_by_the_subject_of_the_verb(attributions):
    _, found, _ = attributions(
        "The candidate made the claim that the election had been stolen from him.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The candidate"
    assert item.content.text == "the election had been stolen from him"


# --------------------------------------------------------------------------- passive reports


def test_it_was_reported_that_has_no_speaker(attributions):
    _, found, _ = attributions("It was reported that the ferry company had lost its licence.\n")
    item = only(found)
    assert item.speaker is None
    assert item.content.text == "the ferry company had lost its licence"


def test_is_said_to(attributions):
    _, found, _ = attributions("The governor is said to be furious about the delays at the port.\n")
    item = only(found)
    assert item.speaker is None
    assert item.content.text.startswith("The governor")
    assert item.content.text.endswith("furious about the delays at the port")


def test_was_quoted_as_saying(attributions):
    _, found, _ = attributions(
        "The senator was quoted as saying that the bill was dead on arrival.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The senator"
    assert item.content.text == "the bill was dead on arrival"


def test_criticized_by_names_who_criticized(attributions):
    _, found, _ = attributions(
        "The harbour plan was criticized by the union for its cost to the fishermen.\n"
    )
    item = only(found)
    assert speaker_of(item) == "the union"
    assert item.content.text.startswith("The harbour plan")


# --------------------------------------------------------------------------- belief, intention


def test_wants_plans_and_expects(attributions):
    _, found, _ = attributions(
        "The union wants to extend the strike to every port in the region.\n\n"
        "The company plans to hire two hundred workers next spring.\n\n"
        "Analysts expect prices to rise sharply after the harvest.\n"
    )
    wants, plans, expect = found
    assert speaker_of(wants) == "The union"
    assert wants.content.text == "to extend the strike to every port in the region"
    assert speaker_of(plans) == "The company"
    assert speaker_of(expect) == "Analysts"
    assert expect.content.text == "prices to rise sharply after the harvest"


def test_hoped_and_feared(attributions):
    _, found, _ = attributions(
        "The fishermen hoped that the new quota would save the season.\n\n"
        "Residents fear the river will flood again this spring.\n"
    )
    hoped, fear = found
    assert hoped.cue is not None and hoped.cue.text == "hoped"
    assert hoped.content.text == "the new quota would save the season"
    assert speaker_of(fear) == "Residents"


def test_seems_has_no_speaker(attributions):
    _, found, _ = attributions("The ferry service seems to be losing money every month.\n")
    item = only(found)
    assert item.speaker is None
    assert item.cue is not None and item.cue.text == "seems"
    assert item.content.text.startswith("The ferry service")


def test_seems_to_believe_is_the_belief(attributions):
    _, found, _ = attributions(
        "The chairman seems to believe that the merger will save the firm.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The chairman"
    assert item.content.text == "the merger will save the firm"


def test_confident_that(attributions):
    _, found, _ = attributions(
        "The minister is confident that the vote will go her way next week.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The minister"
    assert item.cue is not None and item.cue.text == "confident"
    assert item.content.text == "the vote will go her way next week"


def test_cited_and_backed(attributions):
    _, found, _ = attributions(
        "The mayor cited a report on the cost of the storm as proof of the damage.\n\n"
        "The teachers' union backed the new school budget.\n"
    )
    cited, backed = found
    assert cited.content.text == "a report on the cost of the storm as proof of the damage"
    assert speaker_of(backed) == "The teachers' union"
    assert backed.content.text == "the new school budget"


def test_spoke_about_and_called_for(attributions):
    _, found, _ = attributions(
        "The bishop spoke about the plight of the refugees in the camps.\n\n"
        "The council called for an inquiry into the collapse of the bridge.\n"
    )
    spoke, called = found
    assert spoke.cue is not None and spoke.cue.text == "spoke about"
    assert spoke.content.text == "the plight of the refugees in the camps"
    assert called.cue is not None and called.cue.text == "called for"


def test_a_plan_inside_what_someone_said_is_part_of_it(attributions):
    _, found, _ = attributions(
        "The senator said the company planned to close the plant in Dover next year.\n"
    )
    item = only(found)
    assert item.cue is not None and item.cue.text == "said"
    assert item.content.text == "the company planned to close the plant in Dover next year"


def test_a_cue_verb_inside_a_that_clause_is_not_a_parenthetical(attributions):
    _, found, _ = attributions(
        "The mayor said that the two towns had agreed on a plan for the bridge.\n"
    )
    item = only(found)
    assert item.cue is not None and item.cue.text == "said"
    assert item.content.text == "the two towns had agreed on a plan for the bridge"


# --------------------------------------------------------------------------- who it is


def test_the_minister_is_the_minister_named_before(attributions):
    _, found, entities = attributions(
        "Foreign Minister Anna Berg met the union leaders in Oslo on Monday.\n\n"
        "The minister said the strike had cost the country millions.\n"
    )
    item = only(found)
    assert speaker_of(item) == "The minister"
    assert item.entity == entity_named(entities, "Berg")


def test_the_company_is_the_organisation_named_before(attributions):
    _, found, entities = attributions(
        "Nordic Shipping Ltd. runs most of the ferries on the coast.\n\n"
        "The company said it would cut its timetable by half in the winter.\n"
    )
    item = only(found)
    assert item.entity == entity_named(entities, "Nordic Shipping")


def test_unnamed_sources_stay_as_written(attributions):
    _, found, _ = attributions(
        "Two people familiar with the matter said the deal could collapse at any moment.\n\n"
        "A senior official said the talks would resume in Cairo.\n"
    )
    people, official = found
    assert speaker_of(people) == "Two people familiar with the matter"
    assert speaker_of(official) == "A senior official"
    assert people.entity is None and official.entity is None


def test_a_pronoun_that_stands_for_nobody_is_no_speaker(attributions):
    _, found, _ = attributions(
        "Two people familiar with the matter said the deal could collapse at any moment.\n\n"
        "It added that the talks would resume after the holidays.\n"
    )
    item = by_cue(found, "added")
    assert item.speaker is None


def test_she_stays_the_woman_she_stood_for(attributions):
    _, found, entities = attributions(
        "Harbour news\n\n"
        "Ms. Anna Berg spoke first. She said the harbour would reopen in May.\n\n"
        "Mr. Tom Baker, the harbour master, met the fishermen on Tuesday.\n\n"
        "The weather stayed calm all week and the boats went out again.\n\n"
        "Prices at the fish market fell by a third.\n\n"
        "The ferries kept to their winter timetable.\n\n"
        "She said the repairs would be finished before the summer.\n"
    )
    first, last = (a for a in found if speaker_of(a) == "She")
    assert first.entity == entity_named(entities, "Berg")
    assert last.entity == first.entity


def test_a_result_is_no_speaker(attributions):
    _, found, _ = attributions("The result shows that voters have turned against the plan.\n")
    item = only(found)
    assert item.speaker is None


# --------------------------------------------------------------------------- never statements


def test_no_statements_from_headlines_or_bylines(attributions):
    _, found, _ = attributions(
        "Mayor says harbour will reopen in May\n\n"
        "By Jane Doe\n\n"
        "“The harbour will reopen in May, whatever the weather,” the mayor said.\n\n"
        "By JANE DOE AND JOHN ROE, Reuters\n"
    )
    item = only(found)
    assert speaker_of(item) == "the mayor"
    assert "Mayor says" not in item.content.text


def test_a_byline_after_a_quote_is_not_its_speaker(attributions):
    _, found, _ = attributions(
        "The harbour master met the press on Monday after the storm.\n\n"
        "“We have never seen waves like these in forty years of keeping this harbour.”\n\n"
        "By Jane Doe\n"
    )
    item = only(found)
    assert speaker_of(item) != "By Jane Doe"


def test_a_passive_clause_beside_a_quote_reports_nothing(attributions):
    """ "..., as the result was announced": the result says nothing, and the quote
    keeps its speaker."""
    _, found, entities = attributions(
        "Council backs the plan\n\n"
        '"This is the best decision we have taken in years," said Maria Lopez, the leader '
        'of the council, as the result was announced. "Tonight we gave them a reason to stay."\n'
    )
    item = only(found)
    assert item.cue is not None and item.cue.text == "said"
    assert item.entity == entity_named(entities, "Lopez")
    assert item.content.text.endswith('a reason to stay."')
