"""SQLAlchemy 2.x typed models of the tracker database, with its constraints in the schema."""

from __future__ import annotations

import enum
import random
import sys
from array import array
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, Relationship, mapped_column, relationship

from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)

# Named constraints: migrations can refer to them, and error messages name them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

MONEY = Numeric(14, 2)
"""US$ with cents; Decimal in Python, NUMERIC in the database."""


def enum_column(enum_type: type[enum.Enum], name: str) -> SqlEnum:
    """A portable enumeration column: VARCHAR holding the enum's values, with a CHECK."""
    return SqlEnum(
        enum_type,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        validate_strings=True,
        values_callable=lambda members: [member.value for member in members],
    )


def boolean_column(name: str) -> Boolean:
    """A true/false column; a CHECK keeps it to 0 and 1 where booleans are integers (SQLite)."""
    return Boolean(create_constraint=True, name=name)


def new_version(_previous: object = None) -> int:
    """A new version for a row that is written: random, never a count.

    A count would start again at 1 in rows a ``load --replace`` puts in, so a
    window still showing an old row of the same id and version could write
    over a different person. A random 62-bit number is not reused in practice.
    0 is left for rows written before versions existed (or by another tool).
    """
    # Python's own generator (seeded from the system, again after a fork): unique
    # enough and ten times quicker than secrets, which an import calls per row.
    return random.getrandbits(62) + 1


def new_versions(count: int) -> list[int]:
    """``count`` new versions at once, as ``new_version`` makes them, for a bulk write.

    One draw of random bytes read as 64-bit integers with their two top bits
    cleared: an import of a million rows would spend a fifth of a second
    calling ``new_version`` per row.
    """
    raw = bytearray(random.randbytes(8 * count))
    top = 7 if sys.byteorder == "little" else 0  # the most significant byte of each
    raw[top::8] = raw[top::8].translate(_LOW_SIX_BITS)
    versions = array("q", raw).tolist()
    if 0 in versions:  # 0 is left for rows written before versions existed
        versions = [version or new_version() for version in versions]
    return versions


_LOW_SIX_BITS = bytes(byte & 0x3F for byte in range(256))


def version_column() -> Mapped[int]:
    """The row's version (SQLAlchemy's ``version_id_col``): every UPDATE checks and renews it."""
    return mapped_column(BigInteger, default=new_version, server_default=text("0"))


def versioned(version: Mapped[int]) -> dict[str, object]:
    """The mapper arguments of a table whose rows carry ``version``."""
    return {"version_id_col": version, "version_id_generator": new_version}


def import_batch_column() -> Mapped[int | None]:
    """The import that created the row: undoing that import removes the row again."""
    return mapped_column(ForeignKey("import_batches.id"), index=True)


def owner_column(table: str) -> Mapped[int]:
    """The row's owner in ``table``: deleting the owner deletes the row (in the database)."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


def owned_rows(back_populates: str) -> Relationship[Any]:
    """The rows an owner holds; the database's cascade deletes them with it (passive)."""
    return relationship(
        back_populates=back_populates, cascade="all, delete-orphan", passive_deletes=True
    )


class Base(DeclarativeBase):
    """Declarative base of every table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Organization(Base):
    """The partner organisation (a single row)."""

    __tablename__ = "organization"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("name <> ''", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200))
    mpn_id: Mapped[str] = mapped_column(String(40), default="")
    market: Mapped[Market] = mapped_column(enum_column(Market, "market"), default=Market.DEVELOPED)
    anniversary: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)


class Target(Base):
    """A competency the organisation aims for, at a level (one per competency)."""

    __tablename__ = "targets"
    __table_args__ = (
        UniqueConstraint("competency"),
        CheckConstraint("competency <> ''", name="competency_not_empty"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competency: Mapped[str] = mapped_column(String(80))
    level: Mapped[Level] = mapped_column(enum_column(Level, "level"))


class DesignationTarget(Base):
    """A Solutions Partner designation the organisation aims for (one row per designation)."""

    __tablename__ = "designation_targets"
    __table_args__ = (
        UniqueConstraint("designation"),
        CheckConstraint("designation <> ''", name="designation_not_empty"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    designation: Mapped[str] = mapped_column(String(80))


class Customer(Base):
    """A customer, known to the user by name."""

    __tablename__ = "customers"
    __table_args__ = (
        UniqueConstraint("name"),
        CheckConstraint("name <> ''", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str | None] = mapped_column(String(80))
    import_batch_id: Mapped[int | None] = import_batch_column()
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)

    subscriptions: Mapped[list[Subscription]] = owned_rows("customer")


class Subscription(Base):
    """A customer's cloud subscription; ``external_id`` is the document's "id" (e.g. sub-1)."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("external_id"),
        CheckConstraint("external_id <> ''", name="external_id_not_empty"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(80))
    customer_id: Mapped[int] = owner_column("customers")
    workload: Mapped[Workload] = mapped_column(enum_column(Workload, "workload"))
    association: Mapped[Association] = mapped_column(enum_column(Association, "association"))
    associated_on: Mapped[date] = mapped_column(Date)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    trial: Mapped[bool] = mapped_column(boolean_column("trial_is_boolean"), default=False)
    import_batch_id: Mapped[int | None] = import_batch_column()
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)

    customer: Mapped[Customer] = relationship(back_populates="subscriptions")


