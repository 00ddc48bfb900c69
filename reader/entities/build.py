"""Groups of mentions as ``Entity`` objects: named, typed, explained."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..models import Entity, Mention
from .mentions import Raw, key
from .merging import Groups, Reason


def build(raws: list[Raw], label_of: dict[str, str], groups: Groups) -> tuple[Entity, ...]:
    """One ``Entity`` per group, named by its fullest form, most mentioned first."""
    members_of: dict[str, list[Raw]] = defaultdict(list)
    surface_of: dict[str, tuple[str, int]] = {}  # key -> (a written form, its first start)
    for raw in sorted(raws, key=lambda r: (r.start, r.end)):
        members_of[groups.find(raw.key)].append(raw)
        surface_of.setdefault(raw.key, (raw.text, raw.start))
    entities = []
    for root, members in members_of.items():
        members.sort(key=lambda r: (r.start, r.end))
        mentions = _dedupe(members)
        surfaces = Counter(m.text for m in mentions)
        order: dict[str, int] = {}
        for m in mentions:
            order.setdefault(m.text, m.start)
        name = _display_name([m.text for m in members if m.key == root] or list(surfaces))
        aliases = sorted((s for s in surfaces if s != name), key=lambda s: (-surfaces[s], order[s]))
        reasons = tuple(_reason(alias, name, members, groups, surface_of) for alias in aliases)
        entities.append(Entity(name, label_of[root], mentions, tuple(aliases), reasons))
    entities.sort(key=lambda e: (-e.count, e.name.casefold(), e.name))
    return tuple(entities)


_WORDING: dict[Reason, str] = {
    "surname": "surname of {full}",
    "first name": "first name of {full}",
    "shorter form": "shorter form of {full}",
    "acronym": "short form of {full}, introduced in brackets",
    "initials": "initials of {full}",
    "short form": "short form of {full}",
}
#: Reasons worded with where the fuller name stands ("mentioned before").
_PLACED = frozenset({"surname", "first name", "shorter form", "short form"})


def _reason(
    alias: str,
    name: str,
    members: list[Raw],
    groups: Groups,
    surface_of: dict[str, tuple[str, int]],
) -> str:
    """Why ``alias`` is a name of the entity called ``name``, as one sentence:
    "Netanyahu: surname of Benjamin Netanyahu, mentioned before"."""
    raw = next(r for r in members if r.text == alias)
    why = _joined_because(raw.key, groups)
    if why is None:
        if raw.key == key(name):
            how = "in capitals" if alias.isupper() else "written differently"
            return f"{alias}: the same name {how}"
        return f"{alias}: another form of {name}"
    reason, into = why
    full, full_start = surface_of.get(into, (name, raw.start))
    text = f"{alias}: " + _WORDING[reason].format(full=full)
    if reason in _PLACED:
        text += ", mentioned before" if full_start < raw.start else ", mentioned later"
    return text


def _joined_because(name: str, groups: Groups) -> tuple[Reason, str] | None:
    """The reason ``name`` joined its group, or that of the first key on its way
    to the group's root that has one."""
    seen = set()
    while name not in groups.reasons and groups.root_of.get(name, name) != name:
        if name in seen:
            return None
        seen.add(name)
        name = groups.root_of[name]
    return groups.reasons.get(name)


def _dedupe(members: list[Raw]) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    last_end = -1
    for raw in members:
        if raw.start < last_end:
            continue  # overlaps the previous mention (cannot normally happen)
        mentions.append(Mention(raw.start, raw.end, raw.text))
        last_end = raw.end
    return tuple(mentions)


def _display_name(surfaces: list[str]) -> str:
    """The most frequent written form, preferring one that is not all capitals."""
    counts = Counter(surfaces)
    first = {s: i for i, s in reversed(list(enumerate(surfaces)))}
    return min(
        counts,
        key=lambda s: (s.isupper() and len(s) > 4, -len(s.split()), -counts[s], first[s]),
    )
