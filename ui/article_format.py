"""How the article's text looks: block and character formats laid over plain text.

The view holds ``Document.text`` verbatim; this part gives its lines the
reading style (line height, air between paragraphs, low blank lines) and each
Document block its kind's look (title, headings, quotes, lists, muted asides).
Formats never change the text, so every Qt position still maps to a Python
offset. It works range by range in text order, so a book is formatted as its
text goes in, and formatted again (a new size, font or theme) a piece per
event-loop turn.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit

from reader import Block, Document

from .text_positions import Utf16Index

#: Empty or white-space-only lines; they get a low line height.
_BLANK_LINE = re.compile(r"^[^\S\n]*$", re.MULTILINE)

TITLE_SCALE = 1.75
HEADING_SCALE = {1: 1.4, 2: 1.25, 3: 1.12}
_INDENT_EM = 1.6
ASIDE_SCALE = 0.9
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
_FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value


class BlockFormatter:
    """Formats one text edit's lines and blocks in the current reading style."""

    def __init__(self, edit: QTextEdit) -> None:
        self._edit = edit
        self._document: Document | None = None
        self._index = Utf16Index("")
        self._starts: list[int] = []
        self._next_block = 0
        self._current_list: QTextList | None = None
        self._previous_block: Block | None = None
        self.line_height = 155  # percent of the font's line spacing
        self.muted = QColor()  # the colour of asides

    def start(self, document: Document, index: Utf16Index) -> None:
        """Format ``document`` from its start (its text goes in as plain text)."""
        self._document = document
        self._index = index
        self._starts = [block.start for block in document.blocks]
        self.seek(0)

    def seek(self, offset: int) -> None:
        """Continue with the blocks that end after ``offset``."""
        blocks = self._document.blocks if self._document is not None else ()
        i = max(0, bisect_right(self._starts, offset) - 1)
        while i < len(blocks) and blocks[i].end <= offset:
            i += 1
        self._next_block = i
        self._current_list = None
        self._previous_block = None

    def format_range(self, start: int, end: int, *, again: bool = False) -> None:
        """Format the lines in ``start:end`` and every Document block that ends by ``end``.

        ``again``: the range was formatted before, in another style: its
        character formats go back to plain first, and lists are kept.
        """
        assert self._document is not None
        edit = self._edit
        line_spacing = edit.fontMetrics().lineSpacing()
        em = edit.fontMetrics().height()
        cursor = QTextCursor(edit.document())
        cursor.beginEditBlock()

        # Every line first: body paragraphs with air between them; blank lines shrink
        # so that one or two newlines between blocks look the same.
        body = QTextBlockFormat()
        body.setLineHeight(self.line_height, _PROPORTIONAL)
        body.setBottomMargin(em * 0.8)
        blank = QTextBlockFormat()
        blank.setLineHeight(max(1, line_spacing // 4), _FIXED)
        # A few calls for the whole range, then one pair per blank line: each call
        # into Qt may wait for the GIL while the analysis runs (see ui.app).
        cursor.setPosition(self._index.to_qt(start))
        cursor.setPosition(self._index.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.setBlockFormat(body)
        if again:
            cursor.setCharFormat(QTextCharFormat())
        text = self._document.text
        for match in _BLANK_LINE.finditer(text, start, end):
            if match.end() < len(text) and text[match.end()] != "\n":
                continue  # blank only up to ``end``: the line goes on (a paragraph at ``end``)
            cursor.setPosition(self._index.to_qt(match.start()))
            cursor.setBlockFormat(blank)

        blocks = self._document.blocks
        while self._next_block < len(blocks) and blocks[self._next_block].end <= end:
            item = blocks[self._next_block]
            self._next_block += 1
            if item.end <= item.start:
                continue
            self._format_block(cursor, item, body, em)
        cursor.endEditBlock()

    def _format_block(
        self, cursor: QTextCursor, item: Block, body: QTextBlockFormat, em: int
    ) -> None:
        if item.kind == "paragraph":  # its lines have the body format already
            self._current_list = None
            self._previous_block = item
            return
        start, end = self._index.to_qt(item.start), self._index.to_qt(item.end)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextBlockFormat(body)
        char = QTextCharFormat()
        size = self._edit.font().pointSizeF()
        if item.kind == "title":
            char.setFontPointSize(size * TITLE_SCALE)
            char.setFontWeight(QFont.Weight.Bold)
            fmt.setLineHeight(118, _PROPORTIONAL)
            fmt.setBottomMargin(em * 1.3)
        elif item.kind == "heading":
            char.setFontPointSize(size * HEADING_SCALE.get(item.level, 1.05))
            char.setFontWeight(QFont.Weight.Bold)
            fmt.setLineHeight(125, _PROPORTIONAL)
            fmt.setTopMargin(em * 0.6)
            fmt.setBottomMargin(em * 0.5)
        elif item.kind == "quote":
            char.setFontItalic(True)
            fmt.setLeftMargin(em * _INDENT_EM)
            fmt.setRightMargin(em * _INDENT_EM)
        elif item.kind == "list_item":
            fmt.setBottomMargin(em * 0.3)
        elif item.kind == "aside":  # page furniture ("Read also: ..."): shown, muted
            char.setForeground(self.muted)
            char.setFontPointSize(size * ASIDE_SCALE)
        cursor.setBlockFormat(fmt)
        if char.propertyCount():
            cursor.mergeCharFormat(char)
        if item.kind == "list_item":
            previous = self._previous_block
            adjacent = previous is not None and previous.kind == "list_item"
            if cursor.block().textList() is not None:
                pass  # formatted before: the block keeps its list
            elif self._current_list is not None and adjacent:
                self._current_list.add(cursor.block())
            else:
                list_format = QTextListFormat()
                list_format.setStyle(QTextListFormat.Style.ListDisc)
                list_format.setIndent(1)
                self._current_list = cursor.createList(list_format)
        else:
            self._current_list = None
        self._previous_block = item
