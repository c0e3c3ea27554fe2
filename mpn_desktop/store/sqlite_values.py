"""Values of a SQLite file as SQLAlchemy's SQLite types give them, for readers using the driver.

``facts_sqlite`` and ``records_sqlite`` read plain SQLite files with the
sqlite3 driver alone (no SQLAlchemy, issue 15); each converts a column the
way the store's column type would: ISO days, money with its two decimals,
enum values, 0/1 flags. Tests compare both ways value for value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from mpn_desktop.domain.dates import Month


def day(value: str) -> date:
    """A ``Date`` column."""
    return date.fromisoformat(value)


def moment(value: str) -> datetime:
    """A ``DateTime`` column (stored as "2018-03-15 10:00:00.000000")."""
    return datetime.fromisoformat(value)


def money(value: float | int) -> Decimal:
    """A ``Numeric(14, 2)`` column: the stored number written with two decimals."""
    return Decimal(f"{value:.2f}")


def flag(value: int) -> bool:
    """A ``Boolean`` column (0 or 1)."""
    return bool(value)


def month(value: str) -> Month:
    """A usage month: its first day, stored as a ``Date``."""
    return Month.of(date.fromisoformat(value))


def member(kind: type[Enum]) -> Callable[[str], Enum]:
    """An enumeration column holding the enum's values."""
    return kind