class Usage(Base):
    """A subscription's figures for one month and one service ("" for the month's total).

    ``month`` is stored as the month's first day. ``source`` says where an
    imported row came from (the kind of file and its invoice, or the month):
    an import replaces the rows of its own sources, and rows typed in have "".
    """

    __tablename__ = "usage"
    __table_args__ = (
        UniqueConstraint("subscription_id", "month", "service", "source"),
        CheckConstraint("consumption_usd >= 0", name="consumption_not_negative"),
        CheckConstraint("revenue_usd >= 0", name="revenue_not_negative"),
        CheckConstraint("active_users >= 0", name="active_users_not_negative"),
        CheckConstraint("paid_seats >= 0", name="paid_seats_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = owner_column("subscriptions")
    month: Mapped[date] = mapped_column(Date)
    consumption_usd: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    revenue_usd: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    active_users: Mapped[int] = mapped_column(Integer, default=0)
    service: Mapped[str] = mapped_column(String(200), default="", server_default="")
    paid_seats: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    source: Mapped[str] = mapped_column(String(80), default="", server_default="")
    import_batch_id: Mapped[int | None] = import_batch_column()
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)


class ReplacedUsage(Base):
    """A usage row an import replaced, kept so that undoing the import puts it back exactly.

    ``usage_id`` and ``origin_batch_id`` are the row's own id and import
    batch (plain numbers: the row and that batch may be gone meanwhile).
    """

    __tablename__ = "replaced_usage"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_batch_id: Mapped[int] = owner_column("import_batches")
    usage_id: Mapped[int] = mapped_column(Integer)
    subscription_id: Mapped[int] = owner_column("subscriptions")
    month: Mapped[date] = mapped_column(Date)
    consumption_usd: Mapped[Decimal] = mapped_column(MONEY)
    revenue_usd: Mapped[Decimal] = mapped_column(MONEY)
    active_users: Mapped[int] = mapped_column(Integer)
    service: Mapped[str] = mapped_column(String(200))
    paid_seats: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(80))
    origin_batch_id: Mapped[int | None] = mapped_column(Integer)


class ImportBatch(Base):
    """One import of a file (exam records or usage), so that it can be listed and undone.

    ``kind`` is what was imported (``exams`` or ``usage``); ``source`` the
    kind of file it was recognised as (e.g. ``usage-recon``, ``sheet``).
    ``months_choice`` is what the user chose for the months a usage file brought
    only some services of (``add`` or ``replace``: ``usage_writing.MonthsChoice``);
    NULL when the import asked nothing (no such month, an exam import, or an import
    made before the question existed).
    """

    __tablename__ = "import_batches"
    __table_args__ = (
        CheckConstraint(
            "added_count >= 0 AND duplicate_count >= 0 AND error_count >= 0 "
            "AND people_added_count >= 0",
            name="counts_not_negative",
        ),
        CheckConstraint("kind IN ('exams', 'usage')", name="kind_known"),
        CheckConstraint("months_choice IN ('add', 'replace')", name="months_choice_known"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime)  # UTC, naive
    added_count: Mapped[int] = mapped_column(Integer, default=0)
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    people_added_count: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(16), default="exams", server_default="exams")
    source: Mapped[str] = mapped_column(String(40), default="", server_default="")
    replaced_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    customers_added_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    subscriptions_added_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    months_choice: Mapped[str | None] = mapped_column(String(16))


