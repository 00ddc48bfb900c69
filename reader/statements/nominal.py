"""Statements carried by a noun or an adjective instead of a verb: "Trump's claim that
...", "the company's plan to ...", "the allegation by the senator that ...", "she is
confident that ...", "he was worried about ...".

The noun's clause (or "to ...") is the content. The speaker is the owner
("Trump's", "his"), a "by" phrase, or, when the noun is the object of a verb
("made the claim that", "repeated his promise to"), that verb's subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.cues import NOUN_PREPOSITION_CUES, cue_lemma
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
    if adjective.dep_ != "acomp" or head.lower_ not in _COPULAS or head.dep_ == "xcomp":
        return None  # "is said to be furious about ...": part of what the verb above says
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
            if objects and (word_count(objects[0]) >= 2 or objects[0].pos_ == "PROPN"):
                content = token_span(ctx, objects[0].left_edge, child.right_edge)
            break
    subject = subject_of(head)
    if content is None or subject is None:
        return None
    speaker = subject_span(ctx, head, subject)
    cue = (ctx.off(adjective), ctx.end(adjective))
    return Raw(content, speaker, ctx.off(subject), cue, False, kind="attitude")


def evident_statement(ctx: Context, adjective: Token) -> Raw | None:
    """What the writer presents as evident: "it is clear that ...", "it was obvious that
    ..."; nobody in the text says it."""
    head = adjective.head
    if adjective.dep_ != "acomp" or head.lower_ not in _COPULAS:
        return None
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children):
        return None
    if any(c.dep_ == "neg" for c in (*head.children, *adjective.children)):
        return None  # "it is not clear what ...": an open question, not a claim
    clauses = [c for c in (*adjective.rights, *head.rights) if c.dep_ in ("ccomp", "csubj")]
    clause = next((c for c in clauses if c.i > adjective.i), None)
    if clause is None or word_count(clause) < MIN_CONTENT_TOKENS:
        return None
    first = clause.left_edge
    if first.lower_ == "that" and first.dep_ == "mark":
        first = first.doc[first.i + 1]
    content = token_span(ctx, first, clause.right_edge)
    if content is None:
        return None
    cue = (ctx.off(adjective), ctx.end(adjective))
    return Raw(content, None, None, cue, False, kind="speech")


def noun_topic_statement(ctx: Context, noun: Token) -> Raw | None:
    """A stance noun someone owns, with what it is about: "his attacks on the press",
    "the union's support for the bill", "criticism of the plan by the mayor"."""
    preps = NOUN_PREPOSITION_CUES.get(cue_lemma(noun), frozenset())
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in preps), None)
    topic = (
        None
        if prep is None
        else next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    )
    if prep is None or topic is None or topic.ent_type_ in ("DATE", "TIME"):
        return None  # "his remarks on Saturday": when, not what about
    if any(t.dep_ == "cc" for t in noun.doc[noun.i + 1 : prep.i]):
        return None  # "his comments and a video of them on the website"
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)
    if owner is None:
        return None  # "the criticism of the plan": nobody's in particular
    content = token_span(ctx, topic.left_edge, topic.right_edge)
    if content is None:
        return None
    speaker = noun_phrase_span(ctx, owner)
    if owner.dep_ == "poss":
        speaker = (speaker[0], ctx.end(owner))
    cue = (ctx.off(noun), ctx.end(prep))
    return Raw(content, speaker, ctx.off(owner), cue, False, kind="attitude")
