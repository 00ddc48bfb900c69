"""The toolbar's summary choices: the summariser and the length, in sentences or percent.

The lengths in sentences and in percent are remembered apart, and every
change is saved at once; ``options()`` is what the analysis is asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

import reader
from reader import AnalysisOptions

from .settings import Settings

MAX_SENTENCES = 50


class SummaryOptions(QObject):
    """The summariser combo, the length spin box and its unit combo (placed by the window).

    Signals:
        changed(): the person chose another summariser or length.
    """

    changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self.algorithm_combo = QComboBox(parent)
        self.algorithm_combo.setObjectName("algorithmCombo")
        self.algorithm_combo.setToolTip("The method that picks the summary's sentences")
        self.algorithm_combo.setAccessibleName("Summariser")
        for key, name in reader.ALGORITHMS.items():
            self.algorithm_combo.addItem(str(name), key)
        index = self.algorithm_combo.findData(settings.algorithm)
        if index < 0:
            index = max(0, self.algorithm_combo.findData(reader.DEFAULT_ALGORITHM))
        self.algorithm_combo.setCurrentIndex(index)

        self.length_spin = QSpinBox(parent)
        self.length_spin.setObjectName("lengthSpin")
        self.length_spin.setAccessibleName("Summary length")
        self.length_spin.setToolTip("How long the summary is")
        self.unit_combo = QComboBox(parent)
        self.unit_combo.setObjectName("lengthUnitCombo")
        self.unit_combo.setAccessibleName("Summary length unit")
        self.unit_combo.addItem("sentences", "sentences")
        self.unit_combo.addItem("% of the article", "%")
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(settings.length_unit))
        self._configure_spin(settings.length_unit)

        self.algorithm_combo.currentIndexChanged.connect(self._on_algorithm_changed)
        self.length_spin.valueChanged.connect(self._on_length_changed)
        self.unit_combo.currentIndexChanged.connect(self._on_unit_changed)

    def show_options(self, options: AnalysisOptions) -> None:
        """Show ``options`` (another tab's) without a ``changed`` signal or saving them."""
        widgets = (self.algorithm_combo, self.unit_combo, self.length_spin)
        for widget in widgets:
            widget.blockSignals(True)
        index = self.algorithm_combo.findData(options.algorithm)
        if index >= 0:
            self.algorithm_combo.setCurrentIndex(index)
        length = str(options.length)
        unit = "%" if length.endswith("%") else "sentences"
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))
        self.length_spin.setRange(1, 100 if unit == "%" else MAX_SENTENCES)
        digits = length.rstrip("%")
        if digits.isdigit():
            self.length_spin.setValue(int(digits))
        for widget in widgets:
            widget.blockSignals(False)

    def options(self) -> AnalysisOptions:
        return AnalysisOptions(algorithm=self.algorithm(), length=self.length())

    def algorithm(self) -> str:
        return str(self.algorithm_combo.currentData() or reader.DEFAULT_ALGORITHM)

    def length(self) -> str:
        value = self.length_spin.value()
        return f"{value}%" if self.unit_combo.currentData() == "%" else str(value)

    def _configure_spin(self, unit: str) -> None:
        self.length_spin.blockSignals(True)
        self.length_spin.setRange(1, 100 if unit == "%" else MAX_SENTENCES)
        self.length_spin.setValue(self._settings.length_value(unit))
        self.length_spin.blockSignals(False)

    @Slot(int)
    def _on_algorithm_changed(self, _index: int) -> None:
        self._settings.algorithm = self.algorithm()
        self.changed.emit()

    @Slot(int)
    def _on_length_changed(self, value: int) -> None:
        self._settings.set_length_value(str(self.unit_combo.currentData()), value)
        self.changed.emit()

    @Slot(int)
    def _on_unit_changed(self, _index: int) -> None:
        unit = str(self.unit_combo.currentData())
        self._settings.length_unit = unit
        self._configure_spin(unit)
        self.changed.emit()
