"""``article-reader toward FILE.jsonl``: how each sentence portrays its target.

For scripts and evaluation: one JSON object per input line,
``{"sentence": ..., "start": ..., "end": ...}`` (``target_start`` and
``target_end`` are read too, and an ``id`` is passed through), and one line out
for each: ``{"id", "label", "confidence", "probabilities"}``. ``-`` reads
standard input. A bad line is reported on stderr in one line and skipped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, TextIO

from .commands import PROG

#: Lines parsed together: the model parses a batch of sentences at once.
BATCH = 256


@dataclass(frozen=True)
class Question:
    where: str  # "FILE:LINE", for messages
    id: Any
    sentence: str
    start: int
    end: int


def read_questions(name: str, stream: TextIO, err: TextIO) -> Iterator[Question | None]:
    """The questions of one JSONL stream; None for each line that is not one."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            item = json.loads(line)
            sentence = item["sentence"]
            start = int(item["start"] if "start" in item else item["target_start"])
            end = int(item["end"] if "end" in item else item["target_end"])
            if not isinstance(sentence, str) or not 0 <= start < end <= len(sentence):
                raise ValueError("start and end must be a span of the sentence")
        except (ValueError, KeyError, TypeError) as error:
            reason = f"missing {error}" if isinstance(error, KeyError) else str(error)
            print(f"{PROG}: {where}: not a question ({reason})", file=err)
            yield None
            continue
        yield Question(where, item.get("id"), sentence, start, end)


def answer(questions: Sequence[Question]) -> list[dict[str, Any]]:
    from ..portrayal.judge import parse_sentences, shared_judge

    judge = shared_judge()
    sentences = list(dict.fromkeys(q.sentence for q in questions))
    docs = dict(zip(sentences, parse_sentences(sentences), strict=True))
    out = []
    for q in questions:
        j = judge.judge(docs[q.sentence], q.start, q.end)
        out.append(
            {
                "id": q.id,
                "label": j.label,
                "confidence": j.confidence,
                "probabilities": {
                    "supportive": round(j.supportive, 4),
                    "neutral": round(j.neutral, 4),
                    "critical": round(j.critical, 4),
                },
            }
        )
    return out


def run_toward(files: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Answer every question of ``files``; 1 if any line or file could not be read."""
    failures = 0
    for name in files:
        try:
            opened = nullcontext(sys.stdin) if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            print(f"{PROG}: {name}: cannot read it ({error.strerror or error})", file=err)
            failures += 1
            continue
        with opened as stream:
            batch: list[Question] = []
            try:
                for question in read_questions(name, stream, err):
                    if question is None:
                        failures += 1
                        continue
                    batch.append(question)
                    if len(batch) >= BATCH:
                        _write(answer(batch), out)
                        batch = []
            except UnicodeDecodeError:
                print(f"{PROG}: {name}: not UTF-8 text", file=err)
                failures += 1
            _write(answer(batch), out)
    return 1 if failures else 0


def _write(rows: list[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
