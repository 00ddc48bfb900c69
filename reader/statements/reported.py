"""Reported speech found in the dependency parse: "X said (that) ...", "X urged Y to ...",
"X blasted Y for ...", "..., he said, ...", "according to X, ...", "in the poll, ..."
and lines led by a name and a colon.

Every cue word of the parse passes through ``reported_speech``: a verb with a
clause to report is read here, one without is left to ``attitudes`` ("wants
to ...", "cited X"), and cue nouns and adjectives to ``nominal``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..nlp import ParsedBlock
from ..nlp.cues import (
    ADDRESSEE_VERBS,
    ADJECTIVE_CUES,
    COMMISSIVE_VERBS,
    CUE_VERBS,
    DIRECTIVE_VERBS,
    EVALUATIVE_VERBS,
    EVIDENCE_ADJECTIVES,
    FINDING_NOUNS,
    NOUN_CUES,
    NOUN_PREPOSITION_CUES,
    REPORTING_VERBS,
    SPEECH_VERBS,
    cue_lemma,
)
from .attitudes import attitude
from .nominal import (
    adjective_statement,
    evident_statement,
    noun_statement,
    noun_topic_statement,
)
from .quotes import QuoteIndex
from .spans import MIN_CONTENT_TOKENS, SUBJECT_DEPS, Context, Raw
from .syntax import (
    cue_span,
    infinitive_end,
    noun_phrase_span,
    own_right_edge,
    subject_of,
    subject_span,
    token_span,
    word_count,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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
            elif lower == "in" and pos == "ADP":
                raw = _in_finding(ctx, token)
            elif pos in ("VERB", "NOUN"):
                if _in_a_title(token):
                    continue
                lemma = cue_lemma(token)
                if pos == "VERB" and token.dep_ not in _NOUN_ROLES and lemma in CUE_VERBS:
                    raw = _speech(ctx, token)
                elif lemma in NOUN_CUES and (pos == "NOUN" or token.dep_ in _NOUN_ROLES):
                    raw = noun_statement(ctx, token) or noun_topic_statement(ctx, token)
                elif lemma in NOUN_PREPOSITION_CUES and pos == "NOUN":
                    raw = noun_topic_statement(ctx, token)
                else:
                    continue
            elif pos == "ADJ" and lower in ADJECTIVE_CUES:
                raw = adjective_statement(ctx, token)
            elif pos == "ADJ" and lower in EVIDENCE_ADJECTIVES:
                raw = evident_statement(ctx, token)
            else:
                continue
            if raw is None or qindex.containing(pb.offset + token.idx) is not None:
                continue  # a verb inside a quotation belongs to the quoted words
            raw = _without_trailing_participle(ctx, pb, _before_semicolon(ctx, raw, qindex))
            yield _without_trailing_aside(ctx, pb, raw)


# Words that open a non-restrictive relative clause: "..., which he said were ...".
_ASIDE_OPENERS = frozenset({"which", "who", "whom", "whose", "where"})


def _without_trailing_aside(ctx: Context, pb: ParsedBlock, raw: Raw) -> Raw:
    """A reported clause without the writer's aside that closes it: "said he did not
    support Mr. Trump, the presumed Putin favorite" or "..., Scott, who has never faced
    a race". An apposition, or a relative clause on a name, set off by a comma at the
    clause's end glosses it for the reader; the speaker's words stop before it. (A
    relative clause on a common noun often goes on with the speaker's claim: "this
    behavior, which was widespread".)"""
    return _without_tail(
        ctx,
        pb,
        raw,
        lambda token: (
            token.dep_ == "appos"
            or (
                token.dep_ == "relcl"
                and token.left_edge.lower_ in _ASIDE_OPENERS
                and token.head.pos_ == "PROPN"
            )
        ),
    )


def _without_tail(ctx: Context, pb: ParsedBlock, raw: Raw, is_tail: Callable[[Token], bool]) -> Raw:
    """``raw`` without the phrase set off by a comma that closes its reported clause, when
    ``is_tail`` says that phrase is the writer's (and enough words are left)."""
    start, end = raw.content
    if raw.kind == "other" or raw.direct or raw.cue is None or raw.cue[0] > start:
        return raw
    span = pb.doc.char_span(start - pb.offset, end - pb.offset, alignment_mode="expand")
    if span is None:
        return raw
    last = span[-1]
    while last.i > span.start and last.is_punct:
        last = last.doc[last.i - 1]
    for token in span[1:]:
        first = token.left_edge
        if not (
            is_tail(token)
            and first.i > span.start + 1
            and first.doc[first.i - 1].text == ","
            and token.right_edge.i >= last.i
            and span.start <= token.head.i < first.i
        ):
            continue
        cut = pb.offset + first.doc[first.i - 1].idx
        if len(ctx.text[start:cut].split()) >= MIN_CONTENT_TOKENS:
            raw.content = ctx.trim(start, cut)
        break
    return raw


def _in_a_title(token: Token) -> bool:
    """A capitalised word inside a sentence names a book or a show ("co-editor of
    Debating The Donald"), unless a quotation or a colon starts there."""
    if token.is_sent_start or not token.text[:1].isupper() or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_punct or before.is_space) and not token.is_upper


