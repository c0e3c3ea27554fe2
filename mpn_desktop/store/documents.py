"""The whole organisation as one ``mpn-desktop/1`` JSON document: export and load.

Load checks the entire document first (``document_check``) and then writes it
in ONE transaction, so an error or a crash leaves the database as it was.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, exists, insert, select

from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.json_reading import json_value, utf8_text
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import ValidationError
from mpn_desktop.input_files import read_input
from mpn_desktop.shown import shown_path
from mpn_desktop.store import models
from mpn_desktop.store.changes import Change, OpResult
from mpn_desktop.store.database import Database
from mpn_desktop.store.document_check import FORMAT, CheckedDocument, check_document
from mpn_desktop.store.user_files import write_user_file
from mpn_desktop.store.values import to_json

_T: dict[str, Any] = {model.__tablename__: model.__table__ for model in models.ALL_MODELS}

_USAGE_OPTIONAL = (("service", ""), ("paid_seats", 0), ("source", ""))
"""Keys of a usage row left out of a document when they hold these values."""

# Children first, for deleting everything: the order the tables' foreign keys give (a
# hand-written one deleted the import batches before the customers naming them). The change
# log is kept: it is the database's history, not a record of the organisation.
_DELETE_ORDER = tuple(
    table.name
    for table in reversed(models.Base.metadata.sorted_tables)
    if table.name != models.ChangeLogEntry.__tablename__
)


def export_document(db: Database) -> dict[str, Any]:
    """The whole organisation as the export document of DESIGN.md (JSON-ready values)."""
    with db.session(readonly=True) as session:
        return _export(session.connection())


def _rows(connection: Connection, query: Any) -> list[dict[str, Any]]:
    return [
        {key: to_json(value) for key, value in row._mapping.items()}
        for row in connection.execute(query)
    ]


def _in_order(
    connection: Connection, table: Any, *columns: Any, owner: tuple[Any, Any] | None = None
) -> list[dict[str, Any]]:
    """``columns`` of ``table``'s rows in the order they were written (by id); ``owner``,
    a table and ``table``'s column of its id, adds the columns of the owner each row names."""
    query = select(*columns)
    if owner is not None:
        owner_table, key = owner
        query = query.join(owner_table, owner_table.c.id == key)
    return _rows(connection, query.order_by(table.c.id))


def _export(connection: Connection) -> dict[str, Any]:
    org, targets, customers = _T["organization"], _T["targets"], _T["customers"]
    designations = _T["designation_targets"]
    subs, usage, people = _T["subscriptions"], _T["usage"], _T["people"]
    exams, refs, fees = _T["exam_results"], _T["customer_references"], _T["fee_payments"]
    organization = _rows(
        connection, select(org.c.name, org.c.mpn_id, org.c.market, org.c.anniversary)
    )
    usage_rows = _in_order(
        connection,
        usage,
        subs.c.external_id.label("subscription"),
        usage.c.month,
        usage.c.consumption_usd,
        usage.c.revenue_usd,
        usage.c.active_users,
        usage.c.service,
        usage.c.paid_seats,
        usage.c.source,
        owner=(subs, usage.c.subscription_id),
    )
    for row in usage_rows:
        row["month"] = row["month"][:7]  # stored as the month's first day
        # Written only when set, so a document of usage typed in reads as before.
        for key, unset in _USAGE_OPTIONAL:
            if row[key] == unset:
                del row[key]
    return {
        "format": FORMAT,
        "organization": organization[0] if organization else None,
        "targets": _in_order(connection, targets, targets.c.competency, targets.c.level)
        + _in_order(connection, designations, designations.c.designation),
        "customers": _in_order(connection, customers, customers.c.name, customers.c.tenant_id),
        "subscriptions": _in_order(
            connection,
            subs,
            subs.c.external_id.label("id"),
            customers.c.name.label("customer"),
            subs.c.workload,
            subs.c.association,
            subs.c.associated_on,
            subs.c.started_on,
            subs.c.ended_on,
            subs.c.trial,
            owner=(customers, subs.c.customer_id),
        ),
        "usage": usage_rows,
        "people": _in_order(
            connection,
            people,
            people.c.name,
            people.c.email,
            people.c.mcp_id,
            people.c.associated,
            people.c.left_on,
        ),
        "exams": _in_order(
            connection,
            exams,
            people.c.mcp_id,
            exams.c.exam_code,
            exams.c.exam_title,
            exams.c.passed_on,
            exams.c.kind,
            owner=(people, exams.c.person_id),
        ),
        "references": _in_order(
            connection,
            refs,
            customers.c.name.label("customer"),
            refs.c.competency,
            refs.c.status,
            refs.c.submitted_on,
            refs.c.approved_on,
            refs.c.contact,
            owner=(customers, refs.c.customer_id),
        ),
        "fee_payments": _in_order(
            connection,
            fees,
            fees.c.membership_year_start,
            fees.c.level,
            fees.c.amount_usd,
            fees.c.paid_on,
        ),
    }


def is_empty(connection: Connection) -> bool:
    """Whether the database holds no record at all."""
    return not any(
        connection.execute(select(exists().select_from(_T[name]))).scalar()
        for name in _DELETE_ORDER
    )


def _holds_organisation(connection: Connection) -> bool:
    """Whether an organisation was entered (records may have been imported before one)."""
    return bool(connection.execute(select(exists().select_from(_T["organization"]))).scalar())


def what_it_holds(connection: Connection) -> str:
    """What a database that is not empty holds, as a refusal to write over it says it."""
    if _holds_organisation(connection):
        return _("the database already holds an organisation")
    return _("the database already holds records (no organisation yet)")


