"""A record table that holds only the records it shows: those of its scope, read when it changes.

The Sales tab's Monthly usage table read, sorted and filtered all 36,000
months of the large organisation at start-up to show none (no subscription
is chosen at first; issue 15). This model holds the records whose field holds
one value (``set_scope``: the chosen subscription's months, an import's), read
from the store when the scope changes. Every record (no scope) is read off the
GUI thread (``load_later``), holding none meanwhile, and put in the table a
part per turn of the event loop (``ROWS_PER_TURN`` first, then as many as fit
in ``PART_SECONDS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from time import perf_counter
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal

from mpn_desktop.ui.models.fields import Field
from mpn_desktop.ui.models.record_sorting import sorted_rows
from mpn_desktop.ui.models.record_table import (
    Record,
    RecordEdit,
    RecordFetch,
    RecordLoader,
    RecordTableModel,
    Scope,
)
from mpn_desktop.ui.models.row_release import free_in_parts

RecordsWhere = Callable[[str, object], list[Record]]
"""Reads the records whose field (the first argument) holds a value (the second)."""
LoadLater = Callable[[Callable[[], list[Record]], Callable[[list[Record]], None]], None]
"""Runs a read (the first argument) off the GUI thread and hands its rows to the second
argument on the GUI thread (an empty list when the read failed, having said why)."""

ROWS_PER_TURN = 2_000
"""Rows read off the GUI thread are put in the table this many per turn of the event loop:
36,000 months of usage at once (one reset of the view and of the search's filter) stalled
the window 0.1-0.25 s. The first part, and the size the parts after it start from."""

PART_SECONDS = 0.012
"""The parts after the first are sized to go in within about this long (the repaint of the
table that follows each comes on top, within the 50 ms a turn may take): 2,000 rows a
part took 1.5-4 ms, each followed by a repaint of the table (15-40 ms on the large
organisation), 37 times for "Show all usage"'s 75,282 months; with a search typed every
row costs its shown text, and the parts shrink."""

PART_GROWTH = 4
"""A part holds at most this many times the rows of the one before (one quick turn, which
the machine's other work may have made so, is not trusted further)."""

LEAST_PART = 50
"""The fewest rows a part puts in, however slow the last one was."""


def next_part(rows: int, seconds: float) -> int:
    """How many rows the next part puts in, the last one having put ``rows`` in within
    ``seconds``."""
    if seconds <= 0:
        return rows * PART_GROWTH
    return max(LEAST_PART, min(int(rows * PART_SECONDS / seconds), rows * PART_GROWTH))


class ScopedRecordTableModel(RecordTableModel):
    """A ``RecordTableModel`` holding the records of its scope, every record read later."""

    readingChanged = Signal(bool)
    """Whether the rows are being read off the GUI thread or put in a part per turn."""

    def __init__(
        self,
        fields: Sequence[Field],
        load: RecordLoader,
        load_where: RecordsWhere,
        edit: RecordEdit | None = None,
        parent: Any = None,
        *,
        load_later: LoadLater | None = None,
    ) -> None:
        super().__init__(fields, load, edit, parent)
        self._load_where = load_where
        self._load_later = load_later
        self._scope: Scope = None
        self._read_once = False
        """Whether the rows were read (a scope set before that is only kept)."""
        self._reads_started = 0
        self._reading = 0
        """The read running off the GUI thread whose rows are awaited (0: none)."""
        self._arriving: list[Record] = []
        """Rows read off the GUI thread still to be put in the table (after the others)."""
        self._part = ROWS_PER_TURN
        """How many of them the next turn puts in (``next_part``)."""

    # -- the scope -------------------------------------------------------------

    @property
    def reads_by_scope(self) -> bool:
        return True

    def scope(self) -> Scope:
        return self._scope

    def set_scope(self, scope: Scope) -> None:
        if scope == self._scope:
            return
        self._scope = scope
        if self._read_once:  # else the first read reads the scope
            self.reload()

    def in_scope(self, record: Record) -> bool:
        if self._scope is None:
            return True
        key, value = self._scope
        return bool(record.get(key) == value)

    @property
    def reading(self) -> bool:
        return self._reading != 0

    # -- reading -----------------------------------------------------------------

    def reload(self, read: list[Record] | None = None, *, ordered: bool = False) -> None:
        self._read_once = True
        free_in_parts(self._arriving, self)
        self._arriving = []  # rows read here or handed in replace every row
        if read is None and self._scope is None and self._load_later is not None:
            self._read_later()
            return
        if read is None:
            read = self._load() if self._scope is None else self._load_where(*self._scope)
            ordered = False
        elif self._scope is not None:
            read = [record for record in read if self.in_scope(record)]
        was_reading = self.reading
        self._reading = 0  # rows read here or handed in are newer than a read still running
        super().reload(read, ordered=ordered)
        if was_reading:
            self.readingChanged.emit(False)

    def _read_later(self) -> None:
        """Reads every record off the GUI thread (in order when a worker can sort them); a
        read still running is forgotten (its rows may be older than what asked again)."""
        assert self._load_later is not None
        self._reads_started += 1
        token = self._reads_started
        plain = self.plain_order()
        load = self._load

        def read() -> list[Record]:
            rows = load()
            return rows if plain is None else sorted_rows(rows, plain[0], plain[1])

        was_reading = self.reading
        self._reading = token
        free_in_parts(self._arriving, self)
        self._arriving = []
        if self._rows:
            replaced = self._rows
            self.beginResetModel()
            self._rows = []
            self.endResetModel()
            free_in_parts(replaced, self)
        if not was_reading:
            self.readingChanged.emit(True)
        self._load_later(read, lambda rows: self._read_arrived(token, plain, rows))

    def _read_arrived(
        self, token: int, plain: tuple[Field, bool] | None, rows: list[Record]
    ) -> None:
        if token != self._reading:
            return  # read again since, or rows taken meanwhile: newer than these
        if not (plain is not None and plain == self.plain_order()):
            rows = self._in_order(rows)
        if len(rows) <= ROWS_PER_TURN:
            self.reload(rows, ordered=True)
            return
        # The first rows now, the others a part per turn (``_take_arriving``); whatever
        # needs every row first puts the rest in at once (``_finish_arriving``).
        self.beginResetModel()
        self._rows = rows[:ROWS_PER_TURN]
        self.endResetModel()
        self._arriving = rows[ROWS_PER_TURN:]
        self._part = ROWS_PER_TURN
        QTimer.singleShot(0, self, lambda: self._take_arriving(token))

    def _take_arriving(self, token: int) -> None:
        if token != self._reading or not self._arriving:
            return  # read again or reloaded since, or every row put in already
        part = self._arriving[: self._part]
        del self._arriving[: self._part]
        began = perf_counter()
        self._put_arriving(part)
        self._part = next_part(len(part), perf_counter() - began)
        if self._arriving:
            QTimer.singleShot(0, self, lambda: self._take_arriving(token))

    def _finish_arriving(self) -> None:
        """Puts every row still arriving in the table now (a search by id, a sort, an edit,
        the records asked for)."""
        if self._arriving:
            rest, self._arriving = self._arriving, []
            self._put_arriving(rest)

    def _put_arriving(self, rows: list[Record]) -> None:
        end = len(self._rows)
        self.beginInsertRows(QModelIndex(), end, end + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        if not self._arriving:
            self._reading = 0
            self.readingChanged.emit(False)

    # -- what needs every row ------------------------------------------------------

    def records(self) -> list[Record]:
        self._finish_arriving()
        return super().records()

    def row_of_id(self, record_id: object) -> int | None:
        self._finish_arriving()
        return super().row_of_id(record_id)

    def refresh_records(self, ids: Iterable[int], fetch: RecordFetch) -> None:
        self._finish_arriving()
        if self.reading:
            self._read_later()  # the read running may have begun before these were written
            return
        super().refresh_records(ids, fetch)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._finish_arriving()
        super().sort(column, order)
