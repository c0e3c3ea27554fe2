"""Reads a catalogue document (the parsed JSON of ``resources/catalogs/*.json``) into a Catalog.

Validation is complete and strict: an unknown key, a missing threshold, a
rule naming a credential the file does not list, a bad date or a source id
that is not declared raises ``CatalogFormatError`` naming the entry (as a
path such as ``competencies[2].options[0].skills.roles[1].credentials``)
and what is wrong. No file I/O here: ``mpn_desktop.catalog_files`` reads
the file and adds its name to the message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from decimal import Decimal, InvalidOperation
from difflib import get_close_matches
from enum import Enum
from typing import Any, TypeVar

from mpn_desktop.domain.catalog import (
    Catalog,
    Competency,
    Credential,
    CredentialRule,
    FeeRule,
    FeeSchedule,
    Measure,
    MeasureKind,
    Option,
    Performance,
    References,
    Retirement,
    Role,
    Skills,
    Source,
    Threshold,
    Window,
    normalize_code,
)
from mpn_desktop.domain.catalogue_text import catalogue_text
from mpn_desktop.domain.enums import Association, CredentialKind, Level, Workload
from mpn_desktop.domain.vocabulary import _

FORMAT = "mpn-desktop-catalog/1"

_ROOT_KEYS = frozenset(
    {"format", "program", "version", "effective_from", "sources", "fee", "credentials"}
    | {"competencies"}
)
_ROOT_OPTIONAL = frozenset({"effective_until", "notes", "benefits", "retired_competencies"})
ROOT_KEYS = _ROOT_KEYS | _ROOT_OPTIONAL
"""The keys a 2017-2018 catalogue may have at its top."""

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


class CatalogFormatError(ValueError):
    """A catalogue document is not valid; the message names the entry and the problem."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


