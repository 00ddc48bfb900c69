"""Finding entities by what a person types: a whole name, an alias, or part of one."""

from __future__ import annotations

from reader import filter_entities, matching_entities
from reader.models import Entity, Mention

MIKATI = Entity("Najib Mikati", "PERSON", (Mention(0, 12, "Najib Mikati"),), ("Mikati",))
UN = Entity("United Nations", "ORG", (Mention(20, 34, "United Nations"),), ("U.N.",))
ISRAEL = Entity("Israel", "GPE", (Mention(40, 46, "Israel"),))
EVERYONE = (MIKATI, UN, ISRAEL)


def test_a_name_or_alias_finds_its_entity():
    assert matching_entities(EVERYONE, "mikati") == (MIKATI,)
    assert matching_entities(EVERYONE, " u.n. ") == (UN,)
    assert matching_entities(EVERYONE, "Nations") == (UN,)  # a whole word of the name
    assert matching_entities(EVERYONE, "Mik") == ()


def test_the_filter_keeps_what_is_being_typed():
    assert filter_entities(EVERYONE, "Mik") == (MIKATI,)
    assert filter_entities(EVERYONE, "u.") == (UN,)  # through the alias only
    assert filter_entities(EVERYONE, "  ") == EVERYONE
    assert filter_entities(EVERYONE, "zz") == ()
