"""What a store operation changed, so each view refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
    """The kinds of record one operation touched, and a description for the undo menu."""

    kinds: frozenset[RecordKind]
    description: str

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