class _Entry:
    """One JSON object being read, with its path for messages and its keys checked."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise CatalogFormatError(
                where, _("expected an object, found {kind}").format(kind=_kind(value))
            )
        self.value: dict[str, Any] = value
        self.where = where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def check_keys(
        self, required: AbstractSet[str], optional: AbstractSet[str] | None = None
    ) -> None:
        optional = optional or frozenset()
        unknown = sorted(set(self.value) - required - optional)
        if unknown:
            known = required | optional
            allowed = ", ".join(sorted(known))
            # A misspelled key is the commonest mistake in a hand-edited catalogue: the
            # closest known key the entry lacks is offered ("programme": 'program').
            close = get_close_matches(unknown[0], sorted(known - set(self.value)), n=1)
            problem = (
                _("unknown key {key}, did you mean {close}? (known keys: {allowed})").format(
                    key=repr(unknown[0]), close=repr(close[0]), allowed=allowed
                )
                if close
                else _("unknown key {key} (known keys: {allowed})").format(
                    key=repr(unknown[0]), allowed=allowed
                )
            )
            raise CatalogFormatError(self.where, problem)
        missing = sorted(required - set(self.value))
        if missing:
            raise CatalogFormatError(
                self.where, _("missing key {key}").format(key=repr(missing[0]))
            )

    def text(self, key: str, default: str | None = None) -> str:
        value = self.value.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise CatalogFormatError(
                self.at(key), _("expected text, found {kind}").format(kind=_kind(value))
            )
        return value

    def words(self, key: str, default: str | None = None) -> str:
        """A text a person reads, in the chosen language (``catalogue_text``)."""
        return catalogue_text(self.text(key, default))

    def day(self, key: str) -> date:
        return _day(self.value.get(key), self.at(key))

    def optional_day(self, key: str) -> date | None:
        value = self.value.get(key)
        return None if value is None else _day(value, self.at(key))

    def whole(self, key: str) -> int:
        value = self.value.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise CatalogFormatError(
                self.at(key),
                _("expected a whole number of 0 or more, found {value}").format(value=repr(value)),
            )
        return value

    def entries(self, key: str) -> list[_Entry]:
        return [_Entry(item, f"{self.at(key)}[{i}]") for i, item in enumerate(self.items(key))]

    def items(self, key: str) -> list[Any]:
        value = self.value.get(key)
        if not isinstance(value, list):
            raise CatalogFormatError(
                self.at(key), _("expected a list, found {kind}").format(kind=_kind(value))
            )
        return value


def _kind(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return f"{value!r}".lower()
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, list):
        return _("a list")
    return repr(value)


def _day(value: Any, where: str) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CatalogFormatError(
        where, _("{value} is not a date (expected YYYY-MM-DD)").format(value=repr(value))
    )


def _money(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CatalogFormatError(
            where, _("expected an amount, found {kind}").format(kind=_kind(value))
        )
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise CatalogFormatError(
            where, _("{value} is not an amount").format(value=repr(value))
        ) from None
    if not amount.is_finite() or amount < 0:
        raise CatalogFormatError(
            where, _("{value} is not an amount of 0 or more").format(value=repr(value))
        )
    return amount


def _enum(kind: type[E], value: Any, where: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(item.value) for item in kind)
        raise CatalogFormatError(
            where, _("{value} is not one of: {allowed}").format(value=repr(value), allowed=allowed)
        ) from None


def declared_source(
    entry: _Entry, sources: Mapping[str, Source], *, required: bool = False
) -> Source | None:
    """The source ``entry`` names, one of the document's declared ``sources`` (None when it
    names none and none is ``required``); CatalogFormatError names an undeclared one.

    Both programs' readers name their sources so (``designations_parse`` too).
    """
    if "source" not in entry.value and not required:
        return None
    key = entry.text("source")
    if key not in sources:
        known = ", ".join(sorted(sources))
        raise CatalogFormatError(
            entry.at("source"),
            _("unknown source {source} (declared sources: {known})").format(
                source=repr(key), known=known
            ),
        )
    return sources[key]


def _per_level(entry: _Entry, read: Callable[[Any, str], T]) -> dict[Level, T]:
    """A value for each level: silver and gold are both required, nothing else is allowed."""
    entry.check_keys({level.value for level in Level})
    return {level: read(entry.value[level.value], entry.at(level.value)) for level in Level}


class _Reader:
    """Reads one document; holds the sources and credentials that later entries refer to."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.credentials: dict[str, Credential] = {}

    def source(self, entry: _Entry, *, required: bool = False) -> Source | None:
        return declared_source(entry, self.sources, required=required)

    def read(self, document: Any) -> Catalog:
        root = _Entry(document, "")
        root.check_keys(_ROOT_KEYS, _ROOT_OPTIONAL)
        if root.value["format"] != FORMAT:
            raise CatalogFormatError(
                "format",
                _(
                    "{value} is not a catalogue format this program reads (expected {format})"
                ).format(value=repr(root.value["format"]), format=repr(FORMAT)),
            )
        for item in root.entries("sources"):
            found = self._source(item)
            if found.id in self.sources:
                raise CatalogFormatError(
                    item.at("id"),
                    _("source {source} is declared twice").format(source=repr(found.id)),
                )
            self.sources[found.id] = found
        for item in root.entries("credentials"):
            credential = self._credential(item)
            key = normalize_code(credential.code)
            if key in self.credentials:
                raise CatalogFormatError(
                    item.at("code"),
                    _("credential {code} is listed twice").format(code=repr(credential.code)),
                )
            self.credentials[key] = credential
        competencies = [self._competency(item) for item in root.entries("competencies")]
        if "retired_competencies" in root.value:
            competencies.extend(
                self._retired(_Entry(root.value["retired_competencies"], "retired_competencies"))
            )
        cloud_count = len(root.items("competencies"))
        seen: set[str] = set()
        for index, competency in enumerate(competencies):
            if competency.id in seen:
                # Retired ones follow the cloud ones: name the entry where the file has it.
                where = (
                    f"competencies[{index}].id"
                    if index < cloud_count
                    else f"retired_competencies.competencies[{index - cloud_count}].id"
                )
                raise CatalogFormatError(
                    where, _("competency {id} is listed twice").format(id=repr(competency.id))
                )
            seen.add(competency.id)
        effective_from = root.day("effective_from")
        effective_until = root.optional_day("effective_until")
        if effective_until is not None and effective_until < effective_from:
            raise CatalogFormatError(
                "effective_until", _("is before {field}").format(field="effective_from")
            )
        return Catalog(
            program=root.text("program"),
            version=root.text("version"),
            effective_from=effective_from,
            effective_until=effective_until,
            competencies=tuple(competencies),
            credentials=tuple(self.credentials.values()),
            fee=self._fee(_Entry(root.value["fee"], "fee")),
            notes=self._texts(root, "notes", shown=True),
            sources=tuple(self.sources.values()),
            benefits=self._texts(root, "benefits", shown=True),
        )

    def _texts(self, entry: _Entry, key: str, *, shown: bool = False) -> tuple[str, ...]:
        if key not in entry.value:
            return ()
        items = entry.items(key)
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise CatalogFormatError(f"{entry.at(key)}[{index}]", _("expected text"))
        return tuple(catalogue_text(item) for item in items) if shown else tuple(items)

    def _source(self, entry: _Entry) -> Source:
        entry.check_keys({"id", "title"}, {"url", "published"})
        return Source(
            id=entry.text("id"),
            title=entry.text("title"),
            url=entry.text("url", ""),
            published=entry.text("published", ""),
        )

    def _credential(self, entry: _Entry) -> Credential:
        entry.check_keys(
            {"code", "title", "kind", "source"}, {"accept_until", "accept_from", "note", "aliases"}
        )
        accept_from = entry.optional_day("accept_from")
        accept_until = entry.optional_day("accept_until")
        if accept_from and accept_until and accept_until < accept_from:
            raise CatalogFormatError(
                entry.at("accept_until"), _("is before {field}").format(field="accept_from")
            )
        return Credential(
            code=entry.text("code").strip(),
            title=entry.text("title"),
            kind=_enum(CredentialKind, entry.value["kind"], entry.at("kind")),
            accept_until=accept_until,
            accept_from=accept_from,
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
            aliases=self._texts(entry, "aliases"),
        )

    def _fee(self, entry: _Entry) -> FeeRule:
        entry.check_keys({"description", "schedules", "source"}, {"note"})
        schedules: list[FeeSchedule] = []
        for item in entry.entries("schedules"):
            item.check_keys({"effective_from", "silver", "gold", "source"}, {"applies_to", "note"})
            amounts = {
                level: _money(item.value[level.value], item.at(level.value)) for level in Level
            }
            # Only the first schedule may leave its first day open (null): in force
            # on every day before the next one.
            starts_open = not schedules and item.value.get("effective_from") is None
            schedule = FeeSchedule(
                effective_from=None if starts_open else item.day("effective_from"),
                amounts=amounts,
                applies_to=item.words("applies_to", ""),
                source=self.source(item, required=True),
                note=item.words("note", ""),
            )
            before = schedules[-1].effective_from if schedules else None
            if (
                schedules
                and before is not None
                and schedule.effective_from is not None
                and schedule.effective_from <= before
            ):
                raise CatalogFormatError(
                    item.at("effective_from"), _("fee schedules must be in date order")
                )
            schedules.append(schedule)
        if not schedules:
            raise CatalogFormatError(
                entry.at("schedules"), _("at least one fee schedule is needed")
            )
        return FeeRule(
            description=entry.words("description"),
            fees=tuple(schedules),
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
        )

    def _competency(self, entry: _Entry) -> Competency:
        entry.check_keys(
            {"id", "name", "workload", "references", "options", "source"}, {"description", "note"}
        )
        options = [self._option(item) for item in entry.entries("options")]
        if not options:
            raise CatalogFormatError(
                entry.at("options"), _("a competency needs at least one option")
            )
        if len({option.id for option in options}) != len(options):
            raise CatalogFormatError(entry.at("options"), _("two options have the same id"))
        return Competency(
            id=entry.text("id"),
            name=entry.words("name"),
            workload=_enum(Workload, entry.value["workload"], entry.at("workload")),
            description=entry.words("description", ""),
            options=tuple(options),
            references=self._references(_Entry(entry.value["references"], entry.at("references"))),
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
        )

    def _references(self, entry: _Entry) -> References:
        entry.check_keys({"silver", "gold", "valid_years", "source"}, {"note"})
        years = entry.whole("valid_years")
        if years == 0:
            raise CatalogFormatError(entry.at("valid_years"), _("must be 1 or more"))
        return References(
            count={level: entry.whole(level.value) for level in Level},
            valid_years=years,
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
        )

    def _option(self, entry: _Entry) -> Option:
        entry.check_keys({"id", "name", "performance", "skills", "source"}, {"note"})
        return Option(
            id=entry.text("id"),
            name=entry.words("name"),
            performance=self._performance(
                _Entry(entry.value["performance"], entry.at("performance"))
            ),
            skills=self._skills(_Entry(entry.value["skills"], entry.at("skills"))),
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
        )

    def _performance(self, entry: _Entry) -> Performance:
        entry.check_keys({"associations", "measures", "source"}, {"note"})
        associations = frozenset(
            _enum(Association, value, f"{entry.at('associations')}[{index}]")
            for index, value in enumerate(entry.items("associations"))
        )
        if not associations:
            raise CatalogFormatError(entry.at("associations"), _("at least one is needed"))
        measures = tuple(self._measure(item) for item in entry.entries("measures"))
        if not measures:
            raise CatalogFormatError(entry.at("measures"), _("at least one measure is needed"))
        return Performance(
            associations=associations,
            measures=measures,
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
        )

    def _measure(self, entry: _Entry) -> Measure:
        entry.check_keys(
            {"id", "measure", "workload", "window", "description", "thresholds", "source"},
            {"note"},
        )

        def threshold(value: Any, where: str) -> Threshold:
            item = _Entry(value, where)
            item.check_keys({"developed", "developing"})
            return Threshold(
                developed=_money(item.value["developed"], item.at("developed")),
                developing=_money(item.value["developing"], item.at("developing")),
            )

        return Measure(
            id=entry.text("id"),
            kind=_enum(MeasureKind, entry.value["measure"], entry.at("measure")),
            workload=_enum(Workload, entry.value["workload"], entry.at("workload")),
            window=_enum(Window, entry.value["window"], entry.at("window")),
            description=entry.words("description"),
            thresholds=_per_level(
                _Entry(entry.value["thresholds"], entry.at("thresholds")), threshold
            ),
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
        )

    def _skills(self, entry: _Entry) -> Skills:
        entry.check_keys({"roles", "source"}, {"note"})
        roles = tuple(self._role(item) for item in entry.entries("roles"))
        if len({role.id for role in roles}) != len(roles):
            raise CatalogFormatError(entry.at("roles"), _("two roles have the same id"))
        return Skills(
            roles=roles, source=self.source(entry, required=True), note=entry.words("note", "")
        )

    def _role(self, entry: _Entry) -> Role:
        entry.check_keys({"id", "name", "people", "credentials"}, {"note"})

        def count(value: Any, where: str) -> int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise CatalogFormatError(
                    where, _("expected a number of people, found {value}").format(value=repr(value))
                )
            return value

        return Role(
            id=entry.text("id"),
            name=entry.words("name"),
            people=_per_level(_Entry(entry.value["people"], entry.at("people")), count),
            credentials=self._rule(entry.value["credentials"], entry.at("credentials")),
            note=entry.words("note", ""),
        )

    def _rule(self, value: Any, where: str) -> CredentialRule:
        if isinstance(value, str):
            known = self.credentials.get(normalize_code(value))
            if known is None:
                raise CatalogFormatError(
                    where,
                    _("credential {code} is not listed in the catalogue's credentials").format(
                        code=repr(value)
                    ),
                )
            return CredentialRule(code=known.code)
        entry = _Entry(value, where)
        if len(entry.value) != 1 or next(iter(entry.value)) not in ("any_of", "all_of"):
            raise CatalogFormatError(
                where, _("expected a credential code or an object with one key, any_of or all_of")
            )
        key = next(iter(entry.value))
        parts = tuple(
            self._rule(item, f"{entry.at(key)}[{index}]")
            for index, item in enumerate(entry.items(key))
        )
        if not parts:
            raise CatalogFormatError(entry.at(key), _("lists no credential"))
        return CredentialRule(any_of=parts) if key == "any_of" else CredentialRule(all_of=parts)

    def _retired(self, entry: _Entry) -> list[Competency]:
        entry.check_keys(
            {"retired_on", "competencies", "source"},
            {"other_dates", "last_signup", "last_renewal", "note"},
        )
        other_dates = (
            tuple(
                _day(item, f"{entry.at('other_dates')}[{index}]")
                for index, item in enumerate(entry.items("other_dates"))
            )
            if "other_dates" in entry.value
            else ()
        )
        retirement = Retirement(
            retired_on=entry.day("retired_on"),
            other_dates=other_dates,
            last_signup=entry.optional_day("last_signup"),
            last_renewal=entry.optional_day("last_renewal"),
            source=self.source(entry, required=True),
            note=entry.words("note", ""),
        )
        found: list[Competency] = []
        for item in entry.entries("competencies"):
            item.check_keys({"id", "name"}, {"retired_on", "note"})
            own = retirement
            if "retired_on" in item.value:
                own = Retirement(
                    retired_on=item.day("retired_on"),
                    other_dates=(),
                    last_signup=retirement.last_signup,
                    last_renewal=retirement.last_renewal,
                    source=retirement.source,
                    note=retirement.note,
                )
            found.append(
                Competency(
                    id=item.text("id"),
                    name=item.words("name"),
                    retired=True,
                    retirement=own,
                    source=retirement.source,
                    note=item.words("note", ""),
                )
            )
        return found


def parse_catalog(document: Mapping[str, Any] | Any) -> Catalog:
    """The Catalog a parsed JSON document describes; CatalogFormatError names what is wrong."""
    return _Reader().read(document)
