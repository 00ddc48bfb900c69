"""Every command of the window, in one table: menus, toolbar and shortcuts come from it.

A row says what the command is called, which window method it runs, its
shortcuts, icon and tooltip, and where it appears. ``build_actions`` makes the
``QAction`` s (one per row, named by the row's key), ``build_menus`` the menu
bar (a menu "View/Theme" is a submenu), and ``shortcut_list`` the list of
Help ▸ Keyboard Shortcuts, so a shortcut is written down once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle

import reader

from . import theme

Sp = QStyle.StandardPixmap


@dataclass(frozen=True)
class ActionSpec:
    key: str  # the action's name: window.actions["open"]
    text: str  # with its mnemonic: "&Open…"
    slot: str  # the window method it runs (with the checked state, when checkable)
    menu: str  # "File", "Edit", "View", "Help", a submenu "View/Theme"; "" for none
    shortcut: str = ""
    standard: QKeySequence.StandardKey | None = None  # the platform's keys, before ``shortcut``
    also: tuple[str, ...] = ()  # more shortcuts ("Ctrl+=" beside Ctrl++)
    icon: str = ""  # a freedesktop icon name
    fallback: Sp | None = None  # a QStyle icon when the theme has none
    tip: str = ""
    checkable: bool = False
    toolbar: bool = False  # also on the toolbar
    separator_before: bool = False  # in its menu
    data: str = ""  # passed to the slot (a theme's name); with ``group``, one of a choice
    group: str = ""  # checkable rows of one group exclude each other

    def key_sequences(self) -> list[QKeySequence]:
        """Every shortcut of the command, the platform's first, without repeats."""
        # The platform's primary keys only: the others are dedicated keys ("Find", "Zoom In").
        keys = QKeySequence.keyBindings(self.standard)[:1] if self.standard is not None else []
        keys += [QKeySequence(text) for text in (self.shortcut, *self.also) if text]
        unique: list[QKeySequence] = []
        for key in keys:
            if not key.isEmpty() and key not in unique:
                unique.append(key)
        return unique


def action_specs() -> tuple[ActionSpec, ...]:
    """The window's commands, in menu order."""
    spec = ActionSpec
    Key = QKeySequence.StandardKey
    themes = tuple(
        spec(f"theme_{name}", text, "set_theme", "View/&Theme", data=name, group="theme",
             checkable=True, tip=f"Show the window in the {text.replace('&', '').lower()} theme"
             if name != "system" else "Light or dark, as the desktop is; changes with it")
        for name, text in theme.THEMES.items()
    )  # fmt: skip
    return (
        spec("open", "&Open…", "ask_open", "File", shortcut="Ctrl+O", icon="document-open",
             fallback=Sp.SP_DialogOpenButton, toolbar=True,
             tip="Open an article, in a new tab when one is open: " + reader.format_summary()),
        spec("close_tab", "Close &Tab", "close_tab", "File", shortcut="Ctrl+W",
             also=("Ctrl+F4",), icon="tab-close", tip="Close the article shown (its analysis "
             "stops)"),
        spec("export_report", "&Export Report…", "ask_export_report", "File", shortcut="Ctrl+E",
             icon="document-export", separator_before=True,
             tip="Save the summary, entities and statements as PDF, HTML or Markdown"),
        spec("preview", "Print Pre&view…", "preview", "File", icon="document-print-preview",
             tip="See the printed report before printing"),
        spec("print", "&Print…", "print_report", "File", shortcut="Ctrl+P",
             icon="document-print", tip="Print the summary, entities and statements",
             toolbar=True),
        spec("clear_cache", "Clear Analysis &Cache", "clear_cache", "File", icon="edit-clear",
             tip="Forget the saved analyses of files opened before", separator_before=True),
        spec("quit", "&Quit", "close", "File", shortcut="Ctrl+Q", icon="application-exit",
             tip="Quit Article Reader", separator_before=True),
        spec("copy", "&Copy Summary", "copy_summary", "Edit", shortcut="Ctrl+Shift+C",
             icon="edit-copy", tip="Copy the summary as plain and formatted text",
             toolbar=True),
        spec("find", "&Find…", "show_find", "Edit", standard=Key.Find, icon="edit-find",
             tip="Find words or a pattern in the article", separator_before=True),
        spec("next_mention", "Find &Next", "find_next", "Edit", shortcut="F3",
             icon="go-down", fallback=Sp.SP_ArrowDown,
             tip="The next find hit while the find bar is open, else the selected entity's "
                 "next mention"),
        spec("previous_mention", "Find Pre&vious", "find_previous", "Edit",
             shortcut="Shift+F3", icon="go-up", fallback=Sp.SP_ArrowUp,
             tip="The previous find hit while the find bar is open, else the selected "
                 "entity's previous mention"),
        spec("filter", "Filter &Entities", "focus_entity_filter", "Edit",
             shortcut="Ctrl+Shift+F", icon="view-filter", tip="Type to filter the entity list"),
        spec("zoom_in", "Zoom &In", "zoom_in", "View", standard=Key.ZoomIn, also=("Ctrl+=",),
             icon="zoom-in", tip="Make the article's text larger"),
        spec("zoom_out", "Zoom &Out", "zoom_out", "View", standard=Key.ZoomOut, icon="zoom-out",
             tip="Make the article's text smaller"),
        spec("zoom_reset", "&Actual Size", "zoom_reset", "View", shortcut="Ctrl+0",
             icon="zoom-original", tip="The article's text at the size chosen in Reading Settings"),
        *themes,
        spec("reading_settings", "&Reading Settings…", "show_reading_settings", "View",
             icon="preferences-desktop-font", tip="The article's font, size, line spacing "
             "and line width"),
        spec("contents", "&Contents", "set_contents_visible", "View", shortcut="F7",
             checkable=True, separator_before=True,
             tip="The document's headings and chapters: click one to go there"),
        spec("highlight", "&Highlight Summary", "set_summary_highlight", "View",
             icon="format-text-highlight", tip="Mark the summary's sentences in the article",
             checkable=True, toolbar=True, separator_before=True),
        spec("stance_highlight", "Highlight &Statements", "set_statement_highlight", "View",
             tip="Colour who-says-what statements in the article by their stance",
             checkable=True),
        spec("reload", "&Reload When File Changes", "set_reload_on_change", "View",
             tip="Read the article again when its file is changed by another program",
             checkable=True, separator_before=True),
        spec("restore_tabs", "Reopen Ta&bs at Start", "set_restore_tabs", "View",
             tip="Open the articles that were open in tabs when the window last closed",
             checkable=True),
        spec("next_tab", "Ne&xt Tab", "next_tab", "View", shortcut="Ctrl+Tab",
             also=("Ctrl+PgDown",), icon="go-next", separator_before=True,
             tip="Show the article of the next tab"),
        spec("previous_tab", "Pre&vious Tab", "previous_tab", "View", shortcut="Ctrl+Shift+Tab",
             also=("Ctrl+PgUp",), icon="go-previous", tip="Show the article of the previous tab"),
        spec("shortcuts", "&Keyboard Shortcuts", "show_shortcuts", "Help", shortcut="F1",
             also=("Ctrl+/",), icon="help-keyboard-shortcuts",
             tip="Every command's keys"),
        spec("about", "&About Article Reader", "about", "Help", icon="help-about",
             fallback=Sp.SP_MessageBoxInformation),
        spec("cancel", "Cancel", "cancel", "", shortcut="Esc", icon="process-stop",
             fallback=Sp.SP_BrowserStop, tip="Stop the analysis"),
    )  # fmt: skip


