"""Named entities: spaCy's mentions, cleaned, typed once per name, and merged.

The steps, each linear in the number of mentions (dictionaries, no pairwise
comparison of mentions):

1. collect: every spaCy entity of every block becomes a mention, trimmed of
   quotes and edge punctuation, a leading "the", a possessive "'s", a trailing
   score ("Smith 69") and (for people) titles such as "Mr" or "Prime
   Minister"; lists run together are split and junk is dropped;
2. vote: every matching key (a normalised surface form) gets the label most
   of its mentions carry, so one name has one type across the document;
   where the words around a name call it a place ("the city of X"), it is a
   place; a bare surname of exactly one full name is that person;
3. merge: a person's shorter forms ("Mikati", "Najib") join the one full name
   that contains them; an organisation's acronym joins its spelled-out name
   when the text defines it ("Central Intelligence Agency (CIA)"), and any
   acronym joins the one name of its type with its initials ("US" and
   "United States");
4. fill in: other whole-word occurrences of a recognised name (or of a
   known person's surname) that spaCy did not tag become mentions too;
5. build: one ``Entity`` per group, named by its fullest form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Document, Entity, Mention
from ..nlp import ParsedBlock

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Labels whose names are worth looking for again where spaCy missed them.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
# On a tie of votes, the label that comes first here wins (then the earliest mention).
_LABEL_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT")


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_APOSTROPHES = "'’‘`´"
_ABBREVIATIONS = _wordset(
    "inc corp co ltd jr sr bros st mt dr plc cos llc ft gen sen rep gov col capt lt sgt"
)
# Words that may precede a person's name as a title or a role, lower case.
_TITLE_WORDS = _wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam
    president vice prime minister premier chancellor secretary general
    senator sen rep representative congressman congresswoman governor gov mayor
    ambassador envoy adviser advisor spokesman spokeswoman spokesperson speaker
    chairman chairwoman chair chief executive director commissioner
    judge justice attorney sheriff officer
    gen col capt lt sgt cpl maj cmdr adm colonel captain lieutenant sergeant
    corporal commander admiral marshal
    rev reverend father brother sister rabbi imam cardinal bishop archbishop
    deputy acting interim caretaker former ex foreign defence defense finance
    top senior veteran incoming outgoing embattled
    interior justice health home state economy economic trade
    coach manager striker goalkeeper midfielder defender captain
    """
)
_KEEP_AT_EDGE = frozenset("%‰&#@§")
# Labels whose spans never end in a number: "H. Morris 69" in a score table is
# "H. Morris" (organisations keep theirs: "Channel 4", "S&P 500").
_NUMBERLESS = frozenset(("PERSON", "GPE", "LOC", "NORP"))
_TRAILING_NUMBER = re.compile(r"\s+\d[\d\-–/.,:]*$")
_COMMA_SPLIT = frozenset(("PERSON", "ORG", "NORP"))
_LIST_COMMA = re.compile(r"\s*,\s*(?=[A-Z])")
_LIST_JOINER = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&)\s*")
_PLACE_NOUNS = (
    "city|cities|town|towns|village|villages|province|provinces|region|county|district"
    "|districts|state|capital|suburb|suburbs|outskirts|residents|inhabitants|governorate"
    "|municipality|port|island|islands"
)
_PLACE_BEFORE = re.compile(rf"\b(?:{_PLACE_NOUNS}) of\s+$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:city|town|village|province|region|county|district|governorate)\b")
_TITLE_WORD = re.compile(r"(\S+)\s+")
_WORD = re.compile(r"[A-Za-z]+")
_THE = re.compile(r"the\s+", re.IGNORECASE)
_INNER_POSSESSIVE = re.compile(r"['’][sS]\s")
_LEADING_POSSESSIVE = re.compile(r"['’‘`´][sS]\s")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,11})\s*\)")
_ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "on", "in", "&", "de", "du", "des", "la"})
_ACRONYM_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})


@dataclass(slots=True)
class _Raw:
    """A mention while it is being processed."""

    start: int
    end: int
    text: str
    label: str
    key: str  # normalised form used for matching
    tokens: tuple[str, ...]  # the surface's spaCy tokens, for finding it again
    heading: bool = False  # in a heading, where Title Case fools the tagger
    place_cue: bool = False  # "the city of X": a place whatever the tagger says


