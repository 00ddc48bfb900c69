"""The one function that turns an exception into a message for a person."""

from __future__ import annotations

import os

from reader import ReaderError


def describe(error: BaseException) -> str:
    """One or two sentences saying what went wrong, without a traceback."""
    if isinstance(error, ReaderError):
        text = str(error).strip()
        return text or "The article could not be read."
    if isinstance(error, FileNotFoundError):
        return f"The file {_name(error)} does not exist."
    if isinstance(error, PermissionError):
        return f"You do not have permission to read {_name(error)}."
    if isinstance(error, IsADirectoryError):
        return f"{_name(error)} is a folder, not a file."
    if isinstance(error, UnicodeDecodeError):
        return "The file's text could not be decoded."
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        return f"The file {_name(error)} could not be read: {reason}."
    if isinstance(error, MemoryError):
        return "The article is too large to analyse with the memory available."
    return UNEXPECTED


#: For a bug: no exception text (a person cannot act on it); the traceback goes to stderr.
UNEXPECTED = (
    "Something went wrong inside Article Reader; the details were printed to its error output."
)


def _name(error: OSError) -> str:
    if error.filename:
        return f"“{os.path.basename(str(error.filename)) or error.filename}”"
    return "this file"
