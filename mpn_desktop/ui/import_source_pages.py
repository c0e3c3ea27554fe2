"""The import wizard's first pages: choosing the file, and the preview with its reading choices."""

from __future__ import annotations

import codecs
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

# The importers' words (fields, file kinds, separators, date orders) are the domain
# catalogue's: one German for the wizard and for import-exams/import-usage --language de.
from mpn_desktop.domain.vocabulary import _ as domain_text
from mpn_desktop.importers.columns import EXAM_FIELDS
from mpn_desktop.importers.dates import DateOrder
from mpn_desktop.importers.reading import DELIMITER_NAMES, Preview
from mpn_desktop.ui.editors.record_form import problem_text_color
from mpn_desktop.ui.import_drop import accept_csv_drops
from mpn_desktop.ui.import_kinds import EXAM_RECORDS, WizardKind
from mpn_desktop.ui.import_models import PreviewModel
from mpn_desktop.ui.import_state import ImportState

_CSV_FILTER = str(QT_TR_NOOP("CSV and text files (*.csv *.txt *.tsv);;All files (*)"))

# Codecs people's files come in; "detected" comes first and is the default.
# Named as spreadsheets and editors name them, never by Python's codec names.
_ENCODINGS = (
    (QT_TRANSLATE_NOOP("PreviewPage", "Unicode (UTF-8)"), "utf-8"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Unicode (UTF-8, with byte order mark)"), "utf-8-sig"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Unicode (UTF-16, Excel's Unicode text)"), "utf-16"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Unicode (UTF-16 little-endian)"), "utf-16-le"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Unicode (UTF-16 big-endian)"), "utf-16-be"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Western European (Windows-1252)"), "cp1252"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Central European (Windows-1250)"), "cp1250"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Western European (ISO-8859-1)"), "latin-1"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Western European with euro (ISO-8859-15)"), "iso8859-15"),
    (QT_TRANSLATE_NOOP("PreviewPage", "Western European (Mac)"), "mac-roman"),
)


def encoding_name(codec: str) -> str:
    """ "Unicode (UTF-8)" for "utf-8-sig"'s family, as the list above names it; else the codec."""
    try:
        wanted = codecs.lookup(codec).name
    except LookupError:
        return codec
    for label, known in _ENCODINGS:
        if codecs.lookup(known).name == wanted:
            return QCoreApplication.translate("PreviewPage", str(label))
    return codec


def error_style(palette: QPalette) -> str:
    """A problem's colour that reads on the palette, light or dark (a fixed dark red fell to
    1.2:1 on a dark window)."""
    return f"color: {problem_text_color(palette).name()};"


"""Text that says why the wizard cannot go on (a red that reads on light and dark themes)."""


