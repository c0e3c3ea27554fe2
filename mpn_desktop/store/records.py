"""Record operations the UI's undo commands call, each returning an ``OpResult``.

Each takes the ``Database`` (and is one transaction of its own) or a caller's
``Transaction`` (and is part of that one; see ``store.transactions``). Values
are checked before anything is written (a ``ValidationError`` names the
field); what the schema still refuses becomes a ``ValidationError`` in a
person's words. Deleting returns a ``Snapshot`` of the row and everything that
depends on it, which ``restore_snapshot`` puts back with the same ids.

A caller that shows records passes the record it showed as ``expected``: an
edit, delete or undo of a row that changed or vanished meanwhile is refused
with ``RecordChanged`` (see ``row_versions``), never applied to another row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designations import DESIGNATION_IDS
from mpn_desktop.domain.enums import Level
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import RecordChanged, ValidationError
from mpn_desktop.store import models
from mpn_desktop.store.changes import Change, OpResult, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.row_versions import check_current, is_versioned
from mpn_desktop.store.schema_fields import SPECS, KindSpec, field_label
from mpn_desktop.store.transactions import Transaction, writing

Record = dict[str, Any]


@dataclass(frozen=True)
class Snapshot:
    """Deleted rows, parents first, each as (kind, every column value incl. id and version).

    ``parents`` are the rows outside the snapshot that its first rows name
    (an exam's person), as (kind, id, version) when it was taken: putting the
    rows back is refused when one of them changed, so an exam never returns
    to another person who took the id after a load.
    """

    rows: tuple[tuple[RecordKind, Record], ...]
    parents: tuple[tuple[RecordKind, int, int | None], ...] = ()

    @property
    def kinds(self) -> frozenset[RecordKind]:
        """The kinds of record in the snapshot."""
        return frozenset(kind for kind, _ in self.rows)


def _columns(spec: KindSpec) -> list[str]:
    return models.column_names(spec.model)


def _to_user(kind: RecordKind, row: Record) -> Record:
    if kind is RecordKind.USAGE and isinstance(row.get("month"), date):
        row = {**row, "month": Month.of(row["month"])}
    return row


def _row_dict(obj: Any, columns: Iterable[str]) -> Record:
    return {name: getattr(obj, name) for name in columns}


@dataclass(frozen=True)
class RecordRef:
    """Where a record is: its id, and its version when written (None for unversioned kinds)."""

    id: int
    version: int | None


@dataclass(frozen=True)
class Edit:
    """What ``update_record`` did: the fields' values ``before`` and ``after``, and the versions.

    Undo passes ``before`` back with ``expected`` the row after the edit and
    ``new_version`` the ``version_before``, so the row is exactly as it was.
    """

    before: Record
    after: Record
    version_before: int | None
    version_after: int | None


def _current(session: Session, kind: RecordKind, record_id: int) -> tuple[Any, Record | None]:
    """The row's object and its values as the user sees them (None, None: no such row)."""
    spec = SPECS[kind]
    obj = session.get(spec.model, record_id)
    if obj is None:
        return None, None
    return obj, _to_user(kind, _row_dict(obj, _columns(spec)))


def list_records(
    db: Database, kind: RecordKind, where: tuple[str, object] | None = None
) -> list[Record]:
    """Every record of ``kind`` by id, with Python-typed values (usage months as ``Month``);
    ``where`` (column, value): only those whose column holds that value (None: is empty)."""
    spec = SPECS[kind]
    columns = _columns(spec)
    table: Any = spec.model.__table__
    # Core rows, not ORM objects: the usage of a large organisation is tens of
    # thousands of rows, and building an object for each took a second.
    query = select(*(table.c[name] for name in columns)).order_by(table.c.id)
    if where is not None:
        column = table.c[where[0]]
        query = query.where(column.is_(None) if where[1] is None else column == where[1])
    with db.session(readonly=True) as session:
        rows = session.execute(query).all()
    if kind is RecordKind.USAGE:
        months: dict[date, Month] = {}
        found = []
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            first_day = record["month"]
            month = months.get(first_day)
            if month is None:
                month = months[first_day] = Month.of(first_day)
            record["month"] = month
            found.append(record)
        return found
    return [dict(zip(columns, row, strict=True)) for row in rows]


def is_versioned_kind(kind: RecordKind) -> bool:
    """Whether records of ``kind`` carry a version."""
    return is_versioned(SPECS[kind])


def row_versions(db: Database, kind: RecordKind) -> dict[int, int]:
    """Every record of ``kind``: id -> version (a view compares it with the rows it shows)."""
    table: Any = SPECS[kind].model.__table__
    with db.session(readonly=True) as session:
        return dict(session.execute(select(table.c.id, table.c.version)).all())


def get_record(db: Database, kind: RecordKind, record_id: int) -> Record | None:
    """One record by id, or None."""
    spec = SPECS[kind]
    columns = _columns(spec)
    table: Any = spec.model.__table__
    # A Core row, as list_records reads them: the ORM's object and identity map cost
    # a fifth of the table's redraw after each edit.
    query = select(*(table.c[name] for name in columns)).where(table.c.id == record_id)
    with db.session(readonly=True) as session:
        row = session.execute(query).first()
    return None if row is None else _to_user(kind, dict(zip(columns, row, strict=True)))


def check_values(kind: RecordKind, given: Mapping[str, Any], *, complete: bool) -> Record:
    """``given`` checked and converted; ``complete`` also requires every required field."""
    spec = SPECS[kind]
    problems: list[str] = []
    checked: Record = {}
    for name, value in given.items():
        field = spec.fields.get(name)
        if field is None:
            problems.append(
                _("{field}: a {record} has no such field").format(
                    field=field_label(name), record=_(spec.label)
                )
            )
            continue
        try:
            checked[name] = field.parse(value)
        except ValueError as error:
            problems.append(f"{field_label(name)}: {error}")
    if complete:
        for name, field in spec.fields.items():
            if name in given:
                continue
            if field.required:
                problems.append(
                    _("{field}: a {record} needs a value here").format(
                        field=field_label(name), record=_(spec.label)
                    )
                )
            else:
                checked[name] = field.default
    if problems:
        not_saved = _("the {record} was not saved: {problems}")
        raise ValidationError(
            not_saved.format(record=_(spec.label), problems="; ".join(problems)), problems
        )
    return checked


def _check_references(session: Session, spec: KindSpec, checked: Record) -> None:
    for name, other in spec.references.items():
        if name in checked and session.get(SPECS[other].model, checked[name]) is None:
            raise ValidationError(
                _("{field}: there is no {record} with id {id}").format(
                    field=field_label(name), record=_(SPECS[other].label), id=checked[name]
                )
            )


def _check_parents(
    session: Session,
    spec: KindSpec,
    checked: Mapping[str, Any],
    parents: Mapping[str, Mapping[str, Any]] | None,
) -> None:
    """Refuses (``RecordChanged``) when a record ``checked`` names changed since ``parents``
    showed it: the row would be filed under whoever holds that id now."""
    for name, shown in (parents or {}).items():
        parent_kind = spec.references.get(name)
        if parent_kind is not None and name in checked and checked[name] == shown.get("id"):
            current = _current(session, parent_kind, checked[name])[1]
            check_current(session, parent_kind, checked[name], current, shown)


def add_record(
    target: Database | Transaction,
    kind: RecordKind,
    given: Mapping[str, Any],
    *,
    parents: Mapping[str, Mapping[str, Any]] | None = None,
) -> OpResult[RecordRef]:
    """Adds one record; returns where it is (id and version) and what changed.

    ``parents`` maps a field naming another record (``person_id``) to that record
    as the caller showed it: the add is refused when it changed or went since,
    so an exam is never added under another person who took the id after a load.
    """
    spec = SPECS[kind]
    checked = check_values(kind, given, complete=True)
    with writing(target) as session:
        _check_parents(session, spec, checked, parents)
        _check_references(session, spec, checked)
        obj = spec.model(**checked)
        if kind is RecordKind.ORGANIZATION:
            obj.id = 1  # type: ignore[attr-defined]
        session.add(obj)
        session.flush()
        ref = RecordRef(obj.id, getattr(obj, "version", None))  # type: ignore[attr-defined]
    return OpResult(ref, Change.of(f"Add {spec.label}", kind))


def update_record(
    target: Database | Transaction,
    kind: RecordKind,
    record_id: int,
    given: Mapping[str, Any],
    *,
    expected: Mapping[str, Any] | None = None,
    new_version: int | None = None,
    parents: Mapping[str, Mapping[str, Any]] | None = None,
) -> OpResult[Edit]:
    """Changes some fields of one record; returns their values before and after, and the change.

    ``expected`` is the record as the caller showed it (id, version, values):
    when the row is no longer that one, ``RecordChanged`` says what changed
    and nothing is written. ``new_version`` gives the row that version instead
    of a new one (undo and redo put back the version the row had). ``parents``
    as for ``add_record`` (an exam moved to another person names them as shown).
    """
    spec = SPECS[kind]
    checked = check_values(kind, given, complete=False)
    with writing(target) as session:
        obj, current = _current(session, kind, record_id)
        if expected is not None:
            check_current(session, kind, record_id, current, expected, yours=checked)
        if obj is None:
            raise ValidationError(_gone(spec, record_id))
        _check_parents(session, spec, checked, parents)
        _check_references(session, spec, checked)
        old = {name: getattr(obj, name) for name in checked}
        version_before = getattr(obj, "version", None)
        for name, value in checked.items():
            setattr(obj, name, value)
        if new_version is not None and is_versioned(spec):
            obj.version = new_version
        session.flush()
        edit = Edit(
            _to_user(kind, old),
            _to_user(kind, dict(checked)),
            version_before,
            getattr(obj, "version", None),
        )
    return OpResult(edit, Change.of(f"Edit {spec.label}", kind))


def _collect(session: Session, kind: RecordKind, ids: list[int]) -> list[tuple[RecordKind, Record]]:
    """Rows of ``kind`` with ``ids`` followed by everything depending on them."""
    if not ids:
        return []
    spec = SPECS[kind]
    table: Any = spec.model.__table__
    found = session.execute(select(table).where(table.c.id.in_(ids)).order_by(table.c.id))
    rows: list[tuple[RecordKind, Record]] = [(kind, dict(row._mapping)) for row in found]
    for child_kind, column in spec.dependants:
        child: Any = SPECS[child_kind].model.__table__
        child_ids = list(session.scalars(select(child.c.id).where(child.c[column].in_(ids))))
        rows.extend(_collect(session, child_kind, child_ids))
    return rows


def _parents(
    session: Session, spec: KindSpec, row: Record
) -> list[tuple[RecordKind, int, int | None]]:
    """The rows ``row`` names (its customer, person, subscription) with their versions now."""
    found: list[tuple[RecordKind, int, int | None]] = []
    for column, parent_kind in spec.references.items():
        parent_spec = SPECS[parent_kind]
        parent = session.get(parent_spec.model, row[column])
        if parent is not None:
            found.append((parent_kind, row[column], getattr(parent, "version", None)))
    return found


def delete_record(
    target: Database | Transaction,
    kind: RecordKind,
    record_id: int,
    *,
    expected: Mapping[str, Any] | None = None,
) -> OpResult[Snapshot]:
    """Deletes one record and its dependants; returns them (for undo) and what changed.

    ``expected``: as for ``update_record``, the record as the caller showed it.
    """
    spec = SPECS[kind]
    if kind is RecordKind.IMPORT_BATCH:
        raise ValidationError("an import is removed with remove_import, not deleted")
    with writing(target) as session:
        if expected is not None:
            check_current(session, kind, record_id, _current(session, kind, record_id)[1], expected)
        rows = _collect(session, kind, [record_id])
        if not rows:
            raise ValidationError(_gone(spec, record_id))
        parents = _parents(session, spec, rows[0][1])
        table: Any = spec.model.__table__
        # The schema's ON DELETE CASCADE removes the dependants collected above.
        session.execute(delete(table).where(table.c.id == record_id))
    snapshot = Snapshot(tuple(rows), tuple(parents))
    return OpResult(snapshot, Change(snapshot.kinds, f"Delete {spec.label}"))


def delete_records(
    target: Database | Transaction,
    kind: RecordKind,
    record_ids: Iterable[int],
    *,
    expected: Mapping[int, Mapping[str, Any]] | None = None,
) -> OpResult[Snapshot]:
    """Deletes several records of one kind in one transaction: all of them, or none when one
    is refused. Returns one snapshot of everything deleted, which ``restore_snapshot`` puts back.

    ``expected`` maps an id to the record as the caller showed it.
    """
    spec = SPECS[kind]
    rows: list[tuple[RecordKind, Record]] = []
    parents: list[tuple[RecordKind, int, int | None]] = []
    kinds: frozenset[RecordKind] = frozenset({kind})
    with writing(target) as session:
        transaction = Transaction(session)
        for record_id in record_ids:
            shown = expected.get(record_id) if expected is not None else None
            done = delete_record(transaction, kind, record_id, expected=shown)
            rows.extend(done.value.rows)
            parents.extend(done.value.parents)
            kinds |= done.change.kinds
    deleted = {(row_kind, row["id"]) for row_kind, row in rows}
    outside = tuple(dict.fromkeys(p for p in parents if (p[0], p[1]) not in deleted))
    change = Change(kinds, f"Delete several of {spec.label}")
    return OpResult(Snapshot(tuple(rows), outside), change)


def count_dependants(
    db: Database, kind: RecordKind, record_ids: Iterable[int]
) -> dict[RecordKind, int]:
    """How many records of each other kind deleting ``record_ids`` would take along.

    The same rows ``delete_record`` removes, counted before asking the user.
    """
    with db.session(readonly=True) as session:
        rows = _collect(session, kind, list(record_ids))
    counts: dict[RecordKind, int] = {}
    for row_kind, _row in rows:
        if row_kind is not kind:
            counts[row_kind] = counts.get(row_kind, 0) + 1
    return counts


def restore_snapshot(target: Database | Transaction, snapshot: Snapshot) -> OpResult[None]:
    """Puts back what ``delete_record`` removed, with the same ids and versions.

    Refused with ``RecordChanged`` when a row it names (an exam's person) changed
    or went since, or another row has taken one of its ids: the rows would
    otherwise land on someone else.
    """
    with writing(target) as session:
        for parent_kind, parent_id, version in snapshot.parents:
            current = _current(session, parent_kind, parent_id)[1]
            check_current(
                session, parent_kind, parent_id, current, {"id": parent_id, "version": version}
            )
        for kind, row in snapshot.rows[:1]:
            spec = SPECS[kind]
            if session.get(spec.model, row["id"]) is not None:
                raise RecordChanged(
                    _(
                        "another {record} has taken this one's place since it was deleted "
                        "(the data was replaced or changed elsewhere); nothing was put back. "
                        "Reload to see the records as they are now."
                    ).format(record=_(spec.label))
                )
        for kind, row in snapshot.rows:
            table: Any = SPECS[kind].model.__table__
            session.execute(insert(table), [row])
    first = SPECS[snapshot.rows[0][0]].label if snapshot.rows else "records"
    return OpResult(None, Change(snapshot.kinds, f"Restore {first}"))


def get_organization(db: Database) -> Record | None:
    """The organisation's fields, or None before it is entered."""
    return get_record(db, RecordKind.ORGANIZATION, 1)


def set_organization(
    target: Database | Transaction,
    given: Mapping[str, Any],
    *,
    expected: Mapping[str, Any] | None = None,
    new_version: int | None = None,
) -> OpResult[Record | None]:
    """Creates or changes the organisation; returns its previous fields (None when new).

    ``expected`` and ``new_version`` as for ``update_record``: the organisation
    as the caller showed it, and the version to give it.
    """
    with writing(target) as session:
        old = _write_organization(session, given, expected, new_version)
        session.flush()
    return OpResult(old, Change.of("Edit organisation", RecordKind.ORGANIZATION))


def _write_organization(
    session: Session,
    given: Mapping[str, Any],
    expected: Mapping[str, Any] | None = None,
    new_version: int | None = None,
) -> Record | None:
    """Creates or changes the organisation in ``session``; returns its previous fields."""
    obj, current = _current(session, RecordKind.ORGANIZATION, 1)
    spec = SPECS[RecordKind.ORGANIZATION]
    if expected is not None:
        check_current(session, RecordKind.ORGANIZATION, 1, current, expected)
    checked = check_values(RecordKind.ORGANIZATION, given, complete=obj is None)
    if new_version is not None:
        checked["version"] = new_version
    if obj is None:
        session.add(models.Organization(id=1, **checked))
        return None
    old = _row_dict(obj, [name for name in _columns(spec) if name not in ("id", "version")])
    for name, value in checked.items():
        setattr(obj, name, value)
    return old


def set_targets(
    target: Database | Transaction, targets: Mapping[str, Level | str]
) -> OpResult[dict[str, Level]]:
    """Replaces the targets (competency id -> level); returns the previous ones."""
    checked = _checked_targets(targets)
    with writing(target) as session:
        old = _replace_targets(session, checked)
    return OpResult(old, Change.of("Change targets", RecordKind.TARGET))


def get_targets(db: Database) -> dict[str, Level]:
    """The targets: competency id -> level, in the order they were set."""
    with db.session(readonly=True) as session:
        rows = session.scalars(select(models.Target).order_by(models.Target.id))
        return {target.competency: target.level for target in rows}


def set_organization_and_targets(
    target: Database | Transaction,
    given: Mapping[str, Any],
    targets: Mapping[str, Level | str],
    *,
    expected: Mapping[str, Any] | None = None,
    new_version: int | None = None,
    designations: Sequence[str] | None = None,
) -> OpResult[tuple[Record | None, dict[str, Level]]]:
    """Changes the organisation's fields and replaces its targets in one transaction.

    Returns the previous fields and targets, which undo passes back in.
    ``expected`` and ``new_version`` as for ``set_organization``; ``designations``
    (the Solutions Partner designations aimed for) replaces those when given.
    """
    checked_targets = _checked_targets(targets)
    if designations is not None:
        unknown = [d for d in designations if d not in DESIGNATION_IDS]
        if unknown:
            known = ", ".join(DESIGNATION_IDS)
            raise ValidationError(
                f"Designations: {unknown[0]!r} is not a designation; known: {known}"
            )
    with writing(target) as session:
        old = _write_organization(session, given, expected, new_version)
        old_targets = _replace_targets(session, checked_targets)
        if designations is not None:
            session.execute(delete(models.DesignationTarget))
            chosen = dict.fromkeys(designations)  # each once, in the order given
            session.add_all(models.DesignationTarget(designation=d) for d in chosen)
    change = Change.of("Edit organisation and targets", RecordKind.ORGANIZATION, RecordKind.TARGET)
    return OpResult((old, old_targets), change)


def _checked_targets(targets: Mapping[str, Level | str]) -> dict[str, dict[str, Any]]:
    return {
        competency: check_values(
            RecordKind.TARGET, {"competency": competency, "level": level}, complete=True
        )
        for competency, level in targets.items()
    }


def _replace_targets(
    session: Session, checked: Mapping[str, Mapping[str, Any]]
) -> dict[str, Level]:
    old = {
        target.competency: target.level
        for target in session.scalars(select(models.Target).order_by(models.Target.id))
    }
    session.execute(delete(models.Target))
    session.add_all(models.Target(**values) for values in checked.values())
    return old


def get_designation_targets(db: Database) -> tuple[str, ...]:
    """The Solutions Partner designations aimed for, in the order they were set."""
    with db.session(readonly=True) as session:
        rows = session.scalars(
            select(models.DesignationTarget).order_by(models.DesignationTarget.id)
        )
        return tuple(row.designation for row in rows)


def import_batches(db: Database) -> list[Record]:
    """Every import still in the database, newest first."""
    spec = SPECS[RecordKind.IMPORT_BATCH]
    with db.session(readonly=True) as session:
        rows = session.scalars(select(models.ImportBatch).order_by(models.ImportBatch.id.desc()))
        return [_row_dict(row, _columns(spec)) for row in rows]


def _gone(spec: KindSpec, record_id: int) -> str:
    return _("there is no {record} with id {id} any more").format(
        record=_(spec.label), id=record_id
    )
