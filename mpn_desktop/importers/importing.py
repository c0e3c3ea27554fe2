"""An import run: the date survey, then one pass that validates and writes in one transaction.

The steps are separate so the wizard can show each one: ``reading.preview``,
``columns.suggest_mapping``, ``survey_date_order`` and ``run_import`` (with
``dry_run=True`` for the check, then again to write). None of them needs Qt;
long ones take a progress callback and a cancel check, and may run on a worker
thread (each opens its own file and database connection). A check holds the
database's write lock while it runs, as the import itself does; readers are
not blocked (WAL).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.collection import collector_paused
from mpn_desktop.importers.columns import ColumnMapping, Field
from mpn_desktop.importers.dates import DateColumnOrder, DateOrder, DateSurvey
from mpn_desktop.importers.reading import CsvFormat, RecordReader
from mpn_desktop.importers.validation import ExamCatalog, RowProblem, RowValidator, ValidRow
from mpn_desktop.importers.writing import ExamWriter
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import bulk_write_cache

ProgressCallback = Callable[[float], None]
"""Called now and then with how far the step is, from 0 to 1."""

CancelCheck = Callable[[], bool]
"""Asked now and then; True stops the step (nothing is written)."""

BATCH_ROWS = 2000
"""Records validated between two writes, progress reports and cancel checks."""


class ImportCancelled(ImportFailed):
    """The user cancelled the import; nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportSettings:
    """How to read a file: its format, its column mapping and the order of its dates."""

    format: CsvFormat
    mapping: ColumnMapping
    date_order: DateOrder | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did (or, for a dry run or a file with errors, would have done)."""

    path: Path
    new_records: int
    duplicates: int
    errors: tuple[RowProblem, ...]
    people_added: int
    unknown_codes: dict[str, int]
    name_conflicts: tuple[str, ...]
    name_conflict_count: int
    ignored_columns: tuple[str, ...]
    dry_run: bool
    batch_id: int | None = None
    change: Change | None = None
    records_read: int = field(default=0)
    sha256: str = ""
    """The file's SHA-256, to tell whether it changed before the import is redone."""

    @property
    def committed(self) -> bool:
        """Whether records were written (the import can be undone as a whole)."""
        return self.batch_id is not None

    @property
    def added(self) -> int:
        """Records added to the database: none after errors; for a dry run, those it would add."""
        return 0 if self.errors else self.new_records

    @property
    def summary(self) -> str:
        """``N added, N duplicates, N errors``."""
        return f"{self.added} added, {self.duplicates} duplicates, {len(self.errors)} errors"

    @property
    def unknown_code_line(self) -> str:
        """The line about codes the catalogue does not know, or "" when there are none."""
        if not self.unknown_codes:
            return ""
        count = sum(self.unknown_codes.values())
        codes = ", ".join(f"{code} ({n})" for code, n in sorted(self.unknown_codes.items()))
        records = "record has a code" if count == 1 else "records have codes"
        return f"{count} {records} the catalogue does not know (counted toward nothing): {codes}"

    @property
    def warnings(self) -> list[str]:
        """Everything worth telling that did not stop the import."""
        notes = list(self.name_conflicts)
        hidden = self.name_conflict_count - len(self.name_conflicts)
        if hidden > 0:
            notes.append(f"... and {hidden} more lines with another name for a known MCP ID")
        if self.unknown_code_line:
            notes.append(self.unknown_code_line)
        return notes


def survey_date_order(
    path: Path,
    settings: ImportSettings,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> DateColumnOrder:
    """Reads the date column until a value tells month-first from day-first (or the file ends)."""
    column = settings.mapping.column_of(Field.PASSED_ON)
    survey = DateSurvey()
    if column is None:
        return survey.finish()
    with RecordReader(path, settings.format) as reader:
        for count, (line, fields) in enumerate(_data_records(reader), start=1):
            if column < len(fields) and survey.add(line, fields[column]):
                break
            if count % BATCH_ROWS == 0:
                _report(reader, progress, cancel)
    return survey.finish()


def run_import(
    db: Database,
    catalog: ExamCatalog,
    path: Path,
    settings: ImportSettings,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportResult:
    """Validates every record and, when none has an error, writes them all in one transaction.

    Records go to the database as they are validated, inside one transaction
    that is rolled back at the end after any error, for a dry run, or on
    cancel: so the counts of a check are exactly those of the real import,
    and memory holds one batch of rows, not the file.
    """
    validator = RowValidator(settings.mapping, catalog, settings.date_order, today or date.today())
    sha256 = file_sha256(path)
    errors: list[RowProblem] = []
    unknown: dict[str, int] = {}
    valid = read = 0
    try:
        with (
            collector_paused(),
            db.session() as session,
            bulk_write_cache(session.connection()),
            RecordReader(path, settings.format) as reader,
        ):
            writer = ExamWriter(session.connection(), path.name, sha256)
            records = _data_records(reader)
            batch: list[ValidRow] = []
            # One batch of records at a time: validated, written, then progress and cancel.
            while count := validator.validate_batch(records, BATCH_ROWS, batch, errors, unknown):
                read += count
                valid += len(batch)
                writer.add(batch)
                batch.clear()
                _report(reader, progress, cancel)
            if cancel is not None and cancel():
                # A cancel during the last batch: still before anything is committed.
                raise ImportCancelled(f"{path}: the import was cancelled; nothing was written")
            if read == 0:
                raise ImportFailed(f"{path}: the file has a header line but no records")
            writer.finish(valid - writer.added, len(errors))
            result = ImportResult(
                path=path,
                new_records=writer.added,
                duplicates=valid - writer.added,
                errors=tuple(errors),
                people_added=writer.people_added,
                unknown_codes=unknown,
                name_conflicts=tuple(writer.name_conflicts),
                name_conflict_count=writer.name_conflict_count,
                ignored_columns=settings.mapping.ignored,
                dry_run=dry_run,
                records_read=read,
                sha256=sha256,
            )
            if errors or dry_run or (writer.added == 0 and writer.people_added == 0):
                raise _KeepNothing(result)
            committed = _committed(result, writer.batch_id)
    except _KeepNothing as nothing:
        return nothing.result
    if progress is not None:
        progress(1.0)
    return committed


def file_sha256(path: Path) -> str:
    """The file's SHA-256 (recorded with the import, to recognise the same file again)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    except OSError as error:
        raise ImportFailed(f"{path}: cannot be read ({error.strerror})") from None
    return digest.hexdigest()


class _KeepNothing(Exception):
    """Rolls the import's transaction back while handing its result out."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("nothing to keep")
        self.result = result


def _committed(result: ImportResult, batch_id: int) -> ImportResult:
    change = Change.of(
        f"Import of {result.path.name}", RecordKind.IMPORT_BATCH, RecordKind.EXAM, RecordKind.PERSON
    )
    return replace(result, batch_id=batch_id, change=change)


def _data_records(reader: RecordReader) -> Iterator[tuple[int, list[str]]]:
    """The records after the header line, as ``(line, fields)``."""
    records = reader.numbered()
    next(records, None)
    return records


def _report(
    reader: RecordReader, progress: ProgressCallback | None, cancel: CancelCheck | None
) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled(f"{reader.path}: the import was cancelled; nothing was written")
    if progress is not None:
        progress(reader.fraction_read())
