"""The customers of an organisation held by column (``column_rows``), and ``Customer``.

The rules never read the customers themselves (subscriptions and references
carry their customer's name); a ``Customer`` per row was made at every load
for the export and the one-row updates alone. ``CustomerRows`` keeps a tuple
per field and reads as the tuple of ``Customer`` it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from mpn_desktop.domain.column_rows import ColumnRows


@dataclass(frozen=True, slots=True)
class Customer:
    """A customer of the partner (referred to by name)."""

    name: str
    tenant_id: str | None = None


class CustomerColumns(NamedTuple):
    """One tuple per field of ``Customer``, in its order, each as long as the rows."""

    name: tuple[str, ...]
    tenant_id: tuple[str | None, ...]


class CustomerRows(ColumnRows[Customer, CustomerColumns]):
    """Customers by column, read as the tuple of ``Customer`` they stand for (never changed)."""

    __slots__ = ()

    record = Customer
    columns_type = CustomerColumns


EMPTY_CUSTOMERS = CustomerRows()
"""No customers."""
