"""Records held by column: a tuple of records in behaviour, one tuple per field inside.

The facts that come by the ten thousand (usage months, exam results) were a
record object per row: building them was most of what loading the facts cost
above fetching them, and the collector then walked every one; the rules read
a few fields of each. ``ColumnRows`` keeps a tuple per field instead, filled
straight from the database's columns, and makes record objects only when
someone asks for rows (by index, slice or iteration). It compares, hashes and
reads as the tuple of records it stands for, so callers that take it as that
tuple keep working. Usage months, exam results, people, customers, subscriptions
and references are held so (``usage_rows``, ``exam_rows``, ``people_rows``,
``customer_rows``, ``subscription_rows``, ``reference_rows`` give it their records).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, count
from operator import attrgetter, is_not
from typing import Any, ClassVar, Generic, Self, TypeVar, overload

from mpn_desktop.domain.tuple_stand_in import TupleStandIn

Record = TypeVar("Record")
Columns = TypeVar("Columns", bound=tuple[Sequence[Any], ...])

Change = tuple[int, Any, bool]
"""(position, record or None, inserted): see ``ColumnRows.edited``."""


class ConvertedColumn(Sequence[Any]):
    """A column whose values are converted from what the database returned when first read.

    A loader hands over the fetched values and how to convert the column
    (``convert``); the rules never read some columns (an exam result's kind),
    so converting them at every load was work for nobody. Reads, compares,
    hashes and pickles as the tuple of converted values it stands for.
    """

    __slots__ = ("_convert", "_raw", "_values")

    def __init__(
        self, raw: Sequence[Any], convert: Callable[[Sequence[Any]], Iterable[Any]]
    ) -> None:
        self._raw: Sequence[Any] | None = raw
        self._convert = convert
        self._values: tuple[Any, ...] | None = None

    @property
    def converted(self) -> bool:
        """Whether the values were converted already (someone read them)."""
        return self._values is not None

    def values(self) -> tuple[Any, ...]:
        """The converted values (converted once, then kept)."""
        values = self._values
        if values is None:
            raw = self._raw
            if raw is None:  # another thread converted them meanwhile (set before cleared)
                values = self._values
                assert values is not None
                return values
            values = self._values = tuple(self._convert(raw))
            self._raw = None
        return values

    def parts(self) -> tuple[Sequence[Any], Callable[[Sequence[Any]], Iterable[Any]]]:
        """The values as stored and their conversion (of a slice of them), while the column
        is not converted; else the values and ``iter``: for a reader of many slices, each
        converted alone in C (no Python call per slice)."""
        raw = self._raw
        if raw is not None:
            return raw, self._convert
        return self.values(), iter

    def __len__(self) -> int:
        raw = self._raw
        return len(raw) if raw is not None else len(self.values())

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Any, ...]: ...

    def __getitem__(self, index: int | slice) -> Any:
        raw = self._raw
        if raw is not None and isinstance(index, slice):
            # A part read before the whole (a sum over one subscription's months): only its
            # values are converted, and the column stays as it is.
            return tuple(self._convert(raw[index]))
        return self.values()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.values())

    def __contains__(self, value: object) -> bool:
        return value in self.values()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ConvertedColumn):
            other = other.values()
        return self.values() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.values())

    def __repr__(self) -> str:
        return repr(self.values())

    def __reduce__(self) -> tuple[object, tuple[tuple[Any, ...]]]:
        return tuple, (self.values(),)


def _kept(column: Sequence[Any]) -> Sequence[Any]:
    """A column as ``ColumnRows`` holds it: a tuple, or converted when first read."""
    return column if isinstance(column, ConvertedColumn) else tuple(column)


class ColumnRows(TupleStandIn[Record], Generic[Record, Columns]):
    """Records by column, read as the tuple of records they stand for (never changed).

    Made from columns (``from_columns``: the loaders) or from records
    (``of``: tests, builders, anything handing ``Facts`` a tuple), each form
    worked out from the other on first use. Records made from columns are
    kept once iterated, so a caller reading every row again pays for the
    objects once, as when the loader made them. ``edited`` makes the rows
    after a few of them were replaced, added or removed (one-row updates),
    and remembers which positions were replaced (``changed_since``).
    """

    __slots__ = ("__weakref__", "_columns", "_hash", "_parent", "_replaced", "_rows")

    record: ClassVar[Callable[..., Any]]
    """The record class: made from the fields in the columns' order."""
    columns_type: ClassVar[type[Any]]
    """The columns: a NamedTuple of one tuple per field of the record, in its order."""
    fields: ClassVar[tuple[str, ...]]
    """The field names, in the columns' order: the columns type's, set for each subclass."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Worked out from the columns type, so a rows class names it once.
        columns_type = cls.__dict__.get("columns_type")
        if columns_type is not None:
            cls.fields = columns_type._fields

    def __init__(self) -> None:
        self._columns: Columns | None = self.columns_type._make(() for _ in self.fields)
        self._rows: tuple[Record, ...] | None = ()
        self._hash: int | None = None
        # Weakly: each edit's rows would otherwise keep every earlier version alive (a
        # chain growing by the columns each edit copied, walked by the collector).
        self._parent: weakref.ref[ColumnRows[Record, Columns]] | None = None
        self._replaced: tuple[int, ...] = ()

    @classmethod
    def from_columns(cls, columns: Columns) -> Self:
        """The rows whose fields ``columns`` holds (tuples of equal length)."""
        made = cls()
        made._columns = columns
        made._rows = None
        return made

    @classmethod
    def from_sequences(cls, columns: Sequence[Sequence[Any]]) -> Self:
        """The rows whose fields ``columns`` holds as a query's columns came (lists, one per
        field in the record's order; none at all: no rows). A ``ConvertedColumn`` is kept as
        it is, converted when first read."""
        if not columns:
            return cls()
        return cls.from_columns(cls.columns_type._make(map(_kept, columns)))

    @classmethod
    def of(cls, rows: Iterable[Record]) -> Self:
        """``rows`` as they are (the very objects are handed out again)."""
        if isinstance(rows, cls):
            return rows
        made = cls()
        made._rows = tuple(rows)
        made._columns = None
        return made

    @property
    def columns(self) -> Columns:
        """Each field of every row, one tuple per field."""
        return self.held_columns

    @property
    def held_columns(self) -> Columns:
        """The columns as held, for readers that know a column converted when first read
        (``ConvertedColumn``): read such a one by slices or whole, not value by value (each
        index a call into Python). ``columns`` hands the same out, but where a subclass
        converts some first (``UsageRows``: its subscription ids and money, read value by
        value elsewhere)."""
        columns = self._columns
        if columns is None:
            rows = self._rows
            assert rows is not None
            columns = self._columns = self.columns_type._make(
                tuple(map(attrgetter(name), rows)) for name in self.fields
            )
        return columns

    def rows(self) -> tuple[Record, ...]:
        """The rows as records (made once, then kept)."""
        rows = self._rows
        if rows is None:
            assert self._columns is not None
            rows = self._rows = tuple(map(self.record, *self._columns))
        return rows

    def __len__(self) -> int:
        rows = self._rows
        if rows is not None:
            return len(rows)
        assert self._columns is not None
        return len(self._columns[0])

    @overload
    def __getitem__(self, index: int) -> Record: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Record, ...]: ...

    def __getitem__(self, index: int | slice) -> Record | tuple[Record, ...]:
        rows = self._rows
        if rows is not None:
            return rows[index]
        columns = self._columns
        assert columns is not None
        if isinstance(index, slice):
            return tuple(map(self.record, *(column[index] for column in columns)))
        made: Record = self.record(*(column[index] for column in columns))
        return made

    def _same_kind_equal(self, other: Any) -> bool:
        if len(self) != len(other):
            return False
        if self._rows is not None and other._rows is not None:
            return bool(self._rows == other._rows)
        return bool(self.columns == other.columns)

    def __reduce__(self) -> tuple[object, tuple[tuple[Record, ...]]]:
        return type(self).of, (self.rows(),)

    def edited(self, changes: Iterable[Change]) -> Self:
        """These rows with ``changes`` made in turn, each (position, record, inserted): a
        record put in at the position (``inserted``), put in place of the one there, or
        (None) the one there taken out. Positions count in the rows as the earlier changes
        left them."""
        changes = list(changes)
        if all(row is not None and not inserted for _at, row, inserted in changes):
            return self._replaced_at(changes)
        columns = [list(column) for column in self.columns]
        kept = list(self._rows) if self._rows is not None else None
        values_of = attrgetter(*self.fields)
        replaced: set[int] | None = set()
        for at, row, inserted in changes:
            if row is None:
                for column in columns:
                    del column[at]
                if kept is not None:
                    del kept[at]
                replaced = None
                continue
            values = values_of(row)
            if inserted:
                for column, value in zip(columns, values, strict=True):
                    column.insert(at, value)
                if kept is not None:
                    kept.insert(at, row)
                replaced = None
            else:
                for column, value in zip(columns, values, strict=True):
                    column[at] = value
                if kept is not None:
                    kept[at] = row
                if replaced is not None:
                    replaced.add(at)
        made = self.from_columns(self.columns_type._make(map(tuple, columns)))
        if kept is not None:
            made._rows = tuple(kept)
        if replaced is not None:
            made._parent = weakref.ref(self)
            made._replaced = tuple(sorted(replaced))
        return made

    def _replaced_at(self, changes: list[Change]) -> Self:
        """``edited`` when every change replaces a row: only the columns a replacement
        changes are copied (an edit of one field of one row of 36,000 copied every column
        to a list and back); the others are the very same tuples."""
        values_of = attrgetter(*self.fields)
        latest: dict[int, Any] = {}
        rows_at: dict[int, Any] = {}
        for at, row, _inserted in changes:
            latest[at] = values_of(row)
            rows_at[at] = row
        old = self.columns
        made_columns = []
        for field, column in enumerate(old):
            new_values = {at: values[field] for at, values in latest.items()}
            # The same value of the same type keeps the column (1 == 1.0 == Decimal(1)
            # would not: the column must hold what the rows hold).
            if all(
                value is column[at] or (type(value) is type(column[at]) and value == column[at])
                for at, value in new_values.items()
            ):
                made_columns.append(column)
                continue
            copied = list(column)
            for at, value in new_values.items():
                copied[at] = value
            made_columns.append(tuple(copied))
        made = self.from_columns(self.columns_type._make(made_columns))
        if self._rows is not None:
            kept = list(self._rows)
            for at, row in rows_at.items():
                kept[at] = row
            made._rows = tuple(kept)
        made._parent = weakref.ref(self)
        made._replaced = tuple(sorted(latest))
        return made

    def changed_since(self, before: Sequence[Record]) -> list[int] | None:
        """The positions whose row may differ from ``before``'s (None: rows came or went, or
        it cannot tell); rows at other positions are equal."""
        if self is before:
            return []
        if len(self) != len(before):
            return None
        if self._parent is not None and self._parent() is before:
            return list(self._replaced)
        if isinstance(before, ColumnRows) and self._rows is not None and before._rows is not None:
            # The same objects where nothing changed (rows built by hand, tests).
            return list(compress(count(), map(is_not, before._rows, self._rows)))
        return None
