"""What a store operation changed, so each view refreshes only what it shows.

Every store operation returns an ``OpResult``: the value the caller asked for
(a new id, the values an edit replaced, a snapshot for undo) beside the
``Change`` it made, as Anki's ``OpChangesWithId``. The window passes the
change on once; the value stays with whoever called.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Generic, TypeVar

from mpn_desktop.domain.vocabulary import _

T = TypeVar("T")


class RecordKind(Enum):
    """The kinds of record the store holds."""

    ORGANIZATION = "organization"
    TARGET = "target"
    CUSTOMER = "customer"
    SUBSCRIPTION = "subscription"
    USAGE = "usage"
    PERSON = "person"
    EXAM = "exam"
    REFERENCE = "reference"
    FEE_PAYMENT = "fee_payment"
    IMPORT_BATCH = "import_batch"


@dataclass(frozen=True, slots=True)
class Change:
    """The kinds of record one operation touched, and a description for the undo menu.

    ``import_batch`` is the import the operation wrote (an import, or its redo),
    so that a view can show what came in; None for every other operation.
    ``import_file`` is that import's file name as stored, so the view can name it
    without reading the import batches back.
    """

    kinds: frozenset[RecordKind]
    description: str
    import_batch: int | None = None
    import_file: str = ""

    @classmethod
    def of(cls, description: str, *kinds: RecordKind) -> Change:
        """A change touching ``kinds``."""
        return cls(frozenset(kinds), description)

    @classmethod
    def everything(cls, description: str) -> Change:
        """A change that may have touched every kind (load, demo, restore)."""
        return cls(frozenset(RecordKind), description)

    def touches(self, *kinds: RecordKind) -> bool:
        """Whether any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def with_kinds(self, kinds: frozenset[RecordKind], description: str) -> Change:
        """A change touching this one's kinds and ``kinds``, under another description."""
        return Change(self.kinds | kinds, description, self.import_batch, self.import_file)


@dataclass(frozen=True, slots=True)
class OutsideChange(Change):
    """A change another program committed: a table shown compares its rows' versions with the
    database's to redraw only the rows that changed (it cannot know which ones they were).

    ``named`` says whether the description names who changed it and when (from the change
    log), so the window can tell the user; a bare one is only reloaded.
    """

    named: bool = False

    @classmethod
    def named_by(cls, kinds: frozenset[RecordKind], who: str, at: datetime) -> OutsideChange:
        """The change whose last part ``who`` committed at ``at`` (a time with its zone):
        'Changed elsewhere (last change by ana at 10:01:02)', in the window's language.
        SQLite's change log and PostgreSQL's notifications both say it with these words."""
        shown = f"{at.astimezone():%H:%M:%S}"
        if who:
            description = _("Changed elsewhere (last change by {who} at {at})").format(
                who=who, at=shown
            )
        else:
            description = _("Changed elsewhere (last change at {at})").format(at=shown)
        return cls(kinds, description, named=True)


@dataclass(frozen=True, slots=True)
class OpResult(Generic[T]):
    """What one store operation gave back (``value``) and what it changed (``change``)."""

    value: T
    change: Change
