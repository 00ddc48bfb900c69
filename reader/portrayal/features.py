"""Inputs of the target-dependent stance model for one (sentence, target) pair.

NewsMTSC's label says how a news sentence *portrays* a target: "X attacked Y as
corrupt" is negative for Y and usually neutral for X. So besides what the
sentence says, the inputs must say which words are *about* the target. All of
it comes from spaCy's parse of the sentence (``en_core_web_sm``: tok2vec,
tagger, parser, attribute_ruler, lemmatizer; NER is not used), VADER's lexicon
and a frequency-ordered subset of GloVe word vectors:

* ``sparse``: hashed string features for the logistic regression: the
  sentence's lemmas and bigrams (the target masked), lemmas near the target in
  the dependency tree (bucketed by distance) and in a linear window (with
  side), the target's role and the words governing it ("dobj<blast"), and
  VADER polarity by relation to the target ("the target is the agent of a
  negative verb");
* ``base``: 20 dense numbers (VADER valences weighted by tree distance, the
  target's role, quotation, negation, position);
* ``tokens``: one row per word for the attention network: GloVe and tok2vec
  vectors plus where the word stands relative to the target (tree distance,
  relation, side, linear gap), its VADER valence and whether it is quoted.

String features are hashed with CRC-32 into ``N_HASH`` buckets, so the weights
hold numbers only, never text of the training corpus.
"""

from __future__ import annotations

import heapq
import itertools
import math
import zlib
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

N_HASH = 1 << 18  # hashed sparse feature space (262,144 buckets)
TENSOR_DIM = 96  # width of en_core_web_sm's tok2vec output (doc.tensor)
GLOVE_DIM = 50
MAX_TOKENS = 80  # token rows kept for the attention network, nearest the target first

# Crossing into another clause costs two steps: a word of a subordinate clause
# says less about the target than a word of its own clause.
_CLAUSE_LINKS = frozenset({"conj", "parataxis", "ccomp", "advcl", "relcl", "xcomp", "acl"})
_COPULAS = frozenset({"be", "become", "seem", "remain", "appear", "look", "sound", "stay"})
_SPEECH = frozenset(
    {
        *("say", "tell", "add", "note", "argue", "claim", "state", "write", "insist"),
        *("explain", "warn", "accuse", "blast", "slam", "criticize", "criticise"),
        *("praise", "call", "ask", "suggest", "declare", "announce", "report"),
    }
)
_QUOTE_MARKS = frozenset('"“”')
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "without"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "INTJ"})
_KEPT_PUNCT = frozenset({"!", "?", '"', "“", "”"})
VADER_NEGATION = -0.74  # VADER's own factor for a negated word

BASE_NAMES: tuple[str, ...] = (
    "VADER compound of the sentence",
    "VADER positive share",
    "VADER negative share",
    "positive valence near the target (0.5 ** tree distance)",
    "negative valence near the target (0.5 ** tree distance)",
    "positive valence anywhere",
    "negative valence anywhere",
    "positive valence in the target's clause",
    "negative valence in the target's clause",
    "target is an agent (subject of a non-copular verb)",
    "target is the subject of a copula",
    "target is an object / patient",
    "target is a possessor",
    "target inside quotation marks",
    "quotation marks elsewhere",
    "target is the subject of a speech verb",
    "negation on the target's clause verb",
    "target's position in the sentence (0..1)",
    "log sentence length",
    "other proper-noun heads in the sentence",
)
N_BASE = len(BASE_NAMES)

_RELATIONS = ("target", "sub", "anc1", "anc", "cl", "far")
_DIST_EDGES = (0, 1, 2, 3, 4, 6)  # bucket k holds tree distances <= edge k, the last one more
TOKEN_DIM = GLOVE_DIM + 1 + TENSOR_DIM + 7 + len(_RELATIONS) + 2 + 4 + 2 + 1


@dataclass(frozen=True, slots=True)
class WordVectors:
    """A frequency-ordered subset of lowercase pretrained word vectors (GloVe 6B 50d)."""

    index: Mapping[str, int]
    matrix: np.ndarray  # (n_words, GLOVE_DIM)

    def lookup(self, token: Token) -> int | None:
        """Row of the token's lowercase form, else of its lemma, else None."""
        row = self.index.get(token.lower_)
        if row is None:
            row = self.index.get(token.lemma_.lower())
        return row


