"""Enumerations shared by every layer; their values are the stable strings of DESIGN.md."""

from __future__ import annotations

from enum import Enum


class _Enum(Enum):
    """An Enum whose members hash by identity.

    Members are singletons compared by identity, so identity is a correct
    hash; ``Enum.__hash__`` is Python code (it hashes the name), and the
    rules engine keys dictionaries by workload, level and kind thousands of
    times per evaluation.
    """

    __hash__ = object.__hash__


class Level(_Enum):
    """A competency level."""

    SILVER = "silver"
    GOLD = "gold"

    @property
    def rank(self) -> int:
        """Silver 1, gold 2: a payment at a higher rank covers a lower one."""
        return 1 if self is Level.SILVER else 2


class Market(_Enum):
    """Thresholds differ for developed and developing markets."""

    DEVELOPED = "developed"
    DEVELOPING = "developing"


class Workload(_Enum):
    """The cloud product a subscription is for."""

    AZURE = "azure"
    OFFICE365 = "office365"
    DYNAMICS_CRM = "dynamics-crm"
    EMS = "ems"


class Association(_Enum):
    """How the partner is associated with a customer's subscription.

    ``transacting`` is the CSP partner; ``cpor`` the Claiming Partner of
    Record and ``pal`` the Partner Admin Link (the Solutions Partner
    program's attributions, which a 2017-2018 catalogue does not accept).
    """

    DPOR = "dpor"
    DELEGATED_ADMIN = "delegated_admin"
    TRANSACTING = "transacting"
    FASTTRACK = "fasttrack"
    CPOR = "cpor"
    PAL = "pal"


class ReferenceStatus(_Enum):
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


class CredentialKind(_Enum):
    """What sort of credential an exam record is."""

    EXAM = "exam"
    ASSESSMENT = "assessment"
    CERTIFICATION = "certification"


class StepKind(_Enum):
    """The four steps to a competency, in order."""

    PERFORMANCE = "performance"
    EXAMS = "exams"
    REFERENCES = "references"
    FEE = "fee"
