"""Bytes to text: the encoding is detected, never assumed.

Order: a refusal of binary content (UTF-16 and UTF-32 text is judged by its
characters, not its zero bytes), a byte-order mark, UTF-16 without one
(recognised by its zero bytes), strict UTF-8, a charset the document declares,
and last the decoding that reads most like one language (see ``encodings``):
a legacy encoding, or UTF-8 with pieces of Windows-1252 pasted in. The person
is told when another decoding reads almost as well.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import DecodeError, UnsupportedFormat
from .encodings import MIXED, Decoding, decode, label, rank
from .notices import notice

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
_HIGH_BYTES = bytes(range(0x80, 0x100))
MIXED_UTF8_SHARE = 0.5  # of the non-ASCII bytes that must be valid UTF-8 to read the rest as cp1252
CHARSET_SAMPLE_BYTES = 65536  # given to charset-normalizer for its proposals
# A legacy decoding (see ``encodings``) is unsure when another one costs less than
# MARGIN more (about one letter foreign to the text's language); it is a poor fit when
# its anomalies pass POOR_SHARE of its characters beyond ASCII (and POOR_MIN), and no
# text at all past JUNK_SHARE (and JUNK_MIN).
MARGIN = 1.0
POOR_SHARE, POOR_MIN = 0.05, 2
JUNK_SHARE, JUNK_MIN = 0.3, 3


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """Decode ``data`` (the content of the file ``name``) to ``str``.

    ``declared`` is an encoding named by the document itself (an HTML meta
    charset); it is trusted only after strict UTF-8 has failed.
    Raises ``UnsupportedFormat`` for binary content and ``DecodeError`` when no
    likely encoding fits.
    """
    if looks_binary(data):
        raise UnsupportedFormat(f'"{name}" is not a text document: it contains binary data.')
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass
    return _guess(data, name, _looks_mixed(data))


def looks_binary(data: bytes) -> bool:
    """True for content with NUL bytes or many control bytes (images, archives, programs).

    UTF-16 and UTF-32 text (with a byte-order mark, or UTF-16 of ASCII-range
    text without one) is full of zero bytes: it is judged by its decoded
    characters instead, which in a binary file are controls, private-use or
    unassigned code points and invalid sequences.
    """
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return False
    wide = _wide_encoding(sample)
    if wide is not None:
        encoding, skip = wide
        unit = 4 if "32" in encoding else 2
        body = sample[skip : skip + (len(sample) - skip) // unit * unit]
        text = body.decode(encoding, errors="replace")
        if len(data) > len(sample):
            text = text[:-1]  # the sample may end inside a surrogate pair
        return not text or _odd_characters(text) > MAX_CONTROL_SHARE * len(text)
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > MAX_CONTROL_SHARE * len(sample)


def _wide_encoding(data: bytes) -> tuple[str, int] | None:
    """UTF-16 or UTF-32 and the length of its byte-order mark, if ``data`` looks like either."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return (encoding, len(bom)) if encoding != "utf-8" else None
    utf16 = _utf16_without_bom(data)
    return (utf16, 0) if utf16 is not None else None


def _odd_characters(text: str) -> int:
    """Characters that plain text does not hold: controls, unassigned, private use, invalid."""
    odd = text.count("\ufffd")  # printable, though it stands for what could not be decoded
    for ch in text:
        if not ch.isprintable() and ch not in "\t\n\r\x0b\x0c\x1b":
            odd += unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    return odd


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


def _looks_mixed(data: bytes) -> bool:
    """Whether ``data`` may be UTF-8 with pieces of Windows-1252 pasted in (a mixed file).

    It may when it holds real multi-byte UTF-8 characters and most of its
    non-ASCII bytes belong to them; a legacy file seldom forms even one, and
    when it does (Japanese in EUC-JP can), its legacy decoding reads better.
    """
    lenient = data.decode("utf-8", errors="ignore")
    utf8_bytes = len(lenient.encode("utf-8")) - len(lenient.encode("ascii", errors="ignore"))
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    return utf8_bytes > 0 and utf8_bytes >= MIXED_UTF8_SHARE * non_ascii


def _guess(data: bytes, name: str, mixed: bool) -> str:
    """The legacy decoding that reads most like one language, with a notice when unsure.

    ``mixed``: UTF-8 with pieces of Windows-1252 is a candidate too.
    """
    head = data[:CHARSET_SAMPLE_BYTES]
    if len(data) > len(head) and b"\n" in head:  # a newline never splits a character
        head = head[: head.rindex(b"\n") + 1]
    from charset_normalizer import from_bytes  # here: most files never need it

    proposals = from_bytes(head)
    ranked = rank(data, [match.encoding for match in proposals], mixed)
    for index, best in enumerate(ranked):
        if best.encoding != MIXED and best.anomalies > max(JUNK_MIN, JUNK_SHARE * best.chars):
            break  # none reads as text
        try:
            text = decode(data, best.encoding)
        except UnicodeDecodeError:  # bytes beyond the sample that it cannot decode
            continue
        if best.encoding == MIXED:
            notice(_MIXED_NOTICE.format(name=name))
            return text
        others = (d for d in ranked[index + 1 :] if d.label != best.label)
        rival = next((d for d in others if d.sample != best.sample), None)
        unsure = rival is not None and rival.cost - best.cost < MARGIN
        if unsure or best.anomalies > max(POOR_MIN, POOR_SHARE * best.chars):
            notice(_unsurenotice(name, best, rival if unsure else None))
        return text
    if mixed:  # its UTF-8 characters at least are right
        notice(_MIXED_NOTICE.format(name=name))
        return decode(data, MIXED)
    guess = proposals.best()  # a guess of an encoding none of the candidates knows
    if guess is not None:
        try:
            text = data.decode(guess.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            notice(
                f'The encoding of "{name}" could not be recognised with certainty; it was read '
                f"as {label(guess.encoding)}, so some characters may be wrong."
            )
            return text
    raise DecodeError(f'The encoding of "{name}" could not be recognised, so it cannot be read.')


_MIXED_NOTICE = (
    'Parts of "{name}" are not UTF-8: they were read as Windows-1252 (Western European), '
    "so a few characters may be wrong."
)


def _unsurenotice(name: str, best: Decoding, rival: Decoding | None) -> str:
    text = (
        f'The encoding of "{name}" is not declared; it was read as {best.label}, '
        "the likeliest for its text"
    )
    if rival is None:
        return text + ", but some characters may be wrong."
    return text + f". If some letters look wrong, it may be {rival.label}."
