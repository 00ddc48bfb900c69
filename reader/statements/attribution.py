"""Who says what: speaker, cue and content of every statement in a document.

Statements come from these sources, merged in article order:

* reported speech from spaCy's dependency parse: a speech verb with a subject
  and a clausal complement ("X said (that) ...", "X told Y that ...", "..., X
  said"), directives ("X urged Y to ..."), evaluative verbs ("X blasted Y for
  ...") and "according to X, ...";
* direct quotes from the quotation marks (:mod:`reader.quotes`), attributed to
  a speech verb in the same sentence, a speaker on a line of its own after the
  quote, an introducing sentence ending in a colon, a short "X said." right
  after, or else the speaker of the statement just before (or the person the
  paragraphs before are about);
* paragraphs led by a name and a colon ("WALLACE: Governor, ...");
* a quote inside reported content makes it a mixed statement; a reported
  content that lies mostly in quotation marks becomes a direct one; the two
  halves of “A,” she said, “B.” make one statement.

Speakers are linked to entities by their mention spans; pronouns ("He said",
"It added") resolve to the most recent compatible main-clause subject or
speaker. Everything is linear in the length of the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Document, Entity, TextRef
from ..nlp import ParsedBlock, is_analysed
from ..nlp.cues import (
    COMMISSIVE_VERBS,
    CUE_VERBS,
    DIRECTIVE_VERBS,
    EVALUATIVE_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
)
from .quotes import Quote, QuoteIndex, find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PRONOUN_TYPES: dict[str, frozenset[str]] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "it": frozenset({"ORG", "GPE", "NORP"}),
    "they": frozenset({"ORG", "GPE", "NORP", "PERSON"}),
}
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_DROP_FROM_SPEAKER = frozenset({"relcl", "acl", "advcl", "parataxis", "punct", "cc", "prep"})
_EDGE_PUNCT = " \t\n,;:—–-"
MIN_QUOTE_WORDS = 4  # shorter quotes are scare quotes unless a verb reports them
MIN_CONTENT_TOKENS = 3
_WINDOW_BLOCKS = 4  # how far back a pronoun or a bare quote looks for its speaker


@dataclass(frozen=True)
class Attribution:
    """One statement before stance: where its parts are and who the speaker is."""

    content: TextRef
    speaker: TextRef | None  # None: no speaker in the text (the article itself)
    cue: TextRef | None
    direct: bool  # the content stands (mostly) in quotation marks
    entity: str | None = None  # Entity.name the speaker resolves to


@dataclass
class _Raw:
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    speaker_head: int | None  # document offset of the speaker's head token
    cue: tuple[int, int] | None
    direct: bool
    inherit: bool = False  # a bare quote: same speaker as the statement before
    bare: bool = False  # made from a quotation alone (no reported clause around it)
    fixed: bool = False  # its content is exact: a quotation around it does not widen it


def extract_attributions(
    document: Document, parsed: list[ParsedBlock], entities: Iterable[Entity] = ()
) -> list[Attribution]:
    """Every attribution in ``document``, in article order."""
    ctx = _Context(document, parsed)
    quotes = find_quotes(document.text, [b for b in document.blocks if is_analysed(b)])
    quotes += _blockquotes(document, quotes)
    quotes.sort(key=lambda q: q.start)
    qindex = QuoteIndex(quotes)
    raws = list(_reported(ctx, qindex))
    raws += _labelled_lines(ctx)
    raws = _merge_quotes(ctx, raws, quotes)
    raws.sort(key=lambda r: (r.content[0], r.content[1]))
    raws = _join_split_quotes(ctx, raws)
    return _drop_restated(_Resolver(ctx, entities).resolve(raws))


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


# --------------------------------------------------------------------------- parse access


class _Context:
    """The document, its parsed blocks and position lookups over them."""

    def __init__(self, document: Document, parsed: list[ParsedBlock]) -> None:
        self.document = document
        self.text = document.text
        self.parsed = parsed
        self._offset = {id(pb.doc): pb.offset for pb in parsed}
        self._block_starts = [pb.offset for pb in parsed]
        sents: list[tuple[int, int, int, SpacySpan]] = []  # start, end, parsed index, span
        for index, pb in enumerate(parsed):
            for sent in pb.doc.sents:
                sents.append((pb.offset + sent.start_char, pb.offset + sent.end_char, index, sent))
        self.sents = sents
        self._sent_starts = [s[0] for s in sents]

    def off(self, token: Token) -> int:
        return self._offset[id(token.doc)] + token.idx

    def end(self, token: Token) -> int:
        return self.off(token) + len(token.text)

    def block_at(self, pos: int) -> int:
        """Index into ``parsed`` of the block holding ``pos`` (or the one before it)."""
        return max(bisect_right(self._block_starts, pos) - 1, 0)

    def sent_at(self, pos: int) -> int | None:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sents[i][0] <= pos < self.sents[i][1]:
            return i
        return None

    def tokens_in(self, start: int, end: int) -> Iterator[Token]:
        """Tokens that start inside ``[start, end)``."""
        first = self.block_at(start)
        for pb in self.parsed[first:]:
            if pb.offset >= end:
                break
            doc = pb.doc
            for token in doc:
                pos = pb.offset + token.idx
                if pos >= end:
                    break
                if pos >= start:
                    yield token

    def trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT:
            end -= 1
        return start, end

    def ref(self, span: tuple[int, int]) -> TextRef:
        return TextRef(span[0], span[1], self.text[span[0] : span[1]])


def _blockquotes(document: Document, quotes: list[Quote]) -> list[Quote]:
    """Blocks the loader marked as quotations and that carry no marks of their own."""
    index = QuoteIndex(quotes)
    return [
        Quote(b.start, b.end, True)
        for b in document.blocks
        if b.kind == "quote" and b.end > b.start and not index.overlapping(b.start, b.end)
    ]


# --------------------------------------------------------------------------- reported speech


def _reported(ctx: _Context, qindex: QuoteIndex) -> Iterator[_Raw]:
    for pb in ctx.parsed:
        for token in pb.doc:
            lower = token.lower_
            if lower == "according":
                raw = _according(ctx, token)
            elif token.pos_ == "VERB" and token.lemma_.lower() in CUE_VERBS:
                raw = _speech(ctx, token)
            else:
                continue
            if raw is None or qindex.containing(pb.offset + token.idx) is not None:
                continue  # a verb inside a quotation belongs to the quoted words
            yield raw


# Words that end in a colon at a paragraph start without being anybody's name.
_NOT_SPEAKERS = frozenset(
    str.split(
        "read also update updated note correction editor photo photos video watch related "
        "source sources credit q a breaking exclusive opinion analysis live "
        "see more listen warning"
    )
)


def _labelled_lines(ctx: _Context) -> Iterator[_Raw]:
    """Paragraphs led by a name and a colon: transcripts, "Pence: Trump Was Right"."""
    for pb in ctx.parsed:
        doc = pb.doc
        colon = next((t for t in doc[:8] if t.text == ":"), None)
        if colon is None:
            continue
        name = [t for t in doc[: colon.i] if not t.is_punct]
        if not 1 <= len(name) <= 4 or any(t.lower_ in _NOT_SPEAKERS for t in name):
            continue
        if not all(t.pos_ == "PROPN" or (t.is_upper and t.is_alpha) for t in name):
            continue
        if sum(1 for t in doc[colon.i + 1 :] if not t.is_punct) < MIN_CONTENT_TOKENS:
            continue
        content = ctx.trim(pb.offset + colon.idx + 1, pb.offset + len(doc.text))
        speaker = (ctx.off(name[0]), ctx.end(name[-1]))
        cue = (ctx.off(colon), ctx.end(colon))
        yield _Raw(content, speaker, ctx.off(name[-1]), cue, False, fixed=True)


def _speech(ctx: _Context, verb: Token) -> _Raw | None:
    lemma = verb.lemma_.lower()
    content = _clausal_content(ctx, verb, lemma)
    if content is None:
        return None
    subject = _subject(verb)
    cue = _cue_span(ctx, verb)
    if subject is None:
        return _Raw(content, None, None, cue, False)
    return _Raw(content, _subject_span(ctx, verb, subject), ctx.off(subject), cue, False)


def _clausal_content(ctx: _Context, verb: Token, lemma: str) -> tuple[int, int] | None:
    children = list(verb.children)
    comps = [c for c in children if c.dep_ == "ccomp" and _n_words(c) >= MIN_CONTENT_TOKENS]
    if comps and lemma in SPEECH_VERBS:
        comp = comps[0]
        left = comp.left_edge
        marks = [c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that"]
        if marks and marks[0].i > left.i:
            # "said after he met them that X": the clause before "that" is when it was said
            left = marks[0]
        if left.lower_ == "that" and left.dep_ not in ("det", "nsubj", "nsubjpass"):
            left = left.doc[left.i + 1]  # "said that ...": the content starts after "that"
        return _span(ctx, left, _before_next_report(ctx, comp, left, comps[-1].right_edge))
    # What a verb reports comes after it: an object before it is a relative or
    # question word ("the visit, which X praised") and leaves nothing to report.
    objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    if lemma in DIRECTIVE_VERBS:
        xcomps = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
        if lemma == "call":
            preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
            if preps and any(p.dep_ == "pobj" for p in preps[0].children):
                pobj = next(p for p in preps[0].children if p.dep_ == "pobj")
                return _span(ctx, pobj.left_edge, _own_right_edge(verb))
            if objects and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in children):
                return _span(ctx, objects[0].left_edge, _own_right_edge(verb))  # "called X a liar"
            return None
        if objects and xcomps:
            return _span(ctx, objects[0].left_edge, xcomps[-1].right_edge)
        return None
    if lemma in COMMISSIVE_VERBS:
        xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
        if xcomps and _n_words(xcomps[0]) >= MIN_CONTENT_TOKENS:
            return _span(ctx, xcomps[0].left_edge, xcomps[0].right_edge)
    if lemma == "describe" and objects and any(c.lower_ == "as" for c in children):
        return _span(ctx, objects[0].left_edge, _own_right_edge(verb))
    if lemma in EVALUATIVE_VERBS and objects:
        end = max(
            (c.right_edge for c in children if c.i > verb.i and c.dep_ != "punct"),
            key=lambda t: t.i,
        )
        return _span(ctx, objects[0].left_edge, end)
    if lemma in SPEECH_VERBS and verb.dep_ in ("parataxis", "advcl", "ccomp"):
        return _parenthetical_content(ctx, verb)
    return None


_MAX_PARENTHETICAL = 8  # tokens of "Mr. Clarke said" inside the clause it reports


def _parenthetical_content(ctx: _Context, verb: Token) -> tuple[int, int] | None:
    """The clause around a short "he said" that hangs off it ("Too often, he said, ...")."""
    if verb.right_edge.i - verb.left_edge.i + 1 > _MAX_PARENTHETICAL or _subject(verb) is None:
        return None
    if verb.tag_ == "VBG" or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return None
    head = verb.head
    first, last = head.left_edge, head.right_edge
    if last.is_punct and last.i > verb.right_edge.i:
        last = last.doc[last.i - 1]
    doc = verb.doc
    if verb.right_edge.i >= last.i:  # "The talks failed, he said."
        last = doc[verb.left_edge.i - 1] if verb.left_edge.i > first.i else first
    elif verb.left_edge.i <= first.i:  # "He said, the talks failed" (a missed ccomp)
        first = doc[verb.right_edge.i + 1]
    n_words = sum(1 for t in doc[first.i : last.i + 1] if not t.is_punct) - (
        verb.right_edge.i - verb.left_edge.i + 1 if first.i < verb.left_edge.i < last.i else 0
    )
    if n_words < MIN_CONTENT_TOKENS:
        return None
    return _span(ctx, first, last)


def _before_next_report(ctx: _Context, comp: Token, first: Token, last: Token) -> Token:
    """``last``, or the end of the words before a second report inside the clause.

    "said he would order a review and warned that haste costs", "said it failed,
    arguing that ...": the parse may hang the second cue verb (with no subject
    of its own) on the first one's clause, but what it reports is a statement
    of its own. (Only when it has content of its own: "and warned against
    haste" stays where it is.)
    """
    doc = comp.doc
    for token in comp.rights:
        if not (
            token.dep_ in ("conj", "advcl")
            and token.pos_ == "VERB"
            and token.lemma_.lower() in REPORTING_VERBS
            and not any(c.dep_ in _SUBJECTS for c in token.children)  # the same speaker's
            and token.i <= last.i
            and _clausal_content(ctx, token, token.lemma_.lower()) is not None
        ):
            continue
        end = token.left_edge.i - 1
        while end > first.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
        words = sum(1 for t in doc[first.i : end + 1] if not t.is_punct)
        return doc[end] if words >= MIN_CONTENT_TOKENS else last
    return last


def _own_right_edge(verb: Token) -> Token:
    """The last token of ``verb``'s phrase, leaving out verbs coordinated with it
    ("called it outrageous and called for ...": the second call is another statement)."""
    last = verb
    for child in verb.rights:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            break
        if child.dep_ != "cc":
            last = child.right_edge
    return last


def _n_words(token: Token) -> int:
    return sum(1 for t in token.subtree if not t.is_punct)


def _span(ctx: _Context, first: Token, last: Token) -> tuple[int, int] | None:
    start, end = ctx.trim(ctx.off(first), ctx.end(last))
    return (start, end) if end > start else None


def _subject(verb: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]  # the one nearest the verb
        if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head  # "officials, who said ..."
        if child.dep_ == "nsubjpass" and child.lower_ == "it":
            return None  # "it was reported that ...": nobody in particular
        if child.lower_ in ("there", "this", "that", "what") and child.dep_ == "nsubj":
            return None
        return child
    if depth >= 3 or verb.head.i == verb.i:
        return None
    if verb.dep_ in ("conj", "xcomp"):  # "... said X and added Y", "refused to admit"
        head = verb.head
        if (
            verb.dep_ == "conj"
            and verb.lemma_.lower() in REPORTING_VERBS
            and head.dep_ == "ccomp"
            and head.head.lemma_.lower() in CUE_VERBS
        ):
            head = head.head  # "said the ferry would run and warned ...": hung on "run"
        return _subject(head, depth + 1)
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "dep", "conj"):
        # "..., saying ...": the subject of the reporting verb it hangs off, else of its head
        for ancestor in verb.ancestors:
            if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in CUE_VERBS:
                found = _subject(ancestor, depth + 1)
                if found is not None:
                    return found
        return _subject(verb.head, depth + 1)
    return None


def _subject_span(ctx: _Context, verb: Token, subject: Token) -> tuple[int, int]:
    """The subject's noun phrase; two subjects before the verb are one apposition."""
    start, end = _np_span(ctx, subject)
    others = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < subject.i]
    if others and subject.head.i == verb.i:
        start = min(start, ctx.off(others[0].left_edge))
    return start, end


