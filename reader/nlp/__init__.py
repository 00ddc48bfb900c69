"""The language model and what it gives: parsed blocks, sentences, cue words, the language.

``model`` loads spaCy once (only the components a process needs); ``docs`` runs
the whole pipeline over a document's blocks (cut into pieces), or only what
sentence boundaries need; ``staged_parse`` runs only the parts each stage of the
analysis needs; ``cues`` holds the words of reported speech; ``segment`` turns
parses into sentence spans; ``language`` tells whether a text is English prose.
"""

from __future__ import annotations

from .docs import (
    MAX_PIECE_CHARS,
    SENTENCE_PARSE,
    ParsedBlock,
    Piece,
    is_analysed,
    parse,
    parse_sentences,
    pieces,
)
from .model import (
    MODEL_PACKAGES,
    SENTENCE_COMPONENTS,
    components_run,
    forget_runs,
    is_model_loaded,
    load_model,
    loaded_components,
    settle_heap,
    use_model_packages,
)
from .staged_parse import (
    CHUNK_WORDS,
    SENTENCE_PIPES,
    chunk_pieces,
    parse_statements,
    piece_texts,
    split_sentences,
    statement_sentences,
    supports_stages,
    tag_entities,
)

__all__ = [
    "CHUNK_WORDS",
    "MAX_PIECE_CHARS",
    "MODEL_PACKAGES",
    "SENTENCE_COMPONENTS",
    "SENTENCE_PARSE",
    "SENTENCE_PIPES",
    "ParsedBlock",
    "Piece",
    "chunk_pieces",
    "components_run",
    "forget_runs",
    "is_analysed",
    "is_model_loaded",
    "load_model",
    "loaded_components",
    "parse",
    "parse_sentences",
    "parse_statements",
    "piece_texts",
    "pieces",
    "settle_heap",
    "split_sentences",
    "statement_sentences",
    "supports_stages",
    "tag_entities",
    "use_model_packages",
]
