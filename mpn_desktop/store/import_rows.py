"""The rows an import hands to the store: exam records and usage months, checked and ready.

Importers build these (after every check of a file's cells); the store's
writers (``exam_writing``, ``usage_writing``) only store them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from mpn_desktop.domain.enums import Association, CredentialKind, Workload


class PersonCells(NamedTuple):
    """The person a record names, checked: MCP ID, name (first and last joined) and email."""

    mcp_id: str
    name: str
    email: str


class ExamCells(NamedTuple):
    """The credential a record names, checked: normalised code, title, kind, catalogue knows it."""

    code: str
    title: str
    kind: CredentialKind
    known: bool


class ExamRow(NamedTuple):
    """An exam result read from one record, ready to store.

    The person and the exam are shared by every record whose cells read the
    same (exports repeat both on most lines), so a row costs one small tuple.
    """

    line: int
    person: PersonCells
    exam: ExamCells
    passed_on: date


@dataclass(slots=True)
class ExamColumns:
    """A batch of checked exam records, column by column, in file order.

    The validator's lists are handed on whole: a record's parts are found by
    look-ups over a whole batch (``map`` runs the loop in C), and the writer
    reads each column as it stores it, so no object is made per record.
    """

    lines: Sequence[int]
    people: list[PersonCells]
    exams: list[ExamCells]
    days: list[date]
    codes: list[str]
    """Each exam's code (read by the unknown codes' count and the writer)."""

    def __len__(self) -> int:
        return len(self.people)

    def rows(self) -> list[ExamRow]:
        """The records one by one (where a few need looking at, or a writer takes rows)."""
        return list(map(ExamRow, self.lines, self.people, self.exams, self.days))

    def row(self, index: int) -> ExamRow:
        """The ``index``-th record of the batch."""
        return ExamRow(self.lines[index], self.people[index], self.exams[index], self.days[index])


class SubscriptionCells(NamedTuple):
    """A subscription an import names: matched by id, else created with these values.

    Its customer is matched by tenant id, then by name, else created.
    """

    external_id: str
    customer: str
    tenant_id: str
    workload: Workload
    association: Association
    associated_on: date
    started_on: date
    trial: bool


class UsageRow(NamedTuple):
    """One usage row to store: a subscription's month (first day) for one service and source."""

    subscription: str
    month: date
    service: str
    source: str
    consumption_usd: Decimal
    revenue_usd: Decimal
    active_users: int
    paid_seats: int
