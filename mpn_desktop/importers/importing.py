"""An import run of any kind: the date survey, then one pass that validates and writes.

One pipeline for every import kind (``importers.kinds``: exam records, usage).
The steps are separate so the wizard can show each one: ``reading.preview``,
``columns.suggest_mapping``, ``survey_date_order`` and ``run_import`` (with
``dry_run=True`` for the check, then again to write). None of them needs Qt;
long ones take a progress callback and a cancel check, and may run on a worker
thread (each opens its own file and database connection). A check holds the
database's write lock while it runs, as the import itself does; readers are
not blocked (WAL).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from operator import itemgetter
from pathlib import Path

from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import number
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.amounts import DecimalSurvey
from mpn_desktop.importers.columns import ColumnMapping
from mpn_desktop.importers.dates import DateColumnOrder, DateOrder, DateSurvey
from mpn_desktop.importers.kinds import ImportKind, Outcome
from mpn_desktop.importers.reading import CsvFormat, RecordBatch, RecordReader
from mpn_desktop.importers.validation import RowProblem
from mpn_desktop.shown import storable_name
from mpn_desktop.store import records as store_records
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.database import Database
from mpn_desktop.store.import_transaction import USAGE, BatchInfo, import_transaction
from mpn_desktop.store.usage_writing import MonthsChoice, UsageOverlap

ProgressCallback = Callable[[float], None]
"""Called now and then with how far the step is, from 0 to 1."""

CancelCheck = Callable[[], bool]
"""Asked now and then; True stops the step (nothing is written)."""

BATCH_ROWS = 2000
"""Records validated between two writes, progress reports and cancel checks."""

ERROR_COLUMN = "error"
"""The last column of a rejects file (``rejects.write_rejects``): what was wrong with the record."""


class ImportCancelled(ImportFailed):
    """The user cancelled the import; nothing was written."""


@dataclass(frozen=True, slots=True)
class ImportSettings:
    """How to read a file: its format, its column mapping and the order of its dates."""

    format: CsvFormat
    mapping: ColumnMapping
    date_order: DateOrder | None = None
    decimal_marks: tuple[tuple[int, str], ...] = ()
    """Per amount column (index): its decimal mark, ``.`` or ``,`` (surveyed; ``.`` if absent)."""


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
    """The columns no field reads, as the user is told them (``ColumnMapping.ignored_columns``)."""
    dry_run: bool
    batch_id: int | None = None
    change: Change | None = None
    records_read: int = field(default=0)
    sha256: str = ""
    """The file's SHA-256, to tell whether it changed before the import is redone."""
    kind: str = "exams"
    """What was imported: ``exams`` or ``usage``."""
    plural: str = "exam records"
    """What the kind's records are called."""
    replaced: int = 0
    """Usage rows of an earlier import of the same source that this one replaced."""
    customers_added: int = 0
    subscriptions_added: int = 0
    notes: tuple[str, ...] = ()
    """The kind's own lines worth telling (e.g. usage totals per month)."""
    rejected: tuple[tuple[int, tuple[str, ...]], ...] = ()
    """With skip_bad_rows: each bad record's line and cells, in file order (see errors)."""
    other_mpn_ids: tuple[str, ...] = ()
    """MPN IDs the file names that are not the organisation's (refused unless allowed)."""
    missing_rates: tuple[str, ...] = ()
    """Currencies of the file's amounts that no US$ rate was given for."""
    overlaps: tuple[UsageOverlap, ...] = ()
    """Usage: the subscriptions' months of which the file brings only some of the services
    the database holds (whatever was chosen for them)."""
    months: MonthsChoice | None = None
    """Usage: what was chosen for those months; None (with overlaps) keeps nothing."""
    summed: int = 0
    """Usage: the file's rows added to a stored row of the same service (``MonthsChoice.ADD``)."""

    @property
    def needs_months_choice(self) -> bool:
        """The file brings only some services of months the database holds, and nobody chose
        whether its lines are added to them or replace them: nothing is kept."""
        return bool(self.overlaps) and self.months is None

    @property
    def committed(self) -> bool:
        """Whether records were written (the import can be undone as a whole)."""
        return self.batch_id is not None

    @property
    def skipped_bad_rows(self) -> bool:
        """Whether the bad records were left out and the good ones kept (or would be)."""
        return bool(self.rejected)

    @property
    def added(self) -> int:
        """Records added to the database: none after errors (unless the bad rows were
        skipped); for a dry run, those it would add."""
        return 0 if self.errors and not self.rejected else self.new_records

    @property
    def summary(self) -> str:
        """``N added, N duplicates, N errors`` (``1 duplicate``; ``2,500 added``); a dry run's
        ``N to add``, as the window's check says it: it added nothing."""
        duplicates, errors = self.duplicates, len(self.errors)
        said = (
            _("{added} to add, {duplicates}, {errors}")
            if self.dry_run
            else _("{added} added, {duplicates}, {errors}")
        )
        return said.format(
            added=number(self.added),
            duplicates=ngettext("{count} duplicate", "{count} duplicates", duplicates).format(
                count=number(duplicates)
            ),
            errors=ngettext("{count} error", "{count} errors", errors).format(count=number(errors)),
        )

    @property
    def unknown_code_line(self) -> str:
        """The line about codes the catalogue does not know, or "" when there are none."""
        if not self.unknown_codes:
            return ""
        count = sum(self.unknown_codes.values())
        codes = ", ".join(f"{code} ({number(n)})" for code, n in sorted(self.unknown_codes.items()))
        return ngettext(
            "{count} record has a code the catalogue does not know (counted toward nothing): "
            "{codes}",
            "{count} records have codes the catalogue does not know (counted toward nothing): "
            "{codes}",
            count,
        ).format(count=number(count), codes=codes)

    @property
    def warnings(self) -> list[str]:
        """Everything worth telling that did not stop the import."""
        notes = [*self.notes, *self.name_conflicts]
        hidden = self.name_conflict_count - len(self.name_conflicts)
        if hidden > 0:
            notes.append(
                ngettext(
                    "... and {count} more line with another name for a known MCP ID",
                    "... and {count} more lines with another name for a known MCP ID",
                    hidden,
                ).format(count=number(hidden))
            )
        if self.unknown_code_line:
            notes.append(self.unknown_code_line)
        return notes


