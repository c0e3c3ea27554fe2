"""The requirements catalogue of one program version, as frozen dataclasses.

The catalogue is data (``resources/catalogs/*.json``, read by
``domain.catalog_parse``); these classes are what the rules engine, the
checklist and the user interface read. Every requirement keeps its ``source``
and, where the sources disagree or are silent, a ``note`` that the program
shows beside the figure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.enums import Association, CredentialKind, Level, Market, Workload
from mpn_desktop.domain.vocabulary import _

_EXAM_PREFIX = re.compile(r"^exam\s*[:#]?\s*", re.IGNORECASE)


def normalize_code(text: str) -> str:
    """A credential code without case, spaces or a leading "Exam " (``exam 70 - 533`` -> 70-533)."""
    return "".join(_EXAM_PREFIX.sub("", text.strip()).split()).upper()


def normalize_title(text: str) -> str:
    """A title compared without case, punctuation or repeated spaces."""
    return " ".join(re.sub(r"[^\w&]+", " ", text.casefold()).split())


@dataclass(frozen=True, slots=True)
class Source:
    """Where a requirement comes from: a document, its date and address."""

    id: str
    title: str
    url: str = ""
    published: str = ""

    def __str__(self) -> str:
        dated = f", {self.published}" if self.published else ""
        return f"{self.title}{dated}"


@dataclass(frozen=True, slots=True)
class Credential:
    """An exam, assessment or certification that a skill role accepts."""

    code: str
    title: str
    kind: CredentialKind
    accept_until: date | None = None
    accept_from: date | None = None
    source: Source | None = None
    note: str = ""
    aliases: tuple[str, ...] = ()

    def accepted_on(self, day: date) -> bool:
        """Whether a pass of this credential counts on that day."""
        if self.accept_from is not None and day < self.accept_from:
            return False
        return self.accept_until is None or day <= self.accept_until


@dataclass(frozen=True, slots=True)
class Threshold:
    """A figure that differs between developed and developing markets."""

    developed: Decimal
    developing: Decimal

    def for_market(self, market: Market) -> Decimal:
        """The figure for that market."""
        return self.developed if market is Market.DEVELOPED else self.developing


class MeasureKind(Enum):
    """What a performance measure adds up."""

    CONSUMPTION_USD = "consumption_usd"
    REVENUE_USD = "revenue_usd"
    ACTIVE_USERS = "active_users"
    NEW_CUSTOMERS = "new_customers"


class Window(Enum):
    """Which whole calendar months a measure looks at, before the month of the as-of day."""

    PREVIOUS_12_MONTHS = "previous_12_months"
    LATEST_MONTH = "latest_month"

    @property
    def months(self) -> int:
        """How many full months the window holds."""
        return 12 if self is Window.PREVIOUS_12_MONTHS else 1


_UNITS = {
    MeasureKind.CONSUMPTION_USD: "USD",
    MeasureKind.REVENUE_USD: "USD",
    MeasureKind.ACTIVE_USERS: "active users",
    MeasureKind.NEW_CUSTOMERS: "customers",
}


@dataclass(frozen=True, slots=True)
class Measure:
    """One performance figure to reach, per level and market."""

    id: str
    kind: MeasureKind
    workload: Workload
    window: Window
    description: str
    thresholds: Mapping[Level, Threshold]
    source: Source | None = None
    note: str = ""

    @property
    def unit(self) -> str:
        """The unit of ``have`` and ``need`` for this measure."""
        return _UNITS[self.kind]

    def need(self, level: Level, market: Market) -> Decimal:
        """The figure to reach at that level in that market."""
        return self.thresholds[level].for_market(market)


@dataclass(frozen=True, slots=True)
class Performance:
    """Step 1: the measures (all must be met) and the associations that earn credit."""

    associations: frozenset[Association]
    measures: tuple[Measure, ...]
    source: Source | None = None
    note: str = ""


@dataclass(frozen=True)
class CredentialRule:
    """Which credentials make a person fit a role: a code, or any / all of other rules.

    Not slotted: its codes and its words are worked out once per rule
    (``cached_property``), as every evaluation asks for them per role.
    """

    code: str | None = None
    any_of: tuple[CredentialRule, ...] = ()
    all_of: tuple[CredentialRule, ...] = ()

    def codes(self) -> frozenset[str]:
        """Every credential code the rule names."""
        return self._codes

    def describe(self) -> str:
        """The rule in words in the chosen language: "70-346 and 70-347, or MCSA-O365"."""
        language = vocabulary.language()
        words = self._words.get(language)
        if words is None:
            words = self._words[language] = self._in_words()
        return words

    @cached_property
    def _codes(self) -> frozenset[str]:
        if self.code is not None:
            return frozenset({self.code})
        found: set[str] = set()
        for part in (*self.any_of, *self.all_of):
            found |= part.codes()
        return frozenset(found)

    def satisfied_by(self, codes: frozenset[str] | set[str]) -> bool:
        """Whether a person holding ``codes`` fits the rule."""
        if self.code is not None:
            return self.code in codes
        if self.all_of:
            return all(part.satisfied_by(codes) for part in self.all_of)
        return any(part.satisfied_by(codes) for part in self.any_of)

    @cached_property
    def _words(self) -> dict[str, str]:
        """The rule's words per language, worked out once each (every evaluation asks)."""
        return {}

    def _in_words(self) -> str:
        if self.code is not None:
            return self.code
        if self.all_of:
            texts = [_grouped(part) for part in self.all_of]
            if len(texts) == 2:
                return _("both {first} and {second}").format(first=texts[0], second=texts[1])
            return _("all of {credentials}").format(credentials=_(" and ").join(texts))
        texts = [_grouped(part) for part in self.any_of]
        if len(texts) == 2 and any(part.all_of for part in self.any_of):
            return _(", or ").join(texts)
        if len(texts) <= 2:
            return _(" or ").join(texts)
        return _("one of {credentials}").format(credentials=", ".join(texts))


