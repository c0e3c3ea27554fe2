"""The undo commands of a paste: every row or cell it writes is one step of the Edit menu."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.undo_commands import _StoreCommand

if TYPE_CHECKING:
    from mpn_desktop.store import row_batches, usage_cells
    from mpn_desktop.store.row_batches import RowEdit, WrittenRows
    from mpn_desktop.store.usage_cells import UsageCell, WrittenCells
else:
    # They import SQLAlchemy: loaded after start-up's first paint, or at the first paste.
    row_batches = LazyModule("mpn_desktop.store.row_batches")
    usage_cells = LazyModule("mpn_desktop.store.usage_cells")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PasteCommand", text)


class PasteRowsCommand(_StoreCommand):
    """Writes pasted rows in one transaction; undo takes all of them back in one.

    ``written`` says, after the first redo, what went in and which rows the
    store refused; a paste of which no row went in is not kept on the stack.
    """

    def __init__(
        self, context: AppContext, kind: RecordKind, edits: Sequence[RowEdit], label: str
    ) -> None:
        super().__init__(context, _tr("Paste {label}").format(label=label))
        self.kind = kind
        self.edits = tuple(edits)
        self.written: WrittenRows | None = None

    def _touched(self, _result: object) -> tuple[RecordKind, tuple[int, ...]]:
        return self.kind, self.written.touched if self.written is not None else ()

    def redo(self) -> None:
        def write() -> object:
            result = row_batches.write_rows(self.context.db, self.kind, self.edits)
            self.written = result.value
            return result

        done = self.context.run(write, failure=_tr("Nothing was pasted."), touched=self._touched)
        self._finish_redo(done is not None and bool(self.written and self.written.touched))

    def undo(self) -> None:
        written = self.written
        assert written is not None, "undo follows a successful redo"
        done = self.context.run(
            lambda: row_batches.unwrite_rows(self.context.db, self.kind, written),
            failure=_tr("The paste was not taken back."),
            touched=self._touched,
        )
        self._finish_undo(done is not None)


class UsageCellsCommand(_StoreCommand):
    """Sets months of usage typed or pasted into the Sales tab's grid; undo puts them back."""

    kind = RecordKind.USAGE

    def __init__(
        self,
        context: AppContext,
        field: str,
        cells: Sequence[UsageCell],
        label: str,
        *,
        typed: bool = False,
    ) -> None:
        text = _tr("Edit {label}") if typed else _tr("Paste {label}")
        super().__init__(context, text.format(label=label))
        self.field = field
        self.cells = tuple(cells)
        self.written: WrittenCells | None = None

    def redo(self) -> None:
        def write() -> object:
            result = usage_cells.write_cells(self.context.db, self.field, self.cells)
            self.written = result.value
            return result

        done = self.context.run(write, failure=_tr("Nothing was pasted."))
        self._finish_redo(done is not None)

    def undo(self) -> None:
        written = self.written
        assert written is not None, "undo follows a successful redo"
        done = self.context.run(
            lambda: usage_cells.unwrite_cells(self.context.db, written),
            failure=_tr("The usage was not put back."),
        )
        self._finish_undo(done is not None)
