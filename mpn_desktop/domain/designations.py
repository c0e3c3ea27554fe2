"""The Solutions Partner catalogue (October 2022 on), as frozen dataclasses.

A designation is earned per solution area with a partner capability score of
100 points: metrics grouped in categories (performance, skilling, customer
success), each worth ``min(W, W * max(0, x) / T)`` points
(``domain/SOLUTIONS-PARTNER.md`` § 1.2). The figures are data, read from
``resources/catalogs/solutions-partner-*.json`` by ``designations_parse``;
these classes are what ``designation_score`` evaluates.

A metric is measured by one or more *parts* (Security adds an Azure part and a
Microsoft 365 part) whose points are added and capped at the metric's maximum;
where Microsoft lets the better of several association types count (Modern
Work), each ``options`` entry is measured and the best points kept. Skilling
metrics count people holding certifications, in plain lists or in steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from mpn_desktop.domain.catalog import Source
from mpn_desktop.domain.catalogue_text import catalogue_text
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.kept_hash import HashKept, hash_kept
from mpn_desktop.domain.vocabulary import N_, _

PROGRAM_ID = "solutions-partner"

DESIGNATION_IDS = (
    "data-ai-azure",
    "infrastructure-azure",
    "digital-app-innovation-azure",
    "business-applications",
    "modern-work",
    "security",
)
"""The designations' ids of DESIGN.md, the same in every catalogue of the program."""

DESIGNATION_NAMES = {
    "data-ai-azure": "Data & AI (Azure)",
    "infrastructure-azure": "Infrastructure (Azure)",
    "digital-app-innovation-azure": "Digital & App Innovation (Azure)",
    "business-applications": "Business Applications",
    "modern-work": "Modern Work",
    "security": "Security",
}
"""Each designation's solution area, as "Solutions Partner for ..." names it."""


def short_name(designation_id: str, name: str) -> str:
    """A designation's solution area ("Data & AI (Azure)") in the chosen language.

    A designation of a user's own catalogue with another id loses only the
    "Solutions Partner for " of its name.
    """
    if designation_id in DESIGNATION_NAMES:
        return catalogue_text(DESIGNATION_NAMES[designation_id])
    return name.removeprefix("Solutions Partner for ")


_TRACK_NAMES = {"enterprise": N_("enterprise"), "smb": N_("smb")}


_UNIT_WORDS = {
    "customers": N_("customers"),
    "people": N_("people"),
    "services": N_("services"),
    "percent": N_("percent"),
    "users": N_("users"),
    "points": N_("points"),
    "workloads": N_("workloads"),
}


def unit_word(unit: str) -> str:
    """A metric's unit after its figures in the chosen language ("customers"; "USD" as is)."""
    return _(_UNIT_WORDS[unit]) if unit in _UNIT_WORDS else unit


def track_name(track: str | None) -> str:
    """A track's name in sentences in the chosen language ("enterprise"; '' for none)."""
    if not track:
        return ""
    return _(_TRACK_NAMES[track]) if track in _TRACK_NAMES else track


def track_title(way: str) -> str:
    """A track's name as a title ("Enterprise", "SMB"): ``way`` as ``track_name`` gives it."""
    return "SMB" if way.casefold() == "smb" else way[:1].upper() + way[1:]


class Quantity(Enum):
    """What a usage condition or a growth measures, per customer tenant and month."""

    CONSUMPTION_USD = "consumption_usd"
    """Azure consumed revenue (ACR), US$."""
    REVENUE_USD = "revenue_usd"
    ACTIVE_USERS = "active_users"
    PAID_SEATS = "paid_seats"
    MCV = "mcv"
    """Monthly consumption value: active users times the rate card's rate of the service."""
    ACTIVE_SHARE = "active_share"
    """Active users as a share of paid seats (0.4 is 40 %)."""

    # The usage figures are looked up by quantity hundreds of times an evaluation: Enum's
    # hash is a Python call (of the name's hash), the identity's is C's. A member is the only
    # one of its value and equal to itself alone, so the identity's hash is a right one.
    __hash__ = object.__hash__


class Span(Enum):
    """The months a condition looks at, counted back from "last month"."""

    MONTH = "month"
    """The month itself."""
    EITHER_OF_TWO_MONTHS = "either-of-two-months"
    """The month or the one before it, each on its own."""
    TWELVE_MONTHS = "twelve-months"
    """The twelve months ending with the month, added up."""


class Measure(Enum):
    """How a metric part turns the facts into the number its threshold is compared with."""

    TENANT_GROWTH = "tenant-growth"
    """Qualifying tenants (or tenant-service pairs) last month minus a year earlier."""
    USAGE_GROWTH_PERCENT = "usage-growth-percent"
    """Growth of a quantity, last month against the same month a year earlier, in percent."""
    USAGE_GROWTH = "usage-growth"
    """The same growth as a difference (users, US$)."""
    DISTINCT_SERVICES = "distinct-services"
    """Distinct services with consumption over the twelve months ending last month."""