def _np_span(ctx: _Context, head: Token) -> tuple[int, int]:
    """The noun phrase headed by ``head``, without relative clauses and the like."""
    last = head
    for child in head.rights:
        if child.dep_ in _DROP_FROM_SPEAKER:
            if child.dep_ == "prep" and child.lower_ == "of":  # "head of the agency"
                last = child.right_edge
                continue
            if child.dep_ in ("punct", "cc"):
                continue
            break
        last = child.right_edge
    first = head.left_edge
    start, end = ctx.trim(ctx.off(first), ctx.end(last))
    if end <= start:
        return ctx.off(head), ctx.end(head)
    return start, end


def _cue_span(ctx: _Context, verb: Token) -> tuple[int, int]:
    last = verb
    for child in verb.rights:
        joins = child.dep_ == "prt" or (
            child.dep_ == "prep" and verb.lemma_.lower() == "call" and child.lower_ in ("for", "on")
        )
        if joins and child.i == last.i + 1:
            last = child
    return ctx.off(verb), ctx.end(last)


def _according(ctx: _Context, token: Token) -> _Raw | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        to = token.doc[token.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = token.sent
    phrase_first = token.i
    phrase_last = max(pobj.right_edge.i, to.i)
    before = phrase_first - sent.start
    after = sent.end - 1 - phrase_last
    if max(before, after) < MIN_CONTENT_TOKENS:
        return None
    if after >= before:
        content = _span(ctx, token.doc[phrase_last + 1], sent[-1])
    else:
        content = _span(ctx, sent[0], token.doc[phrase_first - 1])
    if content is None:
        return None
    content = _strip_final_stop(ctx, content)
    return _Raw(content, _np_span(ctx, pobj), ctx.off(pobj), (ctx.off(token), ctx.end(to)), False)


def _strip_final_stop(ctx: _Context, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    if end - start > 1 and ctx.text[end - 1] == ".":
        end -= 1
    return start, end


# --------------------------------------------------------------------------- quotes


def _merge_quotes(ctx: _Context, raws: list[_Raw], quotes: list[Quote]) -> list[_Raw]:
    """Fold quotes into the reported statements they belong to; attribute the others."""
    raws.sort(key=lambda r: r.content[0])
    starts = [r.content[0] for r in raws]
    leftover: list[Quote] = []
    for quote in quotes:
        absorbed = False
        i = max(bisect_left(starts, quote.start) - 8, 0)
        while i < len(raws) and raws[i].content[0] < quote.end:
            raw = raws[i]
            lo, hi = max(raw.content[0], quote.start), min(raw.content[1], quote.end)
            if hi > lo:
                overlap = hi - lo
                if raw.fixed:
                    raw.direct = raw.direct or overlap >= 0.5 * (raw.content[1] - raw.content[0])
                    absorbed = True
                elif overlap >= 0.5 * (raw.content[1] - raw.content[0]):
                    raw.content = (min(raw.content[0], quote.start), max(raw.content[1], quote.end))
                    raw.direct = True
                    absorbed = True
                elif overlap >= 0.5 * (quote.end - quote.start):
                    absorbed = True  # a mixed statement: the quote is part of reported content
            i += 1
        if not absorbed and quote.words(ctx.text) >= MIN_QUOTE_WORDS:
            leftover.append(quote)
    qindex = QuoteIndex(quotes)
    raws.extend(_attribute_quote(ctx, quote, qindex) for quote in leftover)
    return raws


_MAX_SPLIT_GAP = 150  # characters between the halves of “A,” she said, “B.”


def _join_split_quotes(ctx: _Context, raws: list[_Raw]) -> list[_Raw]:
    """One statement for “A,” she said, “B.” and for “A,” she said. “B.” in one paragraph."""
    joined: list[_Raw] = []
    for raw in raws:
        last = joined[-1] if joined else None
        if (
            last is not None
            and 0 <= raw.content[0] - last.content[1] <= _MAX_SPLIT_GAP
            and ctx.block_at(raw.content[0]) == ctx.block_at(last.content[1] - 1)
            and raw.bare
            and last.direct
            and (raw.inherit or (raw.cue is not None and raw.cue == last.cue))
            and last.cue is not None
            and last.content[1] <= last.cue[0] < raw.content[0]
        ):
            last.content = (last.content[0], raw.content[1])
            continue
        joined.append(raw)
    return joined


def _attribute_quote(ctx: _Context, quote: Quote, qindex: QuoteIndex) -> _Raw:
    raw = _attribute_quote_parts(ctx, quote, qindex)
    raw.bare = True
    return raw


def _attribute_quote_parts(ctx: _Context, quote: Quote, qindex: QuoteIndex) -> _Raw:
    content = (quote.start, quote.end)
    found = _verb_around(ctx, quote, qindex)
    if found is not None:
        verb, subject = found
        speaker = None if subject is None else _subject_span(ctx, verb, subject)
        head = None if subject is None else ctx.off(subject)
        return _Raw(content, speaker, head, _cue_span(ctx, verb), True)
    line = _speaker_line(ctx, quote)
    if line is not None:
        return _Raw(content, line, None, None, True)
    found = _verb_before_colon(ctx, quote, qindex) or _verb_right_after(ctx, quote, qindex)
    if found is not None:
        verb, subject = found
        return _Raw(
            content, _subject_span(ctx, verb, subject), ctx.off(subject), _cue_span(ctx, verb), True
        )
    return _Raw(content, None, None, None, True, inherit=True)


def _cue_verbs(ctx: _Context, tokens: Iterable[Token], qindex: QuoteIndex) -> Iterator[Token]:
    for token in tokens:
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in CUE_VERBS
            and qindex.containing(ctx.off(token)) is None
        ):
            yield token


def _verb_around(
    ctx: _Context, quote: Quote, qindex: QuoteIndex
) -> tuple[Token, Token | None] | None:
    """The speech verb nearest the quote in the sentences it starts and ends in."""
    best: tuple[int, Token] | None = None
    first = ctx.sent_at(quote.start)
    last = ctx.sent_at(max(quote.end - 1, quote.start))
    for index in {first, last} - {None}:
        assert index is not None
        sent = ctx.sents[index][3]
        for verb in _cue_verbs(ctx, sent, qindex):
            pos = ctx.off(verb)
            distance = quote.start - pos if pos < quote.start else pos - quote.end
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, verb)
    if best is None:
        # "“...,” he said." split off as a sentence of its own
        after = ctx.sent_at(quote.end) if quote.end < len(ctx.text) else None
        if after is None:
            after = ctx.sent_at(quote.end + 1) if quote.end + 1 < len(ctx.text) else None
        if after is not None and ctx.sents[after][0] - quote.end <= 2 and after != last:
            verbs = [v for v in _cue_verbs(ctx, ctx.sents[after][3], qindex) if _subject(v)]
            if verbs and len(ctx.sents[after][3]) <= 12:
                best = (0, verbs[0])
    if best is None:
        return None
    verb = best[1]
    return verb, _subject(verb)