def _grouped(rule: CredentialRule) -> str:
    text = rule.describe()
    return f"({text})" if rule.code is None and len(rule.any_of) > 2 else text


@dataclass(frozen=True, slots=True)
class Role:
    """A skill role: how many distinct people at each level, and which credentials fit it."""

    id: str
    name: str
    people: Mapping[Level, int]
    credentials: CredentialRule
    note: str = ""


@dataclass(frozen=True, slots=True)
class Skills:
    """Step 2: the roles to fill; one person fills at most one role of an option."""

    roles: tuple[Role, ...]
    source: Source | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class References:
    """Step 3: approved customer references per level, each valid for some years."""

    count: Mapping[Level, int]
    valid_years: int
    source: Source | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    """A path to a competency: meeting every step of one option attains the level."""

    id: str
    name: str
    performance: Performance
    skills: Skills
    source: Source | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Retirement:
    """When a retired competency closed, by the seed and by other sources."""

    retired_on: date
    other_dates: tuple[date, ...] = ()
    last_signup: date | None = None
    last_renewal: date | None = None
    source: Source | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Competency:
    """A competency: the cloud ones have options and references; retired ones only a date."""

    id: str
    name: str
    retired: bool = False
    description: str = ""
    workload: Workload | None = None
    options: tuple[Option, ...] = ()
    references: References | None = None
    retirement: Retirement | None = None
    source: Source | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class FeeSchedule:
    """The yearly competency fee in force from one day (to the day before the next schedule).

    The first schedule may have no first day (None): it is in force on every day
    before the next one, as a source that gives a price only "until" a change says.
    """

    effective_from: date | None
    amounts: Mapping[Level, Decimal]
    applies_to: str = ""
    source: Source | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class FeeRule:
    """How the fee is charged: once per organisation and membership year, at the highest level."""

    description: str
    fees: tuple[FeeSchedule, ...]
    source: Source | None = None
    note: str = ""

    def amount(self, level: Level, on: date) -> Decimal | None:
        """The amount at that level in force on that day; None before the first schedule.

        A first schedule without a first day is in force on every earlier day.
        """
        found: Decimal | None = None
        for schedule in self.fees:
            if schedule.effective_from is None or schedule.effective_from <= on:
                found = schedule.amounts.get(level)
        return found

    def in_force(self) -> list[tuple[FeeSchedule, date | None, date | None]]:
        """Each schedule with its first day and the first day of the next (None: open-ended)."""
        starts = [schedule.effective_from for schedule in self.fees[1:]] + [None]
        return [
            (schedule, schedule.effective_from, until)
            for schedule, until in zip(self.fees, starts, strict=True)
        ]


@dataclass(frozen=True)
class Catalog:
    """The whole requirements catalogue of one program version."""

    program: str
    version: str
    effective_from: date
    effective_until: date | None
    competencies: tuple[Competency, ...]
    credentials: tuple[Credential, ...]
    fee: FeeRule
    notes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    benefits: tuple[str, ...] = ()
    file: str = ""

    def __post_init__(self) -> None:
        # Look-up tables are plain attributes, not fields: the catalogue's
        # fields are what a reader (Help > Requirements, catalog --json) walks.
        titles: dict[str, list[Credential]] = {}
        for item in self.credentials:
            for title in (item.title, *item.aliases):
                found = titles.setdefault(normalize_title(title), [])
                if item not in found:
                    found.append(item)
        by_code = {normalize_code(item.code): item for item in self.credentials}
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_by_title", {k: tuple(v) for k, v in titles.items()})

    @property
    def cloud_competencies(self) -> tuple[Competency, ...]:
        """The competencies that can still be attained."""
        return tuple(item for item in self.competencies if not item.retired)

    @property
    def retired_competencies(self) -> tuple[Competency, ...]:
        """The competencies closed to new attainment, kept to read old data."""
        return tuple(item for item in self.competencies if item.retired)

    def competency(self, competency_id: str) -> Competency:
        """The competency with that id; KeyError names it otherwise."""
        for item in self.competencies:
            if item.id == competency_id:
                return item
        raise KeyError(competency_id)

    def credential(self, code: str) -> Credential | None:
        """The credential with that code (case, spaces and "Exam " ignored)."""
        by_code: dict[str, Credential] = self.__dict__["_by_code"]
        return by_code.get(normalize_code(code))

    def find_credentials_by_title(self, title: str) -> tuple[Credential, ...]:
        """The credentials with that title (case and punctuation ignored)."""
        by_title: dict[str, tuple[Credential, ...]] = self.__dict__["_by_title"]
        return by_title.get(normalize_title(title), ())

    def fee_due(self, level: Level, on: date) -> Decimal | None:
        """The fee at that level in force on that day."""
        return self.fee.amount(level, on)
