"""The fitted stance model: its weights file, and numpy inference over its inputs.

The model is a two-level stack, both levels fitted on NewsMTSC's train split
only (see ``train.py``):

1. a logistic regression over the hashed sparse features and the 20 base
   numbers of ``features.extract``: it knows many words but reads them as a bag;
2. a few small attention networks (different seeds, averaged) over the token
   rows. Each word row says what the word is (GloVe, tok2vec) and where it stands
   relative to the target, so attention learns which words speak *about* the
   target. They also read the base numbers and the regression's log-probabilities.

Inference is numpy only; nothing is downloaded or trained at run time.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .features import (
    N_BASE,
    N_HASH,
    TOKEN_DIM,
    PairInputs,
    SentenceScores,
    WordVectors,
    dequantize_vectors,
    extract,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LABELS: tuple[str, ...] = ("positive", "neutral", "negative")
FORMAT = 1


@dataclass(frozen=True, slots=True)
class Network:
    """One attention network: tanh token layer, attention heads + max pooling, softmax."""

    W1: np.ndarray  # (TOKEN_DIM, H)
    b1: np.ndarray  # (H,)
    v: np.ndarray  # (H, heads)
    W2: np.ndarray  # ((heads + 1) * H + N_BASE + 3, 3)
    b2: np.ndarray  # (3,)

    def log_proba(self, tokens: np.ndarray, side: np.ndarray) -> np.ndarray:
        """Log-probabilities of the three labels for one target's standardised rows."""
        h = np.tanh(tokens @ self.W1 + self.b1)  # (T, H)
        a = h @ self.v  # (T, heads)
        a = np.exp(a - a.max(axis=0))
        alpha = a / a.sum(axis=0)
        pooled = (alpha.T @ h).ravel()  # (heads * H,)
        z = np.concatenate([pooled, h.max(axis=0), side])
        return _log_softmax(z @ self.W2 + self.b2)


@dataclass(frozen=True, slots=True)
class StanceModel:
    """The fitted weights and the word resources the features need."""

    lr_sparse: np.ndarray  # (3, N_HASH)
    lr_base: np.ndarray  # (3, N_BASE)
    lr_bias: np.ndarray  # (3,)
    base_mean: np.ndarray
    base_scale: np.ndarray
    tok_mean: np.ndarray
    tok_scale: np.ndarray
    networks: tuple[Network, ...]
    vectors: WordVectors
    meta: dict

    # ----------------------------------------------------------------- loading

    @classmethod
    def load(cls, path: str | Path) -> StanceModel:
        """Read a weights file written by ``train.py``."""
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(bytes(z["meta"]).decode("utf-8"))
            if meta.get("format") != FORMAT or meta.get("n_hash") != N_HASH:
                raise ValueError(f"{path}: not a stance weights file of format {FORMAT}")
            if meta.get("token_dim") != TOKEN_DIM or meta.get("n_base") != N_BASE:
                raise ValueError(f"{path}: written for other features")
            words = bytes(z["glove_words"]).decode("utf-8").split("\n")
            parts = ("W1", "b1", "v", "W2", "b2")
            nets = tuple(
                Network(*(z[f"net{k}_{p}"].astype(np.float32) for p in parts))
                for k in range(meta["n_networks"])
            )
            return cls(
                lr_sparse=z["lr_sparse"].astype(np.float32),
                lr_base=z["lr_base"].astype(np.float32),
                lr_bias=z["lr_bias"].astype(np.float32),
                base_mean=z["base_mean"],
                base_scale=z["base_scale"],
                tok_mean=z["tok_mean"],
                tok_scale=z["tok_scale"],
                networks=nets,
                vectors=WordVectors(
                    {w: i for i, w in enumerate(words)},
                    dequantize_vectors(z["glove_q"], z["glove_scale"]),
                ),
                meta=meta,
            )

    # ----------------------------------------------------------------- prediction

    def inputs(
        self,
        sent: Span | Doc,
        start: int,
        end: int,
        lexicon: dict[str, float],
        scores: SentenceScores,
    ) -> PairInputs:
        """The features of one target; ``scores`` is VADER of the sentence (``sentence_scores``)."""
        return extract(sent, start, end, lexicon, scores, self.vectors)

    def regression_log_proba(self, x: PairInputs) -> np.ndarray:
        """First level: the logistic regression's log-probabilities."""
        base = (x.base - self.base_mean) / self.base_scale
        logits = self.lr_sparse[:, x.sparse_idx] @ x.sparse_val + self.lr_base @ base + self.lr_bias
        return _log_softmax(logits)

    def proba(self, x: PairInputs) -> np.ndarray:
        """Probabilities of (positive, neutral, negative): the networks' geometric mean."""
        base = (x.base - self.base_mean) / self.base_scale
        side = np.concatenate([base, self.regression_log_proba(x)]).astype(np.float32)
        tokens = (x.tokens - self.tok_mean) / self.tok_scale
        mean = np.mean([net.log_proba(tokens, side) for net in self.networks], axis=0)
        return np.exp(_log_softmax(mean))

    def predict(
        self,
        sent: Span | Doc,
        start: int,
        end: int,
        lexicon: dict[str, float],
        scores: SentenceScores,
    ) -> tuple[str, float]:
        """(label, probability) of how ``sent`` portrays ``doc.text[start:end]``."""
        p = self.proba(self.inputs(sent, start, end, lexicon, scores))
        k = int(np.argmax(p))
        return LABELS[k], float(p[k])


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    return z - np.log(np.exp(z).sum())


# --------------------------------------------------------------------------- writing


def save_weights(path: str | Path, arrays: dict[str, np.ndarray], meta: dict) -> None:
    """Write an .npz byte-for-byte reproducibly (fixed zip timestamps, sorted names),
    so two training runs can be compared by their sha256."""
    items = dict(arrays)
    items["meta"] = np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(items):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(items[name]), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue())
