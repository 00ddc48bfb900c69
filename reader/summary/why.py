"""Why a summary sentence was picked: its rank, what raised it, in short phrases.

For the News summariser the answer is exact: its score is a sum of
per-feature contributions (``news.Ranking.contributions``), grouped as
position, centrality, keywords, title, length and form; the phrases name
the facts behind the groups that raised it ("the article's first sentence",
"covers the keywords: wall, vote"). For the other algorithms the answer is
their rank and the one idea each rates by (``CRITERIA``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy

from ..models import SentenceWhy
from ..options import ALGORITHMS, NEWS
from . import news
from .news_features import FEATURES, GROUPS, content_stems
from .words import to_words

#: What each of the other algorithms rates a sentence by, as a person reads it.
CRITERIA: dict[str, str] = {
    "lead": "comes early in the article (Lead keeps the article's order)",
    "lexrank": "similar to many other sentences (LexRank's centrality)",
    "textrank": "central among the sentences that share words (TextRank)",
    "lsa": "strong on the article's main topics (LSA)",
    "luhn": "dense with the article's significant words (Luhn)",
    "edmundson": "cue words, title words and its place (Edmundson)",
    "kl": "keeps the summary's words close to the article's (KL-Sum)",
    "sumbasic": "made of the article's most frequent words (SumBasic)",
    "reduction": "shares many words with the other sentences (Reduction)",
}
assert set(CRITERIA) == set(ALGORITHMS) - {NEWS}, "every other algorithm says what it rates"

#: A group's contribution below this (in log-odds) is not worth a phrase.
NOTABLE = 0.1
QUOTATION = "part of a quotation kept whole"
FOLLOWS_ON = "follows on from the sentence before it, which is left out"
_FEATURE = {name: k for k, name in enumerate(FEATURES)}
_ORDINALS = ("first", "second", "third")


def ranks_among(values: Sequence[float], usable: Sequence[bool]) -> list[int]:
    """1 for the highest of the usable values (ties: the earlier first), 0 for the unusable."""
    order = sorted((p for p in range(len(values)) if usable[p]), key=lambda p: (-values[p], p))
    ranks = [0] * len(values)
    for place, p in enumerate(order, start=1):
        ranks[p] = place
    return ranks


def rated(algorithm: str, rank: int, candidates: int, quotation: bool) -> SentenceWhy:
    """The explanation of a sentence picked by one of sumy's algorithms or Lead."""
    return SentenceWhy(
        rank, candidates, (), (CRITERIA[algorithm],), QUOTATION if quotation else "picked"
    )


def learned(ranking: news.Ranking, position: int, rank: int, candidates: int) -> SentenceWhy:
    """The explanation of the News summariser's pick at candidate ``position``."""
    values = ranking.contributions[position]
    factors = tuple(
        sorted(
            ((group, round(float(v), 4)) for group, v in zip(GROUPS, values, strict=True)),
            key=lambda item: -abs(item[1]),
        )
    )
    phrases = tuple(
        phrase
        for group, value in sorted(factors, key=lambda item: -item[1])
        if value >= NOTABLE
        for phrase in (_phrase(ranking, position, group),)
        if phrase
    )
    if not phrases:
        phrases = ("no one thing: a little of each",)
    index = ranking.indices[position]
    how = ranking.reasons.get(index, news.PICKED)
    if index in ranking.context:
        how = FOLLOWS_ON
    elif how == news.PICKED and ranking.quoted[position]:
        how = QUOTATION
    return SentenceWhy(rank, candidates, factors, phrases, how)


def _phrase(ranking: news.Ranking, position: int, group: str) -> str:
    table = ranking.table
    row = table.matrix[position]
    text = table.texts[position]
    if group == "position":
        return _position_phrase(row)
    if group == "centrality":
        return "close to what the whole article is about"
    if group == "keywords":
        covered = table.keyword_rows[position].indices
        names = [table.keywords[k] for k in sorted(covered)]
        if names:
            return "covers the keywords: " + ", ".join(names[:4])
        return "repeats phrases the article comes back to"
    if group == "title":
        shared = _title_words(text, table.title_words)
        return "shares words with the headline: " + ", ".join(shared[:4]) if shared else ""
    if group == "length":
        return f"long enough to carry the story ({int(table.words[position])} words)"
    if group == "form":
        return _form_phrase(row)
    return ""


def _position_phrase(row: numpy.ndarray) -> str:
    lead = row[_FEATURE["lead_inv"]]
    place = round(1 / lead) - 1 if lead > 0 else 99
    if place < len(_ORDINALS):
        return f"the article's {_ORDINALS[place]} sentence"
    if row[_FEATURE["para_first"]]:
        return "opens a paragraph"
    if row[_FEATURE["pos_rel"]] <= 0.25:
        return "early in the article"
    return "where it stands in the article"


def _form_phrase(row: numpy.ndarray) -> str:
    facts = []
    if row[_FEATURE["digits"]]:
        facts.append("gives figures")
    if row[_FEATURE["said"]]:
        facts.append("reports what someone said")
    if row[_FEATURE["quote_any"]] and not row[_FEATURE["said"]]:
        facts.append("quotes someone")
    return ", ".join(facts) or "reads as a plain statement"


def _title_words(text: str, title: frozenset[str]) -> list[str]:
    """The sentence's own words whose stems are in the headline, each once, in order."""
    if not title:
        return []
    seen: dict[str, str] = {}
    for word in to_words(text):
        stems = content_stems(word)
        if stems and stems[0] in title and stems[0] not in seen:
            seen[stems[0]] = word
    return list(seen.values())
