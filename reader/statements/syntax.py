"""Phrases read off spaCy's dependency tree: a verb's subject and its noun phrase, the
words of a cue, a token range as a trimmed document span.

Shared by the finders of reported speech, of attitudes and of quotations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.cues import QUOTING_VERBS, REPORTING_VERBS, cue_lemma
from .spans import DROP_FROM_SPEAKER, RELATIVE_WORDS, SUBJECT_DEPS, Context

if TYPE_CHECKING:
    from spacy.tokens import Token


def own_right_edge(verb: Token) -> Token:
    """The last token of ``verb``'s phrase, leaving out verbs coordinated with it
    ("called it outrageous and called for ...": the second call is another statement)."""
    last = verb
    for child in verb.rights:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            break
        if child.dep_ != "cc":
            last = child.right_edge
    return last


def infinitive_end(verb: Token, xcomp: Token) -> Token:
    """The end of what ``verb`` intends in its "to ..." ``xcomp``, with the bare infinitives
    the parse hung on ``verb`` itself: "wants to triple X, grow Y and create Z"."""
    last = xcomp.right_edge
    for child in verb.rights:
        if child.i <= last.i:
            continue
        if (
            child.dep_ in ("conj", "dep")
            and child.tag_ == "VB"
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in child.children)
        ):
            last = child.right_edge
        elif not (child.is_punct or child.dep_ == "cc"):
            break
    return last


def word_count(token: Token) -> int:
    return sum(1 for t in token.subtree if not t.is_punct)


def token_span(ctx: Context, first: Token, last: Token) -> tuple[int, int] | None:
    start, end = ctx.trim(ctx.off(first), ctx.end(last))
    return (start, end) if end > start else None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]  # the one nearest the verb
        if child.lower_ in RELATIVE_WORDS and verb.dep_ == "relcl":
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
            and cue_lemma(verb) in REPORTING_VERBS
            and head.dep_ == "ccomp"
            and cue_lemma(head.head) in QUOTING_VERBS
        ):
            head = head.head  # "said the ferry would run and warned ...": hung on "run"
        return subject_of(head, depth + 1)
    if verb.tag_ == "VBG" and verb.dep_ in ("acl", "pcomp", "pobj"):
        # "released a statement saying ...", "was quoted as saying ...", "defended it by
        # arguing ...": the subject of the clause the phrase belongs to
        return clause_subject(verb, depth)
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "dep", "conj"):
        # "..., saying ...": the subject of the reporting verb it hangs off, else of its head
        for ancestor in verb.ancestors:
            if ancestor.pos_ == "VERB" and cue_lemma(ancestor) in QUOTING_VERBS:
                found = subject_of(ancestor, depth + 1)
                if found is not None:
                    return found
        return subject_of(verb.head, depth + 1)
    return None


_CLIMB = 4  # words a gerund's phrase may hang below the verb whose subject it shares


def clause_subject(token: Token, depth: int = 0) -> Token | None:
    """The subject of the nearest clause above ``token`` (a gerund or a noun), if that
    clause has one: "X defended the plan by arguing ..." gives X for "arguing"."""
    for steps, ancestor in enumerate(token.ancestors):
        if steps >= _CLIMB:
            return None
        if ancestor.pos_ in ("VERB", "AUX"):
            return subject_of(ancestor, depth + 1)
    return None


def subject_span(ctx: Context, verb: Token, subject: Token) -> tuple[int, int]:
    """The subject's noun phrase; two subjects before the verb are one apposition."""
    start, end = noun_phrase_span(ctx, subject)
    others = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < subject.i]
    if others and subject.head.i == verb.i:
        start = min(start, ctx.off(others[0].left_edge))
    return start, end


def noun_phrase_span(ctx: Context, head: Token) -> tuple[int, int]:
    """The noun phrase headed by ``head``, without relative clauses and the like."""
    last = head
    for child in head.rights:
        if child.dep_ in DROP_FROM_SPEAKER:
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


def cue_span(ctx: Context, verb: Token, preps: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The cue verb with its particle ("pointed out") or a preposition that belongs to
    the cue ("called for", "spoke about": ``preps``) right after it."""
    last = verb
    if cue_lemma(verb) == "call":
        preps = preps | {"for", "on"}
    for child in verb.rights:
        joins = child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in preps)
        if joins and child.i == last.i + 1:
            last = child
    return ctx.off(verb), ctx.end(last)
