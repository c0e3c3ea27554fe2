"""The rows an import hands to the store: exam records and usage months, checked and ready.

Importers build these (after every check of a file's cells); the store's
writers (``exam_writing``, ``usage_writing``) only store them.
"""

from __future__ import annotations

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


ExamValues = tuple[int, PersonCells, ExamCells, date]
"""An ``ExamRow``'s values as a plain tuple, as the validator hands rows on in bulk:
made by ``zip`` in C, where a named tuple per row cost 0.3 s a million rows."""


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
