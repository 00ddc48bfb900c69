"""Page furniture ("READ ALSO: ...", "Advertisement") stays in the text but is never analysed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import analyze, load_document
from reader.errors import EmptyDocument
from reader.loaders.asides import is_aside

ARTICLE = """Harbour Deal Agreed

The Harbour Council agreed a new ferry contract with Northwind Energy on Tuesday.

READ ALSO: Transport Ministry Urges Public To Disregard Fare Rumours

Maria Lopez, who chairs the council, said the contract would cut crossings by a quarter.

Advertisement

Related: “We will never sign it,” says ferry union

"This is a fair deal for Porthaven," Lopez told reporters after the vote.

Related talks were held in Kilmarsh on Monday, officials said.
"""


@pytest.mark.parametrize(
    "line",
    [
        "READ ALSO: Transport Ministry Urges Public to Disregard a Hike",
        "Read more: Why the talks failed",
        "Related: Gaza aid convoy reaches Rafah",
        "RELATED ARTICLES",
        "See also – the 2019 agreement",
        "Advertisement",
        "Story continues below advertisement",
    ],
)
def test_furniture_lines_are_asides(line):
    assert is_aside(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related talks were held in Cairo.",
        "Read more about it in the report, she said.",
        "Advertisement spending fell by a tenth: agencies blamed the war.",
        "Read more: " + "word " * 60,  # too long for a link line
    ],
)
def test_article_sentences_are_not_asides(line):
    assert not is_aside(line)


def test_asides_stay_in_the_text_but_no_analysis_reads_them(spacy_model, write_file):
    path = write_file("harbour.txt", ARTICLE)
    document = load_document(path)
    assert document.text == Path(path).read_text(encoding="utf-8")  # nothing dropped
    asides = [document.block_text(b) for b in document.blocks if b.kind == "aside"]
    assert asides == [
        "READ ALSO: Transport Ministry Urges Public To Disregard Fare Rumours",
        "Advertisement",
        "Related: “We will never sign it,” says ferry union",
    ]
    kinds = {document.block_text(b)[:7]: b.kind for b in document.blocks}
    assert kinds["Related"] == "paragraph"

    analysis = analyze(document, stages=("summary", "entities", "stance"))
    aside_spans = [(b.start, b.end) for b in document.blocks if b.kind == "aside"]

    def in_aside(start: int) -> bool:
        return any(a <= start < b for a, b in aside_spans)

    assert not any(in_aside(s.start) for s in analysis.sentences)
    assert not any(in_aside(m.start) for e in analysis.entities for m in e.mentions)
    assert not any("Transport" in e.name for e in analysis.entities)
    assert any(e.name == "Maria Lopez" for e in analysis.entities)  # the article still is
    assert analysis.statements
    assert not any(in_aside(s.content.start) for s in analysis.statements)


def test_a_file_of_furniture_only_has_no_readable_text(write_file):
    path = write_file("ads.txt", "Advertisement\n\nRead more: Other Story\n")
    with pytest.raises(EmptyDocument):
        load_document(path)
