"""``article-reader toward FILE.jsonl``: how each sentence portrays its target.

For scripts and evaluation: one JSON object per input line,
``{"sentence": ..., "start": ..., "end": ...}`` (``target_start`` and
``target_end`` are read too, and an ``id`` is passed through), and one line out
for each: ``{"id", "label", "confidence", "probabilities"}``. ``-`` reads
standard input. A bad line is reported on stderr in one line, and its output
line is ``{"id", "error"}``, so that the lines out still match the lines in.
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


@dataclass(frozen=True)
class Problem:
    where: str
    id: Any
    reason: str


def _question(where: str, line: str) -> Question | Problem:
    try:
        item = json.loads(line)
    except ValueError:
        return Problem(where, None, "not a line of JSON")
    if not isinstance(item, dict):
        return Problem(where, None, "not a JSON object")
    ident = item.get("id")
    sentence = item.get("sentence")
    if not isinstance(sentence, str):
        return Problem(where, ident, 'no "sentence" text')
    try:
        start = int(item["start"] if "start" in item else item["target_start"])
        end = int(item["end"] if "end" in item else item["target_end"])
    except KeyError:
        return Problem(where, ident, 'no "start" and "end" of the target')
    except (TypeError, ValueError):
        return Problem(where, ident, '"start" and "end" must be whole numbers')
    if not 0 <= start < end <= len(sentence):
        return Problem(where, ident, f"{start}:{end} is not a span of the sentence")
    return Question(where, ident, sentence, start, end)


def read_questions(name: str, stream: TextIO) -> Iterator[Question | Problem]:
    """The questions of one JSONL stream, and a ``Problem`` for each line that is not one."""
    for number, line in enumerate(stream, 1):
        if line.strip():
            yield _question(f"{name}:{number}", line)


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
            batch: list[Question | Problem] = []
            try:
                for item in read_questions(name, stream):
                    if isinstance(item, Problem):
                        print(f"{PROG}: {item.where}: {item.reason}", file=err)
                        failures += 1
                    batch.append(item)
                    if len(batch) >= BATCH:
                        _write(_answered(batch), out)
                        batch = []
            except UnicodeDecodeError:
                print(f"{PROG}: {name}: not UTF-8 text", file=err)
                failures += 1
            _write(_answered(batch), out)
    return 1 if failures else 0


def _answered(batch: list[Question | Problem]) -> list[dict[str, Any]]:
    """A row per item in order: the answer, or the problem's ``{"id", "error"}``."""
    answers = iter(answer([q for q in batch if isinstance(q, Question)]))
    return [
        next(answers) if isinstance(q, Question) else {"id": q.id, "error": q.reason} for q in batch
    ]


def _write(rows: list[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
