"""The selected entity explained, under the entity list.

A header button carrying the entity's name folds the details away (Space on it,
or a click); the text below is a read-only browser that Tab reaches, arrow keys
scroll and a screen reader reads. It says what the row's tooltip says, so a
reader without a mouse learns the same: the kind, the other spellings, the
first mention in context, the portrayal and why names were merged.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .entity_explain import Explanation, explanation_html, explanation_text

MAX_LINES = 11  # the details never take more height than this many lines; they scroll


class EntityDetails(QWidget):
    """The details of one entity, or nothing (hidden) when none is selected.

    Signals:
        expandedChanged(bool): the reader folded or unfolded the details.
    """

    expandedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._explanation: Explanation | None = None
        self._height_limit = 0  # pixels the text may take at most (0: MAX_LINES only)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self._toggle = QToolButton()
        self._toggle.setObjectName("entityDetailsToggle")
        self._toggle.setCheckable(True)
        self._toggle.setChecked(True)
        self._toggle.setAutoRaise(True)
        self._toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._toggle.setArrowType(Qt.ArrowType.DownArrow)
        # The name may be long: the button never widens the sidebar, its text is elided.
        self._toggle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._toggle.setToolTip("Show or hide the details of the selected entity")
        font = self._toggle.font()
        font.setBold(True)
        self._toggle.setFont(font)
        self._toggle.toggled.connect(self._on_toggled)

        self._browser = QTextBrowser()
        self._browser.setObjectName("entityDetails")
        self._browser.setAccessibleName("Entity details")
        self._browser.setOpenLinks(False)
        self._browser.setTabChangesFocus(True)
        self._browser.setFrameShape(QFrame.Shape.NoFrame)
        self._browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._browser.document().setDocumentMargin(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(line)
        layout.addWidget(self._toggle)
        body = QVBoxLayout()
        body.setContentsMargins(18, 0, 6, 4)  # under the header's text, past its arrow
        body.addWidget(self._browser)
        layout.addLayout(body)
        self.setVisible(False)

    # -- public API ---------------------------------------------------------------

    def show_explanation(self, explanation: Explanation | None) -> None:
        """Explain one entity, or hide when ``None``."""
        if explanation is not None and explanation == self._explanation:
            return  # stepping through mentions: the text (and its scroll) stays
        self._explanation = explanation
        self.setVisible(explanation is not None)
        self._render()

    def explanation(self) -> Explanation | None:
        return self._explanation

    def text(self) -> str:
        """What the details say, as plain text ("" when hidden)."""
        if self._explanation is None:
            return ""
        return explanation_text(self._explanation)

    def html(self) -> str:
        return self._browser.toHtml()

    def is_expanded(self) -> bool:
        return self._toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self._toggle.setChecked(expanded)

    def set_height_limit(self, pixels: int) -> None:
        """At most this tall (the text scrolls beyond): the list above keeps its room."""
        if pixels != self._height_limit:
            self._height_limit = pixels
            if self._explanation is not None:
                self._fit_height()

    def toggle_button(self) -> QToolButton:
        return self._toggle

    def browser(self) -> QTextBrowser:
        return self._browser

    # -- showing --------------------------------------------------------------------

    def _render(self) -> None:
        explanation = self._explanation
        if explanation is None:
            self._toggle.setText("")
            self._browser.clear()
            return
        self._update_title()
        self._toggle.setAccessibleName(f"Details of {explanation.name}")
        self._browser.setAccessibleDescription(explanation_text(explanation, title=False))
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self._browser.setHtml(explanation_html(explanation, title=False, muted=muted))
        self._browser.setVisible(self._toggle.isChecked())
        self._fit_height()

    def _update_title(self) -> None:
        if self._explanation is None:
            return
        room = self._toggle.width() - self._toggle.iconSize().width() - 16
        name = self._explanation.name
        metrics = self._toggle.fontMetrics()
        self._toggle.setText(metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 40)))

    def _fit_height(self) -> None:
        """As tall as the text, up to ``MAX_LINES`` lines and the height limit (then it
        scrolls), and never less than two lines."""
        browser = self._browser
        document = browser.document()
        document.setTextWidth(browser.viewport().width())
        wanted = int(document.size().height()) + 2 * browser.frameWidth() + 2
        line = browser.fontMetrics().lineSpacing()
        most = line * MAX_LINES
        if self._height_limit:
            most = min(most, self._height_limit - self._toggle.sizeHint().height())
        browser.setFixedHeight(max(line * 2, min(wanted, most)))

    @Slot(bool)
    def _on_toggled(self, expanded: bool) -> None:
        self._toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._browser.setVisible(expanded and self._explanation is not None)
        if expanded:
            self._fit_height()
        self.expandedChanged.emit(expanded)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_title()
        if self._explanation is not None:
            self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._render()  # the labels' muted colour comes from the palette
