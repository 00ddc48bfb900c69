"""The window's side of an analysis: what comes back from the controller, shown.

A summary is shown only when it was made with the options chosen now, so a
late result of an older choice is never shown. The session (``ui.session``)
decides what a result changes; this part puts it on screen: the article's
layers, the side panels, the status bar and the message bar.

Each tab's controller sends its results here with the tab (``window_tabs``):
a tab in the back takes them into its session and its own article view, and
the side panels show them when the tab comes to the front.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Slot

from reader import Analysis, Document, Entity, StageNote, Statement, Summary

from .article_tabs import NEW_TAB_TEXT
from .window_parts import APP_NAME

if TYPE_CHECKING:
    from .article_tabs import ArticleTab
    from .window_parts import WindowParts as _Base
else:
    _Base = object


#: Above this many statements (a book's), their marks are laid on the text in the next
#: turn of the event loop, apart from building their tree: the window then does the two
#: pieces of work (20-40 ms each on Moby-Dick's 2,049) in two turns, not one.
MARKS_APART_FROM = 500


class AnalysisResults(_Base):
    """The main window's handling of the analysis controller's results (a mixin)."""

    # -- controller results -------------------------------------------------------

    def _on_document_loaded(self, tab: ArticleTab, document: Document) -> None:
        self.remember_position(tab)  # of the article being left
        reloaded = tab.session.take_document(document)
        tab.article_view.show_document(document)
        title = tab.pane.show_title(document)
        self.article_tabs.set_title(tab, title, document.path)
        notice = document.metadata.get("notice")
        self._reading_document_loaded(document, reloaded, tab)
        self.recent_menu.add(document.path)
        if tab is not self.tab:
            if notice:
                tab.message = (notice, "warning")
            return
        self.setWindowTitle(f"{title} — {APP_NAME}")
        if notice:
            self.message_bar.show_message(notice, "warning")
        self.side.show_loading(reloaded)
        self.file_watcher.watch(document.path, tab.session.signature)
        self._update_actions()

    def _on_analysis_updated(self, tab: ArticleTab, analysis: Analysis) -> None:
        if tab.session.document is None:
            return
        update = tab.session.take_analysis(analysis, tab.options)
        if update.resummarize:
            self._request_summary(tab)
        if tab is not self.tab:
            if update.summary is not None:
                self._update_summary_layer(tab)
            if update.entities is not None:
                tab.article_view.clear_layer("entity")
            return  # the panels show the rest when the tab comes to the front
        if update.summary is not None:
            self._set_summary(update.summary)
        if update.entities is not None:
            self._show_entities(update.entities)
        if update.statements is not None:
            self._show_statements(update.statements)
        if update.portrayals is not None:
            self.entity_sidebar.show_portrayals(update.portrayals)
        self._show_notes(update.notes)
        self._update_actions()

    def _show_notes(self, fresh: tuple[StageNote, ...]) -> None:
        """Stages that failed or do not apply: said in their panel and in the message bar."""
        if not fresh:
            return
        self.side.show_notes(fresh)
        notes = self.session.notes
        text = " ".join(dict.fromkeys(note.message for note in notes))
        self.message_bar.show_message(text, "error" if any(n.failed for n in notes) else "info")

    def _on_summary_updated(self, tab: ArticleTab, summary: Summary) -> None:
        if tab.session.take_summary(summary, tab.options):
            if tab is self.tab:
                self._set_summary(summary)
            else:
                self._update_summary_layer(tab)

    def _on_failed(self, tab: ArticleTab, message: str) -> None:
        session = tab.session
        if tab is self.tab:
            self.show_error(message)
        else:
            tab.message = (message, "error")
        session.failed = True
        session.reloading = None
        failed_path, session.pending_path = session.pending_path, None
        if failed_path is not None:
            # The file did not load: the article on screen stays. Forget a recent
            # file that has gone, and finish the on-screen article if it was cut short.
            if not os.path.exists(failed_path):
                self.recent_menu.remove(failed_path)
            if session.document is None:
                self._drop_empty_tab(tab, message)
                return
            if not session.complete:
                session.failed = False
                tab.controller.submit_analysis(session.document, tab.options)
            return
        if tab is self.tab:
            self.side.explain_missing(session, "the analysis failed")

    def _drop_empty_tab(self, tab: ArticleTab, message: str) -> None:
        """A tab opened for a file that did not load holds nothing: it goes, and the
        message shows on the tab left in view; the window's only tab is new again."""
        if self.article_tabs.count() > 1:
            self.close_tab(tab)
            self.show_error(message)
        else:
            self.article_tabs.set_title(tab, NEW_TAB_TEXT)

    def _on_finished(self, tab: ArticleTab) -> None:
        session = tab.session
        session.finish()
        tab.parts = type(tab.parts)()
        if tab is not self.tab:
            tab.status_text = session.ready_text() if not session.interrupted else "Cancelled."
            if session.document is None and not session.cancelled:
                tab.status_text = "Open an article to begin."
            return
        self._set_busy(False)
        if session.document is None:
            text = "Cancelled." if session.cancelled else "Open an article to begin."
            self.status_label.setText(text)
            return
        if session.analysis is not None and not session.interrupted:
            # The last stage has run: empty results are results too.
            if session.entities is None:
                self._show_entities(session.analysis.entities)
            if session.statements is None:
                self._show_statements(session.analysis.statements)
        if session.cancelled:
            self.side.explain_missing(session, "the analysis was cancelled")
            self.status_label.setText("Cancelled.")
        else:
            self.status_label.setText(session.ready_text())
        self._update_actions()

    # -- summary ----------------------------------------------------------------

    def _set_summary(self, summary: Summary) -> None:
        session = self.session
        sentences = session.analysis.sentences if session.analysis else None
        total = len(sentences) if sentences is not None else None
        self.summary_panel.show_summary(session.document, summary, total, sentences)
        self._update_summary_layer()
        self._update_actions()

    def _request_summary(self, tab: ArticleTab) -> None:
        session = tab.session
        if session.document is None or session.analysis is None:
            return
        session.cancelled = session.failed = False
        view = tab.article_view
        marked = view.layer_spans("mark")
        if marked and set(marked) <= set(view.layer_spans("summary")):
            view.clear_layer("mark")  # a clicked sentence of the summary that goes
        view.clear_layer("summary")
        tab.controller.submit_summary(session.document, session.analysis.sentences, tab.options)
        if tab is self.tab:
            self.summary_panel.show_message("Summarising…")
            self._set_busy(True, "Summarising…")
        else:
            tab.status_text = "Summarising…"

    @Slot()
    def _options_changed(self) -> None:
        tab = self.tab
        tab.options = self.current_options()
        if tab.session.needs_summary(tab.options, tab.controller.is_busy()):
            self._request_summary(tab)

    @Slot(bool)
    def set_summary_highlight(self, checked: bool) -> None:
        self.settings.highlight_summary = checked
        for tab in self.article_tabs.tabs():
            self._update_summary_layer(tab)

    def _update_summary_layer(self, tab: ArticleTab | None = None) -> None:
        tab = tab or self.tab
        on = self.commands["highlight"].isChecked()
        tab.highlights.show_summary(tab.session.summary if on else None)

    # -- entities ---------------------------------------------------------------

    def _show_entities(self, entities: tuple[Entity, ...]) -> None:
        self.session.entities = entities
        self.article_view.clear_layer("entity")
        document = self.session.document
        # The text gives each entity's tooltip its first mention in context.
        self.side.show_entities(entities, document.text if document is not None else "")

    @Slot(object)
    def _on_entity_selected(self, entity: Entity | None) -> None:
        # A click also sends the first mention (mentionActivated), which is revealed;
        # an entity kept across a new analysis only has its mentions redrawn.
        self.highlights.show_entity(entity)

    @Slot()
    def focus_entity_filter(self) -> None:
        edit = self.entity_sidebar.filter_edit()
        self.side_tabs.setCurrentWidget(self.entity_sidebar)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    # -- statements -------------------------------------------------------------

    def _show_statements(self, statements: tuple[Statement, ...]) -> None:
        self.session.statements = statements
        with QSignalBlocker(self.stance_panel):  # its highlightsChanged: the marks, laid below
            self.side.show_statements(statements)
        if len(statements) > MARKS_APART_FROM:
            QTimer.singleShot(0, self, lambda: self._lay_marks_of(statements))
        else:
            self._update_stance_layers()

    def _lay_marks_of(self, statements: tuple[Statement, ...]) -> None:
        if self.session.statements is statements:  # not dropped for another document's
            self._update_stance_layers()

    @Slot()
    def _on_stance_highlights_changed(self) -> None:
        # The panel's checkbox mirrors the action, which is the one source of truth.
        enabled = self.stance_panel.highlights_enabled()
        if enabled != self.commands["stance_highlight"].isChecked():
            self.commands["stance_highlight"].setChecked(enabled)
        self._update_stance_layers()

    @Slot(bool)
    def set_statement_highlight(self, checked: bool) -> None:
        self.settings.highlight_statements = checked
        self.stance_panel.set_highlights_enabled(checked)  # emits highlightsChanged
        self._update_stance_layers()

    #: How many times the statements' marks were laid on the text (a book's take 10 ms or
    #: more: ``_show_statements`` lays them once).
    _stance_layers_shown = 0

    def _update_stance_layers(self) -> None:
        self._stance_layers_shown += 1
        on = self.commands["stance_highlight"].isChecked() and self.session.statements is not None
        self.highlights.show_statements(self.stance_panel.label_spans() if on else {})
