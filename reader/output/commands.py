"""The command line's name, commands and version: read by the launcher (which must stay
light, so it imports nothing else of the core) and by ``cli``."""

from __future__ import annotations

import argparse
from functools import cache
from typing import NoReturn

PROG = "article-reader"
DISTRIBUTION = "article-reader"
COMMANDS = ("summarize", "entities", "stance", "toward", "report")
#: Other spellings people type: the toolbar says "Summariser".
ALIASES = {"summarise": "summarize"}


def command_of(word: str) -> str | None:
    """The command ``word`` names (an alias included), or None."""
    word = ALIASES.get(word, word)
    return word if word in COMMANDS else None


@cache
def version() -> str:
    """The installed version ("0.1.0"); "unknown" when run from a tree never installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line (not the usage and the error), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {PROG} --help)\n")
