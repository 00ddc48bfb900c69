"""PLACEHOLDER (being replaced): spaCy entities, unmerged."""
from __future__ import annotations

from collections import defaultdict

from .models import Document, Entity, Mention


def extract_entities(document: Document, parsed) -> tuple[Entity, ...]:
    groups = defaultdict(list)
    for block in parsed:
        for ent in block.doc.ents:
            start = block.offset + ent.start_char
            groups[(ent.text, ent.label_)].append(Mention(start, start + len(ent.text), ent.text))
    ents = [Entity(name, label, tuple(m)) for (name, label), m in groups.items()]
    return tuple(sorted(ents, key=lambda e: -e.count))
