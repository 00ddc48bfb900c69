"""The bundled sample article: it loads well and has what the app's tests rely on."""

from __future__ import annotations

import re

import pytest

import resources
from reader import load_document
from reader.models import Document


@pytest.fixture(scope="module")
def sample() -> Document:
    return load_document(resources.sample_article())


def test_sample_is_shipped_inside_the_resources_package():
    path = resources.sample_article()
    assert path.is_file()
    assert path.parent.name == "samples"
    assert path.parent.parent.name == "resources"


def test_sample_loads_with_title_headings_and_paragraphs(sample):
    raw = resources.sample_article().read_text(encoding="utf-8")
    first_line = raw.splitlines()[0]

    assert sample.format == "text"
    assert sample.text == raw  # plain UTF-8 with LF: offsets are file offsets
    assert sample.title == first_line
    assert sample.blocks[0].kind == "title"
    headings = [sample.block_text(b) for b in sample.blocks if b.kind == "heading"]
    assert len(headings) >= 2
    assert all(len(h.split()) <= 8 for h in headings)
    assert len(sample.body_blocks) >= 12
    assert all(b.kind == "paragraph" for b in sample.body_blocks)


def test_sample_is_an_article_of_the_expected_length(sample):
    words = len(sample.text.split())
    assert 700 <= words <= 900


def test_sample_has_a_character_outside_the_basic_multilingual_plane(sample):
    assert [c for c in sample.text if ord(c) > 0xFFFF]


def test_sample_people_are_introduced_in_full_then_by_surname(sample):
    text = sample.text
    full_names = re.findall(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", text)
    introduced = 0
    for first, last in set(full_names):
        full = text.find(f"{first} {last}")
        alone = [m.start() for m in re.finditer(rf"(?<!{first} )\b{last}\b", text)]
        if alone and min(alone) > full:
            introduced += 1
    assert introduced >= 3


def test_sample_has_the_kinds_of_statement_the_stance_view_shows(sample):
    text = sample.text
    assert text.count('"') >= 16  # several direct quotes
    assert re.search(r'^"[^"]+," said [A-Z][a-z]+ [A-Z][a-z]+', text, re.MULTILINE)  # quote first
    assert re.search(r'[A-Z][a-z]+ told [^.]*: "', text)  # speaker first
    assert re.search(r"\b[A-Z][a-z]+ said that\b", text)
    assert re.search(r"\bAccording to [A-Z][a-z]+", text)
    assert "She added that" in text
    assert "blasted" in text
    assert "welcomed" in text
