"""Why the sidebar lists an entity as it does: its kind, its other spellings, its
first mention in context, how the article portrays it and why its names were merged.

One ``Explanation``, two renderings: rich text for the row's tooltip and the
details pane, plain text for screen readers (the row's accessible description).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import reader
from reader import Entity, Mention, Portrayal

# Words for spaCy's labels (grouping comes from reader.entities).
LABEL_WORDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country, city or state",
    "LOC": "location",
    "FAC": "building or facility",
    "NORP": "nationality, religious or political group",
    "DATE": "date",
    "TIME": "time",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work of art",
    "LAW": "law",
    "LANGUAGE": "language",
    "MONEY": "amount of money",
    "PERCENT": "percentage",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
    "CARDINAL": "number",
    "MISC": "miscellaneous",
}

#: How far the first mention's context reaches before and after it, in characters.
CONTEXT_BEFORE, CONTEXT_AFTER = 80, 140
ELLIPSIS = "…"

# A sentence ends at . ! or ? (and any closing quotes or brackets) before a space,
# unless the word before is an initial or a short capitalised abbreviation
# ("J.", "U.S.", "Mr.", "Gen."): those rarely end a sentence in news.
_END = re.compile(r"(?P<word>[\w.]*)[.!?][\"'”’)\]]*(?=\s|$)")


def _ends_sentence(match: re.Match[str]) -> bool:
    word = match.group("word")
    if not word:
        return True
    if "." in word or len(word) == 1:
        return False  # "U.S.", "J."
    return not (word[0].isupper() and len(word) <= 4)


@dataclass(frozen=True)
class Context:
    """A mention in a short piece of its sentence: ``before`` + ``name`` + ``after``."""

    before: str
    name: str
    after: str

    @property
    def text(self) -> str:
        return f"{self.before}{self.name}{self.after}"


@dataclass(frozen=True)
class Explanation:
    name: str
    kind: str  # "Person (PERSON)"
    mentions: int
    aliases: tuple[str, ...]
    first: Context | None  # None when the article's text is not at hand
    portrayal: str | None  # "2 positive · 5 neutral · 1 negative", when judged
    merges: tuple[str, ...]  # why each alias was merged (Entity.merge_reasons)


def kind_of(label: str) -> str:
    """ "Person (PERSON)": words for a spaCy label, and the label."""
    words = LABEL_WORDS.get(label, label.lower().replace("_", " "))
    return f"{words[:1].upper()}{words[1:]} ({label})"


def mention_context(
    text: str,
    mention: Mention,
    reach_before: int = CONTEXT_BEFORE,
    reach_after: int = CONTEXT_AFTER,
) -> Context | None:
    """The mention inside a short piece of its sentence, whitespace collapsed.

    None when ``text`` does not hold the mention (no text, or the text of another
    version of the article).
    """
    start, end = mention.start, mention.end
    if not 0 <= start < end <= len(text) or text[start:end] != mention.text:
        return None
    # Never beyond the paragraph (blocks are separated by newlines).
    block_start = text.rfind("\n", 0, start) + 1
    block_end = text.find("\n", end)
    block_end = len(text) if block_end < 0 else block_end

    left = max(block_start, start - reach_before)
    before = text[left:start]
    sentence_starts = [m.end() for m in _END.finditer(before) if _ends_sentence(m)]
    if sentence_starts:
        before = before[sentence_starts[-1] :].lstrip()
    elif left > block_start:  # cut inside the sentence: at a word, marked
        space = before.find(" ")
        before = ELLIPSIS + (before[space + 1 :] if 0 <= space < len(before) - 1 else before)

    right = min(block_end, end + reach_after)
    after = text[end:right]
    sentence_end = next((m.end() for m in _END.finditer(after) if _ends_sentence(m)), None)
    if sentence_end is not None:
        after = after[:sentence_end]
    elif right < block_end:
        space = after.rfind(" ")
        after = (after[:space] if space > 0 else after).rstrip(",;: ") + ELLIPSIS
    return Context(_squash(before), _squash(mention.text), _squash(after))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def explain(entity: Entity, portrayal: Portrayal | None = None, text: str = "") -> Explanation:
    first = mention_context(text, entity.mentions[0]) if entity.mentions and text else None
    return Explanation(
        name=entity.name,
        kind=kind_of(entity.type),
        mentions=entity.count,
        aliases=entity.aliases,
        first=first,
        portrayal=reader.portrayal_phrase(portrayal) if portrayal is not None else None,
        merges=entity.merge_reasons,
    )


def _mentions(count: int) -> str:
    return "1 mention" if count == 1 else f"{count} mentions"


def _fields(ex: Explanation) -> list[tuple[str, list[str]]]:
    """(label, lines) pairs in the order both renderings show them, as plain text."""
    fields: list[tuple[str, list[str]]] = []
    if ex.aliases:
        fields.append(("Also written as", [", ".join(ex.aliases)]))
    if ex.first is not None:
        fields.append(("First mention", [f"“{ex.first.text}”"]))
    if ex.portrayal is not None:
        fields.append(("Portrayed", [ex.portrayal]))
    if ex.merges:
        fields.append(("Merged because", list(ex.merges)))
    return fields


def explanation_text(ex: Explanation, *, title: bool = True) -> str:
    """Plain text, one fact a line (for screen readers and copying)."""
    lines = [ex.name] if title else []
    lines.append(f"{ex.kind} · {_mentions(ex.mentions)}")
    for label, values in _fields(ex):
        if len(values) == 1:
            lines.append(f"{label}: {values[0]}")
        else:
            lines.append(f"{label}:")
            lines += [f"  • {value}" for value in values]
    return "\n".join(lines)


def _merge_html(reason: str) -> str:
    # "Netanyahu: surname of Benjamin Netanyahu, ..." -> the alias in bold.
    alias, colon, why = reason.partition(": ")
    if colon and alias and len(alias) <= 60:
        return f"<b>{escape(alias)}</b>: {escape(why)}"
    return escape(reason)


def explanation_html(
    ex: Explanation, *, title: bool = True, muted: str = "", width: int = 0
) -> str:
    """Rich text: a heading, a line of facts, then a small table of labelled details.

    ``muted`` is a CSS colour for the labels (the palette's placeholder text colour,
    say); empty keeps the text colour. ``width`` (pixels) fixes the table's width: a
    tooltip would otherwise wrap it narrow; 0 lets it fill what it is shown in.
    """
    label_style = "white-space:nowrap; padding-right:8px" + (f"; color:{muted}" if muted else "")
    parts = []
    if title:
        parts.append(f"<p style='margin:0'><b>{escape(ex.name)}</b></p>")
    parts.append(f"<p style='margin:0'>{escape(ex.kind)} · {_mentions(ex.mentions)}</p>")
    rows = []
    for label, values in _fields(ex):
        if label == "First mention" and ex.first is not None:
            first = ex.first
            cell = f"{escape(first.before)}<b>{escape(first.name)}</b>{escape(first.after)}"
        elif label == "Merged because":
            cell = "<br>".join(_merge_html(v) for v in values)
        else:
            cell = escape(values[0])
            if label == "Portrayed":
                cell = f"<span style='white-space:nowrap'>{cell}</span>"
        rows.append(f"<tr><td style='{label_style}'>{label}</td><td>{cell}</td></tr>")
    if rows:
        parts.append(
            f"<table cellspacing='0' cellpadding='1' style='margin-top:4px'"
            f"{f' width={width}' if width else ''}>" + "".join(rows) + "</table>"
        )
    return "<qt>" + "".join(parts) + "</qt>"
