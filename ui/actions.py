"""Every command of the window, in one table: menus, toolbar and shortcuts come from it.

A row says what the command is called, which window method it runs, its
shortcut, icon and tooltip, and where it appears. ``build_actions`` makes the
``QAction`` s (one per row, named by the row's key), ``build_menus`` the menu
bar, and ``shortcut_list`` the list a person can look up, so a shortcut is
written down once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle

import reader

from . import theme

Sp = QStyle.StandardPixmap


@dataclass(frozen=True)
class ActionSpec:
    key: str  # the action's name: window.actions["open"]
    text: str  # with its mnemonic: "&Open…"
    slot: str  # the window method it runs (with the checked state, when checkable)
    menu: str  # "File", "Edit", "View", "Help"; "" for none (the window adds it)
    shortcut: str = ""
    icon: str = ""  # a freedesktop icon name
    fallback: Sp | None = None  # a QStyle icon when the theme has none
    tip: str = ""
    checkable: bool = False
    toolbar: bool = False  # also on the toolbar
    separator_before: bool = False  # in its menu


def action_specs() -> tuple[ActionSpec, ...]:
    """The window's commands, in menu order."""
    spec = ActionSpec
    return (
        spec("open", "&Open…", "ask_open", "File", shortcut="Ctrl+O", icon="document-open",
             fallback=Sp.SP_DialogOpenButton, toolbar=True,
             tip="Open an article: " + reader.format_summary()),
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
        spec("next_mention", "Find &Next Mention", "next_mention", "Edit", shortcut="F3",
             icon="go-down", fallback=Sp.SP_ArrowDown,
             tip="Show the selected entity's next mention", separator_before=True),
        spec("previous_mention", "Find Pre&vious Mention", "previous_mention", "Edit",
             shortcut="Shift+F3", icon="go-up", fallback=Sp.SP_ArrowUp,
             tip="Show the selected entity's previous mention"),
        spec("filter", "&Filter Entities", "focus_entity_filter", "Edit", shortcut="Ctrl+F",
             icon="edit-find", tip="Type to filter the entity list"),
        spec("highlight", "&Highlight Summary", "set_summary_highlight", "View",
             icon="format-text-highlight", tip="Mark the summary's sentences in the article",
             checkable=True, toolbar=True),
        spec("stance_highlight", "Highlight &Statements", "set_statement_highlight", "View",
             tip="Colour who-says-what statements in the article by their stance",
             checkable=True),
        spec("reload", "&Reload When File Changes", "set_reload_on_change", "View",
             tip="Read the article again when its file is changed by another program",
             checkable=True, separator_before=True),
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
    for spec in action_specs():
        action = QAction(spec.text, parent)
        action.setObjectName(f"{spec.key}Action")
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon:
            action.setIcon(theme.icon(spec.icon, spec.fallback))
        if spec.tip:
            action.setToolTip(spec.tip)
            action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        slot = slots(spec.slot)
        if spec.checkable:
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
            menu = menus[spec.menu] = bar.addMenu(f"&{spec.menu}")
        elif spec.separator_before:
            menu.addSeparator()
        menu.addAction(actions[spec.key])
        if extra and spec.key in extra:
            menu.addMenu(extra[spec.key])
    return menus


def toolbar_actions(actions: Mapping[str, QAction]) -> list[QAction]:
    return [actions[spec.key] for spec in action_specs() if spec.toolbar]


def shortcut_list() -> list[tuple[str, str]]:
    """``(command, shortcut)`` of every command that has a shortcut, in menu order."""
    native = QKeySequence.SequenceFormat.NativeText
    return [
        (spec.text.replace("&", "").rstrip("…"), QKeySequence(spec.shortcut).toString(native))
        for spec in action_specs()
        if spec.shortcut
    ]
