"""Asking before a delete that takes other records along, counting them from the store."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mpn_desktop.domain.wording import and_list
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui import questions


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("DeleteQuestion", text, disambiguation, n)


def _counted_kind(kind: RecordKind, count: int) -> str:
    """ "2 subscriptions", "1 month of usage": the records of ``kind`` a delete takes along."""
    if kind is RecordKind.SUBSCRIPTION:
        return _tr("%n subscription(s)", "", count)
    if kind is RecordKind.USAGE:
        return _tr("%n month(s) of usage", "", count)
    if kind is RecordKind.REFERENCE:
        return _tr("%n reference(s)", "", count)
    if kind is RecordKind.EXAM:
        return _tr("%n exam result(s)", "", count)
    return _tr("%n other record(s)", "", count)


# The order a sentence names them in: what the record holds first, then what hangs on that.
_ORDER = (RecordKind.SUBSCRIPTION, RecordKind.USAGE, RecordKind.REFERENCE, RecordKind.EXAM)


def taken_along(counts: Mapping[RecordKind, int]) -> list[str]:
    """Each kind of record a delete takes along, counted, in a sentence's order."""
    kinds = sorted(
        (kind for kind, count in counts.items() if count > 0),
        key=lambda kind: _ORDER.index(kind) if kind in _ORDER else len(_ORDER),
    )
    return [_counted_kind(kind, counts[kind]) for kind in kinds]


# ``their`` for several records or a person ("Delete Ana Ruiz, their 3 exam results?").


def delete_question(what: str, counts: Mapping[RecordKind, int], *, their: bool = False) -> str:
    """ "Delete Fabrikam, its 2 subscriptions, 10 months of usage and 1 reference?"."""
    parts = taken_along(counts)
    if not parts:
        return _tr("Delete {what}?").format(what=what)
    listed, possessive = and_list(parts), _tr("their") if their else _tr("its")
    return _tr("Delete {what}, {possessive} {listed}?").format(
        what=what, possessive=possessive, listed=listed
    )


def deleted_message(what: str, counts: Mapping[RecordKind, int], *, their: bool = False) -> str:
    """ "Deleted Fabrikam, its 2 subscriptions, 10 months of usage and 1 reference." """
    parts = taken_along(counts)
    if not parts:
        return _tr("Deleted {what}.").format(what=what)
    listed, possessive = and_list(parts), _tr("their") if their else _tr("its")
    return _tr("Deleted {what}, {possessive} {listed}.").format(
        what=what, possessive=possessive, listed=listed
    )


def ask_to_delete(parent: QWidget, question: str) -> bool:
    """Asks ``question``; True when the user chose Delete. Undo is named as the way back."""
    return questions.ask(
        parent,
        _tr("Delete"),
        question,
        _tr("&Delete"),
        details=_tr("Edit ▸ Undo (Ctrl+Z) puts everything back."),
        destructive=True,
    )
