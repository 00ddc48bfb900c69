"""Attribution: speaker, cue and content of statements in small hand-written texts."""

from __future__ import annotations

import pytest

from reader import load_document, nlp
from reader.entities.extract import extract_entities
from reader.statements.attribution import Attribution, extract_attributions
from reader.statements.quotes import find_quotes


@pytest.fixture
def attributions(spacy_model, write_file):
    """Load ``text`` from a real file and return (text, attributions, entities)."""

    def run(text: str):
        document = load_document(write_file("article.txt", text))
        parsed = nlp.parse(document)
        entities = extract_entities(document, parsed)
        found = extract_attributions(document, parsed, entities)
        for item in found:  # every span is the document's own text at its offsets
            for ref in (item.content, item.speaker, item.cue):
                if ref is not None:
                    assert document.text[ref.start : ref.end] == ref.text
        return document.text, found, entities

    return run


def only(found: list[Attribution]) -> Attribution:
    assert len(found) == 1, [a.content.text for a in found]
    return found[0]


def entity_named(entities, word: str) -> str:
    names = [e.name for e in entities if word in e.name]
    assert names, [e.name for e in entities]
    return names[0]


def test_quote_after_the_speaker(attributions):
    _, found, _ = attributions(
        "Heavy rain fell all week.\n"
        "The minister said: “We will rebuild every school in the valley before winter.”\n"
    )
    item = only(found)
    assert item.direct
    assert item.content.text == "“We will rebuild every school in the valley before winter.”"
    assert item.speaker is not None and item.speaker.text == "The minister"
    assert item.cue is not None and item.cue.text == "said"


def test_quote_before_the_speaker(attributions):
    _, found, _ = attributions(
        "“We will rebuild every school in the valley before winter,” the minister said.\n"
    )
    item = only(found)
    assert item.direct
    assert item.content.text.startswith("“We will rebuild")
    assert "the minister" not in item.content.text
    assert item.speaker is not None and item.speaker.text == "the minister"


def test_speaker_on_the_line_after_the_quote(attributions):
    _, found, entities = attributions(
        "The mayor spoke to the press on Monday about the floods.\n"
        "“The threats against our cities are an additional crime against the civilians "
        "who live there.”\n"
        "Maria Lopez\n"
        "The council meets again next week.\n"
    )
    item = only(found)
    assert item.direct
    assert item.speaker is not None and item.speaker.text == "Maria Lopez"
    assert item.entity == entity_named(entities, "Lopez")


def test_pronoun_speaker_resolves_to_the_person(attributions):
    _, found, entities = attributions(
        "Maria Lopez, the mayor of Springfield, met the engineers on Monday. "
        "She said that the new bridge would open to traffic next year.\n"
    )
    item = only(found)
    assert item.speaker is not None and item.speaker.text == "She"
    assert item.entity == entity_named(entities, "Lopez")
    assert item.content.text == "the new bridge would open to traffic next year"


def test_it_resolves_to_the_organisation_that_spoke_before(attributions):
    _, found, entities = attributions(
        "The World Health Organization said that cases rose sharply in March. "
        "It added that hospitals in the north were running out of beds.\n"
    )
    assert len(found) == 2
    first, second = found
    assert first.entity == entity_named(entities, "World Health Organization")
    assert second.speaker is not None and second.speaker.text == "It"
    assert second.entity == first.entity
    assert second.content.text == "hospitals in the north were running out of beds"


def test_according_to(attributions):
    _, found, _ = attributions(
        "According to the city council, the budget will be cut by ten percent next year.\n"
    )
    item = only(found)
    assert item.cue is not None and item.cue.text == "According to"
    assert item.speaker is not None and item.speaker.text == "the city council"
    assert item.content.text == "the budget will be cut by ten percent next year"
    assert not item.direct


def test_the_body_a_role_names_is_one_of_its_kind_and_said_once(attributions):
    _, found, entities = attributions(
        "The Environment Agency said the wall would protect 3,000 homes from flooding.\n\n"
        "Work is expected to start in the spring, according to the council.\n\n"
        "The agency added that the money was well spent.\n"
    )
    works = [a for a in found if a.content.text.startswith("Work is expected")]
    assert len(works) == 1  # the council's, not also the article's own
    council = works[0]
    assert council.speaker is not None and council.speaker.text == "the council"
    assert council.entity is None  # no council is named: not the agency
    agency = next(a for a in found if a.speaker is not None and a.speaker.text == "The agency")
    assert agency.entity == entity_named(entities, "Environment Agency")


