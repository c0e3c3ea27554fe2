"""Which fields each kind of record has, how each is checked, and what depends on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)
from mpn_desktop.store import values
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.values import Parser

if TYPE_CHECKING:
    from mpn_desktop.store import models


class ValueKind(Enum):
    """What sort of value a field holds, read off its parser: forms choose their editor by it."""

    TEXT = "text"
    MCP_ID = "mcp id"
    MPN_ID = "mpn id"
    DAY = "day"
    MONTH = "month"
    MONEY = "money"
    COUNT = "count"
    FLAG = "flag"
    CHOICE = "choice"
    RECORD = "record"


_KIND_OF_PARSER: dict[Parser, ValueKind] = {
    values.mcp_id: ValueKind.MCP_ID,
    values.mpn_id: ValueKind.MPN_ID,
    values.day: ValueKind.DAY,
    values.optional_day: ValueKind.DAY,
    values.month: ValueKind.MONTH,
    values.money: ValueKind.MONEY,
    values.count: ValueKind.COUNT,
    values.flag: ValueKind.FLAG,
    values.record_id: ValueKind.RECORD,
}


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: its parser, whether it must be given, and its default.

    The one declaration of a field: the store checks values with it, and the
    window's tables and forms take the kind of value, whether it is required
    and the choices of an enum from it (the tabs add only labels and widgets).
    """

    parse: Parser
    required: bool = False
    default: object = None

    @property
    def value(self) -> ValueKind:
        """The sort of value the field holds (text unless its parser says more)."""
        if isinstance(self.parse, values.Choice):
            return ValueKind.CHOICE
        return _KIND_OF_PARSER.get(self.parse, ValueKind.TEXT)

    @property
    def enum(self) -> type[Enum] | None:
        """The enum a choice field takes its members from."""
        return self.parse.enum if isinstance(self.parse, values.Choice) else None


@dataclass(frozen=True)
class KindSpec:
    """A kind of record: its table, fields, the record kinds it refers to and its dependants."""

    model_name: str
    """Its ORM class in ``store.models``, by name: the window reads the fields without
    importing SQLAlchemy's ORM (start-up paints before loading it, issue 15)."""
    label: str
    fields: dict[str, FieldSpec]
    references: dict[str, RecordKind] = field(default_factory=dict)
    dependants: tuple[tuple[RecordKind, str], ...] = ()

    @cached_property
    def model(self) -> type[models.Base]:
        """The ORM class of the kind's table (imports the ORM on first use)."""
        from mpn_desktop.store import models

        model: type[models.Base] = getattr(models, self.model_name)
        return model


_LABELS = {
    "mpn_id": "MPN ID",
    "mcp_id": "MCP ID",
    "email": "E-mail",  # the window's column, and the importer's "e-mail"
    "external_id": "Subscription ID",
    "tenant_id": "Tenant ID",
    "customer_id": "Customer",
    "person_id": "Person",
    "subscription_id": "Subscription",
    "import_batch_id": "Import",
    "consumption_usd": "Consumption (US$)",
    "revenue_usd": "Revenue (US$)",
    "amount_usd": "Amount (US$)",
    "exam_code": "Exam code",
    "exam_title": "Exam title",
    "membership_year_start": "Membership year from",
}


def field_label(name: str) -> str:
    """A field as the window names it: "approved_on" -> "Approved on", "mcp_id" -> "MCP ID".

    Messages of the store name fields this way, so no column name reaches a user.
    """
    return _LABELS.get(name) or name.replace("_", " ").capitalize()


def _required(parse: Parser) -> FieldSpec:
    return FieldSpec(parse, required=True)


