"""copy_summary puts the summary on the clipboard as plain text and HTML, in one QMimeData."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

import reader
from ui.clipboard import copy_summary

ARTICLE = """\
Volunteers Restore River Meadow

More than two hundred volunteers spent Saturday clearing litter from the banks of the Avon.
The local wildlife trust organised the event after a survey found plastic in every sample of mud.
Organisers said they had collected four tonnes of rubbish, including shopping trolleys and tyres.
Ecologist Priya Nair said the meadow could support otters again within five years.
The council has promised to install new bins and signs along the footpath by the summer.
Residents said they hoped the clean-up would become an annual tradition.
"""


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, spacy_model):
    path = tmp_path_factory.mktemp("clipboard") / "meadow.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = reader.load_document(path)
    analysis = reader.analyze(document, reader.AnalysisOptions(length="2"))
    assert analysis.summary is not None and len(analysis.summary.sentences) == 2
    return document, analysis


def _words(text: str) -> str:
    return " ".join(text.split())


def test_copy_summary_puts_text_and_html_on_the_clipboard(qapp, analysed):
    document, analysis = analysed
    clipboard = QApplication.clipboard()
    clipboard.clear()
    copy_summary(document, analysis.summary)

    mime = clipboard.mimeData()
    assert mime.hasText() and mime.hasHtml()
    rendered = QTextDocument()
    rendered.setHtml(mime.html())
    as_read = _words(rendered.toPlainText())
    plain = _words(mime.text())
    for sentence in analysis.summary.sentences:
        assert _words(sentence.text) in plain
        assert _words(sentence.text) in as_read
    assert _words(document.title) in plain
    assert _words(document.title) in as_read
    # Sentences keep the article's order in both flavours.
    first, second = (_words(s.text) for s in analysis.summary.sentences)
    assert plain.index(first) < plain.index(second)
    assert as_read.index(first) < as_read.index(second)


def test_copy_summary_uses_the_clipboard_it_is_given(qapp, analysed):
    document, analysis = analysed
    clipboard = QApplication.clipboard()
    clipboard.setText("something else")
    copy_summary(document, analysis.summary, clipboard)
    assert _words(analysis.summary.sentences[0].text) in _words(clipboard.text())
