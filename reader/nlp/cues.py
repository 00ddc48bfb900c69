"""The cue words of reported speech, in one place: which verbs report, and how they lean.

Attribution looks for these verbs (by lemma) to find statements; the staged
parse looks for their written forms to know which sentences to parse; stance
reads a cue's lean ("blasted" critical, "praised" supportive).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .model import component, load_model


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
        "inform advise proclaim affirm"
    )
)
# Verbs that voice a judgement on their object ("X blasted Y for ...").
EVALUATIVE_VERBS = frozenset(
    _words(
        "blast slam accuse criticize criticise condemn denounce praise welcome applaud "
        "hail commend blame lambast lambaste rebuke decry deplore castigate thank "
        "congratulate endorse reject dismiss"
    )
)
# Verbs that ask someone to act ("X urged Y to ...").
DIRECTIVE_VERBS = frozenset(
    _words("urge ask call tell warn implore press encourage demand beg advise invite")
)
# Verbs that commit to or refuse an act ("X vowed to ...").
COMMISSIVE_VERBS = frozenset(
    _words("promise pledge vow threaten refuse decline agree offer propose swear")
)
CUE_VERBS = SPEECH_VERBS | EVALUATIVE_VERBS | DIRECTIVE_VERBS | COMMISSIVE_VERBS | {"describe"}
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


@cache
def cue_hashes() -> Any:
    import numpy

    strings = load_model().vocab.strings
    return numpy.array(sorted(strings.add(form) for form in cue_forms()), dtype="uint64")


@cache
def cue_forms() -> frozenset[str]:
    """Every written form of the attribution cue verbs (said, told, claiming...).

    Built from the lemmatizer's own rules and exceptions, run backwards, so a
    token whose lemma is a cue verb always has one of these forms.
    """
    lookups = component("lemmatizer").lookups
    rules = lookups.get_table("lemma_rules").get("verb", [])
    forms = set(CUE_VERBS) | {"according"}
    for lemma in CUE_VERBS:
        for old, new in rules:
            if lemma.endswith(new):
                forms.add(lemma[: len(lemma) - len(new)] + old)
    for form, lemmas in lookups.get_table("lemma_exc").get("verb", {}).items():
        if any(lemma in CUE_VERBS for lemma in lemmas):
            forms.add(form)
    return frozenset(forms)
