"""The formats the reader knows: the one list, and how a file's format is decided.

A format is a name, its extensions, a label for file dialogs, an optional
sniffer that recognises its content from the first bytes, and a parser from
bytes to ``Parsed``, named as ``"module:function"`` and imported only when a
file of that format is read (so listing the formats for the Open dialog or
``--help`` imports no parsing library). Sniffers win over extensions (an HTML
page saved as ``.txt`` is read as HTML); then the extension decides; text of an
unknown extension is read as plain text.

The Open dialog's filter, the command line's help and the README's table of
formats all come from ``formats()``; to add a format, write a module with a
parser and add it to ``_BUILTIN`` (or ``register`` it).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnsupportedFormat
from . import sniff
from .build import Parsed
from .decode import looks_binary

Parser = Callable[[bytes, str], Parsed]  # (content, file name for messages) -> Parsed
Sniffer = Callable[[bytes], bool]

FALLBACK_FORMAT = "text"


@dataclass(frozen=True)
class Format:
    name: str  # Document.format
    extensions: frozenset[str]  # lower case, with the dot: ".txt"
    parser: Parser | str  # a function, or "module:function" in reader.loaders, imported on use
    sniff: Sniffer | None = None
    label: str = ""  # for file dialogs: "Web pages"
    mime_types: tuple[str, ...] = ()  # for the desktop entry: the files it opens

    def parse(self, data: bytes, name: str) -> Parsed:
        """``data``, the content of the file ``name``, parsed."""
        parser = self.parser
        if isinstance(parser, str):
            module, function = parser.split(":")
            parser = getattr(importlib.import_module(f"{__package__}.{module}"), function)
        return parser(data, name)

    def patterns(self) -> str:
        """``"*.htm *.html *.xhtml"``: the extensions as a file dialog's wildcards."""
        return " ".join(f"*{extension}" for extension in sorted(self.extensions))


def _extensions(*names: str) -> frozenset[str]:
    return frozenset(names)


# Sniffers are tried in this order.
_BUILTIN = (
    Format("html", _extensions(".html", ".htm", ".xhtml"), "html:parse_html",
           sniff.looks_like_html, "Web pages", ("text/html", "application/xhtml+xml")),
    Format("pdf", _extensions(".pdf"), "pdf:parse_pdf", sniff.looks_like_pdf,
           "PDF documents", ("application/pdf",)),
    Format("epub", _extensions(".epub"), "epub:parse_epub", sniff.looks_like_epub,
           "EPUB books", ("application/epub+zip",)),
    Format("docx", _extensions(".docx"), "word:parse_docx", sniff.looks_like_docx,
           "Word documents",
           ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)),
    Format("odt", _extensions(".odt"), "odt:parse_odt", sniff.looks_like_odt,
           "OpenDocument text", ("application/vnd.oasis.opendocument.text",)),
    Format("rtf", _extensions(".rtf"), "rtf:parse_rtf", sniff.looks_like_rtf, "Rich Text",
           ("application/rtf", "text/rtf")),
    Format("markdown", _extensions(".md", ".markdown", ".mdown", ".mkd"),
           "markdown:parse_markdown", label="Markdown", mime_types=("text/markdown",)),
    Format(FALLBACK_FORMAT, _extensions(".txt", ".text"), "text:parse_text",
           label="Plain text", mime_types=("text/plain",)),
)  # fmt: skip
_formats: dict[str, Format] = {fmt.name: fmt for fmt in _BUILTIN}


def register(fmt: Format) -> None:
    """Add (or replace) a format. Sniffers are tried in registration order."""
    _formats[fmt.name] = fmt


def formats() -> tuple[Format, ...]:
    return tuple(_formats.values())


def supported_extensions() -> frozenset[str]:
    return frozenset(ext for fmt in _formats.values() for ext in fmt.extensions)


def mime_types() -> tuple[str, ...]:
    """Every MIME type the reader opens, in the order of the formats."""
    return tuple(mime for fmt in _formats.values() for mime in fmt.mime_types)


def file_dialog_filter() -> str:
    """The Open dialog's filter: every article format, then each one, then all files."""
    every = " ".join(f"*{ext}" for ext in sorted(supported_extensions()))
    each = [f"{fmt.label} ({fmt.patterns()})" for fmt in _formats.values()]
    return ";;".join([f"Articles ({every})", *each, "All files (*)"])


def format_summary() -> str:
    """For people: "Web pages (.htm, .html, .xhtml), PDF documents (.pdf), ... and Plain text"."""
    parts = [
        f"{fmt.label} ({', '.join(sorted(fmt.extensions, key=lambda e: (len(e), e)))})"
        for fmt in _formats.values()
    ]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


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