def build_actions(
    parent: QObject, slots: Callable[[str], Callable[..., object]]
) -> dict[str, QAction]:
    """One ``QAction`` per spec, connected to ``slots(spec.slot)``."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in action_specs():
        action = QAction(spec.text, parent)
        action.setObjectName(f"{spec.key}Action")
        action.setShortcuts(spec.key_sequences())
        if spec.icon:
            action.setIcon(theme.icon(spec.icon, spec.fallback))
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        slot = slots(spec.slot)
        if spec.group:
            group = groups.get(spec.group) or groups.setdefault(spec.group, QActionGroup(parent))
            group.addAction(action)
        if spec.data:
            action.setData(spec.data)
            action.triggered.connect(lambda _=False, slot=slot, data=spec.data: slot(data))
        elif spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        actions[spec.key] = action
    actions["cancel"].setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    return actions


def build_menus(
    bar: QMenuBar, actions: Mapping[str, QAction], extra: Mapping[str, QMenu] | None = None
) -> dict[str, QMenu]:
    """The menu bar's menus, in the order of the specs; ``extra`` submenus (by the key of
    the action they follow, e.g. Open Recent after Open) are inserted where they belong."""
    menus: dict[str, QMenu] = {}
    for spec in action_specs():
        if not spec.menu:
            continue
        menu = menus.get(spec.menu)
        if menu is None:
            parent_name, _, sub = spec.menu.partition("/")
            if sub:
                parent_menu = menus[parent_name]
                if spec.separator_before:
                    parent_menu.addSeparator()
                menu = menus[spec.menu] = parent_menu.addMenu(sub)
            else:
                menu = menus[spec.menu] = bar.addMenu(f"&{spec.menu}")
        elif spec.separator_before:
            menu.addSeparator()
        menu.addAction(actions[spec.key])
        if extra and spec.key in extra:
            menu.addMenu(extra[spec.key])
    return menus


def toolbar_actions(actions: Mapping[str, QAction]) -> list[QAction]:
    return [actions[spec.key] for spec in action_specs() if spec.toolbar]


def shortcut_list() -> list[tuple[str, str, str]]:
    """``(menu, command, keys)`` of every command that has a shortcut, in menu order;
    several keys are joined by ", "."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = []
    for spec in action_specs():
        keys = spec.key_sequences()
        if keys:
            menu = spec.menu.split("/")[0] or "Window"
            command = spec.text.replace("&", "").rstrip("…")
            rows.append((menu, command, ", ".join(key.toString(native) for key in keys)))
    return rows
