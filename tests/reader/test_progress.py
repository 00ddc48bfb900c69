"""A long parse says how far it has come, to whoever listens in its thread."""

from __future__ import annotations

import threading

from reader import analyze, chunk_progress, load_document, nlp
from reader.run.progress import PHASE_COST


def _book(tmp_path, paragraphs: int = 120):
    text = "\n\n".join(
        f"Paragraph {i}. The harbour master spoke to the crew of the ferry about the storm "
        f"that had closed the pier at Grenmouth, and the council promised repairs by spring."
        for i in range(paragraphs)
    )
    path = tmp_path / "book.txt"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def test_the_staged_parse_reports_its_parts_in_order(spacy_model, tmp_path) -> None:
    document = _book(tmp_path)
    chunks = len(nlp.chunk_pieces(document))
    assert chunks >= 2
    heard: list[tuple[int, int]] = []
    elsewhere: list[tuple[int, int]] = []
    with chunk_progress(lambda done, total: heard.append((done, total))):
        # Another thread's analysis is not heard here.
        other = threading.Thread(
            target=lambda: analyze(document, stages=("summary",), mode="staged")
        )
        other.start()
        analyze(document, stages=("stance",), mode="staged")
        other.join()
    total = chunks * sum(PHASE_COST.values())
    assert {t for _, t in heard} == {total}
    done = [d for d, _ in heard]
    assert done == sorted(done) and done[-1] == total
    assert len(heard) == 3 * chunks  # every chunk of every phase, once
    with chunk_progress(lambda done, total: elsewhere.append((done, total))):
        pass
    analyze(document, stages=("summary",), mode="staged")  # nobody listens: nothing heard
    assert elsewhere == []
