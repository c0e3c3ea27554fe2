"""The customer references of an organisation held by column (``column_rows``), and ``Reference``.

The rules read each reference's competency, status and day of approval once
per evaluation and name the customers of those that count in the evidence;
a ``Reference`` per row was made at every load (and left for the collector).
``ReferenceRows`` keeps a tuple per field and reads as the tuple of
``Reference`` it stands for; records are made when someone reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from mpn_desktop.domain.column_rows import ColumnRows
from mpn_desktop.domain.enums import ReferenceStatus


@dataclass(slots=True, unsafe_hash=True)
class Reference:
    """A customer reference for one competency."""

    customer: str
    competency: str
    status: ReferenceStatus
    submitted_on: date | None = None
    approved_on: date | None = None
    contact: str = ""


class ReferenceColumns(NamedTuple):
    """One tuple per field of ``Reference``, in its order, each as long as the rows."""

    customer: tuple[str, ...]
    competency: tuple[str, ...]
    status: tuple[ReferenceStatus, ...]
    submitted_on: tuple[date | None, ...]
    approved_on: tuple[date | None, ...]
    contact: tuple[str, ...]


class ReferenceRows(ColumnRows[Reference, ReferenceColumns]):
    """References by column, read as the tuple of ``Reference`` they stand for."""

    __slots__ = ()

    record = Reference
    columns_type = ReferenceColumns


EMPTY_REFERENCES = ReferenceRows()
"""No references."""
