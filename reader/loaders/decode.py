"""Bytes to text: the encoding is detected, never assumed.

Order: a byte-order mark, UTF-16 without one (recognised by its zero bytes),
a refusal of binary content, strict UTF-8, a charset the document declares,
and last charset-normalizer's guess (preferring Windows-1252, the usual legacy
encoding of English text, when it decodes the bytes as well as the guess does).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from charset_normalizer import from_bytes

from ..errors import DecodeError, UnsupportedFormat

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

SAMPLE_BYTES = 65536
# Share of control bytes (other than tab, line breaks, form feed, escape) that marks binary data.
MAX_CONTROL_SHARE = 0.01
_CONTROL_BYTES = frozenset(range(32)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_LEGACY_PREFERENCE = "cp1252"
_TIE = 0.01
MIXED_UTF8_SHARE = 0.5  # of the non-ASCII bytes that must be valid UTF-8 to read the rest as cp1252


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data`` (the content of the file ``name``) to ``str``.

    ``declared`` is an encoding named by the document itself (an HTML meta
    charset); it is trusted only after strict UTF-8 has failed.
    Raises ``UnsupportedFormat`` for binary content and ``DecodeError`` when no
    likely encoding fits.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        raise UnsupportedFormat(f'"{name}" is not a text document: it contains binary data.')
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        _notice(
            f'Parts of "{name}" are not UTF-8: they were read as Windows-1252 '
            "(Western European), so a few characters may be wrong."
        )
        return mixed
    return _guess(data, name)


_notices: ContextVar[list[str] | None] = ContextVar("decode_notices", default=None)


@contextmanager
def collecting_notices() -> Iterator[list[str]]:
    """Collect what decoding had to guess or repair, for a person to be told."""
    found: list[str] = []
    token = _notices.set(found)
    try:
        yield found
    finally:
        _notices.reset(token)


def _notice(text: str) -> None:
    found = _notices.get()
    if found is not None and text not in found:
        found.append(text)


def looks_binary(data: bytes) -> bool:
    """True for content with NUL bytes or many control bytes (images, archives, programs)."""
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > MAX_CONTROL_SHARE * len(sample)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(
            f'"{name}" starts with a {encoding.upper()} byte-order mark '
            f"but is not valid {encoding.upper()} text."
        ) from error


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when every other byte is zero, as in ASCII-range UTF-16."""
    sample = data[: min(len(data), 4096) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd > 0.9 and zero_even < 0.1:
        return "utf-16-le"
    if zero_even > 0.9 and zero_odd < 0.1:
        return "utf-16-be"
    return None


def _legacy_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes that are not UTF-8, read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return chunk.decode(_LEGACY_PREFERENCE, errors="replace"), error.end


codecs.register_error("reader-mixed-utf8", _legacy_bytes)


def _mixed_utf8(data: bytes) -> str | None:
    """Text that is UTF-8 with pieces of Windows-1252 pasted in (a mixed-encoding file).

    It counts as mixed when it holds real multi-byte UTF-8 characters and most
    of its non-ASCII bytes belong to them; a legacy file seldom forms even one.
    """
    lenient = data.decode("utf-8", errors="ignore")
    utf8_bytes = len(lenient.encode("utf-8")) - sum(1 for c in lenient if c.isascii())
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    if utf8_bytes == 0 or utf8_bytes < MIXED_UTF8_SHARE * non_ascii:
        return None
    return data.decode("utf-8", errors="reader-mixed-utf8")


def _guess(data: bytes, name: str) -> str:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError(
            f'The encoding of "{name}" could not be recognised, so it cannot be read.'
        )
    text = str(best)
    try:
        legacy = data.decode(_LEGACY_PREFERENCE)
    except UnicodeDecodeError:
        return text
    for match in matches:
        tied = match.chaos <= best.chaos + _TIE and match.coherence >= best.coherence - _TIE
        if tied and (match.encoding == _LEGACY_PREFERENCE or str(match) == legacy):
            return legacy
    return text
