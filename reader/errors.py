"""The reader's error types. Every message is written for a person to read."""

from __future__ import annotations

import threading


class ReaderError(Exception):
    """Base of every error the reader raises on purpose.

    ``str(error)`` is one complete sentence fit for a status line or a dialog.
    """


class FileNotReadable(ReaderError):
    """Missing file, a directory, or no permission."""


class UnsupportedFormat(ReaderError):
    """Unknown extension or content that is not an article (binary, image...)."""


class EmptyDocument(ReaderError):
    """The file holds no readable text."""


class DecodeError(ReaderError):
    """The bytes could not be decoded as text in any likely encoding."""


class CorruptFile(ReaderError):
    """The file claims a format but its content is broken."""


class DocumentTooLarge(ReaderError):
    """The file is larger than the reader accepts."""


class ArchiveTooLarge(DocumentTooLarge):
    """An archive (EPUB, DOCX, ODT) that would unpack beyond the reader's limits: a zip bomb."""


class UnsafeArchive(CorruptFile):
    """An archive with member names that point outside it (``../``, absolute paths)."""


class EncryptedDocument(ReaderError):
    """A document locked with a password (a PDF, an encrypted archive member)."""


class NoTextLayer(EmptyDocument):
    """A PDF whose pages are images only (a scan): there is no text to read."""


class GarbledText(EmptyDocument):
    """A PDF whose fonts do not say which letters they draw: its text is random characters."""


class AnalysisCancelled(ReaderError):
    """Raised inside ``analyze`` when its cancel token is set."""

    def __init__(self, message: str = "The analysis was cancelled.") -> None:
        super().__init__(message)


def check_cancelled(cancel: threading.Event | None) -> None:
    """Raise ``AnalysisCancelled`` if ``cancel`` is set (between the steps of an analysis)."""
    if cancel is not None and cancel.is_set():
        raise AnalysisCancelled()


class ModelMissing(ReaderError):
    """No English spaCy model is installed."""


class InvalidOption(ReaderError):
    """An unknown algorithm, a bad summary length, ..."""