SPECS: dict[RecordKind, KindSpec] = {
    RecordKind.ORGANIZATION: KindSpec(
        "Organization",
        "organisation",
        {
            "name": _required(values.text(200)),
            "mpn_id": FieldSpec(values.mpn_id, default=""),
            "market": FieldSpec(values.choice(Market), default=Market.DEVELOPED),
            "anniversary": FieldSpec(values.optional_day),
        },
    ),
    RecordKind.TARGET: KindSpec(
        "Target",
        "target",
        {
            "competency": _required(values.text(80)),
            "level": _required(values.choice(Level)),
        },
    ),
    RecordKind.CUSTOMER: KindSpec(
        "Customer",
        "customer",
        {
            "name": _required(values.text(200)),
            "tenant_id": FieldSpec(values.optional_text(80)),
        },
        dependants=(
            (RecordKind.SUBSCRIPTION, "customer_id"),
            (RecordKind.REFERENCE, "customer_id"),
        ),
    ),
    RecordKind.SUBSCRIPTION: KindSpec(
        "Subscription",
        "subscription",
        {
            "external_id": _required(values.text(80)),
            "customer_id": _required(values.record_id),
            "workload": _required(values.choice(Workload)),
            "association": _required(values.choice(Association)),
            "associated_on": _required(values.day),
            "started_on": _required(values.day),
            "ended_on": FieldSpec(values.optional_day),
            "trial": FieldSpec(values.flag, default=False),
        },
        references={"customer_id": RecordKind.CUSTOMER},
        dependants=((RecordKind.USAGE, "subscription_id"),),
    ),
    RecordKind.USAGE: KindSpec(
        "Usage",
        "usage",
        {
            "subscription_id": _required(values.record_id),
            "month": _required(values.month),
            "consumption_usd": FieldSpec(values.money, default=values.money(0)),
            "revenue_usd": FieldSpec(values.money, default=values.money(0)),
            "active_users": FieldSpec(values.count, default=0),
            "service": FieldSpec(values.text(200, required=False), default=""),
            "paid_seats": FieldSpec(values.count, default=0),
        },
        references={"subscription_id": RecordKind.SUBSCRIPTION},
    ),
    RecordKind.PERSON: KindSpec(
        "Person",
        "person",
        {
            "name": FieldSpec(values.text(200, required=False), default=""),
            "email": FieldSpec(values.text(320, required=False), default=""),
            "mcp_id": _required(values.mcp_id),
            "associated": FieldSpec(values.flag, default=True),
            "left_on": FieldSpec(values.optional_day),
        },
        dependants=((RecordKind.EXAM, "person_id"),),
    ),
    RecordKind.EXAM: KindSpec(
        "ExamResult",
        "exam result",
        {
            "person_id": _required(values.record_id),
            "exam_code": _required(values.text(80)),
            "exam_title": FieldSpec(values.text(300, required=False), default=""),
            "passed_on": _required(values.day),
            "kind": FieldSpec(values.choice(CredentialKind), default=CredentialKind.EXAM),
        },
        references={"person_id": RecordKind.PERSON},
    ),
    RecordKind.REFERENCE: KindSpec(
        "Reference",
        "reference",
        {
            "customer_id": _required(values.record_id),
            "competency": _required(values.text(80)),
            "status": FieldSpec(values.choice(ReferenceStatus), default=ReferenceStatus.DRAFT),
            "submitted_on": FieldSpec(values.optional_day),
            "approved_on": FieldSpec(values.optional_day),
            "contact": FieldSpec(values.text(2000, required=False, multiline=True), default=""),
        },
        references={"customer_id": RecordKind.CUSTOMER},
    ),
    RecordKind.FEE_PAYMENT: KindSpec(
        "FeePayment",
        "fee payment",
        {
            "membership_year_start": _required(values.day),
            "level": _required(values.choice(Level)),
            "amount_usd": _required(values.money),
            "paid_on": FieldSpec(values.optional_day),
        },
    ),
    RecordKind.IMPORT_BATCH: KindSpec(
        "ImportBatch",
        "import",
        {
            "file_name": _required(values.text(500)),
            "sha256": _required(values.text(64)),
            "added_count": FieldSpec(values.count, default=0),
            "duplicate_count": FieldSpec(values.count, default=0),
            "error_count": FieldSpec(values.count, default=0),
            "people_added_count": FieldSpec(values.count, default=0),
        },
        dependants=((RecordKind.EXAM, "import_batch_id"),),
    ),
}


def text_limit(kind: RecordKind, name: str) -> int:
    """The most characters the database keeps in a text field: its column's length.

    Importers check a file's values against it, so a value too long is an
    error of its line, named there, and never a failed write.
    """
    column = SPECS[kind].model.__table__.c[name]
    length = getattr(column.type, "length", None)
    if not isinstance(length, int):
        raise TypeError(f"{kind.name}.{name} is not a text column of limited length")
    return length
