"""The status bar's parts: what is happening, a busy indicator and a Cancel button."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar


class StatusParts:
    """The label, progress bar and Cancel button, added to ``bar``."""

    def __init__(self, bar: QStatusBar) -> None:
        self.label = QLabel("Open an article to begin.", bar)
        self.label.setObjectName("statusLabel")
        bar.addWidget(self.label, 1)
        self.reading = QLabel(bar)
        self.reading.setObjectName("readingProgress")
        self.reading.setAccessibleName("Reading progress")
        self.reading.setToolTip("How much of the article is above the bottom of the view, "
                                "and the time left at 238 words a minute")  # fmt: skip
        self.reading.setContentsMargins(8, 0, 8, 0)
        self.reading.hide()
        bar.addPermanentWidget(self.reading)
        self.progress = QProgressBar(bar)
        self.progress.setRange(0, 0)  # busy indicator
        self.progress.setMaximumWidth(120)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        bar.addPermanentWidget(self.progress)
        self.cancel_button = QPushButton("Cancel", bar)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Stop the analysis (Esc)")
        self.cancel_button.hide()
        bar.addPermanentWidget(self.cancel_button)

    def show_reading(self, read: float | None, minutes_left: float = 0.0) -> None:
        """ "42 % · 12 min left" (``read``: the share read, 0 to 1; None: no article)."""
        if read is None:
            self.reading.hide()
            return
        self.reading.setText(f"{read:.0%} · {_duration(minutes_left)}")
        self.reading.show()

    def set_busy(self, busy: bool, text: str | None = None) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if text is not None:
            self.label.setText(text)


def _duration(minutes: float) -> str:
    if minutes < 1:
        return "less than a minute left" if minutes > 0 else "at the end"
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h {rest} min left" if hours else f"{rest} min left"
