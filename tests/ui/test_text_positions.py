"""Python offsets ⇄ Qt UTF-16 positions, checked against Qt's own count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from ui.text_positions import Utf16Index


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_bmp_text_is_identity() -> None:
    text = "Café naïve — “quoted” ünïcödé, 東京"
    index = Utf16Index(text)
    assert index.is_identity
    assert [index.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert index.qt_length() == len(text)


def test_emoji_and_other_astral_characters() -> None:
    text = "Hi 👋🏽 team, the 𝄞 clef and 🇺🇳 flags: done."
    index = Utf16Index(text)
    assert not index.is_identity
    for i in range(len(text) + 1):
        q = index.to_qt(i)
        assert q == utf16_len(text[:i])
        assert index.from_qt(q) == i
    assert index.qt_length() == utf16_len(text)


def test_position_inside_a_surrogate_pair_maps_to_the_character_start() -> None:
    text = "a😀b"
    index = Utf16Index(text)
    assert index.to_qt(1) == 1 and index.to_qt(2) == 3
    assert index.from_qt(2) == 1  # the low surrogate of 😀


def test_out_of_range_positions_are_clamped() -> None:
    index = Utf16Index("x😀")
    assert index.to_qt(-5) == 0
    assert index.to_qt(99) == 3
    assert index.from_qt(99) == 2


def test_matches_qt_document_positions() -> None:
    """The Qt range computed from Python offsets selects exactly the Python substring."""
    text = "🎉 Launch day: the 🚀 flew, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text and plain words."
    document = QTextDocument()
    document.setPlainText(text)
    index = Utf16Index(text)
    assert document.characterCount() - 1 == index.qt_length()
    for start, end in [(0, 1), (2, 13), (19, 20), (27, 34), (len(text) - 6, len(text))]:
        cursor = QTextCursor(document)
        cursor.setPosition(index.to_qt(start))
        cursor.setPosition(index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == text[start:end]


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_round_trip_on_any_text(text: str) -> None:
    index = Utf16Index(text)
    assert index.qt_length() == utf16_len(text)
    for i in range(len(text) + 1):
        assert index.from_qt(index.to_qt(i)) == i
        assert index.to_qt(i) == utf16_len(text[:i])