class Counted(Enum):
    """What ``tenant-growth`` counts."""

    TENANTS = "tenants"
    TENANT_SERVICES = "tenant-services"
    """Each service (workload) of a tenant on its own (Business Applications)."""


@dataclass(frozen=True, slots=True)
class Condition:
    """A tenant (or a tenant's service) qualifies when the quantity is within [minimum, maximum]."""

    quantity: Quantity
    minimum: Decimal
    maximum: Decimal | None = None
    span: Span = Span.MONTH
    per_service: bool = False
    """Judge each service on its own (a workload "with more than 300 paid seats")."""


@hash_kept
@dataclass(frozen=True, slots=True)
class Scope(HashKept):
    """Which subscriptions and services a part looks at (its hash kept: the usage figures
    are looked up by scope)."""

    workloads: frozenset[Workload]
    associations: frozenset[str]
    """Association values (``transacting`` is CSP, ``dpor``, ``pal``, ``cpor``)."""
    services: frozenset[str] = frozenset()
    """Only these services (case-folded) when not empty."""
    excluded_services: frozenset[str] = frozenset()


@hash_kept
@dataclass(frozen=True, slots=True)
class Part(HashKept):
    """One measured part of a metric with its own full-points threshold (its hash kept: its
    measures are memoised by the part)."""

    measure: Measure
    threshold: Fraction
    unit: str
    scope: Scope
    label: str = ""
    counted: Counted = Counted.TENANTS
    conditions: tuple[Condition, ...] = ()
    """All must hold for a tenant to count (tenant-growth)."""
    exclude_met_at_association: bool = False
    """Leave out tenants associated in the last twelve months that already met the
    conditions in the month of their association (Modern Work deployments, MW23)."""
    quantity: Quantity = Quantity.CONSUMPTION_USD
    baseline_minimum: Decimal | None = None
    """Growth scores nothing unless the year-ago figure reaches this."""
    twelve_month_minimum: Decimal | None = None
    """Growth scores nothing unless the twelve months ending last month reach this."""
    compare_twelve_months: bool = False
    """Compare the twelve months ending last month with the twelve before (Security)."""
    max_points: Fraction | None = None
    """The most this part can give, when less than the metric's (Security at launch: 10 of 20)."""
    stays_when_promoted: bool = False
    """A tenant that met the conditions a year earlier and now exceeds their maximum still
    counts (SMB tracks of 2026: "promoted to Enterprise stays SMB-eligible", MW26, SEC26)."""


@dataclass(frozen=True, slots=True)
class Certification:
    """A Microsoft certification and the exams that earn it."""

    id: str
    name: str
    exams: tuple[tuple[str, ...], ...]
    """Alternatives, each a set of exam codes that together earn the certification."""
    eligible_until: date | None = None
    """A retired certification keeps counting until this day."""
    eligible_from: date | None = None

    def eligible_on(self, day: date) -> bool:
        """Whether the certification counts on that day (from and until its dates)."""
        if self.eligible_from is not None and day < self.eligible_from:
            return False
        return self.eligible_until is None or day <= self.eligible_until


@dataclass(frozen=True, slots=True)
class Listed:
    """A certification on a metric's list, from and until the days the list names."""

    certification: str
    listed_from: date | None = None
    listed_until: date | None = None

    def on(self, day: date) -> bool:
        """Whether the list holds the certification on that day."""
        if self.listed_from is not None and day < self.listed_from:
            return False
        return self.listed_until is None or day <= self.listed_until


@dataclass(frozen=True, slots=True)
class Step:
    """A step of a step-gated skilling metric: people holding one of its certifications."""

    certifications: tuple[Listed, ...]
    minimum_people: int
    points: Fraction = Fraction(0)
    """Points a met prerequisite step is worth (SMB tracks); 0 on Enterprise."""
    minimum_from: tuple[tuple[date, int], ...] = ()
    """Later minimums, each from a day on (Security: two people per step from 2023-12-01)."""

    def minimum_on(self, day: date) -> int:
        """The people the step needs on that day."""
        minimum = self.minimum_people
        for start, value in self.minimum_from:
            if day >= start:
                minimum = value
        return minimum


@dataclass(frozen=True, slots=True)
class Skilling:
    """People holding certifications: a plain list, or prerequisite steps then a final list."""

    certifications: tuple[Listed, ...]
    """The final (or only) list: each person holding one counts once."""
    points_per_person: Fraction
    prerequisites: tuple[Step, ...] = ()

    @property
    def lists(self) -> tuple[tuple[Listed, ...], ...]:
        """Every list the rule reads: the final (or only) one, then each step's."""
        return (self.certifications, *(step.certifications for step in self.prerequisites))


