"""Undo commands over the store's record operations, each named for the Edit menu.

Every redo and undo goes through ``AppContext.run``, so the tabs and the status
panel refresh the same way forwards and backwards, and a refused operation
shows its message instead of a traceback. A command whose first redo fails is
marked obsolete, so ``QUndoStack.push`` drops it (the menu never offers to undo
something that did not happen); one whose undo fails is dropped the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import Change, OpResult, RecordKind
from mpn_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from mpn_desktop.store import import_removal, models, records
    from mpn_desktop.store.import_removal import RemovedImport
else:
    # They import SQLAlchemy's ORM: loaded after start-up's first paint, or at first use.
    import_removal = LazyModule("mpn_desktop.store.import_removal")
    models = LazyModule("mpn_desktop.store.models")
    records = LazyModule("mpn_desktop.store.records")


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("UndoCommands", text, disambiguation, n)


class _StoreCommand(QUndoCommand):
    """Shared bookkeeping: ``done`` tells the caller whether the last redo/undo went through."""

    def __init__(self, context: AppContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.done = False

    kind: RecordKind

    def _this_record(self, _result: object) -> tuple[RecordKind, tuple[int, ...]]:
        """For ``AppContext.run``: the one record this command writes (``record_id``)."""
        record_id: int | None = getattr(self, "record_id", None)
        return self.kind, () if record_id is None else (record_id,)

    def _finish_redo(self, ok: bool) -> None:
        self.done = ok
        self.setObsolete(not ok)

    def _finish_undo(self, ok: bool) -> None:
        self.done = not ok
        self.setObsolete(not ok)


Shown = int | Mapping[str, Any]
"""A record as the table showed it (id, version and values), or only its id (no check)."""


def _address(record: Shown) -> tuple[int, dict[str, Any] | None]:
    """The record's id and, when known, the row the caller saw (for the store's check)."""
    if isinstance(record, int):
        return record, None
    return int(record["id"]), dict(record)


class AddRecordCommand(_StoreCommand):
    """Adds one record; undo deletes it, redo puts back exactly what was deleted (same id).

    Undo deletes the row only while it is the one added (same id and version):
    a row changed elsewhere, or another one that took its id, stays.
    """

    def __init__(
        self,
        context: AppContext,
        kind: RecordKind,
        values: Mapping[str, Any],
        label: str,
        *,
        parents: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        super().__init__(context, _tr("Add {label}").format(label=label))
        self.kind = kind
        self.values = dict(values)
        self._parents = dict(parents or {})
        """The records it names (its person, its customer) as shown: see ``add_record``."""
        self.record_id: int | None = None
        self._version: int | None = None
        self._snapshot: records.Snapshot | None = None

    def redo(self) -> None:
        if self._snapshot is None:
            added = self.context.run(
                lambda: records.add_record(
                    self.context.db, self.kind, self.values, parents=self._parents
                ),
                failure=_tr("It was not added."),
                touched=lambda result: (self.kind, (result.value.id,)),
            )
            if added is not None:
                self.record_id, self._version = added.value.id, added.value.version
            self._finish_redo(added is not None)
        else:
            snapshot = self._snapshot
            restored = self.context.run(
                lambda: records.restore_snapshot(self.context.db, snapshot),
                failure=_tr("It was not added again."),
                touched=self._this_record,
            )
            self._finish_redo(restored is not None)

    def undo(self) -> None:
        record_id = self.record_id
        assert record_id is not None, "undo follows a successful redo"
        expected = {"id": record_id, "version": self._version}
        deleted = self.context.run(
            lambda: records.delete_record(self.context.db, self.kind, record_id, expected=expected),
            failure=_tr("It was not removed."),
            touched=self._this_record,
        )
        if deleted is not None:
            self._snapshot = deleted.value
        self._finish_undo(deleted is not None)


class EditRecordCommand(_StoreCommand):
    """Changes fields of one record; undo writes back the values (and version) it had.

    Given the record as shown, the edit is refused when the row changed since;
    undo and redo are refused when it changed after them (see ``row_versions``).
    """

    def __init__(
        self,
        context: AppContext,
        kind: RecordKind,
        record: Shown,
        values: Mapping[str, Any],
        label: str,
        *,
        parents: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        super().__init__(context, _tr("Edit {label}").format(label=label))
        self.kind = kind
        self.record_id, self._expected = _address(record)
        self.values = dict(values)
        self._parents = dict(parents or {})
        """Records the new values name, as shown (the person an exam moves to)."""
        self._edit: records.Edit | None = None

    def redo(self) -> None:
        expected, edit = self._expected, self._edit
        again = edit.version_after if edit is not None else None
        updated = self.context.run(
            lambda: records.update_record(
                self.context.db,
                self.kind,
                self.record_id,
                self.values,
                expected=expected,
                new_version=again,
                parents=self._parents if edit is None else None,
            ),
            failure=_tr("The change was not saved."),
            touched=self._this_record,
        )
        if updated is not None:
            self._edit = edit = updated.value
            if expected is not None:
                self._expected = {**expected, **edit.after, "version": edit.version_after}
        self._finish_redo(updated is not None)

    def undo(self) -> None:
        edit, expected = self._edit, self._expected
        assert edit is not None, "undo follows a successful redo"
        restored = self.context.run(
            lambda: records.update_record(
                self.context.db,
                self.kind,
                self.record_id,
                edit.before,
                expected=expected or {"id": self.record_id, "version": edit.version_after},
                new_version=edit.version_before,
            ),
            failure=_tr("The earlier value was not put back."),
            touched=self._this_record,
        )
        if restored is not None and expected is not None:
            self._expected = {**expected, **edit.before, "version": edit.version_before}
        self._finish_undo(restored is not None)


class _DeleteCommand(_StoreCommand):
    """What deleting one record and several share: redo deletes and keeps what went (the
    records and what depended on them), undo restores exactly that with the same ids, and a
    redo after undo expects the rows as undo put them back (the versions they were shown at).

    A subclass says how the store deletes (``_delete``) and what it writes in the
    user's words when that, or the restore, is refused.
    """

    def __init__(
        self,
        context: AppContext,
        kind: RecordKind,
        label: str,
        record_ids: tuple[int, ...],
        *,
        not_deleted: str,
        not_restored: str,
    ) -> None:
        super().__init__(context, _tr("Delete {label}").format(label=label))
        self.kind = kind
        self.record_ids = record_ids
        self._not_deleted = not_deleted
        self._not_restored = not_restored
        self._snapshot: records.Snapshot | None = None

    def _delete(self, snapshot: records.Snapshot | None) -> OpResult[records.Snapshot]:
        """Deletes the records, checked against the rows as shown (as ``snapshot`` put them
        back when an undo did)."""
        raise NotImplementedError

    def _these_records(self, _result: object) -> tuple[RecordKind, tuple[int, ...]]:
        """For ``AppContext.run``: the records this command deletes and restores."""
        return self.kind, self.record_ids

    def redo(self) -> None:
        snapshot = self._snapshot
        deleted = self.context.run(
            lambda: self._delete(snapshot),
            failure=self._not_deleted,
            touched=self._these_records,
        )
        if deleted is not None:
            self._snapshot = deleted.value
        self._finish_redo(deleted is not None)

    def undo(self) -> None:
        snapshot = self._snapshot
        assert snapshot is not None, "undo follows a successful redo"
        restored = self.context.run(
            lambda: records.restore_snapshot(self.context.db, snapshot),
            failure=self._not_restored,
            touched=self._these_records,
        )
        self._finish_undo(restored is not None)


class DeleteRecordCommand(_DeleteCommand):
    """Deletes one record and what depends on it; undo restores them all with their ids.

    Given the record as shown, the delete is refused when the row changed since.
    """

    def __init__(self, context: AppContext, kind: RecordKind, record: Shown, label: str) -> None:
        record_id, expected = _address(record)
        super().__init__(
            context,
            kind,
            label,
            (record_id,),
            not_deleted=_tr("It was not deleted."),
            not_restored=_tr("It was not restored."),
        )
        self.record_id = record_id
        self._expected = expected

    def _delete(self, snapshot: records.Snapshot | None) -> OpResult[records.Snapshot]:
        expected = self._expected
        if snapshot is not None and expected is not None:
            # The row as undo put it back: the same version as when it was shown.
            expected = {**expected, **snapshot.rows[0][1]}
        return records.delete_record(self.context.db, self.kind, self.record_id, expected=expected)


class _WholeImportCommand(_StoreCommand):
    """What adding an import and removing a past one share: the batch taken out whole
    (``remove_import``, what went kept) and put back exactly (``restore_import``, the same
    ids; the file is not read again). One command does them as undo and redo, the other
    as redo and undo."""

    def __init__(self, context: AppContext, text: str, batch_id: int) -> None:
        super().__init__(context, text)
        self.batch_id = batch_id
        self._removed: RemovedImport | None = None

    def _remove(self) -> bool:
        """Takes the import out whole; whether it went."""
        batch_id = self.batch_id
        result = self.context.run(
            lambda: import_removal.remove_import(self.context.db, batch_id),
            failure=_tr("The import was not removed."),
        )
        if result is not None:
            self._removed = result.value
        return result is not None

    def _put_back(self, failure: str) -> bool:
        """Puts back what ``_remove`` took out; whether it came back (``failure``: the
        message's first line when not)."""
        removed = self._removed
        if removed is None:
            return False
        result = self.context.run(
            lambda: import_removal.restore_import(self.context.db, removed), failure=failure
        )
        return result is not None


class ImportCommand(_WholeImportCommand):
    """An import (exam records or usage) that already went into the database.

    Push it right after the import committed (instead of announcing the
    import's change yourself): the first redo only announces ``change``.
    Undo removes the whole batch (``remove_import``) and keeps what it
    removed; redo puts exactly that back (``restore_import``), the file is not
    read again. Past imports' removal is the same pair the other way round.
    """

    def __init__(
        self,
        context: AppContext,
        batch_id: int,
        change: Change,
        *,
        count: int,
        file_name: str,
        usage: bool = False,
    ) -> None:
        if usage:
            text = _tr("Import %n usage row(s) from {file}", "", count).format(file=file_name)
        else:
            text = _tr("Import %n exam record(s) from {file}", "", count).format(file=file_name)
        super().__init__(context, text, batch_id)
        self._change = change
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.context.announce(self._change)
            self._finish_redo(True)
            return
        self._finish_redo(self._put_back(_tr("The import was not redone.")))

    def undo(self) -> None:
        self._finish_undo(self._remove())


class RemoveImportCommand(_WholeImportCommand):
    """Removes a past import whole; undo puts back exactly what went, with the same ids."""

    def __init__(
        self,
        context: AppContext,
        batch_id: int,
        *,
        count: int,
        file_name: str,
        usage: bool = False,
    ) -> None:
        if usage:
            text = _tr("Remove the import of %n usage row(s) from {file}", "", count).format(
                file=file_name
            )
        else:
            text = _tr("Remove the import of %n exam record(s) from {file}", "", count).format(
                file=file_name
            )
        super().__init__(context, text, batch_id)

    def redo(self) -> None:
        self._finish_redo(self._remove())

    def undo(self) -> None:
        self._finish_undo(self._put_back(_tr("The import was not put back.")))


VersionedOperation = Callable[[Mapping[str, Any] | None, int | None], OpResult[Any]]
"""A store operation given the row as expected (None: no check) and the version to give it."""


class OrganisationCommand(_StoreCommand):
    """Changes the organisation (and its targets); undo puts back its fields and version.

    ``shown`` is the organisation as the dialog showed it: the change is
    refused when it was changed elsewhere since (a ``load --replace`` from the
    command line), and so is undo when it changed after the change.
    """

    def __init__(
        self,
        context: AppContext,
        text: str,
        shown: Mapping[str, Any] | None,
        forward: VersionedOperation,
        backward: VersionedOperation,
    ) -> None:
        super().__init__(context, text)
        self._shown = dict(shown) if shown is not None else None
        self._forward = forward
        self._backward = backward
        # Chosen here, so that undo knows which version its change left.
        self._after = models.new_version()

    def redo(self) -> None:
        shown, after = self._shown, self._after
        result = self.context.run(
            lambda: self._forward(shown, after), failure=_tr("The change was not saved.")
        )
        self._finish_redo(result is not None)

    def undo(self) -> None:
        shown = self._shown
        left = {**shown, "version": self._after} if shown is not None else None
        before = shown["version"] if shown is not None else None
        result = self.context.run(
            lambda: self._backward(left, before), failure=_tr("The change was not undone.")
        )
        self._finish_undo(result is not None)


class DeleteRecordsCommand(_DeleteCommand):
    """Deletes several records of one kind (and what depends on them) as one undo step.

    The store deletes them all in one transaction, or none when one is
    refused (or changed since it was shown); undo puts them all back in one.
    The tabs and the panel hear of it once, not once per record.
    """

    def __init__(
        self, context: AppContext, kind: RecordKind, chosen: Sequence[Shown], label: str
    ) -> None:
        addresses = [_address(record) for record in chosen]
        super().__init__(
            context,
            kind,
            label,
            tuple(record_id for record_id, _ in addresses),
            not_deleted=_tr("Nothing was deleted."),
            not_restored=_tr("Nothing was put back."),
        )
        self._expected = {record_id: shown for record_id, shown in addresses if shown is not None}

    def _delete(self, snapshot: records.Snapshot | None) -> OpResult[records.Snapshot]:
        expected = dict(self._expected)
        if snapshot is not None:
            # Put back by undo with the versions they had when shown.
            for row_kind, row in snapshot.rows:
                if row_kind is self.kind and row["id"] in expected:
                    expected[row["id"]] = {**expected[row["id"]], **row}
        return records.delete_records(
            self.context.db, self.kind, self.record_ids, expected=expected or None
        )
