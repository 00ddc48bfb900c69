"""The formats the reader knows, and how a file's format is decided.

A format is a set of extensions, an optional sniffer that recognises its
content from the first bytes, and a parser from bytes to ``Parsed``. Sniffers
win over extensions (an HTML page saved as ``.txt`` is read as HTML); then the
extension decides; text of an unknown extension is read as plain text.

To add a format (EPUB, PDF, ...), write a module with a parser and call
``register`` from ``reader/loaders/__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnsupportedFormat
from .build import Parsed
from .decode import looks_binary

Parser = Callable[[bytes, str], Parsed]  # (content, file name for messages) -> Parsed
Sniffer = Callable[[bytes], bool]

FALLBACK_FORMAT = "text"


@dataclass(frozen=True)
class Format:
    name: str  # Document.format
    extensions: frozenset[str]  # lower case, with the dot: ".txt"
    parse: Parser
    sniff: Sniffer | None = None
    label: str = ""  # for file dialogs: "Web pages"


_formats: dict[str, Format] = {}


def register(fmt: Format) -> None:
    """Add (or replace) a format. Sniffers are tried in registration order."""
    _formats[fmt.name] = fmt


def formats() -> tuple[Format, ...]:
    return tuple(_formats.values())


def supported_extensions() -> frozenset[str]:
    return frozenset(ext for fmt in _formats.values() for ext in fmt.extensions)


def detect(data: bytes, path: Path) -> Format:
    """The format of ``data``, read from the file ``path``."""
    for fmt in _formats.values():
        if fmt.sniff is not None and fmt.sniff(data):
            return fmt
    suffix = path.suffix.lower()
    for fmt in _formats.values():
        if suffix in fmt.extensions:
            return fmt
    if not looks_binary(data) and FALLBACK_FORMAT in _formats:
        return _formats[FALLBACK_FORMAT]
    kind = f"{suffix} files" if suffix else "files without an extension"
    raise UnsupportedFormat(
        f'"{path.name}" is not a document the reader can open ({kind} are not supported).'
    )