def _before_semicolon(ctx: Context, raw: Raw, qindex: QuoteIndex) -> Raw:
    """A reported clause ends at a semicolon that follows it ("said the timing was not
    intended; they learned of it on Friday"): what comes after is the writer's again."""
    start, end = raw.content
    if raw.kind != "other" and raw.cue is not None and raw.cue[0] < start:
        pos = ctx.text.find(";", start, end)
        while pos != -1 and qindex.containing(pos) is not None:
            pos = ctx.text.find(";", pos + 1, end)
        if pos != -1 and len(ctx.text[start:pos].split()) >= MIN_CONTENT_TOKENS:
            raw.content = ctx.trim(start, pos)
    return raw


def _without_trailing_participle(ctx: Context, pb: ParsedBlock, raw: Raw) -> Raw:
    """A reported clause without the writer's participle that closes it: "video shows he
    had his hands up, contradicting the police" reports the hands, not the contradiction.
    A participle of saying ("..., citing the risk") is a statement of its own."""
    return _without_tail(ctx, pb, raw, lambda token: token.dep_ == "advcl" and token.tag_ == "VBG")


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
    if not comps and lemma in SPEECH_VERBS:
        comps = _misread_clauses(verb)
    if comps and lemma in SPEECH_VERBS:
        # "Writing that X won, Barabak noted that Y": the clause after the verb (the
        # quotation before a verb that splits one is attributed on its own)
        comps = [c for c in comps if c.i > verb.i] or comps
        comp = comps[0]
        left = comp.left_edge
        marks = [c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that"]
        if marks and marks[0].i > left.i:
            # "said after he met them that X": the clause before "that" is when it was said
            left = marks[0]
        if left.i < verb.i < comp.i:
            # "Writing for a panel ..., Barabak noted that ...": the parse may hang the
            # words before the verb on its clause; what is reported comes after the verb
            left = _first_after(verb, comp)
        if left.lower_ == "that" and left.dep_ not in ("det", "nsubj", "nsubjpass"):
            left = left.doc[left.i + 1]  # "said that ...": the content starts after "that"
        return token_span(ctx, left, _before_next_report(ctx, comp, left, comps[-1].right_edge))
    # What a verb reports comes after it: an object before it is a relative or
    # question word ("the visit, which X praised") and leaves nothing to report.
    objects = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    if lemma in ADDRESSEE_VERBS and objects:
        clause = _misread_that_clause(objects[0])
        if clause is not None:
            return token_span(ctx, *clause)
    if lemma in DIRECTIVE_VERBS:
        xcomps = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
        if lemma == "call":
            preps = [  # "called for X", "called on X to": not "called X a liar on Monday"
                c
                for c in children
                if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1
            ]
            if preps and any(p.dep_ == "pobj" for p in preps[0].children):
                pobj = next(p for p in preps[0].children if p.dep_ == "pobj")
                return token_span(ctx, pobj.left_edge, own_right_edge(verb))
            named = objects or [c for c in children if c.dep_ == "oprd" and c.i > verb.i]
            if named and _names_as(verb, named[0]):
                return token_span(ctx, named[0].left_edge, _object_end(verb))  # "called X a liar"
            return None
        if objects and xcomps:
            return token_span(ctx, objects[0].left_edge, xcomps[-1].right_edge)
        if verb.dep_ not in ("parataxis", "advcl", "ccomp"):
            return None  # else perhaps "..., he told me, ..."
    if lemma in COMMISSIVE_VERBS:
        xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
        if xcomps and word_count(xcomps[0]) >= MIN_CONTENT_TOKENS:
            return token_span(ctx, xcomps[0].left_edge, infinitive_end(verb, xcomps[0]))
    if lemma == "describe" and objects and any(c.lower_ == "as" for c in children):
        return token_span(ctx, objects[0].left_edge, _object_end(verb))
    if lemma in EVALUATIVE_VERBS and objects:
        return token_span(ctx, objects[0].left_edge, _object_end(verb))
    if lemma in SPEECH_VERBS and verb.dep_ in ("parataxis", "advcl", "ccomp"):
        return _parenthetical_content(ctx, verb)
    return None


# What follows the object of "called X a liar", "described X as Y", "blamed X for Y"
# and belongs to what is said ("blasted X, saying Y" is two statements); any other
# phrase on the verb ("on Wednesday", "during the debate", "when he ran") tells when or
# where it was said.
_OBJECT_DEPS = frozenset({"dobj", "dative", "oprd", "xcomp", "ccomp", "acomp", "attr"})
_OBJECT_PREPOSITIONS = frozenset({"as", "for", "of", "over", "with", "against", "about", "to"})


def _object_end(verb: Token) -> Token:
    last = verb
    for child in verb.rights:
        if child.dep_ in _OBJECT_DEPS or (
            child.dep_ == "prep" and child.lower_ in _OBJECT_PREPOSITIONS
        ):
            last = child.right_edge
        elif not (child.is_punct or child.dep_ == "cc") and last.i > verb.i:
            break
    return last


def _misread_clauses(verb: Token) -> list[Token]:
    """ "said after the convention he would not accept it": the parse may read the
    reported clause, with a subject of its own and no word like "if" or "because"
    to join it, as a clause of time or manner."""
    return [
        c
        for c in verb.rights
        if c.dep_ == "advcl"
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ in SUBJECT_DEPS and g.i < c.i for g in c.children)
        and not any(g.dep_ in ("mark", "advmod") and g.i < c.i for g in c.children)
        and word_count(c) >= MIN_CONTENT_TOKENS
    ]


