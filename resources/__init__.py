"""Files shipped with the app (package data), found through importlib.resources."""

from __future__ import annotations

import tempfile
from importlib.resources import files
from pathlib import Path

SAMPLE_ARTICLE = "tidal-power-vote.txt"
#: The application's id on the desktop: its .desktop, metainfo and icon are named after it.
APP_ID = "io.github.articlereader.ArticleReader"


def desktop_file(suffix: str) -> bytes:
    """The content of the shipped desktop file ``APP_ID + suffix`` (".desktop", ".svg"...)."""
    return (files("resources") / "desktop" / f"{APP_ID}{suffix}").read_bytes()


def sample_article() -> Path:
    """The path of the bundled sample article (a fictional news story, plain text).

    From a normal install or a checkout this is the file itself; from a zipped
    install it is a copy in a temporary folder.
    """
    resource = files("resources.samples") / SAMPLE_ARTICLE
    if isinstance(resource, Path):
        return resource
    folder = Path(tempfile.mkdtemp(prefix="article-reader-"))
    copy = folder / SAMPLE_ARTICLE
    copy.write_bytes(resource.read_bytes())
    return copy
