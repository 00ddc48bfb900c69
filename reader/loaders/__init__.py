"""``load_document``: a file on disk to a ``Document``.

The file is read once, as bytes, and never written to. Its format comes from
its content first and its extension second (see ``registry``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import EmptyDocument, FileNotReadable
from ..models import Document
from .asides import mark_asides, mark_gutenberg
from .build import Parsed, Part, assemble, title_from_filename
from .contents import mark_contents
from .limits import MAX_FILE_BYTES, check_text, file_too_large
from .notices import collecting_notices
from .registry import (
    Format,
    detect,
    file_dialog_filter,
    format_summary,
    formats,
    mime_types,
    register,
    supported_extensions,
)
from .repair import repair
from .titles import title_from_text

MAX_BYTES = MAX_FILE_BYTES

__all__ = [
    "MAX_BYTES",
    "Format",
    "Parsed",
    "Part",
    "assemble",
    "detect",
    "file_dialog_filter",
    "format_summary",
    "formats",
    "load_document",
    "mime_types",
    "register",
    "supported_extensions",
]


def load_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Document:
    """Read and parse the article at ``path``.

    Raises a ``ReaderError``: ``FileNotReadable``, ``DocumentTooLarge``,
    ``UnsupportedFormat``, ``DecodeError``, ``EmptyDocument`` (or a format's
    ``CorruptFile``), each with a one-sentence message naming the file.
    """
    path = Path(path)
    return parse_document(read_bytes(path, max_bytes), path)


def parse_document(data: bytes, path: Path) -> Document:
    """The document in ``data``, the content of the file at ``path`` (see ``load_document``)."""
    if not data.strip():
        raise EmptyDocument(f'"{path.name}" is empty.')
    fmt = detect(data, path)
    with collecting_notices() as notices:
        parsed = repair(fmt.parse(data, path.name))
    check_text(len(parsed.text), path.name)
    blocks = mark_contents(parsed.text, mark_asides(parsed.text, parsed.blocks))
    blocks, book = mark_gutenberg(parsed.text, blocks)
    if all(block.kind in ("title", "aside") for block in blocks):  # no article in there
        raise EmptyDocument(f'"{path.name}" contains no readable text.')
    title = (
        book.get("title")
        or parsed.title
        or title_from_text(parsed.text, blocks)
        or title_from_filename(path)
    )
    metadata = dict(parsed.metadata)
    if book.get("author"):
        metadata.setdefault("author", book["author"])
    if notices:  # read, but a person should know what was repaired
        metadata["notice"] = " ".join(notices)
    return Document(str(path), parsed.text, title, blocks, fmt.name, metadata)


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The whole content of ``path``, refusing what is not a readable regular file."""
    name = path.name or str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise FileNotReadable(f'"{name}" is a folder, not a file.')
        if not stat.S_ISREG(info.st_mode):
            raise FileNotReadable(f'"{name}" is not a regular file.')
        if info.st_size > max_bytes:
            raise file_too_large(name, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as error:
        raise FileNotReadable(f'The file "{name}" does not exist.') from error
    except IsADirectoryError as error:
        raise FileNotReadable(f'"{name}" is a folder, not a file.') from error
    except PermissionError as error:
        raise FileNotReadable(f'You do not have permission to read "{name}".') from error
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise FileNotReadable(f'"{name}" could not be read ({reason}).') from error
    if len(data) > max_bytes:
        raise file_too_large(name, len(data), max_bytes)
    return data