def _names_as(verb: Token, named: Token) -> bool:
    """Whether "called X ..." gives X a name ("called X a liar", "called Oz a quack")
    rather than summoning it ("called a meeting", "called members to the stage"): a
    second phrase, a complement or an indefinite noun phrase, follows X."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > named.i for c in verb.children):
        return True
    if named.left_edge.lower_ in ("a", "an"):
        return False
    after = named.doc[named.i + 1 : own_right_edge(verb).i + 1]
    return any(t.lower_ in ("a", "an") or t.dep_ == "oprd" or t.is_quote for t in after)


def _first_after(verb: Token, comp: Token) -> Token:
    """The first word of ``comp`` after ``verb`` and the verb's other dependents."""
    doc = verb.doc
    inside = {t.i for t in comp.subtree}
    i = verb.i + 1
    while i < comp.i and (i not in inside or doc[i].is_punct):
        i += 1
    return doc[i]


def _misread_that_clause(addressee: Token) -> tuple[Token, Token] | None:
    """ "told a meeting of leaders that few people understood ...": the parse may hang
    the reported clause on the addressee as a relative clause, but a relative clause
    has no "that" marking it, only a "that" standing for the noun."""
    for token in addressee.subtree:
        if token.dep_ != "relcl" or word_count(token) < MIN_CONTENT_TOKENS:
            continue
        mark = token.left_edge
        if mark.lower_ == "that" and mark.dep_ == "mark" and mark.head.i == token.i:
            return mark.doc[mark.i + 1], token.right_edge
    return None


_MAX_PARENTHETICAL = 8  # tokens of "Mr. Clarke said" inside the clause it reports
# Children of a parenthetical verb that belong to the clause around it, not to "he said":
# "If it fails, he argues, ..." hangs "If it fails" on "argues".
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "conj", "xcomp", "punct", "cc", "mark"})


