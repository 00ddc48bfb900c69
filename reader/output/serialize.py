"""The stable JSON shape of documents and analyses (the CLI's json/jsonl output).

Documented in the README; add keys freely, never rename or remove one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..models import (
    Document,
    Entity,
    Portrayal,
    SentenceWhy,
    Speaker,
    StageNote,
    Statement,
    Summary,
    SummarySentence,
    TextRef,
)


def document_json(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "format": document.format,
        "metadata": dict(document.metadata),
    }


def summary_json(summary: Summary) -> dict[str, Any]:
    return {
        "algorithm": summary.algorithm,
        "length": summary.length,
        "sentences": [summary_sentence_json(s) for s in summary.sentences],
        "capped_at": summary.capped_at,
        "sections": [
            {
                "title": section.title,
                "start": section.start,
                "end": section.end,
                "sentences": [summary_sentence_json(s) for s in section.sentences],
            }
            for section in summary.sections
        ],
    }


def summary_sentence_json(s: SummarySentence) -> dict[str, Any]:
    return {
        "index": s.index,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "score": s.score,
        "why": why_json(s.why),
        "ranks": dict(s.ranks),
    }


def why_json(why: SentenceWhy | None) -> dict[str, Any] | None:
    """``{rank, of, how, raised, lowered, because}``: see the README's JSON section."""
    if why is None:
        return None
    return {
        "rank": why.rank,
        "of": why.candidates,
        "how": why.how,
        "raised": {f: round(v, 4) for f, v in why.factors if v > 0},
        "lowered": {f: round(v, 4) for f, v in why.factors if v < 0},
        "because": list(why.phrases),
    }


def entities_json(
    entities: Iterable[Entity], portrayals: Iterable[Portrayal] = ()
) -> list[dict[str, Any]]:
    """Each entity; people, organisations and places with their ``portrayal``."""
    portrayal_of = {p.entity: p for p in portrayals}
    return [
        {
            "name": e.name,
            "type": e.type,
            "count": e.count,
            "aliases": list(e.aliases),
            "merge_reasons": list(e.merge_reasons),
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            "portrayal": portrayal_json(portrayal_of.get(e.name)),
        }
        for e in entities
    ]


def portrayal_json(portrayal: Portrayal | None) -> dict[str, int] | None:
    """``{positive, neutral, negative, sentences}``: judged sentences by label, and
    all the sentences naming the entity (more when a sample was judged)."""
    if portrayal is None:
        return None
    return {**portrayal.counts(), "sentences": portrayal.sentences}


def _ref(ref: TextRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"text": ref.text, "start": ref.start, "end": ref.end}


def _speaker(speaker: Speaker) -> dict[str, Any] | None:
    """The speaker, or None when the article itself is the source."""
    if speaker.start is None:
        return None
    return {
        "text": speaker.text,
        "start": speaker.start,
        "end": speaker.end,
        "entity": speaker.entity,
    }


def statements_json(statements: Iterable[Statement]) -> list[dict[str, Any]]:
    return [
        {
            "speaker": _speaker(s.speaker),
            "cue": _ref(s.cue),
            "content": _ref(s.content),
            "label": s.label,
            "score": round(s.score, 4),
            "targets": list(s.targets),
            "direct": s.direct,
            "reasons": list(s.reasons),
            "confidence": round(s.confidence, 4),
            "stances": [
                {"target": t.target, "label": t.label, "confidence": round(t.confidence, 4)}
                for t in s.stances
            ],
        }
        for s in statements
    ]


def notes_json(notes: Iterable[StageNote]) -> list[dict[str, Any]]:
    """The stages that failed (``failed``) or did not apply, each with its sentence."""
    return [{"stage": n.stage, "message": n.message, "failed": n.failed} for n in notes]