def extract_entities(document: Document, parsed: list[ParsedBlock]) -> tuple[Entity, ...]:
    """The document's entities, most mentioned first, then by name."""
    headings = {i for i, block in enumerate(document.blocks) if block.kind == "heading"}
    raws = list(_collect(parsed, headings))
    if not raws:
        return ()
    label_of = _vote(raws)
    _surnames_are_people(label_of)
    for raw in raws:
        raw.label = label_of[raw.key]
    root_of = {key: key for key in label_of}
    _merge_people(label_of, root_of, {raw.key for raw in raws if not raw.heading})
    search = _search_terms(raws, label_of, root_of)
    _merge_acronyms(document.text, raws, label_of, root_of, search)
    _merge_initials(raws, label_of, root_of)
    raws.extend(_fill_in(document.text, parsed, search, label_of))
    return _build(raws, label_of, root_of)


# --- 1. collect ---------------------------------------------------------------


def _collect(parsed: Iterable[ParsedBlock], headings: set[int]) -> Iterable[_Raw]:
    for block in parsed:
        doc = block.doc
        text = doc.text  # spaCy rebuilds this string on every access
        raws = []
        for ent in doc.ents:
            for start, end in _pieces(ent.text, ent.start_char, ent.label_):
                raw = _make_raw(doc, text, block.offset, start, end, ent.label_)
                if raw is not None:
                    raw.heading = block.block_index in headings
                    raws.append(raw)
        _apply_place_cues(text, block.offset, raws)
        yield from raws


def _pieces(text: str, start: int, label: str) -> Iterable[tuple[int, int]]:
    """The parts of an entity's text between line breaks and, for some labels, commas.

    spaCy sometimes runs a list together ("Baalbek, Ain Bourday" as one ORG);
    places keep their commas ("Paris, Texas"), and so do "Smith, Jr." and "Acme, Inc.".
    """
    cuts = [m.span() for m in _BREAKS.finditer(text)]
    if label in _COMMA_SPLIT:
        cuts.extend(m.span() for m in _LIST_COMMA.finditer(text) if not _is_suffix(text, m.end()))
        cuts.sort()
    pos = 0
    for cut_start, cut_end in cuts:
        yield start + pos, start + cut_start
        pos = cut_end
    yield start + pos, start + len(text)


def _is_suffix(text: str, pos: int) -> bool:
    word = _WORD.match(text, pos)
    return word is not None and word.group().lower() in _ABBREVIATIONS


def _apply_place_cues(text: str, offset: int, raws: list[_Raw]) -> None:
    """Call a name a place where the words around it say so.

    "the city of X", "residents of X", "X province"; the cue carries along a
    list ("residents of X, Y and Z"). Only people and organisations are
    relabelled (a group's adjective is not a place: "the Kurdish region"), and
    places stay what spaCy said (GPE, LOC or FAC). A cue settles the name's
    type for the whole document.
    """
    cued = False
    previous_end = None
    for raw in raws:
        start, end = raw.start - offset, raw.end - offset
        listed = (
            cued
            and previous_end is not None
            and _LIST_JOINER.fullmatch(text, previous_end, start) is not None
        )
        cued = (
            listed
            or _PLACE_BEFORE.search(text, max(0, start - 40), start) is not None
            or _PLACE_AFTER.match(text, end) is not None
        )
        if cued and raw.label in ("PERSON", "ORG"):
            raw.label = "GPE"
            raw.place_cue = True
        previous_end = end


def _make_raw(
    doc: Doc, block_text: str, offset: int, start: int, end: int, label: str
) -> _Raw | None:
    start, end = _trim(block_text, start, end, label)
    if end <= start:
        return None
    text = block_text[start:end]
    if not any(ch.isalnum() for ch in text):
        return None
    span = doc.char_span(start, end, alignment_mode="contract")
    tokens = tuple(t.text for t in span) if span is not None else tuple(text.split())
    if _is_junk_name(text, label, span):
        return None
    return _Raw(offset + start, offset + end, text, label, _key(text), tokens)