def _parenthetical_content(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The clause around a short "he said" that hangs off it ("Too often, he said, ...")."""
    subject = subject_of(verb)
    if subject is None or verb.tag_ == "VBG":
        return None
    lemma = cue_lemma(verb)
    for child in verb.children:
        if child.dep_ == "xcomp" or child.dep_ == "auxpass":
            # "..., as the result was announced": nobody says the clause around it
            return None
        if child.dep_ == "dobj" and lemma not in ADDRESSEE_VERBS:
            return None  # "he said the words": not a parenthetical
    core = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS or c.lower_ == "as"]
    core_first = min([c.left_edge.i for c in core] + [verb.i])
    core_last = max([c.right_edge.i for c in core] + [verb.i])
    if core_last - core_first + 1 > _MAX_PARENTHETICAL or not _set_off(verb, core_first, core_last):
        return None
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "The difference now, he told me, is ...": the clause's verb
    doc = verb.doc
    first = doc[min(head.left_edge.i, verb.left_edge.i)]
    last = doc[max(head.right_edge.i, verb.right_edge.i)]
    while last.i > first.i and last.is_punct:
        last = doc[last.i - 1]
    if core_last >= last.i:  # "The talks failed, he said."
        last = doc[core_first - 1] if core_first > first.i else first
    elif core_first <= first.i:  # "He said, the talks failed" (a missed ccomp)
        first = doc[core_last + 1]
    # else "Too often, he said, the debate ...": the clause around him, his words included
    n_words = sum(1 for t in doc[first.i : last.i + 1] if not t.is_punct) - (
        core_last - core_first + 1 if first.i < core_first <= last.i else 0
    )
    if n_words < MIN_CONTENT_TOKENS:
        return None
    return token_span(ctx, first, last)


def _set_off(verb: Token, first: int, last: int) -> bool:
    """Whether the words ``first``..``last`` stand apart in their sentence: punctuation
    (or the sentence's edge) on both sides, as in "..., he said, ..."."""
    doc, sent = verb.doc, verb.sent
    before = first == sent.start or doc[first - 1].is_punct
    after = last + 1 >= sent.end or doc[last + 1].is_punct
    return before and after


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


_MAX_SOURCE_WORDS = 6  # "according to" a source the parse did not read as a noun phrase


def _according(ctx: Context, token: Token) -> Raw | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
        to = token.doc[token.i + 1]
    if to is None:
        return None
    sent = token.sent
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        # "according to show insiders" read as a verb: the words up to the sentence's end
        words = [t for t in token.doc[to.i + 1 : sent.end] if not t.is_punct]
        if not 1 <= len(words) <= _MAX_SOURCE_WORDS or words[-1].i < sent.end - 2:
            return None
        pobj = words[-1]
        source = (ctx.off(words[0]), ctx.end(words[-1]))
    else:
        source = noun_phrase_span(ctx, pobj)
    phrase_first = token.i
    phrase_last = max(pobj.right_edge.i, to.i)
    comma = next((t for t in token.doc[to.i + 1 : phrase_last] if t.text == ","), None)
    opening = all(t.is_punct or t.dep_ == "cc" for t in token.doc[sent.start : token.i])
    if comma is not None and comma.i > pobj.i and opening:
        # "According to X, the move reeks of fear": the parse may hang the clause on X
        phrase_last = comma.i - 1
        source = (source[0], min(source[1], ctx.off(comma)))
    content = _beside_phrase(ctx, sent, phrase_first, phrase_last)
    if content is None:
        return None
    return Raw(content, source, ctx.off(pobj), (ctx.off(token), ctx.end(to)), False)


def _in_finding(ctx: Context, token: Token) -> Raw | None:
    """What a poll or a study shows: "In the poll, Clinton led by five points", "Trump
    rose a point in this survey". Not when a verb of its own reports the clause ("In a
    statement, she said ...")."""
    pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
    head = token.head
    if pobj is None or cue_lemma(pobj) not in FINDING_NOUNS or token.dep_ != "prep":
        return None
    if head.dep_ != "ROOT" or head.pos_ not in ("VERB", "AUX") or cue_lemma(head) in CUE_VERBS:
        return None
    content = _beside_phrase(ctx, token.sent, token.i, pobj.right_edge.i)
    if content is None:
        return None
    source = noun_phrase_span(ctx, pobj)
    return Raw(content, source, ctx.off(pobj), (ctx.off(token), ctx.end(token)), False)


def _beside_phrase(
    ctx: Context, sent: Span, phrase_first: int, phrase_last: int
) -> tuple[int, int] | None:
    """The longer side of the sentence around a source phrase ("According to X, ...")."""
    doc = sent.doc
    before = phrase_first - sent.start
    after = sent.end - 1 - phrase_last
    if max(before, after) < MIN_CONTENT_TOKENS:
        return None
    if after >= before:
        content = token_span(ctx, doc[phrase_last + 1], sent[-1])
    else:
        content = token_span(ctx, sent[0], doc[phrase_first - 1])
    return None if content is None else _strip_final_stop(ctx, content)


def _strip_final_stop(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    if end - start > 1 and ctx.text[end - 1] == ".":
        end -= 1
    return start, end
