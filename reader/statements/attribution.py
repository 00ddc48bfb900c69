"""Who says what: speaker, cue and content of every statement in a document.

Statements come from these sources, merged in article order:

* reported speech from spaCy's dependency parse (``reported``): a speech verb
  with a subject and a clausal complement ("X said (that) ...", "X told Y that
  ...", "..., X said", "If ..., X argues, ..."), directives ("X urged Y to ..."),
  evaluative verbs ("X blasted Y for ..."), "according to X, ...", what a poll
  or a study found ("In the poll, ...") and what the writer presents as evident
  ("it is clear that ...");
* attitudes with no clause (``attitudes``): wants and plans ("X wants to ..."),
  stances on an object ("X cited the report", "X backed the bill"), topics
  ("X spoke about ..."), passive reports ("X is said to ...", "X was criticized
  by Y for ...") and what seems so ("X seems to ...");
* cue nouns and adjectives (``nominal``): "X's claim that ...", "his remarks
  that ...", "his attacks on ...", "she is confident that ...", "critical of X";
* direct quotes from the quotation marks (``quotes``), attributed to a speech
  verb in the same sentence, a name after a dash (“...” ― Jane Doe), a speaker
  on a line of its own after the quote, an introducing sentence ending in a
  colon ("Clinton: “...”", "The senator went on: “...”"), a short "X said."
  right after, or else the speaker of the statement just before (or the person
  the paragraphs before are about);
* paragraphs led by a name and a colon ("WALLACE: Governor, ...");
* a quote inside reported content makes it a mixed statement; a reported
  content that lies mostly in quotation marks becomes a direct one; the two
  halves of “A,” she said, “B.” make one statement.

A cue inside what someone is reported to say is part of it (``nesting``);
headlines, headings and bylines are never statements. Speakers are linked to
entities by their mention spans; pronouns ("He said", "It added") resolve to
the most recent compatible main-clause subject or speaker, roles ("the
minister", "the company") to whom they named before (``speakers``,
``references``). Everything is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Document, Entity
from ..nlp import ParsedBlock, is_analysed
from .nesting import drop_nested
from .quoted import join_split_quotes, merge_quotes
from .quotes import Quote, QuoteIndex, find_quotes
from .reported import labelled_lines, reported_speech
from .spans import Attribution, Context
from .speakers import SpeakerResolver

__all__ = ["Attribution", "extract_attributions"]


def extract_attributions(
    document: Document, parsed: list[ParsedBlock], entities: Iterable[Entity] = ()
) -> list[Attribution]:
    """Every attribution in ``document``, in article order."""
    ctx = Context(document, parsed)
    quotes = find_quotes(document.text, [b for b in document.blocks if is_analysed(b)])
    quotes += _blockquotes(document, quotes)
    quotes.sort(key=lambda q: q.start)
    qindex = QuoteIndex(quotes)
    raws = list(reported_speech(ctx, qindex))
    raws += labelled_lines(ctx)
    raws = merge_quotes(ctx, raws, quotes)
    raws.sort(key=lambda r: (r.content[0], r.content[1]))
    raws = drop_nested(join_split_quotes(ctx, raws))
    raws = [r for r in raws if not ctx.is_furniture(r.content[0])]
    return _drop_restated(_drop_unspoken_twins(SpeakerResolver(ctx, entities).resolve(raws)))


def _drop_unspoken_twins(attributions: list[Attribution]) -> list[Attribution]:
    """Drop a content given to nobody when a speaker says the same words: "Work is
    expected to start in spring, according to the council" is the council's."""
    spoken = {(a.content.start, a.content.end) for a in attributions if a.speaker is not None}
    return [
        a
        for a in attributions
        if a.speaker is not None or (a.content.start, a.content.end) not in spoken
    ]


def _drop_restated(attributions: list[Attribution]) -> list[Attribution]:
    """Drop "he believes X" inside "He said that he believes X": same speaker, nested content."""
    kept: list[Attribution] = []
    outer: list[Attribution] = []  # enclosing candidates, innermost last
    for item in attributions:
        while outer and outer[-1].content.end <= item.content.start:
            outer.pop()
        if any(
            o.content.start <= item.content.start
            and item.content.end <= o.content.end
            and _same_speaker(o, item)
            and not (o.direct and not item.direct)  # the aside in “A,” she said of X. “B.”
            for o in outer
        ):
            continue
        kept.append(item)
        outer.append(item)
    return kept


def _same_speaker(a: Attribution, b: Attribution) -> bool:
    if a.entity is not None or b.entity is not None:
        return a.entity == b.entity
    if a.speaker is None or b.speaker is None:
        return a.speaker is b.speaker
    return a.speaker.text.lower() == b.speaker.text.lower()


def _blockquotes(document: Document, quotes: list[Quote]) -> list[Quote]:
    """Blocks the loader marked as quotations and that carry no marks of their own."""
    index = QuoteIndex(quotes)
    return [
        Quote(b.start, b.end, True)
        for b in document.blocks
        if b.kind == "quote" and b.end > b.start and not index.overlapping(b.start, b.end)
    ]