def survey_date_order(
    path: Path,
    settings: ImportSettings,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> DateColumnOrder:
    """Reads the date columns until a value tells month-first from day-first (or the file ends)."""
    mapping = settings.mapping
    columns = [c for f in mapping.fields.dates if (c := mapping.column_of(f)) is not None]
    survey = DateSurvey()
    if not columns:
        return survey.finish()
    with RecordReader(path, settings.format) as reader:
        for count, (line, fields) in enumerate(_data_records(reader), start=1):
            if any(c < len(fields) and survey.add(line, fields[c]) for c in columns):
                break
            if count % BATCH_ROWS == 0:
                _report(reader, progress, cancel)
    return survey.finish()


def survey_decimal_marks(
    path: Path,
    settings: ImportSettings,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportSettings:
    """``settings`` with the decimal mark of each amount column, read from its values.

    A column whose values never tell (``1,250``, whole numbers) reads ``.``
    as the decimal point, unless the file is semicolon-separated, as files of
    the locales writing ``1.250,50`` are.
    """
    mapping = settings.mapping
    columns = [c for f in mapping.fields.amounts if (c := mapping.column_of(f)) is not None]
    if not columns:
        return settings
    survey = DecimalSurvey(columns)
    with RecordReader(path, settings.format) as reader:
        for count, (_line, fields) in enumerate(_data_records(reader), start=1):
            if survey.add(fields):
                break
            if count % BATCH_ROWS == 0:
                _report(reader, progress, cancel)
    fallback = "," if settings.format.delimiter == ";" else "."
    marks = tuple((column, survey.marks.get(column, fallback)) for column in columns)
    return replace(settings, decimal_marks=marks)


def run_import(
    db: Database,
    kind: ImportKind,
    path: Path,
    settings: ImportSettings,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    skip_bad_rows: bool = False,
    allow_other_mpn_id: bool = False,
) -> ImportResult:
    """Validates every record and, when none has an error, writes them all in one transaction.

    Records go to the kind's sink as they are validated, inside one
    transaction that is rolled back at the end after any error, for a dry
    run, or on cancel: so the counts of a check are exactly those of the real
    import. With ``skip_bad_rows`` the good records are kept even when others
    have errors (the bad ones are returned in ``rejected``). A file naming
    another organisation's MPN ID is refused unless ``allow_other_mpn_id``.
    """
    if kind.name == USAGE:
        _refuse_usage_rejects(path, settings.mapping)
    validator = kind.validator(
        settings.mapping,
        settings.date_order,
        today or date.today(),
        dict(settings.decimal_marks),
    )
    errors: list[RowProblem] = []
    rejected: list[tuple[int, tuple[str, ...]]] = []
    read = 0
    mpn_ids: set[str] = set()
    info = BatchInfo(kind.name, kind.source, storable_name(path))
    result: ImportResult | None = None
    with (
        collector_paused(),
        import_transaction(db, info, int(_file_size(path) * kind.written_share)) as transaction,
        RecordReader(path, settings.format, hashed=True) as reader,
    ):
        sink = kind.sink(transaction)
        batches = _Batches(_data_batches(reader), settings.mapping, mpn_ids, keep=skip_bad_rows)
        batch: list[object] = []
        # One batch of records at a time: validated, handed on, then progress and cancel.
        while records := batches.next():
            read += validator.validate_batch(records, batch, errors)
            if skip_bad_rows:
                batches.reject(errors, rejected)
            sink.add(batch)
            batch.clear()
            _report(reader, progress, cancel)
        if cancel is not None and cancel():
            # A cancel during the last batch: still before anything is committed.
            raise ImportCancelled(
                _("{path}: the import was cancelled; nothing was written").format(path=path)
            )
        if read == 0:
            raise ImportFailed(
                _("{path}: the file has a header line but no records").format(path=path)
            )
        reader.check_unchanged()
        # The hash of the bytes read, so of what is imported (the file was read once).
        sha256 = reader.sha256()
        transaction.file_read(sha256)
        others = _other_mpn_ids(db, mpn_ids)
        # Counted even when the file is refused for another MPN ID, so the check says what
        # the file holds; nothing is kept unless the user allows it (blocked below).
        outcome = sink.finish(len(errors))
        result = _result(
            kind,
            path,
            settings,
            outcome,
            errors=errors,
            rejected=rejected,
            read=read,
            sha256=sha256,
            dry_run=dry_run,
            filled=batches.filled,
        )
        result = replace(result, other_mpn_ids=others, **validator.details())
        blocked = (
            (errors and not skip_bad_rows)
            or (others and not allow_other_mpn_id)
            or result.needs_months_choice
        )
        changed = outcome is not None and _changed(outcome)
        if not (blocked or dry_run or not changed):
            assert outcome is not None
            transaction.keep(outcome.counts)
            result = _committed(result, transaction.batch_id, info.file_name)
    if progress is not None and result.committed:
        progress(1.0)
    return result


def _refuse_usage_rejects(path: Path, mapping: ColumnMapping) -> None:
    """Raises ImportFailed for a rejects file of usage lines (its last column ``error``).

    A usage import replaces the months of the subscriptions it names (a file
    imported again is not counted twice), so the few lines an import skipped,
    imported alone, would replace the months that import kept with their own.
    """
    header = mapping.header
    last = len(header) - 1
    if not header or header[last].strip() != ERROR_COLUMN or last in mapping.columns.values():
        return
    raise ImportFailed(
        _(
            "{path}: this file holds the lines an import skipped (its last column is "
            "{column}): imported alone, they would replace the months of their subscriptions "
            "that the import kept. Correct those lines in the file they came from and "
            "import that file again (its months are replaced whole)."
        ).format(path=path, column=repr(ERROR_COLUMN))
    )


def _file_size(path: Path) -> int:
    """The file's size in bytes (it sizes the write's page cache); 0 when it cannot be told."""
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it says what is wrong with it


def _changed(outcome: Outcome) -> bool:
    counts = outcome.counts
    return bool(
        counts.added
        or counts.people_added
        or counts.replaced
        or counts.customers_added
        or counts.subscriptions_added
    )


def _result(
    kind: ImportKind,
    path: Path,
    settings: ImportSettings,
    outcome: Outcome | None,
    *,
    errors: list[RowProblem],
    rejected: list[tuple[int, tuple[str, ...]]],
    read: int,
    sha256: str,
    dry_run: bool,
    filled: list[int],
) -> ImportResult:
    counts = outcome.counts if outcome is not None else None
    return ImportResult(
        path=path,
        new_records=counts.added if counts else 0,
        duplicates=counts.duplicates if counts else 0,
        errors=tuple(errors),
        people_added=counts.people_added if counts else 0,
        unknown_codes={},
        name_conflicts=outcome.notes if outcome and kind.name != USAGE else (),
        name_conflict_count=outcome.note_count if outcome and kind.name != USAGE else 0,
        ignored_columns=settings.mapping.ignored_columns(filled),
        dry_run=dry_run,
        records_read=read,
        sha256=sha256,
        kind=kind.name,
        plural=kind.plural,
        replaced=counts.replaced if counts else 0,
        customers_added=counts.customers_added if counts else 0,
        subscriptions_added=counts.subscriptions_added if counts else 0,
        notes=outcome.notes if outcome and kind.name == USAGE else (),
        rejected=tuple(rejected),
        overlaps=outcome.overlaps if outcome else (),
        months=outcome.months if outcome else None,
        summed=outcome.summed if outcome else 0,
    )


def _other_mpn_ids(db: Database, seen: set[str]) -> tuple[str, ...]:
    """The MPN IDs of ``seen`` that are not the organisation's (none when it has none set)."""
    named = {text.strip() for text in seen} - {"", "-1"}
    if not named:
        return ()
    organization = store_records.get_organization(db)
    own = str(organization.get("mpn_id") or "").strip() if organization else ""
    if not own:
        return ()
    return tuple(sorted(named - {own}))


class _Batches:
    """The records of a file, a batch at a time, noting MPN IDs and (to reject) each one's cells."""

    def __init__(
        self,
        records: Iterator[RecordBatch],
        mapping: ColumnMapping,
        mpn_ids: set[str],
        *,
        keep: bool,
    ) -> None:
        field = mapping.fields.mpn_id
        self._records = records
        self._column = mapping.column_of(field) if field is not None else None
        self._mpn_ids = mpn_ids
        self._keep = keep
        self._kept: dict[int, tuple[str, ...]] = {}
        self._unnamed = list(mapping.unnamed)
        self.filled: list[int] = []
        """The columns without a name that hold data (the user is told they are ignored)."""

    def next(self) -> RecordBatch | None:
        """The next batch of records (None at the end of the file)."""
        batch = next(self._records, None)
        if batch is None:
            return None
        column = self._column
        if column is not None:
            try:
                self._mpn_ids.update(map(itemgetter(column), batch.records))
            except IndexError:  # a short record: the slow way
                self._mpn_ids.update(
                    {fields[column] for fields in batch.records if column < len(fields)}
                )
        if self._unnamed:
            self._note_filled(batch.records)
        if self._keep:
            # Copied before validation pads short records.
            self._kept = dict(zip(batch.lines, map(tuple, batch.records), strict=True))
        return batch

    def _note_filled(self, records: list[list[str]]) -> None:
        """Moves the columns without a name that hold data in ``records`` to ``filled``."""
        for column in list(self._unnamed):
            try:
                cells = list(map(itemgetter(column), records))
            except IndexError:  # a short record (a trailing delimiter in the header alone)
                cells = [fields[column] for fields in records if column < len(fields)]
            if any(map(str.strip, cells)):
                self._unnamed.remove(column)
                self.filled.append(column)

    def reject(self, errors: list[RowProblem], rejected: list[tuple[int, tuple[str, ...]]]) -> None:
        """Adds the cells of this batch's records with errors to ``rejected``."""
        done = {line for line, _cells in rejected}
        for line in sorted({problem.line for problem in errors} - done):
            cells = self._kept.get(line)
            if cells is not None:
                rejected.append((line, cells))


def _committed(result: ImportResult, batch_id: int, file_name: str) -> ImportResult:
    touched = (
        (RecordKind.USAGE, RecordKind.SUBSCRIPTION, RecordKind.CUSTOMER)
        if result.kind == USAGE
        else (RecordKind.EXAM, RecordKind.PERSON)
    )
    change = Change(
        frozenset((RecordKind.IMPORT_BATCH, *touched)),
        f"Import of {result.path.name}",
        import_batch=batch_id,
        import_file=file_name,
    )
    return replace(result, batch_id=batch_id, change=change)


def _data_records(reader: RecordReader) -> Iterator[tuple[int, list[str]]]:
    """The records after the header line, as ``(line, fields)``."""
    records = reader.numbered()
    next(records, None)
    return records


def _data_batches(reader: RecordReader) -> Iterator[RecordBatch]:
    """The records after the header line, up to ``BATCH_ROWS`` at a time (none empty)."""
    batches = reader.batches(BATCH_ROWS)
    first = next(batches, None)
    if first is not None and len(first) > 1:
        yield first.after_first()
    yield from batches


def _report(
    reader: RecordReader, progress: ProgressCallback | None, cancel: CancelCheck | None
) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled(
            _("{path}: the import was cancelled; nothing was written").format(path=reader.path)
        )
    if progress is not None:
        progress(reader.fraction_read())