def _is_junk_name(text: str, label: str, span: Span | None) -> bool:
    """A name in lower case ("thou"), one made only of titles ("Caretaker"), or a
    person with no proper noun in it ("’s Arabic-language")."""
    if label not in _NAME_LABELS:
        return False
    if not any(ch.isupper() for ch in text):
        return True
    if all(word.rstrip(".").lower() in _TITLE_WORDS for word in text.split()):
        return True
    return label == "PERSON" and span is not None and all(t.pos_ != "PROPN" for t in span)


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Shrink ``text[start:end]`` to the name itself (see the module docstring)."""
    while True:
        before = (start, end)
        if _LEADING_POSSESSIVE.match(text, start, end):
            start += 2  # "’s Arabic..." (spaCy glued the possessive to the next name)
        while start < end and _is_edge_junk(text[start]):
            start += 1
        while start < end and _is_edge_junk(text[end - 1]):
            if text[end - 1] == "." and _keeps_final_dot(text[start:end]):
                break
            end -= 1
        span = text[start:end]
        if len(span) > 2 and span[-1] in "sS" and span[-2] in _APOSTROPHES:
            end -= 2  # possessive 's
        elif len(span) > 2 and span[-1] in _APOSTROPHES and span[-2] in "sS":
            end -= 1  # plural possessive s'
        match = _THE.match(text, start, end)
        if match and match.end() < end:
            start = match.end()
        if label == "PERSON":
            start = _skip_titles(text, start, end)
            inner = _INNER_POSSESSIVE.search(text, start, end)
            if inner is not None:
                end = inner.start()  # "Hobbes’s Leviathan" is Hobbes
        if label in _NUMBERLESS:
            number = _TRAILING_NUMBER.search(text, start, end)
            if number is not None and number.start() > start:
                end = number.start()
        if (start, end) == before:
            return start, end


def _is_edge_junk(ch: str) -> bool:
    """Spaces, quotes, brackets, dashes and sentence punctuation; not "%", "&", "$"..."""
    if ch.isspace():
        return True
    return unicodedata.category(ch)[0] == "P" and ch not in _KEEP_AT_EDGE


def _keeps_final_dot(span: str) -> bool:
    """Whether the final "." belongs to the name ("U.S.", "Acme Inc.")."""
    word = span.rsplit(None, 1)[-1][:-1]
    return "." in word or word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _skip_titles(text: str, start: int, end: int) -> int:
    """Move ``start`` past leading title words, keeping at least one word."""
    pos = start
    while True:
        match = _TITLE_WORD.match(text, pos, end)
        if match is None:
            return pos
        word = match.group(1).rstrip(".,").lower()
        if word not in _TITLE_WORDS:
            return pos
        pos = match.end()


def _key(text: str) -> str:
    """The form names are matched by: case, dots, apostrophes and spacing ignored."""
    text = text.casefold().replace(".", "")
    for ch in _APOSTROPHES:
        text = text.replace(ch, "'")
    return " ".join(text.split())


# --- 2. vote --------------------------------------------------------------------


def _vote(raws: list[_Raw]) -> dict[str, str]:
    """Each key's label: the majority of its mentions, unless the text calls it a place.

    A tie goes to the more name-like label (``_LABEL_PRIORITY``), then to the
    label of the earlier mention.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[tuple[str, str], int] = {}
    for i, raw in enumerate(raws):
        votes[raw.key][raw.label] += 1
        first.setdefault((raw.key, raw.label), i)
    label_of = {
        key: min(counter, key=lambda lab: (-counter[lab], _priority(lab), first[key, lab]))
        for key, counter in votes.items()
    }
    for raw in raws:
        if raw.place_cue:
            label_of[raw.key] = "GPE"  # the text says so: stronger than the tagger's guesses
    return label_of


def _surnames_are_people(label_of: dict[str, str]) -> None:
    """A single word that is the surname of exactly one full name is that person.

    spaCy often tags a bare surname as an organisation or a place ("Mikati"
    as ORG) while it gets the full name right. On the CoNLL dev set this
    holds far more often than it misfires ("Washington" the city beside
    "Denzel Washington"), even when spaCy never called the word a person.
    """
    first_names: dict[str, set[str]] = defaultdict(set)  # surname -> first words
    for key, label in label_of.items():
        words = key.split()
        if label == "PERSON" and len(words) > 1:
            first_names[words[-1]].add(words[0])
    for key, label in label_of.items():
        if label != "PERSON" and label in _NAME_LABELS and len(first_names.get(key, ())) == 1:
            label_of[key] = "PERSON"


