"""Entity extraction on small hand-written texts, with the real spaCy model."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from reader import load_document, nlp
from reader.entities.extract import extract_entities
from reader.entities.groups import ENTITY_GROUPS, group_of
from reader.models import Block, Document, Entity
from reader.nlp import ParsedBlock


def make_document(text: str) -> Document:
    """One paragraph block per non-empty line, as the plain-text loader makes them."""
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    return Document("test.txt", text, "", tuple(blocks), "text")


def entities_of(text: str) -> tuple[Document, list[ParsedBlock], tuple[Entity, ...]]:
    document = make_document(text)
    parsed = nlp.parse(document)
    return document, parsed, extract_entities(document, parsed)


def find(entities: tuple[Entity, ...], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert len(matches) == 1, f"{name!r} in {[e.name for e in entities]}"
    return matches[0]


def entity_with_mention_at(entities: tuple[Entity, ...], start: int) -> Entity:
    owners = [e for e in entities if any(m.start == start for m in e.mentions)]
    assert len(owners) == 1, f"{len(owners)} entities have a mention at {start}"
    return owners[0]


def spacy_labels(parsed: list[ParsedBlock], surface: str) -> Counter[str]:
    return Counter(e.label_ for p in parsed for e in p.doc.ents if e.text == surface)


def assert_spans_match(document: Document, entities: tuple[Entity, ...]) -> None:
    for entity in entities:
        for m in entity.mentions:
            assert document.text[m.start : m.end] == m.text
            assert m.text == m.text.strip() and m.text
            assert "\n" not in m.text
        starts = [m.start for m in entity.mentions]
        assert starts == sorted(starts)


MERKEL = (
    "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n"
    "Merkel said the talks had gone well. Macron agreed.\n"
    "Later, Angela thanked her guests."
)


def test_surname_joins_the_full_name(spacy_model):
    document, _, entities = entities_of(MERKEL)
    merkel = find(entities, "Angela Merkel")
    assert merkel.type == "PERSON"
    surname_at = document.text.index("Merkel said")
    assert surname_at in [m.start for m in merkel.mentions]
    assert "Merkel" in merkel.aliases
    macron = find(entities, "Emmanuel Macron")
    assert [m.text for m in macron.mentions] == ["Emmanuel Macron", "Macron"]
    assert not any(e.name in ("Merkel", "Macron") for e in entities)


def test_first_name_joins_the_full_name(spacy_model):
    document, _, entities = entities_of(MERKEL)
    first_name_at = document.text.index("Angela thanked")
    assert entity_with_mention_at(entities, first_name_at).name == "Angela Merkel"
    assert "Angela" in find(entities, "Angela Merkel").aliases


def test_surname_shared_by_two_people_stays_apart(spacy_model):
    text = (
        "John Smith and Jane Smith run a bakery in Leeds.\n"
        "John Smith bakes bread while Jane Smith sells it.\n"
        "Smith said business was good."
    )
    document, _, entities = entities_of(text)
    john, jane = find(entities, "John Smith"), find(entities, "Jane Smith")
    assert john is not jane
    assert [m.text for m in john.mentions] == ["John Smith", "John Smith"]
    assert [m.text for m in jane.mentions] == ["Jane Smith", "Jane Smith"]
    bare_at = document.text.index("Smith said")
    for entity in (john, jane):
        assert bare_at not in [m.start for m in entity.mentions]


def test_one_type_per_name_by_majority(spacy_model):
    text = (
        "Tesla sold more cars. Tesla said demand was strong. "
        "Musk praised Tesla workers. Tesla will expand."
    )
    _, parsed, entities = entities_of(text)
    labels = spacy_labels(parsed, "Tesla")
    assert len(labels) > 1, f"the model now tags Tesla consistently: {labels}"
    majority = labels.most_common(1)[0][0]
    tesla = find(entities, "Tesla")
    assert tesla.type == majority
    assert tesla.count == 4


def test_bare_surname_tagged_otherwise_becomes_the_person(spacy_model):
    text = (
        "Kessler Dynamics hired Tom Fenwick in March.\n"
        "Fenwick said Kessler Dynamics would grow. Later Fenwick left and "
        "Kessler Dynamics hired Nora Blyth."
    )
    _, parsed, entities = entities_of(text)
    assert "PERSON" in spacy_labels(parsed, "Tom Fenwick")
    fenwick = find(entities, "Tom Fenwick")
    assert fenwick.type == "PERSON"
    assert [m.text for m in fenwick.mentions] == ["Tom Fenwick", "Fenwick", "Fenwick"]
    assert find(entities, "Kessler Dynamics").type == "ORG"


def test_the_words_around_a_name_make_it_a_place(spacy_model):
    text = (
        "Residents fled the eastern city of Baalbek on Monday.\n"
        "Baalbek was hit again on Tuesday, and Baalbek is now almost empty."
    )
    _, _, entities = entities_of(text)
    baalbek = find(entities, "Baalbek")
    assert baalbek.type == "GPE"
    assert baalbek.count == 3


def test_possessives_titles_and_the_are_not_part_of_names(spacy_model):
    text = (
        "Prime Minister Benjamin Netanyahu spoke on Sunday. "
        "Netanyahu’s office and Netanyahu's aides agreed, the United Nations said."
    )
    document, _, entities = entities_of(text)
    netanyahu = find(entities, "Benjamin Netanyahu")
    assert [m.text for m in netanyahu.mentions] == [
        "Benjamin Netanyahu",
        "Netanyahu",
        "Netanyahu",
    ]
    assert netanyahu.aliases == ("Netanyahu",)
    assert netanyahu.mentions[1].start == document.text.index("Netanyahu’s")
    assert find(entities, "United Nations").type == "ORG"
    assert not any(e.name.lower().startswith(("the ", "prime")) for e in entities)


def tagged(model, text: str, spans: list[tuple[str, str]]):
    """``text`` parsed by the model, with the entity spans set to ``spans``.

    Each span is (surface, label) and marks the first occurrence of surface
    after the previous span. This pins down what the tagger "said", so the
    cleaning rules are tested whatever the model's own guesses are.
    """
    document = make_document(text)
    assert len(document.blocks) == 1
    doc = model(text)
    ents, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        ents.append(doc.char_span(start, start + len(surface), label=label))
        pos = start + len(surface)
    assert all(ents)
    doc.ents = ents
    return document, [ParsedBlock(0, 0, doc)]


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ("Yesterday Mr. Fenwick Hale left.", "Mr. Fenwick Hale", "PERSON", "Fenwick Hale"),
        (
            "Then Prime Minister Nora Blyth spoke.",
            "Prime Minister Nora Blyth",
            "PERSON",
            "Nora Blyth",
        ),
        ("We read Blyth's letter.", "Blyth's", "PERSON", "Blyth"),
        ("We read Blyth’s letter.", "Blyth’s", "PERSON", "Blyth"),
        ("The Reuters' reporters left.", "Reuters'", "ORG", "Reuters"),
        ("He joined the United Nations today.", "the United Nations", "ORG", "United Nations"),
        (
            'She said "Kessler Dynamics," and left.',
            '"Kessler Dynamics,"',
            "ORG",
            "Kessler Dynamics",
        ),
        ("We flew to the U.S. in May.", "U.S.", "GPE", "U.S."),
        ("Best: H. Morris 69, J. Adams 4-43.", "H. Morris 69", "PERSON", "H. Morris"),
        ("Ratings for Channel 4 fell.", "Channel 4", "ORG", "Channel 4"),
        ("The shares of Acme Inc. rose.", "Acme Inc.", "ORG", "Acme Inc."),
    ],
)
def test_mentions_are_trimmed_to_the_name(spacy_model, text, surface, label, expected):
    document, parsed = tagged(spacy_model, text, [(surface, label)])
    (entity,) = extract_entities(document, parsed)
    (mention,) = entity.mentions
    assert mention.text == expected
    assert document.text[mention.start : mention.end] == expected
    assert entity.name == expected


def test_a_list_run_together_is_split(spacy_model):
    text = "Residents of Baalbek, Ain Bourday and Duris fled."
    document, parsed = tagged(spacy_model, text, [("Baalbek, Ain Bourday", "ORG")])
    entities = extract_entities(document, parsed)
    assert sorted(m.text for e in entities for m in e.mentions) == ["Ain Bourday", "Baalbek"]
    assert {e.type for e in entities} == {"GPE"}  # "residents of" marks places


def test_junk_mentions_are_dropped(spacy_model):
    text = "He said “ … ” and thou shalt see, Caretaker."
    document, parsed = tagged(
        spacy_model, text, [("“ … ”", "ORG"), ("thou", "GPE"), ("Caretaker", "ORG")]
    )
    assert extract_entities(document, parsed) == ()


def test_untagged_occurrences_of_a_known_name_are_found(spacy_model):
    text = "Nora Blyth arrived on Monday. Later Nora Blyth left, and Blyth smiled."
    document, parsed = tagged(spacy_model, text, [("Nora Blyth", "PERSON")])
    (blyth,) = extract_entities(document, parsed)
    assert [(m.start, m.text) for m in blyth.mentions] == [
        (0, "Nora Blyth"),
        (text.index("Nora Blyth", 1), "Nora Blyth"),
        (text.index("Blyth smiled"), "Blyth"),
    ]
    assert blyth.type == "PERSON"


def test_a_common_word_is_not_taken_for_a_known_one_word_name(spacy_model):
    text = "Then Grace arrived. Grace was said before dinner."
    document, parsed = tagged(spacy_model, text, [("Grace", "PERSON")])
    second = parsed[0].doc[4]
    assert second.text == "Grace" and second.pos_ != "PROPN"
    grace = find(extract_entities(document, parsed), "Grace")
    assert [m.start for m in grace.mentions] == [5]


def test_acronym_defined_in_the_text_joins_its_organisation(spacy_model):
    text = (
        "The Central Intelligence Agency (CIA) said on Tuesday that the CIA had found "
        "nothing.\nOfficials at the CIA declined to comment."
    )
    _, _, entities = entities_of(text)
    agency = find(entities, "Central Intelligence Agency")
    assert agency.type == "ORG"
    assert agency.aliases == ("CIA",)
    assert agency.count == 4
    assert not any(e.name == "CIA" for e in entities)


def test_an_acronym_joins_the_one_name_with_its_initials(spacy_model):
    text = (
        "The United Nations met in Geneva on Monday, and the United States sent an envoy.\n"
        "A U.N. spokesman said the US would vote, and UN staff agreed."
    )
    _, _, entities = entities_of(text)
    nations = find(entities, "United Nations")
    assert nations.type == "ORG" and set(nations.aliases) >= {"U.N.", "UN"}
    states = find(entities, "United States")
    assert states.type == "GPE" and "US" in states.aliases
    assert not any(e.name in ("U.N.", "UN", "US") for e in entities)


def test_an_acronym_with_two_possible_names_stays_apart(spacy_model):
    text = (
        "The Peace Union met the Progress Unit in Lagos.\n"
        "Later the PU said it would meet both again."
    )
    _, _, entities = entities_of(text)
    assert find(entities, "PU").type == "ORG"  # it stays a name of its own
    assert not any("PU" in e.aliases for e in entities)


def test_mention_spans_are_the_document_text(spacy_model):
    text = (
        "“Angela Merkel’s” visit to Paris — and Macron’s reply — surprised the "
        "European Union's envoys, Reuters reported on 3 May 2024.\n\n"
        "In Washington, the White House said President Joe Biden would call "
        "Mr. Macron and the U.S. Treasury (USTR) soon.\n"
        "Biden, Macron and Merkel will meet in the city of Geneva."
    )
    document, _, entities = entities_of(text)
    assert entities
    assert_spans_match(document, entities)


def test_no_mention_crosses_a_line_break_even_inside_a_block(spacy_model):
    # Loaders never put a newline inside a block; this one does, on purpose.
    text = "Talks between Angela\nMerkel and Emmanuel\nMacron ended in Berlin."
    document = Document("t.txt", text, "", (Block(0, len(text)),), "text")
    parsed = nlp.parse(document)
    entities = extract_entities(document, parsed)
    assert entities
    assert_spans_match(document, entities)


def test_offsets_are_code_points_after_an_emoji(spacy_model):
    text = "🎉🎉 Angela Merkel visited Paris.\n👍 Merkel liked Paris."
    document, _, entities = entities_of(text)
    merkel = find(entities, "Angela Merkel")
    assert merkel.mentions[0].start == 3
    assert [m.start for m in merkel.mentions] == [3, text.index("Merkel liked")]
    assert [m.start for m in find(entities, "Paris").mentions] == [
        text.index("Paris."),
        text.index("Paris.", 30),
    ]
    assert_spans_match(document, entities)


def test_sorted_by_mention_count_then_name(spacy_model):
    text = (
        "Oslo and Bergen signed a deal with Zurich. Oslo and Zurich then invited Lyon.\n"
        "Oslo hosted the talks."
    )
    _, _, entities = entities_of(text)
    assert entities[0].name == "Oslo" and entities[0].count == 3
    keys = [(-e.count, e.name.casefold()) for e in entities]
    assert keys == sorted(keys)


def test_groups():
    assert list(ENTITY_GROUPS) == [
        "People",
        "Organisations",
        "Places",
        "Nationalities and groups",
        "Dates",
        "Other",
    ]
    assert group_of("PERSON") == "People"
    assert group_of("ORG") == "Organisations"
    assert [group_of(label) for label in ("GPE", "LOC", "FAC")] == ["Places"] * 3
    assert group_of("NORP") == "Nationalities and groups"
    assert group_of("DATE") == group_of("TIME") == "Dates"
    assert group_of("MONEY") == group_of("EVENT") == group_of("UNKNOWN") == "Other"


def test_every_type_keeps_spacy_names_and_has_a_group(spacy_model):
    text = "Apple paid $3 billion to 40 Italian engineers in Milan on 5 June 2023."
    _, parsed, entities = entities_of(text)
    spacy_types = {e.label_ for p in parsed for e in p.doc.ents}
    assert {e.type for e in entities} <= spacy_types | {"PERSON", "GPE"}
    assert {"MONEY", "DATE"} <= {e.type for e in entities}
    assert all(group_of(e.type) in ENTITY_GROUPS for e in entities)


def test_empty_document(spacy_model):
    document = Document("empty.txt", "", "", (), "text")
    assert extract_entities(document, nlp.parse(document)) == ()
    assert extract_entities(document, []) == ()


def test_loaded_file(spacy_model, write_file):
    path = write_file(
        "talks.txt",
        "Ceasefire talks\n\nNajib Mikati met Amos Hochstein in Beirut on Friday.\n\n"
        "Mikati said the talks were useful, and Hochstein flew to Cairo.\n",
    )
    document = load_document(path)
    entities = extract_entities(document, nlp.parse(document))
    assert_spans_match(document, entities)
    assert find(entities, "Najib Mikati").count == 2
    assert find(entities, "Amos Hochstein").count == 2


def test_long_text_is_linear(spacy_model):
    """A book-sized document (about 150,000 words) made of many parsed blocks."""
    paragraph = (
        "Angela Merkel met Emmanuel Macron in Berlin. Merkel said the European Union "
        "would help Ukraine, and Macron agreed with Olaf Scholz in Paris on Monday."
    )
    doc = spacy_model(paragraph)
    copies = 6000
    text = "\n".join([paragraph] * copies)
    blocks = tuple(
        Block(i * (len(paragraph) + 1), i * (len(paragraph) + 1) + len(paragraph))
        for i in range(copies)
    )
    document = Document("book.txt", text, "", blocks, "text")
    parsed = [ParsedBlock(i, b.start, doc) for i, b in enumerate(blocks)]
    started = time.perf_counter()
    entities = extract_entities(document, parsed)
    elapsed = time.perf_counter() - started
    assert find(entities, "Angela Merkel").count == 2 * copies
    assert elapsed < 20, f"{elapsed:.1f} s"


@pytest.mark.parametrize("junk", ["“”", "--", "..."])
def test_junk_only_text_gives_nothing(spacy_model, junk):
    _, _, entities = entities_of(junk)
    assert entities == ()
