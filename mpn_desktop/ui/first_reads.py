"""Start-up's first reads, made on the worker thread that imports the store (``MainWindow.fill``).

The tables' records of a large organisation (36,000 months of usage, 2,000
people, 10,000 exams) took 2.5 s to read and 1 s to sort on the GUI thread
(issue 15): the worker reads them as plain rows and sorts those a table
orders by a stored value, or by the names of other records it reads too (the
exams by person), and the GUI thread only hands them to the models. The watch
for outside changes is made before those reads, so that whatever others commit
after them is announced. A table that holds only the records it shows (the Sales
tab's months of usage, ``RecordTableModel.set_scope``) is not asked for here: it
reads them when the user chooses what to see.
"""

from __future__ import annotations

import linecache
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mpn_desktop.errors import MpnError
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui.models.fields import Field
from mpn_desktop.ui.models.record_sorting import NamesFrom, sorted_by_names, sorted_rows

if TYPE_CHECKING:
    from mpn_desktop.store.outside_changes import OutsideChanges

log = logging.getLogger(__name__)

Record = dict[str, Any]


@dataclass(frozen=True)
class FirstRead:
    """What one table asks of the worker: its kind, and the order its rows are shown in when
    a worker can sort them (``RecordTableModel.worker_order``: ``names`` when the order is
    by the names of other records, made from those records)."""

    kind: RecordKind
    order: tuple[Field, bool] | None = None
    names: NamesFrom | None = None


@dataclass
class FirstReads:
    """What the worker read: each kind's records (in id order), the same in the orders asked
    for, and the outside-change source made before the reads."""

    records: dict[RecordKind, list[Record]] = field(default_factory=dict)
    ordered: dict[tuple[RecordKind, str, bool], list[Record]] = field(default_factory=dict)
    source: OutsideChanges | None = None
    source_error: MpnError | None = None

    def rows_for(
        self, kind: RecordKind, order: tuple[Field, bool] | None
    ) -> tuple[list[Record] | None, bool]:
        """A copy of ``kind``'s rows for one table, and whether they are in ``order`` already
        (None: not read; the table reads them itself)."""
        if order is not None:
            rows = self.ordered.get((kind, order[0].key, order[1]))
            if rows is not None:
                return list(rows), True
        rows = self.records.get(kind)
        return (None if rows is None else list(rows)), False


def read_first(db: Database, asked: Iterable[FirstRead]) -> FirstReads:
    """On the worker: the store's modules imported, the watch made, then the records read.

    A plain SQLite file is read with the sqlite3 driver (``records_sqlite``): an
    idle window then holds no SQLAlchemy, a quarter of its memory (issue 15);
    the first write imports it. Any other database has SQLAlchemy, its ORM
    and the engine loaded here, off the GUI thread. A kind that cannot be
    read is left out: the GUI thread reads it again and shows the error as
    any read does.
    """
    from mpn_desktop.store import outside_changes, records_sqlite
    from mpn_desktop.store.preload import preload

    if not records_sqlite.reads_with_driver(db):
        preload(db)
    # PySide6 read the source of each module imported above; linecache kept it (app.py).
    linecache.clearcache()
    reads = FirstReads()
    try:
        reads.source = outside_changes.outside_changes(db)
    except MpnError as error:
        reads.source_error = error
    asked = list(asked)
    kinds = [read.kind for read in asked]
    kinds += [read.names.kind for read in asked if read.names is not None and read.order]
    for kind in dict.fromkeys(kinds):
        try:
            reads.records[kind] = records_sqlite.list_records(db, kind)
        except MpnError as error:
            log.info("first read of %s left to the window: %s", kind.value, error)
    for read in asked:
        rows = reads.records.get(read.kind)
        if rows is None or read.order is None:
            continue
        order_field, descending = read.order
        key = (read.kind, order_field.key, descending)
        if key in reads.ordered:
            continue
        if read.names is None:
            reads.ordered[key] = sorted_rows(rows, order_field, descending)
            continue
        named = reads.records.get(read.names.kind)
        if named is not None:
            # 10,000 exams by their people's names: 6 ms of the Exams tab's GUI turn.
            reads.ordered[key] = sorted_by_names(rows, order_field, descending, named, read.names)
    return reads
