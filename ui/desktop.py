"""``article-reader --install-desktop-entry``: the app in the desktop's menu, for this user.

Writes the shipped ``.desktop`` entry and AppStream metainfo, and the icon
(the SVG, plus PNGs of the sizes desktops ask for, drawn from it by Qt), into
the user's XDG data folder (``~/.local/share`` unless ``XDG_DATA_HOME`` says
otherwise), then asks the desktop to notice them when its tools are there.
The entry runs the ``article-reader`` command this one was started as.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from resources import APP_ID, desktop_file

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def install_desktop_entry(home: Path | None = None) -> int:
    """Install the entry, metainfo and icons under ``home`` (the XDG data folder); exit status."""
    home = home or data_home()
    try:
        written = _install(home)
    except OSError as error:
        print(f"article-reader: could not install the desktop entry: {error}", file=sys.stderr)
        return 1
    _refresh(home)
    print(f"Installed Article Reader in the applications menu ({len(written)} files in {home}).")
    return 0


def _install(home: Path) -> list[Path]:
    written = [
        _write(home / "applications" / f"{APP_ID}.desktop", _entry()),
        _write(home / "metainfo" / f"{APP_ID}.metainfo.xml", desktop_file(".metainfo.xml")),
        _write(home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg", desktop_file(".svg")),
    ]
    for size, png in _pngs().items():
        written.append(_write(home / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png", png))
    return written


def _entry() -> bytes:
    """The shipped entry, its Exec line naming this installation's command when it is not
    on the PATH (a virtual environment that is not activated)."""
    text = desktop_file(".desktop").decode("utf-8")
    command = shutil.which("article-reader")
    here = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if command is None and here is not None and here.name == "article-reader":
        text = text.replace("Exec=article-reader ", f"Exec={here} ")
    return text.encode("utf-8")


def _pngs() -> dict[int, bytes]:
    """The icon drawn at each size by Qt's SVG renderer (offscreen: no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["article-reader"])
    renderer = QSvgRenderer(QByteArray(desktop_file(".svg")))
    pngs: dict[int, bytes] = {}
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        pngs[size] = bytes(data.data())
    del _app
    return pngs


def _write(path: Path, content: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    temporary.replace(path)
    return path


def _refresh(home: Path) -> None:
    """Tell the desktop about the new files, where its tools are installed (quietly)."""
    for command in (
        ["update-desktop-database", str(home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons/hicolor")],
    ):
        if shutil.which(command[0]):
            subprocess.run(command, capture_output=True, check=False)
