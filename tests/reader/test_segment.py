"""Sentences as the app cuts them: the model's cut, and where it goes on after "!" or "?"."""

from __future__ import annotations

import pytest

from reader import load_document, nlp
from reader.nlp.segment import sentences_from

DELIGHT = "“Come, the boats are in!” said Mara in a tone of delight, and ran to the quay."
ALAS = "She meant to go at once; but, alas for poor Mara! when she got there, the ferry had gone."
LATE = "“Oh dear! I shall be late!” (when she thought it over, it seemed natural) she cried."
NAMES = "What a morning! iPhone sales at the kiosk fell. Why? Nobody knows. eBay sellers came."
DIALOGUE = f"A Day at the Harbour\n\n{DELIGHT}\n\n{ALAS}\n\n{LATE}\n\n{NAMES}\n"


@pytest.mark.parametrize("parse", [nlp.parse_sentences, nlp.parse], ids=["senter", "parser"])
def test_a_sentence_goes_on_after_an_exclamation_in_lower_case(spacy_model, write_file, parse):
    document = load_document(write_file("dialogue.txt", DIALOGUE))
    texts = [document.text[s.start : s.end] for s in sentences_from(parse(document))]
    assert DELIGHT in texts and ALAS in texts
    assert any(
        t.endswith("I shall be late!” (when she thought it over, it seemed natural) she cried.")
        for t in texts
    )
    # a name written in lower case opens a sentence of its own
    assert "iPhone sales at the kiosk fell." in texts and "eBay sellers came." in texts


ITALICS = (
    "Thou dost not talk shark a bit. _Sure_, ye have been to sea before now.\n\n"
    "The hymn ended: “Sweet fields beyond the swelling flood, While Jordan rolled between.”_\n"
)


def test_an_opening_mark_goes_with_the_sentence_it_opens(spacy_model, write_file):
    document = load_document(write_file("italics.txt", ITALICS))
    texts = [document.text[s.start : s.end] for s in sentences_from(nlp.parse_sentences(document))]
    assert "Thou dost not talk shark a bit." in texts
    assert "_Sure_, ye have been to sea before now." in texts
    assert texts[-1].endswith("While Jordan rolled between.”_")  # a closing mark stays
