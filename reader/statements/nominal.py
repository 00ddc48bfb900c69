"""Statements carried by a noun or an adjective instead of a verb: "Trump's claim that
...", "the company's plan to ...", "the allegation by the senator that ...", "she is
confident that ...", "he was worried about ...".

The noun's clause (or "to ...") is the content. The speaker is the owner
("Trump's", "his"), a "by" phrase, or, when the noun is the object of a verb
("made the claim that", "repeated his promise to"), that verb's subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spans import MIN_CONTENT_TOKENS, Context, Raw
from .syntax import (
    clause_subject,
    noun_phrase_span,
    subject_of,
    subject_span,
    token_span,
    word_count,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions after a stance adjective that say what it is about ("worried about").
_ADJECTIVE_PREPS = frozenset({"about", "of", "over"})
_COPULAS = frozenset(
    str.split(
        "be is are was were been being am 's ’s 're ’re seem seems seemed remain remains "
        "remained sound sounds sounded appear appears appeared feel feels felt"
    )
)


def noun_statement(ctx: Context, noun: Token) -> Raw | None:
    """The statement a cue noun with a clause makes: "X's claim that ...", "his plan to ..."."""
    clause = _noun_clause(noun)
    if clause is None:
        return None
    first = clause.left_edge
    if first.lower_ == "that" and first.dep_ == "mark":
        first = first.doc[first.i + 1]
    content = token_span(ctx, first, clause.right_edge)
    if content is None:
        return None
    cue = (ctx.off(noun), ctx.end(noun))
    owner = _owner(noun)
    if owner is None:
        return Raw(content, None, None, cue, False, kind="speech")
    speaker = noun_phrase_span(ctx, owner)
    if owner.dep_ == "poss":  # "the senator's": the senator
        speaker = (speaker[0], ctx.end(owner))
    elif owner.dep_ == "nsubj":
        speaker = subject_span(ctx, owner.head, owner)
    return Raw(content, speaker, ctx.off(owner), cue, False, kind="speech")


def _noun_clause(noun: Token) -> Token | None:
    """The "that ..." or "to ..." clause that says what the noun's claim or plan is."""
    for child in noun.rights:
        if child.dep_ not in ("acl", "relcl", "ccomp") or child.pos_ not in ("VERB", "AUX"):
            continue
        marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"]
        infinitive = child.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" and c.i < child.i for c in child.children
        )
        if child.dep_ == "relcl" and not marks:
            continue  # "the claim that he made": a relative clause, not the claim
        if (marks or infinitive) and word_count(child) >= MIN_CONTENT_TOKENS:
            return child
    return None


def _owner(noun: Token) -> Token | None:
    """Whose claim or plan it is: "Trump's", "by the senator", or the subject of the verb
    that makes, repeats or voices it."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child  # "the Trump claim that ...", or "Trump claims that" misread
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ in ("dobj", "pobj"):
        return clause_subject(noun)
    return None


def adjective_statement(ctx: Context, adjective: Token) -> Raw | None:
    """A stance adjective: "she is confident that ...", "critics were worried about ..."."""
    head = adjective.head
    if adjective.dep_ != "acomp" or head.lower_ not in _COPULAS:
        return None
    content: tuple[int, int] | None = None
    for child in adjective.rights:
        if child.dep_ in ("ccomp", "xcomp") and word_count(child) >= MIN_CONTENT_TOKENS:
            first = child.left_edge
            if first.lower_ == "that" and first.dep_ == "mark":
                first = first.doc[first.i + 1]
            content = token_span(ctx, first, child.right_edge)
            break
        if child.dep_ == "prep" and child.lower_ in _ADJECTIVE_PREPS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and word_count(objects[0]) >= 2:
                content = token_span(ctx, objects[0].left_edge, child.right_edge)
            break
    subject = subject_of(head)
    if content is None or subject is None:
        return None
    speaker = subject_span(ctx, head, subject)
    cue = (ctx.off(adjective), ctx.end(adjective))
    return Raw(content, speaker, ctx.off(subject), cue, False, kind="attitude")
