"""How much the reader takes in: the file, the text decoded from it, its paragraphs.

The file limit keeps a read bounded; the text limits keep everything after it
bounded, whatever the format: an EPUB of a few hundred kilobytes can unpack to
hundreds of millions of characters, and a file of short lines would otherwise
become millions of paragraphs. Each limit is checked as early as the text's size
is known, before the work that grows with it, and its message names the limit.
"""

from __future__ import annotations

import re

from ..errors import DocumentTooLarge

MAX_FILE_BYTES = 50 * 1024 * 1024
#: Characters of text in one document: about 1.7 million words, twice the longest novels.
MAX_TEXT_CHARS = 10_000_000
#: Paragraphs (or lines that stand alone) in one document.
MAX_BLOCKS = 250_000

_NON_BLANK_LINE = re.compile(r"[^\S\n]*\S[^\n]*")


def format_size(count: int) -> str:
    """``1536`` → ``"2 KB"``; ``52428800`` → ``"50 MB"``."""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def file_too_large(name: str, size: int, limit: int = MAX_FILE_BYTES) -> DocumentTooLarge:
    return DocumentTooLarge(
        f'"{name}" is {format_size(size)}, more than the limit of {format_size(limit)} '
        "for an article."
    )


def check_text(length: int, name: str) -> None:
    """Refuse a document of more than ``MAX_TEXT_CHARS`` characters of text."""
    if length > MAX_TEXT_CHARS:
        raise DocumentTooLarge(
            f'"{name}" holds {length:,} characters of text, more than the limit of '
            f"{MAX_TEXT_CHARS:,} for one document."
        )


def check_lines(text: str, name: str) -> None:
    """Refuse a text of more than ``MAX_BLOCKS`` non-blank lines, before laying them out."""
    if text.count("\n") < MAX_BLOCKS:
        return
    lines = sum(1 for _ in _NON_BLANK_LINE.finditer(text))
    if lines > MAX_BLOCKS:
        raise DocumentTooLarge(
            f'"{name}" has {lines:,} lines of text, more than the limit of {MAX_BLOCKS:,} '
            "paragraphs or lines for one document."
        )
