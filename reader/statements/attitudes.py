"""Attitudes with no reported clause: what someone wants, plans, backs, cites or speaks
about ("X wants to ...", "X cited the report", "X spoke about ..."), what is said or
expected of someone ("X is expected to ...", "X was accused of ..."), and what seems so
("X seems to ...").

News writing attributes these as it attributes speech: the subject holds the
view, the object or the "to ..." is what the view is about. They are read off
the dependency tree of a cue verb that has no clause of its own to report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nlp.cues import (
    AS_VERBS,
    COMMISSIVE_VERBS,
    INTENTION_VERBS,
    OBJECT_VERBS,
    PASSIVE_FRAMES,
    PREPOSITION_CUES,
    QUOTING_VERBS,
    SEEM_VERBS,
    cue_lemma,
)
from .spans import SUBJECT_DEPS, Context, Raw
from .syntax import (
    cue_span,
    infinitive_end,
    noun_phrase_span,
    subject_of,
    subject_span,
    token_span,
    word_count,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Fewer words than this is a pronoun ("backed him"), too little to report; a name ("backed
# Clinton") is enough.
MIN_OBJECT_WORDS = 2
# "spoke about the floods" names a topic; "spoke about the cost of the floods" says more.
MIN_TOPIC_WORDS = 3
# A passive subject that stands for something named elsewhere leaves nothing to report.
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "which", "who", "what", "there"})
# Prepositions whose phrase says what the verb makes of its object ("cited X as Y").
_OBJECT_PREPS = frozenset({"as", "to", "for", "over", "with"})


def attitude(ctx: Context, verb: Token, lemma: str) -> Raw | None:
    """The statement a cue verb with no clause of its own makes, if any."""
    if verb.dep_ in ("xcomp", "ccomp"):
        return None  # "decided to back the bill": part of what the verb above it says
    if verb.dep_ == "relcl" and _describes_a_speaker(verb):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return _passive(ctx, verb, lemma)
    if lemma in SEEM_VERBS:
        return _seeming(ctx, verb)
    preps = PREPOSITION_CUES.get(lemma, frozenset())
    found = _intended(verb, lemma) or _object(verb, lemma) or _prepositional(verb, preps)
    if found is None:
        return None
    content = token_span(ctx, found[0], found[1])
    subject = subject_of(verb)
    if content is None or subject is None or subject.lower_ in _EMPTY_SUBJECTS:
        return None
    if subject.lower_ == "you" and any(c.dep_ == "aux" and c.i < subject.i for c in verb.children):
        return None  # "do you see them as equals?": the addressee's view, asked, not held
    speaker = subject_span(ctx, verb, subject)
    cue = cue_span(ctx, verb, preps)
    return Raw(content, speaker, ctx.off(subject), cue, False, kind="attitude")


def _describes_a_speaker(verb: Token) -> bool:
    """ "said Peter Morgan, a lawyer who has been challenging the industry": who the
    speaker is, told by the writer, not a view of the speaker's to report."""
    noun = verb.head
    for _ in range(4):
        if noun.dep_ in SUBJECT_DEPS:
            return cue_lemma(noun.head) in QUOTING_VERBS
        if noun.dep_ not in ("appos", "pobj", "prep", "conj", "compound") or noun.head is noun:
            return False
        noun = noun.head
    return False


def _intended(verb: Token, lemma: str) -> tuple[Token, Token] | None:
    """An intention: "wants to build a wall", "plans to run", "wants Congress to act"."""
    if lemma not in INTENTION_VERBS and lemma not in COMMISSIVE_VERBS:
        return None
    for child in verb.rights:
        if (
            child.dep_ in ("xcomp", "ccomp")
            and child.pos_ in ("VERB", "AUX")
            and word_count(child) >= MIN_OBJECT_WORDS
        ):
            return child.left_edge, infinitive_end(verb, child)
    return None


def _object(verb: Token, lemma: str) -> tuple[Token, Token] | None:
    """A stance on an object: "cited the report", "described her as a fighter".

    The object and what the verb says of it in an "as", "to", "for" or "over"
    phrase after it; not when or where it was done ("on Tuesday", "in Ohio").
    """
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if lemma not in OBJECT_VERBS and not (
        lemma in AS_VERBS and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights)
    ):
        return None
    if word_count(obj) < MIN_OBJECT_WORDS and obj.pos_ != "PROPN":
        return None  # "backed Clinton" takes a side; "backed it" says too little
    if obj.pos_ == "PRON" and obj.i == obj.right_edge.i:
        return None
    last = obj.right_edge
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if (child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS) or child.dep_ in (
            "oprd",
            "xcomp",  # "advocates rules to end the deferral"
        ):
            last = child.right_edge
        elif child.dep_ not in ("advmod", "npadvmod", "prep"):
            break
    return obj.left_edge, last


def _prepositional(verb: Token, preps: frozenset[str]) -> tuple[Token, Token] | None:
    """A topic: "spoke about the economy", "called for a ban", "pointed to the figures"."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if not objects or word_count(objects[0]) < MIN_TOPIC_WORDS:
                return None
            last = child.right_edge
            for after in verb.rights:  # "referred to King as ...": what it makes of the topic
                if after.i > last.i and after.dep_ == "prep" and after.lower_ == "as":
                    last = after.right_edge
            return objects[0].left_edge, last
    return None


def _passive(ctx: Context, verb: Token, lemma: str) -> Raw | None:
    """A passive report: "X is expected to win" (nobody named), "X was criticized by Y".

    What is said is about the passive subject, so the content runs from it to
    the end of the complement the cue takes (``PASSIVE_FRAMES``); the speaker
    is the "by" phrase, if there is one. With a "by" phrase and no complement,
    a verb of taking sides ("backed by", "criticized by") reports a stance on
    the subject itself.
    """
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in _EMPTY_SUBJECTS or subject.i > verb.i:
        return None
    last: Token | None = None
    agent: Token | None = None
    for child in verb.rights:
        frame = child.lower_ if child.dep_ == "prep" else child.dep_
        if child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif lemma in PASSIVE_FRAMES.get(frame, ()):
            last = child.right_edge
    if last is None and agent is not None and lemma in OBJECT_VERBS:
        last = subject.right_edge  # "the bill was backed by the union": the union's stance
    if last is None:
        return None
    content = token_span(ctx, subject.left_edge, last)
    if content is None:
        return None
    speaker = None if agent is None else noun_phrase_span(ctx, agent)
    head = None if agent is None else ctx.off(agent)
    return Raw(content, speaker, head, cue_span(ctx, verb), False, kind="attitude")


def _seeming(ctx: Context, verb: Token) -> Raw | None:
    """What seems so: "X seems to be winning", "it appears that X"; nobody says it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    complement = next(
        (c for c in verb.rights if c.dep_ in ("xcomp", "ccomp", "acomp", "attr")), None
    )
    if subject is None or complement is None or word_count(complement) < MIN_OBJECT_WORDS:
        return None
    first = complement.left_edge if subject.lower_ in _EMPTY_SUBJECTS else subject.left_edge
    content = token_span(ctx, first, complement.right_edge)
    if content is None:
        return None
    return Raw(content, None, None, cue_span(ctx, verb), False, kind="attitude")
