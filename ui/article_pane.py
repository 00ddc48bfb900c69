"""The article side of the window: a title header, the scrolling article text, the find bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reader import Document

from . import theme
from .article_find import ArticleFind
from .article_view import ArticleView
from .panels.find_bar import FindBar

TITLE_SCALE = 1.45


class ArticlePane(QWidget):
    """The article's title (when its text does not start with one), the article view
    and, under it, the find bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("articleTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setBackgroundRole(QPalette.ColorRole.Base)
        self.title_label.setForegroundRole(QPalette.ColorRole.Text)
        self.title_label.setAutoFillBackground(True)
        self.title_label.setAccessibleName("Article title")
        self.title_label.hide()
        # A header above the scrolling text, not a line of it: a rule keeps them apart.
        self.title_rule = QFrame(self)
        self.title_rule.setFrameShape(QFrame.Shape.HLine)
        self.title_rule.setFrameShadow(QFrame.Shadow.Plain)
        self.title_rule.setForegroundRole(QPalette.ColorRole.Mid)
        self.title_rule.hide()

        self.article_view = ArticleView(self)
        self.article_view.setObjectName("articleView")
        self.article_view.setAccessibleName("Article")
        self.find_bar = FindBar(self)
        self.finder = ArticleFind(self.find_bar, self.article_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.title_rule)
        layout.addWidget(self.article_view, 1)
        layout.addWidget(self.find_bar)
        self.article_view.measureChanged.connect(self._align_title)
        self.set_reading_style(self.article_view.reading_style())

    def set_reading_style(self, style: theme.ReadingStyle) -> None:
        """Set the article (and its title, scaled alike) in ``style``."""
        self.article_view.set_reading_style(style)
        font = QFont(style.font(TITLE_SCALE))
        font.setBold(True)
        self.title_label.setFont(font)

    def show_title(self, document: Document) -> str:
        """Show the title above the text unless the text starts with it; return the title."""
        title = document.title.strip() or Path(document.path).stem or "Untitled"
        if any(block.kind == "title" for block in document.blocks):
            self.title_label.hide()
            self.title_rule.hide()
        else:
            self.title_label.setText(title)
            self.title_label.show()
            self.title_rule.show()
            self._align_title(self.article_view.text_left())
        return title

    @Slot(int)
    def _align_title(self, left: int) -> None:
        self.title_label.setContentsMargins(left, 18, left, 14)
