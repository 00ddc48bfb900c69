"""The article's coloured layers: the summary, the selected entity, the statements by label.

Each layer is drawn by the article view; this part decides what goes in it
(and skips redrawing statements that have not changed: the stance panel and
the window both ask after new statements).
"""

from __future__ import annotations

import reader
from reader import Document, Entity, Summary

from . import theme
from .article_layers import LayerStyle
from .article_view import ArticleView

Spans = dict[str, list[tuple[int, int]]]


class Highlights:
    def __init__(self, view: ArticleView) -> None:
        self._view = view
        self._stance_spans: Spans = {}
        self._stance_document: Document | None = None  # the view drops layers on a new one

    def show_summary(self, summary: Summary | None) -> None:
        """Mark ``summary``'s sentences (None: none)."""
        if summary is None:
            self._view.clear_layer("summary")
        else:
            spans = [(s.start, s.end) for s in summary.sentences]
            self._view.set_layer("summary", spans, theme.colours().summary)

    def show_entity(self, entity: Entity | None) -> None:
        """Mark every mention of ``entity`` (None: none, and no current mention either)."""
        if entity is None:
            self._view.clear_layer("entity")
            self._view.clear_layer("mark")
            return
        spans = [(m.start, m.end) for m in entity.mentions]
        self._view.set_layer("entity", spans, theme.colours().entity)

    def mark_all(self, spans: list[tuple[int, int]]) -> None:
        """Mark several spans at once (a matrix cell's statements), showing the first."""
        if not spans:
            return
        self._view.reveal(*spans[0])
        self._view.set_layer("mark", spans, theme.colours().mark)

    def recolour(self) -> None:
        """The theme changed: every layer takes its colour in the new one."""
        self._view.layers.recolour(theme.layer_colour)

    def show_statements(self, spans: Spans) -> None:
        """Colour the statements' contents by label (``{}``: none)."""
        view = self._view
        if spans == self._stance_spans and view.current_document() is self._stance_document:
            return
        self._stance_spans = spans
        self._stance_document = view.current_document()
        with view.changing_layers():
            for label in reader.STANCE_LABELS:
                name = f"stance-{label}"
                if spans.get(label):
                    style: LayerStyle = "underline" if label == "neutral" else "tint"
                    view.set_layer(name, spans[label], theme.colours().stance[label], style)
                else:
                    view.clear_layer(name)