def test_said_that(attributions):
    _, found, entities = attributions(
        "Angela Merkel said that the European Union would meet again in the spring.\n"
    )
    item = only(found)
    assert item.speaker is not None and item.speaker.text == "Angela Merkel"
    assert item.entity == entity_named(entities, "Merkel")
    assert item.content.text == "the European Union would meet again in the spring"


def test_told_someone_that(attributions):
    _, found, _ = attributions(
        "John Carter told reporters on Friday that the factory would close in June.\n"
    )
    item = only(found)
    assert item.cue is not None and item.cue.text == "told"
    assert item.speaker is not None and item.speaker.text == "John Carter"
    assert item.content.text == "the factory would close in June"


def test_reported_speech_with_the_speaker_after(attributions):
    _, found, _ = attributions("The talks have failed and will not resume, the envoy said.\n")
    item = only(found)
    assert item.speaker is not None and item.speaker.text == "the envoy"
    assert item.content.text.startswith("The talks have failed")


def test_multi_paragraph_quote(attributions):
    _, found, entities = attributions(
        "Sadiq Khan spoke at length to reporters on Monday.\n"
        "“We have waited for this bridge for twenty years and the money is finally here.\n"
        "“The work will start in the spring and will be finished before the winter,” "
        "she said.\n"
    )
    item = only(found)
    assert item.direct
    assert item.content.text.startswith("“We have waited")
    assert item.content.text.endswith("before the winter,”")
    assert "\n“The work" in item.content.text
    assert item.entity == entity_named(entities, "Khan")


def test_mixed_quote_is_one_reported_statement(attributions):
    _, found, _ = attributions(
        "The senator said the strikes on the city were “war crimes” and had to stop at once.\n"
    )
    item = only(found)
    assert "“war crimes”" in item.content.text
    assert not item.direct
    assert item.speaker is not None and item.speaker.text == "The senator"


def test_split_quote_is_one_statement(attributions):
    _, found, _ = attributions(
        "“We are not going to stop,” the union leader said. “The strike goes on every day "
        "until the company listens.”\n"
    )
    item = only(found)
    assert item.content.text.startswith("“We are not going")
    assert item.content.text.endswith("listens.”")


def test_bare_quote_keeps_the_speaker_before(attributions):
    _, found, _ = attributions(
        "“The new line will carry forty thousand people a day,” the engineer said.\n"
        "“It is the largest project this region has seen in a century.”\n"
    )
    assert len(found) == 2
    assert all(a.speaker is not None and a.speaker.text == "the engineer" for a in found)


def test_unnamed_source_stays_as_written(attributions):
    _, found, _ = attributions(
        "A U.S. official said that the talks would resume in Cairo next week.\n"
    )
    item = only(found)
    assert item.speaker is not None and item.speaker.text == "A U.S. official"
    assert item.entity is None


def test_statement_without_a_speaker(attributions):
    _, found, _ = attributions("It was reported that the talks had collapsed overnight.\n")
    item = only(found)
    assert item.speaker is None
    assert item.content.text == "the talks had collapsed overnight"


def test_no_statements_in_plain_narration(attributions):
    _, found, _ = attributions(
        "The economy grew by three percent last year. Exports of cars rose again.\n"
    )
    assert found == []


def test_unbalanced_marks_do_not_raise(attributions):
    text, found, _ = attributions(
        "He said “we will win this war and then he left the room.\n"
        'A stray ” mark, an opening “ at the end and " one more\n'
        "“Unclosed quotes at the start of a paragraph about the budget\n"
    )
    for item in found:
        assert 0 <= item.content.start < item.content.end <= len(text)


def test_apostrophes_are_not_quote_marks(attributions):
    _, found, _ = attributions(
        "“We don’t accept Israel’s terms, and the ’90s are over,” Ms Ruiz said.\n"
    )
    item = only(found)
    assert item.content.text == "“We don’t accept Israel’s terms, and the ’90s are over,”"


def test_find_quotes_marks_and_apostrophes():
    text = (
        "Israel’s army doesn’t expect the ’90s truce to hold. "
        '«Nous restons ici», dit-il. ‘We stay here,’ she said. "Plain marks" too.'
    )
    blocks = (nlp_block(text),)
    found = [text[q.start : q.end] for q in find_quotes(text, blocks)]
    assert found == ["«Nous restons ici»", "‘We stay here,’", '"Plain marks"']


