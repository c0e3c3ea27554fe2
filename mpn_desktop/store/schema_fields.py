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
from mpn_desktop.domain.vocabulary import N_, _
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
    """One record of the kind as messages name it ("customer")."""
    several: str
    """Several records of the kind as messages name them ("customers")."""
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
    # Every field a record kind has, as the window's columns name it (the German is
    # the domain catalogue's, resources/translations/mpn_desktop_domain_de.po).
    "active_users": N_("Active users"),
    "added_count": N_("Added count"),
    "amount_usd": N_("Amount (US$)"),
    "anniversary": N_("Anniversary"),
    "approved_on": N_("Approved on"),
    "associated": N_("Associated"),
    "associated_on": N_("Associated on"),
    "association": N_("Association"),
    "competency": N_("Competency"),
    "consumption_usd": N_("Consumption (US$)"),
    "contact": N_("Contact"),
    "customer_id": N_("Customer"),
    "duplicate_count": N_("Duplicate count"),
    "email": N_("E-mail"),  # the window's column, and the importer's "e-mail"
    "ended_on": N_("Ended on"),
    "error_count": N_("Error count"),
    "exam_code": N_("Exam code"),
    "exam_title": N_("Exam title"),
    "external_id": N_("Subscription ID"),
    "file_name": N_("File name"),
    "import_batch_id": N_("Import"),
    "kind": N_("Kind"),
    "left_on": N_("Left on"),
    "level": N_("Level"),
    "market": N_("Market"),
    "mcp_id": N_("MCP ID"),
    "membership_year_start": N_("Membership year from"),
    "month": N_("Month"),
    "mpn_id": N_("MPN ID"),
    "name": N_("Name"),
    "paid_on": N_("Paid on"),
    "paid_seats": N_("Paid seats"),
    "passed_on": N_("Passed on"),
    "people_added_count": N_("People added count"),
    "person_id": N_("Person"),
    "revenue_usd": N_("Revenue (US$)"),
    "service": N_("Service"),
    "sha256": N_("SHA-256"),
    "started_on": N_("Started on"),
    "status": N_("Status"),
    "submitted_on": N_("Submitted on"),
    "subscription_id": N_("Subscription"),
    "tenant_id": N_("Tenant ID"),
    "trial": N_("Trial"),
    "workload": N_("Workload"),
}


def field_label(name: str) -> str:
    """A field as the window names it: "approved_on" -> "Approved on", "mcp_id" -> "MCP ID".

    Messages of the store name fields this way, so no column name reaches a user.
    """
    label = _LABELS.get(name)
    return _(label) if label else name.replace("_", " ").capitalize()


def _required(parse: Parser) -> FieldSpec:
    return FieldSpec(parse, required=True)


SPECS: dict[RecordKind, KindSpec] = {
    RecordKind.ORGANIZATION: KindSpec(
        "Organization",
        N_("organisation"),
        N_("organisations"),
        {
            "name": _required(values.text(200)),
            "mpn_id": FieldSpec(values.mpn_id, default=""),
            "market": FieldSpec(values.choice(Market), default=Market.DEVELOPED),
            "anniversary": FieldSpec(values.optional_day),
        },
    ),
    RecordKind.TARGET: KindSpec(
        "Target",
        N_("target"),
        N_("targets"),
        {
            "competency": _required(values.text(80)),
            "level": _required(values.choice(Level)),
        },
    ),
    RecordKind.CUSTOMER: KindSpec(
        "Customer",
        N_("customer"),
        N_("customers"),
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
        N_("subscription"),
        N_("subscriptions"),
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
        N_("usage"),
        # Usage is one record in a message ("Edit usage"), several are usage records.
        N_("usage records"),
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
        N_("person"),
        N_("people"),
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
        N_("exam result"),
        N_("exam results"),
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
        N_("reference"),
        N_("references"),
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
        N_("fee payment"),
        N_("fee payments"),
        {
            "membership_year_start": _required(values.day),
            "level": _required(values.choice(Level)),
            "amount_usd": _required(values.money),
            "paid_on": FieldSpec(values.optional_day),
        },
    ),
    RecordKind.IMPORT_BATCH: KindSpec(
        "ImportBatch",
        N_("import"),
        N_("imports"),
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
