"""The subscriptions of an organisation held by column (``column_rows``), and ``Subscription``.

The rules read a few fields of every subscription once per evaluation (its
id, workload, association, days and whether it is a trial) and name a few in
the evidence; a ``Subscription`` per row was made at every load.
``SubscriptionRows`` keeps a tuple per field and reads as the tuple of
``Subscription`` it stands for; records are made when someone reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from mpn_desktop.domain.column_rows import ColumnRows
from mpn_desktop.domain.enums import Association, Workload


@dataclass(slots=True, unsafe_hash=True)
class Subscription:
    """A customer's cloud subscription and how the partner is associated with it."""

    id: str
    customer: str
    workload: Workload
    association: Association
    associated_on: date
    started_on: date
    ended_on: date | None = None
    trial: bool = False


class SubscriptionColumns(NamedTuple):
    """One tuple per field of ``Subscription``, in its order, each as long as the rows."""

    id: tuple[str, ...]
    customer: tuple[str, ...]
    workload: tuple[Workload, ...]
    association: tuple[Association, ...]
    associated_on: tuple[date, ...]
    started_on: tuple[date, ...]
    ended_on: tuple[date | None, ...]
    trial: tuple[bool, ...]


class SubscriptionRows(ColumnRows[Subscription, SubscriptionColumns]):
    """Subscriptions by column, read as the tuple of ``Subscription`` they stand for."""

    __slots__ = ()

    record = Subscription
    columns_type = SubscriptionColumns


EMPTY_SUBSCRIPTIONS = SubscriptionRows()
"""No subscriptions."""
