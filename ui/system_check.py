"""Before the window starts: are the system libraries Qt's X11 plugin needs installed?

When one is missing, Qt aborts the process (exit 134) with a message that names
the wrong library ("xcb-cursor0 or libxcb-cursor0 is needed"). Loading the
plugin ourselves first (no Qt code runs) tells exactly which library the
loader could not find, so the command can say which package to install.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from pathlib import Path

_MISSING = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


def xcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will pick its X11 plugin here (Linux, no other platform asked for)."""
    if not sys.platform.startswith("linux"):
        return False
    wanted = environ.get("QT_QPA_PLATFORM", "").split(";")[0].strip()
    if wanted:
        return wanted == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_library(plugin: Path) -> str | None:
    """The first shared library ``plugin`` needs that the system cannot load, or None."""
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as error:
        found = _MISSING.search(str(error))
        return found.group(1) if found else None
    return None


def debian_package(library: str) -> str:
    """``libxcb-icccm.so.4`` → ``libxcb-icccm4``; ``libxkbcommon-x11.so.0`` →
    ``libxkbcommon-x11-0`` (Debian's naming of shared library packages)."""
    name, _, version = library.partition(".so")
    version = version.lstrip(".").split(".")[0]
    if not version:
        return name
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def window_problem() -> str | None:
    """One line for a person when the window cannot start here, else None."""
    if not uses_xcb():
        return None
    plugin = xcb_plugin()
    library = missing_library(plugin) if plugin is not None else None
    if library is None:
        return None
    return (
        f"the window needs the system library {library}, which is not installed "
        f"(on Debian or Ubuntu: sudo apt install {debian_package(library)}); the commands "
        "(summarize, entities, stance, report) work without it."
    )
