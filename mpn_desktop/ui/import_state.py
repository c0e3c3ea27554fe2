"""What the import wizard has settled so far: the file, how to read it, its mapping, its dates.

Plain Python over ``mpn_desktop.importers`` (no widgets), so each wizard page
reads and changes one shared state, and the state can be tested alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from mpn_desktop.errors import MpnError
from mpn_desktop.importers.columns import EXAM_FIELDS, ColumnMapping, FieldSet, suggest_mapping
from mpn_desktop.importers.dates import DateColumnOrder, DateOrder, DateProblem, parse_date
from mpn_desktop.importers.importing import (
    ImportResult,
    ImportSettings,
    survey_date_order,
    survey_decimal_marks,
)
from mpn_desktop.importers.planning import located_preview
from mpn_desktop.importers.reading import Preview
from mpn_desktop.store.usage_writing import MonthsChoice

MappingRecall = Callable[[tuple[str, ...], FieldSet], ColumnMapping | None]
"""Gives the mapping remembered for a header line (of a kind's fields), if any."""


class ImportState:
    """The file being imported and every choice made about it, page by page.

    ``encoding`` and ``delimiter`` are None while detection decides;
    ``date_choice`` is None while the dates decide their own order.
    """

    def __init__(
        self,
        recall: MappingRecall | None = None,
        fields_for: Callable[[Sequence[str]], FieldSet] | None = None,
    ) -> None:
        self._recall = recall
        self._fields_for = fields_for or (lambda _header: EXAM_FIELDS)
        self.rates: dict[str, Decimal] = {}
        """US$ per unit of each currency the user gave (usage files in another currency)."""
        self.allow_other_mpn_id = False
        self.skip_bad_rows = False
        self.rejects_path: Path | None = None
        self.months: MonthsChoice | None = None
        """What a usage file does with months it brings only some services of (None: ask)."""
        self._decimal_marks: tuple[tuple[int, str], ...] | None = None
        self.path: Path | None = None
        self.encoding: str | None = None
        self.delimiter: str | None = None
        self.date_choice: DateOrder | None = None
        self.header_line: int | None = None
        """The line the user chose for the header; None while the file tells."""
        self.preview: Preview | None = None
        self.preview_error = ""
        self.mapping: ColumnMapping | None = None
        self.mapping_recalled = False
        self.dates: DateColumnOrder | None = None
        self._dates_column: int | None = None
        self.check: ImportResult | None = None
        self.result: ImportResult | None = None

    # --- the file and its format ---------------------------------------------------------------

    def set_path(self, path: Path) -> None:
        """Starts over with another file: detection decides again."""
        if path != self.path:
            self.path = path
            self.encoding = None
            self.delimiter = None
            self.date_choice = None
            self.header_line = None
            self.mapping = None
            self.preview = None
            self.dates = None
            self.allow_other_mpn_id = False
            self.skip_bad_rows = False
            self.rejects_path = None
            self.months = None

    def load_preview(self) -> bool:
        """Reads the first records with the current choices; False (and ``preview_error``) if not.

        A new header line gets the mapping remembered for it, else the suggested
        one; the same header line keeps the mapping the user made.
        """
        self.check = None
        if self.path is None:
            self.preview, self.preview_error = None, ""
            return False
        try:
            read = located_preview(
                self.path, self._fields_for, self.encoding, self.delimiter, self.header_line
            )
        except MpnError as error:
            self.preview, self.preview_error = None, str(error)
            return False
        header = tuple(read.header.fields)
        self.preview, self.preview_error = read, ""
        if self.mapping is None or self.mapping.header != header:
            fields = self._fields_for(header)
            recalled = self._recall(header, fields) if self._recall is not None else None
            self.mapping_recalled = recalled is not None
            self.mapping = recalled or suggest_mapping(header, fields)
            self.dates = None
            self._decimal_marks = None
        self.survey_dates()
        return True

    # --- the column mapping and the dates ------------------------------------------------------

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Takes the user's mapping; the dates are surveyed again if their column moved."""
        self.mapping = mapping
        self.check = None
        self._decimal_marks = None
        self.survey_dates()

    def survey_dates(self) -> DateColumnOrder | None:
        """What the mapped date column says about its order (read again only when it moved)."""
        if self.preview is None or self.mapping is None:
            self.dates = None
            return None
        column = self.date_column
        if self.dates is not None and column == self._dates_column:
            return self.dates
        settings = ImportSettings(self.preview.format, self.mapping, None)
        try:
            self.dates = survey_date_order(self.preview.path, settings)
        except MpnError:
            # The file cannot be read past the preview: the check says where and why.
            self.dates = DateColumnOrder(None)
        self._dates_column = column
        return self.dates

    @property
    def date_column(self) -> int | None:
        """The first mapped column holding dates (for exams: the date passed)."""
        if self.mapping is None:
            return None
        columns = (self.mapping.column_of(field) for field in self.mapping.fields.dates)
        return next((column for column in columns if column is not None), None)

    @property
    def date_order(self) -> DateOrder | None:
        """The order dates are read in: the user's choice, else what the dates said, else
        the order the kind of file documents (the reconciliation files: month-first)."""
        if self.date_choice is not None:
            return self.date_choice
        if self.dates is not None and self.dates.order is not None:
            return self.dates.order
        return self.mapping.fields.date_order if self.mapping is not None else None

    @property
    def needs_date_choice(self) -> bool:
        """Some date reads two ways, none tells which, and the user has not chosen."""
        documented = self.mapping is not None and self.mapping.fields.date_order is not None
        return (
            self.date_choice is None
            and not documented
            and self.dates is not None
            and self.dates.needs_choice
        )

    def read_date(self, text: str) -> str:
        """A date cell as the import will read it (ISO), or why it cannot be read."""
        if not text.strip():
            return ""
        try:
            return parse_date(text, self.date_order).isoformat()
        except DateProblem:
            return "?"

    def settings(self) -> ImportSettings:
        """How the import reads the file; only once a preview and a mapping exist."""
        assert self.preview is not None and self.mapping is not None, "the file was read"
        settings = ImportSettings(self.preview.format, self.mapping, self.date_order)
        if self.mapping.fields.amounts:
            if self._decimal_marks is None:
                try:
                    self._decimal_marks = survey_decimal_marks(
                        self.preview.path, settings
                    ).decimal_marks
                except MpnError:
                    self._decimal_marks = ()  # the check says where and why
            settings = replace(settings, decimal_marks=self._decimal_marks)
        return settings
