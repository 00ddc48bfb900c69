"""The right-hand side of the window: the summary above, entities and statements in tabs.

It shows what the article's session has (or that a stage is still running, was
cut short or does not apply); the window decides when.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from reader import Entity, StageNote, Statement

from .panels import summary_panel
from .panels.entity_sidebar import NO_DOCUMENT as NO_ENTITIES
from .panels.entity_sidebar import EntitySidebar
from .panels.stance_matrix import StanceMatrixPanel
from .panels.stance_panel import StancePanel
from .panels.summary_panel import SummaryPanel
from .session import ArticleSession

STANCE_TAB = "Stance"
MATRIX_TAB = "Who about whom"


class SidePanels(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("sideSplitter")
        self.summary_panel = SummaryPanel(self)
        self.summary_panel.setObjectName("summaryPanel")
        self.entity_sidebar = EntitySidebar(self)
        self.entity_sidebar.setObjectName("entitySidebar")
        self.stance_panel = StancePanel(self)
        self.stance_panel.setObjectName("stancePanel")
        self.matrix_panel = StanceMatrixPanel(self)
        self.matrix_panel.setObjectName("matrixPanel")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sideTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.entity_sidebar, "Entities")
        self.tabs.addTab(self.stance_panel, STANCE_TAB)
        self.tabs.addTab(self.matrix_panel, MATRIX_TAB)
        self.addWidget(self.summary_panel)
        self.addWidget(self.tabs)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 4)
        self.setStretchFactor(1, 5)

    def show_empty(self) -> None:
        """No article (an empty tab): each panel says what it would show."""
        self.summary_panel.show_message(summary_panel.NO_DOCUMENT)
        self.entity_sidebar.setEnabled(True)
        self.entity_sidebar.show_message(NO_ENTITIES)
        self.stance_panel.clear()
        self.matrix_panel.clear()
        self.set_stance_count(None)

    def show_loading(self, reloaded: bool) -> None:
        """A document has come: its results are on their way.

        On a reload the entity list (and its selection) stays until the new one
        replaces it, greyed out, because its positions belong to the old text.
        """
        self.summary_panel.show_message("Summarising…")
        if reloaded:
            self.entity_sidebar.setEnabled(False)
        else:
            self.entity_sidebar.show_message("Finding entities…")
            self.stance_panel.clear()
            self.matrix_panel.clear()
        self.stance_panel.show_message("Finding who says what…")
        self.matrix_panel.show_message("Finding who says what…")
        self.set_stance_count(None)

    def show_entities(self, entities: tuple[Entity, ...], text: str = "") -> None:
        """``text``: the article's, for each entity's first mention in context."""
        self.entity_sidebar.setEnabled(True)
        # Keeps the selected entity when it is still there (after a reload).
        self.entity_sidebar.show_entities(entities, text)

    def show_no_entities(self, text: str) -> None:
        self.entity_sidebar.setEnabled(True)
        self.entity_sidebar.show_message(text)

    def show_statements(self, statements: tuple[Statement, ...]) -> None:
        self.stance_panel.show_statements(statements)  # emits highlightsChanged
        self.matrix_panel.show_statements(statements)
        self.set_stance_count(len(statements))

    def set_stance_count(self, count: int | None) -> None:
        index = self.tabs.indexOf(self.stance_panel)
        self.tabs.setTabText(index, f"{STANCE_TAB} ({count})" if count else STANCE_TAB)

    def show_notes(self, notes: tuple[StageNote, ...]) -> None:
        """Each note in the panel of its stage, in place of the result."""
        for note in notes:
            if note.stage == "summary":
                self.summary_panel.show_message(note.message)
            elif note.stage == "entities":
                self.show_no_entities(note.message)
            elif note.stage == "stance":
                self.stance_panel.show_message(note.message)
                self.matrix_panel.show_message(note.message)
                self.set_stance_count(None)

    def explain_missing(self, session: ArticleSession, why: str) -> None:
        """Say in each panel still waiting that its result will not come, and why."""
        if session.summary is None:
            self.summary_panel.show_message(f"No summary: {why}.")
        if session.entities is None:
            self.show_no_entities(f"No entities: {why}.")
        if session.statements is None:
            self.stance_panel.show_message(f"No statements: {why}.")
            self.matrix_panel.show_message(f"No statements: {why}.")
