"""Rows addressed by id and version: a write from an out-of-date view is refused, never misapplied.

Each versioned row (see ``models.version_column``) gets a new random version
whenever it is written. A caller that shows a row passes it back as
``expected`` (its id, its version and the values it showed); the operation
compares it with the row as it is now and, when they differ, raises
``RecordChanged`` naming what changed, and writes nothing. An undo puts the
row's previous version back with its previous values, so the window that
made an edit can undo it while a window that saw neither stays current.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from mpn_desktop.domain import wording
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import RecordChanged
from mpn_desktop.store.change_log import last_change_of
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import SPECS, KindSpec, field_label

_BOOKKEEPING = frozenset({"id", "version", "import_batch_id"})
"""Columns that are not a field the user sees; a difference in them is not described."""

_SHOWN_CHANGES = 3
"""How many changed fields a message names before 'and N more'."""


def is_versioned(spec: KindSpec) -> bool:
    """Whether rows of ``spec`` carry a version."""
    return "version" in spec.model.__table__.columns


def check_current(
    session: Session,
    kind: RecordKind,
    record_id: int,
    current: Mapping[str, Any] | None,
    expected: Mapping[str, Any],
    *,
    yours: Mapping[str, Any] | None = None,
) -> None:
    """Raises ``RecordChanged`` unless ``current`` (None: gone) is the row ``expected`` names.

    ``yours``, the values the refused edit would have written, are named in the
    refusal: the person is asked to make the change again, and the cell typed in
    shows the row as it now is, so what they typed would be gone otherwise.

    The refusal names the last logged change of ``kind`` (who and when), looked up
    in ``session`` only when refusing.
    """
    spec = SPECS[kind]
    if current is None:
        raise RecordChanged(
            _(
                "the {record} was deleted (or replaced by a load) since it was shown{by_whom}; "
                "nothing was saved. Reload to see the records as they are now."
            ).format(record=_(spec.label), by_whom=changed_by(session, kind, record_id))
        )
    if not is_versioned(spec) or current.get("version") == expected.get("version"):
        return
    raise RecordChanged(
        _(
            "the {record} was changed since it was shown ({differences}){by_whom}; nothing was "
            "saved{your_change}. Reload to see it as it is now, then make the change again."
        ).format(
            record=_(spec.label),
            differences=_differences(current, expected),
            by_whom=changed_by(session, kind, record_id),
            your_change=_your_change(yours),
        )
    )


def changed_by(session: Session, kind: RecordKind, record_id: int | None = None) -> str:
    """' by ana at 2026-12-06 10:01 UTC' for the last logged change of that record (else of
    ``kind``); '' when none is logged."""
    row = (SPECS[kind].model.__tablename__, record_id) if record_id is not None else None
    last = last_change_of(session, kind, row)
    return f" {last.by_whom()}" if last is not None else ""


def _differences(current: Mapping[str, Any], expected: Mapping[str, Any]) -> str:
    changed = [
        _("{field} is now {value}, was {before}").format(
            field=field_label(name), value=_shown(current[name]), before=_shown(expected[name])
        )
        for name in current
        if name not in _BOOKKEEPING and name in expected and current[name] != expected[name]
    ]
    if not changed:
        return _("changed and changed back, or in a field not shown")
    return _first_few(changed)


def _your_change(yours: Mapping[str, Any] | None) -> str:
    """' (your change: E-mail “ana@x.example”)', or '' when not given."""
    if not yours:
        return ""
    typed = [f"{field_label(name)} {_shown(value)}" for name, value in yours.items()]
    return _(" (your change: {fields})").format(fields=_first_few(typed))


def _first_few(fields: list[str]) -> str:
    """The first ``_SHOWN_CHANGES`` fields, then 'and N more'."""
    if len(fields) > _SHOWN_CHANGES:
        more = _("and {count} more").format(count=wording.number(len(fields) - _SHOWN_CHANGES))
        fields = [*fields[:_SHOWN_CHANGES], more]
    return "; ".join(fields)


def _shown(value: object) -> str:
    if value is None or value == "":
        return _("empty")
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date | Decimal | int):
        return str(value)
    return f"“{value}”"