def quantize_vectors(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one float32 scale each: halves the weights file against float16."""
    m = np.asarray(matrix, dtype=np.float32)
    scale = np.abs(m).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(m / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def dequantize_vectors(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """The float16 matrix the features read; training and inference both go through it."""
    return (q.astype(np.float32) * scale[:, None]).astype(np.float16)


@dataclass(frozen=True, slots=True)
class SentenceScores:
    """VADER's scores of the whole sentence, computed once for all its targets."""

    compound: float
    pos: float
    neg: float


@dataclass(frozen=True, slots=True)
class PairInputs:
    """Everything the model reads for one target."""

    sparse_idx: np.ndarray  # int32 hash buckets, unique
    sparse_val: np.ndarray  # float32 summed values per bucket
    base: np.ndarray  # float32 (N_BASE,)
    tokens: np.ndarray  # float32 (n_rows, TOKEN_DIM), n_rows <= MAX_TOKENS


@dataclass(frozen=True, slots=True)
class _Target:
    """The parse facts about the target that every feature group uses."""

    sent: Span
    ids: frozenset[int]  # token indices of the mention (in the doc)
    first: int
    last: int
    head: Token  # syntactic head of the mention phrase
    gov: Token  # the word saying something about it
    clause: Token  # the verb of the target's clause
    ancestors: frozenset[int]
    dist: dict[int, int]  # tree distance of every token of the sentence
    quoted: list[bool]  # per token of the sentence


# --------------------------------------------------------------------------- entry point


def extract(
    sent: Span | Doc,
    start: int,
    end: int,
    lexicon: Mapping[str, float],
    scores: SentenceScores,
    vectors: WordVectors,
) -> PairInputs:
    """All inputs for the target ``doc.text[start:end]`` inside the sentence ``sent``.

    ``sent`` may be a whole Doc (one sentence parsed alone) or a sentence Span of
    a larger Doc; offsets are always in the Doc's text. The Doc needs the tagger,
    parser, lemmatizer and ``doc.tensor`` from tok2vec.
    """
    target = _locate(_as_span(sent), start, end)
    feats: dict[str, float] = {}
    _lexical(target, feats)
    role = _role(target, feats)
    _composition(target, role, lexicon, feats)
    base = _base(target, role, lexicon, scores)
    idx, val = hash_features(feats)
    return PairInputs(idx, val, base, token_rows(target, lexicon, vectors))


def sentence_scores(text: str, polarity_scores: object) -> SentenceScores:
    """VADER's compound, positive and negative shares of ``text``.

    ``polarity_scores`` is ``SentimentIntensityAnalyzer().polarity_scores``."""
    s = polarity_scores(text)  # type: ignore[operator]
    return SentenceScores(s["compound"], s["pos"], s["neg"])


def hash_features(feats: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Sum the named features into their hash buckets."""
    buckets: dict[int, float] = {}
    for name, value in feats.items():
        b = _bucket(name)
        buckets[b] = buckets.get(b, 0.0) + value
    idx = np.fromiter(buckets.keys(), dtype=np.int32, count=len(buckets))
    val = np.fromiter(buckets.values(), dtype=np.float32, count=len(buckets))
    return idx, val


def evidence_words(
    sent: Span | Doc, start: int, end: int, lexicon: Mapping[str, float], sign: int, limit: int = 3
) -> tuple[str, ...]:
    """The sentiment words of ``sign`` (1 or -1) that stand nearest the target in the
    parse, for a person to read why a label was given ("negated good" when a
    negation turned the word round)."""
    target = _locate(_as_span(sent), start, end)
    found: dict[str, tuple[int, float]] = {}
    for t in target.sent:
        if t.i in target.ids:
            continue
        value = _valence(t, lexicon)
        if value is None or (value > 0) != (sign > 0):
            continue
        word = ("negated " if _is_negated(t) else "") + t.text.lower()
        rank = (target.dist.get(t.i, 99), -abs(value))
        if word not in found or rank < found[word]:
            found[word] = rank
    return tuple(sorted(found, key=found.__getitem__)[:limit])


# --------------------------------------------------------------------------- parse helpers


def _as_span(sent: Span | Doc) -> Span:
    """A whole Doc as the one sentence it holds."""
    return sent[:] if getattr(sent, "doc", None) is sent else sent  # type: ignore[return-value]


@lru_cache(maxsize=200_000)
def _bucket(feature: str) -> int:
    """Stable hash of a feature string (Python's own ``hash`` is salted per process)."""
    return zlib.crc32(feature.encode("utf-8")) & (N_HASH - 1)


def _norm(token: Token) -> str:
    """The lowercase lemma; numbers fold to one symbol so they do not fill the hash space."""
    return "<num>" if token.like_num else token.lemma_.lower()


def _locate(sent: Span, start: int, end: int) -> _Target:
    tokens = [t for t in sent if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:  # a span between tokens: take the nearest token
        tokens = [min(sent, key=lambda t: abs(t.idx - start))]
    ids = frozenset(t.i for t in tokens)
    head = _mention_head(tokens)
    return _Target(
        sent=sent,
        ids=ids,
        first=min(ids),
        last=max(ids),
        head=head,
        gov=_governor(head),
        clause=_clause_root(head),
        ancestors=frozenset(a.i for a in head.ancestors),
        dist=_tree_distances(sent, sorted(ids)),
        quoted=_sentence_tree(sent).quoted,
    )


def _mention_head(tokens: list[Token]) -> Token:
    """The head of the mention, climbed out of name-internal links ("President
    [Obama]", "[Obama], the president") so its role is the whole phrase's role."""
    head = min(tokens, key=lambda t: sum(1 for _ in t.ancestors))
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    return head


def _governor(head: Token) -> Token:
    """The word that says something about the target, through a preposition
    ("criticism of X" -> criticism)."""
    gov = head.head
    if head.dep_ == "pobj" and gov.head.i != gov.i:
        gov = gov.head
    return gov


def _clause_root(token: Token) -> Token:
    """The nearest verb (or the root) above ``token``: the clause it belongs to."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


@dataclass(frozen=True, slots=True)
class _Tree:
    """What every target of one sentence reads the same: its tree as lists."""

    steps: list[list[tuple[int, int]]]  # per token (from the sentence start): (token, cost)
    quoted: list[bool]  # per token


_trees: OrderedDict[tuple[int, int, int], tuple[Doc, _Tree]] = OrderedDict()


def _sentence_tree(sent: Span) -> _Tree:
    """The sentence's ``_Tree``, made once for all its targets (the last few are kept)."""
    doc = sent.doc
    key = (id(doc), sent.start, sent.end)
    kept = _trees.get(key)
    if kept is not None and kept[0] is doc:
        return kept[1]
    lo, hi = sent.start, sent.end
    steps: list[list[tuple[int, int]]] = [[] for _ in range(hi - lo)]
    for token in sent:
        head = token.head.i
        if head != token.i and lo <= head < hi:
            cost = 2 if token.dep_ in _CLAUSE_LINKS else 1
            steps[token.i - lo].append((head - lo, cost))
            steps[head - lo].append((token.i - lo, cost))
    tree = _Tree(steps, _quote_flags(sent))
    _trees[key] = (doc, tree)
    while len(_trees) > 8:
        _trees.popitem(last=False)
    return tree


def _tree_distances(sent: Span, sources: list[int]) -> dict[int, int]:
    """Shortest distance over the dependency tree from the target to every token
    of the sentence; clause links cost two."""
    lo = sent.start
    steps = _sentence_tree(sent).steps
    far = 2 * len(sent) + 2
    dist = [far] * len(steps)
    heap = [(0, i - lo) for i in sources]
    for i in sources:
        dist[i - lo] = 0
    while heap:
        d, i = heapq.heappop(heap)
        if d > dist[i]:
            continue
        for j, cost in steps[i]:
            nd = d + cost
            if nd < dist[j]:
                dist[j] = nd
                heapq.heappush(heap, (nd, j))
    return {lo + k: v for k, v in enumerate(dist)}


def _quote_flags(sent: Span) -> list[bool]:
    """Whether each token stands inside double quotation marks (a toggle over the
    marks; the app's ``reader.statements.quotes`` is more careful and may replace it)."""
    inside = False
    flags: list[bool] = []
    for t in sent:
        if t.text in _QUOTE_MARKS:
            flags.append(False)
            inside = True if t.text == "“" else False if t.text == "”" else not inside
        else:
            flags.append(inside)
    return flags


def _is_negated(token: Token) -> bool:
    """A negation on the word or on its head ("did not praise", "no good")."""
    if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in token.children):
        return True
    head = token.head
    return head.i != token.i and any(c.dep_ == "neg" for c in head.children)


def _valence(token: Token, lexicon: Mapping[str, float]) -> float | None:
    """VADER's valence of the word (by form, then lemma), turned round under negation."""
    value = lexicon.get(token.lower_)
    if value is None:
        value = lexicon.get(token.lemma_.lower())
    if value is None:
        return None
    return value * VADER_NEGATION if _is_negated(token) else value


def _relation(target: _Target, word: Token) -> str:
    """Where ``word`` stands with respect to the target: inside its phrase
    ("corrupt X"), its direct head ("attacked X"), a higher ancestor, in the same
    clause, or farther."""
    head = target.head
    if word.i in target.ids:
        return "target"
    if head.left_edge.i <= word.i <= head.right_edge.i:
        return "sub"
    if word.i in target.ancestors:
        return "anc1" if word.i == head.head.i else "anc"
    if target.clause.left_edge.i <= word.i <= target.clause.right_edge.i:
        return "cl"
    return "far"


# --------------------------------------------------------------------------- sparse features


def _lexical(target: _Target, feats: dict[str, float]) -> None:
    """Bag of lemmas and bigrams of the sentence (the mention masked as <T>), lemmas
    bucketed by tree distance, and a 4-word window on each side.

    Masking keeps the label coming from what the sentence says, not from who
    the target is."""
    words: list[str] = []
    for t in target.sent:
        if t.i in target.ids:
            if t.i == target.first:
                words.append("<T>")
            continue
        if t.is_punct and t.text not in _KEPT_PUNCT:
            continue
        w = _norm(t)
        words.append(w)
        feats["w=" + w] = 1.0
        if t.pos_ not in _CONTENT_POS and t.dep_ != "neg":
            continue
        d = target.dist.get(t.i, 99)
        bucket = "1" if d <= 1 else "2" if d <= 2 else "3" if d <= 4 else ""
        if bucket:
            feats[f"d{bucket}=" + w] = 1.0
        if target.first - 4 <= t.i < target.first:
            feats["L=" + w] = 1.0
        elif target.last < t.i <= target.last + 4:
            feats["R=" + w] = 1.0
    for a, b in itertools.pairwise(words):
        feats[f"b={a}_{b}"] = 1.0


def _role(target: _Target, feats: dict[str, float]) -> np.ndarray:
    """The target's syntactic role, the words that govern it, quotes and negation.

    Returns the 8 role flags of ``BASE_NAMES`` (agent .. negated clause verb)."""
    head, gov, verb = target.head, target.gov, target.clause
    dep = head.dep_
    gl = _norm(gov)
    feats["dep=" + dep] = 1.0
    feats[f"dep={dep}<{gl}"] = 1.0
    feats["gov=" + gl] = 1.0
    if dep == "pobj":
        feats[f"prep={head.head.lower_}<{gl}"] = 1.0
    if dep == "poss":
        feats["poss<" + _norm(head.head)] = 1.0
    path: list[str] = []  # dependency labels from the mention up (three links at most)
    node = head
    while node.head.i != node.i and len(path) < 3:
        path.append(node.dep_)
        node = node.head
    feats["path=" + ">".join(path)] = 1.0
    for c in head.children:  # modifiers of the target itself ("corrupt X", "X, a liar")
        if c.dep_ in ("amod", "appos", "relcl", "acl", "compound"):
            feats[f"mod:{c.dep_}={_norm(c)}"] = 1.0
    copular = verb.lemma_ in _COPULAS or any(c.dep_ in ("attr", "acomp") for c in verb.children)
    rel = head.i - target.sent.start
    inside = target.quoted[rel] if 0 <= rel < len(target.quoted) else False
    role = np.array(
        [
            dep in ("nsubj", "csubj") and not copular,
            dep == "nsubj" and copular,
            dep in ("dobj", "nsubjpass", "pobj", "dative", "iobj"),
            dep == "poss",
            inside,
            any(target.quoted) and not inside,
            dep == "nsubj" and verb.lemma_.lower() in _SPEECH,
            _is_negated(verb),
        ],
        dtype=np.float32,
    )
    if role[6]:
        feats["speaker"] = 1.0
    if inside:
        feats["in_quote"] = 1.0
    if role[7]:
        feats["neg_verb"] = 1.0
        feats["neg_verb=" + _norm(verb)] = 1.0
    feats[f"clause={_norm(verb)}|{_role_letter(role)}"] = 1.0
    return role


def _role_letter(role: np.ndarray) -> str:
    """One letter for the role: Agent, Copula subject, Patient, posseSsor (X), Other."""
    for k, letter in enumerate("ACPX"):
        if role[k]:
            return letter
    return "O"


def _composition(
    target: _Target, role: np.ndarray, lexicon: Mapping[str, float], feats: dict[str, float]
) -> None:
    """Who does what to whom: content lemmas by their relation to the target, and
    VADER polarity summed by relation and by the target's role."""
    letter = _role_letter(role) + ("S" if role[6] else "") + ("Q" if role[4] else "")
    for t in target.sent:
        if t.i in target.ids or t.is_punct:
            continue
        rel = _relation(target, t)
        if t.pos_ in _CONTENT_POS and rel != "far":
            feats[f"{rel}|{_norm(t)}"] = 1.0
        value = _valence(t, lexicon)
        if value is None:
            continue
        pol = "+" if value > 0 else "-"
        v = abs(value) / 4.0
        for key in (f"c:{rel}|{letter}|{pol}", f"c:{rel}|{pol}"):
            feats[key] = feats.get(key, 0.0) + v


# --------------------------------------------------------------------------- dense features


def _base(
    target: _Target, role: np.ndarray, lexicon: Mapping[str, float], scores: SentenceScores
) -> np.ndarray:
    """The 20 numbers of ``BASE_NAMES``."""
    out = np.zeros(N_BASE, dtype=np.float32)
    out[0:3] = (scores.compound, scores.pos, scores.neg)
    lo, hi = target.clause.left_edge.i, target.clause.right_edge.i
    for t in target.sent:
        if t.i in target.ids:
            continue
        value = _valence(t, lexicon)
        if value is None:
            continue
        side = 0 if value > 0 else 1
        v = abs(value) / 4.0
        out[3 + side] += v * 0.5 ** target.dist.get(t.i, 99)
        out[5 + side] += v
        if lo <= t.i <= hi:
            out[7 + side] += v
    out[9:17] = role
    sent = target.sent
    out[17] = (target.first - sent.start) / max(1, len(sent) - 1)
    out[18] = math.log1p(len(sent))
    out[19] = sum(
        1
        for t in sent
        if t.pos_ == "PROPN" and t.i not in target.ids and t.dep_ not in ("compound", "flat")
    )
    return out


def token_rows(target: _Target, lexicon: Mapping[str, float], vectors: WordVectors) -> np.ndarray:
    """One row per word (punctuation dropped), at most ``MAX_TOKENS`` nearest the
    target, in sentence order: what the word is and where it stands."""
    sent = target.sent
    tensor = sent.doc.tensor
    has_tensor = getattr(tensor, "shape", (0,))[0] == len(sent.doc) and tensor.ndim == 2
    kept = [t for t in sent if not t.is_punct or t.i in target.ids]
    if len(kept) > MAX_TOKENS:
        kept = sorted(kept, key=lambda t: abs(t.i - target.first))[:MAX_TOKENS]
        kept.sort(key=lambda t: t.i)
    rows = np.zeros((len(kept), TOKEN_DIM), dtype=np.float32)
    glove = [vectors.lookup(t) for t in kept]
    for r, (t, g) in enumerate(zip(kept, glove, strict=True)):
        x = rows[r]
        if g is None:
            x[GLOVE_DIM] = 1.0
        else:
            x[:GLOVE_DIM] = vectors.matrix[g]
        o = GLOVE_DIM + 1
        if has_tensor:
            x[o : o + TENSOR_DIM] = tensor[t.i]
        o += TENSOR_DIM
        d = target.dist.get(t.i, 99)
        x[o + next((k for k, e in enumerate(_DIST_EDGES) if d <= e), len(_DIST_EDGES))] = 1.0
        o += len(_DIST_EDGES) + 1
        x[o + _RELATIONS.index(_relation(target, t))] = 1.0
        o += len(_RELATIONS)
        before, after = t.i < target.first, t.i > target.last
        gap = target.first - t.i if before else t.i - target.last if after else 0
        x[o], x[o + 1] = before, after
        o += 2
        x[o + (0 if gap <= 2 else 1 if gap <= 5 else 2 if gap <= 10 else 3)] = 1.0
        o += 4
        value = None if t.i in target.ids else _valence(t, lexicon)
        if value is not None:
            x[o] = value / 4.0
            x[o + 1] = float(_is_negated(t))
        o += 2
        x[o] = float(target.quoted[t.i - sent.start])
    return rows
