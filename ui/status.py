"""The status bar's parts: what is happening, a progress bar and a Cancel button.

The bar is a busy indicator until a long document's parse says how far it has
come: then it fills (parts of the text parsed, out of all), and a label beside
it says how much is done and about how long is left.
"""

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
        self.parts = QLabel(bar)
        self.parts.setObjectName("analysisProgress")
        self.parts.setAccessibleName("Analysis progress")
        self.parts.setToolTip("Parts of the text parsed, out of all, and the time left "
                              "at the pace so far")  # fmt: skip
        self.parts.setContentsMargins(8, 0, 4, 0)
        self.parts.hide()
        bar.addPermanentWidget(self.parts)
        self.progress = QProgressBar(bar)
        self.progress.setObjectName("analysisProgressBar")
        self.progress.setAccessibleName("Analysis progress")
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
        """Busy, with an endless bar until ``show_parts`` says more; or idle."""
        self.progress.setRange(0, 0)
        self.parts.hide()
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if text is not None:
            self.label.setText(text)

    def show_parts(self, done: int, total: int, seconds_left: float | None) -> None:
        """A long parse has ``done`` of ``total`` parts: the bar fills ("Analysed 30% ·
        about 40 s left"); once all are done the bar is endless again for the last stages."""
        if self.progress.isHidden():
            return  # not busy (a late report)
        if total <= 0 or done >= total:
            self.progress.setRange(0, 0)
            self.parts.hide()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        left = f" · {_seconds(seconds_left)}" if seconds_left is not None else ""
        self.parts.setText(f"Analysed {done / total:.0%}{left}")
        self.parts.show()


def _seconds(seconds: float) -> str:
    """ "about 40 s left", "about 3 min left" (rounded as a person would say it)."""
    if seconds < 60:
        return f"about {max(5, round(seconds / 5) * 5)} s left"
    return f"about {round(seconds / 60)} min left"


def _duration(minutes: float) -> str:
    if minutes < 1:
        return "less than a minute left" if minutes > 0 else "at the end"
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h {rest} min left" if hours else f"{rest} min left"
