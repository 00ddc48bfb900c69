"""The status bar's parts: what is happening, a busy indicator and a Cancel button."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar


class StatusParts:
    """The label, progress bar and Cancel button, added to ``bar``."""

    def __init__(self, bar: QStatusBar) -> None:
        self.label = QLabel("Open an article to begin.", bar)
        self.label.setObjectName("statusLabel")
        bar.addWidget(self.label, 1)
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

    def set_busy(self, busy: bool, text: str | None = None) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if text is not None:
            self.label.setText(text)
