"""The document's contents: its headings and chapters, nested by level; a click goes there.

The headings are the Document's ``"heading"`` blocks, whatever the format
marked them from (EPUB chapters, Markdown, HTML, DOCX and ODT headings,
"CHAPTER 1." lines in plain text). As the reader scrolls, the heading of the
part in view is selected.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QStackedWidget, QTreeWidget, QTreeWidgetItem, QWidget

from reader import Document

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
#: Longer headings are cut (with an ellipsis) in the list; the tooltip has them whole.
MAX_CHARS = 90


class ContentsPanel(QStackedWidget):
    """A tree of headings, or a line saying the document has none.

    Signals:
        headingActivated(int): a heading was clicked or chosen with Enter (its offset).
    """

    headingActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contentsPanel")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("contentsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName("Contents")
        self.tree.setToolTip("Click a heading, or choose one with Enter, to go there")
        self.empty = QLabel("This document has no headings.", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(12)
        self.addWidget(self.tree)
        self.addWidget(self.empty)
        self.setCurrentWidget(self.empty)
        self._starts: list[int] = []
        self._items: list[QTreeWidgetItem] = []
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)

    def show_document(self, document: Document | None) -> None:
        self.tree.clear()
        self._starts, self._items = [], []
        if document is None:
            self.setCurrentWidget(self.empty)
            return
        parents: list[tuple[int, QTreeWidgetItem]] = []  # (level, item) of the open branches
        text = document.text
        for block in document.blocks:
            if block.kind != "heading" or block.end <= block.start:
                continue
            title = " ".join(text[block.start : block.end].split())
            shown = title if len(title) <= MAX_CHARS else title[: MAX_CHARS - 1] + "…"
            level = max(1, block.level)
            while parents and parents[-1][0] >= level:
                parents.pop()
            item = QTreeWidgetItem([shown])
            item.setToolTip(0, title)
            item.setData(0, OFFSET_ROLE, block.start)
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append((level, item))
            self._starts.append(block.start)
            self._items.append(item)
        self.tree.expandAll()
        self.setCurrentWidget(self.tree if self._items else self.empty)

    def headings(self) -> list[tuple[str, int]]:
        """``(text shown, offset)`` of every heading, in document order."""
        return [(item.text(0), int(item.data(0, OFFSET_ROLE))) for item in self._items]

    def item_at(self, offset: int) -> QTreeWidgetItem | None:
        """The heading of the part that ``offset`` is in (None: before the first)."""
        i = bisect_right(self._starts, offset) - 1
        return self._items[i] if i >= 0 else None

    def mark_current(self, offset: int) -> None:
        """Select the heading of the part the reader is in, without moving the focus."""
        item = self.item_at(offset)
        if item is None:
            self.tree.clearSelection()
            return
        if self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
            self.tree.scrollToItem(item)

    @Slot(QTreeWidgetItem, int)
    def _on_item(self, item: QTreeWidgetItem, column: int = 0) -> None:
        self.headingActivated.emit(int(item.data(0, OFFSET_ROLE)))
