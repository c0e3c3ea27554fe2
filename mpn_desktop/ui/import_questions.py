"""The import wizard's questions: the US$ rate of each currency the file uses, and what a
usage file does with the months it brings only some services of.

Amounts in another currency are converted only with a rate the user types;
each rate given is remembered for the next file in that currency. A usage
file's lines are added to months the database holds, or replace them, as the
user chooses (adding them keeps everything, so it is chosen first).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.importers.usage_overlaps import overlap_groups
from mpn_desktop.store.usage_writing import MonthsChoice, UsageOverlap
from mpn_desktop.ui.figure_row import amounts_kept_whole
from mpn_desktop.ui.import_mapping_memory import MappingMemory


def parse_rate(text: str) -> Decimal | None:
    """A rate as typed (``1.18`` or ``1,18``): above 0, else None."""
    try:
        rate = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        return None
    return rate if rate.is_finite() and rate > 0 else None


class RatesBox(QWidget):
    """One field per currency without a rate: ``1 EUR = US$ [1.18]``, and a button to use them."""

    ratesGiven = Signal()
    """Every rate typed is a number above 0 and was remembered."""

    def __init__(self, memory: MappingMemory | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._memory = memory
        self.fields: dict[str, QLineEdit] = {}
        intro = QLabel(
            self.tr(
                "The file's amounts are not all in US dollars. Give the rate of each currency "
                "(what one unit is worth in US$); rates are never guessed."
            ),
            self,
        )
        intro.setWordWrap(True)
        self._form = QFormLayout()
        self.use_button = QPushButton(self.tr("&Use these rates and check again"), self)
        self.use_button.setObjectName("importUseRates")
        self.use_button.clicked.connect(self._use)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        row = QHBoxLayout()
        row.addLayout(self._form)
        row.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.problem)

    def ask(self, currencies: tuple[str, ...]) -> None:
        """Shows a field for each of ``currencies``, filled with the rate given last time."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields = {}
        for currency in currencies:
            edit = QLineEdit(self)
            edit.setObjectName(f"usdRate{currency}")
            edit.setAccessibleName(self.tr("US$ per {currency}").format(currency=currency))
            edit.setPlaceholderText("1.18")
            edit.setMaximumWidth(120)
            if self._memory is not None:
                edit.setText(self._memory.rate(currency))
            self._form.addRow(self.tr("1 {currency} = US$").format(currency=currency), edit)
            self.fields[currency] = edit
        self.problem.clear()

    def rates(self) -> dict[str, Decimal]:
        """The rates typed that are numbers above 0."""
        found = {}
        for currency, edit in self.fields.items():
            rate = parse_rate(edit.text())
            if rate is not None:
                found[currency] = rate
        return found

    def _use(self) -> None:
        wrong = [c for c, edit in self.fields.items() if parse_rate(edit.text()) is None]
        if wrong:
            self.problem.setText(
                self.tr("Type a rate above 0 for {currencies} (e.g. 1.18).").format(
                    currencies=", ".join(wrong)
                )
            )
            return
        if self._memory is not None:
            for currency, edit in self.fields.items():
                self._memory.remember_rate(currency, edit.text().strip())
        self.ratesGiven.emit()


class MonthsBox(QWidget):
    """The months a usage file brings only some services of, and what the import does with
    them: its lines added (the months keep their other services) or the months replaced."""

    chosen = Signal(object)
    """The user picked another choice (a ``MonthsChoice``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months_label = QLabel(self)
        self.months_label.setObjectName("importMonthsList")
        self.months_label.setWordWrap(True)
        self.months_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QRadioButton(self.tr("A&dd the file's lines to these months"), self)
        self.add_button.setObjectName("importMonthsAdd")
        self.replace_button = QRadioButton(
            self.tr("&Replace these months with the file's lines"), self
        )
        self.replace_button.setObjectName("importMonthsReplace")
        add_note = self._note(
            self.tr(
                "For corrected or missing lines: the months keep their other services, and "
                "a service's figures are added to those already there."
            )
        )
        replace_note = self._note(
            self.tr(
                "For a newer export of the whole months: the services the file does not "
                "bring are removed from them."
            )
        )
        self._buttons = QButtonGroup(self)
        self._choices = {
            self.add_button: MonthsChoice.ADD,
            self.replace_button: MonthsChoice.REPLACE,
        }
        for button in self._choices:
            self._buttons.addButton(button)
            # Only a click of the user's: setting the choice shown is not a new choice.
            button.clicked.connect(
                lambda _checked=False, b=button: self.chosen.emit(self._choices[b])
            )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.months_label)
        layout.addWidget(self.add_button)
        layout.addWidget(add_note)
        layout.addWidget(self.replace_button)
        layout.addWidget(replace_note)

    def _note(self, text: str) -> QLabel:
        """What a choice is for, under it and in line with its words."""
        note = QLabel(text, self)
        note.setWordWrap(True)
        indent = self.style().pixelMetric(self.style().PixelMetric.PM_ExclusiveIndicatorWidth)
        note.setContentsMargins(indent + 6, 0, 0, 4)
        return note

    def show_months(self, overlaps: tuple[UsageOverlap, ...], choice: MonthsChoice) -> None:
        """Lists the months and shows ``choice`` as the one made."""
        text = "\n".join(
            "\n".join([heading, *(f"• {line}" for line in months)])
            for heading, months in overlap_groups(overlaps)
        )
        self.months_label.setText(amounts_kept_whole(text))
        button = self.add_button if choice is MonthsChoice.ADD else self.replace_button
        button.setChecked(True)
