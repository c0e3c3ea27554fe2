"""Who changed what: the committed writes the database logged (``change_feed`` writes them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.models import ChangeLogEntry

if TYPE_CHECKING:  # the database module asks this one who changed a row: no import cycle
    from mpn_desktop.store.database import Database


@dataclass(frozen=True, slots=True)
class LoggedChange:
    """One committed write: when (aware, UTC), the database user, the kinds of record."""

    at: datetime
    user: str
    kinds: frozenset[RecordKind]

    def by_whom(self) -> str:
        """'by ana at 2026-12-06 10:01 UTC' (the user left out when the log has none)."""
        at = f"{self.at:%Y-%m-%d %H:%M}"
        if self.user:
            return _("by {user} at {time} UTC").format(user=self.user, time=at)
        return _("at {time} UTC").format(time=at)


def recent_changes(db: Database, limit: int = 100) -> list[LoggedChange]:
    """The last ``limit`` committed writes, newest first."""
    known = {kind.value for kind in RecordKind}
    with db.session(readonly=True) as session:
        rows = session.execute(
            select(ChangeLogEntry.changed_at, ChangeLogEntry.db_user, ChangeLogEntry.kinds)
            .order_by(ChangeLogEntry.id.desc())
            .limit(limit)
        ).all()
    return [
        LoggedChange(
            at.replace(tzinfo=UTC),
            user,
            frozenset(RecordKind(kind) for kind in kinds.split(",") if kind in known),
        )
        for at, user, kinds in rows
    ]


def last_change_of(
    session: Session, kind: RecordKind, row: tuple[str, int] | None = None
) -> LoggedChange | None:
    """The newest committed write that changed ``row`` (its table and id), else the newest that
    touched records of ``kind`` (a load, an import); None when none is logged.

    Asked only when an edit is refused, so the refusal can say who changed the row.
    """
    columns = (ChangeLogEntry.changed_at, ChangeLogEntry.db_user, ChangeLogEntry.kinds)
    newest = (ChangeLogEntry.id.desc(),)
    found = None
    if row is not None:
        # ',people:5,' in ',people:5,people:57,': a row is never mistaken for another.
        table, record_id = row
        found = session.execute(
            select(*columns)
            .where(ChangeLogEntry.records.like(f"%,{table}:{record_id},%"))
            .order_by(*newest)
            .limit(1)
        ).first()
    if found is None:
        # ',person,' in ',customer,person,': a kind is never mistaken for a longer one.
        listed = literal(",") + ChangeLogEntry.kinds + literal(",")
        found = session.execute(
            select(*columns).where(listed.like(f"%,{kind.value},%")).order_by(*newest).limit(1)
        ).first()
    if found is None:
        return None
    at, user, kinds = found
    known = {each.value for each in RecordKind}
    return LoggedChange(
        at.replace(tzinfo=UTC),
        user,
        frozenset(RecordKind(each) for each in kinds.split(",") if each in known),
    )
