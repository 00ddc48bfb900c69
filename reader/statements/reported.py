"""Reported speech found in the dependency parse: "X said (that) ...", "X urged Y to ...",
"X blasted Y for ...", "according to X, ..." and lines led by a name and a colon.

Every cue word of the parse passes through ``reported_speech``: a verb with a
clause to report is read here, one without is left to ``attitudes`` ("wants
to ...", "cited X"), and cue nouns and adjectives to ``nominal``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..nlp.cues import (
    ADJECTIVE_CUES,
    COMMISSIVE_VERBS,
    CUE_VERBS,
    DIRECTIVE_VERBS,
    EVALUATIVE_VERBS,
    NOUN_CUES,
    REPORTING_VERBS,
    SPEECH_VERBS,
    cue_lemma,
)
from .attitudes import attitude
from .nominal import adjective_statement, noun_statement
from .quotes import QuoteIndex
from .spans import MIN_CONTENT_TOKENS, SUBJECT_DEPS, Context, Raw
from .syntax import (
    cue_span,
    noun_phrase_span,
    own_right_edge,
    subject_of,
    subject_span,
    token_span,
    word_count,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


# Roles only a noun takes: a cue word tagged as a verb in one of them is the noun
# ("His remarks that ..." read as "he remarks").
_NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"})


def reported_speech(ctx: Context, qindex: QuoteIndex) -> Iterator[Raw]:
    for pb in ctx.parsed:
        for token in pb.doc:
            lower = token.lower_
            pos = token.pos_
            if lower == "according":
                raw = _according(ctx, token)
            elif pos in ("VERB", "NOUN"):
                lemma = cue_lemma(token)
                if pos == "VERB" and token.dep_ not in _NOUN_ROLES and lemma in CUE_VERBS:
                    raw = _speech(ctx, token)
                elif lemma in NOUN_CUES and (pos == "NOUN" or token.dep_ in _NOUN_ROLES):
                    raw = noun_statement(ctx, token)
                else:
                    continue
            elif pos == "ADJ" and lower in ADJECTIVE_CUES:
                raw = adjective_statement(ctx, token)
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


def labelled_lines(ctx: Context) -> Iterator[Raw]:
    """Paragraphs led by a name and a colon: transcripts, "Pence: Trump Was Right"."""
    for index, pb in enumerate(ctx.parsed):
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
        content = ctx.trim(pb.offset + colon.idx + 1, ctx.block_end(index))
        speaker = (ctx.off(name[0]), ctx.end(name[-1]))
        cue = (ctx.off(colon), ctx.end(colon))
        yield Raw(content, speaker, ctx.off(name[-1]), cue, False, fixed=True)


def _speech(ctx: Context, verb: Token) -> Raw | None:
    lemma = cue_lemma(verb)
    content = _clausal_content(ctx, verb, lemma)
    if content is None:
        return attitude(ctx, verb, lemma)
    subject = subject_of(verb)
    cue = cue_span(ctx, verb)
    kind = "speech" if lemma in SPEECH_VERBS else "attitude"
    if subject is None:
        return Raw(content, None, None, cue, False, kind=kind)
    speaker = subject_span(ctx, verb, subject)
    return Raw(content, speaker, ctx.off(subject), cue, False, kind=kind)


def _clausal_content(ctx: Context, verb: Token, lemma: str) -> tuple[int, int] | None:
    children = list(verb.children)
    comps = [c for c in children if c.dep_ == "ccomp" and word_count(c) >= MIN_CONTENT_TOKENS]
    if comps and lemma in SPEECH_VERBS:
        comp = comps[0]
        left = comp.left_edge
        marks = [c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that"]
        if marks and marks[0].i > left.i:
            # "said after he met them that X": the clause before "that" is when it was said
            left = marks[0]
        if left.lower_ == "that" and left.dep_ not in ("det", "nsubj", "nsubjpass"):
            left = left.doc[left.i + 1]  # "said that ...": the content starts after "that"
        return token_span(ctx, left, _before_next_report(ctx, comp, left, comps[-1].right_edge))
    # What a verb reports comes after it: an object before it is a relative or
    # question word ("the visit, which X praised") and leaves nothing to report.
    objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    if lemma in DIRECTIVE_VERBS:
        xcomps = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
        if lemma == "call":
            preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
            if preps and any(p.dep_ == "pobj" for p in preps[0].children):
                pobj = next(p for p in preps[0].children if p.dep_ == "pobj")
                return token_span(ctx, pobj.left_edge, own_right_edge(verb))
            if objects and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in children):
                return token_span(
                    ctx, objects[0].left_edge, own_right_edge(verb)
                )  # "called X a liar"
            return None
        if objects and xcomps:
            return token_span(ctx, objects[0].left_edge, xcomps[-1].right_edge)
        return None
    if lemma in COMMISSIVE_VERBS:
        xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
        if xcomps and word_count(xcomps[0]) >= MIN_CONTENT_TOKENS:
            return token_span(ctx, xcomps[0].left_edge, xcomps[0].right_edge)
    if lemma == "describe" and objects and any(c.lower_ == "as" for c in children):
        return token_span(ctx, objects[0].left_edge, own_right_edge(verb))
    if lemma in EVALUATIVE_VERBS and objects:
        end = max(
            (c.right_edge for c in children if c.i > verb.i and c.dep_ != "punct"),
            key=lambda t: t.i,
        )
        return token_span(ctx, objects[0].left_edge, end)
    if lemma in SPEECH_VERBS and verb.dep_ in ("parataxis", "advcl", "ccomp"):
        return _parenthetical_content(ctx, verb)
    return None


_MAX_PARENTHETICAL = 8  # tokens of "Mr. Clarke said" inside the clause it reports


def _parenthetical_content(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The clause around a short "he said" that hangs off it ("Too often, he said, ...")."""
    if verb.right_edge.i - verb.left_edge.i + 1 > _MAX_PARENTHETICAL or subject_of(verb) is None:
        return None
    if verb.tag_ == "VBG" or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "..., as the result was announced": nobody says the clause around it
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
    return token_span(ctx, first, last)


def _before_next_report(ctx: Context, comp: Token, first: Token, last: Token) -> Token:
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
            and cue_lemma(token) in REPORTING_VERBS
            and not any(c.dep_ in SUBJECT_DEPS for c in token.children)  # the same speaker's
            and token.i <= last.i
            and _clausal_content(ctx, token, cue_lemma(token)) is not None
        ):
            continue
        end = token.left_edge.i - 1
        while end > first.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
        words = sum(1 for t in doc[first.i : end + 1] if not t.is_punct)
        return doc[end] if words >= MIN_CONTENT_TOKENS else last
    return last


def _according(ctx: Context, token: Token) -> Raw | None:
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
        content = token_span(ctx, token.doc[phrase_last + 1], sent[-1])
    else:
        content = token_span(ctx, sent[0], token.doc[phrase_first - 1])
    if content is None:
        return None
    content = _strip_final_stop(ctx, content)
    return Raw(
        content, noun_phrase_span(ctx, pobj), ctx.off(pobj), (ctx.off(token), ctx.end(to)), False
    )


def _strip_final_stop(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    if end - start > 1 and ctx.text[end - 1] == ".":
        end -= 1
    return start, end