def test_find_quotes_never_raises_on_odd_marks():
    odd = "”“\"'’‘«»„ “ ” \" ' ’ ‘ «» x” “x \"x x\" 'x' ’x x’"
    for cut in range(len(odd)):
        text = odd[:cut]
        for quote in find_quotes(text, (nlp_block(text),)):
            assert 0 <= quote.start < quote.end <= len(text)


def nlp_block(text: str):
    from reader.models import Block

    return Block(0, len(text))


def test_parenthetical_speaker_inside_the_reported_clause(attributions):
    _, found, _ = attributions(
        "Too often, the mayor said, the debate over the new bridge is driven by fear.\n"
    )
    item = only(found)
    assert item.speaker is not None and item.speaker.text == "the mayor"
    assert item.content.text.startswith("Too often")
    assert item.content.text.endswith("driven by fear")


def test_name_and_colon_at_a_paragraph_start(attributions):
    _, found, _ = attributions(
        "The debate ran late into the night.\n"
        "WALLACE: Governor, do you really see those two men as equivalent?\n"
        "READ ALSO: Floods close three schools in the north of the valley\n"
    )
    item = only(found)
    assert item.speaker is not None and item.speaker.text == "WALLACE"
    assert item.cue is not None and item.cue.text == ":"
    assert item.content.text == "Governor, do you really see those two men as equivalent?"


def test_blockquote_without_marks_is_a_direct_quote(spacy_model):
    from reader.models import Block, Document

    intro = "The minister wrote on her blog:"
    quoted = "We will rebuild every school in the valley before the winter comes."
    text = f"{intro}\n{quoted}\n"
    blocks = (
        Block(0, len(intro)),
        Block(len(intro) + 1, len(intro) + 1 + len(quoted), "quote"),
    )
    document = Document("memory", text, "", blocks, "html")
    found = extract_attributions(document, nlp.parse(document), ())
    item = only(found)
    assert item.direct
    assert item.content.text == quoted
    assert item.speaker is not None and item.speaker.text == "The minister"
    assert item.cue is not None and item.cue.text == "wrote"


def test_a_clause_about_when_it_was_said_is_not_content(attributions):
    _, found, _ = attributions(
        "Harbour talks\n\n"
        "The mayor's office said after she met the ferry owners in Harlow that the "
        "new timetable would start in June.\n"
    )
    statement = only(found)
    assert statement.content.text.startswith("the new timetable would start in June")
    assert "met the ferry owners" not in statement.content.text


def by_cue(found: list[Attribution], cue: str) -> Attribution:
    items = [a for a in found if a.cue is not None and a.cue.text == cue]
    assert len(items) == 1, [(a.cue and a.cue.text, a.content.text) for a in found]
    return items[0]


def test_a_second_report_of_the_same_speaker_is_a_statement_of_its_own(attributions):
    _, found, _ = attributions(
        "Ingrid Halvorsen said the ferry would run until March and warned that the route "
        "could close for good after that.\n\n"
        "Daniel Okafor said he did not believe the cuts had cost the party the election, "
        "arguing that divisions inside the party were the bigger hurdle.\n"
    )
    halvorsen, okafor = [a for a in found if a.cue is not None and a.cue.text == "said"]
    assert halvorsen.content.text == "the ferry would run until March"
    warned = by_cue(found, "warned")
    assert warned.content.text == "the route could close for good after that"
    assert warned.speaker is not None and warned.speaker.text == "Ingrid Halvorsen"
    assert okafor.content.text == "he did not believe the cuts had cost the party the election"
    assert by_cue(found, "arguing").content.text.startswith("divisions inside the party")


def test_a_verb_inside_what_is_reported_stays_in_it(attributions):
    _, found, _ = attributions(
        "Police say the driver posed a serious danger to others and refused to stop the car "
        "at the barrier.\n\n"
        "The mayor said the council would order a full review of the sea wall and warned "
        "against delays.\n"
    )
    assert by_cue(found, "say").content.text.endswith("refused to stop the car at the barrier")
    assert by_cue(found, "said").content.text.endswith("and warned against delays")


def test_coordinated_reports_are_statements_of_their_own(attributions):
    _, found, _ = attributions(
        "Senator Aiko Tanaka called the contract a disgrace and called for a public inquiry "
        "into the tender.\n"
    )
    assert by_cue(found, "called").content.text == "the contract a disgrace"
    assert by_cue(found, "called for").content.text.startswith("a public inquiry")