def _priority(label: str) -> int:
    try:
        return _LABEL_PRIORITY.index(label)
    except ValueError:
        return len(_LABEL_PRIORITY)


# --- 3. merge -------------------------------------------------------------------


def _merge_people(label_of: dict[str, str], root_of: dict[str, str], in_body: set[str]) -> None:
    """Join each shorter form of a person's name to the one fuller name containing it.

    A form joins a fuller one when its words appear, in order, among the fuller
    name's words and it shares the first or the last word ("Mikati" and "Najib"
    join "Najib Mikati"; "William Burns" joins "William J. Burns"). A form that
    fits several different people ("Smith" with "John Smith" and "Jane Smith")
    stays on its own. A fuller name seen only in headings ("Jonah Historically
    Regarded") takes nobody in.
    """
    people = sorted(
        (key for key, label in label_of.items() if label == "PERSON"),
        key=lambda k: (-len(k.split()), -len(k), k),
    )
    by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in people:
        words = tuple(key.split())
        candidates = {
            fuller
            for word in _end_words(words)
            for fuller in by_word.get(word, ())
            if len(fuller) > len(words) and _is_subsequence(words, fuller)
        }
        roots = {_find(root_of, " ".join(fuller)) for fuller in candidates}
        if len(roots) == 1:
            root_of[key] = roots.pop()
        if len(words) > 1 and key in in_body:
            for word in _end_words(words):
                by_word[word].append(words)


def _end_words(words: tuple[str, ...]) -> set[str]:
    """The first and last word, and the parts of a hyphenated last name ("el-sisi")."""
    ends = {words[0], words[-1]}
    ends.update(part for part in words[-1].split("-") if len(part) > 2)
    return ends


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if len(short) == 1 and "-" not in long[-1]:
        return short[0] in (long[0], long[-1])
    words = iter(w for word in long for w in (word, *word.split("-")))
    return all(any(w == s for w in words) for s in short)


def _find(root_of: dict[str, str], key: str) -> str:
    while root_of[key] != key:
        key = root_of[key]
    return key


def _merge_acronyms(
    text: str,
    raws: list[_Raw],
    label_of: dict[str, str],
    root_of: dict[str, str],
    search: dict[str, list[tuple[tuple[str, ...], str]]],
) -> None:
    """Join "CIA" to "Central Intelligence Agency" when the text says "... Agency (CIA)"."""
    for raw in raws:
        if raw.label != "ORG" or " " not in raw.text:
            continue
        match = _ACRONYM_AFTER.match(text, raw.end)
        if match is None:
            continue
        acronym = match.group(1)
        letters = acronym.replace(".", "")
        if not letters.isupper() or letters != _initials(raw.text):
            continue
        key = _key(acronym)
        if label_of.get(key, "ORG") != "ORG":
            continue
        root = _find(root_of, raw.key)
        if key == root:
            continue
        label_of[key] = "ORG"
        root_of[key] = root
        terms = search.setdefault(acronym, [])
        if not any(t == (acronym,) for t, _ in terms):
            terms.append(((acronym,), key))


def _merge_initials(raws: list[_Raw], label_of: dict[str, str], root_of: dict[str, str]) -> None:
    """Join an acronym ("US", "U.N.") to the one name of its type that it abbreviates
    ("United States", "United Nations"), even where the text never defines it."""
    spelled: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, label in label_of.items():
        if label in _ACRONYM_LABELS and " " in key:
            spelled[_initials(key), label].add(_find(root_of, key))
    written: dict[str, set[bool]] = defaultdict(set)  # key -> is each surface an acronym?
    for raw in raws:
        written[raw.key].add(_is_acronym(raw.text))
    for key, forms in written.items():
        if forms != {True}:
            continue
        roots = spelled.get((key.upper(), label_of[key]), set())
        root = _find(root_of, key)
        if len(roots) == 1 and root not in roots:
            root_of[root] = next(iter(roots))


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper()


