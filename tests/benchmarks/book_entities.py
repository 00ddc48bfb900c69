"""Entities of a whole book, a benchmark-style check (not part of the test run):
prints the most mentioned names with their types and the entities stage's time,
and says which of the expected types it gets wrong.

    python tests/benchmarks/book_entities.py [BOOK.txt] [--top 30]

Without a file it reads *Moby-Dick* from ``../shared/long/pg2701.txt`` beside the
checkout, and checks what a reader expects of it: Ahab, Queequeg, Starbuck and
Stubb are people, Nantucket a place, and neither a chapter title ("Jonah
Historically Regarded") nor "Whale" is a person.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MOBY_DICK = ROOT.parent / "shared" / "long" / "pg2701.txt"
EXPECTED = {"Ahab": "PERSON", "Queequeg": "PERSON", "Starbuck": "PERSON", "Stubb": "PERSON"}
PLACES = ("Nantucket",)
NOT_PEOPLE = ("Jonah Historically Regarded", "Whale")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("book", nargs="?", default=str(MOBY_DICK))
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("ARTICLE_READER_CACHE_DIR", "/tmp/article-reader-bench-cache")

    from reader import load_document
    from reader.entities.extract import extract_entities
    from reader.nlp import ParsedBlock, chunk_pieces, piece_texts, split_sentences, tag_entities

    document = load_document(args.book)
    started = time.perf_counter()
    parsed: list[ParsedBlock] = []
    for chunk in chunk_pieces(document):  # the staged parse a book gets, in this process
        docs = split_sentences(piece_texts(document, chunk))
        tag_entities(docs)
        parsed.extend(ParsedBlock(i, s, d) for (i, s, _), d in zip(chunk, docs, strict=True))
    parse_seconds = time.perf_counter() - started
    times = []
    for _ in range(3):
        started = time.perf_counter()
        entities = extract_entities(document, parsed)
        times.append(time.perf_counter() - started)
    times.sort()
    title = document.title
    print(f"{title}: parse {parse_seconds:.1f} s, entities stage {times[1]:.2f} s (median of 3)")
    names = [e for e in entities if e.type in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")]
    for entity in names[: args.top]:
        also = f"  (also: {', '.join(entity.aliases[:3])})" if entity.aliases else ""
        print(f"{entity.count:6d}  {entity.type:7s} {entity.name}{also}")
    if Path(args.book).resolve() != MOBY_DICK.resolve():
        return 0
    type_of = {e.name: e.type for e in entities}
    wrong = [f"{n} is {type_of.get(n)}" for n, t in EXPECTED.items() if type_of.get(n) != t]
    wrong += [f"{n} is {type_of.get(n)}" for n in PLACES if type_of.get(n) not in ("GPE", "LOC")]
    wrong += [f"{n} is a person" for n in NOT_PEOPLE if type_of.get(n) == "PERSON"]
    print("expected types:", "all right" if not wrong else "; ".join(wrong))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
