"""Who changed what: the committed writes the database logged (``change_feed`` writes them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.models import ChangeLogEntry


@dataclass(frozen=True, slots=True)
class LoggedChange:
    """One committed write: when (aware, UTC), the database user, the kinds of record."""

    at: datetime
    user: str
    kinds: frozenset[RecordKind]


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
