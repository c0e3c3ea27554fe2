"""The people of an organisation held by column (``column_rows``), and ``Person``.

A large organisation has thousands of people; loading them made a
``Person`` per row that the rules never needed: the people index reads
who counts from the MCP ID, association and leaving-day columns.
``PeopleRows`` keeps a tuple per field of ``Person`` and reads as the tuple
of ``Person`` it stands for; records are made when someone reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from mpn_desktop.domain.column_rows import ColumnRows


@dataclass(slots=True, unsafe_hash=True)
class Person:
    """An individual of the organisation, known by MCP ID."""

    name: str
    mcp_id: str
    email: str = ""
    associated: bool = True
    left_on: date | None = None


class PeopleColumns(NamedTuple):
    """One tuple per field of ``Person``, in its order, each as long as the rows."""

    name: tuple[str, ...]
    mcp_id: tuple[str, ...]
    email: tuple[str, ...]
    associated: tuple[bool, ...]
    left_on: tuple[date | None, ...]


class PeopleRows(ColumnRows[Person, PeopleColumns]):
    """People by column, read as the tuple of ``Person`` they stand for (never changed)."""

    __slots__ = ()

    record = Person
    columns_type = PeopleColumns


EMPTY_PEOPLE = PeopleRows()
"""No people."""
