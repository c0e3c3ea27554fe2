"""Writing an import's usage: subscriptions matched or created, each source's months replaced.

A usage row is a subscription's figures for one month, service and source
(the kind of file and its invoice, or its month). An import replaces, for
each subscription it names, the rows of the sources it holds: rows with the
same figures stay as they are (so importing the same file again changes
nothing), others are moved to ``replaced_usage`` with the import's batch, from
where undoing the import puts them back exactly.

A file that brings only some services of a month the database holds (corrected
lines, a few lines copied out of an export) would replace the month's other
services by nothing; a file of lines changing a month that the import of another
file kept with lines skipped may be those lines, corrected, and would replace
the lines kept. The writer notes each such month (``overlaps``), and the user
chooses (``MonthsChoice``): the file's lines added to the months, or the months
replaced as a newer export of them; unchosen, the import is not kept.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from mpn_desktop.store import models
from mpn_desktop.store.engine import is_sqlite
from mpn_desktop.store.import_rows import SubscriptionCells, UsageRow

_CUSTOMERS: Table = models.Customer.__table__  # type: ignore[assignment]
_SUBSCRIPTIONS: Table = models.Subscription.__table__  # type: ignore[assignment]
_USAGE: Table = models.Usage.__table__  # type: ignore[assignment]
_REPLACED: Table = models.ReplacedUsage.__table__  # type: ignore[assignment]
_BATCHES: Table = models.ImportBatch.__table__  # type: ignore[assignment]

_USAGE_COLUMNS = (
    "subscription_id",
    "month",
    "service",
    "source",
    "consumption_usd",
    "revenue_usd",
    "active_users",
    "paid_seats",
    "import_batch_id",
)
_CHUNK = 500
"""Values per ``IN (...)`` list (below every database's parameter limit)."""
_VERSIONS = random.Random(secrets.randbits(64))
"""Row versions for the rows an import writes: random 62-bit numbers above 0, as
``models.new_version`` gives, from a generator seeded once (the system's
random source per row cost a second per half a million rows)."""
_WRITE_CHUNK = 10_000
"""Usage rows written per executemany (memory holds one chunk, not the file's rows)."""

_Key = tuple[int, date, str, str]
"""A usage row's unique key: subscription id, month, service, source."""
_Figures = tuple[Decimal, Decimal, int, int]
_Month = tuple[int, date]
"""A subscription's month: its id and the month's first day."""


class MonthsChoice(Enum):
    """What an import does with a month of which it brings only some services."""

    ADD = "add"
    """The file's lines are added to the months: a service's figures summed with those
    stored, the months' other services kept (corrected or missing lines). A row equal to
    the stored one, or stored by an import of the same file, is taken as there already
    (a whole month in the file, or the file imported again, is not doubled)."""
    REPLACE = "replace"
    """The months become the file's: services it does not bring go (a newer export)."""


@dataclass(frozen=True, slots=True)
class UsageOverlap:
    """A subscription's month the file brings only some services of: what is there, what comes."""

    customer: str
    subscription: str
    """The subscription's id as Partner Center names it."""
    month: date
    services_now: int
    amount_now: Decimal
    """Consumption and revenue stored for the month (of the file's sources), US$."""
    services_brought: int
    amount_brought: Decimal
    services_left_out: int
    """Services stored for the month that the file does not bring."""
    amount_if_added: Decimal = Decimal(0)
    """What the month holds once the file's lines are added (``MonthsChoice.ADD``), US$."""
    amount_if_replaced: Decimal = Decimal(0)
    """What the month holds once replaced by the file's lines (``MonthsChoice.REPLACE``)."""
    skipped_by: str = ""
    """The file whose import kept figures of the month that this file changes, having
    skipped lines with errors (this file may hold those lines, corrected); "" for none."""


class _MonthFigures:
    """The services and money of a subscription's month (stored, or brought by the file);
    for what the file brings, how much each choice would change the month by."""

    __slots__ = ("added", "amount", "replaced", "services")

    def __init__(self) -> None:
        self.services: set[str] = set()
        self.amount = Decimal(0)
        self.added = Decimal(0)
        self.replaced = Decimal(0)

    def add(self, service: str, figures: _Figures) -> None:
        self.services.add(service)
        self.amount += figures[0] + figures[1]


class UsageWriter:
    """Stores one import's subscriptions and usage rows; counts what it added and replaced."""

    def __init__(
        self,
        connection: Connection,
        batch_id: int,
        months: MonthsChoice | None = None,
        *,
        counts_summed: bool = True,
    ) -> None:
        self._connection = connection
        self.batch_id = batch_id
        self.months = months
        """What to do with the months the file brings only some services of (None: unchosen)."""
        self.counts_summed = counts_summed
        """Whether active users and paid seats add up when lines are added to a stored row
        (a sheet's lines); else the larger stays (seats at a month's end, a licence's users)."""
        self.added = 0
        self.unchanged = 0
        self.replaced = 0
        self.summed = 0
        """Rows of the file added to a stored row of the same service (``MonthsChoice.ADD``)."""
        self.customers_added = 0
        self.subscriptions_added = 0
        self.overlaps: tuple[UsageOverlap, ...] = ()
        """The months the file brings only some services of, whatever the choice."""

    def write(
        self,
        subscriptions: Sequence[SubscriptionCells],
        rows: Iterable[UsageRow],
        sources: set[str],
        keys: Iterable[tuple[str, date, str, str]] | None = None,
    ) -> None:
        """Matches or creates ``subscriptions``, then replaces their rows of ``sources``.

        Every subscription a row names must be in ``subscriptions``, and every
        row's source in ``sources``. ``rows`` are taken as they come and
        written a chunk at a time, so they need not all be in memory at once.
        ``keys``, each row's subscription, month, service and source known before
        the rows come, tells the months where lines are added (``MonthsChoice.ADD``)
        from those the file brings whole; without them lines are added everywhere.
        """
        ids = self._subscription_ids(subscriptions)
        old = self._stored_rows({ids[cells.external_id] for cells in subscriptions}, sources)
        new: list[tuple[Any, ...]] = []
        changed: dict[_Key, tuple[dict[str, Any], _Figures]] = {}
        batch_id = self.batch_id
        adding = self.months is MonthsChoice.ADD
        # What the months held before holds now, and what the file brings to them: only
        # for the months stored (a first import has none, and pays nothing for it).
        stored = _month_figures(old)
        brought: dict[_Month, _MonthFigures] = {}
        # The imports whose rows the file changes, by month (their skipped lines count).
        origins: dict[_Month, set[int]] = {}
        # Rows an import of this very file wrote hold its lines already: not added twice.
        same_file = self._same_file_imports() if old else frozenset()
        added_by = self._added_before(old)
        adding_places = self._adding_places(old, ids, keys) if adding and old else set()
        # SQLite takes the values as its columns store them (ISO days, money as float,
        # which is SQLAlchemy's own binding there) straight through the driver:
        # SQLAlchemy's per-row processing of ten parameters costs more than reading
        # the file. Each row gets its version, as the ORM would give it one.
        driver = is_sqlite(self._connection)
        days: dict[date, str] = {}
        version = _VERSIONS.getrandbits
        for row in rows:
            month = row.month
            key = (ids[row.subscription], month, row.service, row.source)
            figures = (row.consumption_usd, row.revenue_usd, row.active_users, row.paid_seats)
            before = old.pop(key, None) if old else None
            # Held: the stored row holds the file's row already, as lines to add (equal
            # figures, written by this very file, or added to it by an import of these lines).
            held = before is not None and (
                before[1] == figures
                or before[0]["import_batch_id"] in same_file
                or self._lines_added(before, added_by.get(key), figures)
            )
            if stored:
                place = (key[0], month)
                if place in stored:
                    found = brought.get(place) or brought.setdefault(place, _MonthFigures())
                    found.add(row.service, figures)
                    _count_changes(found, figures, before, held=held)
            if before is not None:
                # A row the database holds exactly is there already, whatever the choice:
                # a whole month in a file of added lines is not counted twice.
                adding_here = adding and (key[0], month) in adding_places
                if before[1] == figures or (adding_here and held):
                    self.unchanged += 1
                    continue
                origin = before[0]["import_batch_id"]
                if origin is not None:
                    origins.setdefault((key[0], month), set()).add(origin)
                if adding_here:
                    figures = self._sum(before[1], figures)
                    if before[1] == figures:  # the line adds nothing (all zero)
                        self.unchanged += 1
                        continue
                    self.summed += 1
                changed[key] = before
            if driver:
                day = days.get(month) or days.setdefault(month, month.isoformat())
                new.append(
                    (
                        key[0],
                        day,
                        key[2],
                        key[3],
                        float(figures[0]),
                        float(figures[1]),
                        figures[2],
                        figures[3],
                        batch_id,
                        version(62) + 1,
                    )
                )
            else:
                new.append((*key, *figures, batch_id))
            if len(new) >= _WRITE_CHUNK:
                # The rows they replace go first: the new ones have the same keys.
                self._replace(changed)
                self._insert(new)
                new, changed = [], {}
        self._replace(changed)
        self._insert(new)
        if old or origins:
            self.overlaps = self._overlaps(old, stored, brought, origins)
        if not adding:
            # What is left of the sources' rows is no longer in the file: replaced by nothing.
            self._replace(old)

    def _sum(self, stored: _Figures, brought: _Figures) -> _Figures:
        """A stored row's figures with a file's row of the same service added to them."""
        if self.counts_summed:
            return (
                stored[0] + brought[0],
                stored[1] + brought[1],
                stored[2] + brought[2],
                stored[3] + brought[3],
            )
        return (
            stored[0] + brought[0],
            stored[1] + brought[1],
            max(stored[2], brought[2]),
            max(stored[3], brought[3]),
        )

    def _overlaps(
        self,
        left: dict[_Key, tuple[dict[str, Any], _Figures]],
        stored: dict[_Month, _MonthFigures],
        brought: dict[_Month, _MonthFigures],
        origins: dict[_Month, set[int]],
    ) -> tuple[UsageOverlap, ...]:
        """The months of ``left`` (stored rows the file does not bring) and those whose rows
        the file changes that an import of another file kept with lines skipped, in words'
        order."""
        left_out: dict[_Month, set[str]] = {}
        for subscription, month, service, _source in left:
            left_out.setdefault((subscription, month), set()).add(service)
        skipping = self._skipping_imports(set().union(*origins.values()))
        skipped_by = {
            place: min(skipping[batch] for batch in batches if batch in skipping)
            for place, batches in origins.items()
            if not batches.isdisjoint(skipping)
        }
        places = left_out.keys() | skipped_by.keys()
        if not places:
            return ()
        names: dict[int, tuple[str, str]] = {}
        subscriptions = sorted({subscription for subscription, _month in places})
        for chunk in _chunks(subscriptions, _CHUNK):
            query = (
                select(_SUBSCRIPTIONS.c.id, _SUBSCRIPTIONS.c.external_id, _CUSTOMERS.c.name)
                .join(_CUSTOMERS, _CUSTOMERS.c.id == _SUBSCRIPTIONS.c.customer_id)
                .where(_SUBSCRIPTIONS.c.id.in_(chunk))
            )
            names.update(
                {
                    row_id: (customer, external)
                    for row_id, external, customer in self._connection.execute(query)
                }
            )
        left_amount: dict[_Month, Decimal] = {}
        for (subscription, month, _service, _source), (_row, figures) in left.items():
            place = (subscription, month)
            left_amount[place] = left_amount.get(place, Decimal(0)) + figures[0] + figures[1]
        nothing = _MonthFigures()
        found = []
        for place in places:
            subscription, month = place
            now, comes = stored[place], brought.get(place, nothing)
            customer, external = names[subscription]
            found.append(
                UsageOverlap(
                    customer=customer,
                    subscription=external,
                    month=month,
                    services_now=len(now.services),
                    amount_now=now.amount,
                    services_brought=len(comes.services),
                    amount_brought=comes.amount,
                    services_left_out=len(left_out.get(place, ())),
                    amount_if_added=now.amount + comes.added,
                    amount_if_replaced=now.amount
                    + comes.replaced
                    - left_amount.get(place, Decimal(0)),
                    skipped_by=skipped_by.get(place, ""),
                )
            )
        return tuple(sorted(found, key=lambda o: (o.customer.casefold(), o.subscription, o.month)))

    def _adding_places(
        self,
        old: dict[_Key, tuple[dict[str, Any], _Figures]],
        ids: dict[str, int],
        keys: Iterable[tuple[str, date, str, str]] | None,
    ) -> set[_Month]:
        """The months where the file's lines are added: those it brings only some services
        of, and those it shares with what an import of another file kept with lines skipped.
        Elsewhere the file brings whole months, whose rows it replaces as always (a
        changed figure is not summed with the old one)."""
        if keys is None:
            return {(subscription, month) for subscription, month, _service, _source in old}
        brought = {
            (ids[subscription], month, service, source)
            for subscription, month, service, source in keys
        }
        places = {(key[0], key[1]) for key in old if key not in brought}
        skipping = self._skipping_imports(
            {row["import_batch_id"] for row, _figures in old.values()} - {None}
        )
        places.update(
            (key[0], key[1])
            for key, (row, _figures) in old.items()
            if key in brought and row["import_batch_id"] in skipping
        )
        return places

    def _added_before(
        self, old: dict[_Key, tuple[dict[str, Any], _Figures]]
    ) -> dict[_Key, _Figures]:
        """For stored rows an import made by adding lines to a row: that row, as the import
        kept it for undo (the stored figures less these are the lines it added)."""
        batches = {row["import_batch_id"] for row, _figures in old.values()} - {None}
        found: dict[_Key, _Figures] = {}
        for chunk in _chunks(sorted(batches), _CHUNK):
            query = select(_REPLACED).where(_REPLACED.c.import_batch_id.in_(chunk))
            for row in self._connection.execute(query):
                key = (row.subscription_id, row.month, row.service, row.source)
                stored = old.get(key)
                if stored is not None and stored[0]["import_batch_id"] == row.import_batch_id:
                    found[key] = (
                        row.consumption_usd,
                        row.revenue_usd,
                        row.active_users,
                        row.paid_seats,
                    )
        return found

    def _lines_added(
        self,
        before: tuple[dict[str, Any], _Figures],
        earlier: _Figures | None,
        figures: _Figures,
    ) -> bool:
        """Whether the stored row is ``earlier`` with ``figures`` added to it: these lines
        were added before (the same corrected lines in a file saved again)."""
        if earlier is None:
            return False
        return self._sum(earlier, figures) == before[1]

    def _same_file_imports(self) -> frozenset[int]:
        """The other imports of a file with this import's content (its SHA-256)."""
        own = select(_BATCHES.c.sha256).where(_BATCHES.c.id == self.batch_id).scalar_subquery()
        query = select(_BATCHES.c.id).where(
            _BATCHES.c.sha256 == own, _BATCHES.c.id != self.batch_id
        )
        return frozenset(self._connection.execute(query).scalars())

    def _skipping_imports(self, batches: set[int]) -> dict[int, str]:
        """The file names of ``batches`` that skipped lines with errors, when their file is
        not this import's (a file corrected and imported again replaces what it kept)."""
        if not batches:
            return {}
        connection = self._connection
        own = connection.execute(
            select(_BATCHES.c.file_name).where(_BATCHES.c.id == self.batch_id)
        ).scalar_one()
        found: dict[int, str] = {}
        for chunk in _chunks(sorted(batches), _CHUNK):
            query = select(_BATCHES.c.id, _BATCHES.c.file_name).where(
                _BATCHES.c.id.in_(chunk), _BATCHES.c.error_count > 0, _BATCHES.c.file_name != own
            )
            for batch, name in connection.execute(query):
                found[batch] = name
        return found

    def _subscription_ids(self, subscriptions: Sequence[SubscriptionCells]) -> dict[str, int]:
        """The id of each subscription, matched by its id or created (with its customer)."""
        connection = self._connection
        ids: dict[str, int] = {
            external: row_id
            for row_id, external in connection.execute(
                select(_SUBSCRIPTIONS.c.id, _SUBSCRIPTIONS.c.external_id)
            )
        }
        new = [cells for cells in subscriptions if cells.external_id not in ids]
        if not new:
            return ids
        customer_ids = self._customer_ids(new)
        values = [
            {
                "external_id": cells.external_id,
                "customer_id": customer_ids[id(cells)],
                "workload": cells.workload,
                "association": cells.association,
                "associated_on": cells.associated_on,
                "started_on": cells.started_on,
                "ended_on": None,
                "trial": cells.trial,
                "import_batch_id": self.batch_id,
            }
            for cells in new
        ]
        for chunk in _chunks(values, _CHUNK):
            created = connection.execute(
                insert(_SUBSCRIPTIONS).returning(_SUBSCRIPTIONS.c.id, _SUBSCRIPTIONS.c.external_id),
                chunk,
            )
            ids.update({external: row_id for row_id, external in created})
        self.subscriptions_added += len(new)
        return ids

    def _customer_ids(self, subscriptions: Sequence[SubscriptionCells]) -> dict[int, int]:
        """Per new subscription (by ``id()``): its customer, by tenant id, then name, else new."""
        connection = self._connection
        by_tenant: dict[str, int] = {}
        by_name: dict[str, int] = {}
        by_folded: dict[str, int] = {}
        for row_id, name, tenant in connection.execute(
            select(_CUSTOMERS.c.id, _CUSTOMERS.c.name, _CUSTOMERS.c.tenant_id)
        ):
            if tenant:
                by_tenant.setdefault(tenant.casefold(), row_id)
            by_name[name] = row_id
            by_folded.setdefault(name.casefold(), row_id)
        found: dict[int, int] = {}
        for cells in subscriptions:
            name = cells.customer or cells.tenant_id
            tenant = cells.tenant_id.casefold()
            customer = (
                (by_tenant.get(tenant) if tenant else None)
                or by_name.get(name)
                or by_folded.get(name.casefold())
            )
            if customer is None:
                customer = connection.execute(
                    insert(_CUSTOMERS)
                    .values(
                        name=name, tenant_id=cells.tenant_id or None, import_batch_id=self.batch_id
                    )
                    .returning(_CUSTOMERS.c.id)
                ).scalar_one()
                self.customers_added += 1
                by_name[name] = by_folded[name.casefold()] = customer
                if tenant:
                    by_tenant[tenant] = customer
            found[id(cells)] = customer
        return found

    def _stored_rows(
        self, subscription_ids: set[int], sources: set[str]
    ) -> dict[_Key, tuple[dict[str, Any], _Figures]]:
        """The stored rows of ``sources`` for ``subscription_ids``, by key, with their figures."""
        found: dict[_Key, tuple[dict[str, Any], _Figures]] = {}
        for chunk in _chunks(sorted(sources), _CHUNK):
            query = select(_USAGE).where(_USAGE.c.source.in_(chunk))
            for row in self._connection.execute(query):
                if row.subscription_id not in subscription_ids:
                    continue
                key = (row.subscription_id, row.month, row.service, row.source)
                figures = (row.consumption_usd, row.revenue_usd, row.active_users, row.paid_seats)
                found[key] = (dict(row._mapping), figures)
        return found

    def _replace(self, old: dict[_Key, tuple[dict[str, Any], _Figures]]) -> None:
        """Moves ``old`` rows out of ``usage`` into ``replaced_usage`` under this batch."""
        if not old:
            return
        # The columns replaced_usage keeps (a row put back gets a new version, as any
        # row written again does).
        columns = set(_REPLACED.c.keys())
        kept = [
            {
                **{
                    name: value
                    for name, value in row.items()
                    if name in columns and name not in ("id", "import_batch_id")
                },
                "usage_id": row["id"],
                "origin_batch_id": row["import_batch_id"],
                "import_batch_id": self.batch_id,
            }
            for row, _figures in old.values()
        ]
        self._connection.execute(insert(_REPLACED), kept)
        ids = [row["usage_id"] for row in kept]
        for chunk in _chunks(ids, _CHUNK):
            self._connection.execute(delete(_USAGE).where(_USAGE.c.id.in_(chunk)))
        self.replaced += len(kept)

    def _insert(self, values: list[tuple[Any, ...]]) -> None:
        if not values:
            return
        self.added += len(values)
        connection = self._connection
        if is_sqlite(connection):
            marks = ", ".join("?" * (len(_USAGE_COLUMNS) + 1))
            sql = f"INSERT INTO usage ({', '.join(_USAGE_COLUMNS)}, version) VALUES ({marks})"
            connection.exec_driver_sql(sql, values)
            return
        connection.execute(
            insert(_USAGE), [dict(zip(_USAGE_COLUMNS, row, strict=True)) for row in values]
        )


def _count_changes(
    month: _MonthFigures,
    figures: _Figures,
    before: tuple[dict[str, Any], _Figures] | None,
    *,
    held: bool,
) -> None:
    """Adds to ``month`` what a file row changes under each choice (money, US$): added, a
    row the stored one holds already adds nothing; replaced, the file's row takes the
    stored one's place."""
    amount = figures[0] + figures[1]
    if before is None:
        month.added += amount
        month.replaced += amount
        return
    month.replaced += amount - before[1][0] - before[1][1]
    if not held:
        month.added += amount


def _month_figures(
    rows: dict[_Key, tuple[dict[str, Any], _Figures]],
) -> dict[_Month, _MonthFigures]:
    """The services and money of each subscription's month among ``rows``."""
    months: dict[_Month, _MonthFigures] = {}
    for (subscription, month, service, _source), (_row, figures) in rows.items():
        place = (subscription, month)
        (months.get(place) or months.setdefault(place, _MonthFigures())).add(service, figures)
    return months


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