@dataclass(frozen=True, slots=True)
class Metric:
    """A scored metric: up to ``max_points``, from its parts or its skilling rule."""

    id: str
    name: str
    category: str
    max_points: Fraction
    options: tuple[tuple[Part, ...], ...] = ()
    """Alternatives (association types): each a tuple of parts; the best points count."""
    skilling: Skilling | None = None
    note: str = ""
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Track:
    """One way of scoring an area (Enterprise, SMB, or the only one)."""

    id: str | None
    metrics: tuple[Metric, ...]


@dataclass(frozen=True, slots=True)
class Category:
    """A category of the score (performance, skilling, customer success)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Designation:
    """A Solutions Partner designation: one solution area, scored per track."""

    id: str
    name: str
    tracks: tuple[Track, ...]
    legacy_competencies: tuple[str, ...] = ()
    """2017-2018 competency ids that map to this designation (SOLUTIONS-PARTNER.md § 1.1)."""
    note: str = ""
    classification: Classification | None = None
    """How Partner Center picks the one track scored; None: every track is scored and the
    higher total counts."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A choice where the rules leave a reading open, written down as data and shown."""

    id: str
    text: str


class WindowKind(Enum):
    """How the days on which a qualification counts are found (SOLUTIONS-PARTNER.md § 1.3)."""

    AS_OF_DAY = "as-of-day"
    """Only the day itself (a new partner before 2023-09-19: qualified on the day, then buy)."""
    MONTHS_BACK = "months-back"
    """The first day of the as-of month less ``months`` to the as-of day (PCS24)."""
    DAYS_BEFORE_ANNIVERSARY = "days-before-anniversary"
    """``days`` days before the next anniversary to the anniversary (REN22)."""
    ANNIVERSARY_MONTHS = "anniversary-months"
    """The first day of the anniversary month less ``months`` to the last day of the
    anniversary month (ANN2309, PCS23's example)."""


@dataclass(frozen=True, slots=True)
class WindowSpan:
    """One way of finding a qualification window: its kind and its count of months or days."""

    kind: WindowKind
    count: int = 0


@dataclass(frozen=True, slots=True)
class WindowRule:
    """The qualification windows in force from a day: one for a partner not enrolled, one
    for an enrolled partner renewing at its anniversary."""

    effective_from: date
    not_enrolled: WindowSpan
    enrolled: WindowSpan
    text: str
    """The rule in a sentence, shown beside the window."""
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Classification:
    """How Partner Center places a partner in one track of an area, where the facts show it.

    Business Applications (BA23, BA26): Enterprise when at least ``pairs``
    tenant-workload pairs have more than ``minimum_usd`` of revenue both last
    month and the same month a year earlier (month-1 and month-13), else SMB.
    """

    minimum_usd: Decimal
    pairs: int
    at_least: str
    """The track when the count reaches ``pairs``."""
    otherwise: str
    scope: Scope
    text: str


def in_force(effective_from: date, effective_until: date | None, day: date) -> bool:
    """Whether ``day`` falls inside a catalogue's effective dates (``effective_until`` None:
    in force from ``effective_from`` on): the one rule, for a catalogue parsed or known by
    its dates alone."""
    return effective_from <= day and (effective_until is None or day <= effective_until)


@dataclass(frozen=True, slots=True)
class ScoredCatalog:
    """The Solutions Partner rules in force between two days."""

    name: str
    version: str
    effective_from: date
    effective_until: date | None
    qualifies_at: Fraction
    categories: tuple[Category, ...]
    designations: tuple[Designation, ...]
    certifications: dict[str, Certification]
    rate_card: dict[str, Decimal]
    """MCV rate per service (case-folded), Business Applications."""
    readings: tuple[Reading, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    fee_usd: Decimal | None = None
    windows: tuple[WindowRule, ...] = ()
    """The qualification windows, each from its day on (the last one begun is in force)."""

    def window_rule(self, day: date) -> WindowRule | None:
        """The qualification window rule in force on the day (None before the first)."""
        found = None
        for rule in self.windows:
            if rule.effective_from <= day:
                found = rule
        return found

    @property
    def program(self) -> str:
        """The program id of DESIGN.md's ``status --json``."""
        return PROGRAM_ID

    def in_force_on(self, day: date) -> bool:
        """Whether the day falls inside the catalogue's effective dates."""
        return in_force(self.effective_from, self.effective_until, day)

    def designation(self, designation_id: str) -> Designation | None:
        """The designation with that id, or None."""
        return next((d for d in self.designations if d.id == designation_id), None)

    def parts(self) -> tuple[Part, ...]:
        """Every metric part of the catalogue's designations, each once, in the catalogue's
        order (designations, tracks, metrics, options)."""
        return tuple(
            dict.fromkeys(
                part
                for designation in self.designations
                for track in designation.tracks
                for metric in track.metrics
                for option in metric.options
                for part in option
            )
        )

    def category_name(self, category_id: str) -> str:
        """The category's name for people."""
        return next((c.name for c in self.categories if c.id == category_id), category_id)
