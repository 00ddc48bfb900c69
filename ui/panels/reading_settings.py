"""View ▸ Reading Settings: the article's font, size, line spacing and line width.

A small dialog that changes the article as the values change (no Apply
button); the window keeps what it sends. Zoom stays as it is: it scales
whatever size is chosen here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import theme


class ReadingSettingsDialog(QDialog):
    """Signals:
    styleChanged(object): the ``ReadingStyle`` the controls now say.
    """

    styleChanged = Signal(object)

    def __init__(self, style: theme.ReadingStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingSettings")
        self.setWindowTitle("Reading Settings")
        self._style = style
        self.font_combo = QFontComboBox(self)
        self.font_combo.setFontFilters(QFontComboBox.FontFilter.ScalableFonts)
        self.font_combo.setAccessibleName("Font")
        self.font_combo.setToolTip("The article's typeface")
        self.size_spin = QDoubleSpinBox(self)
        self.size_spin.setRange(6, 48)
        self.size_spin.setSingleStep(0.5)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" pt")
        self.size_spin.setAccessibleName("Font size")
        self.size_spin.setToolTip("The article's size at Actual Size (zoom scales it)")
        self.spacing_spin = QSpinBox(self)
        self.spacing_spin.setRange(100, 250)
        self.spacing_spin.setSingleStep(5)
        self.spacing_spin.setSuffix(" %")
        self.spacing_spin.setAccessibleName("Line spacing")
        self.spacing_spin.setToolTip("The height of a line, in percent of the font's own")
        self.width_spin = QSpinBox(self)
        self.width_spin.setRange(40, 160)
        self.width_spin.setSingleStep(4)
        self.width_spin.setSuffix(" characters")
        self.width_spin.setAccessibleName("Line width")
        self.width_spin.setToolTip("The longest line, in characters (a narrow window has shorter)")
        self._set_controls(style)

        form = QFormLayout()
        form.addRow("&Font:", self.font_combo)
        form.addRow("&Size:", self.size_spin)
        form.addRow("Line &spacing:", self.spacing_spin)
        form.addRow("Line &width:", self.width_spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.RestoreDefaults | QDialogButtonBox.StandardButton.Close,
            self,
        )
        buttons.rejected.connect(self.close)
        defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setToolTip("The reading face, size, spacing and width Article Reader starts with")
        defaults.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.font_combo.currentFontChanged.connect(self._changed)
        self.size_spin.valueChanged.connect(self._changed)
        self.spacing_spin.valueChanged.connect(self._changed)
        self.width_spin.valueChanged.connect(self._changed)

    def _set_controls(self, style: theme.ReadingStyle) -> None:
        for control in (self.font_combo, self.size_spin, self.spacing_spin, self.width_spin):
            control.blockSignals(True)
        self.font_combo.setCurrentFont(QFont(style.font().family()))
        self.size_spin.setValue(style.point_size)
        self.spacing_spin.setValue(style.line_height)
        self.width_spin.setValue(style.width_em * 2)
        for control in (self.font_combo, self.size_spin, self.spacing_spin, self.width_spin):
            control.blockSignals(False)

    def style_chosen(self) -> theme.ReadingStyle:
        return replace(
            self._style,
            family=self.font_combo.currentFont().family(),
            point_size=self.size_spin.value(),
            line_height=self.spacing_spin.value(),
            width_em=self.width_spin.value() // 2,
        )

    @Slot()
    def restore_defaults(self) -> None:
        self._style = replace(theme.ReadingStyle(), zoom=self._style.zoom)
        self._set_controls(self._style)
        self.styleChanged.emit(self._style)

    @Slot()
    def _changed(self) -> None:
        self._style = self.style_chosen()
        self.styleChanged.emit(self._style)
