"""The find bar under the article: a query, its options and how many hits it has.

It only gathers what to find and shows the count; ``ui.article_find`` searches
and steps. Enter and Shift+Enter step while the query has the focus (F3 and
Shift+F3 come from the window's actions), Esc closes the bar even while an
analysis runs (Esc elsewhere cancels it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QWidget,
)

from .. import theme
from ..find_text import FindOptions


class FindBar(QFrame):
    """Hidden until ``open_bar``.

    Signals:
        searchChanged(): the query or an option changed.
        nextRequested(), previousRequested(): step to the next or previous hit.
        closed(): the bar was closed.
    """

    searchChanged = Signal()
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 6, 5)
        layout.setSpacing(6)

        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in the article")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Find in the article")
        self.edit.setToolTip("Enter: next hit · Shift+Enter: previous hit · Esc: close")
        self.edit.setMinimumWidth(160)
        self.edit.setMaximumWidth(320)
        self.edit.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.count_label.setAccessibleName("Find result")
        self.count_label.setMinimumWidth(90)

        self.previous_button = self._button(
            theme.icon("go-up", QStyle.StandardPixmap.SP_ArrowUp), "Previous hit (Shift+F3)"
        )
        self.next_button = self._button(
            theme.icon("go-down", QStyle.StandardPixmap.SP_ArrowDown), "Next hit (F3)"
        )
        self.case_box = self._option("Match case", "Tell capital letters from small ones")
        self.words_box = self._option("Whole words", "Only hits that are whole words")
        self.regex_box = self._option("Regular expression", "Read the query as a Python pattern")
        self.close_button = self._button(
            theme.icon("window-close", QStyle.StandardPixmap.SP_TitleBarCloseButton), "Close (Esc)"
        )

        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addSpacing(6)
        layout.addWidget(self.case_box)
        layout.addWidget(self.words_box)
        layout.addWidget(self.regex_box)
        layout.addStretch(0)
        layout.addWidget(self.close_button)

        self.edit.textChanged.connect(self.searchChanged)
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.close_button.clicked.connect(self.close_bar)
        self.setTabOrder(self.edit, self.previous_button)
        self.setTabOrder(self.previous_button, self.next_button)
        self.setTabOrder(self.next_button, self.case_box)
        self.setTabOrder(self.case_box, self.words_box)
        self.setTabOrder(self.words_box, self.regex_box)
        self.setTabOrder(self.regex_box, self.close_button)
        self.hide()

    def _button(self, icon: QIcon, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    def _option(self, text: str, tip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setToolTip(tip)
        box.setAccessibleName(text)
        box.toggled.connect(self.searchChanged)
        return box

    # -- what to find ---------------------------------------------------------

    def query(self) -> str:
        return self.edit.text()

    def options(self) -> FindOptions:
        return FindOptions(
            case=self.case_box.isChecked(),
            words=self.words_box.isChecked(),
            regex=self.regex_box.isChecked(),
        )

    def is_open(self) -> bool:
        return not self.isHidden()

    def open_bar(self, text: str = "") -> None:
        """Show the bar with the focus in the query, all of it selected (``text``
        replaces it: the words selected in the article)."""
        if text:
            self.edit.setText(text)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        if self.isHidden():
            return
        self.hide()
        self.closed.emit()

    # -- what was found ---------------------------------------------------------

    def show_count(self, current: int | None, total: int, *, truncated: bool = False) -> None:
        """ "3 of 17" (``current`` counts from 0; None: no hit chosen), or "No hits"."""
        if not self.query():
            text = ""
        elif total == 0:
            text = "No hits"
        else:
            more = "+" if truncated else ""
            text = (
                f"{total:,}{more} hits"
                if current is None
                else f"{current + 1:,} of {total:,}{more}"
            )
        self._say(text, error=bool(self.query()) and total == 0)

    def show_error(self, message: str) -> None:
        """The gist in the bar ("Bad pattern: missing )"), the whole message in its tooltip:
        beside the options, a bar the width of the article has no room for a sentence."""
        self._say(message.split(",")[0].split(" (")[0], error=True)
        self.count_label.setToolTip(message)

    def _say(self, text: str, *, error: bool) -> None:
        self.count_label.setText(text)
        self.count_label.setToolTip("")
        palette = self.palette()
        role = QPalette.ColorRole.WindowText
        if error:
            palette.setColor(role, theme.error_text(palette))
        self.count_label.setPalette(palette)
        self.count_label.setProperty("error", error)
        self.next_button.setEnabled(bool(text) and not error)
        self.previous_button.setEnabled(bool(text) and not error)

    def has_error(self) -> bool:
        return bool(self.count_label.property("error"))

    # -- keys ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            key = event.key()
            if event.type() == QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape:
                event.accept()  # Esc closes the bar here rather than cancel the analysis
                return True
            if event.type() == QEvent.Type.KeyPress:
                if key == Qt.Key.Key_Escape:
                    self.close_bar()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    (self.previousRequested if shift else self.nextRequested).emit()
                    return True
        return super().eventFilter(watched, event)
