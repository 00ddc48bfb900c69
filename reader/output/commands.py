"""The command line's name and commands: read by the launcher (which must stay light,
so it imports nothing else of the core) and by ``cli``."""

from __future__ import annotations

PROG = "article-reader"
COMMANDS = ("summarize", "entities", "stance")