def load_document(
    db: Database,
    doc: Any,
    replace: bool = False,
    *,
    competencies: Collection[str] | None = None,
    source: str | None = None,
) -> OpResult[None]:
    """Writes a whole document after checking all of it; refuses a non-empty database
    unless ``replace`` (then everything, imports included, is replaced).

    ``competencies`` (the catalogue's ids) and ``source`` (the file's name) go
    to ``check_document``.
    """
    checked = check_document(doc, competencies, source)
    with db.session() as session:
        connection = session.connection()
        if not is_empty(connection):
            if not replace:
                raise ValidationError(
                    _(
                        "{holds}; nothing was written. "
                        "Load with --replace to replace everything in it."
                    ).format(holds=what_it_holds(connection))
                )
            for name in _DELETE_ORDER:
                connection.execute(delete(_T[name]))
        _write(connection, checked)
    return OpResult(None, Change.everything("Load organisation"))


def _ids(rows: list[dict[str, Any]], key: str) -> dict[Any, int]:
    return {row[key]: index for index, row in enumerate(rows, start=1)}


def _numbered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """New rows with their "id" from 1 in order, the numbers ``_ids`` gives them."""
    return [{"id": index, **row} for index, row in enumerate(rows, start=1)]


def _linked(
    rows: list[dict[str, Any]], key: str, ids: dict[Any, int], column: str
) -> list[dict[str, Any]]:
    """New rows with the document's ``key`` (a name or an id) replaced by ``column``, the
    number of the row it names (``ids``)."""
    return [{column: ids[row[key]], **{k: v for k, v in row.items() if k != key}} for row in rows]


def _write(connection: Connection, doc: CheckedDocument) -> None:
    sections = doc.sections
    if doc.organization is not None:
        connection.execute(insert(_T["organization"]), [{"id": 1, **doc.organization}])
    customer_ids = _ids(sections["customers"], "name")
    subscription_ids = _ids(sections["subscriptions"], "id")
    person_ids = _ids(sections["people"], "mcp_id")
    subscriptions = [  # _linked's rows are new: taking their "id" out changes no section
        {"external_id": row.pop("id"), **row}
        for row in _linked(sections["subscriptions"], "customer", customer_ids, "customer_id")
    ]
    batches: list[tuple[str, list[dict[str, Any]]]] = [
        ("targets", sections["targets"]),
        ("designation_targets", sections.get("designation_targets", [])),
        ("customers", _numbered(sections["customers"])),
        ("subscriptions", _numbered(subscriptions)),
        ("usage", _linked(sections["usage"], "subscription", subscription_ids, "subscription_id")),
        ("people", _numbered(sections["people"])),
        ("exam_results", _linked(sections["exams"], "mcp_id", person_ids, "person_id")),
        (
            "customer_references",
            _linked(sections["references"], "customer", customer_ids, "customer_id"),
        ),
        ("fee_payments", sections["fee_payments"]),
    ]
    for table_name, rows in batches:
        if rows:
            connection.execute(insert(_T[table_name]), rows)


MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
"""The largest JSON document ``load`` reads (a large organisation's export is a few MB)."""


def read_document_file(path: Path) -> Any:
    """Reads a JSON document (numbers with a fraction as exact Decimals).

    Only a regular file of at most ``MAX_DOCUMENT_BYTES``: a FIFO, a device or
    ``/dev/zero`` is refused at once. A byte order mark is allowed (Notepad writes one).
    """
    data = read_input(path, max_bytes=MAX_DOCUMENT_BYTES)
    where = shown_path(path)
    text = utf8_text(
        data,
        where,
        error=ValidationError,
        not_utf8=_(
            "{where}, line {line}: not UTF-8 text ({reason}); "
            "a JSON document is UTF-8 (save it again as UTF-8)"
        ),
    )
    return json_value(
        text,
        where,
        error=ValidationError,
        too_deep=_(
            "{where}: its lists and objects are nested too deeply to be an mpn-desktop document"
        ),
        parse_float=Decimal,
    )


def write_document_file(doc: dict[str, Any], path: Path, *, database: Path | None = None) -> Path:
    """Writes the document as indented UTF-8 JSON through ``write_user_file``.

    ``database`` is the open database file, which (with its journal and
    backups) is refused as the target; the file written is returned.
    """
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return write_user_file(path, text.encode("utf-8"), database=database)


def document_from_facts(facts: Facts) -> dict[str, Any]:
    """The export document holding ``facts`` (benchmarks and tests store built facts with it)."""

    def plain(item: Any, **renamed: str) -> dict[str, Any]:
        row = {name: to_json(getattr(item, name)) for name in item.__slots__}
        for old, new in renamed.items():
            row[new] = row.pop(old)
        return row

    usage = [plain(item) for item in facts.usage]
    for row in usage:
        row["month"] = str(row["month"])
    org = facts.organization
    return {
        "format": FORMAT,
        "organization": plain(org) if org.name else None,
        "targets": [plain(item) for item in facts.targets]
        + [{"designation": designation} for designation in facts.designation_targets],
        "customers": [plain(item) for item in facts.customers],
        "subscriptions": [plain(item) for item in facts.subscriptions],
        "usage": usage,
        "people": [plain(item) for item in facts.people],
        "exams": [plain(item) for item in facts.exams],
        "references": [plain(item) for item in facts.references],
        "fee_payments": [plain(item) for item in facts.fee_payments],
    }
