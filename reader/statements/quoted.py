"""Quotations attributed to their speakers: a cue verb around them, a name on the line
after, an introducing "X said:", a short "X said." after them, or the statement before."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from ..nlp.cues import QUOTING_VERBS, cue_lemma
from .punctuated import speaker_after_dash, speaker_before_colon
from .quotes import Quote, QuoteIndex
from .spans import MIN_QUOTE_WORDS, Context, Raw
from .syntax import cue_span, subject_of, subject_span

if TYPE_CHECKING:
    from spacy.tokens import Token

# A short quotation that nothing attributes is a title or a scare quote more often than
# words someone said ("the “Make America Great Again” hats").
MIN_BARE_QUOTE_WORDS = 6


def merge_quotes(ctx: Context, raws: list[Raw], quotes: list[Quote]) -> list[Raw]:
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
        if not absorbed:
            leftover.append(quote)
    qindex = QuoteIndex(quotes)
    # a verb that reports a clause of its own ("Russia insisted that Pyongyang stop")
    # does not also introduce a quotation beside it
    claimed = {r.cue[0] for r in raws if r.cue is not None and not r.fixed}
    for quote in leftover:
        raw = _attribute_quote(ctx, quote, qindex, claimed)
        words = quote.words(ctx.text)
        # a short quote is kept only as the second half of “A,” she said, “B.”
        raw.tail_only = words < (MIN_BARE_QUOTE_WORDS if raw.inherit else MIN_QUOTE_WORDS)
        raws.append(raw)
    return raws


_MAX_SPLIT_GAP = 150  # characters between the halves of “A,” she said, “B.”


def join_split_quotes(ctx: Context, raws: list[Raw]) -> list[Raw]:
    """One statement for “A,” she said, “B.” and for “A,” she said. “B.” in one paragraph."""
    joined: list[Raw] = []
    for raw in raws:
        last = _quote_before(joined)
        if (
            last is not None
            and 0 <= raw.content[0] - last.content[1] <= _MAX_SPLIT_GAP
            and ctx.block_at(raw.content[0]) == ctx.block_at(last.content[1] - 1)
            and raw.bare
            and last.direct
            and (
                raw.inherit
                or (raw.cue is not None and raw.cue == last.cue)
                or (raw.speaker_head is not None and raw.speaker_head == last.speaker_head)
            )
            and last.cue is not None
            and last.content[1] <= last.cue[0] < raw.content[0]
        ):
            last.content = (last.content[0], raw.content[1])
            continue
        if not raw.tail_only:
            joined.append(raw)
    return joined


def _quote_before(joined: list[Raw]) -> Raw | None:
    """The statement a quotation may continue: the last one, or the quote before a short
    aside between them (“A,” said Caddell, speaking of X. “B.”)."""
    for back in reversed(joined[-3:]):
        if back.direct or back.kind != "attitude":
            return back
    return joined[-1] if joined else None


def _attribute_quote(
    ctx: Context, quote: Quote, qindex: QuoteIndex, claimed: AbstractSet[int] = frozenset()
) -> Raw:
    raw = _attribute_quote_parts(ctx, quote, qindex, claimed)
    raw.bare = True
    return raw


def _attribute_quote_parts(
    ctx: Context, quote: Quote, qindex: QuoteIndex, claimed: AbstractSet[int]
) -> Raw:
    content = (quote.start, quote.end)
    dashed = speaker_after_dash(ctx, quote)
    if dashed is not None:
        return Raw(content, dashed, None, None, True)
    found = _verb_around(ctx, quote, qindex, claimed)
    if found is not None:
        verb, subject = found
        speaker = None if subject is None else subject_span(ctx, verb, subject)
        head = None if subject is None else ctx.off(subject)
        return Raw(content, speaker, head, cue_span(ctx, verb), True)
    line = _speaker_line(ctx, quote)
    if line is not None:
        return Raw(content, line, None, None, True)
    found = _verb_before_colon(ctx, quote, qindex) or _verb_right_after(ctx, quote, qindex)
    if found is not None:
        verb, subject = found
        return Raw(
            content, subject_span(ctx, verb, subject), ctx.off(subject), cue_span(ctx, verb), True
        )
    named = speaker_before_colon(ctx, quote)
    if named is not None:
        return Raw(content, named[0], named[1], named[2], True)
    return Raw(content, None, None, None, True, inherit=True)


def _cue_verbs(ctx: Context, tokens: Iterable[Token], qindex: QuoteIndex) -> Iterator[Token]:
    for token in tokens:
        if (
            token.pos_ == "VERB"
            and cue_lemma(token) in QUOTING_VERBS
            and qindex.containing(ctx.off(token)) is None
        ):
            yield token


def _verb_around(
    ctx: Context, quote: Quote, qindex: QuoteIndex, claimed: AbstractSet[int]
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
            if pos in claimed:
                continue
            distance = quote.start - pos if pos < quote.start else pos - quote.end
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, verb)
    if best is None:
        # "“...,” he said." split off as a sentence of its own
        after = ctx.sent_at(quote.end) if quote.end < len(ctx.text) else None
        if after is None:
            after = ctx.sent_at(quote.end + 1) if quote.end + 1 < len(ctx.text) else None
        if after is not None and ctx.sents[after][0] - quote.end <= 2 and after != last:
            verbs = [
                v
                for v in _cue_verbs(ctx, ctx.sents[after][3], qindex)
                if subject_of(v) and ctx.off(v) not in claimed
            ]
            if verbs and len(ctx.sents[after][3]) <= 12:
                best = (0, verbs[0])
    if best is None:
        return None
    verb = best[1]
    return verb, subject_of(verb)


def _speaker_line(ctx: Context, quote: Quote) -> tuple[int, int] | None:
    """A short line naming the speaker right after a quote that ends its paragraph."""
    block = ctx.block_at(quote.start)
    end_block = ctx.block_at(quote.end - 1)
    if ctx.text[quote.end : ctx.block_end(end_block)].strip():
        return None
    if end_block + 1 >= len(ctx.parsed) or block > end_block:
        return None
    nxt = ctx.parsed[end_block + 1]
    if len(nxt.doc) > 12:
        return None
    words = [t for t in nxt.doc if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    line = ctx.text[nxt.offset : ctx.block_end(end_block + 1)].rstrip()
    if ctx.is_furniture(nxt.offset):
        return None  # a byline or a heading, not the speaker
    if line.endswith((".", ":", "!", "?")) and not line.endswith(("Jr.", "Sr.")):
        return None  # a sentence or a heading, not a name
    named = any(e.label_ in ("PERSON", "ORG") for e in nxt.doc.ents)
    if not named and sum(t.pos_ == "PROPN" for t in words) * 2 < len(words):
        return None
    start, end = ctx.trim(nxt.offset, ctx.block_end(end_block + 1))
    return (start, end) if end > start else None


def _verb_before_colon(
    ctx: Context, quote: Quote, qindex: QuoteIndex
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
    verbs = [v for v in _cue_verbs(ctx, ctx.sents[index][3], qindex) if subject_of(v) is not None]
    if not verbs:
        return None
    subject = subject_of(verbs[-1])
    assert subject is not None
    return verbs[-1], subject


def _verb_right_after(ctx: Context, quote: Quote, qindex: QuoteIndex) -> tuple[Token, Token] | None:
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
        subject = subject_of(verb)
        if subject is not None and not any(c.dep_ == "ccomp" for c in verb.children):
            return verb, subject
    return None
