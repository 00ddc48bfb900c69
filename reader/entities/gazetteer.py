"""Country and subdivision names, from pycountry's ISO 3166 tables (installed with sumy; read
from the package, nothing fetched).

A country's name stays a place where a city's or a county's name reads as a
sports club: "England beat Pakistan" names two countries' teams, which news
convention keeps as places; "Leeds beat Chelsea" names two clubs.
"""

from __future__ import annotations

import re
from functools import cache

# Everyday names the ISO tables spell otherwise ("Russian Federation", "Viet Nam").
_EVERYDAY = (
    "Russia", "Britain", "Great Britain", "America", "Vietnam", "Syria", "Laos", "Iran",
    "Czech Republic", "Ivory Coast", "Macedonia", "Holland", "Burma", "Zaire",
    "Yugoslavia", "Soviet Union", "USSR", "Taiwan", "Palestine", "Congo",
    "South Korea", "North Korea", "Bosnia", "Herzegovina", "Moldova", "Tanzania",
    "US", "USA", "UK", "UAE",
)  # fmt: skip
# ISO 3166-2 subdivisions that are nations of their own in sport.
_NATIONS = frozenset({"Country", "Province"})
_BRACKETED = re.compile(r"\s*\[.*?\]")


@cache
def country_keys() -> frozenset[str]:
    """Lower-case country names: ISO names, common and official names, the part
    before a comma ("Korea, Republic of" is "korea"), and the home nations."""
    import pycountry

    names: set[str] = set(_EVERYDAY)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
                names.add(value.split(",")[0])
    for sub in pycountry.subdivisions.get(country_code="GB") or ():
        if sub.type in _NATIONS:
            names.add(_BRACKETED.sub("", sub.name))
    return frozenset(" ".join(name.casefold().replace(".", "").split()) for name in names)


@cache
def place_keys() -> frozenset[str]:
    """Lower-case names of countries and of their ISO 3166-2 subdivisions (states,
    provinces, counties: "texas", "kent", "moskva")."""
    import pycountry

    names = {_BRACKETED.sub("", sub.name).split(",")[0] for sub in pycountry.subdivisions}
    keys = {" ".join(name.casefold().replace(".", "").split()) for name in names}
    return frozenset(keys | country_keys())


def is_place(key: str) -> bool:
    """Whether ``key`` names a country or one of its subdivisions."""
    return key in place_keys()


def is_country(key: str) -> bool:
    """Whether ``key`` (a normalised name, see ``mentions.key``) names a country."""
    return key in country_keys()
