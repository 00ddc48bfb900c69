"""What a file is, from its first bytes: cheap checks that import no parsing library.

The registry tries these before looking at the extension, so an HTML page
saved as ``.txt`` is read as HTML and a PDF named ``.docx`` as PDF.
"""

from __future__ import annotations

import re

ZIP_MAGIC = b"PK\x03\x04"
EPUB_MIMETYPE = b"application/epub+zip"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
WORD_MAIN = "word/document.xml"

_HTML_BYTES = 2048
_HTML_START = re.compile(
    rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_PDF_MAGIC = b"%PDF-"
_PDF_BYTES = 1024
_RTF_MAGIC = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*\{\\rtf", re.IGNORECASE)
# Zip member names are not compressed, so they can be looked for in the bytes:
# the usual main part, or the relationships of parts in word/ (a main part of
# another name there has them). A main part elsewhere is read by its extension.
_WORD_NAMES = (WORD_MAIN.encode(), b"word/_rels/")


def looks_like_html(data: bytes) -> bool:
    """The content starts like an HTML document, whatever the file's extension."""
    head = data[:_HTML_BYTES]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if head[:1] == b"\x00" or head[1:2] == b"\x00":  # UTF-16: drop the zero bytes to sniff
        head = head.replace(b"\x00", b"")
    return _HTML_START.match(head) is not None


def looks_like_pdf(data: bytes) -> bool:
    return _PDF_MAGIC in data[:_PDF_BYTES]


def looks_like_epub(data: bytes) -> bool:
    """The first member of an EPUB is an uncompressed ``mimetype`` file (OCF)."""
    return data.startswith(ZIP_MAGIC) and data[30:58] == b"mimetype" + EPUB_MIMETYPE


def looks_like_docx(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC) and any(name in data for name in _WORD_NAMES)


def looks_like_odt(data: bytes) -> bool:
    return (
        data.startswith(ZIP_MAGIC)
        and data[30:38] == b"mimetype"
        and data[38:].startswith(ODT_MIMETYPE)
    )


def looks_like_rtf(data: bytes) -> bool:
    return _RTF_MAGIC.match(data[:64]) is not None
