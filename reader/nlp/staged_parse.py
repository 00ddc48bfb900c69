"""The staged parse: each stage of the analysis runs only the model parts it needs.

The full pipeline costs about 1/4,000 s a word. Each stage needs only part of it
(in en_core_web_sm the tagger and the parser listen to the shared tok2vec, while
ner and senter carry their own small networks):

* sentences: the tokenizer and senter, about 20 times faster than the rest;
* entities: tok2vec, tagger and ner; the coarse POS (PROPN, VERB) comes from the
  attribute_ruler's own tag table, looked up directly (its matcher alone costs
  a seventh of this stage);
* statements: the parser, only over the sentences that can hold a statement (a
  speech-cue word or a quotation in or next to them), and the lemmas of the cue
  words; every other sentence gets a flat tree, so ``doc.sents`` still yields it.

A document parsed this way has the same blocks, tokens, sentences and entities
whichever process runs the stages, as long as the blocks are cut into the same
chunks (``chunk_pieces``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from ..models import Document
from .cues import cue_hashes
from .docs import Piece, pieces
from .model import load_model, note_run

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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


def split_sentences(texts: Iterable[str], model: Language | None = None) -> list[Doc]:
    """Tokens and sentence boundaries only (tokenizer and senter).

    ``model`` is the pipeline to use (the docs belong to its vocabulary); by
    default the shared one with every component, which the later stages need.
    """
    nlp: Any = model if model is not None else load_model()
    note_run(SENTENCE_PIPES)
    docs = nlp.tokenizer.pipe(texts, batch_size=BATCH_SIZE)
    return list(nlp.get_pipe("senter").pipe(docs, batch_size=BATCH_SIZE))


def tag_entities(docs: list[Doc]) -> None:
    """Add tags, coarse POS and entities to ``docs`` in place (keeps ``doc.tensor``)."""
    nlp: Any = load_model()
    note_run(ENTITY_PIPES)
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

    nlp: Any = load_model()
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
        doc.from_array([POS], cast(Any, numpy.array(pos, dtype="uint64").reshape(-1, 1)))


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

    cues = cue_hashes()
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

    nlp: Any = load_model()
    strings = nlp.vocab.strings
    root, flat = strings.add("ROOT"), strings.add("dep")
    flags = statement_sentences(docs)
    picked = []  # (doc index, first token, sentence as its own doc)
    for index, (doc, marked) in enumerate(zip(docs, flags, strict=True)):
        for sent, mark in zip(doc.sents, marked, strict=True):
            if mark:
                picked.append((index, sent.start, sent.as_doc()))
    note_run((*STATEMENT_PIPES, "lemmatizer"))
    stream: Iterable[Doc] = (p[2] for p in picked)
    for name in STATEMENT_PIPES:
        stream = nlp.get_pipe(name).pipe(stream, batch_size=BATCH_SIZE)
    parsed_sents = list(stream)
    by_doc: dict[int, list[tuple[int, Doc]]] = {}
    for (index, start, _), sub in zip(picked, parsed_sents, strict=True):
        by_doc.setdefault(index, []).append((start, sub))
    lemmatizer = nlp.get_pipe("lemmatizer")
    cues = cue_hashes()
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
        doc.from_array([HEAD, DEP, LEMMA], cast(Any, values))
        doc.tensor = numpy.zeros((0,), dtype="float32")
