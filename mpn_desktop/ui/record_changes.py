"""A change that also names the records it touched, so a table refreshes those rows only.

The store's ``Change`` says which kinds of record changed; that is enough to
reload a table, but reloading 36,000 months of usage after one cell was typed
in takes a second. The undo commands know which records they wrote, so they
say so, and a table whose kind is the only one touched refreshes just those rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mpn_desktop.store.changes import Change, RecordKind


@dataclass(frozen=True, slots=True)
class RecordsChange(Change):
    """A ``Change`` that names the records of one ``kind`` it wrote (added, edited, deleted)."""

    kind: RecordKind | None = None
    ids: tuple[int, ...] = ()

    def records_of(self, kind: RecordKind) -> tuple[int, ...] | None:
        """The ids of the records of ``kind`` written, or None when they are not known.

        Records of other kinds may have changed too (a deleted customer takes
        its subscriptions along); those are not named, and their tables reload.
        """
        return self.ids if self.kind is kind else None


def naming_records(change: Change, kind: RecordKind, ids: Iterable[int]) -> RecordsChange:
    """``change`` with the records it touched named."""
    return RecordsChange(change.kinds, change.description, kind=kind, ids=tuple(ids))
