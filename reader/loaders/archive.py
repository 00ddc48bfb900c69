"""Zip archives (EPUB, DOCX, ODT) opened with bounded decompression.

Nothing is extracted to disk. The central directory is checked before any
member is read (entry count, declared sizes, compression ratio, member names),
and every read counts the bytes actually inflated, whatever the directory
declares, so a zip bomb is refused after at most ``MAX_MEMBER_BYTES`` of work.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import unquote

from ..errors import ArchiveTooLarge, CorruptFile, EncryptedDocument, UnsafeArchive
from .limits import format_size
from .sniff import ZIP_MAGIC

MAX_ENTRIES = 10_000  # members in the central directory
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # unpacked size of any one member that is read
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # declared unpacked size of all members, and bytes read
MAX_RATIO = 200  # unpacked / packed size of a member, checked for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024  # small members may compress as well as they like
_CHUNK = 64 * 1024


class Archive:
    """Read access to the members of a checked zip, within a byte budget."""

    def __init__(self, zip_file: zipfile.ZipFile, name: str, kind: str) -> None:
        self._zip = zip_file
        self._name = name
        self._kind = kind
        self._read = 0
        self._infos = {info.filename: info for info in zip_file.infolist()}

    def names(self) -> list[str]:
        return list(self._infos)

    def __contains__(self, member: str) -> bool:
        return member in self._infos

    def read(self, member: str) -> bytes:
        """The unpacked bytes of ``member``; raises ``CorruptFile`` if it is missing."""
        info = self._infos.get(member)
        if info is None:
            raise CorruptFile(
                f'"{self._name}" is not a valid {self._kind} file: "{member}" is missing from it.'
            )
        limit = min(MAX_MEMBER_BYTES, MAX_TOTAL_BYTES - self._read)
        out = bytearray()
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    out += chunk
                    if len(out) > limit:
                        raise _bomb(self._name, self._kind, limit)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise _corrupt(self._name, self._kind, f'"{member}" is damaged') from error
        except NotImplementedError as error:  # an unsupported compression method
            raise _corrupt(self._name, self._kind, f'"{member}" cannot be unpacked') from error
        self._read += len(out)
        return bytes(out)


@contextmanager
def open_archive(data: bytes, name: str, kind: str) -> Iterator[Archive]:
    """Open ``data`` (the file ``name``, a ``kind`` such as "EPUB") as a checked zip.

    Raises ``CorruptFile`` (not a zip, damaged), ``UnsafeArchive`` (a member
    path leaves the archive), ``EncryptedDocument`` and ``ArchiveTooLarge``.
    """
    if not data.startswith(ZIP_MAGIC):
        raise CorruptFile(f'"{name}" is not a valid {kind} file: it is not a zip archive.')
    try:
        zip_file = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise _corrupt(name, kind, "its zip structure is damaged or truncated") from error
    except NotImplementedError as error:  # a member needs a zip version Python cannot read
        raise _corrupt(name, kind, "a zip version this program cannot read") from error
    with zip_file:
        _check(zip_file, name, kind)
        yield Archive(zip_file, name, kind)


def _check(zip_file: zipfile.ZipFile, name: str, kind: str) -> None:
    infos = zip_file.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ArchiveTooLarge(
            f'"{name}" holds {len(infos)} files, more than the limit of {MAX_ENTRIES} '
            f"for a {kind} archive."
        )
    total = 0
    for info in infos:
        if not safe_member_name(info.filename):
            raise UnsafeArchive(
                f'"{name}" is not a safe {kind} file: it holds a path outside the archive '
                f'("{info.filename[:80]}").'
            )
        if info.flag_bits & 0x1:
            raise EncryptedDocument(f'"{name}" is protected by a password.')
        if info.file_size > MAX_MEMBER_BYTES:
            raise _bomb(name, kind, MAX_MEMBER_BYTES)
        ratio_ok = info.file_size <= max(RATIO_FLOOR, MAX_RATIO * info.compress_size)
        if not ratio_ok:
            raise ArchiveTooLarge(
                f'"{name}" looks like a zip bomb: a member unpacks to more than {MAX_RATIO} '
                f"times its packed size, the limit for a {kind} archive."
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise _bomb(name, kind, MAX_TOTAL_BYTES)


def safe_member_name(member: str) -> bool:
    """False for absolute paths, drive letters, NUL bytes and ``..`` parts."""
    if not member or "\x00" in member:
        return False
    normal = member.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return False
    return ".." not in normal.split("/")


def resolve(base: str, href: str) -> str | None:
    """The archive member ``href`` names, relative to the member ``base``; None if outside."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    if not href or "://" in href or href.startswith(("/", "\\")) or ":" in href.split("/")[0]:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(href)))
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def _bomb(name: str, kind: str, limit: int) -> ArchiveTooLarge:
    return ArchiveTooLarge(
        f'"{name}" unpacks to more than {format_size(limit)}, the limit for a {kind} archive '
        "(it may be a zip bomb)."
    )


def _corrupt(name: str, kind: str, reason: str) -> CorruptFile:
    return CorruptFile(f'"{name}" is not a valid {kind} file: {reason}.')
