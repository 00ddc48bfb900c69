"""Help ▸ About: what the application is, its version and licence, and whose work it uses.

``CREDITS`` is the one list of the libraries and data the app is built on,
with their licences; the README's Credits section is checked against it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

import reader
from resources import APP_ID, desktop_file

LICENCE = "MIT"
#: (what, its licence) of every library and model the app ships with or needs.
CREDITS: tuple[tuple[str, str], ...] = (
    ("Qt 6 and PySide6", "LGPL-3.0"),
    ("spaCy", "MIT"),
    ("spaCy's en_core_web_sm model", "MIT"),
    ("sumy", "Apache-2.0"),
    ("NLTK", "Apache-2.0"),
    ("snowballstemmer and PyStemmer", "BSD-3-Clause"),
    ("trafilatura", "Apache-2.0"),
    ("vaderSentiment", "MIT"),
    ("pypdf", "BSD-3-Clause"),
    ("python-docx", "MIT"),
    ("lxml", "BSD-3-Clause"),
    ("striprtf", "BSD-3-Clause"),
    ("markdown-it-py", "MIT"),
    ("charset-normalizer", "MIT"),
    ("NumPy and SciPy", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
)


def app_icon() -> QIcon:
    """The application's icon, drawn from the shipped SVG."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QPixmap

    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(desktop_file(".svg")), "SVG")
    return QIcon(pixmap)


def about_html(app_name: str) -> str:
    credits = "".join(f"<li>{escape(name)} ({escape(licence)})</li>" for name, licence in CREDITS)
    return (
        f"<h3>{escape(app_name)} {escape(reader.version())}</h3>"
        "<p>Read a local news article beside its extractive summary, the people, "
        "places and organisations it mentions, and who says what.</p>"
        "<p>Everything runs on this computer: nothing is sent anywhere.</p>"
        f"<p>Licence: {LICENCE}. Application id: {APP_ID}.</p>"
        f"<p>Built on:</p><ul>{credits}</ul>"
    )


def show_about(parent: QWidget, app_name: str) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(f"About {app_name}")
    box.setText(about_html(app_name))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.exec()
