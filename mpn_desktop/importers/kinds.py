"""What differs between imports (exams, usage): an import kind's fields, checks, writer, words.

``importing.run_import`` is one pipeline for every kind: it reads records,
asks the kind's validator to turn batches of them into rows and problems,
and hands the rows to the kind's sink, which passes them to the store's
writer of that kind inside the import's one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from mpn_desktop.importers.columns import EXAM_FIELDS, ColumnMapping, FieldSet
from mpn_desktop.importers.dates import DateOrder
from mpn_desktop.importers.reading import RecordBatch
from mpn_desktop.importers.validation import ExamCatalog, RowProblem, RowValidator
from mpn_desktop.store.exam_writing import ExamWriter
from mpn_desktop.store.import_rows import ExamColumns
from mpn_desktop.store.import_transaction import EXAMS, BatchCounts, ImportTransaction
from mpn_desktop.store.usage_writing import MonthsChoice, UsageOverlap


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a sink stored, and what to tell about it beside the counts."""

    counts: BatchCounts
    notes: tuple[str, ...] = ()
    """Lines worth telling that did not stop the import (name conflicts, totals, ...)."""
    note_count: int = 0
    """How many notes there were in all (more than listed when the list was cut short)."""
    details: dict[str, Any] = field(default_factory=dict)
    """Kind-specific figures for the caller (exams: unknown codes)."""
    overlaps: tuple[UsageOverlap, ...] = ()
    """Usage: the months the file brings only some services of (``usage_writing``)."""
    months: MonthsChoice | None = None
    """Usage: what was chosen for those months (None: not chosen, nothing is kept)."""
    summed: int = 0
    """Usage: rows of the file added to a stored row of the same service."""


class Validator(Protocol):
    """Checks records batch by batch: valid rows out, problems with line and field."""

    def validate_batch(
        self, batch: RecordBatch, rows: list[Any], problems: list[RowProblem]
    ) -> int:
        """Validates a batch of records; returns how many it read."""

    def details(self) -> dict[str, Any]:
        """Kind-specific findings for the result (exams: records per unknown code)."""


class Sink(Protocol):
    """Takes valid rows as they come and stores them through the kind's store writer."""

    def add(self, rows: Sequence[Any]) -> None:
        """Takes one batch of valid rows (it may write them at once or keep a sum)."""

    def finish(self, errors: int) -> Outcome:
        """Writes what is left; returns the counts for the batch record and the notes."""


class ImportKind(Protocol):
    """An import kind: its name, the words for its records, its fields, validator and sink."""

    name: str
    """What the batch records as its kind: ``exams`` or ``usage``."""
    source: str
    """The kind of file it reads (recorded on the batch)."""
    plural: str
    """What its records are called, e.g. ``exam records``."""
    written_share: float
    """About how much of the file read ends up written (sizes SQLite's page cache for the
    import): every exam record is a row; usage lines are added up per month first."""

    @property
    def fields(self) -> FieldSet:
        """The fields the kind reads."""

    def validator(
        self,
        mapping: ColumnMapping,
        order: DateOrder | None,
        today: date,
        decimal_marks: Mapping[int, str],
    ) -> Validator:
        """A validator for one file's mapping, date order and amount columns' decimal marks."""

    def sink(self, transaction: ImportTransaction) -> Sink:
        """The sink writing into ``transaction``."""


class _ExamValidator:
    """The exam ``RowValidator`` seen as a kind's ``Validator`` (it counts unknown codes)."""

    def __init__(self, rows: RowValidator) -> None:
        self._rows = rows
        self.unknown: dict[str, int] = {}

    def validate_batch(
        self, batch: RecordBatch, rows: list[Any], problems: list[RowProblem]
    ) -> int:
        return self._rows.validate_batch(batch, rows, problems, self.unknown)

    def details(self) -> dict[str, Any]:
        return {"unknown_codes": self.unknown}


class _ExamSink:
    """Exam rows go to the store's ``ExamWriter`` batch by batch (memory holds one batch)."""

    def __init__(self, writer: ExamWriter) -> None:
        self._writer = writer
        self._valid = 0

    def add(self, rows: Sequence[ExamColumns]) -> None:
        for columns in rows:  # one per batch validated
            self._valid += len(columns)
            self._writer.add(columns)

    def finish(self, errors: int) -> Outcome:
        writer = self._writer
        writer.finish()
        counts = BatchCounts(
            added=writer.added,
            duplicates=self._valid - writer.added,
            errors=errors,
            people_added=writer.people_added,
        )
        return Outcome(counts, tuple(writer.name_conflicts), writer.name_conflict_count)


class ExamImport:
    """Exam records: people by MCP ID, credentials checked against the catalogue."""

    name = EXAMS
    source = "exam-file"
    plural = "exam records"
    written_share = 1.0

    def __init__(self, catalog: ExamCatalog) -> None:
        self._catalog = catalog

    @property
    def fields(self) -> FieldSet:
        return EXAM_FIELDS

    def validator(
        self,
        mapping: ColumnMapping,
        order: DateOrder | None,
        today: date,
        decimal_marks: Mapping[int, str],
    ) -> Validator:
        return _ExamValidator(RowValidator(mapping, self._catalog, order, today))

    def sink(self, transaction: ImportTransaction) -> Sink:
        return _ExamSink(transaction.exams())