def _speaker_line(ctx: _Context, quote: Quote) -> tuple[int, int] | None:
    """A short line naming the speaker right after a quote that ends its paragraph."""
    block = ctx.block_at(quote.start)
    end_block = ctx.block_at(quote.end - 1)
    pb = ctx.parsed[end_block]
    if ctx.text[quote.end : pb.offset + len(pb.doc.text)].strip():
        return None
    if end_block + 1 >= len(ctx.parsed) or block > end_block:
        return None
    nxt = ctx.parsed[end_block + 1]
    words = [t for t in nxt.doc if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    line = nxt.doc.text.rstrip()
    if line.endswith((".", ":", "!", "?")) and not line.endswith(("Jr.", "Sr.")):
        return None  # a sentence or a heading, not a name
    named = any(e.label_ in ("PERSON", "ORG") for e in nxt.doc.ents)
    if not named and sum(t.pos_ == "PROPN" for t in words) * 2 < len(words):
        return None
    start, end = ctx.trim(nxt.offset, nxt.offset + len(nxt.doc.text))
    return (start, end) if end > start else None


def _verb_before_colon(
    ctx: _Context, quote: Quote, qindex: QuoteIndex
) -> tuple[Token, Token] | None:
    """The "X said:" that introduces the quote, in the sentence just before it."""
    pos = quote.start - 1
    while pos >= 0 and ctx.text[pos].isspace():
        pos -= 1
    if pos < 0 or ctx.text[pos] != ":":
        return None
    index = ctx.sent_at(pos)
    if index is None:
        return None
    verbs = [v for v in _cue_verbs(ctx, ctx.sents[index][3], qindex) if _subject(v) is not None]
    if not verbs:
        return None
    subject = _subject(verbs[-1])
    assert subject is not None
    return verbs[-1], subject


def _verb_right_after(
    ctx: _Context, quote: Quote, qindex: QuoteIndex
) -> tuple[Token, Token] | None:
    """A short sentence right after the quote ("He said in a statement.") with no content."""
    pos = quote.end
    while pos < len(ctx.text) and ctx.text[pos].isspace():
        pos += 1
    index = ctx.sent_at(pos) if pos < len(ctx.text) else None
    if index is None or pos - quote.end > 2:
        return None
    sent = ctx.sents[index][3]
    if len(sent) > 10:
        return None
    for verb in _cue_verbs(ctx, sent, qindex):
        subject = _subject(verb)
        if subject is not None and not any(c.dep_ == "ccomp" for c in verb.children):
            return verb, subject
    return None


# --------------------------------------------------------------------------- speakers


@dataclass(frozen=True, slots=True)
class _Cand:
    pos: int
    end: int
    entity: str | None
    type: str | None  # None: an unnamed speaker ("a U.S. official")


class _Resolver:
    """Links speakers to entities and pronouns to what they stand for."""

    def __init__(self, ctx: _Context, entities: Iterable[Entity]) -> None:
        self.ctx = ctx
        mentions: list[tuple[int, int, str, str]] = []
        for entity in entities:
            if entity.type in SPEAKER_TYPES:
                mentions.extend((m.start, m.end, entity.name, entity.type) for m in entity.mentions)
        mentions.sort()
        self.mentions = mentions
        self._mention_starts = [m[0] for m in mentions]
        self.subjects = [
            _Cand(m[0], m[1], m[2], m[3]) for m in mentions if self._is_main_subject(m[0], m[1])
        ]
        self._subject_starts = [c.pos for c in self.subjects]

    def _token_at(self, pos: int) -> Token | None:
        pb = self.ctx.parsed[self.ctx.block_at(pos)]
        span = pb.doc.char_span(pos - pb.offset, pos - pb.offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _is_main_subject(self, start: int, end: int) -> bool:
        pb = self.ctx.parsed[self.ctx.block_at(start)]
        span = pb.doc.char_span(start - pb.offset, end - pb.offset, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span.root
        for _ in range(4):
            if (token.dep_ in ("appos", "flat", "compound") and token.head.pos_ == "PROPN") or (
                token.dep_ == "appos"
            ):
                token = token.head
            else:
                break
        if token.dep_ not in _SUBJECTS:
            return False
        verb = token.head
        return verb.dep_ in ("ROOT", "conj") or verb.head.i == verb.i

    def link(self, start: int, end: int, head: int | None) -> tuple[str | None, str | None]:
        """The entity whose mention lies in the speaker span, preferring the head's."""
        i = max(bisect_left(self._mention_starts, start) - 1, 0)
        inside = []
        while i < len(self.mentions) and self.mentions[i][0] < end:
            m = self.mentions[i]
            if m[1] > start and m[0] >= start - 1:
                inside.append(m)
            i += 1
        if not inside:
            return None, None
        if head is not None:
            for m in inside:
                if m[0] <= head < m[1]:
                    return m[2], m[3]
        # "Netanyahu’s office", "the UN agency" speak for a named person or body;
        # "a U.S. official" or "Israeli officials" are not their country
        named = [m for m in inside if m[3] == "PERSON"] or [m for m in inside if m[3] == "ORG"]
        if not named:
            return None, None
        return named[0][2], named[0][3]

    def resolve(self, raws: list[_Raw]) -> list[Attribution]:
        ctx = self.ctx
        out: list[Attribution] = []
        spoken: list[_Cand] = []  # speakers met so far, in order
        previous: tuple[Attribution, int] | None = None  # last statement, its block
        for raw in raws:
            entity: str | None = None
            speaker = None if raw.speaker is None else ctx.ref(raw.speaker)
            if raw.inherit:
                speaker, entity = self._quote_speaker(raw, previous)
            elif speaker is not None:
                word = speaker.text.lower()
                if word in _PRONOUN_TYPES:
                    cand = self._antecedent(speaker.start, _PRONOUN_TYPES[word], spoken)
                    if cand is not None:
                        entity = cand.entity
                        spoken.append(_Cand(speaker.start, speaker.end, entity, cand.type))
                else:
                    entity, etype = self.link(speaker.start, speaker.end, raw.speaker_head)
                    if word not in ("i", "we", "you"):
                        spoken.append(_Cand(speaker.start, speaker.end, entity, etype))
            attribution = Attribution(
                ctx.ref(raw.content),
                speaker,
                None if raw.cue is None else ctx.ref(raw.cue),
                raw.direct,
                entity,
            )
            out.append(attribution)
            previous = (attribution, ctx.block_at(raw.content[1] - 1))
        return out

    def _quote_speaker(
        self, raw: _Raw, previous: tuple[Attribution, int] | None
    ) -> tuple[TextRef | None, str | None]:
        """A quote with no verb near it: the speaker just before, else the person in focus."""
        block = self.ctx.block_at(raw.content[0])
        if previous is not None:
            before, before_block = previous
            if block - before_block <= 2 and before.speaker is not None:
                return before.speaker, before.entity
        floor = self.ctx.parsed[max(block - 2, 0)].offset
        i = bisect_left(self._subject_starts, raw.content[0]) - 1
        while i >= 0 and self.subjects[i].pos >= floor:
            cand = self.subjects[i]
            if cand.type in ("PERSON", "ORG") and self.ctx.block_at(cand.pos) < block:
                return self.ctx.ref((cand.pos, cand.end)), cand.entity
            i -= 1
        return None, None

    def _antecedent(self, pos: int, types: frozenset[str], spoken: list[_Cand]) -> _Cand | None:
        """The most recent compatible main-clause subject or speaker before ``pos``."""
        floor = self.ctx.parsed[max(self.ctx.block_at(pos) - _WINDOW_BLOCKS, 0)].offset
        best: _Cand | None = None
        i = bisect_left(self._subject_starts, pos) - 1
        while i >= 0 and self.subjects[i].pos >= floor:
            if self.subjects[i].type in types:
                best = self.subjects[i]
                break
            i -= 1
        for cand in reversed(spoken):
            if cand.pos >= pos or cand.pos < floor:
                if cand.pos < floor:
                    break
                continue
            if (cand.type is None and cand.entity is None) or cand.type in types:
                if best is None or cand.pos > best.pos:
                    best = cand
                break
        return best
