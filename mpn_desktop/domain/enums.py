"""Enumerations shared by every layer; their values are the stable strings of DESIGN.md."""

from __future__ import annotations

from enum import Enum


class Level(Enum):
    """A competency level."""

    SILVER = "silver"
    GOLD = "gold"

    @property
    def rank(self) -> int:
        """Silver 1, gold 2: a payment at a higher rank covers a lower one."""
        return 1 if self is Level.SILVER else 2


class Market(Enum):
    """Thresholds differ for developed and developing markets."""

    DEVELOPED = "developed"
    DEVELOPING = "developing"


class Workload(Enum):
    """The cloud product a subscription is for."""

    AZURE = "azure"
    OFFICE365 = "office365"
    DYNAMICS_CRM = "dynamics-crm"
    EMS = "ems"


class Association(Enum):
    """How the partner is associated with a customer's subscription."""

    DPOR = "dpor"
    DELEGATED_ADMIN = "delegated_admin"
    TRANSACTING = "transacting"
    FASTTRACK = "fasttrack"


class ReferenceStatus(Enum):
    """Where a customer reference is in its workflow."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    CUSTOMER_APPROVED = "customer_approved"
    APPROVED = "approved"
    AUTO_APPROVED = "auto_approved"
    DECLINED = "declined"

    @property
    def counts(self) -> bool:
        """Approved by the customer and Microsoft, or auto-approved by the system."""
        return self in (ReferenceStatus.APPROVED, ReferenceStatus.AUTO_APPROVED)


class CredentialKind(Enum):
    """What sort of credential an exam record is."""

    EXAM = "exam"
    ASSESSMENT = "assessment"
    CERTIFICATION = "certification"


class StepKind(Enum):
    """The four steps to a competency, in order."""

    PERFORMANCE = "performance"
    EXAMS = "exams"
    REFERENCES = "references"
    FEE = "fee"