# --- 4. fill in -----------------------------------------------------------------


def _search_terms(
    raws: list[_Raw], label_of: dict[str, str], root_of: dict[str, str]
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Names to look for again: first token -> [(tokens, key)], longest first."""
    terms: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    for raw in raws:
        if raw.label in _NAME_LABELS and raw.tokens and _searchable(raw.tokens):
            terms[raw.tokens[0]].setdefault(raw.tokens, raw.key)
    _add_surnames(raws, label_of, root_of, terms)
    return {
        first: sorted(found.items(), key=lambda item: -len(item[0]))
        for first, found in terms.items()
    }


def _add_surnames(
    raws: list[_Raw],
    label_of: dict[str, str],
    root_of: dict[str, str],
    terms: dict[str, dict[tuple[str, ...], str]],
) -> None:
    """The surname alone of a person known by full name, when no one else has it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for raw in raws:
        if raw.label == "PERSON" and len(raw.tokens) > 1 and _searchable(raw.tokens[-1:]):
            owners[raw.tokens[-1]].add(_find(root_of, raw.key))
    for surname, roots in owners.items():
        key = _key(surname)
        if len(roots) != 1 or label_of.get(key, "PERSON") != "PERSON":
            continue
        root = roots.pop()
        if key not in label_of:
            label_of[key] = "PERSON"
            root_of[key] = root
        elif _find(root_of, key) != root:
            continue
        terms[surname].setdefault((surname,), key)


def _searchable(tokens: tuple[str, ...]) -> bool:
    """Only capitalised names of some length: "May" or "US" alone are too risky."""
    if not tokens[0][:1].isupper():
        return False
    return len(tokens) > 1 or len(tokens[0]) > 2


def _fill_in(
    text: str,
    parsed: list[ParsedBlock],
    search: dict[str, list[tuple[tuple[str, ...], str]]],
    label_of: dict[str, str],
) -> list[_Raw]:
    """Mentions of already recognised names that spaCy left untagged.

    One pass over the tokens with a dictionary lookup per token. Only tokens
    outside every spaCy entity are taken, and a one-word name only where
    spaCy sees a proper noun (so "Hope" the name does not catch "hope").
    """
    if not search:
        return []
    added: list[_Raw] = []
    for block in parsed:
        doc = block.doc
        n = len(doc)
        i = 0
        while i < n:
            token = doc[i]
            found = None
            if token.ent_iob_ == "O":
                for tokens, key in search.get(token.text, ()):
                    j = i + len(tokens)
                    if j <= n and all(
                        doc[k].text == tokens[k - i] and doc[k].ent_iob_ == "O"
                        for k in range(i + 1, j)
                    ):
                        if len(tokens) == 1 and token.pos_ != "PROPN":
                            continue
                        found = (j, key)
                        break
            if found is None:
                i += 1
                continue
            j, key = found
            start = block.offset + token.idx
            end = block.offset + doc[j - 1].idx + len(doc[j - 1])
            added.append(_Raw(start, end, text[start:end], label_of[key], key, ()))
            i = j
    return added


# --- 5. build -------------------------------------------------------------------


def _build(
    raws: list[_Raw], label_of: dict[str, str], root_of: dict[str, str]
) -> tuple[Entity, ...]:
    groups: dict[str, list[_Raw]] = defaultdict(list)
    for raw in raws:
        groups[_find(root_of, raw.key)].append(raw)
    entities = []
    for root, members in groups.items():
        members.sort(key=lambda r: (r.start, r.end))
        mentions = _dedupe(members)
        surfaces = Counter(m.text for m in mentions)
        order: dict[str, int] = {}
        for m in mentions:
            order.setdefault(m.text, m.start)
        name = _display_name([m.text for m in members if m.key == root] or list(surfaces))
        aliases = sorted((s for s in surfaces if s != name), key=lambda s: (-surfaces[s], order[s]))
        entities.append(Entity(name, label_of[root], mentions, tuple(aliases)))
    entities.sort(key=lambda e: (-e.count, e.name.casefold(), e.name))
    return tuple(entities)


def _dedupe(members: list[_Raw]) -> tuple[Mention, ...]:
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
