"""How entity types are grouped for a person: People, Organisations, Places, ...

The sidebar, the report and the command line show spaCy's labels under these
groups; this table is the one place that says which label goes where.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

ENTITY_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "People": ("PERSON",),
        "Organisations": ("ORG",),
        "Places": ("GPE", "LOC", "FAC"),
        "Nationalities and groups": ("NORP",),
        "Dates": ("DATE", "TIME"),
        "Other": (),  # every other label (EVENT, LAW, MONEY, CARDINAL, ...)
    }
)
_GROUP_OF = {label: group for group, labels in ENTITY_GROUPS.items() for label in labels}


def group_of(label: str) -> str:
    """The ``ENTITY_GROUPS`` name a spaCy label is shown under."""
    return _GROUP_OF.get(label, "Other")
