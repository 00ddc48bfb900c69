"""Typed access to the application's QSettings, with defaults in one place.

The window passes a ``QSettings`` in tests (an INI file in a temporary
directory), so a test never reads or writes the user's real settings.
"""

from __future__ import annotations

import json
import os
import time

from PySide6.QtCore import QByteArray, QSettings

from .theme import DEFAULT_THEME, THEMES, ZOOM_STEPS, ReadingStyle, ThemeName

MAX_RECENT = 10
#: Files whose reading position is remembered (the most recently read).
MAX_POSITIONS = 200
UNITS = ("sentences", "%")


def _as_bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(value, int):
        return bool(value)
    return default


def _as_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def _as_float(value: object, default: float, low: float, high: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(max(number, low), high) if number == number else default  # NaN: default


class Settings:
    """The persisted preferences: summary options, toggles, recent files, window state."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @property
    def store(self) -> QSettings:
        return self._store

    def sync(self) -> None:
        self._store.sync()

    # -- summary options ------------------------------------------------------

    @property
    def algorithm(self) -> str:
        # Imported here: reader.summarize pulls in sumy, which the settings never need.
        from reader import DEFAULT_ALGORITHM

        return str(self._store.value("summary/algorithm", DEFAULT_ALGORITHM))

    @algorithm.setter
    def algorithm(self, key: str) -> None:
        self._store.setValue("summary/algorithm", key)

    @property
    def length_unit(self) -> str:
        unit = str(self._store.value("summary/unit", "sentences"))
        return unit if unit in UNITS else "sentences"

    @length_unit.setter
    def length_unit(self, unit: str) -> None:
        self._store.setValue("summary/unit", unit if unit in UNITS else "sentences")

    def length_value(self, unit: str) -> int:
        """The last length chosen in ``unit`` (sentences and percent are kept apart)."""
        if unit == "%":
            return min(max(_as_int(self._store.value("summary/percent"), 20), 1), 100)
        return min(max(_as_int(self._store.value("summary/sentences"), 5), 1), 200)

    def set_length_value(self, unit: str, value: int) -> None:
        key = "summary/percent" if unit == "%" else "summary/sentences"
        self._store.setValue(key, int(value))

    @property
    def length(self) -> str:
        """The summary length as ``reader`` takes it: ``"5"`` or ``"20%"``."""
        unit = self.length_unit
        value = self.length_value(unit)
        return f"{value}%" if unit == "%" else str(value)

    @property
    def highlight_summary(self) -> bool:
        return _as_bool(self._store.value("view/highlight_summary"), True)

    @highlight_summary.setter
    def highlight_summary(self, on: bool) -> None:
        self._store.setValue("view/highlight_summary", bool(on))

    @property
    def highlight_statements(self) -> bool:
        return _as_bool(self._store.value("view/highlight_statements"), True)

    @highlight_statements.setter
    def highlight_statements(self, on: bool) -> None:
        self._store.setValue("view/highlight_statements", bool(on))

    @property
    def reload_on_change(self) -> bool:
        """Reload the open article when its file changes on disk."""
        return _as_bool(self._store.value("files/reload_on_change"), True)

    @reload_on_change.setter
    def reload_on_change(self, on: bool) -> None:
        self._store.setValue("files/reload_on_change", bool(on))

    # -- reading --------------------------------------------------------------

    @property
    def theme(self) -> ThemeName:
        value = str(self._store.value("view/theme", DEFAULT_THEME))
        for name in THEMES:
            if name == value:
                return name
        return DEFAULT_THEME

    @theme.setter
    def theme(self, name: str) -> None:
        self._store.setValue("view/theme", name if name in THEMES else DEFAULT_THEME)

    @property
    def reading_style(self) -> ReadingStyle:
        """The article's font, size, zoom, line height and width (out-of-range values clamped)."""
        default = ReadingStyle()
        value = self._store.value
        steps = ZOOM_STEPS
        return ReadingStyle(
            family=str(value("reading/family", "") or ""),
            point_size=_as_float(value("reading/size"), default.point_size, 6, 48),
            line_height=int(_as_float(value("reading/line_height"), default.line_height, 100, 250)),
            width_em=int(_as_float(value("reading/width"), default.width_em, 20, 80)),
            zoom=_as_float(value("reading/zoom"), 1.0, steps[0], steps[-1]),
        )

    @reading_style.setter
    def reading_style(self, style: ReadingStyle) -> None:
        self._store.setValue("reading/family", style.family)
        self._store.setValue("reading/size", float(style.point_size))
        self._store.setValue("reading/line_height", int(style.line_height))
        self._store.setValue("reading/width", int(style.width_em))
        self._store.setValue("reading/zoom", float(style.zoom))

    @property
    def show_contents(self) -> bool:
        return _as_bool(self._store.value("view/contents"), False)

    @show_contents.setter
    def show_contents(self, on: bool) -> None:
        self._store.setValue("view/contents", bool(on))

    def _positions(self) -> dict[str, list[float]]:
        try:
            data = json.loads(str(self._store.value("reading/positions", "{}")))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def reading_position(self, path: str, length: int) -> int | None:
        """Where the reader left ``path`` (a text offset), if its text still has ``length``
        characters: another text would put the reader somewhere meaningless."""
        entry = self._positions().get(os.path.abspath(path))
        if not isinstance(entry, list) or len(entry) < 2:
            return None
        offset, known_length = int(entry[0]), int(entry[1])
        return offset if known_length == length and 0 <= offset <= length else None

    def set_reading_position(self, path: str, offset: int, length: int) -> None:
        positions = self._positions()
        positions[os.path.abspath(path)] = [int(offset), int(length), round(time.time())]
        if len(positions) > MAX_POSITIONS:  # forget the files read longest ago
            newest = sorted(positions.items(), key=lambda item: item[1][-1], reverse=True)
            positions = dict(newest[:MAX_POSITIONS])
        self._store.setValue("reading/positions", json.dumps(positions))

    # -- tabs -------------------------------------------------------------------

    @property
    def restore_tabs(self) -> bool:
        """Open the articles of the last session's tabs at the start."""
        return _as_bool(self._store.value("files/restore_tabs"), True)

    @restore_tabs.setter
    def restore_tabs(self, on: bool) -> None:
        self._store.setValue("files/restore_tabs", bool(on))

    def open_tabs(self) -> tuple[list[str], int]:
        """The files open in tabs when the window closed, and the index of the one shown."""
        value = self._store.value("files/tabs", [])
        if isinstance(value, str):  # INI files give back a one-item list as a str
            value = [value] if value else []
        paths = [str(v) for v in value if v] if isinstance(value, list | tuple) else []
        current = _as_int(self._store.value("files/current_tab"), 0)
        return paths, min(max(current, 0), max(len(paths) - 1, 0))

    def set_open_tabs(self, paths: list[str], current: int) -> None:
        self._store.setValue("files/tabs", list(paths))
        self._store.setValue("files/current_tab", int(current))

    # -- recent files ---------------------------------------------------------

    @property
    def recent_files(self) -> list[str]:
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # INI files give back a one-item list as a str
            value = [value] if value else []
        values = value if isinstance(value, list | tuple) else []
        return [str(v) for v in values if v][:MAX_RECENT]

    @recent_files.setter
    def recent_files(self, paths: list[str]) -> None:
        self._store.setValue("files/recent", list(paths)[:MAX_RECENT])

    def add_recent_file(self, path: str) -> list[str]:
        path = os.path.abspath(path)
        paths = [path, *(p for p in self.recent_files if os.path.abspath(p) != path)]
        self.recent_files = paths
        return self.recent_files

    def remove_recent_file(self, path: str) -> list[str]:
        path = os.path.abspath(path)
        self.recent_files = [p for p in self.recent_files if os.path.abspath(p) != path]
        return self.recent_files

    def clear_recent_files(self) -> None:
        self._store.remove("files/recent")

    @property
    def report_folder(self) -> str:
        """Where the last report was saved ("" before the first)."""
        value = self._store.value("files/report_folder", "")
        return value if isinstance(value, str) else ""

    @report_folder.setter
    def report_folder(self, folder: str) -> None:
        self._store.setValue("files/report_folder", folder)

    # -- window state ---------------------------------------------------------

    def state(self, name: str) -> QByteArray | None:
        """Saved geometry or splitter state ``name`` (keyed by nothing else)."""
        value = self._store.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, name: str, data: QByteArray) -> None:
        self._store.setValue(f"window/{name}", data)
