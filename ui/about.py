"""Help ▸ About: what the application is, and that it keeps everything on this computer."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_about(parent: QWidget, app_name: str) -> None:
    QMessageBox.about(
        parent,
        f"About {app_name}",
        f"<h3>{app_name}</h3>"
        "<p>Read a local news article beside its extractive summary, the people, "
        "places and organisations it mentions, and who says what.</p>"
        "<p>Everything runs on this computer: nothing is sent anywhere.</p>",
    )