def _shortened(text: str, limit: int = 70) -> str:
    """A line's text as a list shows it: its start, when it is long."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def message_label(name: str, parent: QWidget) -> QLabel:
    """A wrapping label whose text can be selected and copied."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FilePage(QWizardPage):
    """Where the file is chosen: typed, browsed to, or dropped onto the page."""

    def __init__(
        self,
        state: ImportState,
        start_folder: str,
        parent: QWidget | None = None,
        kind: WizardKind = EXAM_RECORDS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importFilePage")
        self._state = state
        self._start_folder = start_folder
        self.setTitle(self.tr("Choose the file"))
        # The kind's file: the sales data wizard said it wanted exam records.
        self.setSubTitle(kind.file_text)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importFileEdit")
        self.path_edit.setAccessibleName(self.tr("File"))
        self.path_edit.setPlaceholderText(self.tr("Path of the CSV file"))
        self.path_edit.textChanged.connect(self._edited)
        # Alt+R: Alt+B is the wizard's Back.
        browse = QPushButton(self.tr("B&rowse…"), self)
        browse.setObjectName("importBrowseButton")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.path_edit)
        form.addRow(label, row)
        self.error_label = message_label("importFileError", self)
        self.error_label.setStyleSheet(error_style(self.palette()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        accept_csv_drops(self, self.use_path)
        if state.path is not None:
            self.path_edit.setText(str(state.path))

    def use_path(self, path: Path) -> None:
        """Puts ``path`` in the file field (as a drop or the file dialog does)."""
        self.path_edit.setText(str(path))

    def browse(self) -> None:
        """Asks for the file with the file dialog."""
        current = self.path_edit.text().strip()
        start = str(Path(current).parent) if current else self._start_folder
        name, _ = QFileDialog.getOpenFileName(
            self, self.window().windowTitle(), start, self.tr(_CSV_FILTER)
        )
        if name:
            self.use_path(Path(name))

    def _edited(self) -> None:
        self.error_label.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path_edit.text().strip()).expanduser()
        if not path.exists():
            self.error_label.setText(self.tr("{path}: no such file.").format(path=path))
            return False
        if not path.is_file():
            self.error_label.setText(
                self.tr("{path} is a folder; choose a file in it.").format(path=path)
            )
            return False
        self._state.set_path(path)
        self._state.load_preview()
        return True


class PreviewPage(QWizardPage):
    """The first records as the import reads them, with the encoding, delimiter and date order.

    Each choice re-reads the file at once; a file that cannot be read shows why
    here, so another encoding or delimiter can be tried.
    """

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewPage")
        self._state = state
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr(
                "The first records as they will be read. If the columns or letters look "
                "wrong, choose another encoding or delimiter."
            )
        )
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("importEncodingCombo")
        self.encoding_combo.addItem(self.tr("Detected"), None)
        for label, codec in _ENCODINGS:
            self.encoding_combo.addItem(self.tr(str(label)), codec)
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setObjectName("importDelimiterCombo")
        self.delimiter_combo.addItem(self.tr("Detected"), None)
        for delimiter, name in DELIMITER_NAMES.items():
            # The domain's word (as import-exams --language says it), as a choice: "Comma".
            label = domain_text(name)
            self.delimiter_combo.addItem(label[:1].upper() + label[1:], delimiter)
        self.date_combo = QComboBox(self)
        self.date_combo.setObjectName("importDateOrderCombo")
        self.date_combo.addItem(self.tr("As the dates tell"), None)
        self.date_combo.addItem(self.tr("Month first (11/25/2017)"), DateOrder.MONTH_FIRST)
        self.date_combo.addItem(self.tr("Day first (25/11/2017)"), DateOrder.DAY_FIRST)

        self.header_combo = QComboBox(self)
        self.header_combo.setObjectName("importHeaderLineCombo")
        self.header_combo.setAccessibleName(self.tr("Header line"))
        self.header_combo.setToolTip(
            self.tr("The line that names the columns; the lines above it are not imported.")
        )

        form = QFormLayout()
        form.addRow(self.tr("&Encoding:"), self.encoding_combo)
        form.addRow(self.tr("&Delimiter:"), self.delimiter_combo)
        form.addRow(self.tr("&Header line:"), self.header_combo)
        form.addRow(self.tr("D&ate order:"), self.date_combo)

        self.format_label = message_label("importFormatLabel", self)
        self.dates_label = message_label("importDatesLabel", self)
        self.error_label = message_label("importPreviewError", self)
        self.error_label.setStyleSheet(error_style(self.palette()))
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importPreviewTable")
        self.table.setAccessibleName(self.tr("First records of the file"))
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.format_label)
        layout.addWidget(self.dates_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

        self.encoding_combo.currentIndexChanged.connect(self._format_chosen)
        self.delimiter_combo.currentIndexChanged.connect(self._format_chosen)
        self.date_combo.currentIndexChanged.connect(self._date_order_chosen)
        self.header_combo.currentIndexChanged.connect(self._header_line_chosen)

    def initializePage(self) -> None:
        state = self._state
        for combo, value in (
            (self.encoding_combo, state.encoding),
            (self.delimiter_combo, state.delimiter),
            (self.date_combo, state.date_choice),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        if state.preview is None and not state.preview_error:
            state.load_preview()
        self.refresh()

    def _format_chosen(self) -> None:
        self._state.encoding = self.encoding_combo.currentData()
        self._state.delimiter = self.delimiter_combo.currentData()
        self._state.load_preview()
        self.refresh()

    def _header_line_chosen(self) -> None:
        line = self.header_combo.currentData()
        if line is None:
            return
        self._state.header_line = line
        self._state.load_preview()
        self.refresh()

    def _show_header_lines(self, read: Preview) -> None:
        """Offers each line of the preview as the header, the one read chosen."""
        combo = self.header_combo
        combo.blockSignals(True)
        combo.clear()
        for record in (*read.above, read.header, *read.records):
            cells = ", ".join(cell.strip() for cell in record.fields if cell.strip())
            combo.addItem(
                self.tr("Line {line}: {cells}").format(line=record.line, cells=_shortened(cells)),
                record.line,
            )
        combo.setCurrentIndex(max(0, combo.findData(read.header.line)))
        combo.blockSignals(False)

    def _date_order_chosen(self) -> None:
        self._state.date_choice = self.date_combo.currentData()
        self._state.check = None
        self.refresh()

    def refresh(self) -> None:
        """Shows the state's preview, format and dates."""
        state = self._state
        read = state.preview
        self.error_label.setVisible(bool(state.preview_error))
        if state.preview_error:
            self.error_label.setText(
                state.preview_error
                + "\n"
                + self.tr("Try another encoding or delimiter above, or another file (Back).")
            )
        if read is None or state.mapping is None:
            self.model.show_records((), ())
            self.format_label.clear()
            self.dates_label.clear()
            self.completeChanged.emit()
            return
        fmt = read.format
        self._show_header_lines(read)
        self.encoding_combo.setItemText(
            0, self.tr("Detected ({name})").format(name=encoding_name(fmt.encoding))
        )
        delimiter = DELIMITER_NAMES.get(fmt.delimiter, repr(fmt.delimiter))
        self.delimiter_combo.setItemText(
            0, self.tr("Detected ({name})").format(name=domain_text(delimiter))
        )
        self.format_label.setText(
            self.tr("%n column(s); {rows}.", "", len(read.header.fields)).format(
                rows=self.tr("the first %n record(s) shown", "", len(read.records))
            )
        )
        for sentence in fmt.skipped():
            self.format_label.setText(self.format_label.text() + " " + sentence)
        mapping = state.mapping
        if mapping.fields.description:
            self.format_label.setText(
                self.format_label.text()
                + " "
                + self.tr("The column names say it is {kind}.").format(
                    kind=domain_text(mapping.fields.description)
                )
            )
        labels = [self.tr("ignored")] * len(mapping.header)
        for field, index in mapping.columns.items():
            labels[index] = domain_text(field.label)
        self.model.show_records(
            read.header.fields,
            read.records,
            field_labels=labels,
            date_column=state.date_column,
            read_date=state.read_date,
        )
        self._show_dates()
        self.completeChanged.emit()

    def _show_dates(self) -> None:
        state = self._state
        dates = state.dates
        self.dates_label.setStyleSheet("")
        exams = state.mapping is None or state.mapping.fields is EXAM_FIELDS
        if exams and state.date_column is None:
            self.dates_label.setText(
                self.tr("No column was recognised as the date passed; choose it on the next page.")
            )
        elif state.mapping is not None and state.mapping.missing():
            self.dates_label.setText(
                self.tr("Still needed: {what}; choose it on the next page.").format(
                    what=self.tr(", ").join(state.mapping.missing())
                )
            )
        elif state.date_column is None:
            self.dates_label.setText(self.tr("The months are read as the file writes them."))
        elif state.needs_date_choice and dates is not None and dates.ambiguous is not None:
            line, text = dates.ambiguous
            self.dates_label.setStyleSheet(error_style(self.palette()))
            self.dates_label.setText(
                self.tr(
                    "Dates such as {text} (line {line}) could be month-first or day-first, "
                    "and no date in the file tells which. Choose the date order above."
                ).format(text=text, line=line)
            )
        elif state.date_choice is not None:
            said = dates.order if dates is not None else None
            text = self.tr("Dates are read {order}, as chosen.").format(
                order=domain_text(state.date_choice.value)
            )
            if said is not None and said is not state.date_choice and dates is not None:
                assert dates.evidence is not None  # an order comes from a deciding value
                line, value = dates.evidence
                self.dates_label.setStyleSheet(error_style(self.palette()))
                text += " " + self.tr(
                    "But line {line} ({value}) can only be {order}: such dates will be errors."
                ).format(line=line, value=value, order=self.tr(said.value))
            self.dates_label.setText(text)
        elif dates is not None and dates.order is not None and dates.evidence is not None:
            line, value = dates.evidence
            self.dates_label.setText(
                self.tr("Dates are read {order}: line {line} has {value}.").format(
                    order=domain_text(dates.order.value), line=line, value=value
                )
            )
        else:
            self.dates_label.setText(self.tr("Every date reads the same in either order."))

    def isComplete(self) -> bool:
        return self._state.preview is not None and not self._state.needs_date_choice
