"""The import wizard's column mapping: one choice per CSV column, filled in from the header."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

# The importers' words (fields, file kinds, separators, date orders) are the domain
# catalogue's: one German for the wizard and for import-exams/import-usage --language de.
from mpn_desktop.domain.vocabulary import _ as domain_text
from mpn_desktop.importers.columns import ImportField
from mpn_desktop.ui.import_kinds import EXAM_RECORDS, WizardKind
from mpn_desktop.ui.import_mapping_memory import MappingMemory
from mpn_desktop.ui.import_source_pages import error_style, message_label
from mpn_desktop.ui.import_state import ImportState

_EXAMPLES = 2


class MappingPage(QWizardPage):
    """A combo box per column saying which field it holds (or that it is ignored).

    Pre-filled with the mapping remembered for this header line or recognised
    from the column names; the choice is remembered when the user goes on.
    """

    def __init__(
        self,
        state: ImportState,
        memory: MappingMemory,
        parent: QWidget | None = None,
        kind: WizardKind = EXAM_RECORDS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingPage")
        self._state = state
        self._memory = memory
        self.combos: list[QComboBox] = []
        self._changed_here = False
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(kind.columns_text)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        self.status_label = message_label("importMappingStatus", self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status_label)

    def initializePage(self) -> None:
        self._changed_here = False
        self._build_rows()
        self._show_status()

    def _build_rows(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos = []
        state = self._state
        if state.preview is None or state.mapping is None:
            return
        for column, title in enumerate((self.tr("Column"), self.tr("Examples"), self.tr("Holds"))):
            heading = QLabel(f"<b>{title}</b>", self._grid_host)
            self._grid.addWidget(heading, 0, column)
        examples = [record.fields for record in state.preview.records[:_EXAMPLES]]
        for index, name in enumerate(state.mapping.header):
            row = index + 1
            self._grid.addWidget(QLabel(name or self.tr("(no name)"), self._grid_host), row, 0)
            values = [fields[index] for fields in examples if index < len(fields)]
            sample = QLabel(", ".join(v for v in values if v.strip()), self._grid_host)
            sample.setMaximumWidth(320)
            self._grid.addWidget(sample, row, 1)
            combo = QComboBox(self._grid_host)
            combo.setObjectName(f"mapColumn{index}")
            combo.setAccessibleName(self.tr("Column {name} holds").format(name=name))
            combo.addItem(self.tr("(ignored)"), None)
            for field in state.mapping.fields.fields:
                label = domain_text(field.label)
                combo.addItem(label[:1].upper() + label[1:], field)
            field_here = next((f for f, c in state.mapping.columns.items() if c == index), None)
            combo.setCurrentIndex(max(0, combo.findData(field_here)))
            combo.currentIndexChanged.connect(lambda _i, column=index: self._chosen(column))
            self._grid.addWidget(combo, row, 2)
            self.combos.append(combo)
        self._grid.setColumnStretch(1, 1)
        self._grid.setRowStretch(len(state.mapping.header) + 1, 1)

    def choose(self, column: int, field: ImportField | None) -> None:
        """Reads ``column`` as ``field`` (None: ignored), as picking it in its combo box does."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field))

    def _chosen(self, column: int) -> None:
        state = self._state
        assert state.mapping is not None, "rows exist only for a mapping"
        field = self.combos[column].currentData()
        state.set_mapping(state.mapping.with_column(column, field))
        self._changed_here = True
        # A field is read from one column only: the column that held it is now ignored.
        for index, combo in enumerate(self.combos):
            held = next((f for f, c in state.mapping.columns.items() if c == index), None)
            if combo.currentData() is not held:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(held)))
                combo.blockSignals(False)
        self._show_status()
        self.completeChanged.emit()

    def _show_status(self) -> None:
        state = self._state
        mapping = state.mapping
        self.status_label.setStyleSheet("")
        if mapping is None:
            self.status_label.clear()
            return
        missing = mapping.missing()
        if missing:
            self.status_label.setStyleSheet(error_style(self.palette()))
            self.status_label.setText(
                self.tr("Still needed: {what}.").format(what=self.tr(", ").join(missing))
            )
        elif state.needs_date_choice and state.dates is not None and state.dates.ambiguous:
            line, text = state.dates.ambiguous
            self.status_label.setStyleSheet(error_style(self.palette()))
            self.status_label.setText(
                self.tr(
                    "Dates such as {text} (line {line}) could be month-first or day-first: "
                    "go Back and choose the date order."
                ).format(text=text, line=line)
            )
        elif self._changed_here:
            self.status_label.setText(
                self.tr("Your choice is remembered for the next file with these columns.")
            )
        elif state.mapping_recalled:
            self.status_label.setText(
                self.tr("As you chose them for the last file with these columns.")
            )
        else:
            self.status_label.setText(self.tr("Recognised from the column names."))

    def isComplete(self) -> bool:
        mapping = self._state.mapping
        return mapping is not None and not mapping.missing() and not self._state.needs_date_choice

    def validatePage(self) -> bool:
        mapping = self._state.mapping
        if mapping is None or mapping.missing():
            return False
        self._memory.remember(mapping)
        return True
