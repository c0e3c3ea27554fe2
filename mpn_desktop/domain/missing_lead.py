"""Where a "Still missing" item of a designation leads: what to add, and what to fill in.

The scoring knows, for each sentence it writes, which metric it is about and
what would add to it (a person's certification exam, a customer with the
association that counts, months of usage); it says so as data beside the
sentence, so that a view opens the right form without reading the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from mpn_desktop.domain.enums import Association, Workload


class LeadKind(Enum):
    """What adds to the metric a missing item is about."""

    CERTIFICATION = "certification"
    """A person passing a certification's exam (skilling metrics)."""
    CUSTOMER = "customer"
    """A new customer, with a subscription of the association that counts (net customer adds)."""
    USAGE = "usage"
    """Months of usage, typed or imported (usage growth, deployments)."""


@dataclass(slots=True, unsafe_hash=True)
class Lead:
    """What a missing item leads to: its metric and the values a form can be filled with.

    ``code`` is the first exam of the certification still missing (AZ-104);
    ``workload`` and ``association`` those a new customer's subscription needs
    to count; ``note`` says in a few words what counts (the catalogue's label),
    ``figure`` which monthly figure it reads.
    """

    kind: LeadKind
    metric: str
    """The metric's id ("net-customer-adds")."""
    metric_name: str
    code: str = ""
    certification: str = ""
    """The certification's name, where ``code`` earns one."""
    workload: Workload | None = None
    association: Association | None = None
    note: str = ""
    figure: str = ""
    """The usage figure that counts, as a usage row names it ("consumption_usd",
    "active_users", "paid_seats", "revenue_usd"); '' where none is known."""
    designation: str = ""
    """The designation (id) whose metric it is, where the view that shows it says so
    (the Sales chart then shows that designation's usage); '' where not known."""


ASSOCIATION_PREFERENCE = (
    Association.TRANSACTING,
    Association.CPOR,
    Association.DPOR,
    Association.PAL,
    Association.DELEGATED_ADMIN,
    Association.FASTTRACK,
)
"""The association offered first when several count (a frozen set has no order)."""

WORKLOAD_PREFERENCE = (Workload.AZURE, Workload.OFFICE365, Workload.DYNAMICS_CRM, Workload.EMS)
"""The workload offered first when several count."""


def first_association(values: frozenset[str]) -> Association | None:
    """The preferred association among ``values`` (their string values)."""
    return next((item for item in ASSOCIATION_PREFERENCE if item.value in values), None)


def first_workload(values: frozenset[Workload]) -> Workload | None:
    """The preferred workload among ``values``."""
    return next((item for item in WORKLOAD_PREFERENCE if item in values), None)
