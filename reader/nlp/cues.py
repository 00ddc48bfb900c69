"""The cue words of attribution, in one place: which verbs, nouns and adjectives report
what someone says, believes or intends, and how they lean.

Attribution looks for these words (by lemma) to find statements; the staged
parse looks for their written forms to know which sentences to parse; stance
reads a cue's lean ("blasted" critical, "praised" supportive).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .model import component, load_model

if TYPE_CHECKING:
    from spacy.tokens import Token


def _words(text: str) -> list[str]:
    return text.split()


# Verbs that report speech or belief when they govern a clause ("said that ...").
SPEECH_VERBS = frozenset(
    _words(
        "say tell state add reveal announce declare note explain write tweet post report "
        "claim argue insist contend assert maintain stress emphasize emphasise warn "
        "caution predict suggest acknowledge admit concede confirm deny allege charge "
        "complain lament recall remark reply respond answer comment observe testify vow "
        "pledge promise threaten reiterate repeat boast brag joke quip agree estimate "
        "conclude indicate signal show find learn hint demand propose ask urge call "
        "accuse blast slam criticize criticise condemn denounce praise welcome applaud "
        "hail commend blame mock question point believe think feel hope fear worry expect "
        "counter retort cite disclose mention concur speculate guess wonder reckon assure "
        "inform advise proclaim affirm know assume understand realize realise recognize "
        "recognise discover suspect doubt wish imagine envision consider hear remember "
        "decide rule determine judge sense anticipate presume suppose imply recommend "
        "insinuate forecast swear"
    )
)
# Verbs that voice a judgement on their object ("X blasted Y for ...").
EVALUATIVE_VERBS = frozenset(
    _words(
        "blast slam accuse criticize criticise condemn denounce praise welcome applaud "
        "hail commend blame lambast lambaste rebuke decry deplore castigate thank "
        "congratulate endorse reject dismiss attack"
    )
)
# Verbs that ask someone to act ("X urged Y to ...").
DIRECTIVE_VERBS = frozenset(
    _words("urge ask call tell warn implore press encourage demand beg advise invite")
)
# Verbs whose object is whom they speak to ("told reporters that ...", "he told me, ...").
ADDRESSEE_VERBS = frozenset(_words("tell inform assure remind brief warn advise convince"))
# Verbs that commit to or refuse an act ("X vowed to ...").
COMMISSIVE_VERBS = frozenset(
    _words("promise pledge vow threaten refuse decline agree offer propose swear")
)
# Verbs of wanting and planning whose "to ..." is what the subject intends ("X plans to ...").
INTENTION_VERBS = frozenset(
    _words("want plan intend hope expect aim seek wish prefer decide choose vote")
)
# Verbs whose direct object is what is said, claimed or taken a side on ("X cited the
# report", "X backed the bill"): an attribution of a stance even without a clause.
OBJECT_VERBS = frozenset(
    _words(
        "cite mention question support oppose back endorse reject propose defend "
        "criticize criticise attack praise blast slam deny dispute acknowledge admit "
        "claim announce reveal report detail outline highlight stress emphasize "
        "emphasise echo repeat reiterate invoke reference discuss express voice "
        "demand promise pledge predict fear welcome champion advocate favor favour "
        "dislike despise admire blame mock ridicule downplay dismiss deride denounce "
        "condemn decry lament bemoan applaud hail commend tout trumpet celebrate recommend "
        "suggest signal describe concede confirm insist urge rule show offer liken compare "
        "identify note explain laud lambast lambaste rebuke scold chastise grill "
        "accuse challenge protest resist approve embrace respect promote debate"
    )
)
# Verbs whose prepositional object is what is said ("spoke about the plan", "called for
# a ban"), by the prepositions that introduce it.
PREPOSITION_CUES: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split())
    for lemmas, preps in (
        ("speak talk write tweet testify joke boast brag complain", "about of"),
        ("comment reflect elaborate insist", "on"),
        ("call push press lobby argue advocate campaign rally plead", "for"),
        ("rail argue campaign warn caution", "against"),
        ("warn", "of about"),
        ("point refer allude respond react", "to"),
        ("hint", "at"),
        ("worry wonder speculate", "about"),
        ("agree", "with on"),
        ("ask quiz grill", "about"),
        ("press", "on about"),
        ("vote", "for against"),
        ("decide rule", "against"),
        ("believe", "in"),
    )
    for lemma in lemmas.split()
}
# Passive cues by the complement that carries what is said of their subject: "X is said
# (expected, believed...) to ...", "X was criticized for ...", "accused of ...", "described
# as ...", "called a liar".
PASSIVE_FRAMES: dict[str, frozenset[str]] = {
    "xcomp": frozenset(
        _words(
            "say report expect believe think know consider allege rumor rumour understand "
            "estimate presume claim intend plan predict project hear fear"
        )
    ),
    "for": frozenset(
        _words(
            "criticize criticise blame praise ridicule attack condemn slam blast mock "
            "fault applaud commend thank credit hail lambast rebuke"
        )
    ),
    "of": frozenset(_words("accuse suspect")),
    "as": frozenset(
        _words(
            "describe view portray label characterize characterise regard hail dismiss "
            "brand depict decry praise criticize criticise"
        )
    ),
    "oprd": frozenset(_words("call label dub brand")),
}
# Verbs that judge their object when an "as" phrase says what they make of it ("saw the
# remark as a dig", "views Putin as a strong leader"); without one they say nothing.
AS_VERBS = PASSIVE_FRAMES["as"] | frozenset(_words("see treat paint cast frame regard"))
# Verbs that present their subject as seeming so to the writer ("X seems to ...").
SEEM_VERBS = frozenset(_words("seem appear"))
# Verbs that can introduce a quotation ("..., she said", "He blasted them: ...").
QUOTING_VERBS = SPEECH_VERBS | EVALUATIVE_VERBS | DIRECTIVE_VERBS | COMMISSIVE_VERBS | {"describe"}
CUE_VERBS = (
    QUOTING_VERBS
    | EVALUATIVE_VERBS
    | DIRECTIVE_VERBS
    | COMMISSIVE_VERBS
    | INTENTION_VERBS
    | OBJECT_VERBS
    | frozenset(PREPOSITION_CUES)
    | SEEM_VERBS
    | AS_VERBS
    | frozenset().union(*PASSIVE_FRAMES.values())
)
# Nouns that name what someone said, believes or intends, when a clause or a "to ..."
# hangs off them ("his claim that ...", "the company's plan to ...").
NOUN_CUES = frozenset(
    _words(
        "claim statement remark comment proposal promise pledge vow hope fear worry "
        "concern belief view argument assertion allegation accusation charge warning threat "
        "call demand suggestion prediction estimate announcement admission acknowledgment "
        "acknowledgement insistence intention desire wish expectation "
        "assessment conclusion theory conviction suspicion doubt "
        "determination commitment refusal reluctance eagerness assurance denial promise "
        "contention suggestion insinuation complaint criticism point"
    )
)
# Nouns of a stance or a statement whose prepositional object is what it is about, when
# someone's own ("his attacks on the press", "the union's support for the bill"), by the
# prepositions that introduce it.
NOUN_PREPOSITION_CUES: dict[str, frozenset[str]] = {
    lemma: frozenset(preps.split())
    for lemmas, preps in (
        ("criticism condemnation denunciation rejection defense defence endorsement", "of"),
        ("adulation admiration praise characterization description portrayal", "of"),
        ("support praise contempt disdain scorn respect admiration enthusiasm", "for"),
        ("call demand push plea case", "for"),
        ("attack assault", "on against"),
        ("opposition hostility objection", "to"),
        ("view position stance comment remark", "on about"),
        ("concern worry fear doubt complaint warning", "about over"),
        ("claim allegation accusation", "of about"),
    )
    for lemma in lemmas.split()
}
# Nouns of findings that stand as a source in "In the poll, X leads by five points".
FINDING_NOUNS = frozenset(_words("poll survey study report analysis review audit census"))
# Adjectives of a stance that take a clause ("X is confident that ...", "eager to ...").
ADJECTIVE_CUES = frozenset(
    _words(
        "confident sure convinced optimistic pessimistic hopeful worried concerned "
        "afraid fearful aware skeptical sceptical adamant eager determined reluctant "
        "willing unwilling keen anxious doubtful critical supportive proud ashamed angry "
        "furious upset frustrated disappointed pleased passionate wary suspicious "
        "enthusiastic dismissive grateful"
    )
)
# Adjectives by which the writer presents a clause as evident ("it is clear that ...",
# "it was obvious that ..."): a statement with no speaker. ("Unclear whether" asks.)
EVIDENCE_ADJECTIVES = frozenset(_words("clear obvious apparent evident certain undeniable"))
_ALL_CUES = (
    CUE_VERBS | NOUN_CUES | frozenset(NOUN_PREPOSITION_CUES) | ADJECTIVE_CUES | EVIDENCE_ADJECTIVES
)
# Written forms of cue words that running text uses far more often as other words ("came
# back", "a voice", "the point"): the staged parse of a long document does not parse a
# sentence for them alone (an article, parsed whole, still finds "backed the bill").
_MOSTLY_OTHER_WORDS = frozenset(_words("back voice voices point points view views"))
# Cue verbs that are hardly ever anything but a report ("ask", "show", "refuse" often are).
REPORTING_VERBS = frozenset(
    _words(
        "say tell add warn argue insist contend note explain claim stress emphasize emphasise "
        "suggest acknowledge admit call cite deny dismiss reiterate predict announce declare "
        "assert maintain caution concede allege complain remark reply respond counter retort "
        "tweet write vow pledge promise"
    )
)

# How the cue colours what is said, by lemma: < 0 leans critical, > 0 supportive.
CRITICAL_CUES = (
    "blast slam accuse criticize criticise condemn denounce blame lambast lambaste rebuke "
    "decry deplore castigate attack mock ridicule reject dismiss complain lament charge "
    "allege threaten warn deny question protest"
)
SUPPORTIVE_CUES = (
    "welcome praise applaud hail commend thank congratulate endorse celebrate laud support "
    "back boast"
)
CUE_LEAN: dict[str, float] = {
    **{lemma: -1.0 for lemma in CRITICAL_CUES.split(" ")},
    **{lemma: 1.0 for lemma in SUPPORTIVE_CUES.split(" ")},
}


def cue_lemma(token: Token) -> str:
    """The token's lemma, lower-cased, with the lemmatizer's slips on cue words mended.

    The rules strip "-ed" and "-ing" down to a word that exists ("hoped" to "hop",
    "rated" to "rat"); when the lemma plus "e" is a cue word, that is the one meant.
    """
    lemma = token.lemma_.lower()
    if lemma in _ALL_CUES or lemma + "e" not in _ALL_CUES:
        return lemma
    lower = token.lower_
    if lower.startswith(lemma) and lower[len(lemma) :] in ("ed", "ing"):
        return lemma + "e"
    return lemma


@cache
def cue_hashes() -> Any:
    import numpy

    strings = load_model().vocab.strings
    return numpy.array(sorted(strings.add(form) for form in cue_forms()), dtype="uint64")


@cache
def cue_forms() -> frozenset[str]:
    """Every written form of the attribution cue words (said, told, claiming, plans...).

    Built from the lemmatizer's own rules and exceptions, run backwards, so a
    token whose lemma is a cue word always has one of these forms.
    """
    forms = set(_ALL_CUES) | FINDING_NOUNS | {"according"}
    forms |= _inflections(CUE_VERBS, "verb") | _inflections(
        NOUN_CUES | frozenset(NOUN_PREPOSITION_CUES) | FINDING_NOUNS, "noun"
    )
    return frozenset(forms - _MOSTLY_OTHER_WORDS)


def _inflections(lemmas: frozenset[str], pos: str) -> set[str]:
    lookups = component("lemmatizer").lookups
    forms: set[str] = set()
    for lemma in lemmas:
        for old, new in lookups.get_table("lemma_rules").get(pos, []):
            if lemma.endswith(new):
                forms.add(lemma[: len(lemma) - len(new)] + old)
    for form, found in lookups.get_table("lemma_exc").get(pos, {}).items():
        if any(lemma in lemmas for lemma in found):
            forms.add(form)
    return forms
