"""The window as a reader: find, zoom, themes, reading settings, contents, position, progress.

Each is remembered in ``Settings`` (the reading position per file). F3 and
Shift+F3 step through the find hits while the find bar is open with a query,
through the selected entity's mentions otherwise: one pair of keys, the
search the reader is in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QDockWidget

from reader import Document

from .appearance import ThemeController
from .panels.contents_panel import ContentsPanel
from .panels.reading_settings import ReadingSettingsDialog
from .shortcuts_dialog import ShortcutsDialog
from .theme import ZOOM_STEPS, ReadingStyle

if TYPE_CHECKING:
    from .article_tabs import ArticleTab
    from .window_parts import WindowParts as _Base
else:
    _Base = object

#: A typical adult's silent reading speed, words a minute (Brysbaert 2019: 238).
WORDS_PER_MINUTE = 238
#: Characters read to estimate a text's characters per word.
_SAMPLE = 100_000
_PARAGRAPH_SEPARATOR = "\u2029"  # how Qt's selected text ends a paragraph


class ReadingCommands(_Base):
    """The main window's reading commands and state (a mixin)."""

    def _build_reading(self) -> None:
        """Call once the commands exist (each tab's view is wired in ``window_tabs``)."""
        self.themes = ThemeController(self)
        self.themes.changed.connect(self._on_theme_changed)

        self.contents_panel = ContentsPanel(self)
        dock = QDockWidget("Contents", self)
        dock.setObjectName("contentsDock")
        dock.setWidget(self.contents_panel)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.contents_dock = dock
        self.contents_panel.headingActivated.connect(self._go_to_heading)
        contents_action = self.commands["contents"]
        dock.toggleViewAction().toggled.connect(contents_action.setChecked)
        contents_action.setChecked(self.settings.show_contents)
        dock.setVisible(self.settings.show_contents)
        self._reading_dialog: ReadingSettingsDialog | None = None
        self._shortcuts_dialog: ShortcutsDialog | None = None

        self._set_style(self.settings.reading_style, remember=False)
        name = self.settings.theme
        self.commands[f"theme_{name}"].setChecked(True)
        self.themes.apply(name)

    # -- find -------------------------------------------------------------------

    @Slot()
    def show_find(self) -> None:
        """Open the find bar, with the words selected in the article (on one line) to find."""
        selected = self.article_view.textCursor().selectedText()
        text = selected if 0 < len(selected) <= 200 and _PARAGRAPH_SEPARATOR not in selected else ""
        self.finder.open(text)

    @Slot()
    def find_next(self) -> None:
        if self.finder.is_active():
            self.finder.next()
        else:
            self.entity_sidebar.next_mention()

    @Slot()
    def find_previous(self) -> None:
        if self.finder.is_active():
            self.finder.previous()
        else:
            self.entity_sidebar.previous_mention()

    # -- zoom and reading settings ------------------------------------------------

    @Slot()
    def zoom_in(self) -> None:
        self._zoom_by(1)

    @Slot()
    def zoom_out(self) -> None:
        self._zoom_by(-1)

    @Slot()
    def zoom_reset(self) -> None:
        self._set_style(self.article_view.reading_style().zoomed(0))

    @Slot(int)
    def _zoom_by(self, steps: int) -> None:
        self._set_style(self.article_view.reading_style().zoomed(steps))

    def _set_style(self, style: ReadingStyle, *, remember: bool = True) -> None:
        before = self.article_view.reading_style().zoom
        for tab in self.article_tabs.tabs():
            tab.pane.set_reading_style(style)
        if remember:
            self.settings.reading_style = style
        self.commands["zoom_in"].setEnabled(style.zoom < ZOOM_STEPS[-1])
        self.commands["zoom_out"].setEnabled(style.zoom > ZOOM_STEPS[0])
        if remember and style.zoom != before:
            self.statusBar().showMessage(f"Zoom {style.zoom:.0%}", 2000)

    @Slot()
    def show_reading_settings(self) -> None:
        dialog = self._reading_dialog
        if dialog is None:
            dialog = self._reading_dialog = ReadingSettingsDialog(
                self.article_view.reading_style(), self
            )
            dialog.styleChanged.connect(self._on_reading_settings)
        _show(dialog)

    @Slot(object)
    def _on_reading_settings(self, style: ReadingStyle) -> None:
        # The zoom is the window's own (Ctrl++ may have changed it while the dialog was open).
        zoom = self.article_view.reading_style().zoom
        self._set_style(ReadingStyle(style.family, style.point_size, style.line_height,
                                     style.width_em, zoom))  # fmt: skip

    # -- themes -----------------------------------------------------------------

    @Slot(str)
    def set_theme(self, name: str) -> None:
        self.settings.theme = name
        self.themes.apply(name)

    @Slot(str)
    def _on_theme_changed(self, paper: str) -> None:
        for tab in self.article_tabs.tabs():
            tab.highlights.recolour()  # a view formats its asides again on its PaletteChange
        self.message_bar.restyle()

    # -- contents, position and progress ------------------------------------------

    @Slot(bool)
    def set_contents_visible(self, checked: bool) -> None:
        self.settings.show_contents = checked
        self.contents_dock.setVisible(checked)

    @Slot(int)
    def _go_to_heading(self, offset: int) -> None:
        self.article_view.scroll_to_offset(offset)

    def _reading_document_loaded(
        self, document: Document, reloaded: bool, tab: ArticleTab | None = None
    ) -> None:
        """``document`` has come into ``tab`` (the current one by default)."""
        tab = tab or self.tab
        tab.pane.finder.document_changed()
        sample = document.text[:_SAMPLE]
        tab.chars_per_word = len(sample) / max(1, len(sample.split()))
        view = tab.article_view
        if reloaded:
            view.scroll_to_offset(tab.session.reload_top)
        else:
            saved = self.settings.reading_position(document.path, len(document.text))
            if saved:
                view.scroll_to_offset(saved)
        if tab is self.tab:
            self.contents_panel.show_document(document)
            self._on_scrolled()

    def _reading_tab_shown(self, tab: ArticleTab) -> None:
        self.contents_panel.show_document(tab.session.document)
        self._on_scrolled()

    def remember_position(self, tab: ArticleTab | None = None) -> None:
        """Keep where the reader is in ``tab``'s article (the current tab's by default;
        before another article opens there, and at the end)."""
        tab = tab or self.tab
        document = tab.session.document
        view = tab.article_view
        if document is None or view.current_document() is not document or view.scroll_pending():
            return  # the article is not where the reader left it yet
        self.settings.set_reading_position(document.path, view.top_offset(), len(document.text))

    @Slot()
    def _on_scrolled(self) -> None:
        document = self.article_view.current_document()
        if document is None:
            self.status.show_reading(None)
            return
        bar = self.article_view.verticalScrollBar()
        # At the very end the last parts cannot reach the top: the reader is in the
        # last one in view (a heading chosen there is the one marked).
        at_end = 0 < bar.maximum() == bar.value()
        view = self.article_view
        self.contents_panel.mark_current(view.bottom_offset() if at_end else view.top_offset())
        read = bar.value() / bar.maximum() if bar.maximum() > 0 else 1.0
        words_left = len(document.text) * (1 - read) / self.tab.chars_per_word
        self.status.show_reading(read, words_left / WORDS_PER_MINUTE)

    @Slot()
    def show_shortcuts(self) -> None:
        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(self)
        _show(self._shortcuts_dialog)


def _show(dialog: QDialog) -> None:
    """Show a dialog that stays open beside the window, or bring it to the front."""
    if dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
    else:
        dialog.show()
