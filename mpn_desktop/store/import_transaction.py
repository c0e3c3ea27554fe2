"""One import's transaction: its batch row, its writer, kept whole or rolled back whole.

The importer validates a file and hands its rows to the writer of its kind
(``exams()`` or ``usage()``); at the end it either ``keep``s everything (the
batch then records its counts) or leaves the block without keeping, and
nothing of the import stays: a dry run, a file with errors and a cancel all
write nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Table, insert, update

from mpn_desktop.errors import StoreError
from mpn_desktop.store import models
from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import (
    REFERENCES_MADE_OPTION,
    SORT_IN_FILES_OPTION,
    bulk_write_cache,
)
from mpn_desktop.store.exam_writing import ExamWriter, may_defer_unique_key
from mpn_desktop.store.usage_writing import MonthsChoice, UsageWriter

_BATCHES: Table = models.ImportBatch.__table__  # type: ignore[assignment]

EXAMS = "exams"
USAGE = "usage"


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """What an import batch records about its file: what it holds, how it was read, which file
    (its SHA-256 comes once the file is read: ``ImportTransaction.file_read``)."""

    kind: str
    """``exams`` or ``usage``."""
    source: str
    """The kind of file it was recognised as (e.g. ``usage-recon``, ``sheet``)."""
    file_name: str


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What an import did, recorded on its batch for Past imports."""

    added: int = 0
    duplicates: int = 0
    errors: int = 0
    people_added: int = 0
    replaced: int = 0
    customers_added: int = 0
    subscriptions_added: int = 0
    months_choice: str | None = None
    """Usage: what the user chose for the months the file brought only some services of
    (``MonthsChoice``'s value); None when nothing was asked."""


class ImportTransaction:
    """The open transaction of one import, with its batch already written (not yet kept)."""

    def __init__(self, connection: Connection, info: BatchInfo) -> None:
        self._connection = connection
        self.info = info
        self.kept = False
        self._exam_writers: list[ExamWriter] = []
        self.batch_id: int = connection.execute(
            insert(_BATCHES)
            .values(
                file_name=info.file_name[:500],
                sha256="",
                imported_at=datetime.now(UTC).replace(tzinfo=None),
                kind=info.kind,
                source=info.source[:40],
            )
            .returning(_BATCHES.c.id)
        ).scalar_one()

    def file_read(self, sha256: str) -> None:
        """Records the SHA-256 of the file, read to its end, on the batch: before the usage
        writer compares it with earlier imports' (the same file is not added twice)."""
        self._connection.execute(
            update(_BATCHES).where(_BATCHES.c.id == self.batch_id).values(sha256=sha256)
        )

    def exams(self) -> ExamWriter:
        """The writer of exam records (people created by MCP ID, duplicates skipped)."""
        writer = ExamWriter(self._connection, self.batch_id)
        self._exam_writers.append(writer)
        return writer

    def usage(
        self, months: MonthsChoice | None = None, *, counts_summed: bool = True
    ) -> UsageWriter:
        """The writer of usage (customers and subscriptions matched or created, months replaced
        or, for months the file brings only some services of, as ``months`` says)."""
        return UsageWriter(self._connection, self.batch_id, months, counts_summed=counts_summed)

    def keep(self, counts: BatchCounts) -> None:
        """Records ``counts`` on the batch and keeps the import when the block ends."""
        if not all(writer.finished for writer in self._exam_writers):
            # Its counts would not be final, and its unique key may not be built yet.
            raise StoreError("an import was kept before its exam writer had finished")
        self._connection.execute(
            update(_BATCHES)
            .where(_BATCHES.c.id == self.batch_id)
            .values(
                added_count=counts.added,
                duplicate_count=counts.duplicates,
                error_count=counts.errors,
                people_added_count=counts.people_added,
                replaced_count=counts.replaced,
                customers_added_count=counts.customers_added,
                subscriptions_added_count=counts.subscriptions_added,
                months_choice=counts.months_choice,
            )
        )
        self.kept = True


class _Discard(Exception):
    """Rolls an import back that was not kept."""


@contextmanager
def import_transaction(
    db: Database, info: BatchInfo, source_bytes: int = 0
) -> Iterator[ImportTransaction]:
    """Opens an import's transaction; it is committed only when ``keep`` was called.

    ``source_bytes``, the size of the file read, sizes SQLite's page cache for
    the write. An exception from the block rolls it back and goes on to the caller.
    """
    try:
        with db.session(options=_options(db, info)) as session:
            connection = session.connection()
            with bulk_write_cache(connection, source_bytes):
                transaction = ImportTransaction(connection, info)
                yield transaction
                if not transaction.kept:
                    raise _Discard
    except _Discard:
        pass


def _options(db: Database, info: BatchInfo) -> dict[str, object]:
    """The execution options of an import's transaction (see ``engine``)."""
    if info.kind != EXAMS:
        return {}
    # The exam writer stores only ids it read or inserted in this transaction,
    # and deletes only exam rows it added (no table refers to exam rows).
    options: dict[str, object] = {REFERENCES_MADE_OPTION: True}
    with db.session(readonly=True) as session:
        first = may_defer_unique_key(session.connection())
    if first:
        # A first import sorts every row for its key: in temporary files, not
        # memory. (Its INSERTs only append, so their statement journals are
        # small; a later import's stay in memory.) Asked before the import's
        # transaction, which cannot change it: a wrong guess only costs time.
        options[SORT_IN_FILES_OPTION] = True
    return options