class Person(Base):
    """An individual of the organisation, known by MCP ID (unique)."""

    __tablename__ = "people"
    __table_args__ = (
        UniqueConstraint("mcp_id"),
        CheckConstraint("mcp_id <> ''", name="mcp_id_not_empty"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    mcp_id: Mapped[str] = mapped_column(String(40))
    associated: Mapped[bool] = mapped_column(boolean_column("associated_is_boolean"), default=True)
    left_on: Mapped[date | None] = mapped_column(Date)
    import_batch_id: Mapped[int | None] = import_batch_column()
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)

    exams: Mapped[list[ExamResult]] = owned_rows("person")


class ExamResult(Base):
    """An exam, assessment or certification a person passed (once per code and day)."""

    __tablename__ = "exam_results"
    __table_args__ = (
        # A unique index, not a table constraint, so that SQLite may drop it for
        # the bulk insert of a first import and build it once afterwards (0010).
        Index(
            "uq_exam_results_person_id_exam_code_passed_on",
            "person_id",
            "exam_code",
            "passed_on",
            unique=True,
        ),
        CheckConstraint("exam_code <> ''", name="exam_code_not_empty"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index of its own: the unique key starts with it, and serves look-ups by
    # person and the cascade from people (one B-tree fewer to update per record).
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    exam_code: Mapped[str] = mapped_column(String(80))
    exam_title: Mapped[str] = mapped_column(String(300), default="")
    passed_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[CredentialKind] = mapped_column(
        enum_column(CredentialKind, "credential_kind"), default=CredentialKind.EXAM
    )
    import_batch_id: Mapped[int | None] = import_batch_column()
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)

    person: Mapped[Person] = relationship(back_populates="exams")


class Reference(Base):
    """A customer reference for one competency, with its workflow status and dates."""

    __tablename__ = "customer_references"
    __table_args__ = (
        CheckConstraint("competency <> ''", name="competency_not_empty"),
        CheckConstraint(
            "approved_on IS NULL OR submitted_on IS NULL OR approved_on >= submitted_on",
            name="approved_after_submitted",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = owner_column("customers")
    competency: Mapped[str] = mapped_column(String(80))
    status: Mapped[ReferenceStatus] = mapped_column(
        enum_column(ReferenceStatus, "reference_status")
    )
    submitted_on: Mapped[date | None] = mapped_column(Date)
    approved_on: Mapped[date | None] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)


class FeePayment(Base):
    """A competency fee paid for the membership year starting on ``membership_year_start``."""

    __tablename__ = "fee_payments"
    __table_args__ = (CheckConstraint("amount_usd >= 0", name="amount_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    membership_year_start: Mapped[date] = mapped_column(Date)
    level: Mapped[Level] = mapped_column(enum_column(Level, "level"))
    amount_usd: Mapped[Decimal] = mapped_column(MONEY)
    paid_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = version_column()
    __mapper_args__ = versioned(version)


class ChangeLogEntry(Base):
    """One committed write: when (UTC, naive), the database user, the record kinds it touched."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    db_user: Mapped[str] = mapped_column(String(128))
    kinds: Mapped[str] = mapped_column(String(300))  # comma-separated RecordKind values
    records: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The rows the write changed or deleted one by one, as ',people:5,customers:3,'
    ("" for bulk writes: a load, an import); a refusal names who changed that very row."""


ALL_MODELS: tuple[type[Base], ...] = (
    Organization,
    Target,
    DesignationTarget,
    Customer,
    Subscription,
    Usage,
    ImportBatch,
    ReplacedUsage,
    Person,
    ExamResult,
    Reference,
    FeePayment,
    ChangeLogEntry,
)


VERSIONED_MODELS: tuple[type[Base], ...] = tuple(
    model for model in ALL_MODELS if "version" in model.__table__.columns
)
"""The tables whose rows carry a version (every table a user edits row by row)."""


def column_names(model: type[Base]) -> list[str]:
    """The model's column attribute names, in table order."""
    table: Any = model.__table__
    return [column.key for column in table.columns]
