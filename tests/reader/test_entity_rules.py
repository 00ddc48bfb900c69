"""The entity rules of reader.entities on hand-written texts, with the real spaCy model:
headlines, datelines, headings and tables of contents, sports clubs and results
tables, trimming, short forms, common words, and why each variant was merged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader import load_document, nlp
from reader.entities.extract import _LOWER_WORD, _pieces, extract_entities
from reader.entities.lines import dateline, line_kind
from reader.models import Entity
from reader.output.serialize import entities_json

from .test_entities import assert_spans_match, entities_of, find


def named(entities: tuple[Entity, ...], surface: str) -> list[Entity]:
    """The entities with a mention written ``surface``."""
    return [e for e in entities if any(m.text == surface for m in e.mentions)]


def owner(entities: tuple[Entity, ...], surface: str) -> Entity:
    owners = named(entities, surface)
    assert len(owners) == 1, f"{surface!r} in {[e.name for e in owners]}"
    return owners[0]


# --- lines ------------------------------------------------------------------------


def test_line_kinds():
    assert line_kind("SOCCER - LEEDS HOLD CHELSEA TO A DRAW.") == "caps"
    assert line_kind("Barnsley 3 Ipswich 1") == "table"
    assert line_kind("CHAPTER 12. The Whiteness of the Harpoon.") == "title"
    assert line_kind("The council voted on Tuesday to lease the estuary.") == "prose"
    assert dateline("LONDON 1996-08-30") == (0, 6)
    assert dateline("BEIRUT, Lebanon (AP) - Talks resumed.") == (0, 6)
    assert dateline("CHAPTER 12. The Harpoon.") is None
    assert dateline("SOCCER - LEEDS WIN.") is None


def test_dateline_opens_with_a_place(spacy_model):
    text = (
        "Talks on the port resume\n"
        "HALVERSTOCK 2024-03-11\n"
        "Officials met in the port city on Monday to resume the talks."
    )
    document, _, entities = entities_of(text)
    place = owner(entities, "HALVERSTOCK")
    assert place.type == "GPE"
    assert_spans_match(document, entities)


# --- headlines, headings, tables of contents ----------------------------------------


def test_names_in_a_capitals_headline_count_only_when_the_prose_names_them(spacy_model):
    text = (
        "TENNIS - MARGOLIS STUNS RIVAL IN LONG FINAL DAY\n"
        "Anna Margolis won the final on Sunday after three hours on court.\n"
        "Margolis said she had never played better."
    )
    _, _, entities = entities_of(text)
    margolis = find(entities, "Anna Margolis")
    assert margolis.type == "PERSON"
    assert "MARGOLIS" in {m.text for m in margolis.mentions}  # found whatever its case
    for word in ("TENNIS", "STUNS", "RIVAL", "FINAL"):
        assert not named(entities, word), word


def test_chapter_titles_and_contents_give_no_names(spacy_model):
    text = (
        "CONTENTS\n"
        "CHAPTER 1. Jonah Historically Regarded.\n"
        "CHAPTER 2. The Whiteness of the Harpoon.\n"
        "Jonah Historically Regarded\n"
        "Old Captain Hollis kept the harpoon by the door, and Hollis regarded it as "
        "historically important. The whiteness of its blade was the talk of the port.\n"
        "Jonah was a name the crew gave to any unlucky man."
    )
    _, _, entities = entities_of(text)
    names = {e.name for e in entities}
    assert "Jonah Historically Regarded" not in names
    assert not any("Whiteness" in name for name in names)
    jonah = find(entities, "Jonah")
    assert [m.start for m in jonah.mentions] == [text.rindex("Jonah was")]


def test_a_one_word_section_heading_is_no_name(spacy_model, write_file):
    text = (
        "# Harbour plan approved\n\n## Background\n\n"
        "The council of Portsmouth voted on Tuesday to rebuild the harbour wall.\n\n"
        "## Opposition\n\nMary Ortiz said the plan costs too much.\n\n## Bristol\n\n"
        "Bristol approved a similar wall last year.\n"
    )
    document = load_document(write_file("plan.md", text))
    assert [document.block_text(b) for b in document.blocks if b.kind == "heading"] == [
        "Background",
        "Opposition",
        "Bristol",
    ]
    entities = extract_entities(document, nlp.parse(document))
    names = {e.name for e in entities}
    assert "Background" not in names and "Opposition" not in names
    bristol = find(entities, "Bristol")  # named by the prose too: both mentions count
    assert len(bristol.mentions) == 2


def test_a_headline_gives_only_the_names_the_prose_names_too(spacy_model, write_file):
    text = (
        "Minister Resigns Over Scandal as Chen Quits\n\n"
        "Robert Chen stepped down on Thursday after weeks of pressure. "
        "Chen said he had done nothing wrong.\n"
    )
    document = load_document(write_file("resigns.txt", text))
    assert document.blocks[0].kind == "title"
    entities = extract_entities(document, nlp.parse(document))
    assert not any("Resigns" in e.name or "Scandal" in e.name for e in entities)
    chen = find(entities, "Robert Chen")  # named by the prose: its headline mention counts
    assert text.index("Chen Quits") in [m.start for m in chen.mentions]


def test_an_amount_of_money_keeps_its_currency_sign_and_multiplier(spacy_model):
    text = (
        "The council backed a £40m plan to rebuild the wall. It cost $1.2bn last year. "
        "Profits rose to €30 million, the mayor said."
    )
    _, _, entities = entities_of(text)
    money = {e.name for e in entities if e.type == "MONEY"}
    assert money == {"£40m", "$1.2bn", "€30 million"}
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_a_name_alone_on_a_line_is_still_a_name(spacy_model):
    # a byline is a title-case line, but its words are never written in lower case
    text = "Port council backs the plan\nMarta Kowalczyk\nThe council voted on Tuesday."
    _, _, entities = entities_of(text)
    assert find(entities, "Marta Kowalczyk").type == "PERSON"


# --- document-level types: sport -------------------------------------------------------


def test_a_club_named_after_a_place_is_an_organisation_in_the_whole_text(spacy_model):
    text = (
        "Bristol drew with Sheffield on Saturday, and Leeds lost to Chelsea.\n"
        "The striker scored twice in the second half, and the club's coach praised "
        "the goalkeeper after the match.\n"
        "England beat Pakistan by five wickets in the cricket at the Oval."
    )
    _, _, entities = entities_of(text)
    for club in ("Bristol", "Sheffield", "Leeds", "Chelsea"):
        assert owner(entities, club).type == "ORG", club
    assert owner(entities, "England").type == "GPE"  # a country stays a place
    assert owner(entities, "Pakistan").type == "GPE"


def test_a_place_name_outside_sport_stays_a_place(spacy_model):
    text = (
        "Leeds beat its own record for new homes last year, the council said.\n"
        "Residents of Leeds were asked about housing."
    )
    _, _, entities = entities_of(text)
    assert all(e.type != "ORG" for e in named(entities, "Leeds"))


def test_a_results_table_gives_teams_and_players(spacy_model):
    text = (
        "SOCCER - ENGLISH LEAGUE RESULTS\n"
        "Results of league matches played on Saturday, with the scorers and the "
        "goalkeeper of the match in the club's season table.\n"
        "Barnsley 3 Ipswich 1\n"
        "Grimsby 0 Norwich 2\n"
        "Scorers: P. Hallworth 12, D. Okafor 40"
    )
    document, _, entities = entities_of(text)
    for team in ("Barnsley", "Ipswich", "Grimsby", "Norwich"):
        assert owner(entities, team).type == "ORG", team
    for player in ("P. Hallworth", "D. Okafor"):
        assert owner(entities, player).type == "PERSON", player
    assert_spans_match(document, entities)


def test_a_thing_written_after_the_is_not_a_person(spacy_model):
    text = (
        "The Whale rose beside the boat. Nobody had seen the Whale so close.\n"
        "Men feared the Whale more than the storm."
    )
    _, _, entities = entities_of(text)
    assert not [e for e in named(entities, "Whale") if e.type == "PERSON"]


# --- cleaning ----------------------------------------------------------------------


def test_a_name_does_not_end_in_a_small_word(spacy_model):
    text = (
        "Councillors voted to lease part of the Calder Estuary to Northwind Tidal.\n"
        "Fishermen say the Calder Estuary is their livelihood."
    )
    _, _, entities = entities_of(text)
    assert not any(e.name.endswith(" to") for e in entities)
    estuary = owner(entities, "Calder Estuary")
    assert estuary.type == "LOC"


def test_two_names_joined_by_at_are_two(spacy_model):
    text = "Hussain gave Essex a firm grip on their match against Yorkshire at Headingley."
    _, _, entities = entities_of(text)
    assert not any(" at " in e.name for e in entities)


def test_a_common_word_opening_a_sentence_is_not_a_name(spacy_model):
    text = (
        "Harbour town backs tidal power plan\n"
        "The money will pay for repairs to the harbour wall and a new lifeboat station."
    )
    _, _, entities = entities_of(text)
    assert not named(entities, "Harbour")


# --- merging and its reasons -----------------------------------------------------------


def test_an_organisation_short_form_joins_its_full_name(spacy_model):
    text = (
        "The council leased the estuary to Northwind Tidal on Tuesday.\n"
        "Northwind says the turbines will power 60,000 homes.\n"
        "Tomas Lindqvist, the chief executive of Northwind Tidal, welcomed the vote."
    )
    _, _, entities = entities_of(text)
    northwind = find(entities, "Northwind Tidal")
    assert northwind.type == "ORG"
    assert "Northwind" in northwind.aliases
    assert northwind.count == 3
    reason = northwind.merge_reasons[northwind.aliases.index("Northwind")]
    assert reason == "Northwind: short form of Northwind Tidal, mentioned before"


def test_a_short_form_before_the_full_name_or_of_two_names_stays_apart(spacy_model):
    before = (
        "Northwind says the turbines will be built next year.\n"
        "The council leased the estuary to Northwind Tidal on Tuesday."
    )
    two = (
        "The council leased the estuary to Northwind Tidal on Tuesday.\n"
        "The grid is run by Northwind Grid, a separate firm.\n"
        "Northwind says the turbines will be built next year."
    )
    for text in (before, two):
        _, _, entities = entities_of(text)
        assert all("Northwind" not in e.aliases for e in entities), text


def test_every_alias_has_a_reason(spacy_model):
    text = (
        "Benjamin Netanyahu met officials of the Central Intelligence Agency (CIA) on Monday.\n"
        "Netanyahu said the CIA had been helpful.\n"
        "NETANYAHU ALSO MET THE FOREIGN MINISTER"
    )
    _, _, entities = entities_of(text)
    for entity in entities:
        assert len(entity.merge_reasons) == len(entity.aliases)
        for alias, reason in zip(entity.aliases, entity.merge_reasons, strict=True):
            assert reason.startswith(f"{alias}: ")
    bibi = find(entities, "Benjamin Netanyahu")
    reasons = dict(zip(bibi.aliases, bibi.merge_reasons, strict=True))
    assert reasons["Netanyahu"] == "Netanyahu: surname of Benjamin Netanyahu, mentioned before"
    cia = find(entities, "Central Intelligence Agency")
    assert cia.merge_reasons == (
        "CIA: short form of Central Intelligence Agency, introduced in brackets",
    )
    json_row = next(row for row in entities_json(entities) if row["name"] == cia.name)
    assert json_row["merge_reasons"] == list(cia.merge_reasons)


# --- reading a long text in pieces --------------------------------------------------


@given(
    st.text(alphabet=st.sampled_from("ab Z-'’\n.,"), max_size=300),
    st.integers(min_value=1, max_value=40),
)
def test_a_text_read_in_pieces_gives_the_words_it_gives_whole(text, size):
    pieces = list(_pieces(text, size))
    assert "".join(pieces) == text
    found = {w for piece in pieces for w in _LOWER_WORD.findall(piece)}
    assert found == set(_LOWER_WORD.findall(text))
