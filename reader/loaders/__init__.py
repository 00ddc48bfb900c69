"""PLACEHOLDER (being replaced): plain text only."""
from __future__ import annotations

from pathlib import Path

from ..models import Block, Document


def load_document(path) -> Document:
    text = Path(path).read_text(encoding="utf-8")
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    title = text[blocks[0].start:blocks[0].end] if blocks else ""
    return Document(str(path), text, title, tuple(blocks), "text")
