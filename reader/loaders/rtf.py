"""RTF: text with striprtf, paragraphs from ``\\par``, title and author from ``{\\info}``.

striprtf turns the control words into plain text (one line per paragraph,
table rows as cells joined by ``|``); the plain-text loader's ``structure``
then finds the headline and headings as it does for a ``.txt`` file. The
document's ``{\\title}`` and ``{\\author}``, when present, are the title and
author.
"""

from __future__ import annotations

import codecs
import re

from ..errors import CorruptFile, DocumentTooLarge
from .build import Parsed, Part, assemble, clean_inline, place_title
from .limits import format_size
from .sniff import looks_like_rtf
from .text import checked, normalize_newlines, structure

MAX_RTF_BYTES = 20 * 1024 * 1024  # striprtf reads character by character: about 1 s per MB
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_INFO_FIELD = re.compile(r"\{\\(title|author)\s?((?:[^{}\\]|\\[^{}])*)\}")
_HEADER_BYTES = 4096


def parse_rtf(data: bytes, name: str) -> Parsed:
    if not looks_like_rtf(data):
        raise CorruptFile(f'"{name}" is not a valid RTF file: it does not start with "{{\\rtf".')
    if len(data) > MAX_RTF_BYTES:
        raise DocumentTooLarge(
            f'"{name}" is {format_size(len(data))}, more than the limit of '
            f"{format_size(MAX_RTF_BYTES)} for an RTF file."
        )
    source = data.decode(_codepage(data), errors="replace")
    text = _strip(source, name)
    info = _info(source, name)
    parsed = structure(checked(normalize_newlines(text.replace("\xa0", " ")), name))
    parts = [
        Part(parsed.text[b.start : b.end], "paragraph" if b.kind == "title" else b.kind, b.level)
        for b in parsed.blocks
    ]
    title = info.get("title") or parsed.title
    metadata = {"author": info["author"]} if info.get("author") else {}
    return assemble(place_title(parts, title), title, metadata)


def _codepage(data: bytes) -> str:
    found = _CODEPAGE.search(data[:_HEADER_BYTES])
    if found:
        encoding = f"cp{found.group(1).decode('ascii')}"
        try:
            return codecs.lookup(encoding).name
        except LookupError:
            pass
    return "cp1252"


def _strip(source: str, name: str) -> str:
    from striprtf.striprtf import rtf_to_text

    try:
        return rtf_to_text(source, errors="replace")
    except (ValueError, IndexError, KeyError, LookupError, OverflowError, TypeError) as error:
        raise CorruptFile(f'"{name}" is not a valid RTF file: its content is damaged.') from error


def _info(source: str, name: str) -> dict[str, str]:
    start = source.find("{\\info")
    if start < 0:
        return {}
    info: dict[str, str] = {}
    for match in _INFO_FIELD.finditer(source, start, start + _HEADER_BYTES):
        key, raw = match.group(1), match.group(2)
        if key not in info:
            value = clean_inline(_strip("{\\rtf1\\ansi " + raw + "}", name))
            if value:
                info[key] = value
    return info
