"""Speakers that punctuation names, with no verb: “We will win” ― Jane Doe, and
Clinton: “We will win”, or "The senator went on: “...”".

Lists of quotations, captions and live coverage write the speaker after a
dash or before a colon. Both are read from the parsed block the quote ends
(or starts) in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .quotes import Quote
from .spans import SUBJECT_DEPS, Context
from .syntax import cue_span, subject_span

if TYPE_CHECKING:
    from spacy.tokens import Token

_DASHES = "―—–"
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj"})
_MAX_NAME_WORDS = 5
_MAX_AFTER_NAME = 20  # words of a description after the name (", a senator from Ohio")


def speaker_after_dash(ctx: Context, quote: Quote) -> tuple[int, int] | None:
    """The name after a dash that follows the quote: “...” ― Jane Doe, senator."""
    text = ctx.text
    index = ctx.block_at(quote.end - 1)
    pb = ctx.parsed[index]
    block_end = ctx.block_end(index)
    pos = quote.end
    while pos < block_end and text[pos] in " \t,":
        pos += 1
    if text.startswith("--", pos):
        pos += 2
    elif pos < block_end and text[pos] in _DASHES:
        pos += 1
    else:
        return None
    after = pb.doc.char_span(pos - pb.offset, block_end - pb.offset, alignment_mode="expand")
    words = [t for t in after or () if not t.is_space]
    name: list[Token] = []
    for token in words:
        if token.is_punct:
            break
        name.append(token)
    if not 1 <= len(name) <= _MAX_NAME_WORDS or len(words) - len(name) > _MAX_AFTER_NAME:
        return None
    if not name[0].text[:1].isupper() or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    if sum(t.pos_ == "PROPN" for t in name) * 2 < len(name):
        return None
    return ctx.off(name[0]), ctx.end(name[-1])


Spans = tuple[tuple[int, int], int, tuple[int, int]]  # speaker, its head's offset, cue


def speaker_before_colon(ctx: Context, quote: Quote) -> Spans | None:
    """Who the sentence that ends in a colon right before the quote is about.

    "Clinton: “...”" names the speaker alone; "The senator went on: “...”" has
    it as the subject of its main verb, whatever the verb. Returns the
    speaker's span, its head's offset and the cue (the colon, or the verb).
    """
    pos = quote.start - 1
    while pos >= 0 and ctx.text[pos].isspace():
        pos -= 1
    if pos < 0 or ctx.text[pos] != ":":
        return None
    index = ctx.sent_at(pos)
    if index is None:
        return None
    sent = ctx.sents[index][3]
    words = [t for t in sent if not t.is_punct and not t.is_space and ctx.off(t) < pos]
    if not words:
        return None
    if len(words) <= 4 and all(t.pos_ == "PROPN" for t in words):
        speaker = (ctx.off(words[0]), ctx.end(words[-1]))
        return speaker, ctx.off(words[-1]), (pos, pos + 1)
    # the main verb of the words before the colon: one not subordinate to another of them
    verbs = [
        t
        for t in words
        if t.pos_ in ("VERB", "AUX")
        and t.dep_ != "aux"
        and (ctx.off(t.head) >= pos or t.head.i == t.i or t.dep_ not in _SUBORDINATE)
    ]
    for verb in reversed(verbs):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
        if subject is None:
            continue
        if subject.lower_ in ("it", "this", "that", "there", "what"):
            return None
        return subject_span(ctx, verb, subject), ctx.off(subject), cue_span(ctx, verb)
    return None
